//! Layout of a progress box: a bullet bar from 0 to `max`, the value filled in, the target
//! as a tall tick with its label, the value written large above.
//!
//! The box states in words where the value stands against its target, in the data's
//! direction: a target is met only at or beyond it (for ranks and other lower-is-better
//! values, at or below it). An unmet target says how far it is ("còn cách 16 bậc") and,
//! with a deadline, whether it is still on the way (the value's date is before the
//! deadline) or was missed. For ranks the bar runs from the worst rank on the scale to
//! rank 1, so that a better rank is a longer bar.

use crate::format::{Lang, Num, Value};
use crate::layout::{Anchor, Baseline, Mark, Paint, Rect, Scene, Shape, TextItem, outline};
use crate::model::ProgressChart;
use crate::text::{Font, Measure, wrap};

const BIG: Font = Font::bold(28.0);
const SMALL: Font = Font::regular(12.0);
const LABEL: Font = Font::regular(14.0);
const TRACK: f64 = 24.0;

/// Where a value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// At or beyond the target, in the data's direction (a range: all of it).
    Met,
    /// Short of it, with no deadline given: the box says only that it is not (yet) met.
    NotMet,
    /// Short of it, before its deadline.
    OnTheWay,
    /// Short of it, at or after its deadline.
    Missed,
    /// A range that holds the target: part of it is short, part at or beyond, so the box
    /// cannot say whether the target is met.
    Undecided,
}

impl Standing {
    /// The value of the `data-standing` attribute and of `data-met` (only `Met` is met).
    pub fn name(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::NotMet => "not-met",
            Standing::OnTheWay => "on-the-way",
            Standing::Missed => "missed",
            Standing::Undecided => "undecided",
        }
    }
}

/// Whether the target is met, when there is one: the whole value at or beyond it in the
/// data's direction.
pub fn target_met(chart: &ProgressChart) -> Option<bool> {
    standing(chart).map(|s| s == Standing::Met)
}

/// Where the value stands against its target, when there is one. A range meets it only
/// when both ends do, falls short only when both do, and is undecided otherwise.
pub fn standing(chart: &ProgressChart) -> Option<Standing> {
    let target = chart.target?.value();
    let reached = |v: f64| {
        if chart.measure.lower_is_better() {
            v <= target
        } else {
            v >= target
        }
    };
    let (low, high) = (
        reached(chart.value.low().value()),
        reached(chart.value.high().value()),
    );
    Some(match (low && high, low || high, chart.deadline) {
        (true, _, _) => Standing::Met,
        (false, true, _) => Standing::Undecided,
        (false, false, None) => Standing::NotMet,
        (false, false, Some(d)) if d.passed => Standing::Missed,
        (false, false, Some(_)) => Standing::OnTheWay,
    })
}

/// A value of the box as shown: `31%`, `hạng 86`.
fn shown(chart: &ProgressChart, n: Num, lang: Lang) -> String {
    chart.measure.show(&chart.format, None, n, lang)
}

/// The box's value as the article writes it, qualifier, range and status included:
/// `khoảng 13–14% (ước tính)`.
fn value_text(chart: &ProgressChart, lang: Lang) -> String {
    crate::format::with_status(
        chart
            .measure
            .show_value(&chart.format, chart.qualifier.as_deref(), chart.value, lang),
        chart.value.status(),
        lang,
    )
}

/// How far the value is from the target, in words: `còn cách 16 bậc` for ranks; `còn
/// thiếu 2 điểm phần trăm` / `2 percentage points to go` (two percentages differ by
/// points), a range's gap as a range (`còn thiếu 6–7 điểm phần trăm`); or (lower is
/// better) `cao hơn mục tiêu 2%` / `2% above the target`.
fn gap_text(chart: &ProgressChart, target: Num, lang: Lang) -> String {
    let gap_to = |n: Num| {
        let places = n.decimals().max(target.decimals());
        Num::computed((n.value() - target.value()).abs(), places)
    };
    if chart.measure.is_ranks() {
        let gap = gap_to(chart.value.low());
        let n = u32::try_from(gap.value() as i64).unwrap_or(0);
        return crate::format::places_to_go(n, lang);
    }
    let (a, b) = (gap_to(chart.value.low()), gap_to(chart.value.high()));
    let (near, far) = if a.value() <= b.value() {
        (a, b)
    } else {
        (b, a)
    };
    let gap = Value::range(near, far).unwrap_or(Value::one(near));
    let amount = chart.format.difference(lang).value_with_unit(gap, lang);
    match (chart.measure.lower_is_better(), lang) {
        (false, Lang::Vi) => format!("còn thiếu {amount}"),
        (false, Lang::En) => format!("{amount} to go"),
        (true, Lang::Vi) => format!("cao hơn mục tiêu {amount}"),
        (true, Lang::En) => format!("{amount} above the target"),
    }
}

