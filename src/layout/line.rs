//! Layout of a line chart: series over real dates (uneven gaps keep their true length),
//! round value ticks, year or month ticks that never collide, and notes on points.
//!
//! Ranks (`ranks: true`) run downwards: rank 1 at the top, so a rise in the ranking is a
//! rise of the line; with several series this is a bump chart. The last value of each
//! series is written at its end (with the series' name when there are several); those
//! labels, the highlighted series' first, are placed before anything else, and tick
//! labels and notes give way to them.

use crate::format::Lang;
use crate::layout::axis::{nice_ticks, tick_label, time_ticks};
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem};
use crate::model::{LineChart, LinePoint, LineSeries};
use crate::text::{Font, Measure, wrap};

const SMALL: Font = Font::regular(12.0);
const NOTE: Font = Font::regular(12.5);
const VALUE: Font = Font::bold(13.0);

/// The paint of series `i`: the accent for a highlighted series, else the palette.
pub fn series_paint(series: &LineSeries, i: usize) -> Paint {
    if series.highlight {
        Paint::Highlight
    } else {
        Paint::Series(u8::try_from(i % 6).unwrap_or(0))
    }
}

/// A point's value as the article writes it, with a scale word that fits it (an early
/// 468000 on a chart in millions reads "468 nghìn", not "0,47 triệu"), or its rank.
pub fn value_label(chart: &LineChart, p: &LinePoint, lang: Lang) -> String {
    crate::format::with_status(
        chart
            .measure
            .show_value(&chart.format, p.qualifier.as_deref(), p.value, lang),
        p.value.status(),
        lang,
    )
}

/// A point's value for its tooltip and the data table: as written, in full where the
/// label rounds it, with its status.
fn tip_text(chart: &LineChart, p: &LinePoint, lang: Lang) -> String {
    chart
        .measure
        .show_value_exact(&chart.format, p.qualifier.as_deref(), p.value, lang)
}

/// Whether the line into or out of a point is drawn dashed: the point is not a final
/// measurement (an estimate, a forecast, a preliminary figure) or is a range.
fn projected(p: &LinePoint) -> bool {
    p.value.status().is_some() || p.value.is_range()
}

/// The label at the end of a series: its last value, after its name when the chart has
/// several series (`Việt Nam · hạng 86`). A long name is shortened so that the label takes
/// at most about half the chart; the value is never shortened.
fn end_label(
    chart: &LineChart,
    s: &LineSeries,
    p: &LinePoint,
    lang: Lang,
    measure: &dyn Measure,
    width: f64,
) -> String {
    let value = value_label(chart, p, lang);
    if chart.series.len() < 2 {
        return value;
    }
    let full = format!("{} · {value}", s.name);
    let max = (width * 0.55).max(90.0).min(width);
    if measure.width(&full, VALUE) <= max {
        return full;
    }
    let room = max - measure.width(&format!(" · {value}"), VALUE);
    if room < 24.0 {
        return value;
    }
    format!(
        "{} · {value}",
        crate::text::ellipsize(measure, &s.name, VALUE, room)
    )
}

