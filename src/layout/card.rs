//! The whole box as one scene: title, subtitle, the chart or the key figures, the status
//! line, the note and the source. It is what "Tải ảnh" / "Download image" saves, so a
//! shared picture carries its headline and its source, as newsroom graphics do; the page
//! itself shows these parts as HTML text.

use crate::format::{Lang, NBSP};
use crate::layout::{self, Paint, Rect, Scene, Shape, stack_lines};
use crate::model::{Body, FactBox};
use crate::text::{Font, Measure, wrap};

/// The margin around the card, in CSS pixels.
const PAD: f64 = 16.0;
const TITLE: Font = Font::bold(20.0);
const BODY: Font = Font::regular(14.0);
const SMALL: Font = Font::regular(12.0);
const NUMBER: Font = Font::bold(30.0);

/// `shape` moved by (`dx`, `dy`).
fn shifted(shape: Shape, dx: f64, dy: f64) -> Shape {
    let move_points = |points: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        points.into_iter().map(|(x, y)| (x + dx, y + dy)).collect()
    };
    match shape {
        Shape::Rect { rect, paint } => Shape::Rect {
            rect: Rect {
                x: rect.x + dx,
                y: rect.y + dy,
                ..rect
            },
            paint,
        },
        Shape::Dashed {
            from,
            to,
            width,
            paint,
        } => Shape::Dashed {
            from: (from.0 + dx, from.1 + dy),
            to: (to.0 + dx, to.1 + dy),
            width,
            paint,
        },
        Shape::Text(mut t) => {
            t.x += dx;
            t.y += dy;
            t.bounds.x += dx;
            t.bounds.y += dy;
            Shape::Text(t)
        }
        Shape::Polygon { points, paint } => Shape::Polygon {
            points: move_points(points),
            paint,
        },
        Shape::Path {
            points,
            width,
            paint,
        } => Shape::Path {
            points: move_points(points),
            width,
            paint,
        },
        Shape::DashedPath {
            points,
            width,
            paint,
        } => Shape::DashedPath {
            points: move_points(points),
            width,
            paint,
        },
        Shape::Circle {
            x,
            y,
            r,
            paint,
            stroke,
        } => Shape::Circle {
            x: x + dx,
            y: y + dy,
            r,
            paint,
            stroke,
        },
    }
}

/// Wraps `text` to `width` and stacks its lines at `y`; returns the `y` under them.
fn paragraph(
    shapes: &mut Vec<Shape>,
    measure: &dyn Measure,
    text: &str,
    y: f64,
    width: f64,
    font: Font,
    paint: Paint,
) -> f64 {
    let lines = wrap(measure, text, font, width, 6);
    stack_lines(shapes, measure, lines, PAD, y, font, paint)
}

/// A symbol a status sentence starts with ([`status`]), which Arial lacks: the image draws
/// it as lines, at a size the layout knows, instead of leaving it to a fallback font of
/// another width (the page's HTML writes the symbol, where text flows around it).
#[derive(Clone, Copy)]
enum Icon {
    Check,
    Cross,
    Warning,
}

/// The symbols, each with the space after it, as the status sentences write them.
const ICONS: [(&str, Icon); 3] = [
    ("\u{2713} ", Icon::Check),
    ("\u{2717} ", Icon::Cross),
    ("\u{26a0}\u{fe0e} ", Icon::Warning),
];

/// The lines of `icon` in a square of side `s` with its top left corner at (`x`, `y`).
fn icon(icon: Icon, x: f64, y: f64, s: f64, paint: Paint) -> Vec<Shape> {
    let at = |points: &[(f64, f64)]| -> Vec<(f64, f64)> {
        points.iter().map(|&(px, py)| (x + px * s, y + py * s)).collect()
    };
    let line = |points: &[(f64, f64)], width: f64| Shape::Path {
        points: at(points),
        width: width * s,
        paint,
    };
    match icon {
        Icon::Check => vec![line(&[(0.08, 0.55), (0.38, 0.85), (0.92, 0.15)], 0.16)],
        Icon::Cross => vec![
            line(&[(0.15, 0.15), (0.85, 0.85)], 0.16),
            line(&[(0.85, 0.15), (0.15, 0.85)], 0.16),
        ],
        Icon::Warning => vec![
            line(&[(0.5, 0.04), (0.98, 0.94), (0.02, 0.94), (0.5, 0.04)], 0.1),
            line(&[(0.5, 0.36), (0.5, 0.62)], 0.12),
            Shape::Circle {
                x: x + 0.5 * s,
                y: y + 0.78 * s,
                r: 0.07 * s,
                paint,
                stroke: None,
            },
        ],
    }
}

