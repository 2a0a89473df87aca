//! What a chart says, in words: the text alternative screen readers hear and the rows of
//! its data table.
//!
//! A canvas is one image to assistive technology, so each chart gets a description made
//! from the data, as a sighted reader would sum it up ("Biểu đồ cột, 6 mục; lớn nhất: Việt
//! Nam, 86"), then every datum as its tooltip reads, then the journalist's own `alt` text.
//! All of it is pure and tested natively.

use crate::format::Lang;
use crate::layout;
use crate::model::{Body, FactBox, Measure};

/// Every mark's tooltip lines, once per datum, in reading order: the rows of the data
/// table. Laid out once with estimated text widths, which do not change the words.
pub fn rows(b: &FactBox) -> Vec<Vec<String>> {
    if let Body::Table(t) = &b.body {
        return crate::table::rows(t, b.lang);
    }
    let Some(scene) = layout::chart(&b.body, 600.0, b.lang, &crate::text::Estimate, &[]) else {
        return Vec::new();
    };
    let mut seen = Vec::new();
    scene
        .marks
        .into_iter()
        .filter(|m| {
            let new = !seen.contains(&m.index);
            seen.push(m.index);
            new
        })
        .map(|m| m.tip)
        .collect()
}

/// "6 mục" / "6 items", and the like.
fn count(n: usize, vi: &str, en_one: &str, en_many: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} {vi}"),
        Lang::En if n == 1 => format!("1 {en_one}"),
        Lang::En => format!("{n} {en_many}"),
    }
}

/// The words for the two ends of a chart's values: "lớn nhất"/"nhỏ nhất" for values
/// without a direction; for ranks "hạng cao nhất"/"hạng thấp nhất" (the best rank is the
/// smallest number, so never "lớn nhất" for the worst); otherwise "tốt nhất"/"kém nhất".
fn ends(measure: Measure, lang: Lang) -> (&'static str, &'static str) {
    match (measure.is_ranks(), measure.better(), lang) {
        (true, _, Lang::Vi) => ("hạng cao nhất", "hạng thấp nhất"),
        (true, _, Lang::En) => ("best ranked", "worst ranked"),
        (false, Some(_), Lang::Vi) => ("tốt nhất", "kém nhất"),
        (false, Some(_), Lang::En) => ("best", "worst"),
        (false, None, Lang::Vi) => ("lớn nhất", "nhỏ nhất"),
        (false, None, Lang::En) => ("largest", "smallest"),
    }
}

/// The best (or, `best` false, the worst) of `items` by `value`, in the data's sense; the
/// first of equals. Without a direction, the largest (or smallest).
fn extreme<T>(
    items: impl Iterator<Item = T>,
    value: impl Fn(&T) -> f64,
    measure: Measure,
    best: bool,
) -> Option<T> {
    items.reduce(|a, c| {
        let (x, y) = (value(&c), value(&a));
        let wins = if best {
            measure.beats(x, y)
        } else {
            measure.beats(y, x)
        };
        if wins { c } else { a }
    })
}

