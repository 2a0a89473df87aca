//! Live data: a box whose values come from a URL — a spreadsheet published as CSV, a CSV
//! on the same server, or a JSON API — named by its `data` field
//! (`"data": {"url": "…", "refresh": 60}`), read again while the article is open.
//!
//! The data is read as the studio reads a pasted sheet ([`crate::studio`]): the same
//! splitting (a byte-order mark, CRLF, quoted fields, `;` where `,` is the decimal mark),
//! the same numbers (Vietnamese or English marks decided for the whole sheet; a cell the
//! sheet's style cannot read is refused, never guessed), the same mapping to each kind's
//! items ([`crate::studio::shape::build`]: the first column holds the labels or dates,
//! each next column a series or the values, named by its header) and the same merge into
//! the box, which keeps what the box says about its items (a highlight follows its label).
//! The result is the document with that box's items replaced, read and checked by the one
//! reader like any other; its problems are placed at the data's cells.
//!
//! Nothing in the data becomes markup: it becomes the box's JSON, whose every string the
//! markup writer escapes.

use serde_json::Value;

use crate::error::Problem;
use crate::format::Lang;
use crate::studio::cell::{Cell, Style};
use crate::studio::shape;
use crate::studio::table::{At, Flag, Table, split_counted};
use crate::studio::words::Issue;
use crate::studio::doc;

/// The most rows a box's data may have: the studio's limit, above any kind's own (a line
/// has at most 10,000 points).
pub const MAX_ROWS: usize = crate::studio::table::MAX_ROWS;

/// A box's own measures that its sheet may give but need not.
const KEPT: &[&str] = &["total", "target"];

/// The fields a sheet sets for all of a box's values that change what they mean.
const MEANING: &[&str] = &["unit", "scale"];

/// What is wrong with a box's data, as read (the request itself, its status and its
/// network errors are the page's or the command's to say).
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// An HTML page where CSV or JSON was expected: a sign-in page, a "not published"
    /// page, a server's error page sent with status 200.
    Html,
    /// No rows, or a header alone.
    Empty,
    /// JSON that does not parse, at this line and column.
    Json { line: usize, column: usize },
    /// JSON that is not a list of rows (objects, or lists with the header first).
    NotRows,
    /// More rows than [`MAX_ROWS`].
    TooManyRows { rows: usize },
    /// A cell the box cannot take: the studio's `issue`, at the data's `line` (1-based, as
    /// a spreadsheet numbers its rows) and `column` (0-based), under the header `title`.
    Cell { line: usize, column: usize, title: String, issue: Issue },
    /// The sheet as a whole cannot make this kind of box (no numbers, no labels…).
    Sheet { issue: Issue },
    /// A column the box shows is not in the data's header any more (renamed or removed):
    /// `found` is the header there is.
    ColumnGone { title: String, found: Vec<String> },
    /// The data sets `field` otherwise than the box does (its unit, its scale): nothing
    /// is changed silently, so the box says which to change.
    Differs { field: String, boxed: String, data: String },
    /// The box with the data's values is not a box factbox can show (too many bars, two
    /// bars of one label…): the reader's problem, at a cell of the data where one is known.
    Box { problem: Box<Problem>, line: Option<usize>, column: Option<usize> },
}

