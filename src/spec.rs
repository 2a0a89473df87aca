//! The JSON document, version 1, as plain structs and nothing else.
//!
//! This is the compatibility boundary with every newsroom's JSON files. Documents are read
//! into these structs by one reader, [`crate::read`]; the `serde` attributes here are read
//! by `schemars` only, for the JSON Schema. Nothing here is checked beyond its JSON type: the
//! [`crate::model`] module turns these structs into validated types. The JSON Schema
//! published in `www/schema/` is generated from these same types (see [`crate::schema`]).
//!
//! A document's boxes are kept as raw JSON text by [`Document`] so that each box is parsed
//! on its own: a broken box then fails alone, and a file with one typo still shows every
//! other box of the article.

use schemars::JsonSchema;

use crate::json::Node;
use crate::read::{FromNode, Read};

/// Declares a struct of the document and its reader from one list of fields: each field
/// with its doc comment (the schema's description, which journalists read in their
/// editor) and schema attributes, its type, and how it is read: `req` or `opt`, then a
/// reader of [`crate::read`] (`text`, `number`, `list_of::<Bar>`…). The struct refuses
/// unknown fields. A field is declared here once; its reader, its JSON name and its
/// schema all come from this one line.
macro_rules! spec {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident : $ty:ty = $mode:ident $read:ident $(::<$item:ty>)?,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl FromNode for $name {
            fn from_node(node: &Node<'_>) -> Read<$name> {
                read_struct!(node, true, $name { $($field: $mode $read $(::<$item>)?),* })
            }
        }
    };
}

/// Declares a kind's struct of its own fields with its reader (as [`spec!`] does), the
/// list of their JSON names, its `kind` marker, and the struct the JSON Schema describes
/// the whole box with.
///
/// Unknown fields are found by comparing a box's keys with [`HEAD_FIELDS`] and the kind's
/// `FIELDS` (one struct cannot deny unknown fields across two), which also lets every
/// misspelt field of a box be reported at once.
macro_rules! box_spec {
    (
        $(#[$meta:meta])*
        pub struct $name:ident : $kind:ident, $schema:ident = $kind_name:literal {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident : $ty:ty = $mode:ident $read:ident $(::<$item:ty>)?,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, JsonSchema)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl $name {
            /// The JSON names of this kind's own fields.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl FromNode for $name {
            fn from_node(node: &Node<'_>) -> Read<$name> {
                read_struct!(node, false, $name { $($field: $mode $read $(::<$item>)?),* })
            }
        }

        /// The `kind` value of this box type.
        #[derive(Debug, Clone, Copy, JsonSchema)]
        pub enum $kind {
            #[serde(rename = $kind_name)]
            #[allow(missing_docs)]
            Only,
        }

        $(#[$meta])*
        #[derive(Debug, JsonSchema)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        pub struct $schema {
            #[serde(flatten)]
            head: BoxHead<$kind>,
            #[serde(flatten)]
            body: $name,
        }
    };
}

/// The newest format version this crate reads.
pub const FORMAT_VERSION: u32 = 1;

/// A number as written in the JSON text: its value, and the decimal places and significant
/// digits it was written with (`0.8125`: 4 places; `26.70`: 2; `1.5e3`: 0), so that a box
/// prints it as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Number {
    pub value: f64,
    /// Decimal places as written, the exponent taken into account.
    pub decimals: u32,
    /// Significant digits as written (`0.0125`: 3).
    pub digits: u32,
    /// The text as written, kept only for a number that cannot be printed as written (too
    /// many places or digits), to quote it in the message.
    pub raw: Option<String>,
}

impl JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// A value a reader sees: one number, or a range `[low, high]` ("13–14%", "90–200 tỷ USD"),
/// each end printed as written. Validation checks that `low` is below `high`.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    One(Number),
    Range(Number, Number),
}

impl Default for Amount {
    fn default() -> Self {
        Amount::One(Number::default())
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "number" },
                {
                    "type": "array",
                    "items": { "type": "number" },
                    "minItems": 2,
                    "maxItems": 2
                }
            ]
        })
    }
}

/// What kind of figure a value is, when it is not a final measurement: `estimate`
/// ("ước tính": the period is over or nearly, the count is not final), `forecast` ("dự
/// báo": the period is still ahead) or `preliminary` ("sơ bộ": official statistics, revised
/// later). Readers see the word beside the value; a line is dashed into such a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Estimate,
    Forecast,
    Preliminary,
}

