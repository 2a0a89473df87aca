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
    /// A CSS font-family list.
    pub font_family: String,
}

impl Theme {
    /// The default light theme. Every colour has at least 4.5:1 contrast on white for text
    /// and 3:1 for marks.
    pub fn light() -> Theme {
        Theme {
            text: RGBColor(0x1f, 0x23, 0x28),
            muted: RGBColor(0x5c, 0x63, 0x6e),
            grid: RGBColor(0x8a, 0x91, 0x9c),
            mark: RGBColor(0x7b, 0x86, 0x94),
            highlight: RGBColor(0xb4, 0x23, 0x18),
            reference: RGBColor(0x1d, 0x4e, 0x89),
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
        }
    }
}

/// Fonts with Vietnamese glyphs on every common system, newest first.
pub const DEFAULT_FONT: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Liberation Sans\", Arial, sans-serif";

/// Draws `scene` on `backend`, every coordinate multiplied by `scale`.
pub fn draw<DB: DrawingBackend>(
    scene: &Scene,
    theme: &Theme,
    backend: &mut DB,
    scale: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let fill = |backend: &mut DB, r: &Rect, color: RGBColor| {
        // Round edges, not sizes, so that neighbouring rectangles meet without gaps.
        let (x0, y0, x1, y1) = (px(r.x), px(r.y), px(r.right()), px(r.bottom()));
        let style = ShapeStyle {
            color: color.into(),
            filled: true,
            stroke_width: 0,
        };
        backend.draw_rect((x0, y0), (x1.max(x0 + 1), y1.max(y0 + 1)), &style, true)
    };
    backend.ensure_prepared()?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, paint } => fill(backend, rect, theme.color(*paint))?,
            Shape::DashedVLine {
                x,
                y0,
                y1,
                width,
                paint,
            } => {
                let (dash, gap) = (4.0_f64, 3.0_f64);
                let mut y = *y0;
                while y < *y1 {
                    let r = Rect {
                        x: x - width / 2.0,
                        y,
                        w: *width,
                        h: dash.min(y1 - y),
                    };
                    fill(backend, &r, theme.color(*paint))?;
                    y += dash + gap;
                }
            }
            Shape::Text(t) => {
                let style = if t.font.bold { FontStyle::Bold } else { FontStyle::Normal };
                let font = (FontFamily::Name(&theme.font_family), t.font.size * scale)
                    .into_font()
                    .style(style);
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
                backend.draw_text(&t.text, &text_style, (px(t.x), px(y)))?;
            }
        }
    }
    backend.present()
}
