//! Layout of a progress box: a bullet bar from 0 to `max`, the value filled in, the target
//! as a tall tick with its label, the value written large above.

use crate::format::Lang;
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};
use crate::model::ProgressChart;
use crate::text::{Font, Measure, wrap};

const BIG: Font = Font::bold(28.0);
const SMALL: Font = Font::regular(12.0);
const LABEL: Font = Font::regular(14.0);
const TRACK: f64 = 24.0;

/// Whether the target is met, when there is one.
pub fn target_met(chart: &ProgressChart) -> Option<bool> {
    chart.target.map(|t| chart.value >= t)
}

/// The sentence that states the result: `Đạt mục tiêu: 31% so với 30%`.
pub fn status_text(chart: &ProgressChart, lang: Lang) -> Option<String> {
    let target = chart.target?;
    let value = chart.format.with_unit(chart.value, lang);
    let goal = chart.format.with_unit(target, lang);
    let met = chart.value >= target;
    Some(match (lang, met) {
        (Lang::Vi, true) => format!("✓ Đạt mục tiêu: {value} so với mục tiêu {goal}"),
        (Lang::Vi, false) => format!("✗ Chưa đạt mục tiêu: {value} so với mục tiêu {goal}"),
        (Lang::En, true) => format!("✓ Target met: {value} against a target of {goal}"),
        (Lang::En, false) => format!("✗ Target not met: {value} against a target of {goal}"),
    })
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &ProgressChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let x_of = |v: f64| crate::format::fit(v / chart.max, 0.0, 1.0) * width;

    let value_text = chart
        .format
        .as_written(chart.qualifier.as_deref(), chart.value, lang);
    let vw = measure.width(&value_text, BIG);
    shapes.push(Shape::Text(TextItem::new(
        value_text.clone(),
        0.0,
        0.0,
        vw.min(width),
        BIG,
        Anchor::Start,
        Baseline::Top,
        Paint::Highlight,
    )));
    let mut top = BIG.line_height();
    // The label wraps beside nothing: it has its own lines under the big value.
    top = crate::layout::stack_lines(
        &mut shapes,
        measure,
        wrap(measure, &chart.label, LABEL, width, 2),
        0.0,
        top,
        LABEL,
        Paint::Text,
    );
    top += 8.0;

    let target_text = chart.target.map(|t| {
        let goal = chart.format.with_unit(t, lang);
        match (&chart.target_label, lang) {
            (Some(l), _) => format!("{l}: {goal}"),
            (None, Lang::Vi) => format!("Mục tiêu: {goal}"),
            (None, Lang::En) => format!("Target: {goal}"),
        }
    });
    let label_y = top;
    if target_text.is_some() {
        top += SMALL.line_height() + 4.0;
    }
    let track_y = top + 6.0;

    shapes.push(Shape::Rect {
        rect: Rect {
            x: 0.0,
            y: track_y,
            w: width,
            h: TRACK,
        },
        paint: Paint::Track,
    });
    let fill = Rect {
        x: 0.0,
        y: track_y,
        w: x_of(chart.value).max(if chart.value > 0.0 { 1.0 } else { 0.0 }),
        h: TRACK,
    };
    if fill.w > 0.0 {
        shapes.push(Shape::Rect {
            rect: fill,
            paint: Paint::Highlight,
        });
    }
    marks.push(Mark {
        index: 0,
        hit: Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: track_y + TRACK + 6.0,
        },
        tip: vec![chart.label.clone(), value_text],
        anchor: (fill.right(), track_y),
        emphasis: outline(
            Rect {
                w: fill.w.max(1.0),
                ..fill
            },
            Paint::Text,
        ),
    });

    if let (Some(t), Some(text)) = (chart.target, target_text) {
        let tx = crate::format::fit(x_of(t), 1.5, width - 1.5);
        let tick = Rect {
            x: tx - 1.5,
            y: track_y - 6.0,
            w: 3.0,
            h: TRACK + 12.0,
        };
        shapes.push(Shape::Rect {
            rect: tick,
            paint: Paint::Text,
        });
        let text = wrap(measure, &text, SMALL, width, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let w = measure.width(&text, SMALL);
        let (x, anchor) = if tx - w / 2.0 < 0.0 {
            (0.0, Anchor::Start)
        } else if tx + w / 2.0 > width {
            (width, Anchor::End)
        } else {
            (tx, Anchor::Middle)
        };
        shapes.push(Shape::Text(TextItem::new(
            text.clone(),
            x,
            label_y,
            w,
            SMALL,
            anchor,
            Baseline::Top,
            Paint::Text,
        )));
        marks.push(Mark {
            index: 1,
            hit: Rect {
                x: tx - 8.0,
                y: label_y,
                w: 16.0,
                h: track_y + TRACK + 6.0 - label_y,
            },
            tip: vec![text, status_text(chart, lang).unwrap_or_default()],
            anchor: (tx, track_y - 6.0),
            emphasis: outline(tick, Paint::Text),
        });
    }

    let scale_y = track_y + TRACK + 8.0;
    let zero = "0".to_owned();
    let zw = measure.width(&zero, SMALL);
    shapes.push(Shape::Text(TextItem::new(
        zero,
        0.0,
        scale_y,
        zw,
        SMALL,
        Anchor::Start,
        Baseline::Top,
        Paint::Muted,
    )));
    let end = chart.format.with_unit(chart.max, lang);
    let ew = measure.width(&end, SMALL);
    shapes.push(Shape::Text(TextItem::new(
        end,
        width,
        scale_y,
        ew,
        SMALL,
        Anchor::End,
        Baseline::Top,
        Paint::Muted,
    )));

    Scene {
        width,
        height: (scale_y + SMALL.line_height() + 2.0).ceil(),
        shapes,
        marks,
    }
}
