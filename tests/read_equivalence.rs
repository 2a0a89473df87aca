//! The widget reads documents with hand-written readers (`src/read.rs`), which must agree
//! with serde's derived impls on the same spec types: the same structs from good input,
//! the same first problem, path, line and column from bad input.
//!
//! Every box of every example file is put alone in a document, which is then broken in
//! every place in turn: each value replaced by values of other types, out of range or
//! spelt wrong; each field removed, misspelt, repeated; an unknown field added; lists
//! emptied or given an extra item; objects reversed, and with every value wrong at once. Both readers must read each result alike.

// Only its `same_reading` is used here: the whole pipeline on every variant would be slow.
#[path = "../fuzz/pipeline_check.rs"]
#[allow(dead_code)]
mod pipeline_check;

use factbox::json::{self, Kind, Node};

/// A JSON value with its fields in order and numbers as written, which can be edited and
/// written back out.
#[derive(Clone, Debug)]
enum J {
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn tree(node: &Node<'_>) -> J {
    match &node.kind {
        Kind::Null => J::Raw("null".into()),
        Kind::Bool(b) => J::Raw(b.to_string()),
        Kind::Number(_, raw) => J::Raw((*raw).to_owned()),
        Kind::Str(s) => J::Str(s.to_string()),
        Kind::Array(items) => J::Arr(items.iter().map(tree).collect()),
        Kind::Object(entries) => J::Obj(
            entries
                .iter()
                .map(|e| (e.key.to_string(), tree(&e.value)))
                .collect(),
        ),
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Written over several lines, so that lines and columns are compared too.
fn write(j: &J, out: &mut String) {
    match j {
        J::Raw(r) => out.push_str(r),
        J::Str(s) => out.push_str(&quote(s)),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                write(item, out);
            }
            out.push(']');
        }
        J::Obj(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n ");
                }
                out.push_str(&quote(k));
                out.push_str(": ");
                write(v, out);
            }
            out.push('}');
        }
    }
}

/// Values put in place of each value: every JSON type, numbers that are not whole, out of
/// range or negative, numbers written as text, an empty list and object, a source object.
const REPLACEMENTS: &[&str] = &[
    "null",
    "true",
    "1.5",
    "1.50",
    "-1",
    "0",
    "300",
    "4294967296",
    "1e3",
    "\"x\"",
    "\"9.300\"",
    "\"none\"",
    "\"tỷ\"",
    "[]",
    "[1]",
    "{}",
    "{\"text\": \"a\", \"url\": 1}",
    "{\"text\": \"a\", \"link\": \"b\"}",
];

/// Every variant of `j` with one thing broken, handed to `each`.
fn mutations(j: &J, each: &mut dyn FnMut(J)) {
    for r in REPLACEMENTS {
        let node = json::parse(r).expect("valid replacement");
        each(tree(&node));
    }
    match j {
        J::Raw(_) | J::Str(_) => {}
        J::Arr(items) => {
            each(J::Arr(Vec::new()));
            if let Some(first) = items.first() {
                let mut more = items.clone();
                more.push(first.clone());
                each(J::Arr(more));
            }
            // The first two items stand for the rest: they are read by the same code.
            for (i, item) in items.iter().enumerate().take(2) {
                mutations(item, &mut |m| {
                    let mut copy = items.clone();
                    copy[i] = m;
                    each(J::Arr(copy));
                });
            }
        }
        J::Obj(fields) => {
            let mut extra = fields.clone();
            extra.push(("zzz".into(), J::Raw("1".into())));
            each(J::Obj(extra));
            // Several problems at once, in and against the declared order: the one
            // reported must be the first in the text.
            let mut reversed = fields.clone();
            reversed.reverse();
            each(J::Obj(reversed.clone()));
            for bad in ["[]", "true", "\"x\""] {
                for order in [fields, &reversed] {
                    let broken = order.iter().map(|(k, _)| (k.clone(), J::Raw(bad.into())));
                    each(J::Obj(broken.collect()));
                }
            }
            for i in 0..fields.len() {
                let mut without = fields.clone();
                let (key, value) = without.remove(i);
                each(J::Obj(without));
                let mut misspelt = fields.clone();
                misspelt[i].0 = key.chars().skip(1).collect();
                each(J::Obj(misspelt));
                let mut twice = fields.clone();
                twice.push((key.clone(), value.clone()));
                each(J::Obj(twice));
                mutations(&value, &mut |m| {
                    let mut copy = fields.clone();
                    copy[i].1 = m;
                    each(J::Obj(copy));
                });
            }
        }
    }
}

#[test]
fn hand_written_readers_read_every_broken_document_as_serde_does() {
    let mut documents = 0;
    for file in [
        "www/data/egov-vn.json",
        "www/data/egov-en.json",
        "tests/fixtures/charts.json",
        "tests/fixtures/bar-edge-cases.json",
    ] {
        let text = std::fs::read_to_string(file).expect("readable");
        pipeline_check::same_reading(&text);
        let J::Obj(top) = tree(&json::parse(&text).expect("valid")) else {
            panic!("{file} is an object")
        };
        let boxes = top
            .iter()
            .find_map(|(k, v)| match (k.as_str(), v) {
                ("boxes", J::Arr(items)) => Some(items.clone()),
                _ => None,
            })
            .expect("boxes");
        // Each box alone in a document with the file's other top-level fields.
        for b in boxes {
            let alone = J::Obj(
                top.iter()
                    .map(|(k, v)| match k.as_str() {
                        "boxes" => (k.clone(), J::Arr(vec![b.clone()])),
                        _ => (k.clone(), v.clone()),
                    })
                    .collect(),
            );
            mutations(&alone, &mut |m| {
                let mut out = String::new();
                write(&m, &mut out);
                pipeline_check::same_reading(&out);
                documents += 1;
            });
        }
    }
    // The count shows that the documents were made (17,814 from the four files).
    assert!(documents > 15_000, "{documents} documents");
}
