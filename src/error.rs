//! Problems with a document, and the words a journalist reads about them.
//!
//! A [`Problem`] says *what* is wrong ([`What`]), *where* (a JSON path such as
//! `boxes[2].bars[0].value`, and a line and column when the text is known), and is written
//! out in Vietnamese or English by [`Problem::message`]. Messages are lowercase, without a
//! trailing period, and name the fix whenever there is one ("did you mean `title`?").

use std::fmt::Write as _;

use crate::format::{Lang, format_plain};

/// One thing wrong with a document, or with loading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The JSON path of the value at fault (`boxes[0].figures[1].value`); empty for the
    /// whole document.
    pub path: String,
    /// Where in the text, when known.
    pub at: Option<Position>,
    /// What is wrong.
    pub what: What,
}

/// A place in the JSON text, both 1-based; the column counts characters, not bytes, so it
/// matches what an editor shows for Vietnamese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// What kind of problem, for code that must decide what to do about one, as serde_json's
/// `Error::classify` does: show it to whom, offer to try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The text is not JSON: the journalist fixes the file.
    Syntax,
    /// The JSON says something factbox cannot show, or the embed points at nothing: the
    /// journalist fixes the file or the embed code.
    Data,
    /// The file could not be downloaded, in a way that may pass (no network, a timeout,
    /// a server error 5xx): trying again may help.
    Network,
    /// A bug in factbox itself.
    Internal,
}

/// The kinds of JSON syntax error, as a journalist would fix them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// A missing `,` or `}` between the fields of an object.
    ExpectedCommaOrBrace,
    /// A missing `,` or `]` between the items of a list.
    ExpectedCommaOrBracket,
    /// A `,` right before `}` or `]`.
    TrailingComma,
    /// The text ends inside an object, list or string.
    UnexpectedEnd,
    /// A field name without double quotes, or in single quotes.
    KeyMustBeString,
    /// A field name not followed by `:`.
    ExpectedColon,
    /// Something that is no JSON value (a word without quotes, a single-quoted string...).
    ExpectedValue,
    /// A malformed number such as `1.` or `01`.
    InvalidNumber,
    /// A line break or tab inside a string.
    ControlCharacter,
    /// A malformed `\` escape inside a string.
    InvalidEscape,
    /// More text after the end of the document.
    TrailingCharacters,
    /// A number too large for any chart, such as `1e999`.
    NumberTooLarge,
    /// Lists or objects nested deeper than any fact box needs.
    TooDeep,
    /// The text is an HTML page, not JSON.
    LooksLikeHtml,
    /// A decimal comma in a number (`0,8125`): JSON writes decimals with a point.
    DecimalComma { number: String, written: String },
    /// Thousands grouped with points in a number (`16.400.000`).
    ThousandsDots { number: String },
    /// Curly quotes (“ ” ‘ ’), as a word processor types them, where `"` must stand.
    CurlyQuote { quote: char },
    /// A percent sign after a number (`31%`).
    UnquotedPercent { number: String },
    /// Anything else the JSON parser reports, in its own (English) words.
    Other(String),
}

/// Why a value cannot be a range where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeReason {
    /// A part of a share: the parts' sum could not be checked against the total.
    SharePart,
    /// A rank: a place in a ranking is one number.
    Rank,
    /// A figure's earlier value, or a figure compared with one: the change would not be one
    /// number.
    Compare,
    /// A target, a reference line, a total or a scale's end: a line is drawn at one value.
    Fixed,
}

/// What kind of JSON value was expected where a wrong one stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    Text,
    TrueOrFalse,
    List,
    Object,
    TextOrObject,
    Value,
    Cell,
}

/// The JSON value that stood where another was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    Object,
    List,
    /// The parser's own description, when it is none of the above.
    Other(String),
}