/// The sentence that states the result, never by colour alone: `✓ Đạt mục tiêu: 31% so
/// với mục tiêu 30%`; unmet, how far (`còn cách 16 bậc`) and, with a deadline, whether
/// the target is still ahead or was missed; a range that holds the target, that it
/// cannot be said.
pub fn status_text(chart: &ProgressChart, lang: Lang) -> Option<String> {
    let target = chart.target?;
    let standing = standing(chart)?;
    let value = value_text(chart, lang);
    let goal = shown(chart, target, lang);
    let gap = gap_text(chart, target, lang);
    let by = chart
        .deadline
        .map(|d| d.date.display(lang))
        .unwrap_or_default();
    Some(match (standing, lang) {
        (Standing::Met, Lang::Vi) => format!("✓ Đạt mục tiêu: {value} so với mục tiêu {goal}"),
        (Standing::Met, Lang::En) => format!("✓ Target met: {value} against a target of {goal}"),
        (Standing::NotMet, Lang::Vi) => {
            format!("✗ Chưa đạt mục tiêu: {value} so với mục tiêu {goal}, {gap}")
        }
        (Standing::NotMet, Lang::En) => {
            format!("✗ Target not met: {value} against a target of {goal}, {gap}")
        }
        (Standing::OnTheWay, Lang::Vi) => {
            format!("→ Đang hướng tới mục tiêu {goal} (hạn {by}): hiện {value}, {gap}")
        }
        (Standing::OnTheWay, Lang::En) => {
            format!("→ On the way to a target of {goal} by {by}: {value} so far, {gap}")
        }
        (Standing::Missed, Lang::Vi) => {
            format!("✗ Không đạt mục tiêu {goal} (hạn {by}): {value}, {gap}")
        }
        (Standing::Missed, Lang::En) => {
            format!("✗ Target of {goal} missed (deadline {by}): {value}, {gap}")
        }
        (Standing::Undecided, Lang::Vi) => format!(
            "◐ Chưa thể nói đã đạt mục tiêu {goal} hay chưa: {value}, mục tiêu nằm trong khoảng này"
        ),
        (Standing::Undecided, Lang::En) => format!(
            "◐ Cannot tell whether the target of {goal} is met: {value}, and the target lies within that range"
        ),
    })
}

/// Lays out `chart` at `width` CSS pixels.
pub fn layout(chart: &ProgressChart, width: f64, lang: Lang, measure: &dyn Measure) -> Scene {
    let width = crate::layout::clamp_width(width);
    let mut shapes = Vec::new();
    let mut marks = Vec::new();
    let max = chart.max.value();
    let ranks = chart.measure.is_ranks();
    // Ranks: from the worst rank on the scale (left) to rank 1 (right), so a better rank
    // fills more of the bar.
    let x_of = |v: f64| {
        let share = if ranks {
            if max > 1.0 {
                (max - v) / (max - 1.0)
            } else {
                1.0
            }
        } else {
            v / max
        };
        crate::format::fit(share, 0.0, 1.0) * width
    };

    // The value large, on two lines where a phone is too narrow for one ("khoảng 13–14%
    // (ước tính)"): never cut.
    let mut top = crate::layout::stack_lines(
        &mut shapes,
        measure,
        wrap(measure, &value_text(chart, lang), BIG, width, 2),
        0.0,
        0.0,
        BIG,
        Paint::Highlight,
    );
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
        let goal = shown(chart, t, lang);
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
    // What was reached: solid from the start to the value (a range: to its lower end);
    // an estimate's or a forecast's fill is outlined, and a range's span a band.
    let (low, high) = (chart.value.low().value(), chart.value.high().value());
    let (low_x, high_x) = (x_of(low).min(x_of(high)), x_of(low).max(x_of(high)));
    let fill = Rect {
        x: 0.0,
        y: track_y,
        w: low_x.max(if ranks || low > 0.0 { 1.0 } else { 0.0 }),
        h: TRACK,
    };
    let paint = Paint::Highlight;
    if fill.w > 0.0 {
        shapes.extend(crate::layout::bar::bar_shapes(
            fill,
            paint,
            Value::one(chart.value.low()).with(chart.value.status()),
        ));
    }
    let fill = if chart.value.is_range() {
        let band = Rect {
            x: low_x,
            y: track_y,
            w: (high_x - low_x).max(1.0),
            h: TRACK,
        };
        shapes.extend(crate::layout::bar::bar_shapes(band, paint, chart.value));
        Rect {
            w: band.right(),
            ..fill
        }
    } else {
        fill
    };
    marks.push(Mark {
        index: 0,
        hit: Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: track_y + TRACK + 6.0,
        },
        tip: vec![
            chart.label.clone(),
            chart.measure.show_value_exact(
                &chart.format,
                chart.qualifier.as_deref(),
                chart.value,
                lang,
            ),
        ],
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
        let tx = crate::format::fit(x_of(t.value()), 1.5, width - 1.5);
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
    // The scale's two ends: 0 and `max`, or for ranks the worst rank and rank 1.
    let (start, end) = if ranks {
        (
            shown(chart, chart.max, lang),
            shown(chart, Num::written(1.0, 0), lang),
        )
    } else {
        ("0".to_owned(), chart.format.with_unit(chart.max, lang))
    };
    let zero = start;
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
