//! Layout of a bar chart: horizontal bars (labels on the left, for rankings and long
//! labels) or vertical columns (for time-like categories), each value written at its bar's
//! end, and an optional dashed reference line.
//!
//! Value labels replace a value axis (as in newsroom bar charts): every bar carries its
//! exact figure, so ticks would only repeat it. Long labels wrap to two lines and then
//! shorten with an ellipsis; the label column never takes more than about 40% of the width.
//!
//! Ranks (`ranks: true`) are not lengths: a bar as long as a rank would make the worst
//! rank the biggest mark. Each rank is a dot on a rank axis that starts at rank 1, as in
//! the rank-change chart, with the axis's two ends written under the rows.

use crate::format::{Lang, Value};
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};
use crate::model::BarChart;
use crate::text::{Font, Measure, ellipsize, wrap};

const LABEL_FONT: Font = Font::regular(14.0);
const LABEL_FONT_BOLD: Font = Font::bold(14.0);
const VALUE_FONT: Font = Font::regular(13.0);
const VALUE_FONT_BOLD: Font = Font::bold(13.0);
const SMALL_FONT: Font = Font::regular(12.0);
const BAR_THICKNESS: f64 = 22.0;
const ROW_PADDING: f64 = 10.0;
const LABEL_GAP: f64 = 10.0;
const VALUE_GAP: f64 = 6.0;
const MAX_LABEL_LINES: usize = 2;
const TOP_LINE: f64 = 20.0;
const DOT_RADIUS: f64 = 6.0;

fn label_font(highlight: bool) -> Font {
    if highlight {
        LABEL_FONT_BOLD
    } else {
        LABEL_FONT
    }
}

fn value_font(highlight: bool) -> Font {
    if highlight {
        VALUE_FONT_BOLD
    } else {
        VALUE_FONT
    }
}

/// The text shown at the end of bar `index`: qualifier, value and unit, as written (with
/// a scale word that fits each value: "trên 700 nghìn" beside "trên 90 triệu"), or its
/// rank: `hạng 86`.
pub fn value_text(chart: &BarChart, index: usize, lang: Lang) -> String {
    match chart.bars.get(index) {
        Some(bar) => crate::format::with_status(
            chart
                .measure
                .show_value(&chart.format, bar.qualifier.as_deref(), bar.value, lang),
            bar.value.status(),
            lang,
        ),
        None => String::new(),
    }
}

/// Where a bar starts and ends on the value axis: from zero to its value, or, for a range,
/// from its lower end to its upper end (a band: no length from zero is claimed).
fn span(v: Value) -> (f64, f64) {
    if v.is_range() {
        (v.low().value(), v.high().value())
    } else {
        (0.0, v.low().value())
    }
}

/// The value a bar's label stands beside: its upper end, or for a bar wholly below zero
/// its lower end (the label then stands left of, or under, it).
fn label_end(v: Value) -> f64 {
    let (a, z) = span(v);
    if z >= 0.0 { z } else { a.min(z) }
}

/// The shapes of a bar: a solid rectangle for a measured value; for an estimate, a
/// forecast or a range, a light fill inside an outline of the bar's colour, so that it
/// reads as not measured (and its label says which).
pub fn bar_shapes(rect: Rect, paint: Paint, v: Value) -> Vec<Shape> {
    if v.status().is_none() && !v.is_range() {
        return vec![Shape::Rect { rect, paint }];
    }
    let t = 2.0_f64.min(rect.w / 2.0).min(rect.h / 2.0);
    let edge = |x: f64, y: f64, w: f64, h: f64| Shape::Rect {
        rect: Rect { x, y, w, h },
        paint,
    };
    vec![
        Shape::Rect {
            rect,
            paint: Paint::Track,
        },
        edge(rect.x, rect.y, rect.w, t),
        edge(rect.x, rect.bottom() - t, rect.w, t),
        edge(rect.x, rect.y, t, rect.h),
        edge(rect.right() - t, rect.y, t, rect.h),
    ]
}

