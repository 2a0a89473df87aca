//! A table box: its cells written as every other box writes numbers, the order of its
//! rows, and its markup — a real `<table>` with sort buttons, mini bars and heat colours,
//! and the search field and "Xem thêm" button that the interaction script brings to life.
//!
//! Everything the script needs is written here, so that it never formats, compares or
//! collates anything itself: each cell carries `data-v`, its rank in the column's
//! ascending order (equal values share one; an empty cell has none and always sorts
//! last), and each sort button the direction its first press sorts in (`data-first`:
//! best first for ranks and columns with `better`, largest first for numbers, A to Z for
//! text). With JavaScript off, every row is shown, in the order the document asks for.

use crate::format::{Lang, Num, Value};
use crate::markup::Html;
use crate::model::{FactBox, NumberColumn, Table, TableCell, TableColumn, TableRow};

/// How many heat colours a column's values are put into (the legend has one swatch each).
pub const HEAT_STEPS: usize = 5;

/// A cell as readers see it: a value as the column writes it (`78,5%`, `hạng 3`, `+16
/// bậc`, `khoảng 13–14%`), with its status when it is not the column's; text as written;
/// `None` for an empty cell.
pub fn cell_text(column: &TableColumn, cell: &TableCell, lang: Lang) -> Option<String> {
    match (cell, &column.numbers) {
        (TableCell::Empty, _) => None,
        (TableCell::Text(t), _) => Some(t.clone()),
        (TableCell::Value { value, qualifier }, Some(n)) => Some(value_text(n, *value, qualifier.as_deref(), lang)),
        (TableCell::Value { value, .. }, None) => Some(value.low().plain()),
    }
}

fn value_text(n: &NumberColumn, v: Value, qualifier: Option<&str>, lang: Lang) -> String {
    let qualifier = qualifier.or(n.qualifier.as_deref());
    let mut text = n.measure.show_value(&n.format, qualifier, v, lang);
    if n.signed && v.low().value() > 0.0 {
        text.insert(0, '+');
    }
    // The column's status is said once, in its heading.
    let own = v.status().filter(|s| Some(*s) != n.status);
    crate::format::with_status(text, own, lang)
}

/// A column's heading: its label, and the status every value of it has (`2030 (dự báo)`).
pub fn heading(column: &TableColumn, lang: Lang) -> String {
    let status = column.numbers.as_ref().and_then(|n| n.status);
    crate::format::with_status(column.label.clone(), status, lang)
}

/// The rows as text, a row's first cell first: for the data table of descriptions and the
/// plain version.
pub fn rows(table: &Table, lang: Lang) -> Vec<Vec<String>> {
    let none = lang.words().no_figure;
    table
        .rows
        .iter()
        .map(|row| {
            table
                .columns
                .iter()
                .zip(&row.cells)
                .map(|(c, cell)| cell_text(c, cell, lang).unwrap_or_else(|| format!("– ({none})")))
                .collect()
        })
        .collect()
}

/// Each row's rank in column `c`'s ascending order: equal values share a rank; an empty
/// cell has none. Numbers are ordered by value (a range by its middle), text as
/// [`crate::collate`] orders it.
pub fn ranks(rows: &[TableRow], c: usize) -> Vec<Option<u32>> {
    let cell = |i: usize| rows.get(i).and_then(|r| r.cells.get(c));
    let n = rows.len();
    // A column holds values or texts, never both (validation empties the other kind). A
    // column of numbers sorts by value alone (comparing plain numbers is a fraction of the
    // general comparison's time), a column of texts by collation key; empty cells last.
    if (0..n).any(|i| matches!(cell(i), Some(TableCell::Value { .. }))) {
        let keys: Vec<f64> = (0..n)
            .map(|i| match cell(i) {
                Some(TableCell::Value { value, .. }) => value.middle(),
                // Values are finite (validation): infinity is after every one of them.
                _ => f64::INFINITY,
            })
            .collect();
        let key = |i: usize| keys.get(i).copied().filter(|k| k.is_finite());
        let sorted = crate::sort::order(&keys);
        return ranked(n, &sorted, |a, b| {
            key(a).zip(key(b)).map(|(x, y)| x.total_cmp(&y).is_eq())
        });
    }
    let keys: Vec<Option<Vec<u32>>> = (0..n)
        .map(|i| match cell(i) {
            Some(TableCell::Text(t)) => Some(crate::collate::key(t)),
            _ => None,
        })
        .collect();
    let key = |i: usize| keys.get(i).and_then(Option::as_ref);
    // `None` (an empty cell) after every text.
    let sorted = crate::sort::order_by(n, &|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        (x, y) => x.is_none().cmp(&y.is_none()),
    });
    ranked(n, &sorted, |a, b| key(a).zip(key(b)).map(|(x, y)| x == y))
}