/// Which values are better: `higher` or `lower` (ranks, error rates, poverty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
}

/// A factbox JSON document: one box or an article's set of boxes.
// `B` is the box type: raw JSON text while parsing (so boxes fail independently), and
// `AnyBox` for the JSON Schema. Doc comments here become the schema's descriptions, which
// journalists read in their editor, so implementation notes are plain comments.
#[derive(Debug, JsonSchema)]
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
    /// How Vietnamese boxes spell "billion" (10⁹) after a scaled number: `tỉ` (the
    /// default: "9.300 tỉ đồng") or `tỷ`, as the newsroom's style guide has it.
    #[serde(default)]
    pub billion_word: Option<BillionWord>,
    /// Values used by every box that does not set its own.
    #[serde(default)]
    pub defaults: Option<Defaults>,
    /// The boxes, in article order. Each has an `id` unique in the file, which an embed picks
    /// with `file.json#id`.
    pub boxes: Vec<B>,
}

spec! {
    /// Document-wide defaults for the footer of each box.
    #[derive(Default)]
    pub struct Defaults {
        /// Where the figures come from.
        #[serde(default)]
        pub source: Option<Source> = opt source,
        /// Who made the box, e.g. `Đồ họa: Minh Anh`.
        #[serde(default)]
        pub byline: Option<String> = opt text,
        /// The date the figures are valid for: `2024`, `2024-08` or `2024-08-31`.
        #[serde(default)]
        pub as_of: Option<String> = opt text,
    }
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
#[derive(Debug, JsonSchema)]
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

impl JsonSchema for Source {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Source".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SourceForms::json_schema(generator)
    }
}

/// The fields every box kind shares, and `kind`.
///
/// They are read once, by this one struct, for every kind; the kind's own fields are read
/// by the kind's struct. `K` is the kind's marker type for the schema (so that `kind` is a
/// constant there); parsing reads it as `IgnoredAny`.
#[derive(Debug, JsonSchema)]
pub struct BoxHead<K> {
    /// Unique in the file: letters, digits, `-` and `_`. An embed picks this box with
    /// `file.json#id`.
    pub id: String,
    /// The box kind.
    pub kind: K,
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
    /// The date the figures are valid for (`2024`, `2024-08`, `2024-08-31`); overrides
    /// the document's default.
    #[serde(default)]
    pub as_of: Option<String>,
    /// The language of this box, if not the document's: `vi-VN` or `en`.
    #[serde(default)]
    pub locale: Option<String>,
    /// What the chart shows, in a sentence or two, for readers who cannot see it: read
    /// by screen readers after the description factbox writes from the data.
    #[serde(default)]
    pub alt: Option<String>,
    /// Live data: the box's values read from a CSV or JSON at a URL, and read again while
    /// the article is open. The box's own values are shown until the data is read, and
    /// whenever it cannot be (marked as possibly out of date).
    #[serde(default)]
    pub data: Option<DataSource>,
}

spec! {
    /// Where a box's values are read from while the article is open.
    pub struct DataSource {
        /// A spreadsheet published to the web as CSV, a CSV file or a JSON API:
        /// `https://…`, or a path on the article's own site (`data/live.csv`).
        pub url: String = req text,
        /// Seconds between reads while the article is open and the box on screen (at
        /// least 30, at most 86400); without it, the data is read once, when the box is
        /// shown.
        pub refresh: Option<u32> = opt count,
    }
}

/// The JSON names of [`BoxHead`]'s fields.
pub const HEAD_FIELDS: &[&str] = &[
    "id", "kind", "title", "subtitle", "note", "source", "byline", "as_of", "locale", "alt", "data",
];

impl<K> BoxHead<K> {
    /// A borrowed view of the shared fields.
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
            alt: self.alt.as_deref(),
            data: self.data.as_ref(),
        }
    }
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
    pub alt: Option<&'a str>,
    pub data: Option<&'a DataSource>,
}

