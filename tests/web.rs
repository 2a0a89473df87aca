//! The browser facade, in headless Chromium (`make test-wasm`): the wasm is a pure function
//! from a document to a box's markup and its problems as data, and what it writes in the
//! browser is what `factbox render` writes, byte for byte.
#![cfg(all(target_arch = "wasm32", not(feature = "studio")))]

use factbox::web::{Doc, fail, failure_style, prerender_js as prerender, style};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEMO: &str = include_str!("../www/data/egov-vn.json");
const KINH_TE_SO: &str = include_str!("../www/data/kinh-te-so.json");
const PROVINCES: &str = include_str!("fixtures/provinces.json");

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(k)).expect("a field")
}

fn text(o: &JsValue, k: &str) -> String {
    get(o, k).as_string().unwrap_or_default()
}

fn view(editor: bool) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"editor".into(), &editor.into()).expect("set");
    js_sys::Reflect::set(&o, &"lang".into(), &"vi".into()).expect("set");
    o.into()
}

/// A box shown live is the prerendered snippet's box, byte for byte (a paged table once
/// its rows past the first page are in): every box of both demo files, through the same
/// wasm the page runs.
#[wasm_bindgen_test]
fn a_live_box_is_its_prerendered_markup() {
    let mut filled = 0;
    for json in [DEMO, KINH_TE_SO, PROVINCES] {
        let doc = Doc::new(json.to_owned(), "vi");
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"data".into(), &"data/x.json".into()).expect("set");
        let made = prerender(json, None, &options.into()).expect("valid demo");
        assert!(made.length() >= if json == PROVINCES { 1 } else { 6 });
        for p in made.iter() {
            let id = text(&p, "id");
            let snippet = text(&p, "html");
            let shown = doc.show(Some(id.clone()), &view(false));
            assert_eq!(get(&shown, "failed"), JsValue::FALSE, "{id}");
            let mut html = text(&shown, "html");
            assert!(html.starts_with("<figure class=\"fb\""), "{id}");
            // A paged table comes with its first page of rows, unranked; the rows asked
            // for as the script asks (from row 0 again: the first page's ranks, then the
            // rest) make it the snippet's box.
            let marker = format!(" data-fb-rest=\"{id}\"");
            if html.contains(&marker) {
                let first = html
                    .split("<tbody>")
                    .nth(1)
                    .and_then(|t| t.split("</tbody>").next())
                    .expect("a first page")
                    .to_owned();
                assert!(!first.is_empty() && !first.contains("data-v="), "{id}");
                let rows = doc.rows(&id, 0, 0) + &doc.rows(&id, 0, 20) + &doc.rows(&id, 20, 10_000);
                let csv = format!("<a class=\"fb-action\" href=\"{}\"", doc.csv(&id));
                html = html
                    .replace(&marker, "")
                    .replace(&format!("{first}</tbody>"), &format!("{rows}</tbody>"))
                    .replace("<a class=\"fb-action\" href=\"\"", &csv);
                filled += 1;
            }
            let inside = snippet
                .split("</style>")
                .nth(1)
                .and_then(|rest| rest.split("</template>").next())
                .expect("a snippet's box");
            assert_eq!(html, inside, "{id}");
            // The hash of the document's meaning, as the page computes it once idle.
            let canonical = factbox::canonical::canonical(json).expect("JSON");
            let hash = factbox::prerender::content_hash(&canonical);
            assert!(
                snippet.contains(&format!("data-factbox-hash=\"{hash}\"")),
                "{id}"
            );
        }
    }
    assert_eq!(filled, 1, "the 34-province table came a page first");
}

/// The stylesheet adopted by live boxes is the one a snippet carries, cut to the rules
/// its box can use: every rule of the snippet's is the live one's, in the same order.
#[wasm_bindgen_test]
fn live_boxes_adopt_the_snippets_stylesheet() {
    let options = js_sys::Object::new();
    let made = prerender(DEMO, Some("xep-hang-asean".to_owned()), &options.into()).expect("valid");
    let snippet = text(&made.get(0), "html");
    let carried = snippet
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(css, _)| css)
        .expect("a stylesheet in the snippet");
    let live = style();
    assert!(carried.len() < live.len() && carried.contains(".fb-tip{"));
    let mut from = 0;
    for rule in carried.split_inclusive('}').filter(|r| r.len() > 1 && !r.starts_with('@')) {
        let at = live.get(from..).and_then(|rest| rest.find(rule)).expect(rule);
        from += at + rule.len();
    }
    assert!(style().contains(".fb-m.fb-on{display:inline;}"));
    assert!(failure_style().contains(".fb-error"));
}

