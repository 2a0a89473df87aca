//! A box's data as CSV, for the "Tải dữ liệu" / "Get the data" link.
//!
//! One table per kind, shaped for reuse in a spreadsheet rather than for reading: numbers
//! as plain JSON numbers (`9300`, `26.7`: every spreadsheet reads them, whatever its
//! locale's decimal mark), unscaled (the journalist's `16400000`, not "16,4 triệu"), with
//! units and dates in their own columns. Headers are in the box's language. Fields are
//! quoted as RFC 4180 says, and cells that a spreadsheet would run as a formula (starting
//! with `=`, `+`, `-` or `@`) are prefixed with `'`, so a file from the web cannot carry a
//! formula into a reader's spreadsheet. The text starts with a byte-order mark, without
//! which Excel reads Vietnamese UTF-8 as mojibake.

use crate::format::{Lang, Num, Value, format_plain};
use crate::model::{Body, FactBox};

/// A cell: text from the document, or a number we wrote.
enum Cell {
    Text(String),
    Number(String),
}

/// A text cell.
fn t(text: &str) -> Cell {
    Cell::Text(text.to_owned())
}

/// A number from the document, as written (`26.70` stays `26.70`): plain digits, which a
/// spreadsheet reads as a number.
fn n(value: Num) -> Cell {
    Cell::Number(value.plain())
}

/// The columns a list of values needs besides the value itself: the upper end when any
/// is a range, the status when any is an estimate, a forecast or preliminary.
#[derive(Clone, Copy)]
struct Extra {
    high: bool,
    status: bool,
}

impl Extra {
    fn of(values: impl Iterator<Item = Value>) -> Extra {
        values.fold(
            Extra {
                high: false,
                status: false,
            },
            |e, v| Extra {
                high: e.high || v.is_range(),
                status: e.status || v.status().is_some(),
            },
        )
    }

    /// The header names of the extra columns, after `name` (a series' name, or none).
    fn heads(self, name: Option<&str>, lang: Lang) -> Vec<Cell> {
        // (alone, after a series' name), in each language.
        let (high, status) = match lang {
            Lang::Vi => (("Cận trên", "cận trên"), ("Trạng thái", "trạng thái")),
            Lang::En => (("Upper end", "upper end"), ("Status", "status")),
        };
        let named = |(alone, after): (&str, &str)| match name {
            Some(n) => t(&format!("{n} ({after})")),
            None => t(alone),
        };
        let mut out = Vec::new();
        if self.high {
            out.push(named(high));
        }
        if self.status {
            out.push(named(status));
        }
        out
    }

    /// The value's cells: the number (a range's lower end), then the extra columns.
    fn cells(self, v: Value, lang: Lang) -> Vec<Cell> {
        let mut out = vec![n(v.low())];
        if self.high {
            out.push(if v.is_range() { n(v.high()) } else { t("") });
        }
        if self.status {
            out.push(t(v.status().map_or("", |s| s.word(lang))));
        }
        out
    }

    /// Empty cells in the place of a value.
    fn empty(self) -> Vec<Cell> {
        let k = 1 + usize::from(self.high) + usize::from(self.status);
        (0..k).map(|_| t("")).collect()
    }
}

/// Writes a header line of our own names plus the extra columns' names.
fn head_line(names: &str, extra: Vec<Cell>) -> String {
    let mut line = names.to_owned();
    for c in extra {
        line.push(',');
        cell(&mut line, &c);
    }
    line
}

/// A number factbox computed (a change of rank, a percentage).
fn computed(value: f64) -> Cell {
    Cell::Number(format_plain(value))
}

/// An optional text cell, empty when absent.
fn opt(value: Option<&str>) -> Cell {
    t(value.unwrap_or(""))
}

/// Writes one cell, quoted when it must be; a text that a spreadsheet would run as a
/// formula is defused (numbers we wrote, such as `-5`, are not).
fn cell(out: &mut String, c: &Cell) {
    let (text, formula) = match c {
        Cell::Text(text) => (text, text.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        Cell::Number(text) => (text, false),
    };
    let quote = formula || text.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    // Quotes doubled; the rest copied whole (a char at a time was most of a large table's
    // CSV in the wasm).
    let mut parts = text.split('"');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str("\"\"");
        out.push_str(part);
    }
    if quote {
        out.push('"');
    }
}