box_spec! {
    /// A key-figure box: one to six figures shown as large, real text.
    pub struct FiguresBox: FiguresKind, FiguresBoxSchema = "figures" {
        /// The figures, in reading order (1 to 6).
        pub figures: Vec<Figure> = req list_of::<Figure>,
        /// Which values are better, for every figure that does not say: `higher` or
        /// `lower`. Changes are then called better or worse in words.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The figures are ranks (1 is best): shown as `hạng 86`, compared in places.
        #[serde(default)]
        pub ranks: Option<bool> = opt flag,
        /// With `ranks`: out of how many, e.g. `193` (shown `hạng 86/193`).
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
    }
}

box_spec! {
    /// A bar chart: one bar per label, e.g. a ranking of countries.
    pub struct BarBox: BarKind, BarBoxSchema = "bar" {
        /// The bars, in the order given (see `sort`).
        pub bars: Vec<Bar> = req list_of::<Bar>,
        /// The order of the bars: `none` (as given, the default), `ascending`, `descending`,
        /// `best` (best first, by `better` or `ranks`) or `worst`.
        #[serde(default)]
        pub sort: Option<SortOrder> = opt sort_order,
        /// Labels of bars to highlight, e.g. `["Việt Nam"]`. Same as `highlight: true` on a bar.
        #[serde(default)]
        pub highlight: Option<Vec<String>> = opt texts,
        /// A reference line across the bars, such as a target.
        #[serde(default)]
        pub reference: Option<Reference> = opt one::<Reference>,
        /// The unit of every value, shown after each value label, e.g. `%` or `tỉ đồng`.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// Decimal places of value labels; by default as many as each value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// Write large values in words: `none` (default), `thousand`, `million`, `billion`.
        #[serde(default)]
        pub scale: Option<Scale> = opt scale,
        /// A short title of the value axis, e.g. `Thứ hạng (1 là cao nhất)`.
        #[serde(default)]
        pub axis_label: Option<String> = opt text,
        /// `horizontal` bars (the default, for rankings and long labels) or `vertical`
        /// columns (for time-like categories such as years).
        #[serde(default)]
        pub orientation: Option<Orientation> = opt orientation,
        /// Which values are better: `higher` or `lower` (e.g. an unemployment rate). The
        /// description then names the best and worst, and `sort: best` puts the best first.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The values are ranks (1 is best): drawn as dots on a rank axis with rank 1 at the
        /// start, labelled `hạng 86`. Ranks are whole numbers from 1.
        #[serde(default)]
        pub ranks: Option<bool> = opt flag,
        /// With `ranks`: out of how many, e.g. `193`; the rank axis ends there.
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
    }
}

box_spec! {
    /// Ranks at two dates, drawn as an arrow per item from the earlier rank to the later.
    pub struct RankChangeBox: RankChangeKind, RankChangeBoxSchema = "rank-change" {
        /// The earlier date, e.g. `2018`.
        pub from_date: String = req text,
        /// The later date, e.g. `2020`.
        pub to_date: String = req text,
        /// The items with their two ranks (1 to 100 items).
        pub items: Vec<RankItem> = req list_of::<RankItem>,
        /// Out of how many, e.g. `193` countries; every rank must be at most this.
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
        /// The order of the rows: `end` (by the later rank, best first; the default),
        /// `change` (biggest improvement first) or `none` (as given).
        #[serde(default)]
        pub sort: Option<RankSort> = opt rank_sort,
        /// Labels of items to highlight, e.g. `["Việt Nam"]`.
        #[serde(default)]
        pub highlight: Option<Vec<String>> = opt texts,
    }
}

box_spec! {
    /// One or more series of values over real dates, spaced by time.
    pub struct LineBox: LineKind, LineBoxSchema = "line" {
        /// The series (1 to 6), each with its points in any order.
        pub series: Vec<Series> = req list_of::<Series>,
        /// Notes attached to points, e.g. `khai trương: 8 dịch vụ`.
        #[serde(default)]
        pub annotations: Option<Vec<Annotation>> = opt list_of::<Annotation>,
        /// The unit of the values, shown in tooltips and after the last value.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// Decimal places of values; by default as many as each value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// Write large values in words: `none` (default), `thousand`, `million`, `billion`.
        #[serde(default)]
        pub scale: Option<Scale> = opt scale,
        /// A short title of the value axis.
        #[serde(default)]
        pub axis_label: Option<String> = opt text,
        /// Start the value axis at zero (the default, `true`) or at the data's minimum.
        /// With `ranks`, `true` starts the axis at rank 1.
        #[serde(default)]
        pub from_zero: Option<bool> = opt flag,
        /// Which values are better: `higher` or `lower`. The description then names the
        /// best and worst points.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The values are ranks (1 is best): rank 1 is drawn at the top, values read
        /// `hạng 86`; with several series, a bump chart.
        #[serde(default)]
        pub ranks: Option<bool> = opt flag,
        /// With `ranks`: out of how many, e.g. `193`; every rank must be at most this.
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
    }
}

