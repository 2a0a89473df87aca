//! The validated model: what a box shows, with every rule already checked.
//!
//! Values here are finite, texts are non-empty and within their limits, dates exist,
//! links are `http(s)`, and lists have the length their box can show. Only
//! [`crate::validate`] builds these types, so layout and rendering never fail on them.

use crate::format::{Lang, Num, NumberFormat, PartialDate, Value};
use crate::spec::{Better, ChangeStyle, Status};

/// How a chart's values compare: which of them are better, and whether they are ranks.
/// Ranks are always lower-is-better: the one constructor for them says so, so no chart
/// can hold ranks drawn as "more is better".
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measure {
    better: Option<Better>,
    ranks: bool,
    out_of: Option<u32>,
}

impl Measure {
    /// Values with a direction (`Some`) or none, e.g. sizes of databases (`None`).
    pub(crate) fn values(better: Option<Better>) -> Measure {
        Measure {
            better,
            ranks: false,
            out_of: None,
        }
    }

    /// Ranks, 1 the best, out of `out_of` when known.
    pub(crate) fn ranks(out_of: Option<u32>) -> Measure {
        Measure {
            better: Some(Better::Lower),
            ranks: true,
            out_of,
        }
    }

    /// Which values are better, if the data says.
    pub fn better(self) -> Option<Better> {
        self.better
    }

    /// Whether the values are ranks.
    pub fn is_ranks(self) -> bool {
        self.ranks
    }

    /// Out of how many, for ranks.
    pub fn out_of(self) -> Option<u32> {
        self.out_of
    }

    /// Whether lower values are better.
    pub fn lower_is_better(self) -> bool {
        self.better == Some(Better::Lower)
    }

    /// Whether `a` is better than `b`; with no direction, whether it is larger.
    pub fn beats(self, a: f64, b: f64) -> bool {
        if self.lower_is_better() { a < b } else { a > b }
    }

    /// A value as shown: a rank as `hạng 86` (ranks are never ranges), any other value as
    /// written with its qualifier and unit, a range as `khoảng 13–14%`. The status is not
    /// added: see [`crate::format::with_status`].
    pub fn show_value(
        self,
        format: &NumberFormat,
        qualifier: Option<&str>,
        v: Value,
        lang: Lang,
    ) -> String {
        if self.ranks {
            crate::format::with_qualifier(
                qualifier,
                crate::format::rank_label(v.low(), None, lang),
            )
        } else {
            format.value_as_written(qualifier, v, lang)
        }
    }

    /// [`Measure::show_value`] in full where the label rounds a number, with the status:
    /// for tooltips, data tables and descriptions.
    pub fn show_value_exact(
        self,
        format: &NumberFormat,
        qualifier: Option<&str>,
        v: Value,
        lang: Lang,
    ) -> String {
        let text = if self.ranks {
            self.show_value(format, qualifier, v, lang)
        } else {
            format.value_exact(qualifier, v, lang)
        };
        crate::format::with_status(text, v.status(), lang)
    }

    /// [`Measure::show_value`] of one number.
    pub fn show(
        self,
        format: &NumberFormat,
        qualifier: Option<&str>,
        n: Num,
        lang: Lang,
    ) -> String {
        self.show_value(format, qualifier, Value::one(n), lang)
    }

    /// [`Measure::show_value_exact`] of one number (which has no status).
    pub fn show_exact(
        self,
        format: &NumberFormat,
        qualifier: Option<&str>,
        n: Num,
        lang: Lang,
    ) -> String {
        self.show_value_exact(format, qualifier, Value::one(n), lang)
    }
}

/// How many figures a key-figure box holds.
pub const FIGURES_RANGE: std::ops::RangeInclusive<usize> = 1..=6;
/// How many bars a bar chart holds.
pub const MAX_BARS: usize = 100;
/// The largest magnitude of any value; beyond it numbers stop being exact and readable.
pub const MAX_ABS_VALUE: f64 = 1e15;

/// Seconds between two reads of a box's live data: often enough for an election night,
/// not so often that a thousand readers make a spreadsheet's server refuse them.
pub const REFRESH: std::ops::RangeInclusive<u32> = 30..=86_400;

/// Longest texts, in characters, by what they are.
pub mod limits {
    pub const TITLE: usize = 160;
    pub const SUBTITLE: usize = 240;
    pub const NOTE: usize = 600;
    pub const ALT: usize = 1000;
    pub const LABEL: usize = 120;
    pub const BAR_LABEL: usize = 60;
    pub const UNIT: usize = 40;
    pub const QUALIFIER: usize = 20;
    pub const SOURCE: usize = 200;
    pub const BYLINE: usize = 120;
    pub const URL: usize = 2000;
    pub const ID: usize = 64;
    pub const CELL: usize = 200;
}