/// The file name offered for a box's CSV: its id, which is already safe for a file name.
pub fn file_name(b: &FactBox) -> String {
    format!("{}.csv", b.id)
}

/// `text` as JavaScript's `encodeURIComponent` writes it, for a `data:` URL written ahead
/// of time (a prerendered box's CSV link, which no widget fills in on demand).
pub fn percent_encoded(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            // By hand: `format!` per byte was most of a large table's CSV link.
            let digit = |n: u8| char::from(HEX.get(usize::from(n)).copied().unwrap_or(b'0'));
            out.push('%');
            out.push(digit(b >> 4));
            out.push(digit(b & 15));
        }
    }
    out
}

/// A table's CSV: its heading row (a column's unit in brackets, and the extra columns a
/// column of values needs), then a line per row in the order shown.
fn table_rows(table: &crate::model::Table, lang: Lang) -> Vec<Vec<Cell>> {
    use crate::model::TableCell;
    let extras: Vec<Option<Extra>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            col.numbers.as_ref().map(|_| {
                Extra::of(table.rows.iter().filter_map(|r| match r.cells.get(c) {
                    Some(TableCell::Value { value, .. }) => Some(*value),
                    _ => None,
                }))
            })
        })
        .collect();
    let mut head = Vec::new();
    for (col, extra) in table.columns.iter().zip(&extras) {
        let unit = col.numbers.as_ref().and_then(|n| n.format.unit.as_deref());
        head.push(match unit {
            Some(u) => t(&format!("{} ({u})", col.label)),
            None => t(&col.label),
        });
        if let Some(e) = extra {
            head.extend(e.heads(Some(&col.label), lang));
        }
    }
    let mut out = vec![head];
    for row in &table.rows {
        let mut line = Vec::new();
        for (cell, extra) in row.cells.iter().zip(&extras) {
            match (cell, extra) {
                (TableCell::Value { value, .. }, Some(e)) => line.extend(e.cells(*value, lang)),
                (TableCell::Text(text), None) => line.push(t(text)),
                (_, Some(e)) => line.extend(e.empty()),
                (_, None) => line.push(t("")),
            }
        }
        out.push(line);
    }
    out
}

