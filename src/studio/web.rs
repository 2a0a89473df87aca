//! The studio's wasm face (the `studio` feature, built apart from the readers' widget):
//! each export takes and gives plain JavaScript values through `serde-wasm-bindgen`, and
//! reports bad input as data (`{error}`), never by throwing.

use serde::Serialize;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

use super::cell::{self, Style};
use super::table::{Flag, StyleFrom, Table, split};
use super::{doc, fields, shape};
use crate::format::Lang;

/// A JSON value as a plain JavaScript value (objects, not `Map`s).
fn js(v: &Value) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A JavaScript value as JSON (`null` for what JSON cannot hold).
fn from_js(v: JsValue) -> Value {
    serde_wasm_bindgen::from_value(v).unwrap_or(Value::Null)
}

fn lang_of(code: &str) -> Lang {
    if code == "en" { Lang::En } else { Lang::Vi }
}

fn style_of(code: &str) -> Option<Style> {
    match code {
        "vi" => Some(Style::Vi),
        "en" => Some(Style::En),
        _ => None,
    }
}

fn flags(list: &[Flag], lang: Lang) -> Value {
    Value::Array(
        list.iter()
            .map(|f| {
                json!({
                    "row": f.at.map(|a| a.row),
                    "col": f.at.map(|a| a.col),
                    "code": f.issue.code(),
                    "note": f.issue.is_note(),
                    "message": f.issue.message(lang),
                })
            })
            .collect(),
    )
}

/// Splits pasted text (tab-separated) or a CSV file's text into a grid of cell texts.
#[wasm_bindgen]
pub fn paste(text: &str, csv: bool) -> JsValue {
    js(&json!(split(text, csv)))
}

/// Makes box `b` from `grid`: `options` = `{style: 'auto' | 'vi' | 'en', lang: 'vi' |
/// 'en', kind: a kind or null for the suggested one, billion: the file's `billion_word`}`.
/// Gives `{box, kind, suggested: {kind, why}, style, styleFrom, headerRow, caption, flags:
/// [{row, col, code, note, message}], places: {path: [row, col]}, billionWord}`.
#[wasm_bindgen]
pub fn fill(b: JsValue, grid: JsValue, options: JsValue) -> JsValue {
    let grid: Vec<Vec<String>> = serde_wasm_bindgen::from_value(grid).unwrap_or_default();
    let options = from_js(options);
    let text = |k: &str| options.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let lang = lang_of(&text("lang"));
    let default = if lang == Lang::En { Style::En } else { Style::Vi };
    let table = Table::read(&grid, style_of(&text("style")), default);
    let suggested = shape::suggest(&table);
    let chosen = text("kind");
    let kind = crate::spec::KINDS.iter().find(|k| **k == chosen).copied().unwrap_or(suggested.kind);
    let built = shape::build(&table, kind);
    let mut all = table.flags.clone();
    all.extend(built.flags.iter().cloned());
    let file_billion = match options.get("billion").and_then(Value::as_str) {
        Some("tỷ") => Some(crate::spec::BillionWord::Ty),
        Some("tỉ") => Some(crate::spec::BillionWord::Ti),
        _ => None,
    };
    let (billion, spelling) = shape::billion_word(&table, file_billion);
    all.extend(spelling);
    let from = match table.style_from {
        StyleFrom::Chosen => "chosen",
        StyleFrom::Marks => "marks",
        StyleFrom::Default => "default",
    };
    let mut made = shape::apply(&from_js(b), kind, &built);
    // A title line above the table titles a box that has none yet.
    if let (Some(caption), Value::Object(o)) = (&table.caption, &mut made) {
        if o.get("title").and_then(Value::as_str).is_none_or(str::is_empty) {
            o.insert("title".into(), json!(caption));
        }
    }
    all.extend(shape::assumptions(&made));
    js(&json!({
        "box": made,
        "kind": kind,
        "suggested": { "kind": suggested.kind, "why": suggested.why.message(lang) },
        "style": table.style.code(),
        "styleFrom": from,
        "headerRow": table.header_row,
        "caption": table.caption.is_some(),
        "flags": flags(&all, lang),
        // The file's `billion_word` to set, when the table spells it and the file does not.
        "billionWord": billion.map(|w| match w {
            crate::spec::BillionWord::Ti => "tỉ",
            crate::spec::BillionWord::Ty => "tỷ",
        }),
        "places": built.places.iter().map(|(p, a)| (p.clone(), json!([a.row, a.col]))).collect::<serde_json::Map<_, _>>(),
    }))
}

/// A box's data as a grid of cell texts, header first, in number style `style`.
#[wasm_bindgen(js_name = tableOf)]
pub fn table_of(b: JsValue, style: &str, lang: &str) -> JsValue {
    let lang = lang_of(lang);
    let style = style_of(style).unwrap_or(if lang == Lang::En { Style::En } else { Style::Vi });
    js(&json!(shape::table_of(&from_js(b), style, lang)))
}

/// Reads a factbox file: `{doc}` (numbers as `{$n}`), or `{error}` with the widget's
/// message (line and column) when the text is not JSON.
#[wasm_bindgen]
pub fn open(text: &str, lang: &str) -> JsValue {
    match doc::open(text) {
        Ok(v) => js(&json!({ "doc": v })),
        Err(_) => {
            let message = match crate::load(text, None, lang_of(lang)) {
                Err(failure) => failure.problems.first().map(|p| p.message(failure.lang)),
                Ok(_) => None,
            };
            js(&json!({ "error": message.unwrap_or_default() }))
        }
    }
}

/// The studio's document as the JSON text a box reads.
#[wasm_bindgen]
pub fn write(document: JsValue) -> String {
    doc::write(&from_js(document))
}

/// A number typed in the form (`26,7`, `30%`, `hơn 9.300`, `90–200 (dự báo)`) in number
/// style `style`: `{n, high, qualifier, unit, status, signed}` or `{error}`.
#[wasm_bindgen]
pub fn number(text: &str, style: &str, lang: &str) -> JsValue {
    let lang = lang_of(lang);
    let style = style_of(style).unwrap_or(if lang == Lang::En { Style::En } else { Style::Vi });
    let reading = cell::number(&cell::clean(text)).and_then(|n| Some((n.read(style)?, n)));
    js(&match reading {
        Some((r, n)) => json!({
            "n": r.text,
            "high": r.high,
            "qualifier": n.qualifier,
            "unit": n.unit_text(),
            "status": n.status.map(|s| s.name()),
            "signed": n.signed,
        }),
        None => json!({ "error": super::words::Issue::NotANumber.message(lang) }),
    })
}

/// A number of the document as the journalist's style writes it (`9300` → `9.300`).
#[wasm_bindgen]
pub fn written(text: &str, style: &str) -> String {
    shape::written(text, style_of(style).unwrap_or(Style::Vi))
}

/// The form: every field with its type and help in `lang`.
#[wasm_bindgen]
pub fn form(lang: &str) -> JsValue {
    js(&fields::form(lang_of(lang)))
}
