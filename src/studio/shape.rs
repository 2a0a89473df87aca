//! From a table to a box and back: which kind the table's shape suggests, the box's data
//! fields built from the table, and a box's data as a table (to edit an opened file).
//!
//! Numbers cross as `{"$n": "26.70"}` (see [`super::doc`]), so that no digit is lost.

use serde_json::{Map, Value, json};

use super::cell::{Cell, NumberCell, Reading, Style};
use super::doc::{num, num_text};
use super::table::{At, Column, Flag, Item, Table};
use super::words::{self, Exact, Issue, Why};
use crate::format::Lang;
use crate::spec::{BillionWord, HEAD_FIELDS, Scale, Status};

/// The kind a table's shape suggests, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: &'static str,
    pub why: Why,
}

/// The fields a table gives a box, and what is wrong with its cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Built {
    pub fields: Map<String, Value>,
    pub flags: Vec<Flag>,
    /// Where each value came from: its path in the box (`bars[1].value`) and its cell, so
    /// that a message about the value is shown at the cell.
    pub places: Vec<(String, At)>,
}

/// The box's fields that the table decides: [`apply`] removes them before it sets what the
/// table gives (a qualifier deleted from a cell is gone from the box). Any other field the
/// table gives (a unit, a title from the header) is set but never removed, so what the
/// journalist typed in the form stays.
pub(crate) const OWNED: &[&str] = &["figures", "bars", "items", "series", "parts", "value", "qualifier", "status", "target", "total", "columns", "rows"];
/// The same, for one item of a list (a bar, a point, a part…).
const ITEM_OWNED: &[&str] = &["value", "qualifier", "status", "signed", "from", "to", "points"];

/// The number cells of column `col`, read, with the items they stand in.
fn numbers(t: &Table, col: usize) -> Vec<Option<(Reading, &NumberCell, At)>> {
    t.rows
        .iter()
        .map(|r| match r.get(col) {
            Some(Item { cell: Cell::Number(n), at }) => t.number(n).map(|reading| (reading, n, *at)),
            // Words among numbers are flagged by the table, where they stand.
            _ => None,
        })
        .collect()
}

/// The unit and scale word shared by `cells`; a cell with another flags the difference.
fn common(cells: &[&(Reading, &NumberCell, At)], flags: &mut Vec<Flag>) -> (Option<String>, Option<Scale>) {
    let mut unit: Option<String> = None;
    let mut scale: Option<Option<Scale>> = None;
    for (_, n, at) in cells {
        let u = n.unit_text();
        match (&unit, &u) {
            (None, Some(_)) => unit = u,
            (Some(a), Some(b)) if a != b => flags.push(Flag {
                at: Some(*at),
                issue: Issue::MixedUnits { unit: b.clone(), first: a.clone() },
            }),
            _ => {}
        }
        match scale {
            None => scale = Some(n.scale),
            Some(s) if s != n.scale => flags.push(Flag { at: Some(*at), issue: Issue::MixedScales }),
            _ => {}
        }
    }
    (unit, scale.flatten())
}

/// Sets `unit`, `scale` and, under a scale word, the places written when a written zero
/// would otherwise be lost (`16,0 triệu` keeps its `,0`; `16,4 triệu` needs nothing: a box
/// writes a scaled number with the places it needs), when the cells say them.
fn put_format(into: &mut Map<String, Value>, unit: Option<String>, scale: Option<Scale>, readings: &[&Reading]) {
    if let Some(u) = unit {
        into.insert("unit".into(), json!(u));
    }
    if let Some(s) = scale {
        into.insert("scale".into(), json!(words::scale_code(s)));
        if let Some(p) = readings.first().map(|r| r.places) {
            let zeros = readings.iter().any(|r| r.trailing > 0);
            if p > 0 && zeros && readings.iter().all(|r| r.places == p) {
                into.insert("decimals".into(), json!(num(&p.to_string())));
            }
        }
    }
}

/// What a value cell may say besides its number, by where it goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A key figure: a range, a status, a qualifier and a sign (`+16%`).
    Figure,
    /// A bar, a line's point or a progress value: a range, a status and a qualifier.
    Value,
    /// A part of a share: a qualifier only (a range would leave the sum unchecked).
    Part,
    /// A table's cell: as a bar's, its sign held by its column (`signed`).
    Cell,
}

/// A value cell into an object: its number (a range as `[low, high]`), and what the cell
/// says of it, each in its own field: the qualifier, the status, the sign. What the slot
/// cannot hold is flagged at the cell, never dropped unsaid.
fn put_value(into: &mut Map<String, Value>, slot: Slot, cell: &(Reading, &NumberCell, At), flags: &mut Vec<Flag>) {
    let (r, n, at) = cell;
    let value = match (&r.high, slot) {
        (Some(high), Slot::Figure | Slot::Value | Slot::Cell) => json!([num(&r.text), num(high)]),
        _ => num(&r.text),
    };
    into.insert("value".into(), value);
    if let Some(q) = &n.qualifier {
        into.insert("qualifier".into(), json!(q));
    }
    if let (Some(s), Slot::Figure | Slot::Value | Slot::Cell) = (n.status, slot) {
        into.insert("status".into(), json!(s.name()));
    }
    if slot == Slot::Part && (r.high.is_some() || n.status.is_some()) {
        flags.push(Flag { at: Some(*at), issue: Issue::NotExact { what: Exact::Part } });
    }
    if n.signed && slot == Slot::Figure {
        into.insert("signed".into(), json!(true));
    }
    // `+16%` in a bar, a point or a part would be drawn as 16%: a change said as a level.
    // (A fall keeps its minus; a table's column holds the sign.)
    if n.signed && matches!(slot, Slot::Value | Slot::Part) && !r.text.starts_with('-') {
        flags.push(Flag { at: Some(*at), issue: Issue::SignNotShown });
    }
}

/// A number that must be exact (a rank, a target, a total): its first number; a range or a
/// status is flagged at the cell as `what`.
fn exact(cell: &(Reading, &NumberCell, At), what: Exact, flags: &mut Vec<Flag>) -> Value {
    let (r, n, at) = cell;
    if r.high.is_some() || n.status.is_some() {
        flags.push(Flag { at: Some(*at), issue: Issue::NotExact { what } });
    }
    num(&r.text)
}

/// Where the cell at body row `row`, column `col` stands in the grid.
fn at_of(t: &Table, row: usize, col: Option<usize>) -> Option<At> {
    Some(t.rows.get(row)?.get(col?)?.at)
}

