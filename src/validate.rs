//! From parsed [`spec`](crate::spec) structs to the validated [`model`](crate::model),
//! collecting every problem of a box rather than stopping at the first.
//!
//! [`load`] is the crate's front door: JSON text in, validated boxes (or, per box, the
//! list of what is wrong with it) out. Problems at document level (syntax, version,
//! defaults) fail every box; a problem inside one box fails only that box.

use crate::error::{Problem, RangeReason, What};
use crate::format::{
    Lang, MAX_WRITTEN_DECIMALS, MAX_WRITTEN_DIGITS, Num, NumberFormat, PartialDate, Value,
};
use crate::model::{
    BarChart, BarItem, Body, Comparison, Deadline, FIGURES_RANGE, FactBox, Figure, LineAnnotation,
    LineChart, LinePoint, LineSeries, MAX_ABS_VALUE, MAX_BARS, MAX_POINTS, MAX_RANK_ITEMS,
    MAX_SERIES, Measure, ProgressChart, RankChart, RankRow, ReferenceLine, SHARE_RANGE, ShareChart,
    SharePart, SourceLink, TABLE_COLUMNS, TABLE_PAGE, TABLE_ROWS, Table, TableCell, TableColumn,
    TableRow, NumberColumn, limits, LiveData, REFRESH,
};
use crate::parse::{self, BoxSpec, KindSpec, RawDocument};
use crate::path::{JsonPath, Lazy, Where};
use crate::spec::{
    self, Amount, Better, BillionWord, ChangeStyle, Orientation, RankSort, Scale, ShareDisplay,
    SortOrder, Status,
};
use crate::suggest::nearest;

/// A value's fix (`"value": 78.5, "unit": "%"`, see [`crate::json::value_fix`]) as a
/// table cell writes it: the unit and the sign are the column's, so a cell is its number
/// alone (`78.5`), or an object when it has its own status or qualifier.
fn cell_fix(fix: &str) -> String {
    let kept: Vec<&str> = fix
        .split(", \"")
        .filter(|part| {
            let name = part.trim_start_matches('"');
            !name.starts_with("unit\"") && !name.starts_with("signed\"")
        })
        .collect();
    let fields = kept.join(", \"");
    match fields.strip_prefix("\"value\": ") {
        Some(value) if kept.len() == 1 => value.to_owned(),
        _ => format!("{{{fields}}}"),
    }
}

/// A table row's name: its first cell as text (a number as written).
fn row_label(row: &TableRow, columns: &[TableColumn]) -> String {
    match row.cells.first() {
        Some(TableCell::Text(t)) => t.clone(),
        Some(TableCell::Value { value, .. }) => match columns.first().and_then(|c| c.numbers.as_ref()) {
            Some(n) => n.format.value_number(*value, Lang::En),
            None => value.low().plain(),
        },
        _ => String::new(),
    }
}

/// `s` without white space at either end, as `str::trim`, which is called for every key
/// and text of a table's rows: when both ends are ASCII letters or signs (nearly always),
/// there is nothing to trim and no character to decode.
fn trimmed(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Which column each key of a table's rows names (`None`: none), found once per distinct
/// key, not once per cell: the key as written, trimmed, against the columns' keys (a key
/// two columns share, which is refused, is the first one's).
struct KeyColumns<'k> {
    indexed: Vec<Option<usize>>,
    columns: &'k [&'k str],
}

impl<'k> KeyColumns<'k> {
    fn new(rows: &spec::TableRows, columns: &'k [&'k str]) -> KeyColumns<'k> {
        let indexed = rows.keys.iter().map(|k| Self::find(columns, k)).collect();
        KeyColumns { indexed, columns }
    }

    fn find(columns: &[&str], key: &str) -> Option<usize> {
        let key = trimmed(key);
        columns.iter().position(|c| *c == key)
    }

    /// Which of `n` columns a cell of `rows` gives a number in. Its own function, as
    /// [`Validator::table_rows`] is.
    #[inline(never)]
    fn valued(&self, rows: &[spec::TableRow], n: usize) -> Vec<bool> {
        let mut valued = vec![false; n];
        for (key, cell) in rows.iter().flat_map(|r| &r.cells) {
            if let (spec::Cell::Value { .. }, Some(v)) = (cell, self.of(key).and_then(|c| valued.get_mut(c))) {
                *v = true;
            }
        }
        valued
    }

    fn of(&self, key: &spec::RowKey) -> Option<usize> {
        match key {
            spec::RowKey::Index(i) => self.indexed.get(usize::from(*i)).copied().flatten(),
            spec::RowKey::Text(key) => Self::find(self.columns, key),
        }
    }
}

/// Why a box (or a whole document) cannot be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The language to write the problems in.
    pub lang: Lang,
    /// The failed box's id, when it is known.
    pub id: Option<String>,
    /// Everything wrong, at least one problem.
    pub problems: Vec<Problem>,
}

impl Failure {
    fn one(lang: Lang, problem: Problem) -> Failure {
        Failure {
            lang,
            id: None,
            problems: vec![problem],
        }
    }

    /// Every problem, written out in the failure's language.
    pub fn messages(&self) -> Vec<String> {
        self.problems.iter().map(|p| p.message(self.lang)).collect()
    }
}

/// The boxes of a document, each shown or failed on its own.
pub type Loaded = Result<Vec<Result<FactBox, Failure>>, Failure>;

/// Parses and validates `text`. With `pick`, only the box with that id (an embed's
/// `#id`); otherwise every box. `fallback` is the language for problems found before
/// the document's own `locale` is known (usually the page's language).
pub fn load(text: &str, pick: Option<&str>, fallback: Lang) -> Loaded {
    place(text, read(text, pick, fallback))
}

/// The numbers of a value with the paths they are written at, for checks of each number
/// as printed: one, or a range's two ends.
fn ends(v: Value, path: &JsonPath) -> Vec<(Num, JsonPath)> {
    if v.is_range() {
        vec![(v.low(), path.index(0)), (v.high(), path.index(1))]
    } else {
        vec![(v.low(), path.clone())]
    }
}

/// Gives each problem found after reading (a value that is read well but wrong, with its
/// path only) the line and column where that value stands, as syntax errors have: editors
/// and `FactboxError.problems` then point at it. The text is read again only when
/// something is wrong.
fn place(text: &str, loaded: Loaded) -> Loaded {
    let unplaced = |f: &Failure| {
        f.problems
            .iter()
            .any(|p| p.at.is_none() && !p.path.is_empty())
    };
    let wanted = match &loaded {
        Ok(boxes) => boxes.iter().any(|b| b.as_ref().err().is_some_and(unplaced)),
        Err(f) => unplaced(f),
    };
    // Only the editors' engine places problems: the readers' wasm only says that a box
    // failed, and the box is then shown again by the editors' (see `crate::web`).
    if !wanted || !cfg!(feature = "editor") {
        return loaded;
    }
    let Ok(root) = crate::json::parse(text) else {
        return loaded;
    };
    // Every problem's offset first, then their lines and columns in one pass.
    let fill = |mut f: Failure| {
        let wanted: Vec<(usize, usize)> = f
            .problems
            .iter()
            .enumerate()
            .filter(|(_, p)| p.at.is_none() && !p.path.is_empty())
            .filter_map(|(i, p)| Some((i, parse::offset_of(&root, &p.path)?)))
            .collect();
        let offsets: Vec<usize> = wanted.iter().map(|&(_, o)| o).collect();
        for (&(i, _), at) in wanted.iter().zip(parse::positions_of(text, &offsets)) {
            if let Some(p) = f.problems.get_mut(i) {
                p.at = Some(at);
            }
        }
        f
    };
    match loaded {
        Ok(boxes) => Ok(boxes.into_iter().map(|b| b.map_err(fill)).collect()),
        Err(f) => Err(fill(f)),
    }
}

