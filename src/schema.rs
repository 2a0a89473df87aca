//! The JSON Schema of the document format, generated from [`crate::spec`].
//!
//! The committed copy (`www/schema/factbox-v1.schema.json`, shipped as
//! `dist/schema/factbox-v1.schema.json`) is what editors and newsroom tools validate
//! against while a journalist types; a test fails when it no longer matches these types.
//!
//! schemars writes the types; three things are added here, so that an editor shows the one
//! error that matters rather than twenty: a box is chosen by its `kind` (`if`/`then`, so a
//! bar box with a misspelt field is checked as a bar box only, not against all six kinds),
//! ids must be what [`crate::suggest::valid_id`] accepts, and dates must have the form that
//! [`crate::format::PartialDate::parse`] reads (a test checks the patterns against both).

use serde_json::{Map, Value, json};

use crate::spec::{AnyBox, Document, KINDS};

/// The pattern of a box id: what [`crate::suggest::valid_id`] accepts.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// The pattern of a date: a year, a year and month, or a whole date, as
/// [`crate::format::PartialDate::parse`] reads them (which also checks that the day exists).
pub const DATE_PATTERN: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// The fields that hold dates, wherever they stand.
const DATE_FIELDS: &[&str] = &["as_of", "date", "from_date", "to_date", "target_date"];

/// The schema definition of each kind's box, in the order of [`KINDS`].
const KIND_SCHEMAS: &[&str] = &[
    "FiguresBoxSchema",
    "BarBoxSchema",
    "RankChangeBoxSchema",
    "LineBoxSchema",
    "ShareBoxSchema",
    "ProgressBoxSchema",
    "TableBoxSchema",
];

/// "The box kind: `figures`, `bar`, … or `table`.", from [`KINDS`].
fn kinds_in_words() -> String {
    let names: Vec<String> = KINDS.iter().map(|k| format!("`{k}`")).collect();
    match names.split_last() {
        Some((last, rest)) => format!("The box kind: {} or {last}.", rest.join(", ")),
        None => String::new(),
    }
}

