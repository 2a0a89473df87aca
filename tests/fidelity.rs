//! No number is changed on its way from the JSON to the reader: a property test over
//! random numbers written with random precision, in every kind that shows them, checked
//! against an oracle that works on the written text alone (never through the formatter).
//!
//! The display rule, as the README documents it: without `decimals`, a number shows the
//! digits it was written with (`0.8125` → `0,8125`, `26.70` → `26,70`); with `scale`, the
//! number in words shows every written digit (`16400000` → `16,4 triệu`; a value below the
//! scale gets the largest word that fits it); a box refuses a number that a scale word could
//! only show with more than two places, rather than round it. CSV files carry the written
//! number. And a lower-is-better box never calls its worst value the largest or best.
#![cfg(not(target_arch = "wasm32"))]

use factbox::describe;
use factbox::{Lang, load};
use proptest::prelude::*;

/// A number as a journalist writes it in JSON: 0 to 6 places, trailing zeros allowed.
fn written() -> impl Strategy<Value = String> {
    (0u64..10_000_000_000, 0usize..=6, any::<bool>()).prop_map(|(digits, places, negative)| {
        let text = format!("{digits:0>width$}", width = places + 1);
        let (int, frac) = text.split_at(text.len() - places);
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let sign = if negative && digits != 0 { "-" } else { "" };
        if places == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac}")
        }
    })
}

/// The oracle: `text` (a JSON number, no exponent) as a reader of `lang` should see it,
/// divided by 10^`shift` (a scale word), worked out on the digits as written.
fn shown(text: &str, shift: usize, lang: Lang) -> String {
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut int = int.to_owned();
    let mut frac = frac.to_owned();
    if shift > 0 {
        // Move the point left; a scaled number keeps its digits but not trailing zeros.
        let padded = format!("{int:0>width$}", width = shift + 1);
        let cut = padded.len() - shift;
        frac = format!("{}{frac}", &padded[cut..]);
        int = padded[..cut].trim_start_matches('0').to_owned();
        if int.is_empty() {
            int = "0".to_owned();
        }
        frac = frac.trim_end_matches('0').to_owned();
    }
    let (group, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if negative && (int != "0" || frac.chars().any(|c| c != '0')) {
        out.push('\u{2212}');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(&frac);
    }
    out
}

/// The scale word a value is shown with under `scale` (the largest that fits it), and the
/// power of ten it divides by.
fn fitted(value: f64, scale: &str, lang: Lang) -> Option<(&'static str, usize)> {
    let words: [(&str, &str, &str, usize); 3] = [
        ("billion", "tỉ", "billion", 9),
        ("million", "triệu", "million", 6),
        ("thousand", "nghìn", "thousand", 3),
    ];
    let start = words.iter().position(|w| w.0 == scale)?;
    words[start..]
        .iter()
        .find(|w| value.abs() >= 10f64.powi(w.3 as i32))
        .map(|w| (if lang == Lang::Vi { w.1 } else { w.2 }, w.3))
}

fn row_values(text: &str, lang: Lang) -> Option<Vec<String>> {
    let b = load(text, None, lang).ok()?.into_iter().next()?.ok()?;
    Some(
        describe::rows(&b)
            .into_iter()
            .map(|r| r[1].clone())
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every bar's table row shows its number exactly as written; its CSV cell is the
    /// written text itself.
    #[test]
    fn bars_show_their_numbers_as_written(
        values in prop::collection::vec(written(), 1..8),
        scale in prop::sample::select(vec!["none", "thousand", "million", "billion"]),
        english in any::<bool>(),
    ) {
        let lang = if english { Lang::En } else { Lang::Vi };
        let bars: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!(r#"{{"label": "bar {i}", "value": {v}}}"#))
            .collect();
        let text = format!(
            r#"{{"version": 1, "locale": "{}", "boxes": [{{"id": "b", "kind": "bar", "title": "T", "scale": "{scale}", "bars": [{}]}}]}}"#,
            if english { "en" } else { "vi-VN" },
            bars.join(", ")
        );
        let Some(rows) = row_values(&text, lang) else {
            // Refused: it must say why (a scale word that would round, a Vietnamese
            // thousands point) rather than show a changed number.
            let failure = load(&text, None, lang).ok().and_then(|b| b.into_iter().next()).and_then(Result::err);
            prop_assert!(failure.is_some_and(|f| !f.problems.is_empty()));
            return Ok(());
        };
        for (v, row) in values.iter().zip(&rows) {
            let value: f64 = v.parse().unwrap();
            let expected = match fitted(value, scale, lang) {
                Some((word, shift)) => format!("{}\u{a0}{word}", shown(v, shift, lang)),
                None => shown(v, 0, lang),
            };
            prop_assert_eq!(row, &expected, "{} with scale {}", v, scale);
        }
        let b = load(&text, None, lang).unwrap().remove(0).unwrap();
        let csv = factbox::csv::csv(&b);
        for v in &values {
            let cell = v.trim_start_matches('-');
            prop_assert!(csv.contains(cell), "{} in {}", v, csv);
        }
    }

    /// A lower-is-better chart (ranks or values) names its best and worst in its sense,
    /// and never calls its worst value the largest.
    #[test]
    fn lower_is_better_is_never_read_upside_down(
        ranks in prop::collection::btree_set(1u32..200, 2..8),
        as_ranks in any::<bool>(),
    ) {
        let ranks: Vec<u32> = ranks.into_iter().rev().collect();
        let bars: Vec<String> = ranks
            .iter()
            .map(|r| format!(r#"{{"label": "item {r}", "value": {r}}}"#))
            .collect();
        let direction = if as_ranks { r#""ranks": true"# } else { r#""better": "lower""# };
        let text = format!(
            r#"{{"version": 1, "boxes": [{{"id": "b", "kind": "bar", "title": "T", {direction}, "bars": [{}]}}]}}"#,
            bars.join(", ")
        );
        let b = load(&text, None, Lang::Vi).unwrap().remove(0).unwrap();
        let description = describe::describe(&b, &describe::rows(&b));
        let best = ranks.iter().min().unwrap();
        let worst = ranks.iter().max().unwrap();
        prop_assert!(!description.contains("lớn nhất"), "{}", description);
        let best_word = if as_ranks { "hạng cao nhất" } else { "tốt nhất" };
        let worst_word = if as_ranks { "hạng thấp nhất" } else { "kém nhất" };
        let best_item = format!("{best_word}: item {best},");
        let worst_item = format!("{worst_word}: item {worst},");
        prop_assert!(description.contains(&best_item), "{}", description);
        prop_assert!(description.contains(&worst_item), "{}", description);
    }
}

#[test]
fn the_oracle_itself() {
    assert_eq!(shown("0.8125", 0, Lang::Vi), "0,8125");
    assert_eq!(shown("26.70", 0, Lang::Vi), "26,70");
    assert_eq!(shown("1234567.5", 0, Lang::En), "1,234,567.5");
    assert_eq!(shown("16400000", 6, Lang::Vi), "16,4");
    assert_eq!(shown("468000", 3, Lang::Vi), "468");
    assert_eq!(shown("-5", 0, Lang::Vi), "\u{2212}5");
    assert_eq!(fitted(468_000.0, "million", Lang::Vi), Some(("nghìn", 3)));
    assert_eq!(fitted(12.0, "million", Lang::Vi), None);
}
