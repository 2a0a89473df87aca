//! Layout of a horizontal bar chart: labels on the left, bars from a zero line, each value
//! written at the end of its bar, and an optional dashed reference line.
//!
//! Value labels replace a value axis (as in newsroom bar charts): every bar carries its
//! exact figure, so ticks would only repeat it. Long labels wrap to two lines and then
//! shorten with an ellipsis; the label column never takes more than about 40% of the width.

use crate::format::Lang;
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem};
use crate::model::BarChart;
use crate::text::{wrap, Font, Measure};

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

/// The text shown at the end of bar `index`: qualifier, value and unit, as written.
pub fn value_text(chart: &BarChart, index: usize, lang: Lang) -> String {
    match chart.bars.get(index) {
        Some(bar) => chart
            .format
            .as_written(bar.qualifier.as_deref(), bar.value, lang),
        None => String::new(),
    }
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &BarChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    let mut shapes = Vec::new();
    let mut marks = Vec::new();

    let label_font = |highlight: bool| if highlight { LABEL_FONT_BOLD } else { LABEL_FONT };
    let value_font = |highlight: bool| if highlight { VALUE_FONT_BOLD } else { VALUE_FONT };

    let values: Vec<String> = (0..chart.bars.len())
        .map(|i| value_text(chart, i, lang))
        .collect();
    let value_width = |negative: bool| {
        chart
            .bars
            .iter()
            .zip(&values)
            .filter(|(b, _)| (b.value < 0.0) == negative)
            .map(|(b, t)| measure.width(t, value_font(b.highlight)))
            .fold(0.0, f64::max)
    };
    let right_room = value_width(false) + VALUE_GAP;
    let negatives = chart.bars.iter().any(|b| b.value < 0.0);
    let left_room = if negatives { value_width(true) + VALUE_GAP } else { 0.0 };

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

    let mut top = 0.0;
    if let Some(axis_label) = &chart.axis_label {
        let lines = wrap(measure, axis_label, SMALL_FONT, width, 2);
        for line in lines {
            let w = measure.width(&line, SMALL_FONT);
            shapes.push(Shape::Text(TextItem::new(
                line,
                0.0,
                top,
                w,
                SMALL_FONT,
                Anchor::Start,
                Baseline::Top,
                Paint::Muted,
            )));
            top += SMALL_FONT.line_height();
        }
        top += 6.0;
    }
    let reference_label_y = top;
    if chart.reference.is_some() {
        top += TOP_LINE;
    }

    let plot_left = label_col + LABEL_GAP + left_room;
    let plot_right = (width - right_room).max(plot_left + 1.0);
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for v in chart
        .bars
        .iter()
        .map(|b| b.value)
        .chain(chart.reference.as_ref().map(|r| r.value))
    {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= f64::EPSILON {
        hi = lo + 1.0;
    }
    let x_of = |v: f64| plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left);
    let zero_x = x_of(0.0);

    let rows_top = top;
    let mut y = top;
    for (index, (bar, value)) in chart.bars.iter().zip(&values).enumerate() {
        let lf = label_font(bar.highlight);
        let lines = wrap(measure, &bar.label, lf, label_col, MAX_LABEL_LINES);
        let line_h = lf.line_height();
        let row_h = (lines.len() as f64 * line_h + ROW_PADDING).max(BAR_THICKNESS + ROW_PADDING);
        let mid = y + row_h / 2.0;

        let text_top = mid - lines.len() as f64 * line_h / 2.0;
        for (k, line) in lines.into_iter().enumerate() {
            let w = measure.width(&line, lf);
            shapes.push(Shape::Text(TextItem::new(
                line,
                0.0,
                text_top + k as f64 * line_h,
                w,
                lf,
                Anchor::Start,
                Baseline::Top,
                Paint::Text,
            )));
        }

        let end_x = x_of(bar.value);
        let (x0, x1) = if bar.value >= 0.0 { (zero_x, end_x) } else { (end_x, zero_x) };
        // A non-zero value always shows at least a sliver of a bar.
        let w = if bar.value != 0.0 { (x1 - x0).max(1.0) } else { 0.0 };
        let paint = if bar.highlight { Paint::Highlight } else { Paint::Mark };
        if w > 0.0 {
            shapes.push(Shape::Rect {
                rect: Rect {
                    x: if bar.value >= 0.0 { x0 } else { x1 - w },
                    y: mid - BAR_THICKNESS / 2.0,
                    w,
                    h: BAR_THICKNESS,
                },
                paint,
            });
        }

        let vf = value_font(bar.highlight);
        let vw = measure.width(value, vf);
        let (vx, anchor) = if bar.value >= 0.0 {
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

        marks.push(Mark {
            index,
            hit: Rect {
                x: 0.0,
                y,
                w: width,
                h: row_h,
            },
        });
        y += row_h;
    }
    let rows_bottom = y;

    // The zero line is drawn over the bars' start so that it reads as the baseline.
    shapes.push(Shape::Rect {
        rect: Rect {
            x: zero_x - 0.5,
            y: rows_top,
            w: 1.0,
            h: rows_bottom - rows_top,
        },
        paint: Paint::Grid,
    });

    if let Some(reference) = &chart.reference {
        let rx = x_of(reference.value);
        shapes.push(Shape::DashedVLine {
            x: rx,
            y0: rows_top - 2.0,
            y1: rows_bottom,
            width: 1.5,
            paint: Paint::Reference,
        });
        let text = format!(
            "{}: {}",
            reference.label,
            chart.format.with_unit(reference.value, lang)
        );
        let lines = wrap(measure, &text, SMALL_FONT, width, 1);
        let text = lines.into_iter().next().unwrap_or_default();
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