/// A broken document: its problems as data, with line and column, in both languages, and
/// the editors' view or the readers' notice.
#[wasm_bindgen_test]
fn a_broken_document_comes_back_as_problems() {
    let doc = Doc::new(r#"{"version": 1, "boxes": [}"#.to_owned(), "vi");
    let shown = doc.show(None, &view(true));
    assert_eq!(get(&shown, "failed"), JsValue::TRUE);
    assert_eq!(
        get(&shown, "messages"),
        JsValue::TRUE,
        "the tests run the editors' build"
    );
    let problems: js_sys::Array = get(&shown, "problems").into();
    let first = problems.get(0);
    assert_eq!(get(&first, "line").as_f64(), Some(1.0));
    assert_eq!(get(&first, "column").as_f64(), Some(26.0));
    assert!(
        text(&first, "vi").contains("dòng 1, cột 26"),
        "{}",
        text(&first, "vi")
    );
    assert!(
        text(&first, "en").contains("line 1, column 26"),
        "{}",
        text(&first, "en")
    );
    assert!(text(&shown, "html").contains("fb-error"));
    let log: js_sys::Array = get(&shown, "log").into();
    assert!(
        log.get(0)
            .as_string()
            .expect("a line")
            .starts_with("factbox:")
    );
    // Readers get the short notice, never the JSON.
    let reader = doc.show(None, &view(false));
    let html = text(&reader, "html");
    assert!(
        html.contains("fb-error-reader") && !html.contains("boxes"),
        "{html}"
    );
}

/// One document, many embeds: a box picked by id; a missing id says which there are; two
/// boxes with one id are refused, not one of them shown.
#[wasm_bindgen_test]
fn boxes_are_picked_by_id() {
    let doc = Doc::new(DEMO.to_owned(), "vi");
    let shown = doc.show(Some("tiet-kiem".to_owned()), &view(true));
    assert_eq!(text(&shown, "kinds"), "figures");
    let missing = doc.show(Some("tiet-kiemm".to_owned()), &view(true));
    assert_eq!(get(&missing, "failed"), JsValue::TRUE);
    let problems: js_sys::Array = get(&missing, "problems").into();
    assert!(text(&problems.get(0), "message").contains("#tiet-kiem"));
    let twice = DEMO.replacen("\"id\": \"xep-hang-asean\"", "\"id\": \"tiet-kiem\"", 1);
    let doc = Doc::new(twice, "vi");
    let shown = doc.show(Some("tiet-kiem".to_owned()), &view(true));
    assert_eq!(get(&shown, "failed"), JsValue::TRUE);
}

/// The legend's redraw: the chart without a series; the image: a standalone SVG.
#[wasm_bindgen_test]
fn drawings_without_a_series_and_the_image() {
    let json = r#"{"version": 1, "boxes": [{"id": "l", "kind": "line", "title": "T",
      "series": [{"name": "A", "points": [{"date": "2020", "value": 1}, {"date": "2021", "value": 2}]},
                 {"name": "B", "points": [{"date": "2020", "value": 30}, {"date": "2021", "value": 40}]}]}]}"#;
    let doc = Doc::new(json.to_owned(), "vi");
    let both = doc.drawings("l", vec![]);
    let one = doc.drawings("l", vec![1]);
    // Five drawings, each in its frame after the empty SVG that sizes it.
    for d in [&both, &one] {
        assert_eq!(d.matches("<svg class=\"fb-sz\"").count(), 5);
        assert_eq!(d.matches(" class=\"fb-svg\"").count(), 5);
        assert_eq!(d.matches("<div class=\"fb-d fb-w").count(), 5);
    }
    // The series' marks (their tooltips name the series first).
    assert!(both.contains("data-tip=\"B"), "B's marks are there");
    assert!(!one.contains("data-tip=\"B"), "B is left out");
    assert!(one.contains("data-tip=\"A"), "A stays");
    assert_eq!(doc.drawings("nope", vec![]), "");
    let image = doc.image("l", 640.0, false);
    assert!(
        image.starts_with("<svg") && image.contains("width=\"640\""),
        "{image}"
    );
}

