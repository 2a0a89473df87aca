//! Value and time axes: round tick values, and tick labels that never collide.

use crate::format::{Lang, NumberFormat, PartialDate, format_auto};
use crate::spec::Scale;

/// Round tick values (1, 2 or 5 times a power of ten) covering `lo..=hi`, about `target`
/// of them. The first tick is at or below `lo`, the last at or above `hi`.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / target.max(1) as f64;
    // The power of ten at or below `raw`, found by steps rather than `log10`/`powf`, whose
    // implementations would add several KB to the wasm for this one use.
    let mut magnitude = 1.0;
    let mut exponent: i32 = 0;
    while magnitude * 10.0 <= raw && exponent < 300 {
        magnitude *= 10.0;
        exponent += 1;
    }
    while magnitude > raw && exponent > -300 {
        magnitude /= 10.0;
        exponent -= 1;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let start = (lo / step).floor() * step;
    // Ticks are rounded to the step's precision, which snaps away floating-point dust
    // such as 0.30000000000000004.
    let step_exponent = if step >= magnitude * 10.0 {
        exponent + 1
    } else {
        exponent
    };
    let decimals = (1 - step_exponent).clamp(0, 12);
    let precision = 10f64.powi(decimals);
    let mut ticks = Vec::new();
    let mut k = 0.0;
    loop {
        let t = ((start + k * step) * precision).round() / precision;
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        if t >= hi - step * 1e-9 || ticks.len() > 50 {
            break;
        }
        k += 1.0;
    }
    ticks
}

/// How a value tick is written: compact, with the scale word chosen for the largest tick
/// (`5 triệu`), and without the unit (the axis title or subtitle carries it).
pub fn tick_label(value: f64, max_abs: f64, format: &NumberFormat, lang: Lang) -> String {
    let scale = match format.scale {
        Scale::None => Scale::for_axis(max_abs),
        s => s,
    };
    let f = NumberFormat {
        decimals: None,
        scale,
        unit: None,
        billion: format.billion,
    };
    if value == 0.0 {
        return format_auto(0.0, 0, lang);
    }
    f.tick(value, lang)
}

/// A tick on a time axis: its day number and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeTick {
    pub day: f64,
    pub label: String,
}

/// Ticks between two day numbers: every year (or every 2, 5, 10...) for long spans, every
/// few months for short ones. With `years_only` (the data's dates are years: `2019`), only
/// years, whatever the span: a month tick ("1/2019") would say what the data does not.
pub fn time_ticks(first: f64, last: f64, years_only: bool, lang: Lang) -> Vec<TimeTick> {
    let span_years = (last - first) / 365.25;
    let first_year = year_of(first);
    let last_year = year_of(last) + 1;
    if span_years >= 1.5 || years_only {
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|&s| span_years / f64::from(s) <= 8.0)
            .unwrap_or(100);
        (first_year..=last_year)
            .filter(|y| y % step == 0)
            .map(|y| {
                let d = PartialDate::year_start(y);
                TimeTick {
                    day: d.day_number(),
                    label: d.display(lang),
                }
            })
            .filter(|t| t.day >= first && t.day <= last)
            .collect()
    } else {
        let months_span = (span_years * 12.0).max(1.0);
        let step = [1u8, 2, 3, 6]
            .into_iter()
            .find(|&s| months_span / f64::from(s) <= 8.0)
            .unwrap_or(6);
        let mut out = Vec::new();
        for y in first_year..=last_year {
            for m in (1..=12u8).filter(|m| (m - 1) % step == 0) {
                let d = PartialDate::month_start(y, m);
                let day = d.day_number();
                if day >= first && day <= last {
                    out.push(TimeTick {
                        day,
                        label: d.display(lang),
                    });
                }
            }
        }
        out
    }
}

/// The year of a day number (days since 1970-01-01).
fn year_of(day: f64) -> i32 {
    let mut year = 1970 + (day / 365.2425).floor() as i32;
    while PartialDate::year_start(year + 1).day_number() <= day {
        year += 1;
    }
    while PartialDate::year_start(year).day_number() > day {
        year -= 1;
    }
    year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 146.0, 5), [0.0, 50.0, 100.0, 150.0]);
        assert_eq!(
            nice_ticks(0.0, 16_400_000.0, 4),
            [0.0, 5e6, 10e6, 15e6, 20e6]
        );
        assert_eq!(nice_ticks(-7.5, 19.0, 5), [-10.0, 0.0, 10.0, 20.0]);
        assert_eq!(
            nice_ticks(-7.5, 19.0, 8),
            [-10.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0]
        );
        assert_eq!(nice_ticks(0.0, 0.3, 3), [0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn time_ticks_fall_on_years_or_months() {
        let a = PartialDate::parse("2019-12-09")
            .map(|d| d.day_number())
            .unwrap_or_default();
        let b = PartialDate::parse("2024-08")
            .map(|d| d.day_number())
            .unwrap_or_default();
        let labels: Vec<String> = time_ticks(a, b, false, Lang::Vi)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(labels, ["2020", "2021", "2022", "2023", "2024"]);
        let c = PartialDate::parse("2021-03")
            .map(|d| d.day_number())
            .unwrap_or_default();
        let d = PartialDate::parse("2021-09")
            .map(|d| d.day_number())
            .unwrap_or_default();
        let labels: Vec<String> = time_ticks(c, d, false, Lang::En)
            .into_iter()
            .map(|t| t.label)
            .collect();
        // Two years a year apart, as the data writes them: no month between.
        let (e, f) = (
            PartialDate::year_start(2019).day_number(),
            PartialDate::year_start(2020).day_number(),
        );
        let years: Vec<String> = time_ticks(e, f, true, Lang::Vi)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(years, ["2019", "2020"]);
        assert_eq!(
            labels,
            [
                "Mar 2021", "Apr 2021", "May 2021", "Jun 2021", "Jul 2021", "Aug 2021", "Sep 2021"
            ]
        );
        assert_eq!(year_of(PartialDate::year_start(2020).day_number()), 2020);
        assert_eq!(
            year_of(PartialDate::year_start(2020).day_number() - 1.0),
            2019
        );
    }
}
