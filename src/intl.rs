//! Numbers and dates written by the browser's `Intl`, in the wasm build.
//!
//! The browser already carries every locale's digits, grouping and month names, so the
//! widget asks `Intl.NumberFormat` and `Intl.DateTimeFormat` instead of shipping its own
//! tables. Natively (tests, the SVG fallback) [`crate::format::reference`] writes the same
//! output for the two locales factbox supports; a browser test compares the two on a
//! table of values, so the pages and the golden files cannot drift apart.
//!
//! Formatters are made once per locale and option set and kept: constructing an
//! `Intl.NumberFormat` costs far more than formatting with one.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::format::Lang;

/// What a formatter is for; with the decimal places, the key of the cache.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A number in a locale's style: `9.300`, `16,4`; `9,300`, `16.4`.
    Number(Lang),
    /// A number as JSON writes it (`9300`, `26.7`), for error messages.
    Plain,
    /// A month: `8/2024`, `Aug 2024`.
    Month(Lang),
    /// A day: `9/12/2019`, `9 Dec 2019`.
    Day(Lang),
}

thread_local! {
    static CACHE: RefCell<Vec<(Style, u8, Function)>> = const { RefCell::new(Vec::new()) };
}

fn set(options: &Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(options, &JsValue::from_str(key), &value);
}

fn make(style: Style, decimals: u8) -> Function {
    let options = Object::new();
    let locale = match style {
        Style::Number(Lang::Vi) | Style::Month(Lang::Vi) | Style::Day(Lang::Vi) => "vi-VN",
        // en-GB writes days as the English edition does ("9 Dec 2019"); its numbers are
        // the same as en-US's.
        Style::Number(Lang::En) | Style::Month(Lang::En) | Style::Day(Lang::En) => "en-GB",
        Style::Plain => "en-US",
    };
    let locales = Array::of1(&JsValue::from_str(locale));
    match style {
        Style::Number(_) | Style::Plain => {
            let d = JsValue::from_f64(f64::from(decimals));
            set(&options, "minimumFractionDigits", d.clone());
            set(&options, "maximumFractionDigits", d);
            // Never "-0": a value that rounds to zero has no sign.
            set(&options, "signDisplay", JsValue::from_str("negative"));
            if style == Style::Plain {
                set(&options, "useGrouping", JsValue::FALSE);
            }
            Intl::NumberFormat::new(&locales, &options).format()
        }
        Style::Month(lang) | Style::Day(lang) => {
            set(&options, "timeZone", JsValue::from_str("UTC"));
            set(&options, "year", JsValue::from_str("numeric"));
            let month = if lang == Lang::Vi { "numeric" } else { "short" };
            set(&options, "month", JsValue::from_str(month));
            if matches!(style, Style::Day(_)) {
                set(&options, "day", JsValue::from_str("numeric"));
            }
            Intl::DateTimeFormat::new(&locales, &options).format()
        }
    }
}

fn call(style: Style, decimals: u8, arg: &JsValue) -> String {
    let format = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, f)) = cache.iter().find(|(s, d, _)| *s == style && *d == decimals) {
            return f.clone();
        }
        let f = make(style, decimals);
        cache.push((style, decimals, f.clone()));
        f
    });
    format
        .call1(&JsValue::NULL, arg)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// `value` (finite) with exactly `decimals` places (at most 9), in `style`.
pub fn number(value: f64, decimals: u8, style: Style) -> String {
    let text = call(style, decimals.min(9), &JsValue::from_f64(value));
    match style {
        // Display text uses the true minus sign, which screen readers read as "minus".
        Style::Number(_) => text.replace('-', "\u{2212}"),
        _ => text,
    }
}

/// The date of a day number (days since 1970-01-01), as a month or as a day.
pub fn date(day_number: f64, style: Style) -> String {
    let date = Date::new(&JsValue::from_f64(day_number * 86_400_000.0));
    call(style, 0, &date)
}
