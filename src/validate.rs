//! From parsed [`spec`](crate::spec) structs to the validated [`model`](crate::model),
//! collecting every problem of a box rather than stopping at the first.
//!
//! [`load`] is the crate's front door: JSON text in, validated boxes (or, per box, the
//! list of what is wrong with it) out. Problems at document level (syntax, version,
//! defaults) fail every box; a problem inside one box fails only that box.

use crate::error::{Problem, What};
use crate::format::{Lang, NumberFormat, PartialDate};
use crate::model::{
    BarChart, BarItem, Body, Comparison, FIGURES_RANGE, FactBox, Figure, LineAnnotation, LineChart,
    LinePoint, LineSeries, MAX_ABS_VALUE, MAX_BARS, MAX_POINTS, MAX_RANK_ITEMS, MAX_SERIES,
    ProgressChart, RankChart, RankRow, ReferenceLine, SHARE_RANGE, ShareChart, SharePart,
    SourceLink, limits,
};
use crate::parse::{self, BoxSpec, KindSpec, RawDocument};
use crate::spec::{
    self, BillionWord, ChangeStyle, Orientation, RankSort, Scale, ShareDisplay, SortOrder,
};
use crate::suggest::nearest;

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
    let raw = parse::document(text).map_err(|p| Failure::one(fallback, p))?;

    let mut doc_problems = Vec::new();
    let lang = match raw.locale.as_deref() {
        None => fallback,
        Some(code) => match Lang::from_code(code) {
            Some(lang) => lang,
            None => {
                doc_problems.push(locale_problem("locale", code));
                fallback
            }
        },
    };
    let defaults = Footer::from_spec(&raw.defaults, "defaults", &mut doc_problems);
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
                        suggestion: nearest(want, available.iter().map(String::as_str))
                            .map(str::to_owned),
                        id: want.to_owned(),
                        available,
                    }),
                ));
            }
            hits
        }
    };

    let boxes = chosen
        .into_iter()
        .map(|i| {
            let id = ids.get(i).cloned().flatten();
            let mut problems = Vec::new();
            // A repeated id is the second box's fault: the first one keeps working.
            if let Some(id) = &id {
                if ids
                    .iter()
                    .take(i)
                    .any(|other| other.as_deref() == Some(id.as_str()))
                {
                    problems.push(Problem::at_path(
                        format!("boxes[{i}].id"),
                        What::DuplicateId { id: id.clone() },
                    ));
                }
            }
            let result = match raw.parse_box(i) {
                Err(mut found) => {
                    problems.append(&mut found);
                    Err(problems)
                }
                Ok(spec) => {
                    let mut v = Validator {
                        problems,
                        prefix: format!("boxes[{i}]"),
                        billion: raw.billion_word,
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
                problems,
            })
        })
        .collect();
    Ok(boxes)
}

