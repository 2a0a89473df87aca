//! The studio's words: what its messages say in Vietnamese and English, and the words it
//! recognises in a pasted table's titles (a target, a total, a rank).

use super::cell::Style;
use crate::format::Lang;
use crate::spec::Scale;

/// What is wrong with a pasted cell or table.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// Neither number style reads the cell (`1.2.3`).
    NotANumber,
    /// The cell reads only in the other style (`16.4` in a Vietnamese table).
    OtherStyle { style: Style },
    /// The table's numbers read both ways and nothing decided: read in `style`.
    Ambiguous { style: Style },
    /// A word in a column of numbers (`n/a`, `—`).
    TextAmongNumbers,
    MixedUnits { unit: String, first: String },
    MixedScales,
    NoLabels,
    NoNumbers,
    NoDates,
    TwoRankColumns,
    RankWithUnit,
    ProgressRows,
    /// A currency sign before the numbers (`$1,234`), which a box writes after them.
    CurrencyFirst { sign: String },
    /// A progress box whose direction nothing says: higher is taken as better, which is
    /// false for a rank or an error rate, where the box would call a miss "met".
    DirectionAssumed,
    /// A range or a status in a cell whose value must be one exact number here (a rank, a
    /// target, a total, a part of a share); `what` names the cell's role.
    NotExact { what: Exact },
    /// A cell of words with digits in it where a number belongs: not read, so not used.
    UnreadNumber,
    /// The cell's spelling of "tỷ"/"tỉ" differs from the file's (`billion_word`).
    BillionSpelling { typed: String, file: String },
    /// An empty cell in a row that has others (live data: the row would be left out).
    EmptyCell,
    /// A change written with its sign (`+16%`, `tăng 16%`) where the box draws a level: the
    /// sign would be lost.
    SignNotShown,
}

/// Where one exact number must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exact {
    Rank,
    Target,
    Total,
    Part,
}