box_spec! {
    /// Parts of a whole, as a 100% stacked bar or a donut.
    pub struct ShareBox: ShareKind, ShareBoxSchema = "share" {
        /// The parts (2 to 12), each with a value; percentages are computed.
        pub parts: Vec<Part> = req list_of::<Part>,
        /// The whole, if it is known separately (e.g. 2560 cases). When the parts add up to
        /// less, the rest is shown as `other_label`, or a warning says what is missing.
        #[serde(default)]
        pub total: Option<Number> = opt number,
        /// The label of the part that makes the parts add up to `total`, e.g. `Khác`.
        #[serde(default)]
        pub other_label: Option<String> = opt text,
        /// `bar` (a 100% stacked bar, the default) or `donut`.
        #[serde(default)]
        pub display: Option<ShareDisplay> = opt share_display,
        /// The unit of the values.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// Decimal places of values; by default as many as each value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// Write large values in words: `none` (default), `thousand`, `million`, `billion`.
        #[serde(default)]
        pub scale: Option<Scale> = opt scale,
    }
}

box_spec! {
    /// A value against a target, as a bullet bar, e.g. 31% of services at level 4 against a
    /// 30% goal.
    pub struct ProgressBox: ProgressKind, ProgressBoxSchema = "progress" {
        /// The value reached, or a range `[13, 14]`: the target is met only when the whole
        /// range is.
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement; readers see "ước tính", "dự báo" or "sơ bộ" beside it.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// What the value measures, e.g. `dịch vụ công trực tuyến mức độ 4`.
        pub label: String = req text,
        /// A word before the value as the article writes it.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
        /// The target; the box says whether it is met.
        #[serde(default)]
        pub target: Option<Number> = opt number,
        /// What the target is, e.g. `Mục tiêu năm 2020`.
        #[serde(default)]
        pub target_label: Option<String> = opt text,
        /// The end of the scale (default 100; not with `ranks`, which use `out_of`).
        #[serde(default)]
        pub max: Option<Number> = opt number,
        /// The unit, e.g. `%`.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// Decimal places; by default as many as the value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// The deadline of the target, e.g. `2025`. Needs `as_of` (the date of the value):
        /// before the deadline an unmet target reads "on the way", after it "missed".
        #[serde(default)]
        pub target_date: Option<String> = opt text,
        /// Which values are better: `higher` (the default for a progress box) or `lower`.
        /// The target is met when the value is at or beyond it in that direction.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The value and target are ranks (1 is best): the scale runs from `out_of` (or the
        /// larger of the two) to 1, and a rank at or above the target rank meets it.
        #[serde(default)]
        pub ranks: Option<bool> = opt flag,
        /// With `ranks`: out of how many, e.g. `193`.
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
    }
}

box_spec! {
    /// A table: rows of text and numbers under named columns, which readers can sort,
    /// search and page through.
    pub struct TableBox: TableKind, TableBoxSchema = "table" {
        /// The columns, in reading order (1 to 12). The first column names each row
        /// (read first by screen readers): usually text, such as the province.
        pub columns: Vec<Column> = req list_of::<Column>,
        /// The rows (1 to 2000), each an object of cells by column `key`:
        /// `{"tinh": "Hà Nội", "ty_le": 78.5}`. A cell is a number, a range `[90, 200]`,
        /// text, `null` (no figure: shown "–"), or `{"value": 36, "status": "estimate"}`.
        /// `"highlight": true` marks a row in the accent colour.
        pub rows: TableRows = req table_rows,
        /// The order rows are shown in before a reader sorts: by which column, and how.
        /// Without it, rows are shown as given.
        #[serde(default)]
        pub sort: Option<TableSort> = opt one::<TableSort>,
        /// Rows shown before "Xem thêm" / "Show more" (default 10; 0 shows every row).
        /// Every row is in the page: with JavaScript off, or printed, all are shown.
        #[serde(default)]
        pub page_size: Option<u32> = opt count,
        /// Labels (first-column texts) of rows to highlight. Same as `highlight: true` on
        /// a row.
        #[serde(default)]
        pub highlight: Option<Vec<String>> = opt texts,
    }
}

