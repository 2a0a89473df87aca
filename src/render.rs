//! Drawing a laid-out [`Scene`] on any plotters [`DrawingBackend`]: the canvas in the page,
//! SVG in tests and exports.
//!
//! Past validation and layout, drawing cannot fail on the data; the only errors are the
//! backend's own (a lost canvas context), which are passed through. Coordinates are in CSS
//! pixels and multiplied by `scale` here, so a canvas with `devicePixelRatio` times as many
//! pixels is drawn sharply (plotters-canvas does not scale by itself). Lines are drawn as
//! filled rectangles so they stay crisp at any scale.

use plotters::prelude::{DrawingBackend, IntoFont, RGBColor, ShapeStyle, TextStyle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontFamily, FontStyle};
use plotters_backend::DrawingErrorKind;

use crate::layout::{Anchor, Baseline, Paint, Rect, Scene, Shape};

/// The colours and font a scene is drawn with; read from the page's CSS in the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub mark: RGBColor,
    pub highlight: RGBColor,
    pub reference: RGBColor,
    pub track: RGBColor,
    pub background: RGBColor,
    /// The categorical palette, for series and parts, in order.
    pub series: Vec<RGBColor>,
    /// A CSS font-family list.
    pub font_family: String,
}

/// The default categorical palette on light backgrounds, in order of use: hues that stay
/// apart (CIE76 ΔE ≥ 12, with the highlight colour too) under simulated protanopia,
/// deuteranopia and tritanopia, each with 3:1 contrast on the box background; chosen and
/// checked by `tests/theme.rs`.
const LIGHT_SERIES: [RGBColor; 6] = [
    RGBColor(0x1d, 0x4e, 0x89),
    RGBColor(0x0a, 0x93, 0x96),
    RGBColor(0xe6, 0x61, 0x00),
    RGBColor(0x1b, 0x78, 0x37),
    RGBColor(0xad, 0x14, 0x57),
    RGBColor(0x4a, 0x6f, 0xa5),
];

/// The same hues, lighter, for dark backgrounds.
const DARK_SERIES: [RGBColor; 6] = [
    RGBColor(0x7f, 0xb2, 0xf0),
    RGBColor(0xff, 0xd9, 0x2f),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0xc5, 0xe1, 0xa5),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x4d, 0xd0, 0xe1),
];

impl Theme {
    /// The default light theme. Every colour has at least 4.5:1 contrast on white for text
    /// and 3:1 for marks.
    pub fn light() -> Theme {
        Theme {
            text: RGBColor(0x1f, 0x23, 0x28),
            muted: RGBColor(0x5c, 0x63, 0x6e),
            grid: RGBColor(0x7d, 0x84, 0x8e),
            mark: RGBColor(0x7b, 0x86, 0x94),
            highlight: RGBColor(0xb4, 0x23, 0x18),
            reference: RGBColor(0x1d, 0x4e, 0x89),
            track: RGBColor(0xdd, 0xdf, 0xe2),
            background: RGBColor(0xf6, 0xf6, 0xf4),
            series: LIGHT_SERIES.to_vec(),
            font_family: DEFAULT_FONT.to_owned(),
        }
    }

    /// The default dark theme, for a background of about #16181d.
    pub fn dark() -> Theme {
        Theme {
            text: RGBColor(0xe8, 0xea, 0xed),
            muted: RGBColor(0xa9, 0xb0, 0xba),
            grid: RGBColor(0x70, 0x77, 0x82),
            mark: RGBColor(0x8d, 0x97, 0xa5),
            highlight: RGBColor(0xff, 0x7a, 0x66),
            reference: RGBColor(0x8c, 0xb8, 0xff),
            track: RGBColor(0x3a, 0x3f, 0x47),
            background: RGBColor(0x1c, 0x1f, 0x24),
            series: DARK_SERIES.to_vec(),
            font_family: DEFAULT_FONT.to_owned(),
        }
    }

    fn color(&self, paint: Paint) -> RGBColor {
        match paint {
            Paint::Text => self.text,
            Paint::Muted => self.muted,
            Paint::Grid => self.grid,
            Paint::Mark => self.mark,
            Paint::Highlight => self.highlight,
            Paint::Reference => self.reference,
            Paint::Track => self.track,
            Paint::Background => self.background,
            Paint::Series(i) => {
                let n = self.series.len().max(1);
                self.series
                    .get(usize::from(i) % n)
                    .copied()
                    .unwrap_or(self.mark)
            }
        }
    }
}

/// Fonts with Vietnamese glyphs on every common system, newest first.
pub const DEFAULT_FONT: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", Arial, sans-serif";

/// Draws `scene` on `backend`, every coordinate multiplied by `scale`, with the mark
/// whose index is `active` (hovered, tapped or chosen by keyboard) emphasised.
pub fn draw<DB: DrawingBackend>(
    scene: &Scene,
    theme: &Theme,
    backend: &mut DB,
    scale: f64,
    active: Option<usize>,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    backend.ensure_prepared()?;
    for shape in &scene.shapes {
        draw_shape(shape, theme, backend, scale)?;
    }
    if let Some(mark) = active.and_then(|i| scene.marks.iter().find(|m| m.index == i)) {
        for shape in &mark.emphasis {
            draw_shape(shape, theme, backend, scale)?;
        }
    }
    backend.present()
}