impl Found {
    fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Found::Text(t) if vi => format!("chữ {}", quote(t)),
            Found::Text(t) => format!("the text {}", quote(t)),
            Found::Number(n) if vi => format!("số {n}"),
            Found::Number(n) => format!("the number {n}"),
            Found::Bool(b) => format!("{b}"),
            Found::Null => "null".to_owned(),
            Found::Object if vi => "một đối tượng { … }".to_owned(),
            Found::Object => "an object { … }".to_owned(),
            Found::List if vi => "một danh sách [ … ]".to_owned(),
            Found::List => "a list [ … ]".to_owned(),
            Found::Other(o) => o.clone(),
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// The text is not valid JSON.
    Syntax(Syntax),
    /// The file or inline script is empty.
    EmptyDocument,
    /// A field name that this place does not have.
    UnknownField {
        field: String,
        suggestion: Option<String>,
        expected: Vec<String>,
    },
    /// A required field is absent.
    MissingField { field: String },
    /// The same field twice in one object.
    DuplicateField { field: String },
    /// A value of the wrong JSON type.
    WrongType { expected: Expected, found: Found },
    /// A number written as text, such as `"9.300"`; `number` is what it most likely meant.
    NumberAsString { text: String, number: Option<f64> },
    /// A value outside a fixed set of words.
    UnknownValue {
        value: String,
        suggestion: Option<String>,
        expected: Vec<String>,
    },
    /// A box `kind` this version does not know.
    UnknownKind {
        kind: String,
        suggestion: Option<String>,
    },
    /// A box `kind` this build of the engine does not draw (an engine of one kind, see
    /// [`crate::kinds`], given a box of another).
    KindNotBuilt { kind: String },
    /// A `version` other than the one this build reads.
    UnsupportedVersion { found: u64 },
    /// A list with fewer items than it needs.
    TooFew { min: usize, found: usize },
    /// A list with more items than this box can show.
    TooMany { max: usize, found: usize },
    /// A text that must say something is empty.
    EmptyText,
    /// A text longer than the box can show.
    TooLong { max: usize, found: usize },
    /// A data file larger than factbox reads, in bytes.
    FileTooLarge { max: usize, found: usize },
    /// A later date that is not after the earlier one (`to_date` before `from_date`).
    NotAfter { date: String, earlier: String },
    /// A number too large to show.
    TooLarge { value: f64 },
    /// A number that must not be negative.
    Negative { value: f64 },
    /// An id with characters other than letters, digits, `-` and `_`; `slug` is the id
    /// it most likely meant (`xếp hạng 2020` → `xep-hang-2020`).
    BadId { id: String, slug: Option<String> },
    /// A number written with more decimal places than any box shows.
    TooManyDecimals { text: String, found: u32 },
    /// A number written with more significant digits than a double holds exactly.
    TooManyDigits { text: String, found: u32 },
    /// A number that would need more than two places after its scale word: `exact` is how
    /// it would print, `rounded` how `decimals: 2` would print it.
    ScaleRounds { exact: String, rounded: String },
    /// A Vietnamese box's number like `4.543`: a thousands point, read by JSON as a decimal.
    ThousandsPoint {
        text: String,
        whole: String,
        shown: String,
    },
    /// A rank that is not a whole number.
    RankNotWhole { text: String },
    /// `ranks: true` with `better: higher`.
    RanksAreLowerBetter,
    /// `out_of` without `ranks: true`.
    OutOfWithoutRanks,
    /// A figure's rank compared as a difference, percent or ratio.
    RankChangeStyle { style: String },
    /// `compare.show: rank` on a figure whose values are not ranks (`better: higher`).
    RankStyleNotRanks,
    /// Ranks in columns (`orientation: vertical`).
    VerticalRanks,
    /// `max` on a progress box of ranks.
    RanksNoMax,
    /// A target date without the date of the value.
    DeadlineNeedsAsOf,
    /// A rank-change box given more than two dates.
    RankChangeDates,
    /// `sort: best` or `worst` on values without a direction.
    SortNeedsDirection { sort: String },
    /// Two boxes with the same id.
    DuplicateId { id: String },
    /// A date that is malformed or does not exist.
    /// A date that is malformed or does not exist; `written` is the date it most likely
    /// meant, as factbox reads dates (`17/9/2024` → `2024-09-17`).
    BadDate {
        text: String,
        written: Option<String>,
    },
    /// A link that is not `http://` or `https://`.
    BadUrl { text: String },
    /// A live data address that is neither `https://` nor a path on the article's site.
    BadDataUrl { text: String },
    /// A live data refresh outside [`crate::model::REFRESH`] seconds.
    Refresh { found: u32 },
    /// A language factbox does not have.
    UnknownLocale {
        value: String,
        suggestion: Option<String>,
    },
    /// A label in `highlight` that names no bar.
    UnknownHighlight {
        label: String,
        suggestion: Option<String>,
    },
    /// Two bars with the same label.
    DuplicateLabel { label: String },
    /// Two columns of a table with the same key.
    DuplicateKey { key: String },
    /// A column key that a row uses for itself (`highlight`).
    ReservedKey { key: String },
    /// Text in a table's column of numbers, with the JSON that says it, when it can be read.
    TextInNumbers {
        column: String,
        text: String,
        fix: Option<String>,
    },
    /// Mini bars on a column of ranks.
    RanksNoBars,
    /// A percent change from zero, which has no meaning.
    CompareFromZero,
    /// A range whose ends are reversed or equal, as written.
    BadRange { low: String, high: String },
    /// A list in a value's place with other than two numbers.
    RangeLength { found: usize },
    /// A range where one cannot be true.
    RangeNotAllowed { reason: RangeReason },
    /// A value typed as text the way an article writes it (`"90–200 (dự báo)"`); `fix` is
    /// the JSON that says the same, when the text could be read.
    ValueAsText { text: String, fix: Option<String> },
    /// A rank of 0 (ranks start at 1).
    RankZero,
    /// A rank larger than the `out_of` count.
    RankOutOf { rank: u32, out_of: u32 },
    /// The same date twice in one series.
    DuplicateDate { date: String },
    /// An annotation whose date or series matches no point.
    NoSuchPoint { date: String },
    /// A series name that is not in the chart.
    UnknownSeries {
        name: String,
        suggestion: Option<String>,
    },
    /// The parts of a share add up to more than its total.
    PartsExceedTotal { sum: f64, total: f64 },
    /// A progress value or target outside 0..max.
    OutOfScale { value: f64, max: f64 },
    /// A number that must be more than zero.
    NotPositive { value: f64 },
    /// `#id` in the embed names no box in the file.
    NoSuchBox {
        id: String,
        suggestion: Option<String>,
        available: Vec<String>,
    },
    /// The server answered with an HTTP error.
    Http { status: u16, url: String },
    /// The file could not be fetched at all.
    Network { url: String },
    /// The server sent a web page (HTML) where JSON was expected.
    NotJson { url: String },
    /// The server did not finish sending the file in time.
    Timeout { url: String, seconds: u32 },
    /// The embed element has no address and no inline JSON.
    NoData,
    /// A data error the parser reports in words this module does not know.
    Other { detail: String },
    /// A bug in factbox itself; the text is for developers.
    Internal { detail: String },
    /// The problems of a box past the first [`SHOWN_PROBLEMS`]: how many more there are.
    More { count: usize },
}

/// How many problems of one box are written out; the rest are counted in one more
/// ([`What::More`]). A file of 20,000 broken values gets a page of messages, not 20,000.
pub const SHOWN_PROBLEMS: usize = 20;

/// `problems` cut to [`SHOWN_PROBLEMS`], the rest counted in a last one.
pub fn bounded(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > SHOWN_PROBLEMS {
        let count = problems.len() - SHOWN_PROBLEMS;
        problems.truncate(SHOWN_PROBLEMS);
        problems.push(Problem::whole(What::More { count }));
    }
    problems
}