fn read(text: &str, pick: Option<&str>, fallback: Lang) -> Loaded {
    let raw = parse::document(text).map_err(|p| Failure::one(fallback, p))?;

    let mut doc_problems = Vec::new();
    let lang = match raw.locale.as_deref() {
        None => fallback,
        Some(code) => match Lang::from_code(code) {
            Some(lang) => lang,
            None => {
                doc_problems.push(locale_problem(&JsonPath::root().field("locale"), code));
                fallback
            }
        },
    };
    let defaults = Footer::from_spec(
        &raw.defaults,
        &JsonPath::root().field("defaults"),
        &mut doc_problems,
    );
    if !doc_problems.is_empty() {
        return Err(Failure {
            lang,
            id: None,
            problems: doc_problems,
        });
    }
    if raw.boxes.is_empty() {
        return Err(Failure::one(
            lang,
            Problem::at_path("boxes", What::TooFew { min: 1, found: 0 }),
        ));
    }

    let ids: Vec<Option<String>> = raw.boxes.iter().map(RawDocument::id_of).collect();
    let chosen: Vec<usize> = match pick {
        None => (0..raw.boxes.len()).collect(),
        Some(want) => {
            let hits: Vec<usize> = (0..ids.len())
                .filter(|&i| ids.get(i).and_then(Option::as_deref) == Some(want))
                .collect();
            if hits.is_empty() {
                let available: Vec<String> = ids.iter().flatten().cloned().collect();
                return Err(Failure::one(
                    lang,
                    Problem::whole(What::NoSuchBox {
                        // A suggestion must itself work: never an invalid id.
                        suggestion: nearest(
                            want,
                            available
                                .iter()
                                .map(String::as_str)
                                .filter(|id| crate::suggest::valid_id(id)),
                        )
                        .map(str::to_owned),
                        id: want.to_owned(),
                        available,
                    }),
                ));
            }
            hits
        }
    };

    // A repeated id is the second box's fault: the first one keeps working. (A box without
    // an id has its own message; "" never equals a real id.)
    let repeated = {
        let texts: Vec<&str> = ids.iter().map(|id| id.as_deref().unwrap_or("")).collect();
        let mut flags = vec![false; ids.len()];
        for i in crate::sort::duplicates(&texts) {
            if let (Some(flag), Some(Some(_))) = (flags.get_mut(i), ids.get(i)) {
                *flag = true;
            }
        }
        flags
    };
    let boxes = chosen
        .into_iter()
        .map(|i| {
            let id = ids.get(i).cloned().flatten();
            let mut problems = Vec::new();
            if let (Some(id), Some(true)) = (&id, repeated.get(i)) {
                problems.push(Problem::at_path(
                    JsonPath::root().field("boxes").index(i).field("id"),
                    What::DuplicateId { id: id.clone() },
                ));
            }
            let result = match raw.parse_box(i) {
                Err(mut found) => {
                    problems.append(&mut found);
                    Err(problems)
                }
                Ok(spec) => {
                    let mut v = Validator {
                        problems,
                        at: JsonPath::root().field("boxes").index(i),
                        billion: raw.billion_word,
                        lang,
                    };
                    let built = v.fact_box(&spec, lang, &defaults);
                    problems = v.problems;
                    if problems.is_empty() {
                        Ok(built)
                    } else {
                        Err(problems)
                    }
                }
            };
            result.map_err(|problems| Failure {
                lang,
                id: id.clone(),
                problems: crate::error::bounded(problems),
            })
        })
        .collect();
    Ok(boxes)
}

fn locale_problem(path: &JsonPath, code: &str) -> Problem {
    Problem::at_path(
        path.as_str(),
        What::UnknownLocale {
            suggestion: nearest(code, Lang::codes()).map(str::to_owned),
            value: code.to_owned(),
        },
    )
}

/// The footer fields shared by the document's defaults and each box.
#[derive(Debug, Clone, Default)]
struct Footer {
    source: Option<SourceLink>,
    byline: Option<String>,
    as_of: Option<PartialDate>,
}

impl Footer {
    fn from_spec(spec: &spec::Defaults, path: &JsonPath, problems: &mut Vec<Problem>) -> Footer {
        let mut v = Validator {
            problems: Vec::new(),
            at: path.clone(),
            billion: BillionWord::Ti,
            lang: Lang::Vi,
        };
        let footer = Footer {
            source: spec
                .source
                .as_ref()
                .and_then(|s| v.source(s, &path.field("source"))),
            byline: v.opt_text(
                spec.byline.as_deref(),
                &path.field("byline"),
                limits::BYLINE,
            ),
            as_of: spec
                .as_of
                .as_deref()
                .and_then(|d| v.date(d, &path.field("as_of"))),
        };
        problems.append(&mut v.problems);
        footer
    }
}

/// Collects problems while building model values, each at its JSON path.
struct Validator {
    problems: Vec<Problem>,
    /// Where the value being checked stands: `boxes[2]`, or `defaults`.
    at: JsonPath,
    /// The document's spelling of "tỉ", given to every number format.
    billion: BillionWord,
    /// The box's language: numbers are checked for how its readers will read them.
    lang: Lang,
}

impl Validator {
    fn push(&mut self, path: &dyn Where, what: What) {
        self.problems.push(Problem::at_path(path.path(), what));
    }

    /// A required text: trimmed, non-empty, at most `max` characters.
    fn text(&mut self, text: &str, path: &dyn Where, max: usize) -> String {
        let trimmed = trimmed(text);
        let len = trimmed.chars().count();
        if len == 0 {
            self.push(path, What::EmptyText);
        } else if len > max {
            self.push(path, What::TooLong { max, found: len });
        }
        trimmed.to_owned()
    }

    /// An optional text: absent or blank means none.
    fn opt_text(&mut self, text: Option<&str>, path: &dyn Where, max: usize) -> Option<String> {
        let t = trimmed(text?);
        if t.is_empty() {
            return None;
        }
        Some(self.text(t, path, max))
    }

    fn value(&mut self, value: f64, path: &dyn Where) -> f64 {
        if !value.is_finite() || value.abs() > MAX_ABS_VALUE {
            self.push(path, What::TooLarge { value });
            return 0.0;
        }
        value
    }

    /// A number as written: within range, with at most [`MAX_WRITTEN_DECIMALS`] places and
    /// [`MAX_WRITTEN_DIGITS`] significant digits, so that it can be printed as written.
    fn num(&mut self, n: &spec::Number, path: &dyn Where) -> Num {
        let value = self.value(n.value, path);
        let text = || {
            n.raw
                .clone()
                .unwrap_or_else(|| crate::format::format_plain(n.value))
        };
        if n.decimals > u32::from(MAX_WRITTEN_DECIMALS) {
            self.push(
                path,
                What::TooManyDecimals {
                    text: text(),
                    found: n.decimals,
                },
            );
        } else if n.digits > MAX_WRITTEN_DIGITS {
            self.push(
                path,
                What::TooManyDigits {
                    text: text(),
                    found: n.digits,
                },
            );
        }
        Num::written(
            value,
            u8::try_from(n.decimals).unwrap_or(MAX_WRITTEN_DECIMALS),
        )
    }

    /// A value a reader sees: one number or a range whose ends are in order, with its
    /// status. A reversed or empty range is refused, naming both numbers.
    fn amount(&mut self, a: &Amount, status: Option<Status>, path: &dyn Where) -> Value {
        let value = match a {
            Amount::One(n) => Value::one(self.num(n, path)),
            Amount::Range(l, h) => {
                let low = self.num(l, &Lazy::Index(path, 0));
                let high = self.num(h, &Lazy::Index(path, 1));
                Value::range(low, high).unwrap_or_else(|| {
                    self.push(
                        path,
                        What::BadRange {
                            low: low.plain(),
                            high: high.plain(),
                        },
                    );
                    Value::one(low)
                })
            }
        };
        value.with(status)
    }

