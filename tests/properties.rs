//! Properties of every layout, over random valid charts of every kind at random widths
//! from 280 to 1400 px: no text overlaps another, nothing leaves the chart, no NaN, every
//! mark has a tooltip, and hit-testing finds each mark at its anchor's column.
#![cfg(not(target_arch = "wasm32"))]

use factbox::layout::{self, Paint};
use factbox::text::Estimate;
use factbox::{Lang, load};
use proptest::prelude::*;

/// Words of the kind labels are made of, Vietnamese and English, short and long.
const WORDS: &[&str] = &[
    "Việt",
    "Nam",
    "Thái",
    "Lan",
    "Cổng",
    "Dịch",
    "vụ",
    "công",
    "quốc",
    "gia",
    "hồ",
    "sơ",
    "Supercalifragilistic",
    "e-government",
    "tỉ",
    "đồng",
    "Đông",
    "Nam",
    "Á",
    "2024",
    "(ước)",
];

fn label() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|w| {
        let s = w.join(" ");
        s.chars().take(60).collect::<String>().trim().to_owned()
    })
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0.0..100.0f64),
        (0.0..1e9f64),
        (-500.0..500.0f64),
        Just(0.0),
    ]
    .prop_map(|v| (v * 100.0).round() / 100.0)
}

fn json_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Labels made unique by numbering repeats, as validation requires.
fn unique(labels: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, l) in labels.into_iter().enumerate() {
        out.push(if out.contains(&l) {
            format!("{l} {i}")
        } else {
            l
        });
    }
    out
}

fn bar_box() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((label(), value(), any::<bool>()), 1..25),
        any::<bool>(),
        prop::option::of(value()),
        prop::option::of(prop::sample::select(&["none", "million", "thousand"][..])),
    )
        .prop_map(|(bars, vertical, reference, scale)| {
            let labels = unique(bars.iter().map(|b| b.0.clone()).collect());
            let items: Vec<String> = bars
                .iter()
                .zip(labels)
                .map(|((_, v, h), l)| {
                    format!(
                        r#"{{"label": {}, "value": {v}, "highlight": {h}}}"#,
                        json_str(&l)
                    )
                })
                .collect();
            let mut extra = String::new();
            if vertical {
                extra.push_str(r#", "orientation": "vertical""#);
            }
            if let Some(r) = reference {
                extra.push_str(&format!(
                    r#", "reference": {{"value": {r}, "label": "Mục tiêu"}}"#
                ));
            }
            if let Some(s) = scale {
                // Values with cents in millions need two places after the scale word; a
                // box refuses to round them unasked, so say so, as a journalist would.
                extra.push_str(&format!(
                    r#", "scale": "{s}", "unit": "đồng", "decimals": 2"#
                ));
            }
            format!(
                r#"{{"id": "x", "kind": "bar", "title": "T", "bars": [{}]{extra}}}"#,
                items.join(",")
            )
        })
}

