//! A pasted table: text split into cells (tab-separated from a spreadsheet, or a CSV file),
//! its header found, its number style decided for the whole table, and its columns typed.

use super::cell::{Cell, Evidence, NumberCell, Reading, Style, date};
use super::words::Issue;

/// Where a cell stands in the grid the journalist sees: row 0 is the first line pasted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub row: usize,
    pub col: usize,
}

/// A problem with one cell, or with the table (no `at`).
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub at: Option<At>,
    pub issue: Issue,
}

/// How the number style was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleFrom {
    /// The journalist chose it.
    Chosen,
    /// The numbers' marks say it (`26,7` can only be Vietnamese).
    Marks,
    /// Nothing said it: the studio's language decided.
    Default,
}

/// One typed cell of the table's body, and where it stands in the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub cell: Cell,
    pub at: At,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Empty,
    Text,
    Numbers,
    Dates,
    Mixed,
}

/// The table, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column titles, if the first row is a header (empty strings where a title is blank).
    pub header: Option<Vec<String>>,
    /// The body, every row as wide as the widest, in long form: one row per item or date
    /// (a table pasted with dates across the header is turned round).
    pub rows: Vec<Vec<Item>>,
    pub columns: Vec<Column>,
    pub style: Style,
    pub style_from: StyleFrom,
    /// Dates were read month first (`9/17/2024`), as some English spreadsheets write them.
    pub month_first: bool,
    /// This is the long form of a table pasted with the dates across its header.
    pub turned: bool,
    /// A title line above the table (one cell on the first row), as tables copied from a
    /// report often have.
    pub caption: Option<String>,
    /// The grid row of the header, if there is one.
    pub header_row: Option<usize>,
    pub flags: Vec<Flag>,
}

/// The most rows and columns the studio reads: more than any box shows (a line has at most
/// 10,000 points, but nobody pastes them by hand).
pub const MAX_ROWS: usize = 10_000;
pub const MAX_COLUMNS: usize = 50;

/// Splits pasted text or a CSV file into rows of cells. A spreadsheet's copy is always
/// tab-separated; a CSV file uses `,` or, where `,` is the decimal mark (Vietnamese
/// Excel), `;`. Quotes (`"…"`, `""` for a quote inside) may hold separators and line
/// breaks. Blank lines are dropped.
pub fn split(text: &str, csv: bool) -> Vec<Vec<String>> {
    split_counted(text, csv).0
}

/// [`split`], with each row's line in the text (1-based: where it starts, so a quoted
/// cell's line breaks count) and how many rows there were before [`MAX_ROWS`] cut them:
/// live data says where a cell is, and refuses a sheet too long rather than cut it.
pub fn split_counted(text: &str, csv: bool) -> (Vec<Vec<String>>, Vec<usize>, usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let sep = if text.contains('\t') || !csv {
        '\t'
    } else if first_line.matches(';').count() > first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_start = true;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                lines.push(row_line);
                row_line = line;
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
        lines.push(row_line);
    }
    let (mut rows, mut lines): (Vec<Vec<String>>, Vec<usize>) = rows
        .into_iter()
        .zip(lines)
        .filter(|(r, _)| r.iter().any(|c| !c.trim().is_empty()))
        .unzip();
    let count = rows.len();
    rows.truncate(MAX_ROWS);
    lines.truncate(MAX_ROWS);
    for r in &mut rows {
        r.truncate(MAX_COLUMNS);
        while r.last().is_some_and(|c| c.trim().is_empty()) {
            r.pop();
        }
    }
    (rows, lines, count)
}