    /// A value that must be one number; a range is refused, saying why.
    fn single(&mut self, a: &Amount, path: &dyn Where, reason: RangeReason) -> Num {
        match a {
            Amount::One(n) => self.num(n, path),
            Amount::Range(l, _) => {
                self.push(path, What::RangeNotAllowed { reason });
                self.num(l, &Lazy::Index(path, 0))
            }
        }
    }

    /// A value of a chart of ranks is one whole rank (see [`Validator::rank_num`]).
    fn rank_value(&mut self, v: Value, measure: Measure, path: &dyn Where) {
        if !measure.is_ranks() {
            return;
        }
        if v.is_range() {
            self.push(
                path,
                What::RangeNotAllowed {
                    reason: RangeReason::Rank,
                },
            );
        } else {
            self.rank_num(v.low(), measure, path);
        }
    }

    /// Checks that each number will print as written with `format`: a scale word that
    /// would need more than two places, or (in a Vietnamese box) a number such as `4.543`
    /// whose point a journalist typed as a thousands separator, is refused with the fix.
    fn printable(&mut self, format: &NumberFormat, values: &[(Num, JsonPath)]) {
        for (n, path) in values {
            self.printable_num(format, *n, path);
        }
    }

    /// [`Validator::printable`] for one number.
    fn printable_num(&mut self, format: &NumberFormat, n: Num, path: &dyn Where) {
        if let Some(places) = format.scale_rounds(n) {
            let exact = NumberFormat {
                decimals: Some(places),
                unit: None,
                ..format.clone()
            };
            let rounded = NumberFormat {
                decimals: Some(crate::format::SCALED_DECIMALS),
                unit: None,
                ..format.clone()
            };
            self.push(
                path,
                What::ScaleRounds {
                    exact: exact.number(n, self.lang),
                    rounded: rounded.number(n, self.lang),
                },
            );
        }
        let v = n.value().abs();
        if self.lang == Lang::Vi
            && format.decimals.is_none()
            && n.decimals() == 3
            && (1.0..1000.0).contains(&v)
        {
            self.push(
                path,
                What::ThousandsPoint {
                    text: n.plain(),
                    whole: crate::format::format_plain((n.value() * 1000.0).round()),
                    shown: format.number(n, self.lang),
                },
            );
        }
    }

    /// What the values of a chart are: ranks (`ranks: true`, always lower-is-better, out
    /// of `out_of`), or values with the direction `better`, if any.
    fn measure(
        &mut self,
        better: Option<Better>,
        ranks: Option<bool>,
        out_of: Option<u32>,
        default_better: Option<Better>,
    ) -> Measure {
        if out_of == Some(0) {
            self.push(&self.at.field("out_of"), What::NotPositive { value: 0.0 });
        }
        if ranks == Some(true) {
            if better == Some(Better::Higher) {
                self.push(&self.at.field("better"), What::RanksAreLowerBetter);
            }
            Measure::ranks(out_of.filter(|&n| n > 0))
        } else {
            if out_of.is_some() {
                self.push(&self.at.field("out_of"), What::OutOfWithoutRanks);
            }
            Measure::values(better.or(default_better))
        }
    }

    /// A rank of a chart of ranks: a whole number from 1, at most `out_of`.
    fn rank_num(&mut self, n: Num, measure: Measure, path: &dyn Where) {
        if !measure.is_ranks() {
            return;
        }
        let v = n.value();
        if v.fract() != 0.0 || n.decimals() > 0 {
            self.push(path, What::RankNotWhole { text: n.plain() });
        } else if v < 1.0 {
            self.push(path, What::RankZero);
        } else if let Some(total) = measure.out_of().filter(|&t| v > f64::from(t)) {
            self.push(
                path,
                What::RankOutOf {
                    rank: u32::try_from(v as i64).unwrap_or(u32::MAX),
                    out_of: total,
                },
            );
        }
    }

    fn date(&mut self, text: &str, path: &dyn Where) -> Option<PartialDate> {
        let date = PartialDate::parse(text.trim());
        if date.is_none() {
            self.push(
                path,
                What::BadDate {
                    text: text.to_owned(),
                    written: PartialDate::from_day_month_year(text.trim()).map(|d| d.iso()),
                },
            );
        }
        date
    }

