//! Layout of a share: parts of a whole as one 100% stacked bar or a donut, with a legend
//! that gives every part's value and percentage in words.

use crate::format::{Lang, format_fixed};
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};
use crate::model::{ShareChart, SharePart};
use crate::text::{Font, Measure, wrap};

const LEGEND: Font = Font::regular(14.0);
const LEGEND_BOLD: Font = Font::bold(14.0);
const INSIDE: Font = Font::bold(13.0);
const BIG: Font = Font::bold(20.0);
const BAR_H: f64 = 40.0;
const SWATCH: f64 = 14.0;

/// The percentage of part `p`, with one decimal (`85,4%`).
pub fn percent_text(chart: &ShareChart, p: &SharePart, lang: Lang) -> String {
    let pct = if chart.total.value() > 0.0 {
        p.value.value() / chart.total.value() * 100.0
    } else {
        0.0
    };
    let text = format_fixed(pct, 1, lang);
    let text = text
        .strip_suffix(",0")
        .or_else(|| text.strip_suffix(".0"))
        .unwrap_or(&text)
        .to_owned();
    format!("{text}%")
}

/// `2.186 ca (85,4%)`: the value as written (in full where the format rounds it) and
/// its share.
pub fn value_text(chart: &ShareChart, p: &SharePart, lang: Lang) -> String {
    format!(
        "{} ({})",
        chart.format.exact(None, p.value, lang),
        percent_text(chart, p, lang)
    )
}

/// The paint of part `i`.
pub fn part_paint(p: &SharePart, i: usize) -> Paint {
    if p.highlight {
        Paint::Highlight
    } else if p.other {
        Paint::Track
    } else {
        Paint::Series(u8::try_from(i % 6).unwrap_or(0))
    }
}

fn tip(chart: &ShareChart, p: &SharePart, lang: Lang) -> Vec<String> {
    vec![p.label.clone(), value_text(chart, p, lang)]
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &ShareChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    if chart.donut {
        donut(chart, width, lang, measure)
    } else {
        bar(chart, width, lang, measure)
    }
}

/// The legend: a swatch, the label in bold, then value and percentage; in two columns when
/// there is room. Returns the shapes' bottom. Each entry also selects its part.
fn legend(
    chart: &ShareChart,
    lang: Lang,
    measure: &dyn Measure,
    area: Rect,
    shapes: &mut Vec<Shape>,
    hits: &mut Vec<Rect>,
) -> f64 {
    let columns = if area.w >= 560.0 { 2 } else { 1 };
    let col_w = area.w / columns as f64;
    let text_w = col_w - SWATCH - 8.0 - 12.0;
    let mut bottoms = vec![area.y; columns];
    for (i, p) in chart.parts.iter().enumerate() {
        let col = i % columns;
        let x = area.x + col as f64 * col_w;
        let y = bottoms.get(col).copied().unwrap_or(area.y);
        let text = format!("{}: {}", p.label, value_text(chart, p, lang));
        let font = if p.highlight { LEGEND_BOLD } else { LEGEND };
        let lines = wrap(measure, &text, font, text_w, 3);
        shapes.push(Shape::Rect {
            rect: Rect {
                x,
                y: y + 3.0,
                w: SWATCH,
                h: SWATCH,
            },
            paint: part_paint(p, i),
        });
        let mut ly = y;
        for line in lines {
            let w = measure.width(&line, font);
            shapes.push(Shape::Text(TextItem::new(
                line,
                x + SWATCH + 8.0,
                ly,
                w,
                font,
                Anchor::Start,
                Baseline::Top,
                Paint::Text,
            )));
            ly += font.line_height();
        }
        hits.push(Rect {
            x,
            y,
            w: col_w,
            h: ly - y + 6.0,
        });
        if let Some(b) = bottoms.get_mut(col) {
            *b = ly + 6.0;
        }
    }
    bottoms.into_iter().fold(area.y, f64::max)
}