/// A column's letter, as a spreadsheet shows it: A … Z, AA …
pub fn column_letter(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(d).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

impl Fault {
    /// What is wrong and how to fix it, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let at = |line: usize, column: usize, title: &str| {
            let letter = column_letter(column);
            match (vi, title.is_empty()) {
                (true, true) => format!("dòng {line}, cột {letter}"),
                (true, false) => format!("dòng {line}, cột {letter} (“{title}”)"),
                (false, true) => format!("row {line}, column {letter}"),
                (false, false) => format!("row {line}, column {letter} (“{title}”)"),
            }
        };
        match self {
            Fault::Html if vi => "địa chỉ dữ liệu trả về một trang web (HTML), không phải CSV hay JSON: bảng tính đã được “Xuất bản lên web” dưới dạng CSV chưa, và có cần đăng nhập để xem không?".to_owned(),
            Fault::Html => "the data address returned a web page (HTML), not CSV or JSON: is the sheet “Published to the web” as CSV, and does it need a sign-in?".to_owned(),
            Fault::Empty if vi => "dữ liệu không có dòng số liệu nào".to_owned(),
            Fault::Empty => "the data has no rows of figures".to_owned(),
            Fault::Json { line, column } if vi => format!("dữ liệu JSON bị lỗi cú pháp ở dòng {line}, cột {column}"),
            Fault::Json { line, column } => format!("the JSON data has a syntax error at line {line}, column {column}"),
            Fault::NotRows if vi => "dữ liệu JSON không phải một danh sách các dòng: cần [{\"Tỉnh\": \"Hà Nội\", \"Tỉ lệ\": 78.5}, …] hoặc [[\"Tỉnh\", \"Tỉ lệ\"], [\"Hà Nội\", 78.5], …]".to_owned(),
            Fault::NotRows => "the JSON data is not a list of rows: write [{\"Province\": \"Hà Nội\", \"Rate\": 78.5}, …] or [[\"Province\", \"Rate\"], [\"Hà Nội\", 78.5], …]".to_owned(),
            Fault::TooManyRows { rows } if vi => format!("dữ liệu có {rows} dòng, nhiều nhất là {MAX_ROWS}"),
            Fault::TooManyRows { rows } => format!("the data has {rows} rows, at most {MAX_ROWS} are read"),
            Fault::Cell { line, column, title, issue } => {
                format!("{}: {}", at(*line, *column, title), issue.message(lang))
            }
            Fault::Sheet { issue } => issue.message(lang),
            Fault::ColumnGone { title, found } if vi => format!(
                "không còn cột “{title}” trong dữ liệu (các cột hiện có: {}): cột đã bị đổi tên hoặc xoá trong bảng tính?",
                quoted(found)
            ),
            Fault::ColumnGone { title, found } => format!(
                "the data has no column “{title}” any more (its columns: {}): was it renamed or deleted in the sheet?",
                quoted(found)
            ),
            Fault::Differs { field, boxed, data } if vi => format!(
                "dữ liệu ghi {field} là “{data}” nhưng hộp ghi “{boxed}”: sửa một trong hai cho khớp"
            ),
            Fault::Differs { field, boxed, data } => format!(
                "the data gives {field} as “{data}” but the box says “{boxed}”: change one to match"
            ),
            Fault::Box { problem, line: Some(line), column } => format!(
                "{}: {}",
                at(*line, column.unwrap_or(0), ""),
                problem.message(lang)
            ),
            Fault::Box { problem, .. } => problem.message(lang),
        }
    }

    /// The data's line and column (0-based) of the cell at fault, where one is.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            Fault::Cell { line, column, .. } => Some((*line, *column)),
            Fault::Box { line: Some(line), column, .. } => Some((*line, column.unwrap_or(0))),
            _ => None,
        }
    }

    /// A stable name for scripts and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Fault::Html => "data-html",
            Fault::Empty => "data-empty",
            Fault::Json { .. } => "data-json",
            Fault::NotRows => "data-not-rows",
            Fault::TooManyRows { .. } => "data-too-many-rows",
            Fault::Cell { issue, .. } | Fault::Sheet { issue } => issue.code(),
            Fault::ColumnGone { .. } => "data-column-gone",
            Fault::Differs { .. } => "data-differs",
            Fault::Box { problem, .. } => problem.what.code(),
        }
    }
}

fn quoted(titles: &[String]) -> String {
    titles.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ")
}

/// A box's data as the grid a sheet is, each row with its 1-based line in the data.
struct Grid {
    rows: Vec<Vec<String>>,
    lines: Vec<usize>,
}