impl Issue {
    /// A stable name for scripts and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Issue::NotANumber => "not-a-number",
            Issue::OtherStyle { .. } => "other-style",
            Issue::Ambiguous { .. } => "ambiguous-number",
            Issue::TextAmongNumbers => "text-among-numbers",
            Issue::MixedUnits { .. } => "mixed-units",
            Issue::MixedScales => "mixed-scales",
            Issue::NoLabels => "no-labels",
            Issue::NoNumbers => "no-numbers",
            Issue::NoDates => "no-dates",
            Issue::TwoRankColumns => "two-rank-columns",
            Issue::RankWithUnit => "rank-with-unit",
            Issue::ProgressRows => "progress-rows",
            Issue::CurrencyFirst { .. } => "currency-first",
            Issue::DirectionAssumed => "direction-assumed",
            Issue::NotExact { .. } => "not-exact",
            Issue::UnreadNumber => "unread-number",
            Issue::BillionSpelling { .. } => "billion-spelling",
            Issue::EmptyCell => "empty-cell",
            Issue::SignNotShown => "sign-not-shown",
        }
    }

    /// Only says how the table was read; the box is made anyway.
    pub fn is_note(&self) -> bool {
        matches!(self, Issue::Ambiguous { .. } | Issue::CurrencyFirst { .. } | Issue::DirectionAssumed)
    }

    /// What is wrong, and how to fix it.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Issue::NotANumber if vi => "Ô này không phải là số: sửa thành số, ví dụ 9.300 hoặc 26,7, hoặc xoá ô.".into(),
            Issue::NotANumber => "This cell is not a number: write a number such as 9,300 or 26.7, or clear it.".into(),
            Issue::OtherStyle { style } => match (vi, style) {
                (true, Style::En) => "Số này viết theo kiểu tiếng Anh (dấu chấm thập phân) trong khi bảng viết theo kiểu Việt: viết lại, ví dụ 16,4 thay cho 16.4.".into(),
                (true, Style::Vi) => "Số này viết theo kiểu Việt (dấu phẩy thập phân) trong khi bảng viết theo kiểu tiếng Anh: viết lại, hoặc chọn kiểu số Việt.".into(),
                (false, Style::En) => "This number is written the English way (decimal point) in a table of Vietnamese numbers: write 16,4 for 16.4, or choose English number style.".into(),
                (false, Style::Vi) => "This number is written the Vietnamese way (decimal comma) in a table of English numbers: write 16.4 for 16,4, or choose Vietnamese number style.".into(),
            },
            Issue::Ambiguous { style } => match (vi, style) {
                (true, Style::Vi) => "Số như 1.234 được hiểu là một nghìn hai trăm ba mươi tư (kiểu Việt: dấu chấm ngăn hàng nghìn). Nếu ý bạn là 1,234, hãy chọn kiểu số tiếng Anh.".into(),
                (true, Style::En) => "Số như 1,234 được hiểu là một nghìn hai trăm ba mươi tư (kiểu tiếng Anh: dấu phẩy ngăn hàng nghìn). Nếu ý bạn là 1,234 theo kiểu Việt, hãy chọn kiểu số Việt.".into(),
                (false, Style::Vi) => "Numbers such as 1.234 were read as one thousand two hundred and thirty-four (Vietnamese style: the dot groups thousands). If you meant 1.234, choose English number style.".into(),
                (false, Style::En) => "Numbers such as 1,234 were read as one thousand two hundred and thirty-four (English style: the comma groups thousands). If you meant 1,234 the Vietnamese way, choose Vietnamese number style.".into(),
            },
            Issue::TextAmongNumbers if vi => "Chữ trong một cột số: thay bằng số, hoặc để trống nếu không có số liệu.".into(),
            Issue::TextAmongNumbers => "Words in a column of numbers: write a number, or leave the cell empty where there is no figure.".into(),
            Issue::MixedUnits { unit, first } if vi => format!("Đơn vị “{unit}” khác với “{first}” của các ô trước: một biểu đồ chỉ có một đơn vị. Viết cùng đơn vị cho cả cột."),
            Issue::MixedUnits { unit, first } => format!("The unit “{unit}” differs from “{first}” above: a chart has one unit. Write the same unit for the whole column."),
            Issue::MixedScales if vi => "Cột trộn “nghìn”, “triệu”, “tỉ”: viết cả cột cùng một chữ, ví dụ 0,95 triệu và 1,2 triệu.".into(),
            Issue::MixedScales => "The column mixes “thousand”, “million”, “billion”: use one word for the whole column, e.g. 0.95 million and 1.2 million.".into(),
            Issue::NoLabels if vi => "Bảng thiếu cột nhãn (tên của từng thanh hay phần): thêm một cột chữ bên trái các số.".into(),
            Issue::NoLabels => "The table has no label column (a name for each bar or part): add a column of words left of the numbers.".into(),
            Issue::NoNumbers if vi => "Bảng không có số nào: dán bảng có ít nhất một cột số.".into(),
            Issue::NoNumbers => "The table has no numbers: paste a table with at least one column of numbers.".into(),
            Issue::NoDates if vi => "Biểu đồ đường cần một cột ngày (2024, 8/2024 hoặc 17/9/2024) ở bên trái.".into(),
            Issue::NoDates => "A line chart needs a column of dates (2024, 8/2024 or 17/9/2024) on the left.".into(),
            Issue::TwoRankColumns if vi => "Thay đổi thứ hạng cần hai cột hạng: hạng lúc đầu và hạng lúc sau.".into(),
            Issue::TwoRankColumns => "A rank change needs two columns of ranks: the earlier rank and the later one.".into(),
            Issue::RankWithUnit if vi => "Thứ hạng là số nguyên không có đơn vị: viết 86, không phải 86% hay hạng 86.".into(),
            Issue::RankWithUnit => "A rank is a whole number without a unit: write 86, not 86% or 86th.".into(),
            Issue::ProgressRows if vi => "Hộp tiến độ chỉ dùng một giá trị và một mục tiêu: các dòng sau bị bỏ qua.".into(),
            Issue::ProgressRows => "A progress box uses one value and one target: the other rows are left out.".into(),
            Issue::DirectionAssumed if vi => "Hộp coi số cao hơn là tốt hơn, nên giá trị bằng hoặc cao hơn mục tiêu là “đạt”. Nếu đây là thứ hạng, đánh dấu “Là thứ hạng (số nhỏ là tốt hơn)”; nếu số thấp hơn là tốt hơn (tỉ lệ lỗi, nghèo đói), chọn “lower” ở “Số nào tốt hơn”.".into(),
            Issue::DirectionAssumed => "The box takes higher as better, so a value at or above the target is “met”. If these are ranks, tick “Ranks (lower is better)”; if lower is better (an error rate, poverty), choose “lower” in “Which is better”.".into(),
            Issue::NotExact { what } => {
                let (vi_what, en_what) = match what {
                    Exact::Rank => ("Thứ hạng", "A rank"),
                    Exact::Target => ("Mục tiêu", "A target"),
                    Exact::Total => ("Tổng", "A total"),
                    Exact::Part => ("Một phần của tổng", "A part of a whole"),
                };
                if vi {
                    format!("{vi_what} phải là một số chính xác: ô này là một khoảng hoặc số ước tính/dự báo, nên chỉ số đầu được dùng. Viết một số, và nói khoảng hay ước tính trong Ghi chú.")
                } else {
                    format!("{en_what} must be one exact number: this cell is a range or an estimate/forecast, so only its first number is used. Write one number, and say the range or estimate in the Note.")
                }
            }
            Issue::UnreadNumber if vi => "Ô này có số nhưng không đọc được nên không được dùng: viết như 36, 90–200, khoảng 13–14%, 36 (ước tính), +16% hoặc ước tính 36 tỷ USD.".into(),
            Issue::UnreadNumber => "This cell has a number that could not be read, so it is not used: write it like 36, 90–200, about 13–14%, 36 (estimate), +16% or estimated 36 billion USD.".into(),
            Issue::BillionSpelling { typed, file } if vi => format!("Ô viết “{typed}” nhưng tệp dùng “{file}” cho mọi hộp (Chữ “tỉ” trong phần cài đặt của tệp): chọn một cách viết cho cả tệp."),
            Issue::BillionSpelling { typed, file } => format!("The cell writes “{typed}” but the file spells it “{file}” in every box (Word for billion, in the file's settings): choose one spelling for the file."),
            Issue::EmptyCell if vi => "Ô trống trong một dòng có số liệu: hộp không bỏ dòng nào mà không nói. Ghi số liệu, hoặc xoá cả dòng.".into(),
            Issue::EmptyCell => "An empty cell in a row of figures: the box leaves no row out without saying so. Write the figure, or delete the whole row.".into(),
            Issue::SignNotShown if vi => "Ô này là một thay đổi có dấu (+16% hoặc tăng 16%) nhưng loại hộp này vẽ mức, không vẽ dấu: số sẽ hiện là 16%, như một mức. Dùng hộp con số hoặc bảng (cột có dấu), hoặc viết số không dấu và nói thay đổi trong tiêu đề.".into(),
            Issue::SignNotShown => "This cell is a change with its sign (+16% or up 16%) but this kind of box draws levels, not signs: it would show as 16%, a level. Use a figures box or a table (a signed column), or write the number without its sign and say it is a change in the title.".into(),
            Issue::CurrencyFirst { sign } if vi => format!("Dấu “{sign}” đứng trước số: hộp viết đơn vị sau số (1.234 {sign}). Nếu muốn, ghi đơn vị bằng chữ ở trường Đơn vị, ví dụ “đô la Mỹ”."),
            Issue::CurrencyFirst { sign } => format!("“{sign}” stands before the numbers: a box writes the unit after them (1,234 {sign}). To read better, write the unit in words in the Unit field, e.g. “US dollars”."),
        }
    }
}

