//! The studio's glue, in headless Chromium (`make test-wasm`, built with the `studio`
//! feature): what crosses into JavaScript is plain objects and arrays (not `Map`s), numbers
//! keep their text, problems are data with their cells, and bad input is an answer.
#![cfg(all(target_arch = "wasm32", feature = "studio"))]

use factbox::studio::web::{fill, form, number, open, paste, table_of, write};
use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `value[path…]`, following object keys and array indices.
fn at(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn text(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).expect("options")
}

#[wasm_bindgen_test]
fn a_pasted_table_becomes_a_box_of_plain_objects() {
    let grid = paste(
        "Quốc gia\t2018\t2020\nThái Lan\t73\t57\nViệt Nam\t88\t86",
        false,
    );
    assert!(Array::is_array(&grid));
    let made = fill(
        options(r#"{"id": "a", "kind": "figures", "title": "T"}"#),
        grid,
        options(r#"{"style": "auto", "lang": "vi", "kind": null}"#),
    );
    // A plain object, as JSON.stringify writes it (a Map would stringify as {}).
    assert!(made.is_object() && !made.is_instance_of::<js_sys::Map>());
    assert_eq!(
        at(&made, &["kind"]).as_string().as_deref(),
        Some("rank-change")
    );
    assert_eq!(
        text(&at(&made, &["box", "items", "1"])),
        r#"{"from":{"$n":"88"},"label":"Việt Nam","to":{"$n":"86"}}"#
    );
    assert_eq!(text(&at(&made, &["places", "items[1].to"])), "[2,2]");
    assert_eq!(at(&made, &["headerRow"]).as_f64(), Some(0.0));
    assert_eq!(
        at(&made, &["suggested", "why"]).as_string().as_deref(),
        Some("Hai cột số nguyên cho mỗi mục: thay đổi thứ hạng.")
    );
}

#[wasm_bindgen_test]
fn problems_are_data_at_their_cells() {
    let grid = paste("Tỉnh\tĐiểm\nHà Nội\t87,5\nHuế\t16.4\nĐà Nẵng\t90,1", false);
    let made = fill(
        Object::new().into(),
        grid,
        options(r#"{"style": "auto", "lang": "en"}"#),
    );
    let flag = at(&made, &["flags", "0"]);
    assert_eq!(
        text(&flag),
        r#"{"code":"other-style","col":1,"message":"This number is written the English way (decimal point) in a table of Vietnamese numbers: write 16,4 for 16.4, or choose English number style.","note":false,"row":2}"#
    );
}

#[wasm_bindgen_test]
fn numbers_keep_their_text_through_javascript() {
    let opened = open(
        r#"{"version": 1, "boxes": [{"id": "p", "kind": "progress", "title": "T", "label": "L", "value": 26.70}]}"#,
        "vi",
    );
    let document = at(&opened, &["doc"]);
    assert_eq!(
        text(&at(&document, &["boxes", "0", "value"])),
        r#"{"$n":"26.70"}"#
    );
    let written = write(document);
    assert!(written.contains("\"value\": 26.70"), "{written}");
    let grid = table_of(at(&opened, &["doc", "boxes", "0"]), "vi", "vi");
    assert_eq!(text(&grid), r#"[["L"],["26,70"]]"#);
}

#[wasm_bindgen_test]
fn bad_input_is_an_answer() {
    let broken = open("{\"version\": 1, \"boxes\": [", "en");
    let error = at(&broken, &["error"]).as_string().unwrap_or_default();
    assert!(error.contains("line 1"), "{error}");
    assert_eq!(
        text(&number("16,4 triệu", "vi", "vi")),
        r#"{"high":null,"n":"16400000","qualifier":null,"signed":false,"status":null,"unit":null}"#
    );
    // A range with its qualifier and status, as the form's value field takes it.
    assert_eq!(
        text(&number("khoảng 90–200 (dự báo)", "vi", "vi")),
        r#"{"high":"200","n":"90","qualifier":"khoảng","signed":false,"status":"forecast","unit":null}"#
    );
    assert!(
        at(&number("n/a", "vi", "en"), &["error"])
            .as_string()
            .is_some_and(|m| m.contains("not a number"))
    );
    // Not a grid, not options: a box is still made (empty), nothing throws.
    let made = fill(
        JsValue::from_f64(3.0),
        JsValue::from_str("x"),
        JsValue::NULL,
    );
    assert_eq!(at(&made, &["kind"]).as_string().as_deref(), Some("figures"));
}

#[wasm_bindgen_test]
fn the_form_names_every_kind() {
    let described = form("en");
    let kinds = at(&described, &["kinds"]);
    assert_eq!(Object::keys(kinds.unchecked_ref::<Object>()).length() as usize, factbox::spec::KINDS.len());
    let title = at(&described, &["defs", "BarBoxSchema", "0"]);
    assert!(title.is_object());
}