/// The status sentence under the chart: its symbol drawn ([`Icon`]), the words beside it.
fn status_paragraph(
    shapes: &mut Vec<Shape>,
    measure: &dyn Measure,
    text: &str,
    y: f64,
    width: f64,
) -> f64 {
    let found = ICONS
        .iter()
        .find_map(|&(symbol, i)| text.strip_prefix(symbol).map(|rest| (i, rest)));
    let Some((i, rest)) = found else {
        return paragraph(shapes, measure, text, y, width, BODY, Paint::Text);
    };
    // The symbol a little smaller than the letters, centred on the first line.
    let side = (BODY.size * 0.8).round();
    let indent = side + 6.0;
    shapes.extend(icon(i, PAD, y + (BODY.line_height() - side) / 2.0, side, Paint::Text));
    let lines = wrap(measure, rest, BODY, width - indent, 6);
    stack_lines(shapes, measure, lines, PAD + indent, y, BODY, Paint::Text)
}

/// The key figures, one under the other: the number large, then its label and change.
fn figures(
    shapes: &mut Vec<Shape>,
    b: &FactBox,
    figures: &[crate::model::Figure],
    measure: &dyn Measure,
    mut y: f64,
    width: f64,
) -> f64 {
    for f in figures {
        let v = layout::figures::view(f, b.lang);
        let number = match &v.unit {
            Some(unit) if v.unit_attached => format!("{}{unit}", v.number),
            Some(unit) => format!("{}{NBSP}{unit}", v.number),
            None => v.number.clone(),
        };
        let line = match &v.qualifier {
            Some(q) => format!("{q} {number}"),
            None => number,
        };
        y = paragraph(shapes, measure, &line, y, width, NUMBER, Paint::Highlight);
        if let Some(status) = &v.status {
            // The word the page shows beside the figure, on its own line in the image.
            y = paragraph(
                shapes,
                measure,
                &format!("({status})"),
                y,
                width,
                BODY,
                Paint::Muted,
            );
        }
        y = paragraph(shapes, measure, &v.label, y, width, BODY, Paint::Text);
        if let Some(ch) = &v.change {
            let text = format!("{} {} {}", ch.direction.arrow(), ch.change, ch.context);
            y = paragraph(shapes, measure, &text, y, width, BODY, Paint::Muted);
        }
        y += 12.0;
    }
    y
}

/// A table's first page of rows as a grid, its header in bold, numbers right-aligned, each
/// text cut to its column; then how many rows the image leaves out (the page has them all).
fn table(
    shapes: &mut Vec<Shape>,
    b: &FactBox,
    t: &crate::model::Table,
    measure: &dyn Measure,
    mut y: f64,
    width: f64,
) -> f64 {
    use crate::layout::{Anchor, Baseline, TextItem};
    const HEAD: Font = Font::bold(12.0);
    const ROW: f64 = 24.0;
    let n = t.columns.len().max(1);
    // The first column, which names the rows, gets twice a column's room.
    let unit = width / (n as f64 + 1.0);
    let left = |c: usize| PAD + if c == 0 { 0.0 } else { unit * (c as f64 + 1.0) };
    let right = |c: usize| PAD + unit * (c as f64 + 2.0);
    let cell = |shapes: &mut Vec<Shape>, c: usize, text: &str, y: f64, font: Font, paint: Paint| {
        let room = if c == 0 { 2.0 * unit } else { unit } - 8.0;
        let text = if measure.width(text, font) <= room {
            text.to_owned()
        } else {
            crate::text::ellipsize(measure, text, font, room)
        };
        let w = measure.width(&text, font);
        let numeric = t.columns.get(c).is_some_and(|col| col.numbers.is_some());
        let (x, anchor) = if numeric && c > 0 {
            (right(c) - 4.0, Anchor::End)
        } else {
            (left(c), Anchor::Start)
        };
        shapes.push(Shape::Text(TextItem::new(text, x, y, w, font, anchor, Baseline::Top, paint)));
    };
    for (c, col) in t.columns.iter().enumerate() {
        cell(shapes, c, &crate::table::heading(col, b.lang), y, HEAD, Paint::Muted);
    }
    y += ROW;
    let rule = |shapes: &mut Vec<Shape>, y: f64| {
        shapes.push(Shape::Rect {
            rect: Rect { x: PAD, y: y - 6.0, w: width, h: 1.0 },
            paint: Paint::Grid,
        });
    };
    rule(shapes, y);
    let shown = if t.page_size == 0 { t.rows.len() } else { t.page_size.min(t.rows.len()) };
    for row in t.rows.iter().take(shown) {
        for (c, (col, value)) in t.columns.iter().zip(&row.cells).enumerate() {
            let font = if row.highlight { Font::bold(13.0) } else { Font::regular(13.0) };
            let paint = if row.highlight { Paint::Highlight } else { Paint::Text };
            let text = crate::table::cell_text(col, value, b.lang).unwrap_or_else(|| "–".to_owned());
            cell(shapes, c, &text, y, font, paint);
        }
        y += ROW;
    }
    if shown < t.rows.len() {
        let more = t.rows.len() - shown;
        let text = match b.lang {
            Lang::Vi => format!("… và {more} dòng nữa (xem trong trang)"),
            Lang::En => format!("… and {more} more rows (on the page)"),
        };
        y = paragraph(shapes, measure, &text, y, width, SMALL, Paint::Muted);
    }
    y + 8.0
}