/// The box's data as CSV text (UTF-8 with a byte-order mark, CRLF line ends).
pub fn csv(b: &FactBox) -> String {
    let vi = b.lang == Lang::Vi;
    let pick = |v: &'static str, e: &'static str| if vi { v } else { e };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Header names are ours and need no quoting, so each is one line of text.
    let mut out = String::from('\u{feff}');
    let mut header = |line: &str| {
        out.push_str(line);
        out.push_str("\r\n");
    };
    match &b.body {
        Body::Figures(figures, _) => {
            let extra = Extra::of(figures.iter().map(|f| f.value));
            header(&head_line(
                pick(
                    "Nhãn,Tiền tố,Giá trị,Đơn vị,Giá trị so sánh,Thời điểm so sánh",
                    "Label,Qualifier,Value,Unit,Compared value,Compared date",
                ),
                extra.heads(None, b.lang),
            ));
            for f in figures {
                let (cv, cd) = match &f.compare {
                    Some(c) => (n(c.value), t(&c.date.map(|d| d.iso()).unwrap_or_default())),
                    None => (t(""), t("")),
                };
                let mut cells = extra.cells(f.value, b.lang);
                let value = cells.remove(0);
                let mut row = vec![
                    t(&f.label),
                    opt(f.qualifier.as_deref()),
                    value,
                    opt(f.format.unit.as_deref()),
                    cv,
                    cd,
                ];
                row.extend(cells);
                rows.push(row);
            }
        }
        Body::Bar(chart) => {
            let extra = Extra::of(chart.bars.iter().map(|b| b.value));
            header(&head_line(
                if chart.measure.is_ranks() {
                    pick("Nhãn,Tiền tố,Hạng,Đơn vị", "Label,Qualifier,Rank,Unit")
                } else {
                    pick("Nhãn,Tiền tố,Giá trị,Đơn vị", "Label,Qualifier,Value,Unit")
                },
                extra.heads(None, b.lang),
            ));
            for bar in &chart.bars {
                let mut cells = extra.cells(bar.value, b.lang);
                let value = cells.remove(0);
                let mut row = vec![
                    t(&bar.label),
                    opt(bar.qualifier.as_deref()),
                    value,
                    opt(chart.format.unit.as_deref()),
                ];
                row.extend(cells);
                rows.push(row);
            }
        }
        Body::RankChange(chart) => {
            let from = format!("{} {}", pick("Hạng", "Rank"), chart.from_date.iso());
            let to = format!("{} {}", pick("Hạng", "Rank"), chart.to_date.iso());
            header(&format!(
                "{},{from},{to},{}",
                pick("Nhãn", "Label"),
                pick("Số bậc tăng", "Places up")
            ));
            for r in &chart.items {
                rows.push(vec![
                    t(&r.label),
                    n(Num::whole(r.from)),
                    n(Num::whole(r.to)),
                    computed(f64::from(r.from) - f64::from(r.to)),
                ]);
            }
        }
        Body::Line(chart) => {
            // Wide form, one column per series, one row per date of any series; a date a
            // series lacks is an empty cell, not a zero.
            let mut head = vec![t(pick("Thời điểm", "Date"))];
            let extras: Vec<Extra> = chart
                .series
                .iter()
                .map(|s| Extra::of(s.points.iter().map(|p| p.value)))
                .collect();
            for (s, extra) in chart.series.iter().zip(&extras) {
                head.push(t(&s.name));
                head.extend(extra.heads(Some(&s.name), b.lang));
            }
            // Series names are the journalist's: quoted like any data.
            rows.push(head);
            let mut days: Vec<(f64, String)> = Vec::new();
            for p in chart.series.iter().flat_map(|s| &s.points) {
                if !days.iter().any(|(d, _)| *d == p.day) {
                    days.push((p.day, p.date.iso()));
                }
            }
            crate::sort::sort_by_key(&mut days, |d| d.0);
            for (day, date) in days {
                let mut row = vec![Cell::Text(date)];
                for (s, extra) in chart.series.iter().zip(&extras) {
                    row.extend(
                        s.points
                            .iter()
                            .find(|p| p.day == day)
                            .map_or_else(|| extra.empty(), |p| extra.cells(p.value, b.lang)),
                    );
                }
                rows.push(row);
            }
        }
        Body::Share(chart) => {
            header(pick(
                "Phần,Giá trị,Đơn vị,Tỉ lệ (%)",
                "Part,Value,Unit,Share (%)",
            ));
            for p in &chart.parts {
                let pct = if chart.total.value() > 0.0 {
                    p.value.value() / chart.total.value() * 100.0
                } else {
                    0.0
                };
                rows.push(vec![
                    t(&p.label),
                    n(p.value),
                    opt(chart.format.unit.as_deref()),
                    computed((pct * 100.0).round() / 100.0),
                ]);
            }
        }
        Body::Progress(chart) => {
            let extra = Extra::of(std::iter::once(chart.value));
            header(&head_line(
                if chart.measure.is_ranks() {
                    pick(
                        "Nhãn,Hạng,Hạng mục tiêu,Hạng thấp nhất trên thang,Đơn vị",
                        "Label,Rank,Target rank,Lowest rank on the scale,Unit",
                    )
                } else {
                    pick(
                        "Nhãn,Giá trị,Mục tiêu,Tối đa,Đơn vị",
                        "Label,Value,Target,Maximum,Unit",
                    )
                },
                extra.heads(None, b.lang),
            ));
            let mut cells = extra.cells(chart.value, b.lang);
            let value = cells.remove(0);
            let mut row = vec![
                t(&chart.label),
                value,
                chart.target.map_or_else(|| t(""), n),
                n(chart.max),
                opt(chart.format.unit.as_deref()),
            ];
            row.extend(cells);
            rows.push(row);
        }
        Body::Table(table) => rows = table_rows(table, b.lang),
    }
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell(&mut out, c);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_is_encode_uri_component() {
        assert_eq!(percent_encoded("a b,c\r\n"), "a%20b%2Cc%0D%0A");
        assert_eq!(percent_encoded("Hạng (86)"), "H%E1%BA%A1ng%20(86)");
        assert_eq!(percent_encoded("\u{feff}"), "%EF%BB%BF");
    }
}