spec! {
    /// One column of a table.
    pub struct Column {
        /// The name rows use for this column's cells: letters, digits, `-` and `_`, e.g.
        /// `ty_le`. Not `highlight`, which a row uses for itself.
        pub key: String = req text,
        /// The column's heading, e.g. `Tỉ lệ hồ sơ trực tuyến`.
        pub label: String = req text,
        /// The unit after every number of the column, e.g. `%` or `tỉ đồng`.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// Write large values in words: `none` (default), `thousand`, `million`, `billion`.
        #[serde(default)]
        pub scale: Option<Scale> = opt scale,
        /// Decimal places; by default as many as each value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// A word before every value of the column, as the article writes it (`hơn`); a
        /// cell may give its own with `{"value": …, "qualifier": …}`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
        /// `estimate`, `forecast` or `preliminary` when every value of the column is one
        /// (e.g. a column of 2030 forecasts): said once, in the heading. A cell may give
        /// its own with `{"value": …, "status": …}`.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// The values are changes: a positive value is printed with its sign, `+16`.
        #[serde(default)]
        pub signed: Option<bool> = opt flag,
        /// Which values are better: `higher` or `lower`. Sorting this column puts the
        /// best first.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The values are ranks (1 is best), shown `hạng 3`; sorted best first.
        #[serde(default)]
        pub ranks: Option<bool> = opt flag,
        /// With `ranks`: out of how many, e.g. `193`; every rank must be at most this.
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
        /// A mini bar beside each value, from zero (not with `ranks`).
        #[serde(default)]
        pub bars: Option<bool> = opt flag,
        /// Colour each cell by its value, with a legend (the number stays written).
        #[serde(default)]
        pub heat: Option<bool> = opt flag,
    }
}

spec! {
    /// The order of a table's rows before a reader sorts them.
    pub struct TableSort {
        /// The `key` of the column to sort by.
        pub column: String = req text,
        /// `ascending`, `descending`, `best` (best first, by the column's `better` or
        /// `ranks`) or `worst`. By default `best` for a column with a direction,
        /// `descending` for numbers and `ascending` (A to Z) for text.
        #[serde(default)]
        pub order: Option<SortOrder> = opt sort_order,
    }
}

/// How many distinct keys a table's rows are read with as numbers (see [`TableRows`]):
/// far more than a table has columns, and few enough for a row's keys to be told apart by
/// the bits of a `u64`.
pub const ROW_KEYS: usize = 64;

/// A table's rows as written, with their keys written down once: each distinct key (up to
/// [`ROW_KEYS`] of them) in `keys`, and each cell with the index of its key there. A table
/// of 1,000 rows has six keys, not 6,000 copies of them, and which column a key names is
/// found once per key (in validation), not once per cell.
#[derive(Debug, Default)]
pub struct TableRows {
    /// The rows' keys, each once, in the order they are first met.
    pub keys: Vec<String>,
    /// The rows, in the order written.
    pub rows: Vec<TableRow>,
}

impl TableRows {
    /// A cell's key as written.
    pub fn key<'r>(&'r self, key: &'r RowKey) -> &'r str {
        match key {
            RowKey::Index(i) => self.keys.get(usize::from(*i)).map_or("", String::as_str),
            RowKey::Text(text) => text,
        }
    }
}

impl JsonSchema for TableRows {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TableRows".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<TableRow>>::json_schema(generator)
    }
}

/// A cell's key: the index of one of [`TableRows::keys`], or, past the first
/// [`ROW_KEYS`] distinct keys (a file no table can use), the key itself.
#[derive(Debug, Clone, PartialEq)]
pub enum RowKey {
    Index(u8),
    Text(String),
}

/// One row of a table: its cells by key, and whether it is highlighted.
// Read by hand (`crate::read::table_rows`): its keys are the document's own column keys.
#[derive(Debug, Default)]
pub struct TableRow {
    /// The cells, with each cell's key, in the order written.
    pub cells: Vec<(RowKey, Cell)>,
    /// Draw this row in the accent colour.
    pub highlight: Option<bool>,
}