/// Records where the value at `path` came from.
fn place(places: &mut Vec<(String, At)>, path: String, at: Option<At>) {
    if let Some(at) = at {
        places.push((path, at));
    }
}

/// Records where a value came from, with what its cell says of it (qualifier, status,
/// sign): all of it is edited in the cell, so that the form never holds a second copy
/// that the table would overwrite. `prefix` is the item's path (`bars[1]`), or empty for
/// the box's own value.
fn place_value(places: &mut Vec<(String, At)>, prefix: &str, at: At) {
    for field in ["value", "qualifier", "status", "signed"] {
        let path = if prefix.is_empty() { field.to_owned() } else { format!("{prefix}.{field}") };
        places.push((path, at));
    }
}

/// The text of a row's label cell.
fn label(t: &Table, row: usize, col: Option<usize>) -> Option<String> {
    match t.rows.get(row)?.get(col?)? {
        Item { cell: Cell::Text(s), .. } => Some(s.clone()),
        Item { cell: Cell::Date { written, .. }, .. } => Some(written.clone()),
        Item { cell: Cell::Number(n), .. } => Some(n.digits_text()),
        _ => None,
    }
}

struct Shape {
    dates: Option<usize>,
    labels: Option<usize>,
    numbers: Vec<usize>,
}

fn shape(t: &Table) -> Shape {
    Shape {
        dates: t.columns_of(Column::Dates).first().copied(),
        labels: t.columns_of(Column::Text).first().copied(),
        numbers: t.columns_of(Column::Numbers),
    }
}

fn whole_ranks(t: &Table, col: usize) -> bool {
    t.rows.iter().filter_map(|r| r.get(col)).all(|i| match &i.cell {
        Cell::Number(n) => {
            n.unit_text().is_none()
                && n.scale.is_none()
                && t.number(n).is_some_and(|r| !r.text.contains(['.', '-']) && r.text != "0")
        }
        Cell::Empty => true,
        _ => false,
    })
}

/// The kind the table's shape suggests.
pub fn suggest(t: &Table) -> Suggestion {
    let s = shape(t);
    let pick = |kind, why| Suggestion { kind, why };
    let titles: Vec<&str> = s.numbers.iter().map(|&c| t.title(c)).collect();
    let labels: Vec<String> = (0..t.rows.len()).filter_map(|r| label(t, r, s.labels)).collect();
    let target_named = titles.iter().any(|h| words::is_target(h)) || labels.iter().any(|l| words::is_target(l));
    if s.numbers.is_empty() && t.turned().is_none() {
        return pick("figures", Why::NoNumbers);
    }
    if s.labels.is_some() && s.numbers.len() == 2 && s.numbers.iter().all(|&c| whole_ranks(t, c)) {
        return pick("rank-change", Why::FromTo);
    }
    if s.dates.is_some() && t.rows.len() > 1 || t.turned().is_some() {
        return pick("line", Why::Dates);
    }
    if target_named && (s.numbers.len() >= 2 && t.rows.len() == 1 || t.rows.len() == 2) {
        return pick("progress", Why::Target);
    }
    if t.rows.len() == 1 {
        return pick("figures", Why::OneRow);
    }
    // More than two columns (a label and several values, or several texts): a table
    // shows them all, where a chart would keep one.
    let filled = |col: usize| t.rows.iter().filter(|r| r.get(col).is_some_and(|i| i.cell != Cell::Empty)).count();
    if (0..t.columns.len()).filter(|&c| filled(c) > 1).count() > 2 {
        return pick("table", Why::Columns);
    }
    if let Some(&col) = s.numbers.first() {
        let cells = numbers(t, col);
        let total_row = labels.iter().any(|l| words::is_total(l));
        let all_percent = cells.iter().flatten().all(|(_, n, _)| n.percent);
        let sum: f64 = cells.iter().flatten().filter_map(|(r, _, _)| r.text.parse::<f64>().ok()).sum();
        let shares = (all_percent || words::is_share(t.title(col))) && (sum - 100.0).abs() <= 1.0;
        if s.labels.is_some() && (total_row || shares) && cells.len() >= 2 {
            return pick("share", Why::Parts);
        }
    }
    pick("bar", Why::Labels)
}

