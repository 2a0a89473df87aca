//! The document the studio edits, as a JSON value whose numbers keep their text.
//!
//! A JavaScript number forgets how it was written (`26.70` becomes `26.7`, and the box
//! would then print `26,7`), so every number of the studio's document is an object
//! `{"$n": "26.70"}`: [`open`] reads a factbox file into that form, [`write`] writes it
//! back as the JSON text a box reads, numbers as written.

use serde_json::{Map, Value, json};

use crate::json::{self, Kind, Node};

/// The key of a number's text in the studio's document.
pub const NUMBER: &str = "$n";

/// A number, from its JSON text.
pub fn num(text: &str) -> Value {
    json!({ NUMBER: text })
}

/// The text of a number of the studio's document (or of a plain JSON number).
pub fn num_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if o.len() == 1 => o.get(NUMBER).and_then(Value::as_str).map(str::to_owned),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a factbox JSON file into the studio's form; a syntax error gives its byte offset.
pub fn open(text: &str) -> Result<Value, usize> {
    let node = json::parse(text).map_err(|e| e.offset)?;
    Ok(value(&node))
}

/// A JSON node as the studio's value, numbers keeping their text (see [`NUMBER`]).
pub(crate) fn value(node: &Node<'_>) -> Value {
    match &node.kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Number(_, raw) => num(raw),
        Kind::Str(s) => Value::String(s.to_string()),
        Kind::Array(items) => Value::Array(items.iter().map(value).collect()),
        Kind::Object(entries) => {
            let mut m = Map::new();
            for e in entries {
                m.insert(e.key.to_string(), value(&e.value));
            }
            Value::Object(m)
        }
    }
}

/// Writes the studio's document as JSON text, two spaces deep, fields in the order a
/// journalist reads them (`version`, `id`, `kind` and `title` first). A number whose text
/// is not a JSON number is written as a string, which the box then reports where it is.
pub fn write(v: &Value) -> String {
    let mut out = String::new();
    put(v, 0, &mut out);
    out.push('\n');
    out
}

/// Fields written first, in this order; the rest follow alphabetically.
const FIRST: &[&str] = &["$schema", "version", "locale", "billion_word", "defaults", "id", "kind", "title", "subtitle"];
/// Fields written last: the data after the words around it.
const LAST: &[&str] = &["figures", "bars", "items", "series", "parts", "points", "boxes"];

fn rank(key: &str) -> (usize, &str) {
    if let Some(i) = FIRST.iter().position(|k| *k == key) {
        (i, "")
    } else if let Some(i) = LAST.iter().position(|k| *k == key) {
        (FIRST.len() + 2 + i, "")
    } else {
        (FIRST.len() + 1, key)
    }
}

fn put(v: &Value, depth: usize, out: &mut String) {
    let indent = |d: usize, out: &mut String| out.extend(std::iter::repeat_n("  ", d));
    if let Some(text) = num_text(v).filter(|_| v.is_object()) {
        let is_number = matches!(json::parse(&text), Ok(Node { kind: Kind::Number(..), .. }));
        if is_number {
            out.push_str(text.trim());
        } else {
            out.push_str(&Value::String(text).to_string());
        }
        return;
    }
    match v {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            // Short lists of plain values (a highlight list) stay on one line.
            let flat = items.iter().all(|i| i.is_string() || num_text(i).is_some()) && items.len() <= 8;
            out.push('[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                    if flat {
                        out.push(' ');
                    }
                }
                if !flat {
                    out.push('\n');
                    indent(depth + 1, out);
                }
                put(item, depth + 1, out);
            }
            if !flat {
                out.push('\n');
                indent(depth, out);
            }
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)));
            out.push('{');
            for (k, key) in keys.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(depth + 1, out);
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                if let Some(item) = map.get(*key) {
                    put(item, depth + 1, out);
                }
            }
            out.push('\n');
            indent(depth, out);
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text_both_ways() {
        let text = r#"{"version": 1, "boxes": [{"id": "a", "kind": "progress", "title": "T", "label": "L", "value": 26.70, "target": 1.5e3}]}"#;
        let v = open(text).unwrap();
        assert_eq!(v["boxes"][0]["value"], json!({"$n": "26.70"}));
        let written = write(&v);
        assert!(written.contains("\"value\": 26.70"), "{written}");
        assert!(written.contains("\"target\": 1.5e3"), "{written}");
        assert_eq!(open(&written).unwrap(), v);
        assert!(written.starts_with("{\n  \"version\": 1,\n  \"boxes\": ["), "{written}");
        assert_eq!(open("{\"a\": }"), Err(6));
    }

    #[test]
    fn a_number_that_is_not_json_is_written_as_text() {
        let v = json!({"value": {"$n": "26,7"}, "ok": {"$n": "7"}});
        assert_eq!(write(&v), "{\n  \"ok\": 7,\n  \"value\": \"26,7\"\n}\n");
    }

    #[test]
    fn the_demo_documents_are_read_and_written_without_loss() {
        for file in ["www/data/egov-vn.json", "www/data/egov-en.json", "www/data/kinh-te-so.json"] {
            let text = std::fs::read_to_string(file).unwrap();
            let v = open(&text).unwrap();
            let again = write(&v);
            assert_eq!(open(&again).unwrap(), v, "{file}");
            let a = crate::load(&text, None, crate::Lang::Vi).unwrap();
            let b = crate::load(&again, None, crate::Lang::Vi).unwrap();
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{file}");
        }
    }
}