/// The ranks of `n` rows from their order, `sorted`: `same(a, b)` says whether two rows
/// rank equal, or `None` when either is an empty cell (which have no rank, and come last).
fn ranked(
    n: usize,
    sorted: &[usize],
    same: impl Fn(usize, usize) -> Option<bool>,
) -> Vec<Option<u32>> {
    let mut out = vec![None; n];
    let mut rank = 0u32;
    let mut previous: Option<usize> = None;
    for &i in sorted {
        // (The first row is compared with itself: equal, unless it is an empty cell.)
        match same(previous.unwrap_or(i), i) {
            Some(true) => {}
            Some(false) => rank += 1,
            None => break,
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(rank);
        }
        previous = Some(i);
    }
    out
}

/// The rows' indices sorted by their ranks (see [`ranks`]), ascending or descending,
/// equal ranks in their order, empty cells last either way: the order the interaction
/// script gives a column too.
pub fn order(ranks: &[Option<u32>], ascending: bool) -> Vec<usize> {
    let key = |i: usize| match ranks.get(i).copied().flatten() {
        Some(r) if ascending => f64::from(r),
        Some(r) => -f64::from(r),
        None => f64::INFINITY,
    };
    let keys: Vec<f64> = (0..ranks.len()).map(key).collect();
    crate::sort::order(&keys)
}

/// The direction the first press on a column's sort button sorts in: best first where
/// the column has a direction, largest first for other numbers, A to Z for text.
fn first_direction(column: &TableColumn) -> &'static str {
    match &column.numbers {
        Some(n) if n.measure.better().is_some() => {
            if n.measure.lower_is_better() {
                "ascending"
            } else {
                "descending"
            }
        }
        Some(_) => "descending",
        None => "ascending",
    }
}

/// The smallest and largest value of a column (a range's ends included), and the most
/// decimal places written: for its bars and its heat colours.
fn extent(table: &Table, c: usize) -> Option<(f64, f64, u8)> {
    let mut out: Option<(f64, f64, u8)> = None;
    for row in &table.rows {
        if let Some(TableCell::Value { value, .. }) = row.cells.get(c) {
            let (lo, hi) = (value.low().value(), value.high().value());
            let d = value.low().decimals().max(value.high().decimals());
            out = Some(match out {
                None => (lo, hi, d),
                Some((a, b, e)) => (a.min(lo), b.max(hi), e.max(d)),
            });
        }
    }
    out
}

/// The heat step of a value between `lo` and `hi`: 0 (palest) to `HEAT_STEPS - 1`; the
/// darkest is the best where the column has a direction, else the largest.
fn heat_step(v: f64, lo: f64, hi: f64, lower_better: bool) -> usize {
    if hi <= lo {
        return HEAT_STEPS / 2;
    }
    let t = crate::format::fit((v - lo) / (hi - lo), 0.0, 1.0);
    let t = if lower_better { 1.0 - t } else { t };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let step = (t * HEAT_STEPS as f64) as usize;
    step.min(HEAT_STEPS - 1)
}