/// The fields `kind` gets from the table, in the style the table was read in.
pub fn build(t: &Table, kind: &str) -> Built {
    let s = shape(t);
    let mut b = Built::default();
    let flags = &mut b.flags;
    let f = &mut b.fields;
    let places = &mut b.places;
    let ranks_named = s.numbers.iter().any(|&c| words::is_rank(t.title(c)));
    match kind {
        "figures" if t.rows.len() == 1 || s.labels.is_none() => {
            // In a row of figures every cell is a value: one with digits the studio cannot
            // read ("36 (số liệu chưa chốt)") is marked, never taken for a label or dropped.
            if t.rows.len() == 1 {
                for item in t.rows.iter().flatten() {
                    if matches!(&item.cell, Cell::Text(text) if text.contains(|c: char| c.is_ascii_digit())) {
                        flags.push(Flag { at: Some(item.at), issue: Issue::UnreadNumber });
                    }
                }
            }
            let mut figures = Vec::new();
            for &col in &s.numbers {
                for cell in numbers(t, col).iter().flatten() {
                    let (r, n, at) = cell;
                    let k = figures.len();
                    place_value(places, &format!("figures[{k}]"), *at);
                    place(places, format!("figures[{k}].label"), t.title_at(col));
                    let mut o = Map::new();
                    put_value(&mut o, Slot::Figure, cell, flags);
                    put_format(&mut o, n.unit_text(), n.scale, &[r]);
                    if !t.title(col).is_empty() {
                        o.insert("label".into(), json!(t.title(col)));
                    }
                    figures.push(Value::Object(o));
                }
            }
            f.insert("figures".into(), Value::Array(figures));
        }
        "figures" => {
            let col = s.numbers.first().copied().unwrap_or(0);
            let cells = numbers(t, col);
            let figures = cells
                .iter()
                .enumerate()
                .filter_map(|(row, c)| c.as_ref().map(|c| (row, c)))
                .enumerate()
                .map(|(k, (row, cell))| {
                    let (r, n, at) = cell;
                    place_value(places, &format!("figures[{k}]"), *at);
                    place(places, format!("figures[{k}].label"), at_of(t, row, s.labels));
                    let mut o = Map::new();
                    put_value(&mut o, Slot::Figure, cell, flags);
                    put_format(&mut o, n.unit_text(), n.scale, &[r]);
                    if let Some(l) = label(t, row, s.labels) {
                        o.insert("label".into(), json!(l));
                    }
                    Value::Object(o)
                })
                .collect();
            f.insert("figures".into(), Value::Array(figures));
        }
        "bar" | "share" => {
            // Columns labelled by years (`2022 | 23`) are labelled by the years as written.
            let s = Shape { labels: s.labels.or(s.dates), dates: None, numbers: s.numbers.clone() };
            let col = s.numbers.first().copied();
            let cells = col.map(|c| numbers(t, c)).unwrap_or_default();
            let mut list = Vec::new();
            let mut total = None;
            for (row, c) in cells.iter().enumerate() {
                let Some(cell) = c else { continue };
                let (_, _, at) = cell;
                let l = label(t, row, s.labels);
                if kind == "share" && l.as_deref().is_some_and(words::is_total) {
                    total = Some(cell);
                    place(places, "total".into(), Some(*at));
                    continue;
                }
                let key = if kind == "bar" { "bars" } else { "parts" };
                let k = list.len();
                place_value(places, &format!("{key}[{k}]"), *at);
                place(places, format!("{key}[{k}].label"), at_of(t, row, s.labels));
                place(places, format!("{key}[{k}]"), at_of(t, row, s.labels));
                let mut o = Map::new();
                put_value(&mut o, if kind == "bar" { Slot::Value } else { Slot::Part }, cell, flags);
                if let Some(l) = l {
                    o.insert("label".into(), json!(l));
                }
                list.push(Value::Object(o));
            }
            let parts: Vec<_> = cells.iter().flatten().collect();
            let (unit, scale) = common(&parts, flags);
            let readings: Vec<&Reading> = parts.iter().map(|(r, _, _)| r).collect();
            put_format(f, unit, scale, &readings);
            if let Some(cell) = total {
                let total = exact(cell, Exact::Total, flags);
                f.insert("total".into(), total);
            }
            if kind == "bar" && ranks_named {
                f.insert("ranks".into(), json!(true));
            }
            f.insert(if kind == "bar" { "bars" } else { "parts" }.into(), Value::Array(list));
            if s.labels.is_none() && !t.rows.is_empty() {
                flags.push(Flag { at: None, issue: Issue::NoLabels });
            }
        }
        "rank-change" => {
            let (from, to) = (s.numbers.first().copied(), s.numbers.get(1).copied());
            let (Some(from), Some(to)) = (from, to) else {
                flags.push(Flag { at: None, issue: Issue::TwoRankColumns });
                f.insert("items".into(), json!([]));
                return b;
            };
            let a = numbers(t, from);
            let z = numbers(t, to);
            let mut items = Vec::new();
            for (row, (x, y)) in a.iter().zip(&z).enumerate() {
                let k = items.len();
                place(places, format!("items[{k}].label"), at_of(t, row, s.labels));
                place(places, format!("items[{k}]"), at_of(t, row, s.labels));
                let mut o = Map::new();
                if let Some(l) = label(t, row, s.labels) {
                    o.insert("label".into(), json!(l));
                }
                for (key, c) in [("from", x), ("to", y)] {
                    if let Some(cell) = c {
                        let (_, n, at) = cell;
                        place(places, format!("items[{k}].{key}"), Some(*at));
                        if n.unit_text().is_some() || n.scale.is_some() {
                            flags.push(Flag { at: Some(*at), issue: Issue::RankWithUnit });
                        }
                        let rank = exact(cell, Exact::Rank, flags);
                        o.insert(key.into(), rank);
                    }
                }
                items.push(Value::Object(o));
            }
            for (key, col) in [("from_date", from), ("to_date", to)] {
                place(places, key.into(), t.title_at(col));
                if !t.title(col).is_empty() {
                    f.insert(key.into(), json!(t.title(col)));
                }
            }
            f.insert("items".into(), Value::Array(items));
        }
        "line" if s.dates.is_none() && t.turned().is_some() => {
            if let Some(turned) = t.turned() {
                return build(&turned, kind);
            }
        }
        "line" => {
            let Some(dcol) = s.dates else {
                flags.push(Flag { at: None, issue: Issue::NoDates });
                f.insert("series".into(), json!([]));
                return b;
            };
            let mut series = Vec::new();
            let mut all = Vec::new();
            for (k, &col) in s.numbers.iter().enumerate() {
                let cells = numbers(t, col);
                let mut points = Vec::new();
                place(places, format!("series[{k}].name"), t.title_at(col));
                place(places, format!("series[{k}]"), t.title_at(col));
                for (row, c) in cells.iter().enumerate() {
                    let Some(cell) = c else { continue };
                    let (_, _, at) = cell;
                    let Some(Item { cell: Cell::Date { iso, .. }, at: date_at }) = t.rows.get(row).and_then(|x| x.get(dcol)) else {
                        continue;
                    };
                    let p_k = points.len();
                    place_value(places, &format!("series[{k}].points[{p_k}]"), *at);
                    place(places, format!("series[{k}].points[{p_k}].date"), Some(*date_at));
                    let mut p = Map::new();
                    p.insert("date".into(), json!(iso));
                    put_value(&mut p, Slot::Value, cell, flags);
                    points.push(Value::Object(p));
                }
                let title = t.title(col);
                let name = if title.is_empty() { words::series_name(k) } else { title.to_owned() };
                series.push(json!({ "name": name, "points": points }));
                all.extend(cells.into_iter().flatten());
            }
            let refs: Vec<_> = all.iter().collect();
            let (unit, scale) = common(&refs, flags);
            let readings: Vec<&Reading> = all.iter().map(|(r, _, _)| r).collect();
            put_format(f, unit, scale, &readings);
            if ranks_named {
                f.insert("ranks".into(), json!(true));
            }
            f.insert("series".into(), Value::Array(series));
        }
        "progress" => build_progress(t, &s, ranks_named, f, flags, places),
        "table" => build_table(t, f, flags, places),
        _ => {}
    }
    b
}