impl What {
    /// A short name for this kind of problem, the same in every language and kept across
    /// versions, for code that reacts to problems (`FactboxError.problems[].code`).
    pub fn code(&self) -> &'static str {
        match self {
            What::Syntax(_) => "syntax",
            What::EmptyDocument => "empty-document",
            What::UnknownField { .. } => "unknown-field",
            What::MissingField { .. } => "missing-field",
            What::DuplicateField { .. } => "duplicate-field",
            What::WrongType { .. } => "wrong-type",
            What::NumberAsString { .. } => "number-as-string",
            What::UnknownValue { .. } => "unknown-value",
            What::UnknownKind { .. } => "unknown-kind",
            What::KindNotBuilt { .. } => "kind-not-built",
            What::UnsupportedVersion { .. } => "unsupported-version",
            What::TooFew { .. } => "too-few",
            What::TooMany { .. } => "too-many",
            What::EmptyText => "empty-text",
            What::TooLong { .. } => "too-long",
            What::FileTooLarge { .. } => "file-too-large",
            What::NotAfter { .. } => "not-after",
            What::TooLarge { .. } => "too-large",
            What::Negative { .. } => "negative",
            What::BadId { .. } => "bad-id",
            What::TooManyDecimals { .. } => "too-many-decimals",
            What::TooManyDigits { .. } => "too-many-digits",
            What::ScaleRounds { .. } => "scale-rounds",
            What::ThousandsPoint { .. } => "thousands-point",
            What::RankNotWhole { .. } => "rank-not-whole",
            What::RanksAreLowerBetter => "ranks-are-lower-better",
            What::OutOfWithoutRanks => "out-of-without-ranks",
            What::RankChangeStyle { .. } => "rank-change-style",
            What::RankStyleNotRanks => "rank-style-not-ranks",
            What::VerticalRanks => "vertical-ranks",
            What::RanksNoMax => "ranks-no-max",
            What::DeadlineNeedsAsOf => "deadline-needs-as-of",
            What::RankChangeDates => "rank-change-dates",
            What::SortNeedsDirection { .. } => "sort-needs-direction",
            What::DuplicateId { .. } => "duplicate-id",
            What::BadDate { .. } => "bad-date",
            What::BadUrl { .. } => "bad-url",
            What::BadDataUrl { .. } => "bad-data-url",
            What::Refresh { .. } => "bad-refresh",
            What::UnknownLocale { .. } => "unknown-locale",
            What::UnknownHighlight { .. } => "unknown-highlight",
            What::DuplicateLabel { .. } => "duplicate-label",
            What::DuplicateKey { .. } => "duplicate-key",
            What::ReservedKey { .. } => "reserved-key",
            What::TextInNumbers { .. } => "text-in-numbers",
            What::RanksNoBars => "ranks-no-bars",
            What::CompareFromZero => "compare-from-zero",
            What::BadRange { .. } => "bad-range",
            What::RangeLength { .. } => "range-length",
            What::RangeNotAllowed { .. } => "range-not-allowed",
            What::ValueAsText { .. } => "value-as-text",
            What::RankZero => "rank-zero",
            What::RankOutOf { .. } => "rank-out-of",
            What::DuplicateDate { .. } => "duplicate-date",
            What::NoSuchPoint { .. } => "no-such-point",
            What::UnknownSeries { .. } => "unknown-series",
            What::PartsExceedTotal { .. } => "parts-exceed-total",
            What::OutOfScale { .. } => "out-of-scale",
            What::NotPositive { .. } => "not-positive",
            What::NoSuchBox { .. } => "no-such-box",
            What::Http { .. } => "http",
            What::Network { .. } => "network",
            What::NotJson { .. } => "not-json",
            What::Timeout { .. } => "timeout",
            What::NoData => "no-data",
            What::Other { .. } => "other",
            What::Internal { .. } => "internal",
            What::More { .. } => "more",
        }
    }

    /// The kind of problem this is.
    pub fn category(&self) -> Category {
        match self {
            What::Syntax(_) | What::EmptyDocument => Category::Syntax,
            What::Network { .. } | What::Timeout { .. } => Category::Network,
            What::Http { status, .. } if *status >= 500 => Category::Network,
            What::Internal { .. } | What::KindNotBuilt { .. } => Category::Internal,
            // A 4xx answer, an HTML page or a file too large: the address or the file is
            // wrong, which trying again does not change.
            _ => Category::Data,
        }
    }
}

impl Problem {
    /// The kind of problem this is.
    pub fn category(&self) -> Category {
        self.what.category()
    }

    /// A problem with the value at `path`, position unknown.
    pub fn at_path(path: impl Into<String>, what: What) -> Problem {
        Problem {
            path: path.into(),
            at: None,
            what,
        }
    }

    /// A problem with the whole document or its loading.
    pub fn whole(what: What) -> Problem {
        Problem::at_path(String::new(), what)
    }

    /// Where the problem is, for the reader of the message: path, line and column.
    pub fn location(&self, lang: Lang) -> String {
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&self.path);
        }
        if let Some(at) = self.at {
            if !out.is_empty() {
                out.push_str(", ");
            }
            let _ = match lang {
                Lang::Vi => write!(out, "dòng {}, cột {}", at.line, at.column),
                Lang::En => write!(out, "line {}, column {}", at.line, at.column),
            };
        }
        out
    }

    /// The whole message: location, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let location = self.location(lang);
        let what = self.what.describe(lang);
        if location.is_empty() {
            what
        } else {
            format!("{location}: {what}")
        }
    }
}

/// Quotes a user's text for a message, shortened so a pasted paragraph stays readable.
fn quote(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() > MAX {
        let short: String = text.chars().take(MAX).collect();
        format!("“{short}…”")
    } else {
        format!("“{text}”")
    }
}

fn list_names(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Number, Lang::Vi) => "một số",
            (Expected::Number, Lang::En) => "a number",
            (Expected::WholeNumber, Lang::Vi) => "một số nguyên không âm",
            (Expected::WholeNumber, Lang::En) => "a whole number, 0 or more",
            (Expected::Text, Lang::Vi) => "một chuỗi chữ trong dấu ngoặc kép",
            (Expected::Text, Lang::En) => "text in double quotes",
            (Expected::TrueOrFalse, Lang::Vi) => "true hoặc false",
            (Expected::TrueOrFalse, Lang::En) => "true or false",
            (Expected::List, Lang::Vi) => "một danh sách [ … ]",
            (Expected::List, Lang::En) => "a list [ … ]",
            (Expected::Object, Lang::Vi) => "một đối tượng { … }",
            (Expected::Object, Lang::En) => "an object { … }",
            (Expected::TextOrObject, Lang::Vi) => {
                "chữ trong dấu ngoặc kép hoặc một đối tượng { … }"
            }
            (Expected::TextOrObject, Lang::En) => "text in double quotes or an object { … }",
            (Expected::Value, Lang::Vi) => "một giá trị",
            (Expected::Value, Lang::En) => "a value",
            (Expected::Cell, Lang::Vi) => "một số, một khoảng [thấp, cao], chữ hoặc null",
            (Expected::Cell, Lang::En) => "a number, a range [low, high], text or null",
        }
    }
}