/// Reads `data` as CSV (or TSV) or, when it starts with `[` or `{`, as JSON: a list of
/// objects (their keys the header), a list of lists (the first the header), or an object
/// holding one such list. JSON numbers are written for `style`, so that the sheet's one
/// number reader reads them exactly.
fn grid(data: &str, style: Style) -> Result<Grid, Fault> {
    let text = data.strip_prefix('\u{feff}').unwrap_or(data);
    let start = text.trim_start();
    if start.starts_with('<') {
        return Err(Fault::Html);
    }
    if start.starts_with('[') || start.starts_with('{') {
        return json_grid(text, style);
    }
    let (rows, lines, count) = split_counted(text, true);
    if count > MAX_ROWS {
        return Err(Fault::TooManyRows { rows: count });
    }
    Ok(Grid { rows, lines })
}

fn json_grid(text: &str, style: Style) -> Result<Grid, Fault> {
    let node = crate::json::parse(text).map_err(|e| {
        let p = crate::parse::position_of(text, e.offset);
        Fault::Json { line: p.line, column: p.column }
    })?;
    let list = match doc::value(&node) {
        Value::Array(items) => items,
        // An object holding one list (`{"rows": […]}`, as APIs wrap them).
        Value::Object(o) => {
            let mut lists = o.into_iter().filter_map(|(_, v)| match v {
                Value::Array(items) => Some(items),
                _ => None,
            });
            match (lists.next(), lists.next()) {
                (Some(items), None) => items,
                _ => return Err(Fault::NotRows),
            }
        }
        _ => return Err(Fault::NotRows),
    };
    if list.len() > MAX_ROWS {
        return Err(Fault::TooManyRows { rows: list.len() });
    }
    let cell = |v: &Value| -> String {
        match doc::num_text(v) {
            // JSON writes `.` for decimals; the sheet's style reads `,` in Vietnamese.
            Some(n) if style == Style::Vi => n.replace('.', ","),
            Some(n) => n,
            None => match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            },
        }
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    match list.first() {
        Some(Value::Object(first)) => {
            let header: Vec<String> = first.keys().cloned().collect();
            rows.push(header.clone());
            for item in &list {
                let Value::Object(o) = item else { return Err(Fault::NotRows) };
                rows.push(header.iter().map(|k| o.get(k).map(cell).unwrap_or_default()).collect());
            }
        }
        Some(Value::Array(_)) => {
            for item in &list {
                let Value::Array(cells) = item else { return Err(Fault::NotRows) };
                rows.push(cells.iter().map(cell).collect());
            }
        }
        None => return Err(Fault::Empty),
        Some(_) => return Err(Fault::NotRows),
    }
    // A JSON API's "line" is its row: the header first.
    let lines = (1..=rows.len()).collect();
    Ok(Grid { rows, lines })
}

