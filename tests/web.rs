//! The browser glue, in headless Chromium (`make test-wasm`): what `render` and `fail` do to
//! a real element — shadow root, state attributes, HiDPI canvas, error boxes, isolation.
#![cfg(all(target_arch = "wasm32", not(feature = "studio")))]

use factbox::web::{Mounted, fail, render};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BAR: &str = r#"{"version": 1, "boxes": [{"id": "hang", "kind": "bar", "title": "Thứ hạng",
  "bars": [{"label": "Thái Lan", "value": 57}, {"label": "Việt Nam", "value": 86}],
  "highlight": ["Việt Nam"]}]}"#;

const FIGURES: &str = r#"{"version": 1, "boxes": [{"id": "tk", "kind": "figures", "title": "Tiết kiệm",
  "figures": [{"qualifier": "hơn", "value": 9300, "unit": "tỉ đồng/năm", "label": "tổng"}],
  "source": {"text": "Bộ", "url": "https://example.org"}}]}"#;

/// A fresh `<div>` of the given width in the page.
fn host(width: u32) -> HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let el: HtmlElement = doc
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    el.style()
        .set_property("width", &format!("{width}px"))
        .expect("style");
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

/// Waits until the box leaves `loading` (the scheduler builds and draws it in animation
/// frames), by the event that says so: the state then, and the event's `detail`.
async fn settled(el: &HtmlElement, mounted: &Mounted) -> (String, JsValue) {
    assert_eq!(mounted.state(), "loading", "render only queues the box");
    let target = el.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        for name in ["factbox:ready", "factbox:error"] {
            let resolve = resolve.clone();
            let on: Closure<dyn FnMut(web_sys::Event)> = Closure::once(move |e: web_sys::Event| {
                let _ = resolve.call1(&JsValue::NULL, &e);
            });
            target
                .add_event_listener_with_callback(name, on.as_ref().unchecked_ref())
                .expect("listener");
            on.forget();
        }
    });
    let event: web_sys::CustomEvent = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("an event")
        .dyn_into()
        .expect("a CustomEvent");
    let state = mounted.state();
    assert_eq!(
        event.type_(),
        format!("factbox:{state}"),
        "the event names the state"
    );
    assert!(event.bubbles() && event.composed());
    (state, event.detail())
}

/// Renders `json` (the box `pick`, or all) into `el` at once, with the default options.
fn eager(el: &HtmlElement, json: String, pick: Option<String>) -> Mounted {
    render(el.clone(), json, pick, None, false, JsValue::UNDEFINED)
}

fn shadow_text(el: &HtmlElement, selector: &str) -> Option<String> {
    el.shadow_root()?
        .query_selector(selector)
        .ok()??
        .text_content()
}

#[wasm_bindgen_test]
async fn a_bar_chart_is_drawn_at_the_device_pixel_ratio() {
    let el = host(480);
    let mounted = eager(&el, BAR.into(), None);
    assert_eq!(
        el.get_attribute("data-factbox-state").as_deref(),
        Some("loading")
    );
    // Built in one frame, drawn in the next, by the page's scheduler.
    assert_eq!(settled(&el, &mounted).await.0, "ready");
    assert_eq!(
        el.get_attribute("data-factbox-state").as_deref(),
        Some("ready")
    );
    assert_eq!(
        el.get_attribute("data-factbox-kind").as_deref(),
        Some("bar")
    );
    let canvas: HtmlCanvasElement = el
        .shadow_root()
        .and_then(|r| r.query_selector("canvas").ok().flatten())
        .expect("a canvas in the shadow root")
        .dyn_into()
        .expect("canvas");
    let ratio = web_sys::window().expect("window").device_pixel_ratio();
    let css_width = f64::from(canvas.client_width());
    assert!(
        css_width > 300.0,
        "the chart fills its container ({css_width})"
    );
    assert_eq!(f64::from(canvas.width()), (css_width * ratio).round());
    assert_eq!(
        f64::from(canvas.height()),
        (f64::from(canvas.client_height()) * ratio).round()
    );
    let label = canvas
        .get_attribute("aria-label")
        .expect("a text alternative");
    assert!(
        label.starts_with("Biểu đồ cột, 2 mục; lớn nhất: Việt Nam, 86; nhỏ nhất: Thái Lan, 57."),
        "{label}"
    );
    assert!(label.contains("Thái Lan, 57; Việt Nam, 86"), "{label}");
    assert_eq!(shadow_text(&el, ".fb-title").as_deref(), Some("Thứ hạng"));
    el.remove();
}