impl JsonSchema for TableRow {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TableRow".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let cell = generator.subschema_for::<CellForms>();
        schemars::json_schema!({
            "description": "One row: a cell for each column, by the column's `key`, and `\"highlight\": true` to draw the row in the accent colour.",
            "type": "object",
            "properties": { "highlight": { "type": "boolean", "description": "Draw this row in the accent colour." } },
            "additionalProperties": cell
        })
    }
}

/// One cell of a table.
#[derive(Debug, Clone, Default)]
pub enum Cell {
    /// `null`: no figure.
    #[default]
    Empty,
    /// Text, shown as written.
    Text(String),
    /// A number or range, with its own status and qualifier if it has them.
    Value {
        value: Amount,
        status: Option<Status>,
        qualifier: Option<String>,
    },
}

spec! {
    /// A cell's value with its status or qualifier.
    pub struct CellValue {
        /// The number, or a range `[90, 200]`.
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// A word before the value as the article writes it: `hơn`, `gần`, `khoảng`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
    }
}

/// What a table cell may hold.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CellForms {
    /// A number, or a range `[low, high]`.
    Number(Amount),
    /// Text, shown as written.
    Text(String),
    /// A value with its status or qualifier.
    Value(CellValue),
    /// No figure.
    Empty(()),
}

/// Bars side by side or stacked upwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Horizontal,
    Vertical,
}

spec! {
    /// One item of a rank change.
    pub struct RankItem {
        /// The item, e.g. `Thái Lan`.
        pub label: String = req text,
        /// The rank at `from_date` (1 is best).
        pub from: u32 = req count,
        /// The rank at `to_date` (1 is best).
        pub to: u32 = req count,
        /// Draw this item in the accent colour.
        #[serde(default)]
        pub highlight: Option<bool> = opt flag,
    }
}

/// The order of a rank change's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RankSort {
    End,
    Change,
    None,
}

spec! {
    /// One line of a line chart.
    pub struct Series {
        /// The series' name, shown in the legend and tooltips.
        pub name: String = req text,
        /// The points (1 to 10000).
        pub points: Vec<Point> = req list_of::<Point>,
        /// Draw this series in the accent colour.
        #[serde(default)]
        pub highlight: Option<bool> = opt flag,
    }
}

spec! {
    /// One value at one date.
    pub struct Point {
        /// `2019`, `2021-03` or `2021-03-08`.
        pub date: String = req text,
        /// The value, as a JSON number, or a range `[90, 200]`.
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement; readers see "ước tính", "dự báo" or "sơ bộ" beside it.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// A word before the value as the article writes it: `hơn`, `gần`, `trên`, `khoảng`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
    }
}

spec! {
    /// A note attached to a point of a line chart.
    pub struct Annotation {
        /// The date of the point; it must be a date of the series.
        pub date: String = req text,
        /// The note, e.g. `khai trương: 8 dịch vụ`.
        pub label: String = req text,
        /// The series' name, when there are several.
        #[serde(default)]
        pub series: Option<String> = opt text,
    }
}

spec! {
    /// One part of a whole.
    pub struct Part {
        /// The part, e.g. `Khỏi bệnh`.
        pub label: String = req text,
        /// Its value (not a percentage: percentages are computed). One number: a range
        /// would leave the sum unchecked.
        // Read as an amount so that a range gets its own message; the schema says number.
        #[schemars(with = "Number")]
        pub value: Amount = req amount,
        /// Draw this part in the accent colour.
        #[serde(default)]
        pub highlight: Option<bool> = opt flag,
    }
}

/// How a share is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ShareDisplay {
    Bar,
    Donut,
}