    fn url(&mut self, text: &str, path: &JsonPath) -> Option<String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let has_host = |rest: &str| {
            rest.split(['/', '?', '#'])
                .next()
                .is_some_and(|h| !h.is_empty())
        };
        let ok = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .is_some_and(has_host)
            && !t.chars().any(char::is_whitespace);
        if !ok {
            self.push(path, What::BadUrl { text: t.to_owned() });
            return None;
        }
        if t.chars().count() > limits::URL {
            self.push(
                path,
                What::TooLong {
                    max: limits::URL,
                    found: t.chars().count(),
                },
            );
        }
        Some(t.to_owned())
    }

    fn source(&mut self, spec: &spec::Source, path: &JsonPath) -> Option<SourceLink> {
        let text = self.text(&spec.text, &path.field("text"), limits::SOURCE);
        let url = spec
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .and_then(|u| self.url(u, &path.field("url")));
        Some(SourceLink { text, url })
    }

    fn id(&mut self, id: &str) -> String {
        if !crate::suggest::valid_id(id) {
            self.push(
                &self.at.field("id"),
                What::BadId {
                    id: id.to_owned(),
                    slug: crate::suggest::slug(id),
                },
            );
        }
        id.to_owned()
    }

    fn number_format(
        &mut self,
        unit: Option<&str>,
        decimals: Option<u8>,
        scale: Option<Scale>,
        path: &JsonPath,
    ) -> NumberFormat {
        let unit_path = path.field("unit");
        let decimals_path = path.field("decimals");
        if let Some(d) = decimals {
            if d > 6 {
                self.push(
                    &decimals_path,
                    What::TooLarge {
                        value: f64::from(d),
                    },
                );
            }
        }
        NumberFormat {
            decimals: decimals.map(|d| d.min(6)),
            scale: scale.unwrap_or(Scale::None),
            unit: self.opt_text(unit, &unit_path, limits::UNIT),
            billion: self.billion,
        }
    }

    // A kind's token is `()` in a build that draws it (see `crate::kinds`).
    #[allow(clippy::unit_arg)]
    fn fact_box(&mut self, spec: &BoxSpec, doc_lang: Lang, defaults: &Footer) -> FactBox {
        let c = spec.common();
        let lang = match c.locale {
            None => doc_lang,
            Some(code) => Lang::from_code(code).unwrap_or_else(|| {
                let p = locale_problem(&self.at.field("locale"), code);
                self.problems.push(p);
                doc_lang
            }),
        };
        let id = self.id(c.id);
        let title = self.text(c.title, &self.at.field("title"), limits::TITLE);
        let subtitle = self.opt_text(c.subtitle, &self.at.field("subtitle"), limits::SUBTITLE);
        let note = self.opt_text(c.note, &self.at.field("note"), limits::NOTE);
        let alt = self.opt_text(c.alt, &self.at.field("alt"), limits::ALT);
        let source = match c.source {
            Some(s) => self.source(s, &self.at.field("source")),
            None => defaults.source.clone(),
        };
        let byline = self
            .opt_text(c.byline, &self.at.field("byline"), limits::BYLINE)
            .or_else(|| defaults.byline.clone());
        let as_of = match c.as_of {
            Some(d) => self.date(d, &self.at.field("as_of")),
            None => defaults.as_of,
        };
        let data = c.data.and_then(|d| self.live_data(d, &self.at.field("data")));
        // Each kind's checks are a function of its own, never inlined here (see
        // `Validator::table_rows`): a kind's loop over its items makes only that kind's
        // function hot enough for the browser to optimise, not every kind's at once.
        let body = match &spec.body {
            KindSpec::Figures(b, k) => Body::Figures(self.figures(b), *k),
            KindSpec::Bar(b, k) => Body::Bar(self.bar_chart(b, *k)),
            KindSpec::RankChange(b, k) => Body::RankChange(self.rank_chart(b, *k)),
            KindSpec::Line(b, k) => Body::Line(self.line_chart(b, *k)),
            KindSpec::Share(b, k) => Body::Share(self.share_chart(b, *k)),
            KindSpec::Progress(b, k) => Body::Progress(self.progress_chart(b, as_of, *k)),
            KindSpec::Table(b, k) => Body::Table(self.table(b, *k)),
        };
        FactBox {
            id,
            lang,
            title,
            subtitle,
            note,
            alt,
            source,
            byline,
            as_of,
            data,
            body,
        }
    }

    /// A live data source: an `https://` address or a path on the article's site (never
    /// `http://`, which an https page may not read, nor another scheme), and a refresh
    /// within [`REFRESH`].
    fn live_data(&mut self, d: &spec::DataSource, path: &JsonPath) -> Option<LiveData> {
        let url = d.url.trim();
        let lower = url.to_ascii_lowercase();
        let scheme = lower.split_once(':').filter(|(s, _)| s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)));
        let ok = !url.is_empty()
            && !url.chars().any(char::is_whitespace)
            && !lower.starts_with("//")
            && match scheme {
                Some(("https", rest)) => rest.strip_prefix("//").is_some_and(|r| !r.starts_with('/') && !r.is_empty()),
                Some(_) => false,
                None => true,
            };
        let url_path = path.field("url");
        if !ok {
            self.push(&url_path, What::BadDataUrl { text: url.to_owned() });
        } else if url.chars().count() > limits::URL {
            self.push(&url_path, What::TooLong { max: limits::URL, found: url.chars().count() });
        }
        if let Some(r) = d.refresh.filter(|r| !REFRESH.contains(r)) {
            self.push(&path.field("refresh"), What::Refresh { found: r });
        }
        ok.then(|| LiveData { url: url.to_owned(), refresh: d.refresh })
    }

    #[inline(never)]
    fn figures(&mut self, spec: &spec::FiguresBox) -> Vec<Figure> {
        let specs = &spec.figures;
        let n = specs.len();
        if n < *FIGURES_RANGE.start() {
            self.push(
                &self.at.field("figures"),
                What::TooFew {
                    min: *FIGURES_RANGE.start(),
                    found: n,
                },
            );
        } else if n > *FIGURES_RANGE.end() {
            self.push(
                &self.at.field("figures"),
                What::TooMany {
                    max: *FIGURES_RANGE.end(),
                    found: n,
                },
            );
        }
        // The box's direction, checked once; each figure may say its own.
        let boxed = self.measure(spec.better, spec.ranks, spec.out_of, None);
        specs
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let at = self.at.field("figures").index(i);
                let value = self.amount(&f.value, f.status, &at.field("value"));
                let own = f.better.is_some() || f.rank.is_some() || f.out_of.is_some();
                let mut measure = if own {
                    // The figure's own fields are checked at the figure's path.
                    let before = std::mem::replace(&mut self.at, at.clone());
                    let m = self.measure(
                        f.better.or(if f.rank.is_none() {
                            boxed.better()
                        } else {
                            None
                        }),
                        f.rank.or(boxed.is_ranks().then_some(true)),
                        f.out_of.or(boxed.out_of()),
                        None,
                    );
                    self.at = before;
                    m
                } else {
                    boxed
                };
                let show_path = at.field("compare").field("show");
                // `show: rank` says the figure is a rank; `ranks` says its change is in
                // places. The two must agree.
                if let Some(c) = &f.compare {
                    match (measure.is_ranks(), c.show) {
                        (
                            true,
                            Some(
                                style @ (ChangeStyle::Difference
                                | ChangeStyle::Percent
                                | ChangeStyle::Ratio),
                            ),
                        ) => {
                            let style = match style {
                                ChangeStyle::Difference => "difference",
                                ChangeStyle::Percent => "percent",
                                _ => "ratio",
                            };
                            self.push(
                                &show_path,
                                What::RankChangeStyle {
                                    style: style.to_owned(),
                                },
                            );
                        }
                        (false, Some(ChangeStyle::Rank)) => {
                            if measure.better() == Some(Better::Higher) {
                                self.push(&show_path, What::RankStyleNotRanks);
                            } else {
                                measure = Measure::ranks(measure.out_of());
                            }
                        }
                        _ => {}
                    }
                }
                self.rank_value(value, measure, &at.field("value"));
                if value.is_range() && f.compare.is_some() {
                    self.push(
                        &at.field("compare"),
                        What::RangeNotAllowed {
                            reason: RangeReason::Compare,
                        },
                    );
                }
                let compare = f.compare.as_ref().map(|c| {
                    let style = match c.show {
                        Some(style) => style,
                        None if measure.is_ranks() => ChangeStyle::Rank,
                        None => ChangeStyle::Difference,
                    };
                    let cvalue = self.single(
                        &c.value,
                        &at.field("compare").field("value"),
                        RangeReason::Compare,
                    );
                    self.rank_num(cvalue, measure, &at.field("compare").field("value"));
                    if cvalue.value() == 0.0
                        && matches!(style, ChangeStyle::Percent | ChangeStyle::Ratio)
                    {
                        self.push(&show_path, What::CompareFromZero);
                    }
                    Comparison {
                        value: cvalue,
                        status: c.status,
                        qualifier: self.opt_text(
                            c.qualifier.as_deref(),
                            &at.field("compare").field("qualifier"),
                            limits::QUALIFIER,
                        ),
                        date: c
                            .date
                            .as_deref()
                            .and_then(|d| self.date(d, &at.field("compare").field("date"))),
                        style,
                    }
                });
                let format = self.number_format(f.unit.as_deref(), f.decimals, f.scale, &at);
                if !measure.is_ranks() {
                    let mut values = ends(value, &at.field("value"));
                    if let Some(c) = &compare {
                        values.push((c.value, at.field("compare").field("value")));
                    }
                    self.printable(&format, &values);
                }
                Figure {
                    value,
                    signed: f.signed == Some(true),
                    qualifier: self.opt_text(
                        f.qualifier.as_deref(),
                        &at.field("qualifier"),
                        limits::QUALIFIER,
                    ),
                    label: self.text(&f.label, &at.field("label"), limits::LABEL),
                    format,
                    compare,
                    measure,
                }
            })
            .collect()
    }

    #[inline(never)]
    fn bar_chart(&mut self, spec: &spec::BarBox, kind: crate::kinds::Bar) -> BarChart {
        let n = spec.bars.len();
        if n == 0 {
            self.push(&self.at.field("bars"), What::TooFew { min: 1, found: 0 });
        } else if n > MAX_BARS {
            self.push(
                &self.at.field("bars"),
                What::TooMany {
                    max: MAX_BARS,
                    found: n,
                },
            );
        }
        let measure = self.measure(spec.better, spec.ranks, spec.out_of, None);
        let vertical = spec.orientation == Some(Orientation::Vertical);
        if vertical && measure.is_ranks() {
            self.push(&self.at.field("orientation"), What::VerticalRanks);
        }
        let mut bars: Vec<BarItem> = spec
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let path = self.at.field("bars").index(i).field("value");
                let value = self.amount(&b.value, b.status, &path);
                self.rank_value(value, measure, &path);
                BarItem {
                    label: self.text(
                        &b.label,
                        &self.at.field("bars").index(i).field("label"),
                        limits::BAR_LABEL,
                    ),
                    value,
                    qualifier: self.opt_text(
                        b.qualifier.as_deref(),
                        &self.at.field("bars").index(i).field("qualifier"),
                        limits::QUALIFIER,
                    ),
                    highlight: b.highlight.unwrap_or(false),
                }
            })
            .collect();
        // The values in the order written, for messages that name them by path.
        let mut written: Vec<(Num, JsonPath)> = bars
            .iter()
            .enumerate()
            .flat_map(|(i, b)| ends(b.value, &self.at.field("bars").index(i).field("value")))
            .collect();
        let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
        self.duplicate_labels(&labels, "bars", "label");
        for (i, wanted) in spec.highlight.iter().flatten().enumerate() {
            let wanted = wanted.trim();
            match bars.iter_mut().find(|b| b.label == wanted) {
                Some(bar) => bar.highlight = true,
                None => {
                    let suggestion = nearest(wanted, spec.bars.iter().map(|b| b.label.trim()))
                        .map(str::to_owned);
                    self.push(
                        &self.at.field("highlight").index(i),
                        What::UnknownHighlight {
                            label: wanted.to_owned(),
                            suggestion,
                        },
                    );
                }
            }
        }
        let sort = spec.sort.unwrap_or(SortOrder::None);
        // "Best first" follows the data's direction: for ranks and other lower-is-better
        // values, the smallest first.
        let (best, worst) = if measure.lower_is_better() {
            (SortOrder::Ascending, SortOrder::Descending)
        } else {
            (SortOrder::Descending, SortOrder::Ascending)
        };
        let order = match sort {
            SortOrder::Best | SortOrder::Worst if measure.better().is_none() => {
                let word = if sort == SortOrder::Best {
                    "best"
                } else {
                    "worst"
                };
                self.push(
                    &self.at.field("sort"),
                    What::SortNeedsDirection {
                        sort: format!("\"sort\": \"{word}\""),
                    },
                );
                SortOrder::None
            }
            SortOrder::Best => best,
            SortOrder::Worst => worst,
            other => other,
        };
        match order {
            SortOrder::Ascending => crate::sort::sort_by_key(&mut bars, |b| b.value.middle()),
            SortOrder::Descending => crate::sort::sort_by_key(&mut bars, |b| -b.value.middle()),
            _ => {}
        }
        let reference = spec.reference.as_ref().map(|r| {
            let value = self.num(&r.value, &self.at.field("reference").field("value"));
            self.rank_num(value, measure, &self.at.field("reference").field("value"));
            ReferenceLine {
                value,
                label: self.text(
                    &r.label,
                    &self.at.field("reference").field("label"),
                    limits::BAR_LABEL,
                ),
            }
        });
        let format = self.number_format(
            spec.unit.as_deref(),
            spec.decimals,
            spec.scale,
            &self.at.clone(),
        );
        if !measure.is_ranks() {
            if let Some(r) = &reference {
                written.push((r.value, self.at.field("reference").field("value")));
            }
            self.printable(&format, &written);
        }
        BarChart {
            kind,
            bars,
            vertical,
            reference,
            format,
            axis_label: self.opt_text(
                spec.axis_label.as_deref(),
                &self.at.field("axis_label"),
                limits::LABEL,
            ),
            measure,
        }
    }

    #[inline(never)]
    fn table(&mut self, spec: &spec::TableBox, kind: crate::kinds::Table) -> Table {
        let (columns_at, rows_at) = (self.at.field("columns"), self.at.field("rows"));
        let (n_columns, n_rows) = (spec.columns.len(), spec.rows.rows.len());
        self.count(&columns_at, n_columns, *TABLE_COLUMNS.start(), *TABLE_COLUMNS.end());
        self.count(&rows_at, n_rows, *TABLE_ROWS.start(), *TABLE_ROWS.end());
        let empty = Table {
            kind,
            columns: Vec::new(),
            rows: Vec::new(),
            page_size: 0,
            sorted: None,
            derived: crate::table::Derived::default(),
        };
        // Beyond the limits the count says all there is to say: checking 200,000 rows
        // cell by cell would only bury it.
        if n_columns > *TABLE_COLUMNS.end() || n_rows > *TABLE_ROWS.end() || n_columns == 0 {
            return empty;
        }
        let keys: Vec<&str> = spec.columns.iter().map(|c| c.key.trim()).collect();
        let repeated = crate::sort::duplicates(&keys);
        for &i in &repeated {
            let key = keys.get(i).copied().unwrap_or_default().to_owned();
            self.push(&columns_at.index(i).field("key"), What::DuplicateKey { key });
        }
        // Which column each key names, found once per key; and the columns a cell gives a
        // number in.
        let key_columns = KeyColumns::new(&spec.rows, &keys);
        let valued = key_columns.valued(&spec.rows.rows, n_columns);
        let mut columns = Vec::with_capacity(n_columns);
        for (i, c) in spec.columns.iter().enumerate() {
            let at = columns_at.index(i);
            let key = c.key.trim();
            if key == "highlight" {
                self.push(&at.field("key"), What::ReservedKey { key: key.to_owned() });
            } else if !crate::suggest::valid_id(key) {
                self.push(
                    &at.field("key"),
                    What::BadId {
                        id: key.to_owned(),
                        slug: crate::suggest::slug(key),
                    },
                );
            }
            let label = self.text(&c.label, &at.field("label"), limits::LABEL);
            // A column holds numbers when a field says how to write them or a cell is one.
            let said = c.unit.is_some()
                || c.scale.is_some()
                || c.decimals.is_some()
                || c.qualifier.is_some()
                || c.status.is_some()
                || c.signed.is_some()
                || c.better.is_some()
                || c.ranks.is_some()
                || c.out_of.is_some()
                || c.bars.is_some()
                || c.heat.is_some();
            let first = keys.iter().position(|k| *k == key).unwrap_or(i);
            let holds = said || valued.get(first).copied().unwrap_or(false);
            let numbers = holds.then(|| {
                // The column's own fields are checked at the column's path.
                let before = std::mem::replace(&mut self.at, at.clone());
                let measure = self.measure(c.better, c.ranks, c.out_of, None);
                let format = self.number_format(c.unit.as_deref(), c.decimals, c.scale, &at);
                self.at = before;
                let bars = c.bars.unwrap_or(false);
                if bars && measure.is_ranks() {
                    self.push(&at.field("bars"), What::RanksNoBars);
                }
                NumberColumn {
                    format,
                    measure,
                    qualifier: self.opt_text(
                        c.qualifier.as_deref(),
                        &at.field("qualifier"),
                        limits::QUALIFIER,
                    ),
                    status: c.status,
                    signed: c.signed.unwrap_or(false),
                    bars,
                    heat: c.heat.unwrap_or(false),
                }
            });
            columns.push(TableColumn {
                key: key.to_owned(),
                label,
                numbers,
            });
        }
        let mut rows = self.table_rows(&spec.rows, &key_columns, &rows_at, &columns);
        // The rows' labels, only to find the ones `highlight` names.
        if spec.highlight.is_some() {
            let labels: Vec<String> = rows.iter().map(|r| row_label(r, &columns)).collect();
            let marked = self.highlight_labels(spec.highlight.as_ref(), &labels);
            for (row, m) in rows.iter_mut().zip(marked) {
                row.highlight |= m;
            }
        }
        let sorted = spec.sort.as_ref().and_then(|s| self.table_sort(s, &columns, &mut rows));
        let page_size = spec
            .page_size
            .map_or(TABLE_PAGE, |n| usize::try_from(n).unwrap_or(usize::MAX));
        Table {
            kind,
            columns,
            rows,
            page_size,
            sorted,
            derived: crate::table::Derived::default(),
        }
    }

    /// A table's rows, checked row by row. The loops over a table's rows and cells are
    /// functions of their own, never inlined into [`Validator::fact_box`]: the browser
    /// compiles a function again with its optimising compiler once the function has run
    /// long enough, and a loop over 1,000 rows inside `fact_box` (which has every kind's
    /// checks inlined: 38 kB of wasm) made it do so for the whole of `fact_box`, 11-16 ms
    /// of compiling on a second thread, during the first draw, for code that the draw
    /// itself never runs again.
    #[inline(never)]
    fn table_rows(
        &mut self,
        spec: &spec::TableRows,
        key_columns: &KeyColumns<'_>,
        rows_at: &JsonPath,
        columns: &[TableColumn],
    ) -> Vec<TableRow> {
        let mut rows = Vec::with_capacity(spec.rows.len());
        for (r, row) in spec.rows.iter().enumerate() {
            let at = Lazy::Index(rows_at, r);
            rows.push(self.table_row(row, spec, key_columns, &at, columns));
        }
        rows
    }

    /// A table's row, checked cell by cell against its columns (`key_columns`: the
    /// column of each of `rows`' keys, or none). Its own function, never inlined into the loop over the rows:
    /// the browser runs a wasm function in its baseline tier until a call to it returns
    /// after it has become hot, so a loop over 1,000 rows inside one call would run in
    /// the baseline tier throughout, where a call per row runs in optimised code soon.
    #[inline(never)]
    fn table_row(
        &mut self,
        row: &spec::TableRow,
        rows: &spec::TableRows,
        key_columns: &KeyColumns<'_>,
        at: &dyn Where,
        columns: &[TableColumn],
    ) -> TableRow {
        let n_columns = columns.len();
        let keys = key_columns.columns;
        let mut cells = vec![TableCell::Empty; n_columns];
        for (key, cell) in &row.cells {
            let place = key_columns.of(key);
            let key = rows.key(key);
            let Some(c) = place else {
                let mut expected: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
                expected.push("highlight".to_owned());
                self.push(
                    &Lazy::Field(at, key),
                    What::UnknownField {
                        field: key.to_owned(),
                        suggestion: nearest(key, keys.iter().copied().chain(["highlight"]))
                            .map(str::to_owned),
                        expected,
                    },
                );
                continue;
            };
            let Some(column) = columns.get(c) else {
                continue;
            };
            let path = Lazy::Field(at, key);
            let shown = match (cell, &column.numbers) {
                (spec::Cell::Empty, _) => TableCell::Empty,
                (spec::Cell::Text(t), None) => {
                    if trimmed(t).is_empty() {
                        TableCell::Empty
                    } else {
                        TableCell::Text(self.text(t, &path, limits::CELL))
                    }
                }
                (spec::Cell::Text(t), Some(_)) => {
                    self.push(
                        &path,
                        What::TextInNumbers {
                            column: column.label.clone(),
                            text: t.clone(),
                            fix: crate::json::value_fix(t).map(|f| cell_fix(&f)),
                        },
                    );
                    TableCell::Empty
                }
                (
                    spec::Cell::Value {
                        value,
                        status,
                        qualifier,
                    },
                    Some(numbers),
                ) => {
                    let (format, measure) = (&numbers.format, numbers.measure);
                    let value = self.amount(value, status.or(numbers.status), &path);
                    self.rank_value(value, measure, &path);
                    if !measure.is_ranks() {
                        self.printable_num(format, value.low(), &path);
                        if value.is_range() {
                            self.printable_num(format, value.high(), &path);
                        }
                    }
                    let qualifier = self.opt_text(
                        qualifier.as_deref(),
                        &Lazy::Field(&path, "qualifier"),
                        limits::QUALIFIER,
                    );
                    TableCell::Value { value, qualifier }
                }
                // A value makes its column one of numbers (above).
                (spec::Cell::Value { .. }, None) => TableCell::Empty,
            };
            if let Some(slot) = cells.get_mut(c) {
                *slot = shown;
            }
        }
        // The first cell names the row, for screen readers and for `highlight`.
        if matches!(cells.first(), Some(TableCell::Empty)) {
            self.push(
                at,
                What::MissingField {
                    field: keys.first().copied().unwrap_or_default().to_owned(),
                },
            );
        }
        TableRow {
            cells,
            highlight: row.highlight.unwrap_or(false),
        }
    }

    /// Puts a table's rows in the order its `sort` asks for; the column and whether it is
    /// ascending, or `None` when the sort cannot be followed (and says why).
    fn table_sort(
        &mut self,
        sort: &spec::TableSort,
        columns: &[TableColumn],
        rows: &mut Vec<TableRow>,
    ) -> Option<(usize, bool)> {
        let at = self.at.field("sort");
        let wanted = sort.column.trim();
        let Some(c) = columns.iter().position(|col| col.key == wanted) else {
            self.push(
                &at.field("column"),
                What::UnknownValue {
                    value: wanted.to_owned(),
                    suggestion: nearest(wanted, columns.iter().map(|c| c.key.as_str()))
                        .map(str::to_owned),
                    expected: columns.iter().map(|c| c.key.clone()).collect(),
                },
            );
            return None;
        };
        let measure = columns
            .get(c)
            .and_then(|col| col.numbers.as_ref())
            .map(|n| n.measure);
        let better = measure.and_then(Measure::better);
        let lower_better = measure.is_some_and(Measure::lower_is_better);
        let ascending = match sort.order {
            None if better.is_some() => lower_better,
            None => measure.is_none(),
            Some(SortOrder::Ascending) => true,
            Some(SortOrder::Descending) => false,
            Some(order @ (SortOrder::Best | SortOrder::Worst)) => {
                if better.is_none() {
                    let word = if order == SortOrder::Best { "best" } else { "worst" };
                    self.push(
                        &at.field("order"),
                        What::SortNeedsDirection {
                            sort: format!("\"order\": \"{word}\""),
                        },
                    );
                    return None;
                }
                (order == SortOrder::Best) == lower_better
            }
            Some(SortOrder::None) => return None,
        };
        let ranks = crate::table::ranks(rows, c);
        let order = crate::table::order(&ranks, ascending);
        let mut slots: Vec<Option<TableRow>> = rows.drain(..).map(Some).collect();
        rows.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
        Some((c, ascending))
    }

    fn count(&mut self, path: &JsonPath, found: usize, min: usize, max: usize) {
        if found < min {
            self.push(path, What::TooFew { min, found });
        } else if found > max {
            self.push(path, What::TooMany { max, found });
        }
    }

    /// Marks the labels named in `wanted` (a `highlight` list), reporting names that match
    /// no label with the nearest one.
    fn highlight_labels(&mut self, wanted: Option<&Vec<String>>, labels: &[String]) -> Vec<bool> {
        let mut marked = vec![false; labels.len()];
        for (i, name) in wanted.into_iter().flatten().enumerate() {
            let name = name.trim();
            match labels.iter().position(|l| l == name) {
                Some(k) => {
                    if let Some(m) = marked.get_mut(k) {
                        *m = true;
                    }
                }
                None => {
                    let suggestion =
                        nearest(name, labels.iter().map(String::as_str)).map(str::to_owned);
                    self.push(
                        &self.at.field("highlight").index(i),
                        What::UnknownHighlight {
                            label: name.to_owned(),
                            suggestion,
                        },
                    );
                }
            }
        }
        marked
    }

    /// Reports each label that repeats an earlier one, at `list[i].field`.
    fn duplicate_labels(&mut self, labels: &[String], list: &str, field: &str) {
        let texts: Vec<&str> = labels.iter().map(String::as_str).collect();
        for i in crate::sort::duplicates(&texts) {
            let label = labels.get(i).cloned().unwrap_or_default();
            self.push(
                &self.at.field(list).index(i).field(field),
                What::DuplicateLabel { label },
            );
        }
    }

    fn rank(&mut self, rank: u32, out_of: Option<u32>, path: &JsonPath) {
        if rank == 0 {
            self.push(path, What::RankZero);
        } else if let Some(n) = out_of.filter(|&n| rank > n) {
            self.push(path, What::RankOutOf { rank, out_of: n });
        }
    }

    #[inline(never)]
    fn rank_chart(&mut self, spec: &spec::RankChangeBox, kind: crate::kinds::RankChange) -> RankChart {
        self.count(&self.at.field("items"), spec.items.len(), 1, MAX_RANK_ITEMS);
        let from_date = self.date(&spec.from_date, &self.at.field("from_date"));
        let to_date = self.date(&spec.to_date, &self.at.field("to_date"));
        if let (Some(from), Some(to)) = (from_date, to_date) {
            if to <= from {
                self.push(
                    &self.at.field("to_date"),
                    What::NotAfter {
                        date: spec.to_date.clone(),
                        earlier: spec.from_date.clone(),
                    },
                );
            }
        }
        if let Some(0) = spec.out_of {
            self.push(&self.at.field("out_of"), What::NotPositive { value: 0.0 });
        }
        let labels: Vec<String> = spec
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                self.text(
                    &it.label,
                    &self.at.field("items").index(i).field("label"),
                    limits::BAR_LABEL,
                )
            })
            .collect();
        self.duplicate_labels(&labels, "items", "label");
        let marked = self.highlight_labels(spec.highlight.as_ref(), &labels);
        let mut items: Vec<RankRow> = spec
            .items
            .iter()
            .zip(labels)
            .zip(marked)
            .enumerate()
            .map(|(i, ((it, label), marked))| {
                self.rank(
                    it.from,
                    spec.out_of,
                    &self.at.field("items").index(i).field("from"),
                );
                self.rank(
                    it.to,
                    spec.out_of,
                    &self.at.field("items").index(i).field("to"),
                );
                RankRow {
                    label,
                    from: it.from,
                    to: it.to,
                    highlight: marked || it.highlight.unwrap_or(false),
                }
            })
            .collect();
        match spec.sort.unwrap_or(RankSort::End) {
            RankSort::End => crate::sort::sort_by_key(&mut items, |r| f64::from(r.to)),
            // The biggest move up first.
            RankSort::Change => {
                crate::sort::sort_by_key(&mut items, |r| f64::from(r.to) - f64::from(r.from))
            }
            RankSort::None => {}
        }
        let fallback = PartialDate::year_start(2000);
        RankChart {
            kind,
            from_date: from_date.unwrap_or(fallback),
            to_date: to_date.unwrap_or(fallback),
            items,
            out_of: spec.out_of,
        }
    }

    #[inline(never)]
    fn line_chart(&mut self, spec: &spec::LineBox, kind: crate::kinds::Line) -> LineChart {
        self.count(&self.at.field("series"), spec.series.len(), 1, MAX_SERIES);
        let measure = self.measure(spec.better, spec.ranks, spec.out_of, None);
        // Each point's value with where it stands (series, point); the paths are written
        // out only for a number that will not print as written.
        let mut written: Vec<(Value, usize, usize)> = Vec::new();
        let names: Vec<String> = spec
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                self.text(
                    &s.name,
                    &self.at.field("series").index(i).field("name"),
                    limits::BAR_LABEL,
                )
            })
            .collect();
        self.duplicate_labels(&names, "series", "name");
        let series: Vec<LineSeries> = spec
            .series
            .iter()
            .zip(&names)
            .enumerate()
            .map(|(si, (s, name))| {
                self.count(
                    &self.at.field("series").index(si).field("points"),
                    s.points.len(),
                    1,
                    MAX_POINTS,
                );
                let mut points: Vec<LinePoint> = Vec::with_capacity(s.points.len());
                // The list's path once; a point's own paths are what each needs (a line of
                // 10,000 points built 8 path strings a point).
                let list = self.at.field("series").index(si).field("points");
                for (pi, p) in s.points.iter().enumerate() {
                    let at = Lazy::Index(&list, pi);
                    let value_path = Lazy::Field(&at, "value");
                    let value = self.amount(&p.value, p.status, &value_path);
                    self.rank_value(value, measure, &value_path);
                    if !measure.is_ranks() {
                        written.push((value, si, pi));
                    }
                    let qualifier = match p.qualifier.as_deref() {
                        Some(q) => self.opt_text(
                            Some(q),
                            &Lazy::Field(&at, "qualifier"),
                            limits::QUALIFIER,
                        ),
                        None => None,
                    };
                    if let Some(date) = self.date(&p.date, &Lazy::Field(&at, "date")) {
                        points.push(LinePoint {
                            day: date.day_number(),
                            date,
                            value,
                            qualifier,
                        });
                    }
                }
                crate::sort::sort_by_key(&mut points, |p| p.day);
                for k in 1..points.len() {
                    if points.get(k - 1).map(|p| p.day) == points.get(k).map(|p| p.day) {
                        let date = points
                            .get(k)
                            .map(|p| p.date.display(Lang::Vi))
                            .unwrap_or_default();
                        self.push(
                            &self.at.field("series").index(si).field("points"),
                            What::DuplicateDate { date },
                        );
                    }
                }
                LineSeries {
                    name: name.clone(),
                    points,
                    highlight: s.highlight.unwrap_or(false),
                }
            })
            .collect();
        let mut annotations = Vec::new();
        for (i, a) in spec.annotations.iter().flatten().enumerate() {
            let at = self.at.field("annotations").index(i);
            let label = self.text(&a.label, &at.field("label"), limits::BAR_LABEL);
            let s_index = match a.series.as_deref() {
                None => Some(0),
                Some(name) => {
                    let found = names.iter().position(|n| n == name.trim());
                    if found.is_none() {
                        let suggestion =
                            nearest(name, names.iter().map(String::as_str)).map(str::to_owned);
                        self.push(
                            &at.field("series"),
                            What::UnknownSeries {
                                name: name.to_owned(),
                                suggestion,
                            },
                        );
                    }
                    found
                }
            };
            let Some(date) = self.date(&a.date, &at.field("date")) else {
                continue;
            };
            let Some(si) = s_index else { continue };
            let point = series
                .get(si)
                .and_then(|s| s.points.iter().position(|p| p.date == date));
            match point {
                Some(point) => annotations.push(LineAnnotation {
                    series: si,
                    point,
                    label,
                }),
                None => self.push(
                    &at.field("date"),
                    What::NoSuchPoint {
                        date: a.date.clone(),
                    },
                ),
            }
        }
        let format = self.number_format(
            spec.unit.as_deref(),
            spec.decimals,
            spec.scale,
            &self.at.clone(),
        );
        let series_path = self.at.field("series");
        for &(value, si, pi) in &written {
            let series = Lazy::Index(&series_path, si);
            let points = Lazy::Field(&series, "points");
            let point = Lazy::Index(&points, pi);
            let at = Lazy::Field(&point, "value");
            if value.is_range() {
                self.printable_num(&format, value.low(), &Lazy::Index(&at, 0));
                self.printable_num(&format, value.high(), &Lazy::Index(&at, 1));
            } else {
                self.printable_num(&format, value.low(), &at);
            }
        }
        LineChart {
            kind,
            series,
            annotations,
            format,
            axis_label: self.opt_text(
                spec.axis_label.as_deref(),
                &self.at.field("axis_label"),
                limits::LABEL,
            ),
            from_zero: spec.from_zero.unwrap_or(true),
            measure,
        }
    }

    #[inline(never)]
    fn share_chart(&mut self, spec: &spec::ShareBox, kind: crate::kinds::Share) -> ShareChart {
        self.count(
            &self.at.field("parts"),
            spec.parts.len(),
            *SHARE_RANGE.start(),
            *SHARE_RANGE.end(),
        );
        let labels: Vec<String> = spec
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.text(
                    &p.label,
                    &self.at.field("parts").index(i).field("label"),
                    limits::BAR_LABEL,
                )
            })
            .collect();
        self.duplicate_labels(&labels, "parts", "label");
        let mut parts: Vec<SharePart> = spec
            .parts
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (p, label))| {
                let path = self.at.field("parts").index(i).field("value");
                let mut value = self.single(&p.value, &path, RangeReason::SharePart);
                if value.value() < 0.0 {
                    self.push(
                        &path,
                        What::Negative {
                            value: value.value(),
                        },
                    );
                    value = Num::written(0.0, 0);
                }
                SharePart {
                    label,
                    value,
                    highlight: p.highlight.unwrap_or(false),
                    other: false,
                }
            })
            .collect();
        let places = parts.iter().map(|p| p.value.decimals()).max().unwrap_or(0);
        let sum = Num::computed(parts.iter().map(|p| p.value.value()).sum(), places);
        if sum.value() <= 0.0 && !parts.is_empty() {
            self.push(
                &self.at.field("parts"),
                What::NotPositive { value: sum.value() },
            );
        }
        let mut written: Vec<(Num, JsonPath)> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.value, self.at.field("parts").index(i).field("value")))
            .collect();
        let mut total = sum;
        let mut shortfall = None;
        if let Some(given) = &spec.total {
            let given = self.num(given, &self.at.field("total"));
            written.push((given, self.at.field("total")));
            let (t, sum) = (given.value(), sum.value());
            let gap = Num::computed(t - sum, places.max(given.decimals()));
            // Parts written with rounding may miss the total by a hair; 0.05% is not a gap.
            let tolerance = t.abs() * 5e-4;
            if sum > t + tolerance {
                self.push(
                    &self.at.field("total"),
                    What::PartsExceedTotal { sum, total: t },
                );
            } else if sum < t - tolerance {
                let other_label = self.opt_text(
                    spec.other_label.as_deref(),
                    &self.at.field("other_label"),
                    limits::BAR_LABEL,
                );
                match other_label {
                    Some(label) => parts.push(SharePart {
                        label,
                        value: gap,
                        highlight: false,
                        other: true,
                    }),
                    None => shortfall = Some(gap),
                }
                total = given;
            } else {
                // Within a hair: the total is the one the journalist wrote.
                total = given;
            }
        }
        let format = self.number_format(
            spec.unit.as_deref(),
            spec.decimals,
            spec.scale,
            &self.at.clone(),
        );
        self.printable(&format, &written);
        ShareChart {
            kind,
            parts,
            total,
            shortfall,
            donut: spec.display == Some(ShareDisplay::Donut),
            format,
        }
    }

    #[inline(never)]
    fn progress_chart(
        &mut self,
        spec: &spec::ProgressBox,
        as_of: Option<PartialDate>,
        kind: crate::kinds::Progress,
    ) -> ProgressChart {
        // A target is reached from below unless the box says otherwise.
        let measure = self.measure(spec.better, spec.ranks, spec.out_of, Some(Better::Higher));
        let value = self.amount(&spec.value, spec.status, &self.at.field("value"));
        let target = spec
            .target
            .as_ref()
            .map(|t| self.num(t, &self.at.field("target")));
        let max = if measure.is_ranks() {
            if spec.max.is_some() {
                self.push(&self.at.field("max"), What::RanksNoMax);
            }
            self.rank_value(value, measure, &self.at.field("value"));
            if let Some(t) = target {
                self.rank_num(t, measure, &self.at.field("target"));
            }
            // The scale runs from the worst rank it must show to rank 1.
            let worst = measure.out_of().map_or_else(
                || value.high().value().max(target.map_or(1.0, Num::value)),
                f64::from,
            );
            Num::written(worst.max(1.0), 0)
        } else {
            let max = spec.max.as_ref().map_or(Num::written(100.0, 0), |m| {
                self.num(m, &self.at.field("max"))
            });
            if max.value() > 0.0 {
                let mut checked = ends(value, &self.at.field("value"));
                if let Some(t) = target {
                    checked.push((t, self.at.field("target")));
                }
                for (n, path) in checked {
                    if !(0.0..=max.value()).contains(&n.value()) {
                        self.push(
                            &path,
                            What::OutOfScale {
                                value: n.value(),
                                max: max.value(),
                            },
                        );
                    }
                }
                max
            } else {
                self.push(
                    &self.at.field("max"),
                    What::NotPositive { value: max.value() },
                );
                Num::written(1.0, 0)
            }
        };
        let deadline = spec.target_date.as_deref().and_then(|d| {
            let date = self.date(d, &self.at.field("target_date"))?;
            let Some(as_of) = as_of else {
                self.push(&self.at.field("target_date"), What::DeadlineNeedsAsOf);
                return None;
            };
            // A date is a period (a year, a month, a day): the deadline has passed when the
            // value's period ends no earlier than the deadline's. A value "as of 2020" is the
            // result for a 2020 target; "as of 2020-06" is not yet.
            Some(Deadline {
                date,
                passed: as_of.last_day() >= date.last_day(),
            })
        });
        let format =
            self.number_format(spec.unit.as_deref(), spec.decimals, None, &self.at.clone());
        if !measure.is_ranks() {
            let mut written = ends(value, &self.at.field("value"));
            if let Some(t) = target {
                written.push((t, self.at.field("target")));
            }
            self.printable(&format, &written);
        }
        ProgressChart {
            kind,
            value,
            qualifier: self.opt_text(
                spec.qualifier.as_deref(),
                &self.at.field("qualifier"),
                limits::QUALIFIER,
            ),
            label: self.text(&spec.label, &self.at.field("label"), limits::LABEL),
            target,
            target_label: self.opt_text(
                spec.target_label.as_deref(),
                &self.at.field("target_label"),
                limits::BAR_LABEL,
            ),
            max,
            format,
            measure,
            deadline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each problem `place` gives a line and column to points at the value of its own
    /// path: `parse::path_at`, which reads a path back from the text by another route,
    /// finds the same path there.
    #[test]
    fn placed_problems_point_at_their_values() {
        let docs = [
            r#"{"version": 1, "locale": "en", "boxes": [{"id": "a", "kind": "bar", "title": "", "bars": []}]}"#,
            "{\"version\": 1,\n \"boxes\": [\n  {\"id\": \"p\", \"kind\": \"progress\", \"title\": \"Tiến độ\",\n   \"value\": 120, \"target\": 100, \"max\": 100}]}",
            r#"{"version": 1, "boxes": [{"id": "f", "kind": "figures", "title": "T", "as_of": "2024-13",
                "figures": [{"value": 1, "label": "   ", "rank": true, "out_of": 0}]}]}"#,
            r#"{"version": 1, "boxes": [{"id": "a", "kind": "bar", "title": "A", "bars": [{"label": "x", "value": 1}]},
                {"id": "a", "kind": "bar", "title": "B", "bars": [{"label": "x", "value": 1}, {"label": "x", "value": 2}]}]}"#,
            r#"{"version": 2, "boxes": []}"#,
        ];
        let mut placed = 0;
        for text in docs {
            let before = read(text, None, Lang::En);
            let after = load(text, None, Lang::En);
            let problems = |l: Loaded| -> Vec<Problem> {
                match l {
                    Err(f) => f.problems,
                    Ok(b) => b
                        .into_iter()
                        .filter_map(Result::err)
                        .flat_map(|f| f.problems)
                        .collect(),
                }
            };
            for (old, new) in problems(before).into_iter().zip(problems(after)) {
                assert_eq!(old.path, new.path);
                if old.at.is_some() {
                    assert_eq!(old.at, new.at, "a place already known is kept");
                    continue;
                }
                let Some(at) = new.at else {
                    assert!(new.path.is_empty(), "{} was not placed", new.path);
                    continue;
                };
                let line_start: usize = text
                    .split('\n')
                    .take(at.line - 1)
                    .map(|l| l.len() + 1)
                    .sum();
                let line = text[line_start..].split('\n').next().unwrap();
                let column = line.char_indices().nth(at.column - 1).unwrap().0;
                let offset = line_start + column;
                // Having read a `[` or `{`, path_at is inside it (at its first item): ask
                // just before it.
                let opens = matches!(text.as_bytes()[offset], b'[' | b'{');
                let read_back = parse::path_at(text, if opens { offset - 1 } else { offset });
                assert_eq!(read_back, new.path, "{text}");
                placed += 1;
            }
        }
        assert!(placed >= 8, "only {placed} problems placed");
    }
}