/// The rank at the far end of a rank axis: `out_of`, or the worst rank shown.
fn worst_rank(chart: &BarChart) -> f64 {
    chart.measure.out_of().map_or_else(
        || {
            chart
                .bars
                .iter()
                .map(|b| b.value.high().value())
                .chain(chart.reference.as_ref().map(|r| r.value.value()))
                .fold(1.0, f64::max)
        },
        f64::from,
    )
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &BarChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    if chart.vertical {
        vertical(chart, width, lang, measure)
    } else {
        horizontal(chart, width, lang, measure)
    }
}

/// Text lines above the chart (the axis label), placed from `top`; returns the new top.
fn axis_label_lines(
    chart: &BarChart,
    width: f64,
    measure: &dyn Measure,
    shapes: &mut Vec<Shape>,
) -> f64 {
    let mut top = 0.0;
    if let Some(axis_label) = &chart.axis_label {
        let lines = wrap(measure, axis_label, SMALL_FONT, width, 2);
        top =
            crate::layout::stack_lines(shapes, measure, lines, 0.0, top, SMALL_FONT, Paint::Muted);
        top += 6.0;
    }
    top
}

/// The one-line key of a chart with outlined bars, from `top`: a sample of an outlined bar
/// and the statuses present (`ước tính · dự báo`), or that outlined bars are ranges.
/// Returns the new top.
fn key(
    chart: &BarChart,
    width: f64,
    lang: Lang,
    measure: &dyn Measure,
    shapes: &mut Vec<Shape>,
    top: f64,
) -> f64 {
    let span = match lang {
        Lang::Vi => "cột lơ lửng: khoảng giá trị",
        Lang::En => "floating bar: a range",
    };
    let Some(text) = crate::layout::key_text(chart.bars.iter().map(|b| b.value), span, lang) else {
        return top;
    };
    let h = SMALL_FONT.line_height();
    shapes.extend(bar_shapes(
        Rect {
            x: 0.0,
            y: top + 3.0,
            w: 20.0,
            h: h - 6.0,
        },
        Paint::Mark,
        Value::one(crate::format::Num::whole(1)).with(Some(crate::spec::Status::Estimate)),
    ));
    let line = wrap(measure, &text, SMALL_FONT, width - 28.0, 1)
        .into_iter()
        .next()
        .unwrap_or_default();
    let w = measure.width(&line, SMALL_FONT);
    shapes.push(Shape::Text(TextItem::new(
        line,
        28.0,
        top,
        w,
        SMALL_FONT,
        Anchor::Start,
        Baseline::Top,
        Paint::Muted,
    )));
    top + h + 6.0
}