/// A table: a column per column of the sheet (its key made from its title), a row per
/// row; a number cell as its number, or with what it says of itself (`{"value": 36,
/// "status": "estimate"}`); a column's unit and scale from its cells, and `signed` when
/// one of them was written with its sign (`+16`), so that no sign is dropped.
fn build_table(t: &Table, f: &mut Map<String, Value>, flags: &mut Vec<Flag>, places: &mut Vec<(String, At)>) {
    let mut keys: Vec<String> = Vec::new();
    let mut columns = Vec::new();
    for col in 0..t.columns.len() {
        let title = t.title(col);
        let base = crate::suggest::slug(title).map_or_else(|| format!("cot_{}", col + 1), |s| s.replace('-', "_"));
        let mut key = base.clone();
        let mut n = 2;
        while keys.contains(&key) || key == "highlight" {
            key = format!("{base}_{n}");
            n += 1;
        }
        keys.push(key.clone());
        let mut c = Map::new();
        c.insert("key".into(), json!(key));
        let label = if title.is_empty() { words::column_name(col) } else { title.to_owned() };
        c.insert("label".into(), json!(label));
        place(places, format!("columns[{col}].label"), t.title_at(col));
        if t.columns.get(col) == Some(&Column::Numbers) {
            let cells = numbers(t, col);
            let refs: Vec<_> = cells.iter().flatten().collect();
            let (unit, scale) = common(&refs, flags);
            let readings: Vec<&Reading> = refs.iter().map(|(r, _, _)| r).collect();
            put_format(&mut c, unit, scale, &readings);
            if refs.iter().any(|(_, n, _)| n.signed) {
                c.insert("signed".into(), json!(true));
            }
            if words::is_rank(title) {
                c.insert("ranks".into(), json!(true));
            }
        }
        columns.push(Value::Object(c));
    }
    let mut rows = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let mut o = Map::new();
        for (col, item) in row.iter().enumerate() {
            let Some(key) = keys.get(col) else { continue };
            let value = match &item.cell {
                Cell::Empty => continue,
                Cell::Text(text) => json!(text),
                Cell::Date { written, .. } => json!(written),
                Cell::Number(n) => {
                    let Some(reading) = t.number(n) else { continue };
                    let mut v = Map::new();
                    put_value(&mut v, Slot::Cell, &(reading, n, item.at), flags);
                    if v.len() == 1 {
                        v.remove("value").unwrap_or(Value::Null)
                    } else {
                        Value::Object(v)
                    }
                }
            };
            place(places, format!("rows[{r}].{key}"), Some(item.at));
            o.insert(key.clone(), value);
        }
        rows.push(Value::Object(o));
    }
    f.insert("columns".into(), Value::Array(columns));
    f.insert("rows".into(), Value::Array(rows));
}

/// A value and its target: from one row (`Đạt | Mục tiêu`) or two labelled rows.
fn build_progress(
    t: &Table,
    s: &Shape,
    ranks_named: bool,
    f: &mut Map<String, Value>,
    flags: &mut Vec<Flag>,
    places: &mut Vec<(String, At)>,
) {
    let cell = |row: usize, col: usize| numbers(t, col).into_iter().nth(row).flatten();
    let (value, target, value_label, target_label) = if t.rows.len() == 1 {
        // The last column named a target (a value may be called "mục tiêu số hoá" too).
        let target_col = s
            .numbers
            .iter()
            .copied()
            .rfind(|&c| words::is_target(t.title(c)))
            .or_else(|| s.numbers.get(1).copied());
        let value_col = s.numbers.iter().copied().find(|&c| Some(c) != target_col);
        (
            value_col.and_then(|c| cell(0, c)),
            target_col.and_then(|c| cell(0, c)),
            label(t, 0, s.labels).or_else(|| value_col.map(|c| t.title(c).to_owned())),
            target_col.map(|c| t.title(c).to_owned()),
        )
    } else {
        let col = s.numbers.first().copied().unwrap_or(0);
        let target_row = (0..t.rows.len()).rfind(|&r| label(t, r, s.labels).as_deref().is_some_and(words::is_target));
        let value_row = (0..t.rows.len()).find(|&r| Some(r) != target_row);
        if t.rows.len() > 2 {
            flags.push(Flag { at: None, issue: Issue::ProgressRows });
        }
        (
            value_row.and_then(|r| cell(r, col)),
            target_row.and_then(|r| cell(r, col)),
            value_row.and_then(|r| label(t, r, s.labels)),
            target_row.and_then(|r| label(t, r, s.labels)),
        )
    };
    let Some(value) = value else {
        flags.push(Flag { at: None, issue: Issue::NoNumbers });
        return;
    };
    let n = value.1;
    place_value(places, "", value.2);
    if let Some((_, _, tat)) = &target {
        place(places, "target".into(), Some(*tat));
    }
    put_value(f, Slot::Value, &value, flags);
    put_format(f, n.unit_text(), None, &[]);
    if let Some(l) = value_label.filter(|l| !l.is_empty()) {
        f.insert("label".into(), json!(l));
    }
    if let Some(cell) = &target {
        let (_, tn, at) = cell;
        let goal = exact(cell, Exact::Target, flags);
        f.insert("target".into(), goal);
        if tn.unit_text().is_some() && tn.unit_text() != n.unit_text() {
            flags.push(Flag {
                at: Some(*at),
                issue: Issue::MixedUnits { unit: tn.unit_text().unwrap_or_default(), first: n.unit_text().unwrap_or_default() },
            });
        }
        if let Some(l) = target_label.filter(|l| !l.is_empty() && !words::is_generic_target(l)) {
            f.insert("target_label".into(), json!(l));
        }
    }
    if ranks_named {
        f.insert("ranks".into(), json!(true));
    }
}

/// The box with the table's fields: a box of another kind keeps only the fields every
/// kind shares; lists are merged item by item, so that what the form set on an item (a
/// highlight, a comparison) stays with it.
pub fn apply(old: &Value, kind: &str, built: &Built) -> Value {
    let mut b = match old {
        Value::Object(o) => o.clone(),
        _ => Map::new(),
    };
    if b.get("kind").and_then(Value::as_str) != Some(kind) {
        b.retain(|k, _| HEAD_FIELDS.contains(&k.as_str()));
        b.insert("kind".into(), json!(kind));
    }
    let before: Map<String, Value> = b.clone();
    for k in OWNED {
        b.remove(*k);
    }
    for (k, v) in &built.fields {
        let merged = match (before.get(k), v) {
            // A table's rows are the sheet's, whole: a row has no name to follow.
            (_, rows) if k == "rows" => rows.clone(),
            (Some(Value::Array(olds)), Value::Array(news)) => Value::Array(
                news.iter()
                    .enumerate()
                    .map(|(i, n)| match (same_item(olds, i, n), n) {
                        (Some(Value::Object(o)), Value::Object(n)) => {
                            let mut m = o.clone();
                            m.retain(|k, _| !ITEM_OWNED.contains(&k.as_str()));
                            m.extend(n.clone());
                            Value::Object(m)
                        }
                        _ => n.clone(),
                    })
                    .collect(),
            ),
            _ => v.clone(),
        };
        b.insert(k.clone(), merged);
    }
    if kind == "table" {
        keep_keys(&mut b, &before);
    }
    Value::Object(b)
}

