//! Pure layout: from a validated box, a width and a text measurer to geometry and
//! formatted text.
//!
//! Canvas charts are laid out into a [`Scene`]: rectangles, lines and texts in CSS pixels,
//! plus the hit regions of each data mark. The scene knows every text box it placed, so
//! tests can check that nothing overlaps or leaves the box, and the same scene is drawn on a
//! canvas in the page and into an SVG in tests. Key-figure boxes are HTML, so their layout
//! is only the formatted text ([`figures`]).

pub mod axis;
pub mod bar;
pub mod card;
pub mod figures;
pub mod line;
pub mod progress;
pub mod rank;
mod scene;
pub mod share;

pub use scene::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};

/// The narrowest and widest chart a box lays out for, in CSS pixels. Narrower containers
/// get the narrowest layout (and scroll), wider ones the widest (centred by CSS).
pub const MIN_WIDTH: f64 = 240.0;
pub const MAX_WIDTH: f64 = 1400.0;

/// Clamps a container width to the range layout supports; non-finite widths (an element
/// not in the page yet) get the narrowest layout.
pub fn clamp_width(width: f64) -> f64 {
    if width.is_finite() {
        crate::format::fit(width, MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    }
}

use crate::format::Lang;
use crate::model::Body;
use crate::text::{Font, Measure};

/// Places `lines` one under the other, left-aligned at `x`, the first line's top at `y`;
/// returns the `y` under the last line.
pub fn stack_lines(
    shapes: &mut Vec<Shape>,
    measure: &dyn Measure,
    lines: Vec<String>,
    x: f64,
    y: f64,
    font: Font,
    paint: Paint,
) -> f64 {
    let mut y = y;
    for line in lines {
        let w = measure.width(&line, font);
        shapes.push(Shape::Text(TextItem::new(
            line,
            x,
            y,
            w,
            font,
            Anchor::Start,
            Baseline::Top,
            paint,
        )));
        y += font.line_height();
    }
    y
}

/// The words of the one-line key above a chart with values that are not measurements:
/// the statuses present, in the order of their first value (`ước tính · dự báo`), then
/// `range` (how the chart draws a range) when any value is one; `None` when all are
/// measured numbers.
pub(crate) fn key_text(
    values: impl Iterator<Item = crate::format::Value>,
    range: &str,
    lang: Lang,
) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut ranges = false;
    for v in values {
        if let Some(w) = v.status().map(|s| s.word(lang)) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
        ranges |= v.is_range();
    }
    if ranges {
        words.push(range);
    }
    (!words.is_empty()).then(|| words.join(" · "))
}

/// Lays out the chart of any chart kind; `None` for key figures, which are HTML. `hidden`
/// marks series a reader switched off in a line chart's legend.
pub fn chart(
    body: &Body,
    width: f64,
    lang: Lang,
    measure: &dyn Measure,
    hidden: &[bool],
) -> Option<Scene> {
    Some(match body {
        Body::Figures(..) | Body::Table(_) => return None,
        Body::Bar(c) => bar::layout(c, width, lang, measure),
        Body::RankChange(c) => rank::layout(c, width, lang, measure),
        Body::Line(c) => line::layout(c, width, lang, measure, hidden),
        Body::Share(c) => share::layout(c, width, lang, measure),
        Body::Progress(c) => progress::layout(c, width, lang, measure),
    })
}
