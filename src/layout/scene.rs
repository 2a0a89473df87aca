//! The laid-out chart: what to draw, where, and which data mark is where.

use crate::text::Font;

/// An axis-aligned rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - 1e-6
            && other.x < self.right() - 1e-6
            && self.y < other.bottom() - 1e-6
            && other.y < self.bottom() - 1e-6
    }
    /// Whether `other` lies within this rectangle.
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x - 1e-6
            && other.y >= self.y - 1e-6
            && other.right() <= self.right() + 1e-6
            && other.bottom() <= self.bottom() + 1e-6
    }
    /// Whether the point lies within this rectangle.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }
}

/// A colour role; the theme decides the colour, so one layout serves light and dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Main text.
    Text,
    /// Secondary text: axis labels, notes.
    Muted,
    /// Grid lines and the zero line.
    Grid,
    /// An ordinary data mark.
    Mark,
    /// A highlighted data mark (e.g. Việt Nam).
    Highlight,
    /// A reference line and its label.
    Reference,
}

/// Horizontal alignment of a text at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Vertical alignment of a text at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// A piece of text placed in the scene, with the box it occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct TextItem {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub font: Font,
    pub anchor: Anchor,
    pub baseline: Baseline,
    pub paint: Paint,
    /// The area the text covers, from its measured width and the font's line height.
    pub bounds: Rect,
}

impl TextItem {
    /// A text at (`x`, `y`) with the given alignment; `width` is its measured width.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        text: String,
        x: f64,
        y: f64,
        width: f64,
        font: Font,
        anchor: Anchor,
        baseline: Baseline,
        paint: Paint,
    ) -> TextItem {
        let h = font.line_height();
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        };
        let top = match baseline {
            Baseline::Top => y,
            Baseline::Middle => y - h / 2.0,
            Baseline::Bottom => y - h,
        };
        TextItem {
            x,
            y,
            text,
            font,
            anchor,
            baseline,
            paint,
            bounds: Rect {
                x: left,
                y: top,
                w: width,
                h,
            },
        }
    }
}

/// One drawing instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Rect { rect: Rect, paint: Paint },
    /// A vertical dashed line, e.g. a reference line.
    DashedVLine {
        x: f64,
        y0: f64,
        y1: f64,
        width: f64,
        paint: Paint,
    },
    Text(TextItem),
}

/// A data mark and the region where pointing at it counts (for tooltips).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The index of the datum in the model's display order.
    pub index: usize,
    /// The region that selects this mark.
    pub hit: Rect,
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub marks: Vec<Mark>,
}

impl Scene {
    /// Every text placed, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &TextItem> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(t) => Some(t),
            _ => None,
        })
    }

    /// The whole scene's area.
    pub fn frame(&self) -> Rect {
        Rect {
            x: 0.0,
            y: 0.0,
            w: self.width,
            h: self.height,
        }
    }

    /// The mark under a point, if any.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<&Mark> {
        self.marks.iter().find(|m| m.hit.contains(x, y))
    }

    /// Pairs of texts whose boxes overlap; empty in a good layout.
    pub fn overlapping_texts(&self) -> Vec<(String, String)> {
        let texts: Vec<&TextItem> = self.texts().collect();
        let mut out = Vec::new();
        for (i, a) in texts.iter().enumerate() {
            for b in texts.iter().skip(i + 1) {
                if a.bounds.overlaps(&b.bounds) {
                    out.push((a.text.clone(), b.text.clone()));
                }
            }
        }
        out
    }
}