/// A mini bar from zero: a track (`span.fb-mb`) holding the value's bar (`i`, a range's a
/// lighter band between its ends) and, where the column goes below zero, the zero line
/// (`b`). Places and lengths are whole percents of the track, each a class of
/// [`bar_rules`]: a table of 1,000 rows has 1,000 bars, and a class is a tenth of the
/// bytes of an SVG drawing to send and parse (and a style attribute would be refused by a
/// strict Content Security Policy).
fn mini_bar(h: &mut Html, v: Value, lo: f64, hi: f64) {
    let lo = lo.min(0.0);
    let hi = hi.max(0.0);
    let span = if hi > lo { hi - lo } else { 1.0 };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let x = |value: f64| crate::format::fit(((value - lo) / span * 100.0).round(), 0.0, 100.0) as u32;
    let zero = x(0.0);
    let (a, b) = if v.is_range() {
        (x(v.low().value()), x(v.high().value()))
    } else {
        let end = x(v.low().value());
        (zero.min(end), zero.max(end))
    };
    let mut out = String::with_capacity(80);
    out.push_str("<span class=\"fb-mb\" aria-hidden=\"true\"><i class=\"fb-o");
    push_decimal(&mut out, a);
    out.push_str(" fb-b");
    push_decimal(&mut out, b.saturating_sub(a));
    if v.is_range() {
        out.push_str(" fb-mr");
    }
    out.push_str("\"></i>");
    if lo < 0.0 {
        out.push_str("<b class=\"fb-o");
        push_decimal(&mut out, zero);
        out.push_str("\"></b>");
    }
    out.push_str("</span>");
    h.raw(&out);
}

/// The classes of [`mini_bar`]: `fb-oN` (starts at N% of the track) and `fb-bN` (N% long),
/// N from 0 to 100.
pub fn bar_rules() -> String {
    let mut css = String::new();
    for n in 0..=100 {
        css.push_str(&format!(".fb-o{n}{{left:{n}%}}.fb-b{n}{{width:{n}%}}"));
    }
    css
}

/// `n` in decimal digits after `out`'s text: for the numbers of every cell (ranks, bar
/// classes), where `format!` and `to_string` cost a large table a tenth of its time in the
/// size-optimised wasm.
fn push_decimal(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    let mut v = n;
    loop {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            // The remainder is below 10.
            #[allow(clippy::cast_possible_truncation)]
            let r = (v % 10) as u8;
            *d = b'0' + r;
        }
        v /= 10;
        if v == 0 || k == 0 {
            break;
        }
    }
    for &d in digits.get(k..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// The whole table: the tools (search, count), the scrolling `<table>`, the "Xem thêm"
/// button and the heat colours' key. `b` is the box, for its title (the table's caption)
/// and language.
pub fn markup(h: &mut Html, b: &FactBox, table: &Table, written: Rows) {
    let lang = b.lang;
    let words = lang.words();
    let total = table.rows.len();
    let paged = paged(table);
    let searchable = total > crate::model::TABLE_PAGE;
    let page = table.page_size.to_string();
    let total_text = total.to_string();
    let mut attrs = vec![
        ("data-page", if paged { page.as_str() } else { "0" }),
        ("data-rows", total_text.as_str()),
        ("data-shown", words.rows_shown),
        ("data-found", words.rows_found),
        ("data-more", words.more_rows),
    ];
    if comes_later(b, written) {
        // The script asks for the rest by the box's id, and takes this attribute away
        // once they are all in: the markup is then the prerendered box's, byte for byte.
        attrs.push(("data-fb-rest", &b.id));
    }
    h.start("div", "fb-table", &attrs);
    if searchable {
        // Held in place, unseen, until the script makes it work: nothing moves then.
        h.start("div", "fb-table-tools", &[("data-fb-later", "")]);
        h.start("label", "fb-search", &[]);
        h.leaf("span", "fb-sr", &[], words.search);
        // A void element: no end tag.
        h.start(
            "input",
            "",
            &[
                ("type", "search"),
                ("placeholder", words.search_hint),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("disabled", ""),
            ],
        );
        h.end("label");
        let count = words
            .rows_shown
            .replace("{n}", &total_text)
            .replace("{total}", &total_text);
        h.leaf("p", "fb-count", &[("aria-live", "polite")], &count);
        h.end("div");
    }
    let title_id = format!("fb-title-{}", b.id);
    h.start(
        "div",
        "fb-table-scroll",
        &[
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-labelledby", &title_id),
        ],
    );
    h.start("table", "", &[]);
    h.leaf("caption", "fb-sr", &[], &b.title);
    h.start("thead", "", &[]).start("tr", "", &[]);
    for (c, column) in table.columns.iter().enumerate() {
        let class = if column.numbers.is_some() { "fb-n" } else { "" };
        let sort = match table.sorted {
            Some((s, true)) if s == c => Some("ascending"),
            Some((s, false)) if s == c => Some("descending"),
            _ => None,
        };
        let mut attrs: Vec<(&str, &str)> = vec![("scope", "col")];
        if let Some(s) = sort {
            attrs.push(("aria-sort", s));
        }
        h.start("th", class, &attrs);
        let label = heading(column, lang);
        let spoken = words.sort_by.replace("{column}", &label);
        h.start(
            "button",
            "fb-sort",
            &[
                ("type", "button"),
                ("data-first", first_direction(column)),
                ("title", &spoken),
                ("disabled", ""),
            ],
        );
        h.text(&label);
        h.leaf("span", "fb-sort-mark", &[("aria-hidden", "true")], "");
        h.end("button").end("th");
    }
    h.end("tr").end("thead");
    let extents = extents_of(table);
    h.start("tbody", "", &[]);
    // A box drawn in the browser shows its first page before any column is sorted: the
    // ranks (`data-v`) of those rows come with the rest (see [`rows_from`]), which the
    // script asks for before any sort.
    let (end, ranks) = if comes_later(b, written) {
        (table.page_size, None)
    } else {
        (total, Some(ranks_of(table)))
    };
    body_rows(h, table, ranks, &extents, 0..end, lang);
    h.end("tbody").end("table").end("div");
    if paged {
        // Before (or without) the script, where the browser runs scripts, the rows past the
        // first page are hidden by CSS from the first paint, so that the script taking
        // over moves nothing; this box then shows them all with no script at all (a
        // checkbox that CSS reads), and the script turns it into "Xem thêm 10 dòng".
        // Where scripts are off, every row shows and the control does not.
        h.start("p", "fb-table-more", &[]);
        h.start("label", "fb-more", &[]);
        h.start("input", "fb-sr", &[("type", "checkbox")]);
        h.text(&words.all_rows.replace("{n}", &total_text));
        h.end("label").end("p");
    }
    heat_key(h, table, &extents, lang);
    h.end("div");
}


/// Which of a table's rows its markup holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rows {
    /// Every row: a prerendered box, which must read whole with JavaScript off.
    All,
    /// The first page only, the table marked `data-fb-rest` and its CSV link's address
    /// left empty: a box drawn in the browser, whose script asks for the rest
    /// ([`rows_from`], [`crate::markup::csv_address`]) while the reader looks at the first
    /// page, or at once when they sort, search, ask for more or for the CSV. A table of
    /// 1,000 rows is then on screen after ten rows are written and parsed, not a thousand,
    /// and before any column is sorted: the first page's ranks (`data-v`) come with the
    /// rest.
    FirstPage,
}