fn bar(chart: &ShareChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let mut x = 0.0;
    let mut segments = Vec::new();
    let whole = chart.whole();
    for (i, p) in chart.parts.iter().enumerate() {
        let w = if whole > 0.0 {
            p.value.value() / whole * width
        } else {
            0.0
        };
        let rect = Rect {
            x,
            y: 0.0,
            w,
            h: BAR_H,
        };
        if w > 0.0 {
            shapes.push(Shape::Rect {
                rect,
                paint: part_paint(p, i),
            });
            // A thin gap in the background colour keeps neighbouring parts apart even when
            // their colours are close for some readers.
            if x > 0.0 {
                let sx = crate::format::fit(x - 1.0, 0.0, width - 2.0);
                shapes.push(Shape::Rect {
                    rect: Rect {
                        x: sx,
                        y: 0.0,
                        w: 2.0,
                        h: BAR_H,
                    },
                    paint: Paint::Background,
                });
            }
        }
        // The percentage inside the segment, when it fits.
        let pct = percent_text(chart, p, lang);
        let pw = measure.width(&pct, INSIDE);
        if pw + 10.0 <= w && !p.other {
            shapes.push(Shape::Text(TextItem::new(
                pct,
                x + w / 2.0,
                BAR_H / 2.0,
                pw,
                INSIDE,
                Anchor::Middle,
                Baseline::Middle,
                Paint::Background,
            )));
        }
        segments.push(rect);
        x += w;
    }
    let mut hits = Vec::new();
    let bottom = legend(
        chart,
        lang,
        measure,
        Rect {
            x: 0.0,
            y: BAR_H + 14.0,
            w: width,
            h: 0.0,
        },
        &mut shapes,
        &mut hits,
    );
    for (i, (p, seg)) in chart.parts.iter().zip(&segments).enumerate() {
        let mark = Mark {
            index: i,
            hit: *seg,
            tip: tip(chart, p, lang),
            anchor: (seg.x + seg.w / 2.0, 0.0),
            emphasis: outline(
                Rect {
                    w: seg.w.max(1.0),
                    ..*seg
                },
                Paint::Text,
            ),
        };
        // The part's legend entry selects it too.
        marks.extend(legend_mark(&mark, hits.get(i)));
        marks.push(mark);
    }
    // Keyboard order follows the parts: drop the legend duplicates from stepping by keeping
    // the segment first (mark_position finds the first).
    Scene {
        width,
        height: bottom.ceil(),
        shapes,
        marks,
    }
}

/// The sine and cosine of `a` (radians), to about 1e-10: a series after reducing `a` to
/// within π of zero. Exact enough to draw with, and far smaller in the wasm than libm's.
pub fn sin_cos(a: f64) -> (f64, f64) {
    let tau = std::f64::consts::TAU;
    let x = a - (a / tau).round() * tau;
    let x2 = x * x;
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (x, 1.0);
    for k in 0..12 {
        sin += s_term;
        cos += c_term;
        let n = 2.0 * f64::from(k);
        s_term *= -x2 / ((n + 2.0) * (n + 3.0));
        c_term *= -x2 / ((n + 1.0) * (n + 2.0));
    }
    (sin, cos)
}

/// The same mark, selected by its legend entry's region `hit`.
fn legend_mark(mark: &Mark, hit: Option<&Rect>) -> Option<Mark> {
    hit.map(|h| Mark {
        hit: *h,
        ..mark.clone()
    })
}

fn arc(cx: f64, cy: f64, r_out: f64, r_in: f64, a0: f64, a1: f64) -> Vec<(f64, f64)> {
    let steps = (((a1 - a0).abs() / (std::f64::consts::PI / 90.0)).ceil() as usize).max(2);
    let at = |r: f64, a: f64| {
        let (sin, cos) = sin_cos(a);
        (cx + r * sin, cy - r * cos)
    };
    let mut pts: Vec<(f64, f64)> = (0..=steps)
        .map(|k| at(r_out, a0 + (a1 - a0) * k as f64 / steps as f64))
        .collect();
    pts.extend(
        (0..=steps)
            .rev()
            .map(|k| at(r_in, a0 + (a1 - a0) * k as f64 / steps as f64)),
    );
    pts
}