/// The value range the bars (and the reference line) need, always including zero.
fn domain(chart: &BarChart) -> (f64, f64) {
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    if chart.measure.is_ranks() {
        // From rank 1 to the worst; a single rank still gets a little room.
        return (1.0, worst_rank(chart).max(2.0));
    }
    for v in chart
        .bars
        .iter()
        .flat_map(|b| [b.value.low().value(), b.value.high().value()])
        .chain(chart.reference.as_ref().map(|r| r.value.value()))
    {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    (lo, hi)
}

fn reference_text(chart: &BarChart, lang: Lang) -> Option<String> {
    chart.reference.as_ref().map(|r| {
        let value = chart.measure.show(&chart.format, None, r.value, lang);
        format!("{}: {value}", r.label)
    })
}

/// A bar's tooltip and data-table row: its label, and its value as written, in full where
/// the label rounds it.
fn tip(chart: &BarChart, index: usize, lang: Lang) -> Vec<String> {
    match chart.bars.get(index) {
        Some(bar) => vec![
            bar.label.clone(),
            chart.measure.show_value_exact(
                &chart.format,
                bar.qualifier.as_deref(),
                bar.value,
                lang,
            ),
        ],
        None => Vec::new(),
    }
}

fn horizontal(chart: &BarChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let mut shapes = Vec::new();
    let mut marks = Vec::new();

    let values: Vec<String> = (0..chart.bars.len())
        .map(|i| value_text(chart, i, lang))
        .collect();
    let value_width = |negative: bool| {
        chart
            .bars
            .iter()
            .zip(&values)
            .filter(|(b, _)| (label_end(b.value) < 0.0) == negative)
            .map(|(b, t)| measure.width(t, value_font(b.highlight)))
            .fold(0.0, f64::max)
    };
    let mut right_room = value_width(false) + VALUE_GAP;
    let ranks = chart.measure.is_ranks();
    // A rank's dot is drawn over its value on the axis; its label starts past the dot.
    if ranks {
        right_room += DOT_RADIUS;
    }
    let negatives = chart.bars.iter().any(|b| b.value.low().value() < 0.0);
    let mut left_room = if negatives {
        value_width(true) + VALUE_GAP
    } else {
        0.0
    };

    // The label column: as wide as the widest label, at most 38% of the chart, and
    // narrower still if the bars would otherwise get less than a third of the width.
    let widest_label = chart
        .bars
        .iter()
        .map(|b| measure.width(&b.label, label_font(b.highlight)))
        .fold(0.0, f64::max);
    let mut label_col = widest_label.min(width * 0.38).ceil();
    let min_plot = width / 3.0;
    if width - label_col - LABEL_GAP - left_room - right_room < min_plot {
        label_col = (width - LABEL_GAP - left_room - right_room - min_plot).max(width * 0.22);
    }
    // Labels above the bars: on a narrow chart whose labels do not fit beside the bars,
    // each label gets the full width above its bar, and the bars the full width too.
    let above = width < 480.0 && widest_label > label_col;
    if above {
        label_col = 0.0;
    }
    // Compact rows: when the value labels beside the bars would leave them almost no room
    // (long values on a phone), each value goes under its label instead.
    let beside = if above { 0.0 } else { label_col + LABEL_GAP };
    let compact = width - beside - left_room - right_room < width * 0.25;
    if compact {
        let widest_value = value_width(false).max(value_width(true));
        if !above {
            label_col = widest_label.max(widest_value).min(width * 0.45).ceil();
        }
        // A little room either side, for the one-pixel sliver of a tiny value.
        left_room = 2.0;
        right_room = 2.0;
    }
    if ranks {
        // A dot at either end of the rank axis stays whole.
        left_room = left_room.max(DOT_RADIUS + 1.0);
        right_room = right_room.max(DOT_RADIUS + 1.0);
    }

    let mut top = axis_label_lines(chart, width, measure, &mut shapes);
    top = key(chart, width, lang, measure, &mut shapes, top);
    let reference_label_y = top;
    if chart.reference.is_some() {
        top += TOP_LINE;
    }

    let plot_left = if above {
        left_room + 1.0
    } else {
        label_col + LABEL_GAP + left_room
    };
    let plot_right = (width - right_room).max(plot_left + 1.0);
    let (lo, hi) = domain(chart);
    let x_of = |v: f64| plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left);
    let zero_x = x_of(0.0);

    let rows_top = top;
    let mut y = top;
    // Where the zero line is drawn: the whole column, or (labels above) beside each bar.
    let mut zero_spans: Vec<(f64, f64)> = Vec::new();
    for (index, (bar, value)) in chart.bars.iter().zip(&values).enumerate() {
        let lf = label_font(bar.highlight);
        let vf = value_font(bar.highlight);
        let text_col = if above { width } else { label_col };
        let lines = wrap(measure, &bar.label, lf, text_col, MAX_LABEL_LINES);
        let value_lines = if compact {
            wrap(measure, value, vf, text_col, 3)
        } else {
            Vec::new()
        };
        let line_h = lf.line_height();
        let text_h = lines.len() as f64 * line_h + value_lines.len() as f64 * vf.line_height();
        let (row_h, mid, mut ty) = if above {
            // Label lines, then the bar under them.
            let row_h = text_h + BAR_THICKNESS + ROW_PADDING + 2.0;
            (row_h, y + 4.0 + text_h + 2.0 + BAR_THICKNESS / 2.0, y + 4.0)
        } else {
            let row_h = (text_h + ROW_PADDING).max(BAR_THICKNESS + ROW_PADDING);
            (row_h, y + row_h / 2.0, y + row_h / 2.0 - text_h / 2.0)
        };
        ty = crate::layout::stack_lines(&mut shapes, measure, lines, 0.0, ty, lf, Paint::Text);
        crate::layout::stack_lines(&mut shapes, measure, value_lines, 0.0, ty, vf, Paint::Muted);

        let v = label_end(bar.value);
        let (start, stop) = span(bar.value);
        let end_x = x_of(v);
        let (x0, x1) = (x_of(start).min(x_of(stop)), x_of(start).max(x_of(stop)));
        // A non-zero value always shows at least a sliver of a bar.
        let w = if start != stop {
            (x1 - x0).max(1.0)
        } else {
            0.0
        };
        let paint = if bar.highlight {
            Paint::Highlight
        } else {
            Paint::Mark
        };
        let rect = if ranks {
            // The rank's lane, broken where its value label stands, then its dot.
            let gap = if compact {
                (end_x, end_x)
            } else {
                (
                    end_x,
                    end_x + DOT_RADIUS + VALUE_GAP + measure.width(value, vf) + 4.0,
                )
            };
            for (a, z) in [(plot_left, gap.0), (gap.1, plot_right)] {
                if z > a {
                    shapes.push(Shape::Rect {
                        rect: Rect {
                            x: a,
                            y: mid - 1.0,
                            w: z - a,
                            h: 2.0,
                        },
                        paint: Paint::Track,
                    });
                }
            }
            shapes.push(Shape::Circle {
                x: end_x,
                y: mid,
                r: DOT_RADIUS,
                paint,
                stroke: None,
            });
            Rect {
                x: end_x - DOT_RADIUS,
                y: mid - DOT_RADIUS,
                w: 2.0 * DOT_RADIUS,
                h: 2.0 * DOT_RADIUS,
            }
        } else {
            let rect = Rect {
                x: if stop >= start { x0 } else { x1 - w },
                y: mid - BAR_THICKNESS / 2.0,
                w,
                h: BAR_THICKNESS,
            };
            if w > 0.0 {
                shapes.extend(bar_shapes(rect, paint, bar.value));
            }
            rect
        };

        if !compact {
            let vw = measure.width(value, vf);
            let (vx, anchor) = if ranks {
                (end_x + DOT_RADIUS + VALUE_GAP, Anchor::Start)
            } else if v >= 0.0 {
                (end_x.max(zero_x) + VALUE_GAP, Anchor::Start)
            } else {
                (end_x - VALUE_GAP, Anchor::End)
            };
            shapes.push(Shape::Text(TextItem::new(
                value.clone(),
                vx,
                mid,
                vw,
                vf,
                anchor,
                Baseline::Middle,
                Paint::Text,
            )));
        }

        marks.push(Mark {
            index,
            hit: Rect {
                x: 0.0,
                y,
                w: width,
                h: row_h,
            },
            tip: tip(chart, index, lang),
            anchor: (rect.x + rect.w / 2.0, rect.y),
            emphasis: outline(
                Rect {
                    w: rect.w.max(1.0),
                    ..rect
                },
                Paint::Text,
            ),
        });
        if above {
            zero_spans.push((
                mid - BAR_THICKNESS / 2.0 - 3.0,
                mid + BAR_THICKNESS / 2.0 + 3.0,
            ));
        }
        y += row_h;
    }
    let mut rows_bottom = y;
    if zero_spans.is_empty() {
        zero_spans.push((rows_top, rows_bottom));
    }
    if ranks {
        // No zero line: the rank axis's ends, written under the rows, say which way it runs.
        zero_spans.clear();
        let worst = crate::format::Num::written(worst_rank(chart), 0);
        let best = crate::format::Num::written(1.0, 0);
        let ends = [
            (best, plot_left, Anchor::Start),
            (worst, plot_right, Anchor::End),
        ];
        for (rank, x, anchor) in ends {
            let text = crate::format::rank_label(rank, None, lang);
            let w = measure.width(&text, SMALL_FONT);
            let x = match anchor {
                Anchor::Start => crate::format::fit(x - DOT_RADIUS, 0.0, width - w),
                _ => crate::format::fit(x + DOT_RADIUS, w, width),
            };
            shapes.push(Shape::Text(TextItem::new(
                text,
                x,
                rows_bottom + 2.0,
                w,
                SMALL_FONT,
                anchor,
                Baseline::Top,
                Paint::Muted,
            )));
        }
        rows_bottom += SMALL_FONT.line_height() + 4.0;
    }

    // The zero line is drawn over the bars' start so that it reads as the baseline.
    for (y0, y1) in zero_spans {
        shapes.push(Shape::Rect {
            rect: Rect {
                x: crate::format::fit(zero_x - 0.5, 0.0, width - 1.0),
                y: y0,
                w: 1.0,
                h: y1 - y0,
            },
            paint: Paint::Grid,
        });
    }

    if let (Some(reference), Some(text)) = (&chart.reference, reference_text(chart, lang)) {
        let rx = x_of(reference.value.value());
        shapes.push(Shape::Dashed {
            from: (rx, rows_top - 2.0),
            to: (rx, y),
            width: 1.5,
            paint: Paint::Reference,
        });
        let text = wrap(measure, &text, SMALL_FONT, width, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let w = measure.width(&text, SMALL_FONT);
        // Centred on the line where it fits; otherwise flush with the nearer edge.
        let (x, anchor) = if rx - w / 2.0 < 0.0 {
            (0.0, Anchor::Start)
        } else if rx + w / 2.0 > width {
            (width, Anchor::End)
        } else {
            (rx, Anchor::Middle)
        };
        shapes.push(Shape::Text(TextItem::new(
            text,
            x,
            reference_label_y,
            w,
            SMALL_FONT,
            anchor,
            Baseline::Top,
            Paint::Reference,
        )));
    }

    Scene {
        width,
        height: (rows_bottom + 4.0).ceil(),
        shapes,
        marks,
    }
}

fn vertical(chart: &BarChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let n = chart.bars.len().max(1);
    let slot = width / n as f64;
    let full: Vec<String> = (0..chart.bars.len())
        .map(|i| value_text(chart, i, lang))
        .collect();
    let fits = |values: &[String]| {
        chart
            .bars
            .iter()
            .zip(values)
            .all(|(b, v)| measure.width(v, value_font(b.highlight)) <= slot - 4.0)
    };
    // Narrow columns: the status words give way in the value labels when that lets every
    // value show; the key above the chart and the outlined columns still say which are
    // estimates or forecasts, and tooltips and the table say it of each.
    let values: Vec<String> = if fits(&full) {
        full
    } else {
        let short: Vec<String> = chart
            .bars
            .iter()
            .map(|b| {
                chart
                    .measure
                    .show_value(&chart.format, b.qualifier.as_deref(), b.value, lang)
            })
            .collect();
        if fits(&short) { short } else { full }
    };

    let mut top = axis_label_lines(chart, width, measure, &mut shapes);
    top = key(chart, width, lang, measure, &mut shapes, top);
    let reference = reference_text(chart, lang).map(|t| {
        wrap(measure, &t, SMALL_FONT, width, 1)
            .into_iter()
            .next()
            .unwrap_or_default()
    });
    if reference.is_some() {
        top += TOP_LINE;
    }

    let column = (slot * 0.7).min(64.0);
    // Value labels sit above the columns when every one fits its slot. Otherwise the
    // labels that matter, the highlighted bars' and the last bar's, keep theirs (each may
    // spread over its neighbours' slots), and the others give way: a tooltip and the data
    // table still give every value.
    let all_fit = chart
        .bars
        .iter()
        .zip(&values)
        .all(|(b, v)| measure.width(v, value_font(b.highlight)) <= slot - 4.0);
    let value_shown: Vec<bool> = if all_fit {
        vec![true; chart.bars.len()]
    } else {
        let centres = |i: usize| slot * (i as f64 + 0.5);
        let last = chart.bars.len().saturating_sub(1);
        let mut order: Vec<usize> = (0..chart.bars.len())
            .filter(|&i| chart.bars.get(i).is_some_and(|b| b.highlight) || i == last)
            .collect();
        // Highlighted bars first, then the last one.
        crate::sort::sort_by_key(&mut order, |&i| {
            if chart.bars.get(i).is_some_and(|b| b.highlight) {
                0.0
            } else {
                1.0
            }
        });
        keep_clear(
            chart.bars.len(),
            order.into_iter().filter_map(|i| {
                let (b, v) = (chart.bars.get(i)?, values.get(i)?);
                let w = measure.width(v, value_font(b.highlight));
                let x0 = crate::format::fit(centres(i) - w / 2.0, 0.0, (width - w).max(0.0));
                Some((i, (x0, x0 + w)))
            }),
        )
    };
    let show_values = value_shown.iter().any(|&v| v);
    let value_room = if show_values {
        VALUE_FONT.line_height() + 4.0
    } else {
        0.0
    };

    // Category labels: up to two lines in a slot; when slots are too narrow even for a
    // short word, only every k-th label is shown.
    let label_lines: Vec<Vec<String>> = chart
        .bars
        .iter()
        .map(|b| {
            let f = label_font(b.highlight);
            let lines = wrap(measure, &b.label, f, slot - 4.0, MAX_LABEL_LINES);
            lines
                .into_iter()
                .map(|l| {
                    if measure.width(&l, f) > slot - 4.0 {
                        ellipsize(measure, &l, f, slot - 4.0)
                    } else {
                        l
                    }
                })
                .collect()
        })
        .collect();
    let widest_single = chart
        .bars
        .iter()
        .map(|b| measure.width(&b.label, label_font(b.highlight)))
        .fold(0.0, f64::max);
    let every = if slot >= 28.0 {
        1
    } else {
        ((widest_single + 8.0) / slot).ceil().max(1.0) as usize
    };
    // Which category labels show: all when each fits its slot; otherwise the highlighted
    // ones first, then every `every`-th, each only where it clears those already kept (a
    // label takes the room of `every` slots, and no more than twice its distance to
    // either edge).
    let label_room = |i: usize| {
        let cx = slot * (i as f64 + 0.5);
        (slot * every as f64 - 8.0)
            .min(2.0 * cx)
            .min(2.0 * (width - cx))
    };
    let label_shown: Vec<bool> = if every == 1 {
        vec![true; chart.bars.len()]
    } else {
        let mut order: Vec<usize> = (0..chart.bars.len())
            .filter(|&i| chart.bars.get(i).is_some_and(|b| b.highlight))
            .collect();
        order.extend(
            (0..chart.bars.len())
                .filter(|&i| i % every == 0 && !chart.bars.get(i).is_some_and(|b| b.highlight)),
        );
        keep_clear(
            chart.bars.len(),
            order.into_iter().filter_map(|i| {
                let b = chart.bars.get(i)?;
                let room = label_room(i);
                if room < 12.0 {
                    return None;
                }
                let f = label_font(b.highlight);
                let w = measure.width(&ellipsize_if(measure, &b.label, f, room), f);
                let cx = slot * (i as f64 + 0.5);
                Some((i, (cx - w / 2.0, cx + w / 2.0)))
            }),
        )
    };
    let label_rows = if every == 1 {
        label_lines.iter().map(Vec::len).max().unwrap_or(1)
    } else {
        1
    };
    let label_h = label_rows as f64 * LABEL_FONT.line_height() + 6.0;

    let negatives = chart.bars.iter().any(|b| label_end(b.value) < 0.0);
    // At least a little room above, so a zero line at the top stays inside the chart.
    let plot_top = top + value_room.max(4.0);
    let plot_h = crate::format::fit(width * 0.45, 160.0, 300.0);
    let plot_bottom = plot_top + plot_h - if negatives { value_room } else { 0.0 };
    let (lo, hi) = domain(chart);
    let y_of = |v: f64| plot_bottom - (v - lo) / (hi - lo) * (plot_bottom - plot_top);
    let zero_y = y_of(0.0);
    let labels_top = plot_bottom + if negatives { value_room } else { 0.0 } + 6.0;

    for (index, (bar, value)) in chart.bars.iter().zip(&values).enumerate() {
        let cx = slot * (index as f64 + 0.5);
        let v = label_end(bar.value);
        let (start, stop) = span(bar.value);
        let (y0, y1) = (y_of(start).min(y_of(stop)), y_of(start).max(y_of(stop)));
        let h = if start != stop {
            (y1 - y0).max(1.0)
        } else {
            0.0
        };
        let rect = Rect {
            x: cx - column / 2.0,
            y: if v >= 0.0 { y1 - h } else { y0 },
            w: column,
            h,
        };
        let paint = if bar.highlight {
            Paint::Highlight
        } else {
            Paint::Mark
        };
        if h > 0.0 {
            shapes.extend(bar_shapes(rect, paint, bar.value));
        }
        if value_shown.get(index).copied().unwrap_or(false) {
            let vf = value_font(bar.highlight);
            let vw = measure.width(value, vf);
            let vx = crate::format::fit(cx, vw / 2.0, (width - vw / 2.0).max(vw / 2.0));
            // A label wider than its slot spreads over its neighbours': it clears the
            // tallest (or, below the zero line, the deepest) column it spans.
            let spanned = chart.bars.iter().enumerate().filter(|(j, _)| {
                let left = slot * *j as f64;
                left < vx + vw / 2.0 && left + slot > vx - vw / 2.0
            });
            let (vy, baseline) = if v >= 0.0 {
                let top = spanned
                    .map(|(_, b)| y_of(b.value.high().value().max(0.0)))
                    .fold(rect.y, f64::min);
                (top.max(plot_top) - 4.0, Baseline::Bottom)
            } else {
                let bottom = spanned
                    .map(|(_, b)| y_of(b.value.low().value().min(0.0)))
                    .fold(rect.bottom(), f64::max);
                (bottom + 4.0, Baseline::Top)
            };
            shapes.push(Shape::Text(TextItem::new(
                value.clone(),
                vx,
                vy,
                vw,
                vf,
                Anchor::Middle,
                baseline,
                Paint::Text,
            )));
        }
        if label_shown.get(index).copied().unwrap_or(false) {
            let f = label_font(bar.highlight);
            let room = label_room(index);
            let lines = if every == 1 {
                label_lines.get(index).cloned().unwrap_or_default()
            } else if room >= 12.0 {
                vec![ellipsize_if(measure, &bar.label, f, room)]
            } else {
                Vec::new()
            };
            for (k, line) in lines.into_iter().filter(|l| !l.is_empty()).enumerate() {
                let w = measure.width(&line, f);
                let x = cx;
                shapes.push(Shape::Text(TextItem::new(
                    line,
                    x,
                    labels_top + k as f64 * f.line_height(),
                    w,
                    f,
                    Anchor::Middle,
                    Baseline::Top,
                    Paint::Text,
                )));
            }
        }
        marks.push(Mark {
            index,
            hit: Rect {
                x: slot * index as f64,
                y: top,
                w: slot,
                h: labels_top + label_h - top,
            },
            tip: tip(chart, index, lang),
            anchor: (cx, rect.y.min(zero_y)),
            emphasis: outline(
                Rect {
                    h: rect.h.max(1.0),
                    ..rect
                },
                Paint::Text,
            ),
        });
    }

    shapes.push(Shape::Rect {
        rect: Rect {
            x: 0.0,
            y: zero_y - 0.5,
            w: width,
            h: 1.0,
        },
        paint: Paint::Grid,
    });

    if let (Some(r), Some(text)) = (&chart.reference, reference) {
        let ry = y_of(r.value.value());
        shapes.push(Shape::Dashed {
            from: (0.0, ry),
            to: (width, ry),
            width: 1.5,
            paint: Paint::Reference,
        });
        let w = measure.width(&text, SMALL_FONT);
        shapes.push(Shape::Text(TextItem::new(
            text,
            width,
            top - TOP_LINE,
            w,
            SMALL_FONT,
            Anchor::End,
            Baseline::Top,
            Paint::Reference,
        )));
    }

    Scene {
        width,
        height: (labels_top + label_h).ceil(),
        shapes,
        marks,
    }
}

/// Which of `n` labels to show: each candidate, in the order given (the ones that matter
/// first), with the span it would take, is kept when it stays 4 px clear of those kept.
fn keep_clear(n: usize, candidates: impl IntoIterator<Item = (usize, (f64, f64))>) -> Vec<bool> {
    let mut kept: Vec<(f64, f64)> = Vec::new();
    let mut shown = vec![false; n];
    for (i, (a, z)) in candidates {
        if !kept.iter().any(|&(ka, kz)| a < kz + 4.0 && ka < z + 4.0) {
            kept.push((a, z));
            if let Some(s) = shown.get_mut(i) {
                *s = true;
            }
        }
    }
    shown
}

fn ellipsize_if(measure: &dyn Measure, text: &str, font: Font, max: f64) -> String {
    if measure.width(text, font) <= max {
        text.to_owned()
    } else {
        ellipsize(measure, text, font, max)
    }
}