/// Whether box `b` written with `rows` leaves rows (and its CSV) for later: a paged table
/// drawn [`Rows::FirstPage`].
pub fn comes_later(b: &FactBox, rows: Rows) -> bool {
    match &b.body {
        crate::model::Body::Table(t) => rows == Rows::FirstPage && paged(t),
        _ => false,
    }
}

/// Whether `table` shows its rows a page at a time.
fn paged(table: &Table) -> bool {
    table.page_size > 0 && table.rows.len() > table.page_size
}

/// Each column's ranks (see [`ranks`]), for the rows' `data-v`.
type Ranks = Vec<Vec<Option<u32>>>;

/// Each column's extent (see [`extent`]), for its bars and heat colours.
type Extents = Vec<Option<(f64, f64, u8)>>;

/// `table`'s ranks, worked out on first use and kept with it: sorting every column, a
/// text column by Vietnamese collation, is most of the cost of a chunk of rows.
fn ranks_of(table: &Table) -> &Ranks {
    table
        .derived
        .0
        .get_or_init(|| (0..table.columns.len()).map(|c| ranks(&table.rows, c)).collect())
}

/// `table`'s extents: one pass over its rows, cheap enough to do for each chunk.
fn extents_of(table: &Table) -> Extents {
    (0..table.columns.len()).map(|c| extent(table, c)).collect()
}

/// A table's ranks, kept once worked out. Derived from the rows alone, so two tables are
/// equal whether or not either has worked them out yet.
#[derive(Debug, Clone, Default)]
pub struct Derived(std::cell::OnceCell<Ranks>);