/// The document `text` with the items of box `id` taken from `data`, as JSON text, and
/// where each of its values came from (its path in the document and the data's line and
/// column), to place the reader's problems; or what is wrong with the data. `lang` is the
/// page's, for a document that does not say its language.
pub fn merge(text: &str, id: &str, data: &str, lang: Lang) -> Result<Merged, Vec<Fault>> {
    let Ok(mut document) = doc::open(text) else {
        // A broken document is the reader's to report, where it is broken.
        return Ok(Merged { text: text.to_owned(), places: Vec::new() });
    };
    let Some((index, old)) = find(&document, id) else {
        return Ok(Merged { text: text.to_owned(), places: Vec::new() });
    };
    let kind = old.get("kind").and_then(Value::as_str).unwrap_or_default().to_owned();
    let style = match locale_of(&document, &old).unwrap_or(lang) {
        Lang::Vi => Style::Vi,
        Lang::En => Style::En,
    };
    let grid = grid(data, style).map_err(|f| vec![f])?;
    let table = Table::read(&grid.rows, None, style);
    // Nothing, or one row of words: a header alone (a sheet emptied for the next count).
    let words_only = |row: &Vec<String>| {
        row.iter().all(|c| matches!(Cell::read(c), Cell::Text(_) | Cell::Empty))
    };
    if table.rows.is_empty() || (grid.rows.len() == 1 && grid.rows.iter().all(words_only)) {
        return Err(vec![Fault::Empty]);
    }
    let line_of = |at: At| grid.lines.get(at.row).copied().unwrap_or(at.row + 1);
    let header: Vec<String> = table.header.clone().unwrap_or_default();
    let title_of = |col: usize| header.get(col).cloned().unwrap_or_default();
    let mut faults = gone(&kind, &old, &header);
    // A row with a label and an empty value would be left out of a bar, share, rank or
    // figures box: said, at its first empty cell. (A line's empty cell is a date without
    // a point, a table's a cell without a figure: both shown as such.)
    if !matches!(kind.as_str(), "line" | "table") {
        let used: Vec<bool> = (0..header.len().max(table.rows.first().map_or(0, Vec::len)))
            .map(|c| table.rows.iter().any(|r| r.get(c).is_some_and(|i| !matches!(i.cell, Cell::Empty))))
            .collect();
        for row in &table.rows {
            let filled = row.iter().any(|i| !matches!(i.cell, Cell::Empty));
            let empty = row.iter().find(|i| matches!(i.cell, Cell::Empty) && used.get(i.at.col).copied().unwrap_or(false));
            if let (true, Some(i)) = (filled, empty) {
                faults.push(Fault::Cell { line: line_of(i.at), column: i.at.col, title: title_of(i.at.col), issue: Issue::EmptyCell });
            }
        }
    }
    let built = shape::build(&table, &kind);
    for Flag { at, issue } in table.flags.iter().chain(&built.flags) {
        if issue.is_note() {
            continue;
        }
        faults.push(match at {
            Some(at) => Fault::Cell { line: line_of(*at), column: at.col, title: title_of(at.col), issue: issue.clone() },
            None => Fault::Sheet { issue: issue.clone() },
        });
    }
    // What the sheet says about the meaning of all its values (their unit, their scale)
    // must agree with the box where the box says it: `78,5%` under a box in `tỉ đồng` is
    // said, not drawn. The box's own wording (a label, its decimals) stays as typed.
    let Value::Object(boxed) = &old else { return Err(faults) };
    for field in MEANING {
        if let (Some(b), Some(d)) = (boxed.get(*field), built.fields.get(*field)) {
            if b != d {
                faults.push(Fault::Differs { field: (*field).to_owned(), boxed: shown(b), data: shown(d) });
            }
        }
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    let mut made = shape::apply(&old, &kind, &built);
    if let Value::Object(m) = &mut made {
        // Fields the sheet gives that the box did not say are set (a unit read from
        // `78,5%`); those the box says stay as they are (checked above). A whole or a
        // goal the sheet does not give (a share's `total`, a progress box's `target`)
        // is the box's, kept: the sheet gives the values, not what they are measured
        // against.
        for (k, v) in boxed {
            let kept = KEPT.contains(&k.as_str()) && !built.fields.contains_key(k);
            if kept || !shape::OWNED.contains(&k.as_str()) {
                m.insert(k.clone(), v.clone());
            }
        }
    }
    if let Some(Value::Array(boxes)) = document.get_mut("boxes") {
        if let Some(slot) = boxes.get_mut(index) {
            *slot = made;
        }
    }
    let places = built
        .places
        .iter()
        .map(|(path, at)| (format!("boxes[{index}].{path}"), line_of(*at), at.col))
        .collect();
    Ok(Merged { text: doc::write(&document), places })
}

/// Box `id` of document `text` with its values read from `data`, checked as every box is:
/// the box, or everything wrong with it — with the data, at its line and column, or with
/// the box those values make.
pub fn load_with(text: &str, id: &str, data: &str, lang: Lang) -> Result<crate::FactBox, Vec<Fault>> {
    checked(text, id, data, lang).map(|(b, _)| b)
}

/// [`load_with`], with the document that has the box's values from its data (see
/// [`merge`]), to show or to read again.
pub fn checked(text: &str, id: &str, data: &str, lang: Lang) -> Result<(crate::FactBox, String), Vec<Fault>> {
    let merged = merge(text, id, data, lang)?;
    let failure = match crate::load(&merged.text, Some(id), lang) {
        Ok(mut boxes) => match boxes.pop() {
            Some(Ok(b)) => return Ok((b, merged.text)),
            Some(Err(f)) => f,
            None => return Err(Vec::new()),
        },
        Err(f) => f,
    };
    Err(failure
        .problems
        .into_iter()
        .map(|problem| {
            let place = merged.place(&problem.path);
            Fault::Box { line: place.map(|p| p.0), column: place.map(|p| p.1), problem: Box::new(problem) }
        })
        .collect())
}

/// The boxes of document `text` that read live data: each one's place in `boxes`, id and
/// data address. Empty for a document that does not parse (its reader says why).
pub fn sources(text: &str) -> Vec<(usize, String, String)> {
    let Ok(document) = doc::open(text) else { return Vec::new() };
    let Some(boxes) = document.get("boxes").and_then(Value::as_array) else { return Vec::new() };
    boxes
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let id = b.get("id")?.as_str()?;
            let url = b.get("data")?.get("url")?.as_str()?;
            Some((i, id.to_owned(), url.trim().to_owned()))
        })
        .collect()
}