/// Why a kind was suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    Dates,
    FromTo,
    OneRow,
    Parts,
    Target,
    Labels,
    NoNumbers,
    Columns,
}

impl Why {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Why::Dates, Lang::Vi) => "Có một cột ngày: biểu đồ đường.",
            (Why::Dates, Lang::En) => "A column of dates: a line chart.",
            (Why::FromTo, Lang::Vi) => "Hai cột số nguyên cho mỗi mục: thay đổi thứ hạng.",
            (Why::FromTo, Lang::En) => "Two whole numbers for each item: a rank change.",
            (Why::OneRow, Lang::Vi) => "Một dòng số: các con số chính.",
            (Why::OneRow, Lang::En) => "One row of values: key figures.",
            (Why::Parts, Lang::Vi) => "Các phần cộng lại thành một tổng: cơ cấu.",
            (Why::Parts, Lang::En) => "Parts that add up to a whole: a share.",
            (Why::Target, Lang::Vi) => "Một giá trị và một mục tiêu: tiến độ.",
            (Why::Target, Lang::En) => "A value and a target: progress.",
            (Why::Labels, Lang::Vi) => "Một số cho mỗi nhãn: biểu đồ thanh.",
            (Why::Labels, Lang::En) => "A value for each label: a bar chart.",
            (Why::Columns, Lang::Vi) => "Nhiều hơn hai cột: một bảng, sắp xếp và tìm được.",
            (Why::Columns, Lang::En) => "More than two columns: a table readers can sort and search.",
            (Why::NoNumbers, Lang::Vi) => "Chưa có số: dán một bảng có số.",
            (Why::NoNumbers, Lang::En) => "No numbers yet: paste a table with numbers.",
        }
    }
}