pub(crate) fn draw_shape<DB: DrawingBackend>(
    shape: &Shape,
    theme: &Theme,
    backend: &mut DB,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let point = |&(x, y): &(f64, f64)| (px(x), px(y));
    let style = |paint: Paint, filled: bool, width: f64| ShapeStyle {
        color: theme.color(paint).into(),
        filled,
        stroke_width: (width * scale).round().max(1.0) as u32,
    };
    let fill = |backend: &mut DB, r: &Rect, paint: Paint| {
        // Round edges, not sizes, so that neighbouring rectangles meet without gaps.
        let (x0, y0, x1, y1) = (px(r.x), px(r.y), px(r.right()), px(r.bottom()));
        backend.draw_rect(
            (x0, y0),
            (x1.max(x0 + 1), y1.max(y0 + 1)),
            &style(paint, true, 0.0),
            true,
        )
    };
    match shape {
        Shape::Rect { rect, paint } => fill(backend, rect, *paint),
        Shape::Dashed {
            from,
            to,
            width,
            paint,
        } => {
            let (dash, gap) = (4.0_f64, 3.0_f64);
            let horizontal = (to.1 - from.1).abs() < (to.0 - from.0).abs();
            let (start, end) = if horizontal {
                (from.0.min(to.0), from.0.max(to.0))
            } else {
                (from.1.min(to.1), from.1.max(to.1))
            };
            let mut t = start;
            while t < end {
                let len = dash.min(end - t);
                let r = if horizontal {
                    Rect {
                        x: t,
                        y: from.1 - width / 2.0,
                        w: len,
                        h: *width,
                    }
                } else {
                    Rect {
                        x: from.0 - width / 2.0,
                        y: t,
                        w: *width,
                        h: len,
                    }
                };
                fill(backend, &r, *paint)?;
                t += dash + gap;
            }
            Ok(())
        }
        Shape::Polygon { points, paint } => {
            backend.fill_polygon(points.iter().map(point), &style(*paint, true, 0.0))
        }
        Shape::Path {
            points,
            width,
            paint,
        } => backend.draw_path(points.iter().map(point), &style(*paint, false, *width)),
        Shape::DashedPath {
            points,
            width,
            paint,
        } => {
            // Dashes of 5 px with gaps of 4 px along the whole polyline, the pattern carried
            // over from one segment to the next so that a bend does not restart it.
            let (dash, gap) = (5.0_f64, 4.0_f64);
            let style = style(*paint, false, *width);
            let mut phase = 0.0_f64;
            for pair in points.windows(2) {
                let [(x0, y0), (x1, y1)] = pair else { continue };
                let (dx, dy) = (x1 - x0, y1 - y0);
                let len = (dx * dx + dy * dy).sqrt();
                if len <= f64::EPSILON {
                    continue;
                }
                let at = |t: f64| (px(x0 + (x1 - x0) * t / len), px(y0 + (y1 - y0) * t / len));
                let mut t = 0.0;
                while t < len {
                    // Not `%`: a float remainder is `fmod`, 2 kB of library code in the
                    // wasm (128-bit division inside) for this one line.
                    let period = dash + gap;
                    let in_cycle = phase - (phase / period).floor() * period;
                    if in_cycle < dash {
                        let end = (t + dash - in_cycle).min(len);
                        backend.draw_path([at(t), at(end)], &style)?;
                        phase += end - t;
                        t = end;
                    } else {
                        let end = (t + dash + gap - in_cycle).min(len);
                        phase += end - t;
                        t = end;
                    }
                }
            }
            Ok(())
        }
        Shape::Circle {
            x,
            y,
            r,
            paint,
            stroke,
        } => {
            let radius = (r * scale).round().max(1.0) as u32;
            match stroke {
                None => {
                    backend.draw_circle((px(*x), px(*y)), radius, &style(*paint, true, 0.0), true)
                }
                Some(w) => {
                    backend.draw_circle((px(*x), px(*y)), radius, &style(*paint, false, *w), false)
                }
            }
        }
        Shape::Text(t) => {
            let weight = if t.font.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            };
            let font = (FontFamily::Name(&theme.font_family), t.font.size * scale)
                .into_font()
                .style(weight);
            let pos = Pos::new(
                match t.anchor {
                    Anchor::Start => HPos::Left,
                    Anchor::Middle => HPos::Center,
                    Anchor::End => HPos::Right,
                },
                match t.baseline {
                    Baseline::Top => VPos::Top,
                    Baseline::Middle => VPos::Center,
                    Baseline::Bottom => VPos::Bottom,
                },
            );
            let color = theme.color(t.paint);
            let text_style = TextStyle::from(font).color(&color).pos(pos);
            // Top-aligned text is placed by its line box, whose top is a little above
            // the glyphs; shift by the half-leading so that bounds and ink agree.
            let y = match t.baseline {
                Baseline::Top => t.y + (t.font.line_height() - t.font.size) / 2.0,
                Baseline::Middle => t.y,
                Baseline::Bottom => t.y - (t.font.line_height() - t.font.size) / 2.0,
            };
            backend.draw_text(&t.text, &text_style, (px(t.x), px(y)))
        }
    }
}