/// A document with a box's items taken from its data (see [`merge`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The whole document, as JSON text.
    pub text: String,
    /// Each value taken from the data: its path in the document, the data's line and
    /// column.
    pub places: Vec<(String, usize, usize)>,
}

impl Merged {
    /// Where in the data the value at `path` (or the nearest value above it) came from.
    pub fn place(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some((_, line, column)) = self.places.iter().find(|(q, ..)| q == p) {
                return Some((*line, *column));
            }
            p = &p[..p.rfind(['.', '['])?];
        }
    }
}

/// The box with `id`, and its place in the document's `boxes`.
fn find(document: &Value, id: &str) -> Option<(usize, Value)> {
    let boxes = document.get("boxes")?.as_array()?;
    boxes
        .iter()
        .enumerate()
        .find(|(_, b)| b.get("id").and_then(Value::as_str) == Some(id))
        .map(|(i, b)| (i, b.clone()))
}

/// The language the box or its document says, if one does.
fn locale_of(document: &Value, b: &Value) -> Option<Lang> {
    let locale = b.get("locale").or_else(|| document.get("locale"))?.as_str()?;
    Some(if locale.to_lowercase().starts_with("en") { Lang::En } else { Lang::Vi })
}

/// A field's value as the message shows it.
fn shown(v: &Value) -> String {
    doc::num_text(v).unwrap_or_else(|| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// The columns a box shows by name that the data's `header` no longer has: a line's
/// series and a table's columns are found by their titles, so a column renamed or
/// removed in the sheet is said, never drawn as another.
fn gone(kind: &str, old: &Value, header: &[String]) -> Vec<Fault> {
    let names: Vec<String> = match kind {
        "line" => old
            .get("series")
            .and_then(Value::as_array)
            .map(|s| s.iter().filter_map(|x| x.get("name")?.as_str().map(str::to_owned)).collect())
            .unwrap_or_default(),
        "table" => old
            .get("columns")
            .and_then(Value::as_array)
            .map(|s| s.iter().filter_map(|x| x.get("label")?.as_str().map(str::to_owned)).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let fold = |t: &str| t.trim().to_lowercase();
    names
        .into_iter()
        .filter(|n| !header.iter().any(|h| fold(h) == fold(n)))
        .map(|title| Fault::ColumnGone { title, found: header.to_vec() })
        .collect()
}