fn locale_problem(path: &str, code: &str) -> Problem {
    Problem::at_path(
        path,
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
    fn from_spec(spec: &spec::Defaults, path: &str, problems: &mut Vec<Problem>) -> Footer {
        let mut v = Validator {
            problems: Vec::new(),
            prefix: path.to_owned(),
            billion: BillionWord::Ti,
        };
        let footer = Footer {
            source: spec.source.as_ref().and_then(|s| v.source(s, "source")),
            byline: v.opt_text(spec.byline.as_deref(), "byline", limits::BYLINE),
            as_of: spec.as_of.as_deref().and_then(|d| v.date(d, "as_of")),
        };
        problems.append(&mut v.problems);
        footer
    }
}

/// Collects problems while building model values, each at `prefix` + its own path.
struct Validator {
    problems: Vec<Problem>,
    prefix: String,
    /// The document's spelling of "tỉ", given to every number format.
    billion: BillionWord,
}

impl Validator {
    fn push(&mut self, path: &str, what: What) {
        let full = match (self.prefix.is_empty(), path.is_empty()) {
            (true, _) => path.to_owned(),
            (false, true) => self.prefix.clone(),
            (false, false) if path.starts_with('[') => format!("{}{path}", self.prefix),
            (false, false) => format!("{}.{path}", self.prefix),
        };
        self.problems.push(Problem::at_path(full, what));
    }

    /// A required text: trimmed, non-empty, at most `max` characters.
    fn text(&mut self, text: &str, path: &str, max: usize) -> String {
        let trimmed = text.trim();
        let len = trimmed.chars().count();
        if len == 0 {
            self.push(path, What::EmptyText);
        } else if len > max {
            self.push(path, What::TooLong { max, found: len });
        }
        trimmed.to_owned()
    }

    /// An optional text: absent or blank means none.
    fn opt_text(&mut self, text: Option<&str>, path: &str, max: usize) -> Option<String> {
        let t = text?.trim();
        if t.is_empty() {
            return None;
        }
        Some(self.text(t, path, max))
    }

    fn value(&mut self, value: f64, path: &str) -> f64 {
        if !value.is_finite() || value.abs() > MAX_ABS_VALUE {
            self.push(path, What::TooLarge { value });
            return 0.0;
        }
        value
    }

    fn date(&mut self, text: &str, path: &str) -> Option<PartialDate> {
        let date = PartialDate::parse(text.trim());
        if date.is_none() {
            self.push(
                path,
                What::BadDate {
                    text: text.to_owned(),
                },
            );
        }
        date
    }

    fn url(&mut self, text: &str, path: &str) -> Option<String> {
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

    fn source(&mut self, spec: &spec::Source, path: &str) -> Option<SourceLink> {
        let text = self.text(&spec.text, &format!("{path}.text"), limits::SOURCE);
        let url = spec
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .and_then(|u| self.url(u, &format!("{path}.url")));
        Some(SourceLink { text, url })
    }

    fn id(&mut self, id: &str) -> String {
        let ok = !id.is_empty()
            && id.len() <= limits::ID
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            self.push("id", What::BadId { id: id.to_owned() });
        }
        id.to_owned()
    }

    fn number_format(
        &mut self,
        unit: Option<&str>,
        decimals: Option<u8>,
        scale: Option<Scale>,
        path: &str,
    ) -> NumberFormat {
        let unit_path = if path.is_empty() {
            "unit".to_owned()
        } else {
            format!("{path}.unit")
        };
        let decimals_path = if path.is_empty() {
            "decimals".to_owned()
        } else {
            format!("{path}.decimals")
        };
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

    fn fact_box(&mut self, spec: &BoxSpec, doc_lang: Lang, defaults: &Footer) -> FactBox {
        let c = spec.common();
        let lang = match c.locale {
            None => doc_lang,
            Some(code) => Lang::from_code(code).unwrap_or_else(|| {
                let mut p = locale_problem("locale", code);
                p.path = format!("{}.locale", self.prefix);
                self.problems.push(p);
                doc_lang
            }),
        };
        let id = self.id(c.id);
        let title = self.text(c.title, "title", limits::TITLE);
        let subtitle = self.opt_text(c.subtitle, "subtitle", limits::SUBTITLE);
        let note = self.opt_text(c.note, "note", limits::NOTE);
        let alt = self.opt_text(c.alt, "alt", limits::ALT);
        let source = match c.source {
            Some(s) => self.source(s, "source"),
            None => defaults.source.clone(),
        };
        let byline = self
            .opt_text(c.byline, "byline", limits::BYLINE)
            .or_else(|| defaults.byline.clone());
        let as_of = match c.as_of {
            Some(d) => self.date(d, "as_of"),
            None => defaults.as_of,
        };
        let body = match &spec.body {
            KindSpec::Figures(b) => Body::Figures(self.figures(&b.figures)),
            KindSpec::Bar(b) => Body::Bar(self.bar_chart(b)),
            KindSpec::RankChange(b) => Body::RankChange(self.rank_chart(b)),
            KindSpec::Line(b) => Body::Line(self.line_chart(b)),
            KindSpec::Share(b) => Body::Share(self.share_chart(b)),
            KindSpec::Progress(b) => Body::Progress(self.progress_chart(b)),
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
            body,
        }
    }

    fn figures(&mut self, specs: &[spec::Figure]) -> Vec<Figure> {
        let n = specs.len();
        if n < *FIGURES_RANGE.start() {
            self.push(
                "figures",
                What::TooFew {
                    min: *FIGURES_RANGE.start(),
                    found: n,
                },
            );
        } else if n > *FIGURES_RANGE.end() {
            self.push(
                "figures",
                What::TooMany {
                    max: *FIGURES_RANGE.end(),
                    found: n,
                },
            );
        }
        specs
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let at = format!("figures[{i}]");
                let value = self.value(f.value, &format!("{at}.value"));
                let compare = f.compare.as_ref().map(|c| {
                    let style = c.show.unwrap_or(ChangeStyle::Difference);
                    let cvalue = self.value(c.value, &format!("{at}.compare.value"));
                    if cvalue == 0.0 && matches!(style, ChangeStyle::Percent | ChangeStyle::Ratio) {
                        self.push(&format!("{at}.compare.show"), What::CompareFromZero);
                    }
                    Comparison {
                        value: cvalue,
                        qualifier: self.opt_text(
                            c.qualifier.as_deref(),
                            &format!("{at}.compare.qualifier"),
                            limits::QUALIFIER,
                        ),
                        date: c
                            .date
                            .as_deref()
                            .and_then(|d| self.date(d, &format!("{at}.compare.date"))),
                        style,
                    }
                });
                Figure {
                    value,
                    qualifier: self.opt_text(
                        f.qualifier.as_deref(),
                        &format!("{at}.qualifier"),
                        limits::QUALIFIER,
                    ),
                    label: self.text(&f.label, &format!("{at}.label"), limits::LABEL),
                    format: self.number_format(f.unit.as_deref(), f.decimals, f.scale, &at),
                    compare,
                }
            })
            .collect()
    }

    fn bar_chart(&mut self, spec: &spec::BarBox) -> BarChart {
        let n = spec.bars.len();
        if n == 0 {
            self.push("bars", What::TooFew { min: 1, found: 0 });
        } else if n > MAX_BARS {
            self.push(
                "bars",
                What::TooMany {
                    max: MAX_BARS,
                    found: n,
                },
            );
        }
        let mut bars: Vec<BarItem> = spec
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| BarItem {
                label: self.text(&b.label, &format!("bars[{i}].label"), limits::BAR_LABEL),
                value: self.value(b.value, &format!("bars[{i}].value")),
                qualifier: self.opt_text(
                    b.qualifier.as_deref(),
                    &format!("bars[{i}].qualifier"),
                    limits::QUALIFIER,
                ),
                highlight: b.highlight.unwrap_or(false),
            })
            .collect();
        for (i, bar) in bars.iter().enumerate() {
            if bars.iter().take(i).any(|b| b.label == bar.label) {
                let label = bar.label.clone();
                self.push(&format!("bars[{i}].label"), What::DuplicateLabel { label });
            }
        }
        for (i, wanted) in spec.highlight.iter().flatten().enumerate() {
            let wanted = wanted.trim();
            match bars.iter_mut().find(|b| b.label == wanted) {
                Some(bar) => bar.highlight = true,
                None => {
                    let suggestion = nearest(wanted, spec.bars.iter().map(|b| b.label.trim()))
                        .map(str::to_owned);
                    self.push(
                        &format!("highlight[{i}]"),
                        What::UnknownHighlight {
                            label: wanted.to_owned(),
                            suggestion,
                        },
                    );
                }
            }
        }
        match spec.sort.unwrap_or(SortOrder::None) {
            SortOrder::None => {}
            SortOrder::Ascending => crate::sort::sort_by_key(&mut bars, |b| b.value),
            SortOrder::Descending => crate::sort::sort_by_key(&mut bars, |b| -b.value),
        }
        let reference = spec.reference.as_ref().map(|r| ReferenceLine {
            value: self.value(r.value, "reference.value"),
            label: self.text(&r.label, "reference.label", limits::BAR_LABEL),
        });
        BarChart {
            bars,
            vertical: spec.orientation == Some(Orientation::Vertical),
            reference,
            format: self.number_format(spec.unit.as_deref(), spec.decimals, spec.scale, ""),
            axis_label: self.opt_text(spec.axis_label.as_deref(), "axis_label", limits::LABEL),
        }
    }

    fn count(&mut self, path: &str, found: usize, min: usize, max: usize) {
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
                        &format!("highlight[{i}]"),
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

    fn duplicate_labels(&mut self, labels: &[String], path: impl Fn(usize) -> String) {
        for (i, label) in labels.iter().enumerate() {
            if labels.iter().take(i).any(|l| l == label) {
                self.push(
                    &path(i),
                    What::DuplicateLabel {
                        label: label.clone(),
                    },
                );
            }
        }
    }

    fn rank(&mut self, rank: u32, out_of: Option<u32>, path: &str) {
        if rank == 0 {
            self.push(path, What::RankZero);
        } else if let Some(n) = out_of.filter(|&n| rank > n) {
            self.push(path, What::RankOutOf { rank, out_of: n });
        }
    }

    fn rank_chart(&mut self, spec: &spec::RankChangeBox) -> RankChart {
        self.count("items", spec.items.len(), 1, MAX_RANK_ITEMS);
        let from_date = self.date(&spec.from_date, "from_date");
        let to_date = self.date(&spec.to_date, "to_date");
        if let (Some(from), Some(to)) = (from_date, to_date) {
            if to <= from {
                self.push(
                    "to_date",
                    What::NotAfter {
                        date: spec.to_date.clone(),
                        earlier: spec.from_date.clone(),
                    },
                );
            }
        }
        if let Some(0) = spec.out_of {
            self.push("out_of", What::NotPositive { value: 0.0 });
        }
        let labels: Vec<String> = spec
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| self.text(&it.label, &format!("items[{i}].label"), limits::BAR_LABEL))
            .collect();
        self.duplicate_labels(&labels, |i| format!("items[{i}].label"));
        let marked = self.highlight_labels(spec.highlight.as_ref(), &labels);
        let mut items: Vec<RankRow> = spec
            .items
            .iter()
            .zip(labels)
            .zip(marked)
            .enumerate()
            .map(|(i, ((it, label), marked))| {
                self.rank(it.from, spec.out_of, &format!("items[{i}].from"));
                self.rank(it.to, spec.out_of, &format!("items[{i}].to"));
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
            from_date: from_date.unwrap_or(fallback),
            to_date: to_date.unwrap_or(fallback),
            items,
            out_of: spec.out_of,
        }
    }

    fn line_chart(&mut self, spec: &spec::LineBox) -> LineChart {
        self.count("series", spec.series.len(), 1, MAX_SERIES);
        let names: Vec<String> = spec
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| self.text(&s.name, &format!("series[{i}].name"), limits::BAR_LABEL))
            .collect();
        self.duplicate_labels(&names, |i| format!("series[{i}].name"));
        let series: Vec<LineSeries> = spec
            .series
            .iter()
            .zip(&names)
            .enumerate()
            .map(|(si, (s, name))| {
                self.count(
                    &format!("series[{si}].points"),
                    s.points.len(),
                    1,
                    MAX_POINTS,
                );
                let mut points: Vec<LinePoint> = Vec::with_capacity(s.points.len());
                for (pi, p) in s.points.iter().enumerate() {
                    let at = format!("series[{si}].points[{pi}]");
                    let value = self.value(p.value, &format!("{at}.value"));
                    let qualifier = self.opt_text(
                        p.qualifier.as_deref(),
                        &format!("{at}.qualifier"),
                        limits::QUALIFIER,
                    );
                    if let Some(date) = self.date(&p.date, &format!("{at}.date")) {
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
                            &format!("series[{si}].points"),
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
            let at = format!("annotations[{i}]");
            let label = self.text(&a.label, &format!("{at}.label"), limits::BAR_LABEL);
            let s_index = match a.series.as_deref() {
                None => Some(0),
                Some(name) => {
                    let found = names.iter().position(|n| n == name.trim());
                    if found.is_none() {
                        let suggestion =
                            nearest(name, names.iter().map(String::as_str)).map(str::to_owned);
                        self.push(
                            &format!("{at}.series"),
                            What::UnknownSeries {
                                name: name.to_owned(),
                                suggestion,
                            },
                        );
                    }
                    found
                }
            };
            let Some(date) = self.date(&a.date, &format!("{at}.date")) else {
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
                    &format!("{at}.date"),
                    What::NoSuchPoint {
                        date: a.date.clone(),
                    },
                ),
            }
        }
        LineChart {
            series,
            annotations,
            format: self.number_format(spec.unit.as_deref(), spec.decimals, spec.scale, ""),
            axis_label: self.opt_text(spec.axis_label.as_deref(), "axis_label", limits::LABEL),
            from_zero: spec.from_zero.unwrap_or(true),
        }
    }

    fn share_chart(&mut self, spec: &spec::ShareBox) -> ShareChart {
        self.count(
            "parts",
            spec.parts.len(),
            *SHARE_RANGE.start(),
            *SHARE_RANGE.end(),
        );
        let labels: Vec<String> = spec
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| self.text(&p.label, &format!("parts[{i}].label"), limits::BAR_LABEL))
            .collect();
        self.duplicate_labels(&labels, |i| format!("parts[{i}].label"));
        let mut parts: Vec<SharePart> = spec
            .parts
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (p, label))| {
                let path = format!("parts[{i}].value");
                let mut value = self.value(p.value, &path);
                if value < 0.0 {
                    self.push(&path, What::Negative { value });
                    value = 0.0;
                }
                SharePart {
                    label,
                    value,
                    highlight: p.highlight.unwrap_or(false),
                    other: false,
                }
            })
            .collect();
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        if sum <= 0.0 && !parts.is_empty() {
            self.push("parts", What::NotPositive { value: sum });
        }
        let mut total = sum;
        let mut shortfall = None;
        if let Some(t) = spec.total {
            let t = self.value(t, "total");
            // Parts written with rounding may miss the total by a hair; 0.05% is not a gap.
            let tolerance = t.abs() * 5e-4;
            if sum > t + tolerance {
                self.push("total", What::PartsExceedTotal { sum, total: t });
            } else if sum < t - tolerance {
                let other_label = self.opt_text(
                    spec.other_label.as_deref(),
                    "other_label",
                    limits::BAR_LABEL,
                );
                match other_label {
                    Some(label) => parts.push(SharePart {
                        label,
                        value: t - sum,
                        highlight: false,
                        other: true,
                    }),
                    None => shortfall = Some(t - sum),
                }
                total = t;
            }
        }
        ShareChart {
            parts,
            total,
            shortfall,
            donut: spec.display == Some(ShareDisplay::Donut),
            format: self.number_format(spec.unit.as_deref(), spec.decimals, spec.scale, ""),
        }
    }

    fn progress_chart(&mut self, spec: &spec::ProgressBox) -> ProgressChart {
        let max = self.value(spec.max.unwrap_or(100.0), "max");
        let max = if max > 0.0 {
            max
        } else {
            self.push("max", What::NotPositive { value: max });
            1.0
        };
        let in_scale = |v: &mut Validator, value: f64, path: &str| {
            let value = v.value(value, path);
            if !(0.0..=max).contains(&value) {
                v.push(path, What::OutOfScale { value, max });
            }
            crate::format::fit(value, 0.0, max)
        };
        let value = in_scale(self, spec.value, "value");
        let target = spec.target.map(|t| in_scale(self, t, "target"));
        ProgressChart {
            value,
            qualifier: self.opt_text(spec.qualifier.as_deref(), "qualifier", limits::QUALIFIER),
            label: self.text(&spec.label, "label", limits::LABEL),
            target,
            target_label: self.opt_text(
                spec.target_label.as_deref(),
                "target_label",
                limits::BAR_LABEL,
            ),
            max,
            format: self.number_format(spec.unit.as_deref(), spec.decimals, None, ""),
        }
    }
}