impl Syntax {
    fn describe(&self, lang: Lang) -> String {
        let s = match (self, lang) {
            (Syntax::ExpectedCommaOrBrace, Lang::Vi) => {
                "thiếu dấu phẩy `,` giữa hai trường, hoặc thiếu dấu `}` đóng đối tượng"
            }
            (Syntax::ExpectedCommaOrBrace, Lang::En) => {
                "missing `,` between two fields, or missing `}` closing the object"
            }
            (Syntax::ExpectedCommaOrBracket, Lang::Vi) => {
                "thiếu dấu phẩy `,` giữa hai phần tử, hoặc thiếu dấu `]` đóng danh sách"
            }
            (Syntax::ExpectedCommaOrBracket, Lang::En) => {
                "missing `,` between two items, or missing `]` closing the list"
            }
            (Syntax::TrailingComma, Lang::Vi) => {
                "thừa dấu phẩy `,` ngay trước `}` hoặc `]`: hãy xoá nó"
            }
            (Syntax::TrailingComma, Lang::En) => {
                "a `,` right before `}` or `]` is not allowed in JSON: delete it"
            }
            (Syntax::UnexpectedEnd, Lang::Vi) => {
                "tệp kết thúc giữa chừng: thiếu dấu đóng `}`, `]` hoặc `\"`"
            }
            (Syntax::UnexpectedEnd, Lang::En) => {
                "the file ends too early: a closing `}`, `]` or `\"` is missing"
            }
            (Syntax::KeyMustBeString, Lang::Vi) => {
                "tên trường phải nằm trong dấu ngoặc kép, ví dụ \"title\""
            }
            (Syntax::KeyMustBeString, Lang::En) => {
                "field names must be in double quotes, e.g. \"title\""
            }
            (Syntax::ExpectedColon, Lang::Vi) => "thiếu dấu hai chấm `:` sau tên trường",
            (Syntax::ExpectedColon, Lang::En) => "missing `:` after the field name",
            (Syntax::ExpectedValue, Lang::Vi) => {
                "ở đây cần một giá trị JSON: chữ trong dấu ngoặc kép \"…\", một số, true, false, null, [ … ] hoặc { … }"
            }
            (Syntax::ExpectedValue, Lang::En) => {
                "a JSON value is needed here: text in double quotes \"…\", a number, true, false, null, [ … ] or { … }"
            }
            (Syntax::InvalidNumber, Lang::Vi) => {
                "số viết sai: dùng dấu chấm cho phần thập phân (26.7) và không có số 0 ở đầu"
            }
            (Syntax::InvalidNumber, Lang::En) => {
                "malformed number: use a point for decimals (26.7) and no leading zeros"
            }
            (Syntax::ControlCharacter, Lang::Vi) => {
                "chuỗi chữ không được chứa dấu xuống dòng hay tab: viết \\n, hoặc đóng dấu ngoặc kép đang thiếu"
            }
            (Syntax::ControlCharacter, Lang::En) => {
                "text may not contain a line break or tab: write \\n, or add the missing closing quote"
            }
            (Syntax::InvalidEscape, Lang::Vi) => "dấu `\\` trong chuỗi chữ phải viết là `\\\\`",
            (Syntax::InvalidEscape, Lang::En) => "a `\\` inside text must be written `\\\\`",
            (Syntax::TrailingCharacters, Lang::Vi) => {
                "còn nội dung sau khi tài liệu JSON đã kết thúc: có thể thừa dấu `}` hoặc `]`"
            }
            (Syntax::TrailingCharacters, Lang::En) => {
                "there is more text after the JSON document ends: perhaps an extra `}` or `]`"
            }
            (Syntax::TooDeep, Lang::Vi) => "dữ liệu lồng nhau quá nhiều tầng [ [ [ … ] ] ]",
            (Syntax::TooDeep, Lang::En) => "the data is nested too deeply [ [ [ … ] ] ]",
            (Syntax::NumberTooLarge, Lang::Vi) => "số quá lớn",
            (Syntax::NumberTooLarge, Lang::En) => "the number is too large",
            (Syntax::LooksLikeHtml, Lang::Vi) => {
                "đây là một trang web (HTML), không phải dữ liệu JSON — kiểm tra lại địa chỉ tệp"
            }
            (Syntax::LooksLikeHtml, Lang::En) => {
                "this is a web page (HTML), not JSON data — check the file's address"
            }
            (Syntax::DecimalComma { number, written }, Lang::Vi) => {
                return format!(
                    "số có dấu phẩy thập phân: JSON viết phần thập phân bằng dấu chấm: viết {number} thay cho {written}"
                );
            }
            (Syntax::DecimalComma { number, written }, Lang::En) => {
                return format!(
                    "a decimal comma in a number: JSON writes decimals with a point: write {number} instead of {written}"
                );
            }
            (Syntax::ThousandsDots { number }, Lang::Vi) => {
                return format!(
                    "số viết có dấu chấm phân cách hàng nghìn: trong JSON viết liền, {number}, không có dấu chấm (factbox tự thêm khi hiển thị)"
                );
            }
            (Syntax::ThousandsDots { number }, Lang::En) => {
                return format!(
                    "a number with points between its thousands: JSON writes it without them, {number} (factbox adds them when it shows the number)"
                );
            }
            (Syntax::CurlyQuote { quote }, Lang::Vi) => {
                return format!(
                    "dấu ngoặc kép cong {quote} (thường do Word hoặc trình soạn thảo tự đổi): JSON chỉ dùng dấu ngoặc kép thẳng \""
                );
            }
            (Syntax::CurlyQuote { quote }, Lang::En) => {
                return format!(
                    "a curly quote {quote} (a word processor's): JSON needs straight double quotes \""
                );
            }
            (Syntax::UnquotedPercent { number }, Lang::Vi) => {
                return format!("dấu % sau số: viết {number} và đặt \"%\" vào trường \"unit\"");
            }
            (Syntax::UnquotedPercent { number }, Lang::En) => {
                return format!(
                    "a % sign after a number: write {number} and put \"%\" in the \"unit\" field"
                );
            }
            (Syntax::Other(msg), Lang::Vi) => return format!("lỗi cú pháp JSON ({msg})"),
            (Syntax::Other(msg), Lang::En) => return format!("JSON syntax error ({msg})"),
        };
        s.to_owned()
    }
}