impl Table {
    /// Reads a grid: `style` if the journalist chose one, else the numbers' marks decide,
    /// else `default`.
    pub fn read(grid: &[Vec<String>], style: Option<Style>, default: Style) -> Table {
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells: Vec<Vec<Item>> = grid
            .iter()
            .enumerate()
            .map(|(row, r)| {
                (0..width)
                    .map(|col| Item {
                        cell: Cell::read(r.get(col).map_or("", String::as_str)),
                        at: At { row, col },
                    })
                    .collect()
            })
            .collect();
        let caption = is_caption(&cells).then(|| cells.remove(0)).and_then(|row| {
            row.into_iter().find_map(|i| match i.cell {
                Cell::Text(t) => Some(t),
                _ => None,
            })
        });
        let first_row = usize::from(caption.is_some());
        let header = is_header(&cells).then(|| {
            let first = cells.remove(0);
            first.iter().map(|i| header_text(&i.cell)).collect::<Vec<_>>()
        });
        let header_row = header.is_some().then_some(first_row);
        let mut table = Table {
            header,
            rows: cells,
            columns: Vec::new(),
            style: default,
            style_from: StyleFrom::Default,
            month_first: false,
            turned: false,
            caption,
            header_row,
            flags: Vec::new(),
        };
        table.decide_style(style);
        table.type_columns(true);
        table
    }

    /// The table turned round, if it has dates across its header and a series per row
    /// (`Năm | 2019 | 2020 …`, as statistics offices publish): one row per date.
    pub fn turned(&self) -> Option<Table> {
        let mut t = self.clone();
        t.turn_if_wide().then(|| {
            t.type_columns(false);
            t
        })
    }

    /// The reading of a number cell in the table's style.
    pub fn number(&self, n: &NumberCell) -> Option<Reading> {
        n.read(self.style)
    }

    /// Turns a table with dates across its header (`Năm | 2019 | 2020 …`, a series per
    /// row, as statistics offices publish) into one row per date.
    fn turn_if_wide(&mut self) -> bool {
        let Some(header) = &self.header else { return false };
        let dated: Vec<Option<String>> = header
            .iter()
            .skip(1)
            .map(|h| date(h, true).or_else(|| Cell::read(h).year()))
            .collect();
        let first_col_text = self.rows.iter().all(|r| matches!(r.first().map(|i| &i.cell), Some(Cell::Text(_))));
        if dated.len() < 2 || dated.iter().any(Option::is_none) || !first_col_text {
            return false;
        }
        let corner = header.first().cloned().unwrap_or_default();
        let mut new_header = vec![corner];
        new_header.extend(self.rows.iter().map(|r| match r.first().map(|i| &i.cell) {
            Some(Cell::Text(t)) => t.clone(),
            _ => String::new(),
        }));
        let mut rows = Vec::new();
        for (j, d) in dated.into_iter().enumerate() {
            let text = header.get(j + 1).cloned().unwrap_or_default();
            let mut row = vec![Item {
                cell: Cell::Date {
                    iso: d.unwrap_or_default(),
                    written: text,
                },
                at: At { row: 0, col: j + 1 },
            }];
            for r in &self.rows {
                if let Some(item) = r.get(j + 1) {
                    row.push(item.clone());
                }
            }
            rows.push(row);
        }
        self.header = Some(new_header);
        self.rows = rows;
        self.turned = true;
        true
    }

    fn decide_style(&mut self, chosen: Option<Style>) {
        let numbers = || self.rows.iter().flatten().filter_map(|i| match &i.cell {
            Cell::Number(n) => Some((i.at, n)),
            _ => None,
        });
        let (mut vi, mut en, mut ambiguous) = (0, 0, None);
        for (at, n) in numbers() {
            // A dollar or pound sign before a number is how English writes money.
            if n.currency_first && matches!(n.unit.as_deref(), Some("$" | "US$" | "£")) {
                en += 1;
            }
            match n.digits.evidence() {
                Evidence::Only(Style::Vi) => vi += 1,
                Evidence::Only(Style::En) => en += 1,
                Evidence::Ambiguous => ambiguous = ambiguous.or(Some(at)),
                _ => {}
            }
        }
        (self.style, self.style_from) = match chosen {
            Some(s) => (s, StyleFrom::Chosen),
            None if vi > en => (Style::Vi, StyleFrom::Marks),
            None if en > vi => (Style::En, StyleFrom::Marks),
            None => (self.style, StyleFrom::Default),
        };
        let mut flags = Vec::new();
        for (at, n) in numbers() {
            if n.read(self.style).is_none() {
                let issue = match n.digits.evidence() {
                    Evidence::Only(other) => Issue::OtherStyle { style: other },
                    _ => Issue::NotANumber,
                };
                flags.push(Flag { at: Some(at), issue });
            }
        }
        if let Some((at, n)) = numbers().find(|(_, n)| n.currency_first) {
            flags.push(Flag {
                at: Some(at),
                issue: Issue::CurrencyFirst { sign: n.unit.clone().unwrap_or_default() },
            });
        }
        if self.style_from == StyleFrom::Default {
            if let Some(at) = ambiguous {
                flags.push(Flag {
                    at: Some(at),
                    issue: Issue::Ambiguous { style: self.style },
                });
            }
        }
        self.flags.extend(flags);
    }