#[wasm_bindgen_test]
async fn key_figures_are_real_text() {
    let el = host(600);
    let mounted = render(
        el.clone(),
        FIGURES.into(),
        None,
        None,
        true,
        JsValue::UNDEFINED,
    );
    assert_eq!(
        settled(&el, &mounted).await.0,
        "ready",
        "a box without charts is ready once built, even lazy"
    );
    assert_eq!(shadow_text(&el, ".fb-number").as_deref(), Some("9.300"));
    assert_eq!(shadow_text(&el, ".fb-qualifier").as_deref(), Some("hơn"));
    assert_eq!(shadow_text(&el, ".fb-unit").as_deref(), Some("tỉ đồng/năm"));
    let link = el
        .shadow_root()
        .and_then(|r| r.query_selector("a").ok().flatten())
        .expect("source link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn broken_json_shows_an_error_with_line_and_column() {
    let el = host(400);
    let mounted = render(
        el.clone(),
        "{\"version\": 1,\n \"boxes\": [}".into(),
        None,
        Some("data/x.json".into()),
        false,
        JsValue::UNDEFINED,
    );
    let (state, detail) = settled(&el, &mounted).await;
    assert_eq!(state, "error");
    let told = js_sys::Reflect::get(&detail, &JsValue::from_str("errors"))
        .ok()
        .map(|e| {
            js_sys::Array::from(&e)
                .iter()
                .filter_map(|m| m.as_string())
                .collect::<Vec<_>>()
        });
    assert_eq!(
        told,
        Some(mounted.errors()),
        "the event carries the messages"
    );
    assert_eq!(
        el.get_attribute("data-factbox-state").as_deref(),
        Some("error")
    );
    let errors = mounted.errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("dòng 2, cột 12"), "{errors:?}");
    let role = el
        .shadow_root()
        .and_then(|r| r.query_selector(".fb-error").ok().flatten())
        .and_then(|e| e.get_attribute("role"));
    assert_eq!(role.as_deref(), Some("alert"));
    assert!(shadow_text(&el, ".fb-error-where").is_some_and(|t| t.contains("data/x.json")));
    // The same problem as data, for code: where, a stable code, and the message in the
    // language asked for.
    let problems = mounted.problems(Some("en".into()));
    assert_eq!(problems.length(), 1);
    let field = |k: &str| js_sys::Reflect::get(&problems.get(0), &JsValue::from_str(k)).unwrap();
    assert_eq!(field("code").as_string().as_deref(), Some("syntax"));
    assert_eq!(field("line").as_f64(), Some(2.0));
    assert_eq!(field("column").as_f64(), Some(12.0));
    assert!(
        field("message")
            .as_string()
            .unwrap()
            .contains("line 2, column 12: ")
    );
    let in_event = js_sys::Reflect::get(&detail, &JsValue::from_str("problems")).unwrap();
    assert_eq!(js_sys::Array::from(&in_event).length(), 1);
    el.remove();
}

/// `{ errors: 'none', quiet: true }`: the page shows its own message for a broken box, so
/// the element stays empty (but a good box beside it in the same file is shown), the
/// problems are still data, and nothing is written to the console.
#[wasm_bindgen_test]
async fn errors_none_leaves_a_broken_box_to_the_page() {
    let el = host(400);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"errors".into(), &"none".into()).unwrap();
    js_sys::Reflect::set(&options, &"quiet".into(), &JsValue::TRUE).unwrap();
    let json = r#"{"version": 1, "boxes": [
        {"id": "bad", "kind": "bar", "title": "T", "bars": []},
        {"id": "good", "kind": "figures", "title": "Good", "figures": [{"value": 1, "label": "one"}]}]}"#;
    let mounted = render(el.clone(), json.into(), None, None, false, options.into());
    let (state, _) = settled(&el, &mounted).await;
    assert_eq!(state, "error");
    let root = el.shadow_root().expect("shadow root");
    assert!(root.query_selector(".fb-error").unwrap().is_none());
    assert_eq!(shadow_text(&el, ".fb-title").as_deref(), Some("Good"));
    assert_eq!(mounted.kind(), "figures");
    let problems = mounted.problems(None);
    assert_eq!(problems.length(), 1);
    let id = js_sys::Reflect::get(&problems.get(0), &"id".into()).unwrap();
    assert_eq!(id.as_string().as_deref(), Some("bad"));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_page_language_chooses_the_error_language() {
    let el = host(400);
    el.set_attribute("lang", "en").expect("lang");
    let mounted = eager(&el, String::new(), None);
    settled(&el, &mounted).await;
    assert_eq!(mounted.errors(), ["the data file is empty"]);
    el.remove();
}

