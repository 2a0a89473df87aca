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
    /// The empty part of a track, e.g. behind a progress bar.
    Track,
    /// The n-th colour of the categorical palette (series, parts).
    Series(u8),
    /// The chart's background, e.g. to cut a gap between touching shapes.
    Background,
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
    Rect {
        rect: Rect,
        paint: Paint,
    },
    /// A horizontal or vertical dashed line, e.g. a reference line.
    Dashed {
        from: (f64, f64),
        to: (f64, f64),
        width: f64,
        paint: Paint,
    },
    Text(TextItem),
    /// A filled polygon, e.g. a donut slice or an arrowhead.
    Polygon {
        points: Vec<(f64, f64)>,
        paint: Paint,
    },
    /// A polyline of the given width, e.g. a series or an arrow's shaft.
    Path {
        points: Vec<(f64, f64)>,
        width: f64,
        paint: Paint,
    },
    /// A dashed polyline of the given width, in any direction: a line into an estimate or
    /// a forecast.
    DashedPath {
        points: Vec<(f64, f64)>,
        width: f64,
        paint: Paint,
    },
    /// A circle, filled, or stroked with `stroke` width.
    Circle {
        x: f64,
        y: f64,
        r: f64,
        paint: Paint,
        stroke: Option<f64>,
    },
}

impl Shape {
    /// The smallest rectangle that holds the shape.
    pub fn bounds(&self) -> Rect {
        let of_points = |points: &[(f64, f64)], pad: f64| {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in points {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            if points.is_empty() {
                return Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 0.0,
                    h: 0.0,
                };
            }
            Rect {
                x: x0 - pad,
                y: y0 - pad,
                w: x1 - x0 + 2.0 * pad,
                h: y1 - y0 + 2.0 * pad,
            }
        };
        match self {
            Shape::Rect { rect, .. } => *rect,
            Shape::Dashed {
                from, to, width, ..
            } => {
                let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
                let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
                // The line has its width across it, not along it.
                if y1 - y0 < x1 - x0 {
                    Rect {
                        x: x0,
                        y: y0 - width / 2.0,
                        w: x1 - x0,
                        h: *width,
                    }
                } else {
                    Rect {
                        x: x0 - width / 2.0,
                        y: y0,
                        w: *width,
                        h: y1 - y0,
                    }
                }
            }
            Shape::Text(t) => t.bounds,
            Shape::Polygon { points, .. } => of_points(points, 0.0),
            Shape::Path { points, width, .. } | Shape::DashedPath { points, width, .. } => {
                of_points(points, width / 2.0)
            }
            Shape::Circle {
                x, y, r, stroke, ..
            } => {
                let r = r + stroke.unwrap_or(0.0) / 2.0;
                Rect {
                    x: x - r,
                    y: y - r,
                    w: 2.0 * r,
                    h: 2.0 * r,
                }
            }
        }
    }
}

/// A data mark: where pointing at it counts, what its tooltip says, and how it is
/// emphasised while active (hovered, tapped or reached by the keyboard).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The index of the datum in the model's display order.
    pub index: usize,
    /// The region that selects this mark.
    pub hit: Rect,
    /// The tooltip: a title line, then the value as the article writes it.
    pub tip: Vec<String>,
    /// Where the tooltip points to, in CSS pixels.
    pub anchor: (f64, f64),
    /// Drawn over the chart while this mark is active.
    pub emphasis: Vec<Shape>,
}

/// A 2-pixel outline around `r`, as four rectangles (crisp at any scale).
pub fn outline(r: Rect, paint: Paint) -> Vec<Shape> {
    let t = 2.0;
    let (x0, y0, x1, y1) = (r.x - t, r.y - t, r.right() + t, r.bottom() + t);
    vec![
        Shape::Rect {
            rect: Rect {
                x: x0,
                y: y0,
                w: x1 - x0,
                h: t,
            },
            paint,
        },
        Shape::Rect {
            rect: Rect {
                x: x0,
                y: y1 - t,
                w: x1 - x0,
                h: t,
            },
            paint,
        },
        Shape::Rect {
            rect: Rect {
                x: x0,
                y: y0,
                w: t,
                h: y1 - y0,
            },
            paint,
        },
        Shape::Rect {
            rect: Rect {
                x: x1 - t,
                y: y0,
                w: t,
                h: y1 - y0,
            },
            paint,
        },
    ]
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

    /// The mark under a point, if any. Regions may overlap (a line chart's points at one
    /// date share a vertical band); then the mark whose anchor is nearest wins.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<&Mark> {
        let dist = |m: &Mark| (m.anchor.0 - x).powi(2) + (m.anchor.1 - y).powi(2);
        self.marks
            .iter()
            .filter(|m| m.hit.contains(x, y))
            .min_by(|a, b| dist(a).total_cmp(&dist(b)))
    }

    /// The position of the mark with `index` in `marks`, for keyboard stepping.
    pub fn mark_position(&self, index: usize) -> Option<usize> {
        self.marks.iter().position(|m| m.index == index)
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