/// The sentence a chart shows under it in the page, if any: a target met or missed, or
/// the part of a share the chart leaves out.
pub fn status(body: &Body, lang: Lang) -> Option<String> {
    match body {
        Body::Progress(p) => layout::progress::status_text(p, lang),
        Body::Share(s) => s.shortfall.map(|missing| {
            let total = s.format.with_unit(s.total, lang);
            let gap = s.format.with_unit(missing, lang);
            match lang {
                Lang::Vi => format!(
                    "⚠\u{fe0e} Các phần cộng lại ít hơn tổng {total}: còn thiếu {gap} không được thể hiện trong biểu đồ."
                ),
                Lang::En => format!(
                    "⚠\u{fe0e} The parts add up to less than the total of {total}: {gap} are not shown in the chart."
                ),
            }
        }),
        _ => None,
    }
}

/// The footer line: source, byline and date.
pub fn meta_line(b: &FactBox) -> String {
    let words = b.lang.words();
    let mut parts = Vec::new();
    if let Some(s) = &b.source {
        parts.push(format!("{}: {}", words.source, s.text));
    }
    if let Some(by) = &b.byline {
        parts.push(by.clone());
    }
    if let Some(d) = &b.as_of {
        parts.push(format!("{} {}", words.as_of, d.display(b.lang)));
    }
    parts.join(" · ")
}

/// Lays out the whole box at `width` CSS pixels, on a background.
pub fn card(b: &FactBox, width: f64, measure: &dyn Measure) -> Scene {
    // The chart inside keeps its own narrowest layout, so the card is that plus margins.
    let width = layout::clamp_width(width).max(layout::MIN_WIDTH + 2.0 * PAD);
    let inner = width - 2.0 * PAD;
    let mut shapes = vec![Shape::Rect {
        rect: Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: 0.0,
        },
        paint: Paint::Background,
    }];
    let mut y = paragraph(
        &mut shapes,
        measure,
        &b.title,
        PAD,
        inner,
        TITLE,
        Paint::Text,
    );
    if let Some(sub) = &b.subtitle {
        y = paragraph(
            &mut shapes,
            measure,
            sub,
            y + 2.0,
            inner,
            BODY,
            Paint::Muted,
        );
    }
    y += 12.0;
    match &b.body {
        Body::Figures(list, _) => y = figures(&mut shapes, b, list, measure, y, inner),
        Body::Table(t) => y = table(&mut shapes, b, t, measure, y, inner),
        body => {
            if let Some(scene) = layout::chart(body, inner, b.lang, measure, &[]) {
                shapes.extend(scene.shapes.into_iter().map(|s| shifted(s, PAD, y)));
                y += scene.height + 8.0;
            }
        }
    }
    if let Some(text) = status(&b.body, b.lang) {
        y = status_paragraph(&mut shapes, measure, &text, y, inner) + 4.0;
    }
    if let Some(note) = &b.note {
        y = paragraph(&mut shapes, measure, note, y, inner, SMALL, Paint::Muted) + 2.0;
    }
    let meta = meta_line(b);
    if !meta.is_empty() {
        y = paragraph(&mut shapes, measure, &meta, y, inner, SMALL, Paint::Muted);
    }
    let height = (y + PAD).ceil();
    if let Some(Shape::Rect { rect, .. }) = shapes.first_mut() {
        rect.h = height;
    }
    Scene {
        width,
        height,
        shapes,
        marks: Vec::new(),
    }
}