/// The summary a sighted reader takes from the chart at a glance.
fn summary(b: &FactBox) -> String {
    let lang = b.lang;
    let vi = lang == Lang::Vi;
    match &b.body {
        Body::Figures(f, _) => count(f.len(), "số liệu", "figure", "figures", lang),
        Body::Bar(chart) => {
            let mut parts = vec![count(chart.bars.len(), "mục", "item", "items", lang)];
            let (first, last) = ends(chart.measure, lang);
            // The best (or, without a direction, the largest) and its opposite.
            let by_value = |best: bool| {
                extreme(
                    chart.bars.iter().enumerate(),
                    |(_, b)| b.value.middle(),
                    chart.measure,
                    best,
                )
                .map(|(i, bar)| {
                    format!("{}, {}", bar.label, layout::bar::value_text(chart, i, lang))
                })
            };
            if chart.bars.len() > 1 {
                parts.extend(by_value(true).map(|t| format!("{first}: {t}")));
                parts.extend(by_value(false).map(|t| format!("{last}: {t}")));
            }
            parts.join("; ")
        }
        Body::RankChange(chart) => {
            let up = chart.items.iter().filter(|r| r.to < r.from).count();
            let down = chart.items.iter().filter(|r| r.to > r.from).count();
            let same = chart.items.len() - up - down;
            let n = count(chart.items.len(), "mục", "item", "items", lang);
            if vi {
                format!("{n}; {up} tăng hạng, {down} giảm hạng, {same} giữ nguyên")
            } else {
                format!("{n}; {up} moved up, {down} moved down, {same} unchanged")
            }
        }
        Body::Line(chart) => {
            let n = count(
                chart.series.len(),
                "chuỗi số liệu",
                "series",
                "series",
                lang,
            );
            let days = chart.series.iter().flat_map(|s| s.points.iter());
            let first = days.clone().min_by(|a, b| a.day.total_cmp(&b.day));
            let last = days.max_by(|a, b| a.day.total_cmp(&b.day));
            let mut text = match (first, last) {
                (Some(a), Some(z)) if vi => {
                    format!(
                        "{n}, từ {} đến {}",
                        a.date.display(lang),
                        z.date.display(lang)
                    )
                }
                (Some(a), Some(z)) => {
                    format!(
                        "{n}, from {} to {}",
                        a.date.display(lang),
                        z.date.display(lang)
                    )
                }
                _ => n,
            };
            // With a direction, the best and worst points, in the data's sense.
            if chart.measure.better().is_some() {
                let (best_word, worst_word) = ends(chart.measure, lang);
                let points = chart
                    .series
                    .iter()
                    .flat_map(|s| s.points.iter().map(move |p| (s, p)));
                let pick = |best: bool| {
                    extreme(
                        points.clone(),
                        |(_, p)| p.value.middle(),
                        chart.measure,
                        best,
                    )
                };
                let name = |s: &crate::model::LineSeries| {
                    if chart.series.len() > 1 {
                        format!("{}, ", s.name)
                    } else {
                        String::new()
                    }
                };
                for (word, found) in [(best_word, pick(true)), (worst_word, pick(false))] {
                    if let Some((s, p)) = found {
                        text.push_str(&format!(
                            "; {word}: {}{}, {}",
                            name(s),
                            p.date.display(lang),
                            layout::line::value_label(chart, p, lang)
                        ));
                    }
                }
            }
            text
        }
        Body::Share(chart) => {
            let n = count(chart.parts.len(), "phần", "part", "parts", lang);
            match chart.parts.iter().reduce(|a, c| {
                if c.value.value() > a.value.value() {
                    c
                } else {
                    a
                }
            }) {
                Some(p) => format!(
                    "{n}; {}: {}, {}",
                    if vi { "lớn nhất" } else { "largest" },
                    p.label,
                    layout::share::percent_text(chart, p, lang)
                ),
                None => n,
            }
        }
        // The data rows already say the value, the target and whether it is met.
        Body::Progress(_) => String::new(),
        Body::Table(t) => format!(
            "{}, {}",
            count(t.rows.len(), "dòng", "row", "rows", lang),
            count(t.columns.len(), "cột", "column", "columns", lang)
        ),
    }
}

/// The kind of chart, in words.
fn kind_name(b: &FactBox) -> &'static str {
    match (&b.body, b.lang) {
        (Body::Figures(..), Lang::Vi) => "Hộp số liệu",
        (Body::Figures(..), Lang::En) => "Key figures",
        (Body::Bar(_), Lang::Vi) => "Biểu đồ cột",
        (Body::Bar(_), Lang::En) => "Bar chart",
        (Body::RankChange(_), Lang::Vi) => "Biểu đồ thay đổi thứ hạng",
        (Body::RankChange(_), Lang::En) => "Rank change chart",
        (Body::Line(_), Lang::Vi) => "Biểu đồ đường",
        (Body::Line(_), Lang::En) => "Line chart",
        (Body::Share(_), Lang::Vi) => "Biểu đồ tỉ lệ",
        (Body::Share(_), Lang::En) => "Share chart",
        (Body::Progress(_), Lang::Vi) => "Biểu đồ tiến độ",
        (Body::Progress(_), Lang::En) => "Progress chart",
        (Body::Table(_), Lang::Vi) => "Bảng",
        (Body::Table(_), Lang::En) => "Table",
    }
}

/// The text alternative of a chart: its kind and summary, every datum, then the
/// journalist's `alt` text when given.
pub fn describe(b: &FactBox, rows: &[Vec<String>]) -> String {
    let items: Vec<String> = rows.iter().map(|r| r.join(", ")).collect();
    let summary = summary(b);
    let mut text = if summary.is_empty() {
        format!("{}. {}.", kind_name(b), items.join("; "))
    } else {
        format!("{}, {summary}. {}.", kind_name(b), items.join("; "))
    };
    if let Some(alt) = &b.alt {
        text.push(' ');
        text.push_str(alt);
    }
    text
}

/// A chart's text alternative as its drawings carry it (`aria-label`): [`describe`] with
/// its numbers ungrouped, which screen readers read as one number.
pub fn label(b: &FactBox, rows: &[Vec<String>]) -> String {
    crate::format::ungrouped(&describe(b, rows), b.lang)
}