/// A file that could not be loaded stands in the box with its reason.
#[wasm_bindgen_test]
fn load_failures_are_problems_too() {
    let shown = fail("http", "data/x.json", 404, 0, &view(true));
    let problems: js_sys::Array = get(&shown, "problems").into();
    assert_eq!(text(&problems.get(0), "code"), "http");
    assert!(text(&problems.get(0), "en").contains("404"));
    assert!(text(&shown, "html").contains("404"));
}

/// The browser's `Intl` as a page would ask it: `value` with `decimals` places in `locale`,
/// or a date (days since 1970) with `day` or month precision.
fn intl_number(value: f64, decimals: u8, locale: &str, grouping: bool) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        js_sys::Reflect::set(&options, &JsValue::from_str(k), &v).expect("set");
    };
    set("minimumFractionDigits", f64::from(decimals).into());
    set("maximumFractionDigits", f64::from(decimals).into());
    set("signDisplay", "negative".into());
    set("useGrouping", grouping.into());
    let locales = js_sys::Array::of1(&locale.into());
    let text = js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &value.into())
        .expect("format")
        .as_string()
        .expect("text");
    // factbox writes the true minus sign, which screen readers read as "minus".
    if grouping {
        text.replace('-', "\u{2212}")
    } else {
        text
    }
}

fn intl_date(year: i32, month: u8, day: Option<u8>, locale: &str) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).expect("set");
    };
    set("timeZone", "UTC");
    set("year", "numeric");
    set(
        "month",
        if locale == "vi-VN" {
            "numeric"
        } else {
            "short"
        },
    );
    if day.is_some() {
        set("day", "numeric");
    }
    let ms = js_sys::Date::utc(f64::from(year), f64::from(month - 1))
        + f64::from(day.unwrap_or(1) - 1) * 86_400_000.0;
    let date = js_sys::Date::new(&ms.into());
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&locale.into()), &options)
        .format()
        .call1(&JsValue::NULL, &date)
        .expect("format")
        .as_string()
        .expect("text")
}

/// factbox writes numbers and dates itself, the same in the wasm and natively; they are
/// what the browser's `Intl` writes for `vi-VN` and `en-GB`, on a table of awkward values.
#[wasm_bindgen_test]
fn numbers_and_dates_are_what_intl_writes() {
    use factbox::format::{Lang, PartialDate, format_fixed, format_plain};
    let values = [
        0.0,
        1.0,
        -1.0,
        9300.0,
        26.7,
        1_400_000.0,
        -1200.5,
        999.0,
        1000.0,
        85.4,
        -0.04,
        2.675,
        1.005,
        0.125,
        2.5,
        -2.5,
        16.4,
        468.0,
        1e12,
        9.3e12,
        123_456_789.123,
        0.001,
        35.0,
    ];
    for (lang, locale) in [(Lang::Vi, "vi-VN"), (Lang::En, "en-GB")] {
        for v in values {
            for d in 0..=3u8 {
                assert_eq!(
                    format_fixed(v, d, lang),
                    intl_number(v, d, locale, true),
                    "{v} with {d} decimals in {lang:?}"
                );
            }
        }
        for (year, month, day) in [
            (2024, 8, None),
            (2019, 12, Some(9)),
            (2021, 3, Some(10)),
            (2000, 2, Some(29)),
        ] {
            let text = match day {
                Some(d) => format!("{year}-{month:02}-{d:02}"),
                None => format!("{year}-{month:02}"),
            };
            let date = PartialDate::parse(&text).expect("valid date");
            assert_eq!(
                date.display(lang),
                intl_date(year, month, day, locale),
                "{text}"
            );
        }
    }
    for v in values {
        let places = factbox::format::auto_decimals(v, 6);
        assert_eq!(
            format_plain(v),
            intl_number(v, places, "en-US", false),
            "{v}"
        );
    }
}