spec! {
    /// One key figure.
    pub struct Figure {
        /// The number, as a JSON number: `9300`, not `"9.300"`; or a range `[13, 14]`,
        /// shown `13–14`.
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement; readers see "ước tính", "dự báo" or "sơ bộ" beside it.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// The unit after the number, e.g. `tỉ đồng/năm`, `%`, `tài khoản`.
        #[serde(default)]
        pub unit: Option<String> = opt text,
        /// What the number counts, e.g. `tiết kiệm mỗi năm nhờ dịch vụ công trực tuyến`.
        pub label: String = req text,
        /// A word before the number as the article writes it: `hơn`, `gần`, `trên`, `khoảng`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
        /// Decimal places; by default as many as the value was written with.
        #[serde(default)]
        pub decimals: Option<u8> = opt byte,
        /// Write a large value in words: `none` (default), `thousand`, `million`, `billion`.
        /// With `million`, 16400000 is shown as `16,4 triệu`.
        #[serde(default)]
        pub scale: Option<Scale> = opt scale,
        /// An earlier value to compare with, shown as the change.
        #[serde(default)]
        pub compare: Option<Compare> = opt one::<Compare>,
        /// Which values are better, if not the box's: `higher` or `lower`.
        #[serde(default)]
        pub better: Option<Better> = opt better,
        /// The figure is itself a change (growth of 16%): a positive value is printed with
        /// its sign, `+16%`.
        #[serde(default)]
        pub signed: Option<bool> = opt flag,
        /// This figure is a rank (1 is best), if not all the box's are: shown as `hạng 86`.
        #[serde(default)]
        pub rank: Option<bool> = opt flag,
        /// With `rank`: out of how many, e.g. `193` (shown `hạng 86/193`).
        #[serde(default)]
        pub out_of: Option<u32> = opt count,
    }
}

spec! {
    /// An earlier value of a figure.
    pub struct Compare {
        /// The earlier value, in the same unit as the figure (one number: a change from or
        /// to a range is not one number).
        #[schemars(with = "Number")]
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement; readers see "ước tính", "dự báo" or "sơ bộ" beside it.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// When the earlier value was valid: `2018`, `2021-03`, `2019-12-09`.
        #[serde(default)]
        pub date: Option<String> = opt text,
        /// The earlier value's qualifier as the article writes it, e.g. `hơn`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
        /// How to show the change: `difference` (+1.200, the default), `percent` (+20%),
        /// `ratio` (×35), or `rank` (a rank, where a smaller number is better: +2 bậc).
        #[serde(default)]
        pub show: Option<ChangeStyle> = opt change_style,
    }
}

/// How a change between two values is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStyle {
    Difference,
    Percent,
    Ratio,
    Rank,
}

/// Writing large values in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    None,
    Thousand,
    Million,
    Billion,
}

/// The two spellings of the Vietnamese word for a billion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, JsonSchema)]
pub enum BillionWord {
    /// `tỉ`, the spelling of the Ministry's own articles.
    #[default]
    #[serde(rename = "tỉ")]
    Ti,
    /// `tỷ`, the spelling of many newsrooms.
    #[serde(rename = "tỷ")]
    Ty,
}

/// The order of bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    None,
    Ascending,
    Descending,
    Best,
    Worst,
}

spec! {
    /// One bar of a bar chart.
    pub struct Bar {
        /// The category, e.g. `Việt Nam`.
        pub label: String = req text,
        /// The value, as a JSON number, or a range `[90, 200]`, drawn as a band.
        pub value: Amount = req amount,
        /// `estimate`, `forecast` or `preliminary` when the value is not a final
        /// measurement; readers see "ước tính", "dự báo" or "sơ bộ" beside it.
        #[serde(default)]
        pub status: Option<Status> = opt status,
        /// Draw this bar in the accent colour.
        #[serde(default)]
        pub highlight: Option<bool> = opt flag,
        /// A word before the value as the article writes it: `hơn`, `gần`, `trên`, `khoảng`.
        #[serde(default)]
        pub qualifier: Option<String> = opt text,
    }
}

spec! {
    /// A line across a chart at one value, such as a target.
    pub struct Reference {
        /// Where the line is drawn.
        pub value: Number = req number,
        /// What the line means, e.g. `Mục tiêu 2020`.
        pub label: String = req text,
    }
}

/// A fact box; its `kind` decides which other fields it has.
// Parsing does not use this enum: the parser reads `kind` first and then the kind's struct,
// so that errors keep their JSON path and line.
#[derive(Debug, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum AnyBox {
    Figures(FiguresBoxSchema),
    Bar(BarBoxSchema),
    RankChange(RankChangeBoxSchema),
    Line(LineBoxSchema),
    Share(ShareBoxSchema),
    Progress(ProgressBoxSchema),
    Table(TableBoxSchema),
}

/// Every box kind this version knows, as written in `kind`.
pub const KINDS: &[&str] = &[
    "figures",
    "bar",
    "rank-change",
    "line",
    "share",
    "progress",
    "table",
];