/// A table's columns keep the keys they had (a column is followed by its label, as an
/// item is), and so do the cells of every row: pasting the sheet again does not rename
/// what a `sort` or the form refers to.
fn keep_keys(b: &mut Map<String, Value>, before: &Map<String, Value>) {
    let key = |c: &Value| c.get("key").and_then(Value::as_str).map(str::to_owned);
    let olds = before.get("columns").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut renames: Vec<(String, String)> = Vec::new();
    if let Some(Value::Array(columns)) = b.get_mut("columns") {
        let taken: Vec<String> = olds.iter().filter_map(key).collect();
        for c in columns.iter_mut() {
            let label = c.get("label").cloned();
            let old = olds.iter().find(|o| o.get("label") == label.as_ref()).and_then(key);
            if let (Some(old), Some(new)) = (old, key(c)) {
                if old != new && taken.contains(&old) {
                    if let Value::Object(o) = c {
                        o.insert("key".into(), json!(old.clone()));
                    }
                    renames.push((new, old));
                }
            }
        }
    }
    if let Some(Value::Array(rows)) = b.get_mut("rows").filter(|_| !renames.is_empty()) {
        for row in rows.iter_mut() {
            let Value::Object(cells) = row else { continue };
            let moved: Vec<(String, Value)> = renames
                .iter()
                .filter_map(|(new, old)| cells.remove(new).map(|v| (old.clone(), v)))
                .collect();
            cells.extend(moved);
        }
    }
    // A row the form highlighted stays so, found by its name (its first cell).
    let first = |m: &Map<String, Value>| {
        m.get("columns").and_then(Value::as_array).and_then(|c| c.first()).and_then(key)
    };
    if let (Some(name_key), Some(Value::Array(old_rows))) = (first(before), before.get("rows")) {
        let old_rows = old_rows.clone();
        if let Some(Value::Array(rows)) = b.get_mut("rows") {
            for row in rows.iter_mut() {
                let name = row.get(&name_key).cloned();
                let was = old_rows.iter().find(|o| name.is_some() && o.get(&name_key) == name.as_ref());
                if let (Some(h), Value::Object(r)) = (was.and_then(|o| o.get("highlight")), &mut *row) {
                    r.insert("highlight".into(), h.clone());
                }
            }
        }
    }
}

/// The old item that new item `n` (at `i`) continues: the one of the same label or name
/// (a bar keeps its highlight when the table is sorted or pasted again), or, for an item
/// the table gives no name (a figure under a blank title), the one at the same place.
fn same_item<'a>(olds: &'a [Value], i: usize, n: &Value) -> Option<&'a Value> {
    let name = |v: &Value| v.get("label").or_else(|| v.get("name")).and_then(Value::as_str).map(str::to_owned);
    match name(n) {
        Some(wanted) => olds.iter().find(|o| name(o).as_deref() == Some(wanted.as_str())),
        None => olds.get(i),
    }
}

/// The spelling of "tỷ"/"tỉ" the table's scaled numbers use, for the file's
/// `billion_word` (a box writes the scale word the file names, so the studio sets the file's
/// to what was typed, rather than change "36 tỷ" into "36 tỉ"); `file` is the file's
/// spelling, if it says one. A cell that spells it otherwise than the file (or than the
/// table's first such cell) is flagged.
pub fn billion_word(t: &Table, file: Option<BillionWord>) -> (Option<BillionWord>, Vec<Flag>) {
    let name = |w: BillionWord| match w {
        BillionWord::Ti => "tỉ",
        BillionWord::Ty => "tỷ",
    };
    let mut chosen = file;
    let mut flags = Vec::new();
    for item in t.rows.iter().flatten() {
        let Cell::Number(n) = &item.cell else { continue };
        let Some(typed) = n.billion else { continue };
        match chosen {
            None => chosen = Some(typed),
            Some(c) if c != typed => flags.push(Flag {
                at: Some(item.at),
                issue: Issue::BillionSpelling { typed: name(typed).into(), file: name(c).into() },
            }),
            _ => {}
        }
    }
    (chosen.filter(|_| file.is_none()), flags)
}

/// What a box built from a table takes for granted and the journalist should confirm: a
/// progress box whose direction neither `ranks` nor `better` gives (the form may have set
/// them since, so this looks at the box, not the table).
pub fn assumptions(b: &Value) -> Vec<Flag> {
    let says = |k: &str| b.get(k).is_some_and(|v| !v.is_null());
    if b.get("kind").and_then(Value::as_str) == Some("progress") && b.get("target").is_some() && !says("ranks") && !says("better") {
        vec![Flag { at: None, issue: Issue::DirectionAssumed }]
    } else {
        Vec::new()
    }
}