/// One validated fact box.
#[derive(Debug, Clone, PartialEq)]
pub struct FactBox {
    pub(crate) id: String,
    pub(crate) lang: Lang,
    pub(crate) title: String,
    pub(crate) subtitle: Option<String>,
    pub(crate) note: Option<String>,
    /// The journalist's own description of the chart for screen readers.
    pub(crate) alt: Option<String>,
    pub(crate) source: Option<SourceLink>,
    pub(crate) byline: Option<String>,
    pub(crate) as_of: Option<PartialDate>,
    /// Where its values are read from while the article is open, if anywhere.
    pub(crate) data: Option<LiveData>,
    pub(crate) body: Body,
}

/// A box's live data source, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveData {
    /// `https://…`, or a path on the article's own site.
    pub(crate) url: String,
    /// Seconds between reads, within [`REFRESH`]; `None`: read once.
    pub(crate) refresh: Option<u32>,
}

/// Where the figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLink {
    pub(crate) text: String,
    /// Always `http:` or `https:`.
    pub(crate) url: Option<String>,
}

/// What a box shows, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// The figures, and the token of a build that draws them (see [`crate::kinds`]).
    Figures(Vec<Figure>, crate::kinds::Figures),
    Bar(BarChart),
    RankChange(RankChart),
    Line(LineChart),
    Share(ShareChart),
    Progress(ProgressChart),
    Table(Table),
}

/// How many items a rank change holds.
pub const MAX_RANK_ITEMS: usize = 100;
/// How many series a line chart holds, and points per series.
pub const MAX_SERIES: usize = 6;
pub const MAX_POINTS: usize = 10_000;
/// How many parts a share holds.
pub const SHARE_RANGE: std::ops::RangeInclusive<usize> = 2..=12;

/// Ranks at two dates. Ranks are 1 or more, and at most `out_of` when it is given.
#[derive(Debug, Clone, PartialEq)]
pub struct RankChart {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::RankChange,
    pub(crate) from_date: PartialDate,
    pub(crate) to_date: PartialDate,
    pub(crate) items: Vec<RankRow>,
    pub(crate) out_of: Option<u32>,
}

/// One item's two ranks.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub(crate) label: String,
    pub(crate) from: u32,
    pub(crate) to: u32,
    pub(crate) highlight: bool,
}

/// Series over time; each series' points are in date order with no date twice.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::Line,
    pub(crate) series: Vec<LineSeries>,
    pub(crate) annotations: Vec<LineAnnotation>,
    pub(crate) format: NumberFormat,
    pub(crate) axis_label: Option<String>,
    pub(crate) from_zero: bool,
    pub(crate) measure: Measure,
}

/// One series.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub(crate) name: String,
    pub(crate) points: Vec<LinePoint>,
    pub(crate) highlight: bool,
}

/// One value at one date; `day` is the date as days since 1970-01-01, for spacing.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    pub(crate) date: PartialDate,
    pub(crate) day: f64,
    pub(crate) value: Value,
    pub(crate) qualifier: Option<String>,
}

/// A note on point `point` of series `series` (both valid indices).
#[derive(Debug, Clone, PartialEq)]
pub struct LineAnnotation {
    pub(crate) series: usize,
    pub(crate) point: usize,
    pub(crate) label: String,
}

/// Parts of a whole. The parts' values are not negative and add up to `total` (an "other"
/// part was added where needed), unless `shortfall` says by how much they fall short.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareChart {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::Share,
    pub(crate) parts: Vec<SharePart>,
    pub(crate) total: Num,
    pub(crate) shortfall: Option<Num>,
    pub(crate) donut: bool,
    pub(crate) format: NumberFormat,
}

impl ShareChart {
    /// What the parts are drawn as shares of: the total, or the parts' sum where rounded
    /// parts exceed the written total by a hair (up to 0.05%, which validation allows), so
    /// that the segments always fill exactly the whole bar or circle.
    pub fn whole(&self) -> f64 {
        let sum: f64 = self.parts.iter().map(|p| p.value.value()).sum();
        self.total.value().max(sum)
    }
}

/// One part.
#[derive(Debug, Clone, PartialEq)]
pub struct SharePart {
    pub(crate) label: String,
    pub(crate) value: Num,
    pub(crate) highlight: bool,
    /// The part added so the parts reach the stated total.
    pub(crate) other: bool,
}

/// A value against a target on a scale from 0 to `max` (positive); for ranks, from `max`
/// (the worst rank shown) to 1. Value and target lie on the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressChart {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::Progress,
    pub(crate) value: Value,
    pub(crate) qualifier: Option<String>,
    pub(crate) label: String,
    pub(crate) target: Option<Num>,
    pub(crate) target_label: Option<String>,
    pub(crate) max: Num,
    pub(crate) format: NumberFormat,
    /// Higher is better unless the box says otherwise: a target is reached from below.
    pub(crate) measure: Measure,
    pub(crate) deadline: Option<Deadline>,
}

/// How many rows a table holds: enough for every country of the world ten times over,
/// few enough that the page stays quick (the table's markup grows with it).
pub const TABLE_ROWS: std::ops::RangeInclusive<usize> = 1..=2000;
/// How many columns a table holds: more do not fit a phone even scrolled.
pub const TABLE_COLUMNS: std::ops::RangeInclusive<usize> = 1..=12;
/// Rows shown before "Xem thêm", unless the table says otherwise.
pub const TABLE_PAGE: usize = 10;