impl PartialEq for Derived {
    fn eq(&self, _: &Derived) -> bool {
        true
    }
}

/// The `<tr>` elements of the rows `from..to` of box `b`'s table (fewer past its end), as
/// its markup holds them: what a box drawn with [`Rows::FirstPage`] adds to its `<tbody>`,
/// and the ranks of the first page it was drawn with (rows from 0). Empty when `b` is no
/// table.
pub fn rows_from(b: &FactBox, from: usize, to: usize) -> String {
    let crate::model::Body::Table(table) = &b.body else {
        return String::new();
    };
    let to = to.min(table.rows.len());
    let mut h = Html::default();
    if from < to {
        body_rows(&mut h, table, Some(ranks_of(table)), &extents_of(table), from..to, b.lang);
    }
    h.finish()
}

/// The rows `range` of `table`, each a `<tr>`; those past the first page of a paged table
/// carry `fb-over`, hidden until the reader asks for them.
fn body_rows(
    h: &mut Html,
    table: &Table,
    ranks: Option<&Ranks>,
    extents: &Extents,
    range: std::ops::Range<usize>,
    lang: Lang,
) {
    let words = lang.words();
    let paged = paged(table);
    let mut rank_text = String::new();
    for (r, row) in table.rows.iter().enumerate().skip(range.start).take(range.len()) {
        let over = paged && r >= table.page_size;
        let class = match (row.highlight, over) {
            (true, true) => "fb-hl fb-over",
            (true, false) => "fb-hl",
            (false, true) => "fb-over",
            (false, false) => "",
        };
        h.start("tr", class, &[]);
        for (c, (column, cell)) in table.columns.iter().zip(&row.cells).enumerate() {
            rank_text.clear();
            let rank = ranks.and_then(|k| k.get(c)).and_then(|k| k.get(r)).copied().flatten();
            let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(2);
            if let Some(k) = rank {
                push_decimal(&mut rank_text, k);
                attrs.push(("data-v", &rank_text));
            }
            let numbers = column.numbers.as_ref();
            let mut class = String::from(if numbers.is_some() { "fb-n" } else { "" });
            let value = match cell {
                TableCell::Value { value, .. } => Some(*value),
                _ => None,
            };
            let extent = extents.get(c).copied().flatten();
            if let (Some(n), Some(v), Some((lo, hi, _))) = (numbers, value, extent) {
                if n.heat {
                    let step = heat_step(v.middle(), lo, hi, n.measure.lower_is_better());
                    class.push_str(" fb-heat-");
                    push_decimal(&mut class, u32::try_from(step).unwrap_or(0));
                }
            }
            let tag = if c == 0 { "th" } else { "td" };
            if c == 0 {
                attrs.insert(0, ("scope", "row"));
            }
            h.start(tag, class.trim(), &attrs);
            match cell_text(column, cell, lang) {
                Some(text) => {
                    h.text(&text);
                }
                None => {
                    h.leaf("span", "", &[("aria-hidden", "true")], "–");
                    h.leaf("span", "fb-sr", &[], words.no_figure);
                }
            }
            if let (Some(n), Some((lo, hi, _))) = (numbers, extent) {
                if n.bars {
                    match value {
                        Some(v) => mini_bar(h, v, lo, hi),
                        // An empty cell keeps the bar's room, so the numbers align.
                        None => {
                            h.raw("<span class=\"fb-mb\"></span>");
                        }
                    }
                }
            }
            h.end(tag);
        }
        h.end("tr");
    }
}

