//! Layout of a rank change: one row per item, an arrow from the earlier rank to the later.
//!
//! The rank axis runs best-first (rank 1 on the left), so an arrow pointing left is an
//! improvement. Direction is carried by the arrowhead and by the text beside each row
//! ("73 → 57, tăng 16 bậc"), never by colour alone.

use crate::format::{Lang, Num, NumberFormat, change};
use crate::layout::axis::nice_ticks;
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};
use crate::model::{RankChart, RankRow};
use crate::spec::ChangeStyle;
use crate::text::{Font, Measure, wrap};

const LABEL: Font = Font::regular(14.0);
const LABEL_BOLD: Font = Font::bold(14.0);
const SMALL: Font = Font::regular(12.0);
const CHANGE: Font = Font::regular(13.0);
const CHANGE_BOLD: Font = Font::bold(13.0);
const ROW_MIN: f64 = 34.0;
const GAP: f64 = 10.0;

/// The move from the earlier to the later rank (a smaller rank is better).
fn rank_move(row: &RankRow, lang: Lang) -> crate::format::Change {
    change(
        ChangeStyle::Rank,
        Num::whole(row.from),
        Num::whole(row.to),
        &NumberFormat::default(),
        None,
        lang,
    )
}

/// `73 → 57, tăng 16 bậc`: both ranks and the change in words.
pub fn change_text(row: &RankRow, lang: Lang) -> String {
    format!("{} → {}, {}", row.from, row.to, rank_move(row, lang).text)
}

