//! The JSON document, version 1, as plain serde structs and nothing else.
//!
//! This is the compatibility boundary with every newsroom's JSON files, and the only module
//! that derives `Deserialize`. Nothing here is checked beyond its JSON type: the
//! [`crate::model`] module turns these structs into validated types. The JSON Schema
//! published in `www/schema/` is generated from these same types (see [`crate::schema`]).
//!
//! A document's boxes are kept as raw JSON text by [`Document`] so that each box is parsed
//! on its own: a broken box then fails alone, and a file with one typo still shows every
//! other box of the article.

use schemars::JsonSchema;
use serde::Deserialize;

/// The newest format version this crate reads.
pub const FORMAT_VERSION: u32 = 1;

/// A factbox JSON document: one box or an article's set of boxes.
// `B` is the box type: raw JSON text while parsing (so boxes fail independently), and
// `AnyBox` for the JSON Schema. Doc comments here become the schema's descriptions, which
// journalists read in their editor, so implementation notes are plain comments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "factbox document, version 1")]
pub struct Document<B> {
    /// The address of this schema, so that editors such as VS Code check the file as it is
    /// typed. Ignored by factbox.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The format version. Always `1` for this version of factbox.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The language and number style of every box: `vi-VN` (the default) or `en`.
    #[serde(default)]
    pub locale: Option<String>,
    /// Values used by every box that does not set its own.
    #[serde(default)]
    pub defaults: Option<Defaults>,
    /// The boxes, in article order. Each has an `id` unique in the file, which an embed picks
    /// with `file.json#id`.
    pub boxes: Vec<B>,
}

/// Document-wide defaults for the footer of each box.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Where the figures come from.
    #[serde(default)]
    pub source: Option<Source>,
    /// Who made the box, e.g. `Đồ họa: Minh Anh`.
    #[serde(default)]
    pub byline: Option<String>,
    /// The date the figures are valid for: `2024`, `2024-08` or `2024-08-31`.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// Where the figures come from: a name and, optionally, a link. In JSON either an object
/// `{"text": …, "url": …}` or, for a source without a link, just its text.
// The schema uses `SourceForms` for this type (see the `JsonSchema` impl below).
#[derive(Debug)]
pub struct Source {
    /// The source as readers should see it, e.g. `Bộ Thông tin và Truyền thông`.
    pub text: String,
    /// An `http://` or `https://` link to the source.
    pub url: Option<String>,
}

/// The object form of [`Source`].
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceObject {
    /// The source as readers should see it, e.g. `Bộ Thông tin và Truyền thông`.
    pub text: String,
    /// An `http://` or `https://` link to the source.
    #[serde(default)]
    pub url: Option<String>,
}

/// Where the figures come from: a name, or an object with a name and a link.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum SourceForms {
    /// Just the source's name.
    Text(String),
    /// The name and a link.
    Object(SourceObject),
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Source, D::Error> {
        struct Forms;
        impl<'de> serde::de::Visitor<'de> for Forms {
            type Value = Source;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a map")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Source, E> {
                Ok(Source {
                    text: text.to_owned(),
                    url: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Source, A::Error> {
                // Deserializing the object through the same map keeps the JSON path and
                // the "unknown field" errors of the derived struct.
                let object =
                    SourceObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Source {
                    text: object.text,
                    url: object.url,
                })
            }
        }
        deserializer.deserialize_any(Forms)
    }
}

impl JsonSchema for Source {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Source".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SourceForms::json_schema(generator)
    }
}

/// Declares a box struct with the fields every box kind shares, then the kind's own.
///
/// Each kind is its own struct (rather than one struct with `#[serde(flatten)]`) because
/// serde cannot deny unknown fields through `flatten`, and catching a misspelt field name is
/// the most useful error a journalist gets.
macro_rules! box_spec {
    (
        $(#[$meta:meta])*
        pub struct $name:ident : $kind:ident = $kind_name:literal {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Unique in the file: letters, digits, `-` and `_`. An embed picks this box with
            /// `file.json#id`.
            pub id: String,
            /// The box kind.
            pub kind: $kind,
            /// The box's headline, shown above it and read first by screen readers.
            pub title: String,
            /// One line under the title: what is measured, in which unit.
            #[serde(default)]
            pub subtitle: Option<String>,
            /// A note under the box, e.g. how a figure was computed.
            #[serde(default)]
            pub note: Option<String>,
            /// Where the figures come from; overrides the document's default.
            #[serde(default)]
            pub source: Option<Source>,
            /// Who made the box; overrides the document's default.
            #[serde(default)]
            pub byline: Option<String>,
            /// The date the figures are valid for (`2024`, `2024-08`, `2024-08-31`);
            /// overrides the document's default.
            #[serde(default)]
            pub as_of: Option<String>,
            /// The language of this box, if not the document's: `vi-VN` or `en`.
            #[serde(default)]
            pub locale: Option<String>,
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        /// The `kind` value of this box type.
        #[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
        pub enum $kind {
            #[serde(rename = $kind_name)]
            #[allow(missing_docs)]
            Only,
        }

        impl $name {
            /// The fields every box kind shares.
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: &self.id,
                    title: &self.title,
                    subtitle: self.subtitle.as_deref(),
                    note: self.note.as_deref(),
                    source: self.source.as_ref(),
                    byline: self.byline.as_deref(),
                    as_of: self.as_of.as_deref(),
                    locale: self.locale.as_deref(),
                }
            }
        }
    };
}