    /// Types the columns; `flag` the words among numbers (once, not again when turned).
    fn type_columns(&mut self, flag: bool) {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        // Years alone are dates in a column of dates and years, numbers anywhere else.
        for col in 0..width {
            let all_dates = self.rows.iter().filter_map(|r| r.get(col)).all(|i| {
                matches!(i.cell, Cell::Date { .. } | Cell::Empty) || i.cell.year().is_some()
            });
            let any_full_date = self
                .rows
                .iter()
                .filter_map(|r| r.get(col))
                .any(|i| matches!(i.cell, Cell::Date { .. }));
            // A column of years only is dates when it comes first (the label column).
            if all_dates && (any_full_date || col == 0) && self.rows.len() > 1 {
                for r in &mut self.rows {
                    if let Some(i) = r.get_mut(col) {
                        if let Some(y) = i.cell.year() {
                            i.cell = Cell::Date { iso: y.clone(), written: y };
                        }
                    }
                }
            }
        }
        // Month first when a date reads only that way (`9/17/2024`).
        self.month_first = self.rows.iter().flatten().any(|i| match &i.cell {
            Cell::Date { written, .. } => {
                crate::format::PartialDate::from_day_month_year(written).is_none()
                    && date(written, false).is_some()
                    && written.contains('/')
            }
            _ => false,
        });
        if self.month_first {
            for i in self.rows.iter_mut().flatten() {
                if let Cell::Date { iso, written } = &mut i.cell {
                    if let Some(d) = date(written, false) {
                        *iso = d;
                    }
                }
            }
        }
        self.columns = (0..width)
            .map(|col| {
                let mut kinds = self.rows.iter().filter_map(|r| r.get(col)).map(|i| match i.cell {
                    Cell::Empty => Column::Empty,
                    Cell::Text(_) => Column::Text,
                    Cell::Number(_) => Column::Numbers,
                    Cell::Date { .. } => Column::Dates,
                });
                let mut kind = Column::Empty;
                for k in kinds.by_ref() {
                    kind = match (kind, k) {
                        (a, Column::Empty) => a,
                        (Column::Empty, b) => b,
                        (a, b) if a == b => a,
                        _ => Column::Mixed,
                    };
                }
                kind
            })
            .collect();
        // Mostly numbers with a word among them ("n/a", "—"): a column of numbers, the
        // words flagged where they stand (and left out of the box).
        for col in 0..self.columns.len() {
            if self.columns.get(col) != Some(&Column::Mixed) {
                continue;
            }
            let numbers = self.rows.iter().filter(|r| matches!(r.get(col).map(|i| &i.cell), Some(Cell::Number(_)))).count();
            if numbers * 2 < self.rows.len() {
                continue;
            }
            if let Some(c) = self.columns.get_mut(col) {
                *c = Column::Numbers;
            }
            if flag {
                for r in &self.rows {
                    // Words with a number in them ("36 (số liệu chưa chốt)") are a value the
                    // studio could not read: the message says how to write one.
                    let issue = |t: &str| if t.contains(|c: char| c.is_ascii_digit()) { Issue::UnreadNumber } else { Issue::TextAmongNumbers };
                    match r.get(col) {
                        Some(Item { cell: Cell::Text(t), at }) => self.flags.push(Flag { at: Some(*at), issue: issue(t) }),
                        Some(Item { cell: Cell::Date { .. }, at }) => self.flags.push(Flag { at: Some(*at), issue: Issue::TextAmongNumbers }),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The columns of a kind, in order.
    pub fn columns_of(&self, kind: Column) -> Vec<usize> {
        self.columns.iter().enumerate().filter(|(_, k)| **k == kind).map(|(i, _)| i).collect()
    }

    /// The header text of column `col` (empty without a header).
    pub fn title(&self, col: usize) -> &str {
        self.header.as_ref().and_then(|h| h.get(col)).map_or("", String::as_str)
    }

    /// Where the header cell of column `col` stands in the grid.
    pub fn title_at(&self, col: usize) -> Option<At> {
        self.header.as_ref()?;
        let row = self.header_row?;
        Some(if self.turned { At { row: row + col, col: 0 } } else { At { row, col } })
    }
}

/// The first row is a caption when it has one cell of text and the rows below are wider.
fn is_caption(cells: &[Vec<Item>]) -> bool {
    let filled = |r: &Vec<Item>| r.iter().filter(|i| !matches!(i.cell, Cell::Empty)).count();
    match cells {
        [first, second, _, ..] => {
            filled(first) == 1 && matches!(first.first().map(|i| &i.cell), Some(Cell::Text(_))) && filled(second) >= 2
        }
        _ => false,
    }
}

/// The first row is a header when it has no number but a year (a header of dates), and
/// something follows it.
fn is_header(cells: &[Vec<Item>]) -> bool {
    let Some(first) = cells.first() else { return false };
    cells.len() >= 2
        && first.iter().all(|i| match &i.cell {
            Cell::Number(_) => i.cell.year().is_some(),
            _ => true,
        })
        && first.iter().any(|i| !matches!(i.cell, Cell::Empty))
}

/// The text of a header cell as it was written.
fn header_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Date { written, .. } => written.clone(),
        Cell::Number(n) => n.digits_text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(text: &str) -> Vec<Vec<String>> {
        split(text, false)
    }

    #[test]
    fn splits_tabs_csv_and_quotes() {
        assert_eq!(grid("a\tb\r\n1\t2\n\n"), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(
            split("\u{feff}Tên;Giá trị\n\"Hà Nội; cũ\";26,7\n", true),
            vec![vec!["Tên", "Giá trị"], vec!["Hà Nội; cũ", "26,7"]]
        );
        assert_eq!(
            split("name,value\n\"Say \"\"hi\"\"\",\"1,234\"\n", true),
            vec![vec!["name", "value"], vec!["Say \"hi\"", "1,234"]]
        );
        // A pasted column of decimal commas is not split at its commas.
        assert_eq!(grid("26,7\n31,2"), vec![vec!["26,7"], vec!["31,2"]]);
        assert_eq!(grid("\"a\nb\"\tc"), vec![vec!["a\nb", "c"]]);
    }

    #[test]
    fn the_style_comes_from_the_marks_or_the_default() {
        let t = Table::read(&grid("Tỉnh\tTỉ lệ\nHà Nội\t26,7\nHuế\t9.300"), None, Style::En);
        assert_eq!((t.style, t.style_from), (Style::Vi, StyleFrom::Marks));
        assert!(t.flags.is_empty(), "{:?}", t.flags);
        let t = Table::read(&grid("City\tShare\nHanoi\t26.7\nHue\t1,234"), None, Style::Vi);
        assert_eq!((t.style, t.style_from), (Style::En, StyleFrom::Marks));
        // Only ambiguous numbers: the default reads them, and says so at the first one.
        let t = Table::read(&grid("A\tB\nx\t1.234\ny\t2.500"), None, Style::Vi);
        assert_eq!((t.style, t.style_from), (Style::Vi, StyleFrom::Default));
        assert_eq!(t.flags, vec![Flag { at: Some(At { row: 1, col: 1 }), issue: Issue::Ambiguous { style: Style::Vi } }]);
        let t = Table::read(&grid("A\tB\nx\t1.234\ny\t2.500"), Some(Style::En), Style::Vi);
        assert_eq!(t.style_from, StyleFrom::Chosen);
        assert!(t.flags.is_empty());
        // A cell in the other style than the table's is flagged where it stands.
        let t = Table::read(&grid("A\tB\nx\t26,7\ny\t3,5\nz\t16.4"), None, Style::Vi);
        assert_eq!(t.flags, vec![Flag { at: Some(At { row: 3, col: 1 }), issue: Issue::OtherStyle { style: Style::En } }]);
    }

    #[test]
    fn a_title_line_above_the_table_is_its_caption() {
        let t = Table::read(&grid("Bảng 1: Kết quả điều trị\nKết quả\tSố ca\nKhỏi\t2.186\nTử vong\t35"), None, Style::Vi);
        assert_eq!(t.caption.as_deref(), Some("Bảng 1: Kết quả điều trị"));
        assert_eq!(t.header_row, Some(1));
        assert_eq!(t.title_at(1), Some(At { row: 1, col: 1 }));
        assert_eq!(t.rows[0][1].at, At { row: 2, col: 1 });
        assert!(t.flags.iter().all(|f| f.issue.is_note()), "{:?}", t.flags);
        let t = Table::read(&grid("Revenue\tCost\n$1,234\t$567\n$2,000\t$600"), None, Style::Vi);
        assert_eq!(t.style, Style::En);
        assert_eq!(t.flags.iter().map(|f| f.issue.code()).collect::<Vec<_>>(), vec!["currency-first"]);
    }

    #[test]
    fn headers_dates_and_wide_tables() {
        let t = Table::read(&grid("Tháng\tHồ sơ\n1/2024\t1.200\n2/2024\t1.350"), None, Style::Vi);
        assert_eq!(t.header.as_deref(), Some(&["Tháng".to_owned(), "Hồ sơ".to_owned()][..]));
        assert_eq!(t.columns, vec![Column::Dates, Column::Numbers]);
        let t = Table::read(&grid("Hà Nội\t12\nHuế\t15"), None, Style::Vi);
        assert_eq!(t.header, None);
        let t = Table::read(&grid("Năm\t2019\t2020\t2021\nViệt Nam\t86\t86\t79\nThái Lan\t77\t57\t55"), None, Style::Vi);
        assert_eq!(t.rows.len(), 2);
        let t = t.turned().unwrap();
        assert_eq!(t.header.as_ref().map(Vec::len), Some(3));
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.columns, vec![Column::Dates, Column::Numbers, Column::Numbers]);
        // The value 79 (Việt Nam, 2021) stands at row 1, column 3 of the pasted grid.
        assert_eq!(t.rows[2][1].at, At { row: 1, col: 3 });
        let t = Table::read(&grid("Date\tVisits\n9/17/2024\t5\n3/4/2024\t6"), None, Style::En);
        assert!(t.month_first);
        assert!(matches!(&t.rows[1][0].cell, Cell::Date { iso, .. } if iso == "2024-03-04"));
        let t = Table::read(&grid("Năm\tGDP\n2019\t7,02\n2020\t2,91"), None, Style::Vi);
        assert_eq!(t.columns, vec![Column::Dates, Column::Numbers]);
        let t = Table::read(&grid("A\tB\nx\t5\ny\tn/a\nz\t7"), None, Style::Vi);
        assert_eq!(t.flags, vec![Flag { at: Some(At { row: 2, col: 1 }), issue: Issue::TextAmongNumbers }]);
        assert_eq!(t.columns, vec![Column::Text, Column::Numbers]);
    }
}