/// A table: its columns and its rows in the order first shown. Every row has one cell per
/// column; a column of numbers holds no text (an empty cell is [`TableCell::Empty`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::Table,
    pub(crate) columns: Vec<TableColumn>,
    pub(crate) rows: Vec<TableRow>,
    /// Rows shown before "Xem thêm"; 0: every row.
    pub(crate) page_size: usize,
    /// The column the rows are sorted by, and whether ascending.
    pub(crate) sorted: Option<(usize, bool)>,
    /// Each column's ranks and extent, worked out once, when the markup first needs them
    /// (a box drawn in the browser writes its rows in several calls).
    pub(crate) derived: crate::table::Derived,
}

/// One column: its key, heading and what its cells are.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    pub(crate) key: String,
    pub(crate) label: String,
    /// `None` for a column of text.
    pub(crate) numbers: Option<NumberColumn>,
}

/// How a column of numbers is written and drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberColumn {
    pub(crate) format: NumberFormat,
    pub(crate) measure: Measure,
    /// The word before every value that has none of its own.
    pub(crate) qualifier: Option<String>,
    /// The status of every value that has none of its own: said once, in the heading.
    pub(crate) status: Option<Status>,
    pub(crate) signed: bool,
    pub(crate) bars: bool,
    pub(crate) heat: bool,
}

/// One row, a cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub(crate) cells: Vec<TableCell>,
    pub(crate) highlight: bool,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCell {
    /// No figure.
    Empty,
    Text(String),
    /// A value with its status (the column's, unless its own) and its own qualifier.
    Value {
        value: Value,
        qualifier: Option<String>,
    },
}

/// A target's deadline, and whether the value's date (`as_of`) is past it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Deadline {
    pub(crate) date: PartialDate,
    pub(crate) passed: bool,
}

/// One key figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub(crate) value: Value,
    /// The figure is itself a change: a positive value is printed with its sign.
    pub(crate) signed: bool,
    pub(crate) qualifier: Option<String>,
    pub(crate) label: String,
    pub(crate) format: NumberFormat,
    pub(crate) compare: Option<Comparison>,
    pub(crate) measure: Measure,
}

/// An earlier value of a figure. For the `percent` and `ratio` styles, `value` is not 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub(crate) value: Num,
    pub(crate) status: Option<Status>,
    pub(crate) qualifier: Option<String>,
    pub(crate) date: Option<PartialDate>,
    pub(crate) style: ChangeStyle,
}

/// A bar chart, its bars already in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Only a build that draws the kind can make one (see [`crate::kinds`]).
    pub(crate) kind: crate::kinds::Bar,
    pub(crate) bars: Vec<BarItem>,
    pub(crate) vertical: bool,
    pub(crate) reference: Option<ReferenceLine>,
    pub(crate) format: NumberFormat,
    pub(crate) axis_label: Option<String>,
    /// For ranks, the bars are dots on a rank axis; see [`crate::layout::bar`].
    pub(crate) measure: Measure,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarItem {
    pub(crate) label: String,
    pub(crate) value: Value,
    pub(crate) qualifier: Option<String>,
    pub(crate) highlight: bool,
}

/// A labelled line across a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLine {
    pub(crate) value: Num,
    pub(crate) label: String,
}

impl FactBox {
    /// The box's id, unique in its file.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The box's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
    /// The box's headline.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The kind, as written in the JSON `kind` field.
    pub fn kind(&self) -> &'static str {
        match self.body {
            Body::Figures(..) => "figures",
            Body::Bar(_) => "bar",
            Body::RankChange(_) => "rank-change",
            Body::Line(_) => "line",
            Body::Share(_) => "share",
            Body::Progress(_) => "progress",
            Body::Table(_) => "table",
        }
    }
    /// What the box shows.
    pub fn body(&self) -> &Body {
        &self.body
    }
}

impl BarChart {
    /// The bars in display order.
    pub fn bars(&self) -> &[BarItem] {
        &self.bars
    }
    /// Whether the bars are columns.
    pub fn vertical(&self) -> bool {
        self.vertical
    }
}

impl Table {
    /// The rows, in the order first shown.
    pub fn rows(&self) -> &[TableRow] {
        &self.rows
    }
    /// The columns, in reading order.
    pub fn columns(&self) -> &[TableColumn] {
        &self.columns
    }
}

impl LineChart {
    /// The series, in the order given.
    pub fn series(&self) -> &[LineSeries] {
        &self.series
    }
}

impl LineSeries {
    /// The points, in date order.
    pub fn points(&self) -> &[LinePoint] {
        &self.points
    }
    /// Whether the series is drawn in the accent colour.
    pub fn highlight(&self) -> bool {
        self.highlight
    }
}

impl BarItem {
    /// The bar's label.
    pub fn label(&self) -> &str {
        &self.label
    }
    /// The bar's value.
    pub fn value(&self) -> Value {
        self.value
    }
    /// Whether the bar is drawn in the accent colour.
    pub fn highlight(&self) -> bool {
        self.highlight
    }
}