/// A borrowed view of the fields that every box kind shares.
#[derive(Debug, Clone, Copy)]
pub struct Common<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub note: Option<&'a str>,
    pub source: Option<&'a Source>,
    pub byline: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub locale: Option<&'a str>,
}

box_spec! {
    /// A key-figure box: one to six figures shown as large, real text.
    pub struct FiguresBox: FiguresKind = "figures" {
        /// The figures, in reading order (1 to 6).
        pub figures: Vec<Figure>,
    }
}

box_spec! {
    /// A bar chart: one bar per label, e.g. a ranking of countries.
    pub struct BarBox: BarKind = "bar" {
        /// The bars, in the order given (see `sort`).
        pub bars: Vec<Bar>,
        /// The order of the bars: `none` (as given, the default), `ascending` or `descending`.
        #[serde(default)]
        pub sort: Option<SortOrder>,
        /// Labels of bars to highlight, e.g. `["Việt Nam"]`. Same as `highlight: true` on a bar.
        #[serde(default)]
        pub highlight: Option<Vec<String>>,
        /// A reference line across the bars, such as a target.
        #[serde(default)]
        pub reference: Option<Reference>,
        /// The unit of every value, shown after each value label, e.g. `%` or `tỉ đồng`.
        #[serde(default)]
        pub unit: Option<String>,
        /// Decimal places of value labels; by default as many as the data has, up to 2.
        #[serde(default)]
        pub decimals: Option<u8>,
        /// Write large values in words: `none` (default), `thousand`, `million`, `billion`.
        #[serde(default)]
        pub scale: Option<Scale>,
        /// A short title of the value axis, e.g. `Thứ hạng (1 là cao nhất)`.
        #[serde(default)]
        pub axis_label: Option<String>,
    }
}

/// One key figure.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The number, as a JSON number: `9300`, not `"9.300"`.
    pub value: f64,
    /// The unit after the number, e.g. `tỉ đồng/năm`, `%`, `tài khoản`.
    #[serde(default)]
    pub unit: Option<String>,
    /// What the number counts, e.g. `tiết kiệm mỗi năm nhờ dịch vụ công trực tuyến`.
    pub label: String,
    /// A word before the number as the article writes it: `hơn`, `gần`, `trên`, `khoảng`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Decimal places; by default as many as the value has, up to 2.
    #[serde(default)]
    pub decimals: Option<u8>,
    /// Write a large value in words: `none` (default), `thousand`, `million`, `billion`.
    /// With `million`, 16400000 is shown as `16,4 triệu`.
    #[serde(default)]
    pub scale: Option<Scale>,
    /// An earlier value to compare with, shown as the change.
    #[serde(default)]
    pub compare: Option<Compare>,
}

/// An earlier value of a figure.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    /// The earlier value, in the same unit as the figure.
    pub value: f64,
    /// When the earlier value was valid: `2018`, `2021-03`, `2019-12-09`.
    #[serde(default)]
    pub date: Option<String>,
    /// The earlier value's qualifier as the article writes it, e.g. `hơn`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// How to show the change: `difference` (+1.200, the default), `percent` (+20%),
    /// `ratio` (×35), or `rank` (a rank, where a smaller number is better: +2 bậc).
    #[serde(default)]
    pub show: Option<ChangeStyle>,
}

/// How a change between two values is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStyle {
    Difference,
    Percent,
    Ratio,
    Rank,
}

/// Writing large values in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    None,
    Thousand,
    Million,
    Billion,
}

/// The order of bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    None,
    Ascending,
    Descending,
}

/// One bar of a bar chart.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// The category, e.g. `Việt Nam`.
    pub label: String,
    /// The value, as a JSON number.
    pub value: f64,
    /// Draw this bar in the accent colour.
    #[serde(default)]
    pub highlight: Option<bool>,
    /// A word before the value as the article writes it: `hơn`, `gần`, `trên`, `khoảng`.
    #[serde(default)]
    pub qualifier: Option<String>,
}

/// A line across a chart at one value, such as a target.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Where the line is drawn.
    pub value: f64,
    /// What the line means, e.g. `Mục tiêu 2020`.
    pub label: String,
}

/// A fact box; its `kind` decides which other fields it has.
// Parsing does not use this enum: the parser reads `kind` first and then the kind's struct,
// so that errors keep their JSON path and line.
#[derive(Debug, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum AnyBox {
    Figures(FiguresBox),
    Bar(BarBox),
}

/// The two fields read from a box before its kind is known: `kind` picks the struct to
/// parse the box with, and `id` lets an embed's `#id` find a box even when it is broken.
/// Other fields are skipped.
#[derive(Debug, Deserialize)]
pub struct Head {
    #[serde(default)]
    pub kind: Option<Loose>,
    #[serde(default)]
    pub id: Option<Loose>,
}

/// Any JSON value, keeping only what an error message needs (a string's text, a number's
/// digits, or the kind of value). Cheaper in code size than `serde_json::Value`.
#[derive(Debug, Clone, PartialEq)]
pub enum Loose {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List,
    Object,
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Loose, D::Error> {
        struct Any;
        impl<'de> serde::de::Visitor<'de> for Any {
            type Value = Loose;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(v))
            }
            fn visit_unit<E>(self) -> Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::List)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Loose::Object)
            }
        }
        deserializer.deserialize_any(Any)
    }
}

/// Every box kind this version knows, as written in `kind`.
pub const KINDS: &[&str] = &["figures", "bar"];