impl What {
    /// What is wrong, in the reader's language, without the location.
    pub fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            What::Syntax(s) => s.describe(lang),
            What::EmptyDocument => if vi {
                "tệp dữ liệu trống"
            } else {
                "the data file is empty"
            }
            .to_owned(),
            What::UnknownField {
                field,
                suggestion,
                expected,
            } => match (suggestion, vi) {
                (Some(s), true) => format!("không có trường `{field}`: có phải ý bạn là `{s}`?"),
                (Some(s), false) => format!("unknown field `{field}`: did you mean `{s}`?"),
                (None, true) => format!(
                    "không có trường `{field}`; các trường hợp lệ ở đây: {}",
                    list_names(expected)
                ),
                (None, false) => format!(
                    "unknown field `{field}`; the fields allowed here are {}",
                    list_names(expected)
                ),
            },
            What::MissingField { field } => if vi {
                format!("thiếu trường bắt buộc `{field}`")
            } else {
                format!("the required field `{field}` is missing")
            },
            What::DuplicateField { field } => if vi {
                format!("trường `{field}` xuất hiện hai lần")
            } else {
                format!("the field `{field}` appears twice")
            },
            What::WrongType { expected, found } => if vi {
                format!(
                    "cần {}, nhưng ở đây là {}",
                    expected.describe(lang),
                    found.describe(lang)
                )
            } else {
                format!("expected {}, found {}", expected.describe(lang), found.describe(lang))
            },
            What::Other { detail } => if vi {
                format!("giá trị không hợp lệ ({detail})")
            } else {
                format!("invalid value ({detail})")
            },
            What::NumberAsString { text, number } => match (number, vi) {
                (Some(n), true) => format!(
                    "số phải viết không có dấu ngoặc kép và không có dấu phân cách hàng nghìn: viết {} thay cho \"{text}\"",
                    format_plain(*n)
                ),
                (Some(n), false) => format!(
                    "write numbers without quotes or thousands separators: {} instead of \"{text}\"",
                    format_plain(*n)
                ),
                (None, true) => format!(
                    "cần một số JSON (không có dấu ngoặc kép), nhưng ở đây là chữ \"{text}\""
                ),
                (None, false) => {
                    format!("expected a JSON number (without quotes), found the text \"{text}\"")
                }
            },
            What::UnknownValue {
                value,
                suggestion,
                expected,
            } => match (suggestion, vi) {
                (Some(s), true) => {
                    format!("giá trị “{value}” không hợp lệ: có phải ý bạn là `{s}`?")
                }
                (Some(s), false) => format!("“{value}” is not allowed here: did you mean `{s}`?"),
                (None, true) => format!(
                    "giá trị “{value}” không hợp lệ; chọn một trong {}",
                    list_names(expected)
                ),
                (None, false) => format!(
                    "“{value}” is not allowed here; use one of {}",
                    list_names(expected)
                ),
            },
            What::KindNotBuilt { kind } => {
                if vi {
                    format!("bản factbox này chỉ vẽ một số loại hộp, không vẽ “{kind}”: hãy dùng factbox_bg.wasm, bản vẽ mọi loại")
                } else {
                    format!("this build of factbox draws some kinds of box only, not “{kind}”: use factbox_bg.wasm, which draws every kind")
                }
            }
            What::UnknownKind { kind, suggestion } => {
                let kinds = crate::spec::KINDS
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                match (suggestion, vi) {
                    (Some(s), true) => {
                        format!("không có loại hộp “{kind}”: có phải ý bạn là `{s}`?")
                    }
                    (Some(s), false) => format!("there is no box kind “{kind}”: did you mean `{s}`?"),
                    (None, true) => format!("không có loại hộp “{kind}”; các loại hiện có: {kinds}"),
                    (None, false) => format!("there is no box kind “{kind}”; the kinds are {kinds}"),
                }
            }
            What::UnsupportedVersion { found } => if vi {
                format!(
                    "phiên bản định dạng {found} chưa được hỗ trợ; bản factbox này đọc phiên bản {}",
                    crate::spec::FORMAT_VERSION
                )
            } else {
                format!(
                    "format version {found} is not supported; this factbox reads version {}",
                    crate::spec::FORMAT_VERSION
                )
            },
            What::TooFew { min, found } => match (vi, *found) {
                (true, 0) => format!("danh sách trống: cần ít nhất {min} mục"),
                (false, 0) => format!("the list is empty: at least {min} needed"),
                (true, _) => format!("có {found} mục, cần ít nhất {min}"),
                (false, 1) => format!("1 item, at least {min} needed"),
                (false, _) => format!("{found} items, at least {min} needed"),
            },
            What::TooMany { max, found } => if vi {
                format!("có {found} mục, nhiều hơn mức tối đa {max} mà hộp này hiển thị được")
            } else {
                format!("{found} items, more than the {max} this box can show")
            },
            What::EmptyText => if vi {
                "chữ không được để trống"
            } else {
                "this text must not be empty"
            }
            .to_owned(),
            What::FileTooLarge { max, found } => {
                let mb = |b: usize| crate::format::format_fixed(b as f64 / 1_048_576.0, 1, lang);
                if vi {
                    format!(
                        "tệp nặng {} MB, quá mức {} MB mà factbox đọc được: hãy tách các hộp ra nhiều tệp, hoặc bớt số điểm dữ liệu",
                        mb(*found),
                        mb(*max)
                    )
                } else {
                    format!(
                        "the file is {} MB, more than the {} MB factbox reads: split the boxes into several files, or use fewer data points",
                        mb(*found),
                        mb(*max)
                    )
                }
            }
            What::NotAfter { date, earlier } => if vi {
                format!("ngày “{date}” phải sau `from_date` “{earlier}”")
            } else {
                format!("the date “{date}” must be after `from_date` “{earlier}”")
            },
            What::TooLong { max, found } => if vi {
                format!("dài {found} ký tự, tối đa {max}: hãy rút gọn")
            } else {
                format!("{found} characters long, at most {max}: please shorten it")
            },
            What::TooLarge { value } => if vi {
                format!("số {} quá lớn để hiển thị", format_plain(*value))
            } else {
                format!("the number {} is too large to show", format_plain(*value))
            },
            What::Negative { value } => if vi {
                format!("không được là số âm ({})", format_plain(*value))
            } else {
                format!("must not be negative ({})", format_plain(*value))
            },
            What::BadId { id, slug } => match (slug, vi) {
                (Some(slug), true) => format!(
                    "id {} chỉ được gồm chữ cái không dấu, chữ số, `-` và `_`: viết \"{slug}\"",
                    quote(id)
                ),
                (Some(slug), false) => format!(
                    "the id {} may contain only letters a–z, digits, `-` and `_`: write \"{slug}\"",
                    quote(id)
                ),
                (None, true) => format!(
                    "id {} chỉ được gồm chữ cái không dấu, chữ số, `-` và `_`, ví dụ \"tiet-kiem\"",
                    quote(id)
                ),
                (None, false) => format!(
                    "the id {} may contain only letters a–z, digits, `-` and `_`, e.g. \"savings\"",
                    quote(id)
                ),
            },
            What::TooManyDecimals { text, found } => if vi {
                format!(
                    "số {text} có {found} chữ số thập phân, factbox hiển thị tối đa {}: hãy viết số như khi đăng báo (số dài như 0.30000000000000004 thường do bảng tính sinh ra)",
                    crate::format::MAX_WRITTEN_DECIMALS
                )
            } else {
                format!(
                    "{text} has {found} decimal places; factbox shows at most {}: write the number as it is published (a long one such as 0.30000000000000004 usually comes from a spreadsheet)",
                    crate::format::MAX_WRITTEN_DECIMALS
                )
            },
            What::TooManyDigits { text, found } => if vi {
                format!(
                    "số {text} có {found} chữ số có nghĩa; chỉ {} chữ số được hiển thị chính xác: hãy làm tròn",
                    crate::format::MAX_WRITTEN_DIGITS
                )
            } else {
                format!(
                    "{text} has {found} significant digits; only {} can be shown exactly: round it",
                    crate::format::MAX_WRITTEN_DIGITS
                )
            },
            What::ScaleRounds { exact, rounded } => if vi {
                format!(
                    "với `scale` này, số sẽ hiển thị là {exact}: đặt \"decimals\": 2 nếu muốn làm tròn thành {rounded}, hoặc bỏ `scale`"
                )
            } else {
                format!(
                    "with this `scale` the number would show as {exact}: set \"decimals\": 2 to round it to {rounded}, or remove `scale`"
                )
            },
            What::ThousandsPoint { text, whole, shown } => if vi {
                format!(
                    "{text} trong JSON là một số thập phân, sẽ hiển thị là {shown}: nếu ý bạn là {whole} (dấu chấm phân cách hàng nghìn) hãy viết {whole}; nếu đúng là số thập phân, đặt \"decimals\": 3"
                )
            } else {
                format!(
                    "{text} is a decimal number in JSON and would show as {shown}: if you mean {whole} (a point between thousands), write {whole}; if it is a decimal, set \"decimals\": 3"
                )
            },
            What::RankNotWhole { text } => if vi {
                format!("thứ hạng là số nguyên từ 1 trở lên: {text} không phải thứ hạng")
            } else {
                format!("a rank is a whole number from 1: {text} is not one")
            },
            What::RanksAreLowerBetter => if vi {
                "\"ranks\": true nghĩa là số nhỏ hơn thì tốt hơn (hạng 1 là cao nhất): bỏ \"better\": \"higher\""
            } else {
                "\"ranks\": true means lower is better (rank 1 is the best): remove \"better\": \"higher\""
            }
            .to_owned(),
            What::OutOfWithoutRanks => if vi {
                "`out_of` chỉ dùng cho thứ hạng: thêm \"ranks\": true, hoặc bỏ `out_of`"
            } else {
                "`out_of` is for ranks: add \"ranks\": true, or remove `out_of`"
            }
            .to_owned(),
            What::RankChangeStyle { style } => if vi {
                format!(
                    "thay đổi của thứ hạng được tính bằng số bậc, không phải “{style}”: dùng \"show\": \"rank\" (hoặc bỏ `show`)"
                )
            } else {
                format!(
                    "a rank changes by places, not by “{style}”: use \"show\": \"rank\" (or leave `show` out)"
                )
            },
            What::RankStyleNotRanks => if vi {
                "\"show\": \"rank\" so sánh thứ hạng (số nhỏ hơn là tốt hơn), nhưng số liệu này có \"better\": \"higher\": bỏ một trong hai"
            } else {
                "\"show\": \"rank\" compares ranks (lower is better), but this figure has \"better\": \"higher\": remove one of them"
            }
            .to_owned(),
            What::VerticalRanks => if vi {
                "thứ hạng không vẽ thành cột đứng: để thể hiện thứ hạng qua các năm, dùng \"kind\": \"line\" với \"ranks\": true; với một bảng xếp hạng, bỏ `orientation`"
            } else {
                "ranks are not drawn as columns: for ranks over time use \"kind\": \"line\" with \"ranks\": true; for a ranking, leave `orientation` out"
            }
            .to_owned(),
            What::RanksNoMax => if vi {
                "`max` không dùng cho thứ hạng: thang đo chạy từ `out_of` (hoặc hạng lớn nhất) đến hạng 1; dùng `out_of`"
            } else {
                "`max` is not used with ranks: the scale runs from `out_of` (or the largest rank) to 1; use `out_of`"
            }
            .to_owned(),
            What::DeadlineNeedsAsOf => if vi {
                "`target_date` cần `as_of`, ngày của số liệu, để hộp biết hạn chót đã qua hay chưa: thêm ví dụ \"as_of\": \"2024-08\""
            } else {
                "`target_date` needs `as_of`, the date of the value, so that the box can tell whether the deadline had passed: add e.g. \"as_of\": \"2024-08\""
            }
            .to_owned(),
            What::RankChangeDates => if vi {
                "hộp rank-change chỉ so sánh hai thời điểm (`from_date`, `to_date`): với thứ hạng qua nhiều thời điểm, dùng \"kind\": \"line\" với \"ranks\": true, mỗi nước một dãy số (series), mỗi thời điểm một điểm; mỗi hạng là một số (không vẽ được mũi tên từ một khoảng hạng)"
            } else {
                "a rank-change box compares two dates (`from_date`, `to_date`): for ranks at more dates use \"kind\": \"line\" with \"ranks\": true, one series per item and one point per date; each rank is one number (an arrow cannot start or end at a range of ranks)"
            }
            .to_owned(),
            What::SortNeedsDirection { sort } => if vi {
                format!(
                    "{sort} cần biết giá trị nào tốt hơn: thêm \"better\": \"higher\" hoặc \"lower\", hoặc \"ranks\": true"
                )
            } else {
                format!(
                    "{sort} needs to know which values are better: add \"better\": \"higher\" or \"lower\", or \"ranks\": true"
                )
            },
            What::DuplicateId { id } => if vi {
                format!("id “{id}” đã được dùng cho một hộp khác trong tệp; mỗi hộp cần id riêng")
            } else {
                format!("the id “{id}” is already used by another box in this file; each box needs its own")
            },
            What::BadDate { text, written } => match (written, vi) {
                (Some(w), true) => format!(
                    "ngày {} trong JSON viết theo thứ tự năm-tháng-ngày: \"{w}\"",
                    quote(text)
                ),
                (Some(w), false) => format!(
                    "JSON dates are written year-month-day: \"{w}\" for {}",
                    quote(text)
                ),
                (None, true) => format!(
                    "ngày {} không hợp lệ: viết năm-tháng-ngày theo dạng 2024, 2024-08 hoặc 2024-08-31",
                    quote(text)
                ),
                (None, false) => format!(
                    "the date {} is not valid: write it as 2024, 2024-08 or 2024-08-31",
                    quote(text)
                ),
            },
            What::BadDataUrl { text } => if vi {
                format!(
                    "địa chỉ dữ liệu {} phải bắt đầu bằng https:// hoặc là một đường dẫn trên chính trang báo (data/so-lieu.csv): trình duyệt không đọc dữ liệu qua http:// từ một trang https",
                    quote(text)
                )
            } else {
                format!(
                    "the data address {} must start with https:// or be a path on the article's own site (data/figures.csv): browsers do not read data over http:// from an https page",
                    quote(text)
                )
            },
            What::Refresh { found } => {
                let (lo, hi) = (crate::model::REFRESH.start(), crate::model::REFRESH.end());
                if vi {
                    format!("`refresh` là {found} giây: cần từ {lo} đến {hi} giây (một ngày), hoặc bỏ đi để đọc dữ liệu một lần")
                } else {
                    format!("`refresh` is {found} seconds: it must be {lo} to {hi} seconds (a day), or left out to read the data once")
                }
            }
            What::BadUrl { text } => if vi {
                format!("liên kết {} phải bắt đầu bằng https:// hoặc http://", quote(text))
            } else {
                format!("the link {} must start with https:// or http://", quote(text))
            },
            What::UnknownLocale { value, suggestion } => match (suggestion, vi) {
                (Some(s), true) => format!(
                    "không có ngôn ngữ “{value}”: có phải ý bạn là `{s}`? (dùng `vi-VN` hoặc `en`)"
                ),
                (Some(s), false) => format!(
                    "there is no locale “{value}”: did you mean `{s}`? (use `vi-VN` or `en`)"
                ),
                (None, true) => format!("không có ngôn ngữ “{value}”: dùng `vi-VN` hoặc `en`"),
                (None, false) => format!("there is no locale “{value}”: use `vi-VN` or `en`"),
            },
            What::UnknownHighlight { label, suggestion } => match (suggestion, vi) {
                (Some(s), true) => format!(
                    "không có cột nào tên “{label}”: có phải ý bạn là “{s}”?"
                ),
                (Some(s), false) => format!("no bar is labelled “{label}”: did you mean “{s}”?"),
                (None, true) => format!("không có cột nào tên “{label}”"),
                (None, false) => format!("no bar is labelled “{label}”"),
            },
            What::DuplicateLabel { label } => if vi {
                format!("nhãn “{label}” xuất hiện hai lần")
            } else {
                format!("the label “{label}” appears twice")
            },
            What::DuplicateKey { key } => if vi {
                format!("khóa cột `{key}` xuất hiện hai lần: mỗi cột cần một `key` riêng")
            } else {
                format!("the column key `{key}` appears twice: each column needs a `key` of its own")
            },
            What::ReservedKey { key } => if vi {
                format!("`{key}` là trường một hàng dùng để tự đánh dấu: đặt cho cột một `key` khác")
            } else {
                format!("`{key}` is the field a row marks itself with: give the column another `key`")
            },
            What::TextInNumbers { column, text, fix } => match (fix, vi) {
                (Some(fix), true) => format!(
                    "cột “{column}” là cột số: viết {fix} thay cho chữ {} (hoặc null nếu không có số liệu)",
                    quote(text)
                ),
                (Some(fix), false) => format!(
                    "the column “{column}” holds numbers: write {fix} instead of the text {} (or null where there is no figure)",
                    quote(text)
                ),
                (None, true) => format!(
                    "cột “{column}” là cột số: viết một số JSON (không có dấu ngoặc kép), hoặc null nếu không có số liệu; ở đây là chữ {}",
                    quote(text)
                ),
                (None, false) => format!(
                    "the column “{column}” holds numbers: write a JSON number (without quotes), or null where there is no figure; found the text {}",
                    quote(text)
                ),
            },
            What::RanksNoBars => if vi {
                "thanh nhỏ đo độ dài từ 0, còn thứ hạng là vị trí: bỏ `bars` (`heat` dùng được với thứ hạng)"
            } else {
                "mini bars are lengths from zero, and ranks are places: remove `bars` (`heat` works with ranks)"
            }
            .to_owned(),
            What::CompareFromZero => if vi {
                "không thể tính phần trăm hay số lần thay đổi so với giá trị 0: dùng \"show\": \"difference\""
            } else {
                "a percent or ratio change from 0 has no meaning: use \"show\": \"difference\""
            }
            .to_owned(),
            What::BadRange { low, high } if low == high => if vi {
                format!("[{low}, {high}] là một số, không phải một khoảng: viết {low}")
            } else {
                format!("[{low}, {high}] is one number, not a range: write {low}")
            },
            What::BadRange { low, high } => if vi {
                format!("khoảng viết số nhỏ trước: [{high}, {low}] thay cho [{low}, {high}]")
            } else {
                format!("a range is written smaller number first: [{high}, {low}] instead of [{low}, {high}]")
            },
            What::RangeLength { found } => if vi {
                format!("một khoảng là hai số [thấp, cao], như [90, 200]; danh sách này có {found} mục")
            } else {
                format!("a range is two numbers [low, high], such as [90, 200]; this list has {found}")
            },
            What::RangeNotAllowed { reason } => match (reason, vi) {
                (RangeReason::SharePart, true) => "phần của một tổng phải là một số (với một khoảng, không thể kiểm tra tổng các phần): viết một số, và nói khoảng trong `note`".to_owned(),
                (RangeReason::SharePart, false) => "a part of a whole must be one number (with a range the parts' sum cannot be checked): write one number, and give the range in the `note`".to_owned(),
                (RangeReason::Rank, true) => "thứ hạng là một số: viết một hạng, và nói khoảng trong `note`".to_owned(),
                (RangeReason::Rank, false) => "a rank is one number: write one rank, and give the range in the `note`".to_owned(),
                (RangeReason::Compare, true) => "thay đổi từ hoặc đến một khoảng không phải một số: bỏ `compare`, hoặc viết giá trị bằng một số; thay đổi có thể nói trong `label`".to_owned(),
                (RangeReason::Compare, false) => "a change from or to a range is not one number: remove `compare`, or give one number; the change can be said in the `label`".to_owned(),
                (RangeReason::Fixed, true) => "giá trị này là một số (một đường được vẽ tại đó): viết một số".to_owned(),
                (RangeReason::Fixed, false) => "this value is one number (a line is drawn at it): write one number".to_owned(),
            },
            What::ValueAsText { text, fix } => match (fix, vi) {
                (Some(fix), true) => format!("viết giá trị bằng JSON: {fix} thay cho chữ \"{text}\""),
                (Some(fix), false) => format!("write the value as JSON: {fix} instead of the text \"{text}\""),
                (None, true) => format!("cần một số JSON (không có dấu ngoặc kép) hoặc một khoảng [thấp, cao], nhưng ở đây là chữ \"{text}\""),
                (None, false) => format!("expected a JSON number (without quotes) or a range [low, high], found the text \"{text}\""),
            },
            What::More { count } => if vi {
                format!("và {count} lỗi nữa: sửa các lỗi trên rồi kiểm tra lại")
            } else if *count == 1 {
                "and 1 more problem: fix the ones above and check again".to_owned()
            } else {
                format!("and {count} more problems: fix the ones above and check again")
            },
            What::RankZero => if vi {
                "thứ hạng bắt đầu từ 1: không có hạng 0"
            } else {
                "ranks start at 1: there is no rank 0"
            }
            .to_owned(),
            What::RankOutOf { rank, out_of } => if vi {
                format!("hạng {rank} lớn hơn tổng số {out_of} trong `out_of`")
            } else {
                format!("rank {rank} is larger than the {out_of} in `out_of`")
            },
            What::DuplicateDate { date } => if vi {
                format!("ngày {} xuất hiện hai lần trong cùng một dãy số", quote(date))
            } else {
                format!("the date {} appears twice in one series", quote(date))
            },
            What::NoSuchPoint { date } => if vi {
                format!("không có điểm nào vào ngày {} để gắn ghi chú", quote(date))
            } else {
                format!("there is no point dated {} to attach this note to", quote(date))
            },
            What::UnknownSeries { name, suggestion } => match (suggestion, vi) {
                (Some(s), true) => format!("không có dãy số “{name}”: có phải ý bạn là “{s}”?"),
                (Some(s), false) => format!("there is no series “{name}”: did you mean “{s}”?"),
                (None, true) => format!("không có dãy số “{name}”"),
                (None, false) => format!("there is no series “{name}”"),
            },
            What::PartsExceedTotal { sum, total } => if vi {
                format!(
                    "các phần cộng lại được {}, lớn hơn tổng {}: kiểm tra lại số liệu",
                    format_plain(*sum),
                    format_plain(*total)
                )
            } else {
                format!(
                    "the parts add up to {}, more than the total {}: check the figures",
                    format_plain(*sum),
                    format_plain(*total)
                )
            },
            What::OutOfScale { value, max } => if vi {
                format!("{} nằm ngoài thang đo từ 0 đến {}", format_plain(*value), format_plain(*max))
            } else {
                format!("{} is outside the scale from 0 to {}", format_plain(*value), format_plain(*max))
            },
            What::NotPositive { value } => if vi {
                format!("phải lớn hơn 0 ({})", format_plain(*value))
            } else {
                format!("must be more than 0 ({})", format_plain(*value))
            },
            What::NoSuchBox {
                id,
                suggestion,
                available,
            } => {
                let list = available
                    .iter()
                    .map(|a| format!("#{a}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                match (suggestion, vi) {
                    (Some(s), true) => format!(
                        "tệp không có hộp nào với id “{id}”: có phải ý bạn là #{s}? (các hộp trong tệp: {list})"
                    ),
                    (Some(s), false) => format!(
                        "the file has no box with id “{id}”: did you mean #{s}? (boxes in the file: {list})"
                    ),
                    (None, true) => {
                        format!("tệp không có hộp nào với id “{id}”; các hộp trong tệp: {list}")
                    }
                    (None, false) => {
                        format!("the file has no box with id “{id}”; the boxes in the file are {list}")
                    }
                }
            }
            What::Http { status, url } => match (*status, vi) {
                (404, true) => format!("không tìm thấy tệp dữ liệu (lỗi 404): {url} — kiểm tra lại địa chỉ"),
                (404, false) => format!("the data file was not found (error 404): {url} — check the address"),
                (s, true) => format!("máy chủ trả lỗi {s} khi tải {url}"),
                (s, false) => format!("the server answered with error {s} for {url}"),
            },
            What::Network { url } => if vi {
                format!(
                    "không tải được {url}: mất kết nối mạng, hoặc máy chủ không cho phép trang này đọc tệp (CORS)"
                )
            } else {
                format!(
                    "could not load {url}: the network failed, or the server does not let this page read the file (CORS)"
                )
            },
            What::NotJson { url } => if vi {
                format!(
                    "địa chỉ {url} trả về một trang web (HTML), không phải tệp JSON — kiểm tra lại địa chỉ"
                )
            } else {
                format!("{url} returned a web page (HTML), not a JSON file — check the address")
            },
            What::Timeout { url, seconds } => if vi {
                format!("tải {url} quá {seconds} giây mà chưa xong")
            } else {
                format!("loading {url} took more than {seconds} seconds")
            },
            What::NoData => if vi {
                "phần tử data-factbox cần địa chỉ tệp JSON, hoặc một thẻ <script type=\"application/json\"> bên trong"
            } else {
                "a data-factbox element needs the address of a JSON file, or a <script type=\"application/json\"> inside it"
            }
            .to_owned(),
            What::Internal { detail } => if vi {
                format!("lỗi nội bộ của factbox ({detail})")
            } else {
                format!("internal factbox error ({detail})")
            },
        }
    }
}

/// The line of `text` at `at`, shortened around the column, and a caret under the
/// column: what an editor would show. `None` if the position is outside the text.
pub fn excerpt(text: &str, at: Position) -> Option<String> {
    const WIDTH: usize = 60;
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = at.column.saturating_sub(1).min(chars.len());
    let start = col.saturating_sub(WIDTH / 2);
    let end = (start + WIDTH).min(chars.len());
    let mut shown: String = chars.get(start..end)?.iter().collect();
    let mut caret = col - start;
    if start > 0 {
        shown.insert(0, '…');
        caret += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    Some(format!("{shown}\n{}^", " ".repeat(caret)))
}