/// The key of each column with heat colours: its heading, then a swatch per step with the
/// values it stands for, palest first.
fn heat_key(h: &mut Html, table: &Table, extents: &[Option<(f64, f64, u8)>], lang: Lang) {
    for (c, column) in table.columns.iter().enumerate() {
        let Some(n) = column.numbers.as_ref().filter(|n| n.heat) else {
            continue;
        };
        let Some((lo, hi, decimals)) = extents.get(c).copied().flatten() else {
            continue;
        };
        h.start("div", "fb-heat-key", &[]);
        h.leaf("span", "fb-heat-title", &[], &format!("{} – {}:", lang.words().heat_key, heading(column, lang)));
        let lower_better = n.measure.lower_is_better();
        for k in 0..HEAT_STEPS {
            // Step k holds the values between these two bounds (for lower-is-better
            // columns the darkest step is the smallest values).
            let at = |i: usize| lo + (hi - lo) * i as f64 / HEAT_STEPS as f64;
            let (a, b) = if lower_better {
                (at(HEAT_STEPS - k - 1), at(HEAT_STEPS - k))
            } else {
                (at(k), at(k + 1))
            };
            let places = if n.measure.is_ranks() { 0 } else { decimals };
            let text = |v: f64| {
                let num = Num::computed(v, places);
                if n.measure.is_ranks() {
                    crate::format::format_fixed(num.value().round(), 0, lang)
                } else {
                    n.format.number(num, lang)
                }
            };
            let range = if hi > lo {
                format!("{}–{}", text(a), text(b))
            } else {
                text(lo)
            };
            h.start("span", "fb-heat-item", &[]);
            h.leaf(
                "span",
                &format!("fb-heat-swatch fb-heat-{k}"),
                &[("aria-hidden", "true")],
                "",
            );
            h.text(&range);
            h.end("span");
            if hi <= lo {
                break;
            }
        }
        h.end("div");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(json: &str) -> (FactBox, String) {
        let doc = format!(r#"{{"version": 1, "boxes": [{json}]}}"#);
        let b = crate::load(&doc, None, Lang::Vi).unwrap().remove(0).unwrap();
        let html = crate::markup::fact_box(&b);
        (b, html)
    }

    #[test]
    fn decimals_by_hand() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn ranks_share_ties_and_leave_empty_cells_out() {
        let (b, _) = table(
            r#"{"id": "t", "kind": "table", "title": "T",
                "columns": [{"key": "a", "label": "A"}, {"key": "v", "label": "V"}],
                "rows": [{"a": "x", "v": 3}, {"a": "y", "v": null}, {"a": "z", "v": 1}, {"a": "w", "v": 3}]}"#,
        );
        let crate::model::Body::Table(t) = &b.body else { panic!() };
        assert_eq!(ranks(&t.rows, 1), [Some(1), None, Some(0), Some(1)]);
        assert_eq!(order(&ranks(&t.rows, 1), false), [0, 3, 2, 1]);
        assert_eq!(order(&ranks(&t.rows, 1), true), [2, 0, 3, 1]);
        assert_eq!(ranks(&t.rows, 0), [Some(1), Some(2), Some(3), Some(0)]);
    }

    #[test]
    fn numbers_are_written_as_every_box_writes_them() {
        let (_, html) = table(
            r#"{"id": "t", "kind": "table", "title": "T",
                "columns": [{"key": "tinh", "label": "Tỉnh"},
                            {"key": "ty_le", "label": "Tỉ lệ", "unit": "%", "bars": true},
                            {"key": "hang", "label": "Hạng", "ranks": true},
                            {"key": "tk", "label": "Tài khoản", "scale": "million"},
                            {"key": "doi", "label": "Thay đổi", "signed": true, "unit": "bậc"},
                            {"key": "dk", "label": "2030", "status": "forecast", "unit": "tỷ USD"}],
                "rows": [{"tinh": "Hà Nội", "ty_le": 78.5, "hang": 3, "tk": 16400000, "doi": 16,
                          "dk": [90, 200]},
                         {"tinh": "Huế", "ty_le": {"value": 40, "status": "estimate"}, "hang": 5,
                          "tk": null, "doi": -2, "dk": {"value": 50, "qualifier": "khoảng"}}]}"#,
        );
        for expected in [
            ">78,5%<", ">hạng 3<", ">16,4 triệu<", ">+16 bậc<", ">−2 bậc<", ">90–200 tỷ USD<",
            ">40% (ước tính)<", ">khoảng 50 tỷ USD<", "2030 (dự báo)", "<i class=\"fb-o0 fb-b100\"></i>",
            ">không có số liệu<", "<th scope=\"row\" data-v=\"0\">Hà Nội<",
        ] {
            // Numbers keep their words with no-break spaces.
            let html = html.replace('\u{a0}', " ");
            assert!(html.contains(expected), "{expected}: {html}");
        }
    }
}