fn donut(chart: &ShareChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let side = width >= 520.0;
    // A small margin keeps the separating spokes and the active outline inside the frame.
    let margin = 3.0;
    let d = if side {
        (width * 0.4).min(240.0)
    } else {
        width.min(240.0)
    } - 2.0 * margin;
    let r_out = d / 2.0;
    let r_in = r_out * 0.6;
    let (cx, cy) = (
        if side { margin + r_out } else { width / 2.0 },
        margin + r_out,
    );
    let tau = std::f64::consts::TAU;
    let mut a = 0.0;
    let mut slices = Vec::new();
    let whole = chart.whole();
    for (i, p) in chart.parts.iter().enumerate() {
        let sweep = if whole > 0.0 {
            p.value.value() / whole * tau
        } else {
            0.0
        };
        let pts = arc(cx, cy, r_out, r_in, a, a + sweep);
        if sweep > 0.0 {
            shapes.push(Shape::Polygon {
                points: pts.clone(),
                paint: part_paint(p, i),
            });
            // A background-coloured spoke keeps neighbouring slices apart.
            shapes.push(Shape::Path {
                points: {
                    let (sin, cos) = sin_cos(a);
                    vec![
                        (cx + r_in * sin, cy - r_in * cos),
                        (cx + r_out * sin, cy - r_out * cos),
                    ]
                },
                width: 2.0,
                paint: Paint::Background,
            });
        }
        let mid = a + sweep / 2.0;
        let (sin, cos) = sin_cos(mid);
        slices.push((
            pts,
            (
                cx + (r_out + r_in) / 2.0 * sin,
                cy - (r_out + r_in) / 2.0 * cos,
            ),
        ));
        a += sweep;
    }
    // The whole in the middle.
    let total = chart.format.with_unit(chart.total, lang);
    let tw = measure.width(&total, BIG);
    // (When it does not fit the hole, the legend still gives every value.)
    if tw <= r_in * 1.8 {
        shapes.push(Shape::Text(TextItem::new(
            total,
            cx,
            cy,
            tw,
            BIG,
            Anchor::Middle,
            Baseline::Middle,
            Paint::Text,
        )));
    }
    let legend_area = if side {
        Rect {
            x: d + 2.0 * margin + 24.0,
            y: (cy - 60.0).max(0.0),
            w: width - d - 2.0 * margin - 24.0,
            h: 0.0,
        }
    } else {
        Rect {
            x: 0.0,
            y: d + 2.0 * margin + 16.0,
            w: width,
            h: 0.0,
        }
    };
    let mut hits = Vec::new();
    let bottom = legend(chart, lang, measure, legend_area, &mut shapes, &mut hits);
    for (i, (p, (pts, anchor))) in chart.parts.iter().zip(slices).enumerate() {
        let bounds = Shape::Polygon {
            points: pts.clone(),
            paint: Paint::Text,
        }
        .bounds();
        let mut closed = pts;
        if let Some(&first) = closed.first() {
            closed.push(first);
        }
        let mark = Mark {
            index: i,
            hit: bounds,
            tip: tip(chart, p, lang),
            anchor,
            emphasis: vec![Shape::Path {
                points: closed,
                width: 2.5,
                paint: Paint::Text,
            }],
        };
        marks.extend(legend_mark(&mark, hits.get(i)));
        marks.push(mark);
    }
    Scene {
        width,
        height: bottom.max(d + 2.0 * margin + 2.0).ceil(),
        shapes,
        marks,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sin_cos_is_accurate() {
        for k in -40..=40 {
            let a = f64::from(k) * 0.37;
            let (s, c) = super::sin_cos(a);
            assert!((s - a.sin()).abs() < 1e-9, "{a}");
            assert!((c - a.cos()).abs() < 1e-9, "{a}");
        }
    }
}