/// The points of a path as drawn: all of them while there are fewer than four per pixel
/// column, else, in each column, the first, lowest, highest and last (the M4 reduction,
/// which draws the same pixels as the whole path), so a 10,000-point series costs what
/// its width does.
pub fn reduced(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    if (points.len() as f64) <= 4.0 * (last.0 - first.0).abs().max(1.0) {
        return points.to_vec();
    }
    let mut out = Vec::new();
    let mut column: Vec<(f64, f64)> = Vec::new();
    let flush = |column: &mut Vec<(f64, f64)>, out: &mut Vec<(f64, f64)>| {
        let (Some(&a), Some(&z)) = (column.first(), column.last()) else {
            return;
        };
        let low = column
            .iter()
            .copied()
            .fold(a, |m, p| if p.1 < m.1 { p } else { m });
        let high = column
            .iter()
            .copied()
            .fold(a, |m, p| if p.1 > m.1 { p } else { m });
        // In x order, so the path goes through the column as the data does.
        let mut four = [a, low, high, z];
        if high.0 < low.0 {
            four.swap(1, 2);
        }
        for p in four {
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        column.clear();
    };
    let mut current = first.0.floor();
    for &p in points {
        if p.0.floor() != current {
            flush(&mut column, &mut out);
            current = p.0.floor();
        }
        column.push(p);
    }
    flush(&mut column, &mut out);
    out
}

/// The indices of the points a pointer or the keyboard can reach: every point while
/// there is at most one per pixel column; else, in each column, its lowest and highest
/// (exact values of real points, never interpolated). Nobody can point between two points
/// less than a pixel apart, and a tooltip is made for each mark.
pub fn pointable(xs: &[f64], values: &[f64]) -> Vec<usize> {
    let (Some(first), Some(last)) = (xs.first(), xs.last()) else {
        return Vec::new();
    };
    if (xs.len() as f64) <= (last - first).abs().max(1.0) {
        return (0..xs.len()).collect();
    }
    let mut out: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < xs.len() {
        let col = xs.get(start).map_or(0.0, |x| x.floor());
        let mut end = start;
        while xs.get(end).is_some_and(|x| x.floor() == col) {
            end += 1;
        }
        let value = |i: &usize| values.get(*i).copied().unwrap_or(0.0);
        let range = start..end.max(start + 1);
        let low = range.clone().min_by(|a, b| value(a).total_cmp(&value(b)));
        let high = range.max_by(|a, b| value(a).total_cmp(&value(b)));
        if let (Some(low), Some(high)) = (low, high) {
            // Columns come in order, so indices only grow.
            out.push(low.min(high));
            if high != low {
                out.push(low.max(high));
            }
        }
        start = end.max(start + 1);
    }
    out
}

/// Lays out `chart` at `width` CSS pixels, leaving out the series marked in `hidden`.
pub fn layout(
    chart: &LineChart,
    width: f64,
    lang: Lang,
    measure: &dyn Measure,
    hidden: &[bool],
) -> Scene {
    let width = crate::layout::clamp_width(width);
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let shown = |i: usize| !hidden.get(i).copied().unwrap_or(false);

    let mut top = 0.0;
    if let Some(label) = &chart.axis_label {
        top = crate::layout::stack_lines(
            &mut shapes,
            measure,
            wrap(measure, label, SMALL, width, 2),
            0.0,
            top,
            SMALL,
            Paint::Muted,
        );
        top += 4.0;
    }

    let visible: Vec<(usize, &LineSeries)> = chart
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| shown(*i))
        .collect();
    let all_points = || visible.iter().flat_map(|(_, s)| s.points.iter());
    // The key of dashed lines and hollow points, under the axis label.
    let band = match lang {
        Lang::Vi => "vùng tô: khoảng giá trị",
        Lang::En => "shaded: a range",
    };
    let key = crate::layout::key_text(
        visible
            .iter()
            .flat_map(|(_, s)| s.points.iter().map(|p| p.value)),
        band,
        lang,
    );
    if let Some(text) = &key {
        let y = top + SMALL.line_height() / 2.0;
        shapes.push(Shape::DashedPath {
            points: vec![(1.0, y), (23.0, y)],
            width: 2.0,
            paint: Paint::Muted,
        });
        shapes.push(Shape::Circle {
            x: 28.0,
            y,
            r: 3.5,
            paint: Paint::Background,
            stroke: None,
        });
        shapes.push(Shape::Circle {
            x: 28.0,
            y,
            r: 3.5,
            paint: Paint::Muted,
            stroke: Some(1.5),
        });
        let line = wrap(measure, text, SMALL, width - 38.0, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let w = measure.width(&line, SMALL);
        shapes.push(Shape::Text(TextItem::new(
            line,
            38.0,
            top,
            w,
            SMALL,
            Anchor::Start,
            Baseline::Top,
            Paint::Muted,
        )));
        top += SMALL.line_height() + 4.0;
    }
    // The axis label and the key keep their rows: no end label enters them.
    let head_bottom = top;
    let (mut first, mut last) = (f64::MAX, f64::MIN);
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for p in all_points() {
        first = first.min(p.day);
        last = last.max(p.day);
        lo = lo.min(p.value.low().value());
        hi = hi.max(p.value.high().value());
    }
    let ranks = chart.measure.is_ranks();
    if first > last {
        // Every series is hidden: keep an empty frame of the same size.
        first = 0.0;
        last = 1.0;
        lo = 0.0;
        hi = 1.0;
    }
    if ranks {
        // The axis starts at rank 1, or (`from_zero: false`) a little above the best rank
        // shown, so that its point keeps room for its label above it.
        lo = if chart.from_zero {
            1.0
        } else {
            (lo - (hi - lo).max(2.0) * 0.15).max(1.0)
        };
    } else if chart.from_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    if last - first < 1.0 {
        first -= 15.0;
        last += 15.0;
    }

    // Room for notes above the plot.
    let note_row = if chart.annotations.is_empty() {
        0.0
    } else {
        NOTE.line_height() * 2.0 + 8.0
    };
    let plot_h = crate::format::fit(width * 0.45, 180.0, 320.0);
    // A key leaves a row free beside it, for the end label of a line that ends high; when
    // the two do not fit side by side, the end labels get a row of their own.
    let key_width = shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) if key.is_some() && t.bounds.bottom() <= head_bottom => {
                Some(t.bounds.right())
            }
            _ => None,
        })
        .fold(0.0, f64::max);
    let widest_end = visible
        .iter()
        .filter_map(|(_, s)| {
            let p = s.points.last()?;
            Some(measure.width(&end_label(chart, s, p, lang, measure, width), VALUE))
        })
        .fold(0.0, f64::max);
    let end_row = if key.is_some() && key_width + 12.0 + widest_end > width {
        VALUE.line_height() + 4.0
    } else {
        0.0
    };
    let plot_top = top + note_row + end_row + 8.0;
    let plot_bottom = plot_top + plot_h;

    let targets = (plot_h / 55.0).max(2.0) as usize;
    let mut ticks = nice_ticks(lo, hi, targets);
    if ranks {
        // Ranks are whole and start at 1: no rank 0 or 2,5 on the axis, and the best rank
        // shown is a tick.
        ticks.retain(|&t| t >= lo && t.fract() == 0.0);
        if chart.from_zero && ticks.first().is_none_or(|&t| t > lo) {
            ticks.insert(0, lo);
        }
        if let (Some(&a), Some(&b)) = (ticks.first(), ticks.get(1)) {
            // A tick right under the first would collide with it.
            if b - a < (hi - lo) / (targets as f64 * 2.0) {
                ticks.remove(1);
            }
        }
        // No rank beyond `out_of`: the last tick is the last rank there is.
        if let Some(total) = chart.measure.out_of().map(f64::from) {
            if ticks.last().is_some_and(|&t| t > total) && hi <= total {
                ticks.retain(|&t| t < total);
                if ticks
                    .last()
                    .is_none_or(|&t| total - t > (hi - lo) / (targets as f64 * 2.0))
                {
                    ticks.push(total);
                } else {
                    ticks.pop();
                    ticks.push(total);
                }
            }
        }
    }
    let (lo, hi) = if ranks {
        (lo, ticks.last().copied().unwrap_or(hi).max(hi))
    } else {
        (
            ticks.first().copied().unwrap_or(lo).min(lo),
            ticks.last().copied().unwrap_or(hi).max(hi),
        )
    };
    let max_abs = lo.abs().max(hi.abs());
    let tick_texts: Vec<String> = ticks
        .iter()
        .map(|&t| {
            if ranks {
                crate::format::format_fixed(t, 0, lang)
            } else {
                tick_label(t, max_abs, &chart.format, lang)
            }
        })
        .collect();
    let tick_w = tick_texts
        .iter()
        .map(|t| measure.width(t, SMALL))
        .fold(0.0, f64::max);
    // The last value is written at the end of each line; keep room for half of it.
    let last_texts: Vec<(usize, String)> = visible
        .iter()
        .filter_map(|(i, s)| {
            s.points
                .last()
                .map(|p| (*i, end_label(chart, s, p, lang, measure, width)))
        })
        .collect();
    let end_room = last_texts
        .iter()
        .map(|(_, t)| measure.width(t, VALUE))
        .fold(0.0, f64::max)
        / 2.0;
    let plot_left = tick_w + 8.0;
    let plot_right = width - end_room.max(8.0);
    let x_of = |day: f64| plot_left + (day - first) / (last - first) * (plot_right - plot_left);
    let y_of = |v: f64| {
        let share = (v - lo) / (hi - lo);
        if ranks {
            plot_top + share * (plot_bottom - plot_top)
        } else {
            plot_bottom - share * (plot_bottom - plot_top)
        }
    };

    for (t, text) in ticks.iter().zip(tick_texts) {
        let y = y_of(*t);
        let paint = if *t == 0.0 && !ranks {
            Paint::Grid
        } else {
            Paint::Track
        };
        shapes.push(Shape::Rect {
            rect: Rect {
                x: plot_left,
                y: y - 0.5,
                w: plot_right - plot_left,
                h: 1.0,
            },
            paint,
        });
        let w = measure.width(&text, SMALL);
        shapes.push(Shape::Text(TextItem::new(
            text,
            plot_left - 6.0,
            y,
            w,
            SMALL,
            Anchor::End,
            Baseline::Middle,
            Paint::Muted,
        )));
    }

    // Time ticks: as many as fit without touching.
    let years_only = chart
        .series
        .iter()
        .all(|s| s.points.iter().all(|p| p.date.is_year()));
    // Yearly data gets a tick at each year written, and only those: a tick at a year in
    // a gap (2027 between 2025 and 2030) would say there is data there.
    let tticks = if years_only {
        let mut days: Vec<&LinePoint> = all_points().collect();
        crate::sort::sort_by_key(&mut days, |p| p.day);
        days.dedup_by(|a, b| a.day == b.day);
        days.into_iter()
            .map(|p| crate::layout::axis::TimeTick {
                day: p.day,
                label: p.date.display(lang),
            })
            .collect::<Vec<_>>()
    } else {
        time_ticks(first, last, years_only, lang)
    };
    let widest = tticks
        .iter()
        .map(|t| measure.width(&t.label, SMALL))
        .fold(0.0, f64::max);
    // Left to right, a tick is kept when it clears the last one kept (evenly spaced ticks
    // thin to every k-th; uneven years keep the lone ones far out).
    let mut kept_x = f64::MIN;
    let clear: Vec<&crate::layout::axis::TimeTick> = tticks
        .iter()
        .filter(|t| {
            let x = x_of(t.day);
            let keep = x - kept_x >= widest + 10.0;
            if keep {
                kept_x = x;
            }
            keep
        })
        .collect();
    // Below the half line the lowest value label hangs under the plot.
    let axis_y = plot_bottom + SMALL.line_height() / 2.0 + 4.0;
    for t in clear {
        let x = x_of(t.day);
        shapes.push(Shape::Rect {
            rect: Rect {
                x: x - 0.5,
                y: plot_bottom,
                w: 1.0,
                h: 4.0,
            },
            paint: Paint::Grid,
        });
        let w = measure.width(&t.label, SMALL);
        let cx = crate::format::fit(x, w / 2.0, width - w / 2.0);
        shapes.push(Shape::Text(TextItem::new(
            t.label.clone(),
            cx,
            axis_y,
            w,
            SMALL,
            Anchor::Middle,
            Baseline::Top,
            Paint::Muted,
        )));
    }

    // The series, then their points, then the marks for pointing at them. What was
    // measured is drawn solid; a segment into or out of an estimate, a forecast or a range
    // is dashed, from the last measured point; a range is a shaded band whose edges run to
    // both its ends, with a whisker at its date. Bands go under every line.
    let dots = all_points().count() <= 60;
    let mut bands = Vec::new();
    let mut lines = Vec::new();
    let mut markers = Vec::new();
    // A point's top and bottom on screen (the same for one number).
    let ys = |p: &LinePoint| {
        let (a, b) = (y_of(p.value.low().value()), y_of(p.value.high().value()));
        (a.min(b), a.max(b))
    };
    for (i, s) in &visible {
        let paint = series_paint(s, *i);
        let mut solid: Vec<(f64, f64)> = Vec::new();
        let mut dashed: Vec<(f64, f64)> = Vec::new();
        let flush = |run: &mut Vec<(f64, f64)>, lines: &mut Vec<Shape>, dash: bool| {
            if run.len() > 1 {
                let points = std::mem::take(run);
                lines.push(if dash {
                    Shape::DashedPath {
                        points,
                        width: 2.0,
                        paint,
                    }
                } else {
                    Shape::Path {
                        points: reduced(&points),
                        width: 2.5,
                        paint,
                    }
                });
            }
            run.clear();
        };
        for pair in s.points.windows(2) {
            let [a, b] = pair else { continue };
            let (xa, xb) = (x_of(a.day), x_of(b.day));
            let ((ta, ba), (tb, bb)) = (ys(a), ys(b));
            if a.value.is_range() || b.value.is_range() {
                flush(&mut solid, &mut lines, false);
                flush(&mut dashed, &mut lines, true);
                bands.push(Shape::Polygon {
                    points: vec![(xa, ta), (xb, tb), (xb, bb), (xa, ba)],
                    paint: Paint::Track,
                });
                for (ya, yb) in [(ta, tb), (ba, bb)] {
                    lines.push(Shape::DashedPath {
                        points: vec![(xa, ya), (xb, yb)],
                        width: 1.5,
                        paint,
                    });
                }
            } else if projected(a) || projected(b) {
                flush(&mut solid, &mut lines, false);
                if dashed.is_empty() {
                    dashed.push((xa, ta));
                }
                dashed.push((xb, tb));
            } else {
                flush(&mut dashed, &mut lines, true);
                if solid.is_empty() {
                    solid.push((xa, ta));
                }
                solid.push((xb, tb));
            }
        }
        flush(&mut solid, &mut lines, false);
        flush(&mut dashed, &mut lines, true);
        for p in &s.points {
            let x = x_of(p.day);
            let (top_y, bottom_y) = ys(p);
            if p.value.is_range() {
                // The whisker: both ends of the range at its date.
                markers.push(Shape::Rect {
                    rect: Rect {
                        x: x - 1.0,
                        y: top_y,
                        w: 2.0,
                        h: (bottom_y - top_y).max(1.0),
                    },
                    paint,
                });
                for y in [top_y, bottom_y] {
                    markers.push(Shape::Rect {
                        rect: Rect {
                            x: x - 5.0,
                            y: y - 1.0,
                            w: 10.0,
                            h: 2.0,
                        },
                        paint,
                    });
                }
            } else if dots || s.points.len() == 1 {
                if projected(p) {
                    // Hollow: not a measurement.
                    markers.push(Shape::Circle {
                        x,
                        y: top_y,
                        r: 3.5,
                        paint: Paint::Background,
                        stroke: None,
                    });
                    markers.push(Shape::Circle {
                        x,
                        y: top_y,
                        r: 3.5,
                        paint,
                        stroke: Some(2.0),
                    });
                } else {
                    markers.push(Shape::Circle {
                        x,
                        y: top_y,
                        r: 3.5,
                        paint,
                        stroke: None,
                    });
                }
            }
        }
    }
    shapes.extend(bands);
    shapes.extend(lines);
    shapes.extend(markers);
    let mut first_index = 0;
    for (si, s) in chart.series.iter().enumerate() {
        let base = first_index;
        first_index += s.points.len();
        if !shown(si) {
            continue;
        }
        let xs: Vec<f64> = s.points.iter().map(|p| x_of(p.day)).collect();
        let values: Vec<f64> = s.points.iter().map(|p| p.value.middle()).collect();
        let kept = pointable(&xs, &values);
        for (k, &pi) in kept.iter().enumerate() {
            let Some(p) = s.points.get(pi) else { continue };
            let this = base + pi;
            let x = x_of(p.day);
            // A range's mark stands at its middle; its tooltip points at its top.
            let (y_top, y_bottom) = ys(p);
            let y = (y_top + y_bottom) / 2.0;
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| kept.get(j))
                    .and_then(|&q| xs.get(q))
                    .map(|&qx| (qx + x) / 2.0)
            };
            let prev = neighbour(k.checked_sub(1)).unwrap_or(plot_left);
            let next = neighbour(Some(k + 1)).unwrap_or(plot_right + end_room);
            let title = if chart.series.len() > 1 {
                format!("{} — {}", s.name, p.date.display(lang))
            } else {
                p.date.display(lang)
            };
            marks.push(Mark {
                index: this,
                hit: Rect {
                    x: prev.max(0.0),
                    y: plot_top - 8.0,
                    w: (next - prev).max(1.0),
                    h: plot_bottom - plot_top + 16.0,
                },
                tip: vec![title, tip_text(chart, p, lang)],
                anchor: (x, y_top - 6.0),
                emphasis: vec![
                    Shape::Circle {
                        x,
                        y,
                        r: 7.0,
                        paint: Paint::Background,
                        stroke: None,
                    },
                    Shape::Circle {
                        x,
                        y,
                        r: 5.0,
                        paint: series_paint(s, si),
                        stroke: None,
                    },
                    Shape::Circle {
                        x,
                        y,
                        r: 7.0,
                        paint: Paint::Text,
                        stroke: Some(2.0),
                    },
                ],
            });
        }
    }

    // The last value of each series, above its last point (below it when there is no room
    // above). These are the labels that matter: the highlighted series' first, then the
    // others, each kept when it clears the end labels already placed; tick labels that
    // they cover give way.
    let mut order: Vec<&(usize, String)> = last_texts.iter().collect();
    crate::sort::sort_by_key(&mut order, |(i, _)| {
        if chart.series.get(*i).is_some_and(|s| s.highlight) {
            0.0
        } else {
            1.0
        }
    });
    // The key's row is taken: an end label may stand beside the key, not over it.
    let mut ends: Vec<Rect> = shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) if key.is_some() && t.bounds.bottom() <= head_bottom => Some(t.bounds),
            _ => None,
        })
        .collect();
    for (i, text) in order {
        let Some(s) = chart.series.get(*i) else {
            continue;
        };
        let Some(p) = s.points.last() else { continue };
        let x = x_of(p.day);
        let (y, y_bottom) = ys(p);
        let w = measure.width(text, VALUE);
        // A note's leader line rises from an annotated point: put the value to its left.
        let annotated = chart
            .annotations
            .iter()
            .any(|a| a.series == *i && a.point + 1 == s.points.len());
        let cx = if annotated {
            (x - 8.0 - w / 2.0).max(w / 2.0)
        } else {
            crate::format::fit(x, w / 2.0, (width - w / 2.0).max(w / 2.0))
        };
        let above = TextItem::new(
            text.clone(),
            cx,
            y - 8.0,
            w,
            VALUE,
            Anchor::Middle,
            Baseline::Bottom,
            Paint::Text,
        );
        let below = TextItem::new(
            text.clone(),
            cx,
            y_bottom + 8.0,
            w,
            VALUE,
            Anchor::Middle,
            Baseline::Top,
            Paint::Text,
        );
        let fits = |item: &TextItem| {
            // Half a pixel of slack: a label flush with the edge is inside it.
            item.bounds.y >= 0.0
                && item.bounds.x >= -0.5
                && item.bounds.right() <= width + 0.5
                && item.bounds.bottom() <= axis_y
                && !ends.iter().any(|r| r.overlaps(&item.bounds))
        };
        // Third choice: left of the point, level with it (the last point is at the right),
        // never past the chart's left edge (a label as wide as the room may touch the
        // point instead).
        let beside = TextItem::new(
            text.clone(),
            (x - 9.0).max(w),
            ((y + y_bottom) / 2.0).max(VALUE.line_height() / 2.0),
            w,
            VALUE,
            Anchor::End,
            Baseline::Middle,
            Paint::Text,
        );
        let item = [above, below, beside].into_iter().find(|item| fits(item));
        if let Some(item) = item {
            ends.push(item.bounds);
            shapes.push(Shape::Text(item));
        }
    }
    // Value ticks under an end label give way to it (time ticks lie below the plot).
    shapes.retain(|shape| match shape {
        Shape::Text(t) if t.font == SMALL && t.bounds.y >= head_bottom => {
            !ends.iter().any(|r| r.overlaps(&t.bounds))
        }
        _ => true,
    });
    let mut placed: Vec<Rect> = shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(t.bounds),
            _ => None,
        })
        .collect();

    // Notes: a short leader from the point up to its label in the note row.
    let note_top = top;
    for a in &chart.annotations {
        if !shown(a.series) {
            continue;
        }
        let Some(p) = chart
            .series
            .get(a.series)
            .and_then(|s| s.points.get(a.point))
        else {
            continue;
        };
        let (x, y) = (x_of(p.day), ys(p).0);
        let lines = wrap(measure, &a.label, NOTE, (width * 0.45).max(120.0), 2);
        let w = lines
            .iter()
            .map(|l| measure.width(l, NOTE))
            .fold(0.0, f64::max);
        let left = crate::format::fit(x - w / 2.0, 0.0, (width - w).max(0.0));
        let bounds = Rect {
            x: left,
            y: note_top,
            w,
            h: lines.len() as f64 * NOTE.line_height(),
        };
        if placed.iter().any(|r| r.overlaps(&bounds)) {
            continue;
        }
        placed.push(bounds);
        for (k, line) in lines.into_iter().enumerate() {
            let lw = measure.width(&line, NOTE);
            shapes.push(Shape::Text(TextItem::new(
                line,
                left,
                note_top + k as f64 * NOTE.line_height(),
                lw,
                NOTE,
                Anchor::Start,
                Baseline::Top,
                Paint::Text,
            )));
        }
        shapes.push(Shape::Dashed {
            from: (x, bounds.bottom() + 2.0),
            to: (x, (y - 6.0).max(bounds.bottom() + 3.0)),
            width: 1.0,
            paint: Paint::Muted,
        });
    }

    Scene {
        width,
        height: (axis_y + SMALL.line_height() + 2.0).ceil(),
        shapes,
        marks,
    }
}