fn rank_box() -> impl Strategy<Value = String> {
    prop::collection::vec((label(), 1u32..193, 1u32..193, any::<bool>()), 1..20).prop_map(|items| {
        let labels = unique(items.iter().map(|i| i.0.clone()).collect());
        let rows: Vec<String> = items
            .iter()
            .zip(labels)
            .map(|((_, f, t, h), l)| format!(r#"{{"label": {}, "from": {f}, "to": {t}, "highlight": {h}}}"#, json_str(&l)))
            .collect();
        format!(r#"{{"id": "x", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2020", "out_of": 193, "items": [{}]}}"#, rows.join(","))
    })
}

fn line_box() -> impl Strategy<Value = String> {
    let series = (
        label(),
        prop::collection::btree_map(0u32..4000, value(), 1..30),
    );
    (prop::collection::vec(series, 1..5), any::<bool>()).prop_map(|(series, from_zero)| {
        let names = unique(series.iter().map(|s| s.0.clone()).collect());
        let parts: Vec<String> = series
            .iter()
            .zip(&names)
            .map(|((_, points), name)| {
                let pts: Vec<String> = points
                    .iter()
                    .map(|(day, v)| {
                        // 12 months of 28 days a year: distinct days give distinct, real dates.
                        let (y, m, d) = (2015 + day / 336, 1 + (day / 28) % 12, 1 + day % 28);
                        format!(r#"{{"date": "{y}-{m:02}-{d:02}", "value": {v}}}"#)
                    })
                    .collect();
                format!(r#"{{"name": {}, "points": [{}]}}"#, json_str(name), pts.join(","))
            })
            .collect();
        format!(r#"{{"id": "x", "kind": "line", "title": "T", "from_zero": {from_zero}, "series": [{}]}}"#, parts.join(","))
    })
}

fn share_box() -> impl Strategy<Value = String> {
    (prop::collection::vec((label(), 0.0..1e6f64), 2..12), any::<bool>()).prop_map(|(parts, donut)| {
        let labels = unique(parts.iter().map(|p| p.0.clone()).collect());
        let items: Vec<String> = parts
            .iter()
            .zip(labels)
            .map(|((_, v), l)| format!(r#"{{"label": {}, "value": {}}}"#, json_str(&l), v.round() + 1.0))
            .collect();
        let display = if donut { "donut" } else { "bar" };
        format!(r#"{{"id": "x", "kind": "share", "title": "T", "display": "{display}", "parts": [{}]}}"#, items.join(","))
    })
}

fn progress_box() -> impl Strategy<Value = String> {
    (0.0..=100.0f64, prop::option::of(0.0..=100.0f64), label()).prop_map(|(v, t, l)| {
        let target = t.map(|t| format!(r#", "target": {:.1}, "target_label": {}"#, t, json_str(&l))).unwrap_or_default();
        format!(r#"{{"id": "x", "kind": "progress", "title": "T", "value": {v:.1}, "unit": "%", "label": {}{target}}}"#, json_str(&l))
    })
}

/// A ranking drawn as dots on a rank axis, possibly with a reference rank.
fn rank_bar_box() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((label(), 1u32..193, any::<bool>()), 1..25),
        prop::option::of(1u32..193),
        any::<bool>(),
    )
        .prop_map(|(bars, reference, out_of)| {
            let labels = unique(bars.iter().map(|b| b.0.clone()).collect());
            let items: Vec<String> = bars
                .iter()
                .zip(labels)
                .map(|((_, v, h), l)| {
                    format!(r#"{{"label": {}, "value": {v}, "highlight": {h}}}"#, json_str(&l))
                })
                .collect();
            let mut extra = String::new();
            if let Some(r) = reference {
                extra.push_str(&format!(r#", "reference": {{"value": {r}, "label": "Mục tiêu"}}"#));
            }
            if out_of {
                extra.push_str(r#", "out_of": 193"#);
            }
            format!(
                r#"{{"id": "x", "kind": "bar", "title": "T", "ranks": true, "sort": "best", "bars": [{}]{extra}}}"#,
                items.join(",")
            )
        })
}

/// Ranks over time, one series or a bump chart of several.
fn rank_line_box() -> impl Strategy<Value = String> {
    let series = (
        label(),
        prop::collection::btree_map(2000u32..2030, 1u32..193, 1..12),
        any::<bool>(),
    );
    (prop::collection::vec(series, 1..6), any::<bool>()).prop_map(|(series, from_zero)| {
        let names = unique(series.iter().map(|s| s.0.clone()).collect());
        let parts: Vec<String> = series
            .iter()
            .zip(&names)
            .map(|((_, points, h), name)| {
                let pts: Vec<String> = points
                    .iter()
                    .map(|(year, rank)| format!(r#"{{"date": "{year}", "value": {rank}}}"#))
                    .collect();
                format!(r#"{{"name": {}, "highlight": {h}, "points": [{}]}}"#, json_str(name), pts.join(","))
            })
            .collect();
        format!(r#"{{"id": "x", "kind": "line", "title": "T", "ranks": true, "out_of": 193, "from_zero": {from_zero}, "series": [{}]}}"#, parts.join(","))
    })
}

fn any_box() -> impl Strategy<Value = String> {
    prop_oneof![
        bar_box(),
        rank_bar_box(),
        rank_box(),
        line_box(),
        rank_line_box(),
        share_box(),
        progress_box()
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn layouts_never_overlap_or_overflow(b in any_box(), width in 280.0..1400.0f64, en in any::<bool>()) {
        let locale = if en { "en" } else { "vi-VN" };
        let doc = format!(r#"{{"version": 1, "locale": "{locale}", "boxes": [{b}]}}"#);
        let boxes = load(&doc, None, Lang::Vi).map_err(|f| TestCaseError::fail(format!("{:?}\n{doc}", f.messages())))?;
        let fact = boxes.into_iter().next().expect("one box").map_err(|f| TestCaseError::fail(format!("{:?}\n{doc}", f.messages())))?;
        let scene = layout::chart(fact.body(), width, fact.lang(), &Estimate, &[]).expect("a chart kind");
        let frame = scene.frame();
        prop_assert!(scene.height.is_finite() && scene.height > 0.0);
        for shape in &scene.shapes {
            let r = shape.bounds();
            prop_assert!([r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()), "NaN in {:?}", shape);
            prop_assert!(frame.contains_rect(&r), "{:?} leaves the {}×{} frame\n{}", shape, scene.width, scene.height, doc);
        }
        let overlaps = scene.overlapping_texts();
        prop_assert!(overlaps.is_empty(), "overlapping texts {:?} at {}px\n{}", overlaps, width, doc);
        for t in scene.texts().filter(|t| t.paint != Paint::Background) {
            for s in &scene.shapes {
                if let factbox::layout::Shape::Rect { rect, paint: Paint::Mark | Paint::Highlight } = s {
                    prop_assert!(!t.bounds.overlaps(rect), "text {:?} on a bar at {}px\n{}", t.text, width, doc);
                }
            }
        }
        prop_assert!(!scene.marks.is_empty());
        for m in &scene.marks {
            prop_assert!(m.tip.len() >= 2);
            prop_assert!(m.hit.w > 0.0 && m.hit.h > 0.0);
        }
    }
}