/// Does a title name a target (`Mục tiêu năm 2020`, `Kế hoạch`, `Target`)?
pub fn is_target(text: &str) -> bool {
    has(text, &["mục tiêu", "chỉ tiêu", "kế hoạch", "target", "goal", "plan"])
}

/// The title the studio writes over a target without a label of its own.
pub fn is_generic_target(text: &str) -> bool {
    [Lang::Vi, Lang::En].iter().any(|&l| text == column("target", l))
}

/// Is a row's label the whole (`Tổng`, `Tổng cộng`, `Total`)? The whole label, not a word
/// in it: `Tổng cục Thuế` is a part.
pub fn is_total(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    ["tổng", "tổng cộng", "tổng số", "cộng", "tất cả", "total", "all", "sum"].contains(&t.as_str())
}

/// Does a title name ranks (`Hạng`, `Xếp hạng`, `Rank`)?
pub fn is_rank(text: &str) -> bool {
    has(text, &["hạng", "rank"])
}

/// Does a title name a share (`Tỉ lệ`, `Share`, `%`)?
pub fn is_share(text: &str) -> bool {
    has(text, &["tỉ lệ", "tỷ lệ", "cơ cấu", "share", "percent", "%"])
}

fn has(text: &str, words: &[&str]) -> bool {
    let t = text.to_lowercase();
    words.iter().any(|w| t.contains(w))
}

/// The titles the studio writes over a box's columns.
pub fn column(key: &str, lang: Lang) -> &'static str {
    match (key, lang) {
        ("label", Lang::Vi) => "Nhãn",
        ("label", Lang::En) => "Label",
        ("value", Lang::Vi) => "Giá trị",
        ("value", Lang::En) => "Value",
        ("total", Lang::Vi) => "Tổng",
        ("total", Lang::En) => "Total",
        ("date", Lang::Vi) => "Ngày",
        ("date", Lang::En) => "Date",
        ("target", Lang::Vi) => "Mục tiêu",
        ("target", Lang::En) => "Target",
        _ => "",
    }
}

/// A series without a title in the table.
pub fn series_name(k: usize) -> String {
    format!("{}", k + 1)
}

/// A table's column without a title in the sheet: its place, as a series' name.
pub fn column_name(k: usize) -> String {
    series_name(k)
}

/// The JSON name of a scale.
pub fn scale_code(s: Scale) -> &'static str {
    match s {
        Scale::None => "none",
        Scale::Thousand => "thousand",
        Scale::Million => "million",
        Scale::Billion => "billion",
    }
}