/// The JSON Schema of a version-1 document, pretty-printed, ending in a newline.
pub fn json() -> String {
    let schema = schemars::schema_for!(Document<AnyBox>);
    let mut value = serde_json::to_value(&schema).unwrap_or(Value::Null);
    refine(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Adds the kind discriminator and the id and date patterns to the generated schema.
fn refine(schema: &mut Value) {
    if let Some(any_box) = schema.pointer_mut("/$defs/AnyBox") {
        let branches: Vec<Value> = KINDS
            .iter()
            .zip(KIND_SCHEMAS)
            .map(|(kind, def)| {
                json!({
                    "if": { "properties": { "kind": { "const": kind } }, "required": ["kind"] },
                    "then": { "$ref": format!("#/$defs/{def}") }
                })
            })
            .collect();
        *any_box = json!({
            "description": "A fact box; its `kind` decides which other fields it has.",
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {
                    "description": kinds_in_words(),
                    "enum": KINDS
                }
            },
            "allOf": branches
        });
    }
    for def in KIND_SCHEMAS {
        if let Some(id) = schema.pointer_mut(&format!("/$defs/{def}/properties/id")) {
            add(id, "pattern", ID_PATTERN);
        }
    }
    patterns(schema);
    for (def, property, constraint) in constraints() {
        let pointer = if property.is_empty() {
            format!("/$defs/{def}")
        } else {
            format!("/$defs/{def}/properties/{property}")
        };
        let at = if def.is_empty() {
            schema.pointer_mut(&format!("/properties/{property}"))
        } else {
            schema.pointer_mut(&pointer)
        };
        if let (Some(Value::Object(at)), Value::Object(add)) = (at, constraint) {
            for (key, value) in add {
                // Rules between fields are added to the definition's `allOf`.
                if key == "allOf" {
                    let existing = at.entry("allOf").or_insert_with(|| json!([]));
                    if let (Value::Array(list), Value::Array(more)) = (existing, value) {
                        list.extend(more);
                    }
                } else {
                    at.insert(key, value);
                }
            }
        }
    }
}

/// The limits and rules that a schema can state, each taken from where factbox itself
/// keeps it ([`crate::model`], [`Lang::codes`](crate::format::Lang::codes)): lengths of
/// texts and lists, ranges of numbers, and the rules between fields of ranks. An empty
/// definition name means the document itself; an empty property, the whole definition.
fn constraints() -> Vec<(&'static str, &'static str, Value)> {
    use crate::model::{
        FIGURES_RANGE, MAX_BARS, MAX_POINTS, MAX_RANK_ITEMS, MAX_SERIES, SHARE_RANGE, TABLE_COLUMNS,
        TABLE_ROWS, limits,
    };
    let mut locales: Vec<Value> = crate::format::Lang::codes().map(Value::from).collect();
    locales.push(Value::Null);
    let text = |max: usize| json!({ "minLength": 1, "maxLength": max, "pattern": "\\S" });
    let optional = |max: usize| json!({ "maxLength": max });
    let list = |min: usize, max: usize| json!({ "minItems": min, "maxItems": max });
    let places = json!({ "maximum": crate::format::MAX_WRITTEN_DECIMALS });
    let link = json!({ "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$", "maxLength": limits::URL });
    let mut out = vec![
        ("", "boxes", json!({ "minItems": 1 })),
        ("", "locale", json!({ "enum": locales.clone() })),
        ("Defaults", "byline", optional(limits::BYLINE)),
        ("SourceObject", "text", text(limits::SOURCE)),
        ("SourceObject", "url", link),
        (
            "FiguresBoxSchema",
            "figures",
            list(*FIGURES_RANGE.start(), *FIGURES_RANGE.end()),
        ),
        ("Figure", "label", text(limits::LABEL)),
        ("Figure", "unit", optional(limits::UNIT)),
        ("Figure", "qualifier", optional(limits::QUALIFIER)),
        ("Figure", "decimals", places.clone()),
        ("Figure", "out_of", json!({ "minimum": 1 })),
        ("Compare", "qualifier", optional(limits::QUALIFIER)),
        ("BarBoxSchema", "bars", list(1, MAX_BARS)),
        ("Bar", "label", text(limits::BAR_LABEL)),
        ("Bar", "qualifier", optional(limits::QUALIFIER)),
        ("Reference", "label", text(limits::BAR_LABEL)),
        ("RankChangeBoxSchema", "items", list(1, MAX_RANK_ITEMS)),
        ("RankChangeBoxSchema", "out_of", json!({ "minimum": 1 })),
        ("RankItem", "label", text(limits::BAR_LABEL)),
        ("RankItem", "from", json!({ "minimum": 1 })),
        ("RankItem", "to", json!({ "minimum": 1 })),
        ("LineBoxSchema", "series", list(1, MAX_SERIES)),
        ("Series", "name", text(limits::BAR_LABEL)),
        ("Series", "points", list(1, MAX_POINTS)),
        ("Point", "qualifier", optional(limits::QUALIFIER)),
        ("Annotation", "label", text(limits::BAR_LABEL)),
        (
            "ShareBoxSchema",
            "parts",
            list(*SHARE_RANGE.start(), *SHARE_RANGE.end()),
        ),
        ("ShareBoxSchema", "other_label", optional(limits::BAR_LABEL)),
        ("Part", "label", text(limits::BAR_LABEL)),
        ("Part", "value", json!({ "minimum": 0 })),
        ("ProgressBoxSchema", "label", text(limits::LABEL)),
        ("ProgressBoxSchema", "max", json!({ "exclusiveMinimum": 0 })),
        (
            "ProgressBoxSchema",
            "qualifier",
            optional(limits::QUALIFIER),
        ),
        (
            "ProgressBoxSchema",
            "target_label",
            optional(limits::BAR_LABEL),
        ),
        (
            "TableBoxSchema",
            "columns",
            list(*TABLE_COLUMNS.start(), *TABLE_COLUMNS.end()),
        ),
        (
            "TableBoxSchema",
            "rows",
            list(*TABLE_ROWS.start(), *TABLE_ROWS.end()),
        ),
        (
            "Column",
            "key",
            json!({ "pattern": ID_PATTERN, "not": { "const": "highlight" } }),
        ),
        ("Column", "label", text(limits::LABEL)),
        ("Column", "unit", optional(limits::UNIT)),
        ("Column", "qualifier", optional(limits::QUALIFIER)),
        ("Column", "decimals", places.clone()),
        ("Column", "out_of", json!({ "minimum": 1 })),
        ("CellValue", "qualifier", optional(limits::QUALIFIER)),
        // Live data: https://, or a path on the article's own site (no other scheme, no
        // `//host`), read every 30 s to a day.
        (
            "DataSource",
            "url",
            json!({ "pattern": "^(https://[^\\s/?#]+[^\\s]*|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)[^\\s]+)$", "maxLength": limits::URL }),
        ),
        (
            "DataSource",
            "refresh",
            json!({ "minimum": crate::model::REFRESH.start(), "maximum": crate::model::REFRESH.end() }),
        ),
        // A column of ranks is lower-is-better and has no mini bars.
        (
            "Column",
            "",
            json!({ "allOf": [{
                "if": { "properties": { "ranks": { "const": true } }, "required": ["ranks"] },
                "then": { "properties": {
                    "better": { "not": { "const": "higher" } },
                    "bars": { "not": { "const": true } }
                } }
            }] }),
        ),
    ];
    // The fields every box shares, and those several kinds have.
    for def in KIND_SCHEMAS {
        out.extend([
            (*def, "title", text(limits::TITLE)),
            (*def, "subtitle", optional(limits::SUBTITLE)),
            (*def, "note", optional(limits::NOTE)),
            (*def, "alt", optional(limits::ALT)),
            (*def, "byline", optional(limits::BYLINE)),
            (*def, "locale", json!({ "enum": locales.clone() })),
            (*def, "unit", optional(limits::UNIT)),
            (*def, "axis_label", optional(limits::LABEL)),
            (*def, "decimals", places.clone()),
            (*def, "out_of", json!({ "minimum": 1 })),
        ]);
    }
    // Ranks are lower-is-better; `out_of` is for ranks.
    let ranks = json!({ "properties": { "ranks": { "const": true } }, "required": ["ranks"] });
    for def in [
        "BarBoxSchema",
        "LineBoxSchema",
        "ProgressBoxSchema",
        "FiguresBoxSchema",
    ] {
        let mut rules = vec![json!({
            "if": ranks,
            "then": { "properties": { "better": { "not": { "const": "higher" } } } }
        })];
        if def != "FiguresBoxSchema" {
            rules.push(json!({ "dependentSchemas": { "out_of": ranks } }));
        }
        out.push((def, "", json!({ "allOf": rules })));
    }
    out.push((
        "BarBoxSchema",
        "",
        json!({ "allOf": [
            { "if": ranks, "then": { "properties": { "orientation": { "not": { "const": "vertical" } } } } },
            {
                "if": { "properties": { "sort": { "enum": ["best", "worst"] } }, "required": ["sort"] },
                "then": { "anyOf": [{ "required": ["better"] }, { "required": ["ranks"] }] }
            }
        ] }),
    ));
    out.push((
        "ProgressBoxSchema",
        "",
        json!({ "allOf": [{ "if": ranks, "then": { "not": { "required": ["max"] } } }] }),
    ));
    out
}

/// Sets the date pattern on every property named like a date, at any depth.
fn patterns(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    if DATE_FIELDS.contains(&name.as_str()) {
                        add(property, "pattern", DATE_PATTERN);
                    }
                }
            }
            for (_, child) in map.iter_mut() {
                patterns(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(patterns),
        _ => {}
    }
}

/// Adds `key: text` to a property's schema (a string, or a string or null).
fn add(property: &mut Value, key: &str, text: &str) {
    if let Value::Object(map) = property {
        let map: &mut Map<String, Value> = map;
        map.insert(key.to_owned(), Value::String(text.to_owned()));
    }
}