/// A number as the journalist's style writes it: `9300` → `9.300`, `26.7` → `26,7`.
pub fn written(text: &str, style: Style) -> String {
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text),
    };
    if !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return text.to_owned();
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let (group, mark) = match style {
        Style::Vi => ('.', ','),
        Style::En => (',', '.'),
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// A value cell: qualifier, number and unit as an article writes them.
fn value_cell(o: &Value, key: &str, unit: Option<&str>, style: Style, lang: Lang) -> String {
    // One number, or a range `[low, high]`, written `90–200`, as the studio reads it back.
    let number = match o.get(key) {
        Some(Value::Array(ends)) => match ends.as_slice() {
            [a, z] => match (num_text(a), num_text(z)) {
                (Some(a), Some(z)) => format!("{}–{}", written(&a, style), written(&z, style)),
                _ => return String::new(),
            },
            _ => return String::new(),
        },
        Some(v) => match num_text(v) {
            Some(t) => written(&t, style),
            None => return String::new(),
        },
        None => return String::new(),
    };
    let mut cell = String::new();
    if key == "value" {
        if let Some(q) = o.get("qualifier").and_then(Value::as_str) {
            cell.push_str(q);
            cell.push(' ');
        }
        if o.get("signed") == Some(&json!(true)) && !number.starts_with('-') {
            cell.push('+');
        }
    }
    cell.push_str(&number);
    match unit {
        Some("%") => cell.push('%'),
        Some(u) if !u.is_empty() => {
            cell.push(' ');
            cell.push_str(u);
        }
        _ => {}
    }
    if key == "value" {
        let status = o.get("status").and_then(Value::as_str);
        if let Some(s) = [Status::Estimate, Status::Forecast, Status::Preliminary].into_iter().find(|s| Some(s.name()) == status) {
            cell.push_str(&format!(" ({})", s.word(lang)));
        }
    }
    cell
}

/// A box's data as the table the studio shows (header first), written in `style`.
pub fn table_of(b: &Value, style: Style, lang: Lang) -> Vec<Vec<String>> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let list = |key: &str| b.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let w = |k| words::column(k, lang).to_owned();
    match b.get("kind").and_then(Value::as_str).unwrap_or_default() {
        "figures" => {
            let figs = list("figures");
            vec![
                figs.iter().map(|x| text(x.get("label"))).collect(),
                figs.iter().map(|x| {
                    let unit = x.get("unit").and_then(Value::as_str);
                    value_cell(x, "value", unit.filter(|_| x.get("scale").is_none()), style, lang)
                }).collect(),
            ]
        }
        kind @ ("bar" | "share") => {
            let key = if kind == "bar" { "bars" } else { "parts" };
            let mut rows = vec![vec![w("label"), w("value")]];
            for x in list(key) {
                rows.push(vec![text(x.get("label")), value_cell(&x, "value", None, style, lang)]);
            }
            if let Some(total) = b.get("total").and_then(num_text) {
                rows.push(vec![w("total"), written(&total, style)]);
            }
            rows
        }
        "rank-change" => {
            let mut rows = vec![vec![String::new(), text(b.get("from_date")), text(b.get("to_date"))]];
            for x in list("items") {
                rows.push(vec![text(x.get("label")), value_cell(&x, "from", None, style, lang), value_cell(&x, "to", None, style, lang)]);
            }
            rows
        }
        "line" => {
            let series = list("series");
            let mut dates: Vec<String> = Vec::new();
            for s in &series {
                for p in s.get("points").and_then(Value::as_array).into_iter().flatten() {
                    let d = text(p.get("date"));
                    if !dates.contains(&d) {
                        dates.push(d);
                    }
                }
            }
            let mut rows = vec![std::iter::once(w("date")).chain(series.iter().map(|s| text(s.get("name")))).collect::<Vec<_>>()];
            for d in dates {
                let mut row = vec![d.clone()];
                for s in &series {
                    let p = s.get("points").and_then(Value::as_array).and_then(|ps| ps.iter().find(|p| text(p.get("date")) == d));
                    row.push(p.map(|p| value_cell(p, "value", None, style, lang)).unwrap_or_default());
                }
                rows.push(row);
            }
            rows
        }
        "table" => {
            let columns = list("columns");
            let mut rows = vec![columns.iter().map(|c| text(c.get("label"))).collect::<Vec<_>>()];
            for r in list("rows") {
                rows.push(
                    columns
                        .iter()
                        .map(|c| {
                            let unit = c.get("unit").and_then(Value::as_str).filter(|_| c.get("scale").is_none());
                            let mut cell = match r.get(text(c.get("key")).as_str()) {
                                Some(Value::String(t)) => return t.clone(),
                                Some(Value::Object(o)) if o.contains_key("value") => Value::Object(o.clone()),
                                Some(v) if !v.is_null() => json!({ "value": v }),
                                _ => return String::new(),
                            };
                            if let (Some(true), Value::Object(o)) = (c.get("signed").and_then(Value::as_bool), &mut cell) {
                                o.insert("signed".into(), json!(true));
                            }
                            value_cell(&cell, "value", unit, style, lang)
                        })
                        .collect(),
                );
            }
            rows
        }
        "progress" => {
            let unit = b.get("unit").and_then(Value::as_str);
            let mut header = vec![text(b.get("label"))];
            let mut row = vec![value_cell(b, "value", unit, style, lang)];
            if b.get("target").is_some() {
                let tl = text(b.get("target_label"));
                header.push(if tl.is_empty() { w("target") } else { tl });
                row.push(value_cell(b, "target", unit, style, lang));
            }
            vec![header, row]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::doc;
    use super::super::table::split;
    use super::*;

    fn table(text: &str) -> Table {
        Table::read(&split(text, false), None, Style::Vi)
    }

    #[test]
    fn kinds_suggested_from_the_shape() {
        let k = |text: &str| suggest(&table(text)).kind;
        assert_eq!(k("Tháng\tHồ sơ\n1/2024\t1.200\n2/2024\t1.350\n3/2024\t1.500"), "line");
        assert_eq!(k("Năm\t2019\t2020\t2021\nViệt Nam\t86\t79\t75"), "line");
        assert_eq!(k("Năm\t2019\t2020\nViệt Nam\t86,5\t79,1\nLào\t5\t6"), "line");
        assert_eq!(k("Quốc gia\t2018\t2020\nViệt Nam\t88\t86\nThái Lan\t73\t57"), "rank-change");
        assert_eq!(k("Tiết kiệm\tTài khoản\n9.300 tỉ đồng\t16,4 triệu"), "figures");
        assert_eq!(k("Kết quả\tKhỏi bệnh\t2.200\nTử vong\t35\nĐang điều trị\t325\nTổng\t2.560"), "share");
        assert_eq!(k("Nhóm\tTỉ lệ\nA\t45%\nB\t30%\nC\t25%"), "share");
        assert_eq!(k("Cơ quan\tHồ sơ\nTổng cục Thuế\t120\nBộ Công an\t80"), "bar");
        assert_eq!(k("Đạt được\tMục tiêu năm 2020\n31%\t30%"), "progress");
        assert_eq!(k("Đạt\t31%\nMục tiêu\t30%"), "progress");
        assert_eq!(k("Tỉnh\tĐiểm\nHà Nội\t87,5\nHuế\t91,2\nĐà Nẵng\t93,1"), "bar");
        assert_eq!(k("City\tScore\nHanoi\t87.5\nHue\t91.2"), "bar");
        // More than two columns: a table, every column kept, each cell as typed.
        let sheet = "Tỉnh\tTỉ lệ\tHồ sơ\tTăng\nHà Nội\t78,5%\t1.200\t+16\nHuế\t36% (ước tính)\t\t-2";
        assert_eq!(k(sheet), "table");
        let b = build(&table(sheet), "table");
        assert!(b.flags.is_empty(), "{:?}", b.flags);
        assert_eq!(
            Value::Object(b.fields.clone()),
            json!({
                "columns": [
                    {"key": "tinh", "label": "Tỉnh"},
                    {"key": "ti_le", "label": "Tỉ lệ", "unit": "%"},
                    {"key": "ho_so", "label": "Hồ sơ"},
                    {"key": "tang", "label": "Tăng", "signed": true}
                ],
                "rows": [
                    {"tinh": "Hà Nội", "ti_le": {"$n": "78.5"}, "ho_so": {"$n": "1200"}, "tang": {"$n": "16"}},
                    {"tinh": "Huế", "ti_le": {"value": {"$n": "36"}, "status": "estimate"}, "tang": {"$n": "-2"}}
                ]
            })
        );
        let place = b.places.iter().find(|(p, _)| p == "rows[1].ti_le").map(|(_, a)| (a.row, a.col));
        assert_eq!(place, Some((2, 1)), "the cell is edited where it was pasted");
    }

    #[test]
    fn a_bar_chart_with_units_qualifiers_and_a_scale() {
        let t = table("Tỉnh\tHồ sơ\nHà Nội\thơn 1,2 triệu\nHuế\t950 nghìn");
        let b = build(&t, "bar");
        assert_eq!(b.flags, vec![Flag { at: Some(At { row: 2, col: 1 }), issue: Issue::MixedScales }]);
        // A written zero under a scale word is kept by `decimals`.
        let b = build(&table("Tỉnh\tHồ sơ\nHà Nội\t1,0 triệu\nHuế\t0,9 triệu"), "bar");
        assert_eq!(b.fields["decimals"], json!({"$n": "1"}));
        let t = table("Tỉnh\tHồ sơ\nHà Nội\thơn 1,2 triệu\nHuế\t0,9 triệu");
        let b = build(&t, "bar");
        assert!(b.flags.is_empty());
        assert_eq!(
            Value::Object(b.fields),
            json!({"scale": "million", "bars": [
                {"label": "Hà Nội", "value": {"$n": "1200000"}, "qualifier": "hơn"},
                {"label": "Huế", "value": {"$n": "900000"}}]})
        );
    }

    #[test]
    fn ranks_progress_and_line_from_english_data() {
        let t = Table::read(&split("Month\tVisits\tErrors\n9/17/2024\t1,250\t12\n10/1/2024\t1,410.5\t9", false), None, Style::Vi);
        let b = build(&t, "line");
        assert!(b.flags.is_empty(), "{:?}", b.flags);
        assert_eq!(b.fields["series"][0]["points"][1], json!({"date": "2024-10-01", "value": {"$n": "1410.5"}}));
        assert_eq!(b.fields["series"][1]["name"], json!("Errors"));
        let t = table("Quốc gia\t2018\t2020\nViệt Nam\t88\t86\nThái Lan\t73\t57");
        let b = build(&t, "rank-change");
        assert_eq!(b.fields["from_date"], json!("2018"));
        assert_eq!(b.fields["items"][1], json!({"label": "Thái Lan", "from": {"$n": "73"}, "to": {"$n": "57"}}));
        let b = build(&table("Xếp hạng\tMục tiêu\n86\t50"), "progress");
        assert_eq!(Value::Object(b.fields), json!({"value": {"$n": "86"}, "target": {"$n": "50"}, "label": "Xếp hạng", "ranks": true}));
        let b = build(&table("Mục tiêu số hoá\tMục tiêu 2025\n31%\t30%"), "progress");
        assert_eq!((&b.fields["value"], &b.fields["label"]), (&json!({"$n": "31"}), &json!("Mục tiêu số hoá")));
        let b = build(&table("Đạt\tgần 31%\nMục tiêu 2020\t30%"), "progress");
        assert_eq!(
            Value::Object(b.fields),
            json!({"value": {"$n": "31"}, "qualifier": "gần", "unit": "%", "label": "Đạt", "target": {"$n": "30"}, "target_label": "Mục tiêu 2020"})
        );
    }

    #[test]
    fn a_target_without_a_direction_is_pointed_out() {
        let values = apply(&json!({}), "progress", &build(&table("Việt Nam\tMục tiêu\n86\t50"), "progress"));
        assert_eq!(assumptions(&values).iter().map(|f| f.issue.code()).collect::<Vec<_>>(), vec!["direction-assumed"]);
        let ranks = apply(&json!({}), "progress", &build(&table("Xếp hạng\tMục tiêu\n86\t50"), "progress"));
        assert!(assumptions(&ranks).is_empty());
        let mut chosen = values.clone();
        chosen["better"] = json!("lower");
        assert!(assumptions(&chosen).is_empty());
        assert!(assumptions(&json!({"kind": "bar"})).is_empty());
    }

    #[test]
    fn every_value_knows_its_cell() {
        let at = |b: &Built, path: &str| b.places.iter().find(|(p, _)| p == path).map(|(_, a)| (a.row, a.col));
        let b = build(&table("Quốc gia\t2018\t2020\nThái Lan\t73\t57\nViệt Nam\t88\t86"), "rank-change");
        assert_eq!(at(&b, "items[1].to"), Some((2, 2)));
        assert_eq!(at(&b, "items[1].label"), Some((2, 0)));
        assert_eq!(at(&b, "to_date"), Some((0, 2)));
        // A wide table turned round: the cells are still where they were pasted.
        let b = build(&table("Năm\t2019\t2020\t2021\nViệt Nam\t7,02\t2,91\t2,58"), "line");
        assert_eq!(at(&b, "series[0].points[2].value"), Some((1, 3)));
        assert_eq!(at(&b, "series[0].points[2].date"), Some((0, 3)));
        assert_eq!(at(&b, "series[0].name"), Some((1, 0)));
        let b = build(&table("Kết quả\tSố ca\nKhỏi bệnh\t2.200\nTử vong\t35\nTổng\t2.560"), "share");
        assert_eq!(at(&b, "total"), Some((3, 1)));
        let b = build(&table("Đạt\tgần 31%\nMục tiêu 2020\t30%"), "progress");
        assert_eq!((at(&b, "value"), at(&b, "target")), (Some((0, 1)), Some((1, 1))));
    }

    #[test]
    fn applying_keeps_the_form_and_replaces_the_data() {
        let old = json!({"id": "a", "kind": "bar", "title": "T", "unit": "%",
            "bars": [{"label": "x", "value": {"$n": "1"}, "qualifier": "hơn", "highlight": true}]});
        let b = build(&table("Tỉnh\tĐiểm\ny\t2\nz\t3"), "bar");
        let new = apply(&old, "bar", &b);
        assert_eq!(new["unit"], json!("%"));
        assert_eq!(new["bars"][0], json!({"label": "y", "value": {"$n": "2"}}));
        // Another table: what the form set stays with the item of the same name, not the
        // item that took its place.
        let b = build(&table("Tỉnh\tĐiểm\nz\t2\ny\t3"), "bar");
        let old = json!({"id": "a", "kind": "bar", "title": "T",
            "bars": [{"label": "y", "value": {"$n": "1"}, "highlight": true}, {"label": "z", "value": {"$n": "1"}}]});
        let new = apply(&old, "bar", &b);
        assert_eq!(new["bars"][0], json!({"label": "z", "value": {"$n": "2"}}));
        assert_eq!(new["bars"][1], json!({"label": "y", "value": {"$n": "3"}, "highlight": true}));
        let figures = json!({"id": "f", "kind": "figures", "title": "T", "figures": [{"label": "typed", "value": {"$n": "1"}}]});
        let new = apply(&figures, "figures", &build(&table("5\t6"), "figures"));
        assert_eq!(new["figures"][0], json!({"label": "typed", "value": {"$n": "5"}}));
        let as_line = apply(&old, "share", &build(&table("Tỉnh\tĐiểm\ny\t2\nz\t3"), "share"));
        assert_eq!(as_line.get("unit"), None);
        assert_eq!(as_line["kind"], json!("share"));
        assert_eq!(as_line["title"], json!("T"));
    }

    #[test]
    fn every_demo_box_survives_the_trip_through_a_table() {
        let files = [
            ("www/data/egov-vn.json", Style::Vi, Lang::Vi),
            ("www/data/egov-en.json", Style::En, Lang::En),
            ("www/data/kinh-te-so.json", Style::Vi, Lang::Vi),
        ];
        for (file, style, lang) in files {
            let text = std::fs::read_to_string(file).unwrap();
            let document = doc::open(&text).unwrap();
            for b in document["boxes"].as_array().unwrap() {
                let kind = b["kind"].as_str().unwrap();
                let grid = table_of(b, style, lang);
                let t = Table::read(&grid, Some(style), style);
                let built = build(&t, kind);
                assert!(built.flags.is_empty(), "{file} {}: {:?}", b["id"], built.flags);
                assert_eq!(&apply(b, kind, &built), b, "{file} {}: {grid:?}", b["id"]);
            }
        }
    }

    /// What the journalist typed is what the box says: each of the issue's cells builds the
    /// box with its status, range, qualifier, sign and spelling.
    #[test]
    fn pasted_estimates_and_ranges_build_truthful_boxes() {
        let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect::<Vec<Vec<String>>>();
        let t = Table::read(
            &grid(&[&["Năm", "GMV"], &["2023", "30"], &["2024", "36 (ước tính)"], &["2025", "45 (dự báo)"], &["2030", "90–200 (dự báo)"]]),
            None,
            Style::Vi,
        );
        let b = build(&t, "line");
        assert!(b.flags.is_empty(), "{:?}", b.flags);
        assert_eq!(
            b.fields["series"][0]["points"],
            json!([
                {"date": "2023", "value": {"$n": "30"}},
                {"date": "2024", "value": {"$n": "36"}, "status": "estimate"},
                {"date": "2025", "value": {"$n": "45"}, "status": "forecast"},
                {"date": "2030", "value": [{"$n": "90"}, {"$n": "200"}], "status": "forecast"}
            ])
        );
        // Every cell of a row of figures is a figure; none is dropped.
        let t = Table::read(
            &grid(&[&["GMV", "Tăng trưởng", "Tỷ trọng GDP", "Thay đổi"], &["ước tính 36 tỷ USD", "tăng 16%", "khoảng 13-14%", "+16%"]]),
            None,
            Style::Vi,
        );
        let b = build(&t, "figures");
        assert!(b.flags.is_empty(), "{:?}", b.flags);
        assert_eq!(
            b.fields["figures"],
            json!([
                {"value": {"$n": "36"}, "status": "estimate", "unit": "tỷ USD", "label": "GMV"},
                {"value": {"$n": "16"}, "signed": true, "unit": "%", "label": "Tăng trưởng"},
                {"value": [{"$n": "13"}, {"$n": "14"}], "qualifier": "khoảng", "unit": "%", "label": "Tỷ trọng GDP"},
                {"value": {"$n": "16"}, "signed": true, "unit": "%", "label": "Thay đổi"}
            ])
        );
        // The qualifier and status of a value from the table are edited in its cell.
        let places: Vec<&str> = b.places.iter().filter(|(_, at)| at.col == 2).map(|(p, _)| p.as_str()).collect();
        assert!(places.contains(&"figures[2].qualifier") && places.contains(&"figures[2].status"), "{places:?}");
        // A range where one number must stand is flagged at its cell, not dropped unsaid.
        let t = Table::read(&grid(&[&["", "Đạt", "Mục tiêu"], &["Tỷ trọng", "khoảng 13-14%", "20-25%"]]), None, Style::Vi);
        let b = build(&t, "progress");
        assert_eq!(b.fields["value"], json!([{"$n": "13"}, {"$n": "14"}]));
        assert_eq!(b.flags.iter().map(|f| f.issue.code()).collect::<Vec<_>>(), ["not-exact"]);
        // The spelling typed is the spelling kept: the file gets `tỷ`.
        // A cell with a note where a unit would be is not read as a unit: it is marked.
        let t = Table::read(&grid(&[&["GMV", "Tăng trưởng"], &["36 (số liệu chưa chốt)", "16%"]]), None, Style::Vi);
        let b = build(&t, "figures");
        assert_eq!(b.flags.iter().map(|f| (f.issue.code(), f.at.map(|a| a.col))).collect::<Vec<_>>(), [("unread-number", Some(0))]);
        let t = Table::read(&grid(&[&["Năm", "GMV"], &["2023", "30 tỷ"], &["2024", "36 tỷ"]]), None, Style::Vi);
        assert_eq!(billion_word(&t, None), (Some(BillionWord::Ty), Vec::new()));
        let (word, flags) = billion_word(&t, Some(BillionWord::Ti));
        assert_eq!(word, None);
        assert_eq!(flags.len(), 2, "each cell that differs from the file's spelling is marked");
    }

    #[test]
    fn numbers_written_in_the_journalists_style() {
        assert_eq!(written("9300", Style::Vi), "9.300");
        assert_eq!(written("1234567.25", Style::En), "1,234,567.25");
        assert_eq!(written("-26.70", Style::Vi), "-26,70");
    }
}