#[wasm_bindgen_test]
fn load_failures_are_shown_in_the_box() {
    let el = host(400);
    let mounted = fail(
        el.clone(),
        "http",
        "data/missing.json",
        404,
        0,
        JsValue::UNDEFINED,
    );
    assert_eq!(mounted.state(), "error");
    let errors = mounted.errors();
    assert!(
        errors[0].contains("404") && errors[0].contains("data/missing.json"),
        "{errors:?}"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn data_text_is_never_parsed_as_html() {
    let el = host(400);
    let json = r#"{"version": 1, "boxes": [{"id": "x", "kind": "figures", "title": "<img src=x onerror=alert(1)>",
      "figures": [{"value": 1, "label": "<b>bold</b>"}]}]}"#;
    let mounted = eager(&el, json.into(), None);
    settled(&el, &mounted).await;
    let root = el.shadow_root().expect("shadow root");
    assert!(root.query_selector("img").ok().flatten().is_none());
    assert!(root.query_selector("b").ok().flatten().is_none());
    assert_eq!(
        shadow_text(&el, ".fb-title").as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    el.remove();
}

#[wasm_bindgen_test]
fn rendering_again_replaces_the_box_and_neighbours_are_independent() {
    let good = host(500);
    let bad = host(500);
    let first = eager(&good, BAR.into(), None);
    let broken = eager(&bad, "not json".into(), None);
    // `redraw` builds and draws at once, without waiting for the scheduler.
    first.redraw();
    broken.redraw();
    assert_eq!(first.state(), "ready");
    assert_eq!(broken.state(), "error");
    drop(first);
    let second = eager(&good, FIGURES.into(), None);
    second.redraw();
    assert_eq!(second.state(), "ready");
    let root = good.shadow_root().expect("shadow root");
    assert_eq!(
        root.query_selector_all(".fb").map(|l| l.length()).ok(),
        Some(1),
        "the old box is gone"
    );
    assert_eq!(
        good.get_attribute("data-factbox-kind").as_deref(),
        Some("figures")
    );
    good.remove();
    bad.remove();
}

#[wasm_bindgen_test]
async fn picking_a_box_that_is_not_there() {
    let el = host(400);
    let mounted = eager(&el, BAR.into(), Some("hangg".into()));
    assert_eq!(settled(&el, &mounted).await.0, "error");
    assert_eq!(
        mounted.errors(),
        ["tệp không có hộp nào với id “hangg”: có phải ý bạn là #hang? (các hộp trong tệp: #hang)"]
    );
    el.remove();
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

/// Every box has the two downloads; the CSV link carries the data.
#[wasm_bindgen_test]
async fn the_footer_offers_the_data_and_the_image() {
    let el = host(480);
    let mounted = eager(&el, BAR.into(), None);
    settled(&el, &mounted).await;
    let root = el.shadow_root().expect("shadow root");
    let link = root
        .query_selector("a.fb-action[download]")
        .ok()
        .flatten()
        .expect("CSV link");
    assert_eq!(link.get_attribute("download").as_deref(), Some("hang.csv"));
    // The data is written into the link as it is pressed (a plain `click` Event runs the
    // handler without starting a download).
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("data:text/csv;charset=utf-8,")
    );
    let click = web_sys::Event::new("click").expect("event");
    link.dispatch_event(&click).expect("dispatch");
    let href = link.get_attribute("href").unwrap_or_default();
    let csv = js_sys::decode_uri_component(href.trim_start_matches("data:text/csv;charset=utf-8,"))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    assert_eq!(
        csv,
        "\u{feff}Nhãn,Tiền tố,Giá trị,Đơn vị\r\nThái Lan,,57,\r\nViệt Nam,,86,\r\n"
    );
    let button = root
        .query_selector("button.fb-action")
        .ok()
        .flatten()
        .expect("image button");
    assert_eq!(button.text_content().as_deref(), Some("Tải ảnh"));
}