fn tip(chart: &RankChart, row: &RankRow, lang: Lang) -> Vec<String> {
    let rank = match lang {
        Lang::Vi => "hạng",
        Lang::En => "rank",
    };
    let (from, to) = (chart.from_date.display(lang), chart.to_date.display(lang));
    let ch = rank_move(row, lang);
    vec![
        row.label.clone(),
        format!("{from}: {rank} {} → {to}: {rank} {}", row.from, row.to),
        ch.text,
    ]
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &RankChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let label_font = |h: bool| if h { LABEL_BOLD } else { LABEL };
    let change_font = |h: bool| if h { CHANGE_BOLD } else { CHANGE };
    let changes: Vec<String> = chart.items.iter().map(|r| change_text(r, lang)).collect();

    // On narrow screens the change text goes under the label; on wide ones, to the right.
    let widest_change = chart
        .items
        .iter()
        .zip(&changes)
        .map(|(r, t)| measure.width(t, change_font(r.highlight)))
        .fold(0.0, f64::max);
    let stacked = width < 520.0;
    let widest_label = chart
        .items
        .iter()
        .map(|r| measure.width(&r.label, label_font(r.highlight)))
        .fold(0.0, f64::max);
    let label_col = if stacked {
        widest_label.max(widest_change).min(width * 0.45).ceil()
    } else {
        widest_label.min(width * 0.3).ceil()
    };
    let right_col = if stacked {
        0.0
    } else {
        widest_change.min(width * 0.3) + GAP
    };
    let plot_left = label_col + GAP + 8.0;
    let plot_right = width - right_col - 8.0;

    // The caption says how to read the chart: the two dates and their symbols. The symbols
    // are Arial's own (►, not ▶, which Arial lacks: a fallback font would draw it at a
    // width the layout did not measure, and Apple's systems may draw it as an emoji).
    let caption = match lang {
        Lang::Vi => format!(
            "● {} → ► {} · thứ hạng, 1 là cao nhất",
            chart.from_date.display(lang),
            chart.to_date.display(lang)
        ),
        Lang::En => format!(
            "● {} → ► {} · rank, 1 is best",
            chart.from_date.display(lang),
            chart.to_date.display(lang)
        ),
    };
    let mut top = 0.0;
    top = crate::layout::stack_lines(
        &mut shapes,
        measure,
        wrap(measure, &caption, SMALL, width, 2),
        0.0,
        top,
        SMALL,
        Paint::Muted,
    );
    top += 4.0;

    // The rank axis: best first, padded so arrowheads do not touch the edges.
    let best = chart
        .items
        .iter()
        .map(|r| r.from.min(r.to))
        .min()
        .unwrap_or(1);
    let worst = chart
        .items
        .iter()
        .map(|r| r.from.max(r.to))
        .max()
        .unwrap_or(1);
    let ticks = nice_ticks(
        f64::from(best),
        f64::from(worst),
        ((plot_right - plot_left) / 70.0).max(2.0) as usize,
    );
    let lo = ticks
        .first()
        .copied()
        .unwrap_or(1.0)
        .max(1.0)
        .min(f64::from(best));
    let hi = ticks
        .last()
        .copied()
        .unwrap_or(f64::from(worst))
        .max(f64::from(worst))
        .max(lo + 1.0);
    let x_of = |rank: f64| plot_left + (rank - lo) / (hi - lo) * (plot_right - plot_left);

    // Tick labels above the rows, each only if it clears the previous one.
    let tick_y = top;
    let mut last_right = f64::MIN;
    for &t in ticks.iter().filter(|&&t| t >= lo && t <= hi) {
        let text = crate::format::format_fixed(t, 0, lang);
        let w = measure.width(&text, SMALL);
        let x = x_of(t);
        if x - w / 2.0 > last_right + 6.0 && x + w / 2.0 <= width && x - w / 2.0 >= 0.0 {
            shapes.push(Shape::Text(TextItem::new(
                text,
                x,
                tick_y,
                w,
                SMALL,
                Anchor::Middle,
                Baseline::Top,
                Paint::Muted,
            )));
            last_right = x + w / 2.0;
        }
    }
    top += SMALL.line_height() + 4.0;
    let rows_top = top;

    let mut y = top;
    let mut grid_xs = Vec::new();
    for &t in ticks.iter().filter(|&&t| t >= lo && t <= hi) {
        grid_xs.push(x_of(t));
    }
    for (index, (row, change)) in chart.items.iter().zip(&changes).enumerate() {
        let lf = label_font(row.highlight);
        let cf = change_font(row.highlight);
        let lines = wrap(measure, &row.label, lf, label_col, 2);
        // The change is the row's key figure: on phones it wraps, it is never cut short.
        let change_lines = if stacked {
            wrap(measure, change, cf, label_col, 3)
        } else {
            wrap(measure, change, cf, right_col - GAP, 1)
        };
        let text_h = lines.len() as f64 * lf.line_height()
            + if stacked {
                change_lines.len() as f64 * cf.line_height()
            } else {
                0.0
            };
        let row_h = (text_h + 10.0).max(ROW_MIN);
        let mid = y + row_h / 2.0;
        let mut ty = mid - text_h / 2.0;
        ty = crate::layout::stack_lines(&mut shapes, measure, lines, 0.0, ty, lf, Paint::Text);
        for line in change_lines {
            let cw = measure.width(&line, cf);
            if stacked {
                shapes.push(Shape::Text(TextItem::new(
                    line,
                    0.0,
                    ty,
                    cw,
                    cf,
                    Anchor::Start,
                    Baseline::Top,
                    Paint::Muted,
                )));
                ty += cf.line_height();
            } else {
                shapes.push(Shape::Text(TextItem::new(
                    line,
                    width - right_col + GAP,
                    mid,
                    cw,
                    cf,
                    Anchor::Start,
                    Baseline::Middle,
                    Paint::Text,
                )));
            }
        }

        let paint = if row.highlight {
            Paint::Highlight
        } else {
            Paint::Mark
        };
        let (x0, x1) = (x_of(f64::from(row.from)), x_of(f64::from(row.to)));
        shapes.push(Shape::Circle {
            x: x0,
            y: mid,
            r: 4.5,
            paint,
            stroke: None,
        });
        if row.from == row.to {
            // No move: a square marks the unchanged rank.
            shapes.push(Shape::Rect {
                rect: Rect {
                    x: x1 - 5.0,
                    y: mid - 5.0,
                    w: 10.0,
                    h: 10.0,
                },
                paint,
            });
        } else {
            // The arrowhead keeps its size however short the move, so the direction of even
            // a two-place change is visible; it may cover the start dot.
            let dir = if x1 > x0 { 1.0 } else { -1.0 };
            let head = 9.0;
            let shaft_end = x1 - dir * head;
            if (x1 - x0).abs() > head {
                shapes.push(Shape::Path {
                    points: vec![(x0, mid), (shaft_end, mid)],
                    width: 2.5,
                    paint,
                });
            }
            shapes.push(Shape::Polygon {
                points: vec![(x1, mid), (shaft_end, mid - 6.0), (shaft_end, mid + 6.0)],
                paint,
            });
        }
        let (lx, rx) = (
            x0.min(x1).min(x1 + 9.0 * if x1 > x0 { -1.0 } else { 1.0 }) - 6.0,
            x0.max(x1).max(x1 + 9.0 * if x1 > x0 { -1.0 } else { 1.0 }) + 6.0,
        );
        marks.push(Mark {
            index,
            hit: Rect {
                x: 0.0,
                y,
                w: width,
                h: row_h,
            },
            tip: tip(chart, row, lang),
            anchor: (x1, mid - 8.0),
            emphasis: outline(
                Rect {
                    x: lx,
                    y: mid - 9.0,
                    w: rx - lx,
                    h: 18.0,
                },
                Paint::Text,
            ),
        });
        y += row_h;
    }
    // Faint vertical grid lines at the ticks, behind the arrows.
    let grid: Vec<Shape> = grid_xs
        .into_iter()
        .map(|x| Shape::Rect {
            rect: Rect {
                x: x - 0.5,
                y: rows_top,
                w: 1.0,
                h: y - rows_top,
            },
            paint: Paint::Track,
        })
        .collect();
    shapes.splice(0..0, grid);
    Scene {
        width,
        height: (y + 4.0).ceil(),
        shapes,
        marks,
    }
}
