//! One pasted cell read as a journalist wrote it: a number (`9.300`, `26,7`, `31%`,
//! `hơn 16,4 triệu`, `1,234.5`), a date (`17/9/2024`, `8/2024`, `2024`) or text.
//!
//! Numbers are turned into JSON number text by moving characters, never through a float,
//! so that `26,70` stays `26.70` and `16,4 triệu` becomes exactly `16400000`: a box prints
//! numbers as written, and the studio must not be where a digit changes.

use crate::format::PartialDate;
use crate::spec::{BillionWord, Scale, Status};

/// Which mark separates decimals: `,` in Vietnamese (`26,7`; `9.300` is nine thousand
/// three hundred), `.` in English (`26.7`; `9,300`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Vi,
    En,
}

impl Style {
    /// The mark that groups thousands in this style.
    fn group(self) -> char {
        match self {
            Style::Vi => '.',
            Style::En => ',',
        }
    }

    /// The name the studio's JavaScript uses.
    pub fn code(self) -> &'static str {
        match self {
            Style::Vi => "vi",
            Style::En => "en",
        }
    }
}

/// Words written before a number as articles write them ("hơn 9.300", "nearly 60%"),
/// kept as the value's `qualifier`. Longest first, so that "ít nhất" wins over "ít".
pub const QUALIFIERS: &[&str] = &[
    "gần như", "more than", "less than", "at least", "up to", "nearly", "almost", "about", "around",
    "over", "under", "ít nhất", "khoảng", "chừng", "hơn", "gần", "trên", "dưới", "tới",
    "đến", "xấp xỉ", "gấp",
];

/// Scale words after a number, and the power of ten each stands for.
const SCALE_WORDS: &[(&str, u32, Scale)] = &[
    ("nghìn", 3, Scale::Thousand),
    ("ngàn", 3, Scale::Thousand),
    ("thousand", 3, Scale::Thousand),
    ("triệu", 6, Scale::Million),
    ("million", 6, Scale::Million),
    ("tỉ", 9, Scale::Billion),
    ("tỷ", 9, Scale::Billion),
    ("billion", 9, Scale::Billion),
];

/// The digits and marks of a number before the style that reads them is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Digits {
    negative: bool,
    /// Digits and the marks `.` and `,` (a space used as a group mark is removed).
    body: String,
}

/// What a number's marks say about the style it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// No mark, or marks that read the same in both styles.
    None,
    /// Only this style reads it (`26,7` is Vietnamese, `16.4` English).
    Only(Style),
    /// Both read it, differently: `1.234` is 1234 in Vietnamese and 1.234 in English.
    Ambiguous,
    /// Neither style reads it (`1.2.3`, `1,23,4`).
    Neither,
}

impl Digits {
    /// The JSON number text and decimal places of these digits read in `style`, if that
    /// style reads them.
    pub fn read(&self, style: Style) -> Option<(String, u32)> {
        let group = style.group();
        let decimal = if group == '.' { ',' } else { '.' };
        let (int, frac) = match self.body.split_once(decimal) {
            Some((i, f)) => (i, Some(f)),
            None => (self.body.as_str(), None),
        };
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        let mut parts = int.split(group);
        let first = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits_only(first) || !rest.iter().all(|p| p.len() == 3 && digits_only(p)) {
            return None;
        }
        if !rest.is_empty() && (first.len() > 3 || first.starts_with('0')) {
            return None;
        }
        let mut int: String = std::iter::once(first).chain(rest).collect();
        // `007` is not how a figure is written, but a spreadsheet may pad; JSON may not.
        while int.len() > 1 && int.starts_with('0') {
            int.remove(0);
        }
        let mut text = String::new();
        if self.negative {
            text.push('-');
        }
        text.push_str(&int);
        let places = match frac {
            Some(f) => {
                text.push('.');
                text.push_str(f);
                u32::try_from(f.len()).unwrap_or(u32::MAX)
            }
            None => 0,
        };
        Some((text, places))
    }

    /// What the marks say about the style.
    pub fn evidence(&self) -> Evidence {
        match (self.read(Style::Vi), self.read(Style::En)) {
            (Some(a), Some(b)) if a == b => Evidence::None,
            (Some(_), Some(_)) => Evidence::Ambiguous,
            (Some(_), None) => Evidence::Only(Style::Vi),
            (None, Some(_)) => Evidence::Only(Style::En),
            (None, None) => Evidence::Neither,
        }
    }
}

/// A cell that holds a number, before its style is decided.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberCell {
    pub digits: Digits,
    pub qualifier: Option<String>,
    /// `%` after the number (`31%`, `31 %`).
    pub percent: bool,
    pub scale: Option<Scale>,
    /// Text after the number (and its scale word, if any): `tỉ đồng`, `tài khoản`; or the
    /// currency sign written before it.
    pub unit: Option<String>,
    /// The unit is a currency sign that was written before the number (`$1,234`); a box
    /// writes units after numbers (`1,234 $`).
    pub currency_first: bool,
    /// The upper end of a range (`90–200`, `13 – 14%`, `từ 90 đến 200`), under the same
    /// sign, scale word and unit as the lower.
    pub high: Option<Digits>,
    /// `ước tính`, `dự báo`, `sơ bộ` (or English) before or after the number, with or
    /// without brackets.
    pub status: Option<Status>,
    /// The number is a change written with its sign or word: `+16%`, `tăng 16%` (16,
    /// signed), `giảm 2,5%` (−2.5).
    pub signed: bool,
    /// How the scale word for a billion was spelt, when it was one: `tỷ` or `tỉ`.
    pub billion: Option<BillionWord>,
}

/// A number read in a style: its JSON text (scaled up by its scale word) and the places it
/// was written with before scaling.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub text: String,
    /// A range's upper end, as JSON number text, scaled like `text`.
    pub high: Option<String>,
    pub places: u32,
    /// Zeros at the end of the written places (`16,40`: 1), which only `decimals` keeps
    /// under a scale word.
    pub trailing: u32,
}

impl NumberCell {
    /// The number's digits and marks as written, with its sign.
    pub fn digits_text(&self) -> String {
        let sign = if self.digits.negative { "-" } else { "" };
        format!("{sign}{}", self.digits.body)
    }

    /// The number in `style`, scaled: `16,4 triệu` → `16400000` (written with 1 place).
    pub fn read(&self, style: Style) -> Option<Reading> {
        let (text, places) = self.digits.read(style)?;
        let power = self
            .scale
            .and_then(|s| SCALE_WORDS.iter().find(|w| w.2 == s))
            .map_or(0, |w| w.1);
        let frac = self.digits.body.rsplit([',', '.']).next().filter(|_| places > 0).unwrap_or_default();
        let trailing = u32::try_from(frac.len() - frac.trim_end_matches('0').len()).unwrap_or(0);
        // A range's upper end must read in the same style, or the cell is not read at all.
        let high = match &self.high {
            Some(d) => Some(shift(&d.read(style)?.0, power)),
            None => None,
        };
        Some(Reading {
            text: shift(&text, power),
            high,
            places,
            trailing,
        })
    }

    /// The unit a box shows after this number: `%` or the text after it.
    pub fn unit_text(&self) -> Option<String> {
        if self.percent {
            Some("%".to_owned())
        } else {
            self.unit.clone()
        }
    }
}

/// `text` (a JSON number without exponent) times 10^`power`, by moving the point.
fn shift(text: &str, power: u32) -> String {
    if power == 0 {
        return text.to_owned();
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let p = power as usize;
    let mut digits = format!("{int}{frac}");
    let point = int.len() + p;
    while digits.len() < point {
        digits.push('0');
    }
    let (i, f) = digits.split_at(point);
    let i = i.trim_start_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    let f = f.trim_end_matches('0');
    if f.is_empty() {
        format!("{sign}{i}")
    } else {
        format!("{sign}{i}.{f}")
    }
}

/// A pasted cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(NumberCell),
    /// A date as JSON writes it (`2024-09-17`, `2024-08`), from any form the studio
    /// reads, and the text it was read from (to read it again month first).
    Date { iso: String, written: String },
    Text(String),
}

impl Cell {
    /// Reads a cell as written.
    pub fn read(raw: &str) -> Cell {
        let text = clean(raw);
        if text.is_empty() {
            return Cell::Empty;
        }
        if let Some(iso) = date(&text, true) {
            return Cell::Date {
                iso,
                written: text,
            };
        }
        match number(&text) {
            Some(n) => Cell::Number(n),
            None => Cell::Text(text),
        }
    }

    /// A year written alone (`2019`): a date in a column of dates, a number otherwise.
    pub fn year(&self) -> Option<String> {
        match self {
            Cell::Number(n)
                if n.qualifier.is_none() && !n.percent && n.scale.is_none() && n.unit.is_none() =>
            {
                let t = &n.digits.body;
                (t.len() == 4 && !n.digits.negative && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| t.clone())
                    .filter(|y| ("1900".."2101").contains(&y.as_str()))
            }
            _ => None,
        }
    }
}

/// Trims spaces (non-breaking ones too), a spreadsheet's formula guard `'` and quotes
/// Word puts around text.
pub fn clean(raw: &str) -> String {
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}');
    let t = t.strip_prefix('\'').unwrap_or(t);
    t.trim().to_owned()
}

/// Reads a date: ISO (`2024-08-31`, `2024-08`), day first (`17/9/2024`, `8/2024`) or, when
/// `day_first` is false or the day-first reading is not a date, month first (`9/17/2024`).
pub fn date(text: &str, day_first: bool) -> Option<String> {
    if let Some(d) = date_in_words(text) {
        return Some(d);
    }
    if text.len() > 4 && text.bytes().take(4).all(|b| b.is_ascii_digit()) {
        return PartialDate::parse(text).map(|d| d.iso());
    }
    let dotted = text.split('.').count() == 3 && text.rsplit('.').next().is_some_and(|y| y.len() == 4);
    if !text.contains(['/', '-']) && !dotted {
        return None;
    }
    let swapped = || {
        let parts: Vec<&str> = text.split(['/', '-']).collect();
        match parts.as_slice() {
            [m, d, y] => PartialDate::from_day_month_year(&format!("{d}/{m}/{y}")),
            _ => None,
        }
    };
    let found = if day_first {
        PartialDate::from_day_month_year(text).or_else(swapped)
    } else {
        swapped().or_else(|| PartialDate::from_day_month_year(text))
    };
    found.map(|d| d.iso())
}

/// English month names, January first; a name may be shortened to its first three letters
/// or more (`Sep`, `Sept.`).
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Reads a date written with words: `tháng 8/2024`, `tháng 8 năm 2024`, `ngày 17 tháng 9
/// năm 2024`, `năm 2024`, `Sep 2024`, `September 2024`, `17 Sep 2024`, `Sep 17, 2024` (how
/// spreadsheets show dates formatted in words).
fn date_in_words(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let mut month = None;
    let mut numbers: Vec<&str> = Vec::new();
    let mut vietnamese = false;
    let tokens = lower.split(|c: char| c.is_whitespace() || matches!(c, '/' | ',' | '-' | '.'));
    for token in tokens.filter(|t| !t.is_empty()) {
        if matches!(token, "ngày" | "tháng" | "năm") {
            vietnamese = true;
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(token);
        } else if let Some(m) = MONTHS.iter().position(|m| token.len() >= 3 && m.starts_with(token) && month.is_none()) {
            month = Some(m + 1);
        } else {
            return None;
        }
    }
    let iso = match (month, numbers.as_slice(), vietnamese) {
        (Some(m), [y], false) => format!("{m}/{y}"),
        (Some(m), [d, y], false) => format!("{d}/{m}/{y}"),
        (None, [y], true) if lower.starts_with("năm") => return PartialDate::parse(y).map(|d| d.iso()),
        (None, [m, y], true) if lower.starts_with("tháng") => format!("{m}/{y}"),
        (None, [d, m, y], true) if lower.starts_with("ngày") => format!("{d}/{m}/{y}"),
        _ => return None,
    };
    PartialDate::from_day_month_year(&iso).map(|d| d.iso())
}

/// Currency signs written before a number (`$1,234`): read, and written after it.
pub const CURRENCY_FIRST: &[&str] = &["US$", "$", "€", "£", "¥", "₫"];

/// Reads a number with its qualifier, percent sign, scale word and unit, if the cell is
/// one: the digits come first (after a qualifier), so `Quý 3` or `Top 10` are text.
pub fn number(text: &str) -> Option<NumberCell> {
    let (status, text) = strip_status(text);
    // "từ 90 đến 200", "from 90 to 200": the first word only opens the range.
    let lower = text.to_lowercase();
    let text = match [("từ ", " đến "), ("from ", " to ")]
        .iter()
        .find(|(open, to)| lower.starts_with(open) && lower.contains(to))
    {
        Some((open, _)) => text.get(open.len()..).unwrap_or_default().to_owned(),
        None => text,
    };
    let text = text.as_str();
    let mut qualifier = None;
    let mut rest = text;
    for q in QUALIFIERS {
        let (Some(head), Some(after)) = (text.get(..q.len()), text.get(q.len()..)) else { continue };
        if head.to_lowercase() == *q && after.starts_with(char::is_whitespace) {
            qualifier = Some(head.to_owned());
            rest = after.trim_start();
            break;
        }
    }
    // A change written with its word: "tăng 16%" is +16, "giảm 2,5%" is −2.5.
    let mut signed = false;
    let mut falls = false;
    for (word, down) in CHANGE_WORDS {
        let (Some(head), Some(after)) = (rest.get(..word.len()), rest.get(word.len()..)) else { continue };
        if head.to_lowercase() == *word && after.starts_with(char::is_whitespace) {
            signed = true;
            falls = *down;
            rest = after.trim_start();
            break;
        }
    }
    let mut currency = None;
    for sign in CURRENCY_FIRST {
        if let Some(after) = rest.strip_prefix(sign) {
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                currency = Some((*sign).to_owned());
                rest = after;
                break;
            }
        }
    }
    let (negative, rest) = match rest.strip_prefix(['-', '−']) {
        Some(r) => (true, r),
        None => match rest.strip_prefix('+') {
            Some(r) => {
                signed = true;
                (false, r)
            }
            None => (falls, rest),
        },
    };
    let (body, end) = digits_at(rest);
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut after = rest.get(end..).unwrap_or_default().trim_start();
    // A range: `90–200`, `90-200`, `13 – 14%`, `13%–14%`, `90 đến 200`, `90 to 200`.
    let mut high = None;
    {
        let mut t = after;
        let first_percent = t.starts_with('%');
        if first_percent {
            t = t.get(1..).unwrap_or_default().trim_start();
        }
        let joined = RANGE_JOINERS.iter().find_map(|j| {
            let (head, tail) = (t.get(..j.len())?, t.get(j.len()..)?);
            (head.to_lowercase() == *j).then(|| tail.trim_start())
        });
        if let Some(tail) = joined {
            let (hbody, hend) = digits_at(tail);
            if !hbody.is_empty() && hbody.starts_with(|c: char| c.is_ascii_digit()) {
                high = Some(Digits {
                    negative,
                    body: hbody,
                });
                after = tail.get(hend..).unwrap_or_default().trim_start();
                if first_percent && !after.starts_with('%') {
                    after = "%";
                }
            }
        }
    }
    let percent = after.starts_with('%');
    if percent {
        after = after.get(1..).unwrap_or_default().trim_start();
    }
    let mut scale = None;
    let mut billion = None;
    if !percent {
        let lower_after = after.to_lowercase();
        for (word, _, s) in SCALE_WORDS {
            // Only a scale word that ends the cell: "9.300 tỉ đồng" keeps `tỉ đồng` as
            // its unit, as articles write it.
            if lower_after == *word {
                scale = Some(*s);
                billion = match *word {
                    "tỷ" => Some(BillionWord::Ty),
                    "tỉ" => Some(BillionWord::Ti),
                    _ => None,
                };
                after = "";
                break;
            }
        }
    }
    let unit = (!after.is_empty()).then(|| after.to_owned());
    if currency.is_some() && (unit.is_some() || percent) {
        return None;
    }
    let currency_first = currency.is_some();
    let unit = unit.or(currency);
    // A cell of words with a number in front ("3 dịch vụ mới ra mắt hôm nay") is text.
    if unit.as_ref().is_some_and(|u| u.chars().count() > 24) {
        return None;
    }
    // A unit with digits in it ("–200 (dự báo)") is a reading gone wrong, and words in
    // brackets ("(số liệu chưa chốt)") are a note: neither is a unit.
    if unit.as_ref().is_some_and(|u| u.contains(|c: char| c.is_ascii_digit()) || u.starts_with(['(', '['])) {
        return None;
    }
    Some(NumberCell {
        digits: Digits { negative, body },
        qualifier,
        percent,
        scale,
        unit,
        currency_first,
        high,
        status,
        signed,
        billion,
    })
}

/// Words that write a change before its size: `tăng 16%` (up), `giảm 2,5%` (down).
const CHANGE_WORDS: &[(&str, bool)] = &[
    ("tăng", false),
    ("giảm", true),
    ("up", false),
    ("down", true),
];

/// What stands between a range's two ends, longest first.
const RANGE_JOINERS: &[&str] = &["đến", "tới", "to", "–", "—", "-", "~"];

/// The digits and marks at the start of `text` (`9.300`, `26,7`, `9 300`), and where they
/// end.
fn digits_at(text: &str) -> (String, usize) {
    let mut body = String::new();
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() || ((c == '.' || c == ',') && next_is_digit) {
            body.push(c);
            end = i + c.len_utf8();
        } else if (c == ' ' || c == '\u{a0}' || c == '\u{202f}') && next_is_digit && !body.is_empty() {
            // `9 300`: a space between groups of three, as some style guides write.
            let tail: String = text.get(i + c.len_utf8()..).unwrap_or_default().chars().take_while(char::is_ascii_digit).collect();
            if tail.len() != 3 {
                break;
            }
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    (body, end)
}

/// A status word written before the number (`ước tính 36 tỷ USD`) or after it, in brackets
/// or not (`36 (ước tính)`, `45 dự báo`), and the cell without it.
fn strip_status(text: &str) -> (Option<Status>, String) {
    let lower = text.to_lowercase();
    for (word, status) in Status::written_forms() {
        // Before: the word, then a space or a colon.
        if let Some(after) = lower.strip_prefix(word) {
            if after.starts_with([' ', ':', '\u{a0}']) {
                let cut = text.len() - after.len();
                return (Some(status), text.get(cut..).unwrap_or_default().trim_start_matches([' ', ':', '\u{a0}']).to_owned());
            }
        }
        // After: `(ước tính)`, `[dự báo]`, `ước tính`, `*ước tính`.
        let trimmed = lower.trim_end();
        for (open, close) in [("(", ")"), ("[", "]"), ("", "")] {
            let tail = format!("{open}{word}{close}");
            if let Some(head) = trimmed.strip_suffix(tail.as_str()) {
                if head.is_empty() || head.ends_with([' ', '\u{a0}', '*']) || !open.is_empty() {
                    let keep = text.get(..head.len()).unwrap_or_default();
                    return (Some(status), keep.trim_end_matches([' ', '\u{a0}', '*']).to_owned());
                }
            }
        }
    }
    (None, text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str, style: Style) -> Option<String> {
        number(text).and_then(|n| n.read(style)).map(|r| r.text)
    }

    #[test]
    fn vietnamese_and_english_numbers() {
        assert_eq!(num("9.300", Style::Vi).as_deref(), Some("9300"));
        assert_eq!(num("26,7", Style::Vi).as_deref(), Some("26.7"));
        assert_eq!(num("26,70", Style::Vi).as_deref(), Some("26.70"));
        assert_eq!(num("1.234.567,5", Style::Vi).as_deref(), Some("1234567.5"));
        assert_eq!(num("1,234,567.5", Style::En).as_deref(), Some("1234567.5"));
        assert_eq!(num("26.7", Style::En).as_deref(), Some("26.7"));
        assert_eq!(num("9 300", Style::Vi).as_deref(), Some("9300"));
        assert_eq!(num("-3,5", Style::Vi).as_deref(), Some("-3.5"));
        assert_eq!(num("−3,5", Style::Vi).as_deref(), Some("-3.5"));
        assert_eq!(num("26,7", Style::En), None);
    }

    #[test]
    fn marks_say_which_style() {
        let ev = |t: &str| number(t).map(|n| n.digits.evidence());
        assert_eq!(ev("26,7"), Some(Evidence::Only(Style::Vi)));
        assert_eq!(ev("1.234.567"), Some(Evidence::Only(Style::Vi)));
        assert_eq!(ev("16.4"), Some(Evidence::Only(Style::En)));
        assert_eq!(ev("0.500"), Some(Evidence::Only(Style::En)));
        assert_eq!(ev("1.234"), Some(Evidence::Ambiguous));
        assert_eq!(ev("1,234"), Some(Evidence::Ambiguous));
        assert_eq!(ev("86"), Some(Evidence::None));
        assert_eq!(ev("1.2.3"), Some(Evidence::Neither));
    }

    #[test]
    fn percent_scale_qualifier_and_unit() {
        let n = number("hơn 16,4 triệu").unwrap();
        assert_eq!(n.qualifier.as_deref(), Some("hơn"));
        assert_eq!(n.scale, Some(Scale::Million));
        assert_eq!(n.read(Style::Vi), Some(Reading { text: "16400000".into(), high: None, places: 1, trailing: 0 }));
        let p = number("31 %").unwrap();
        assert!(p.percent);
        assert_eq!(p.unit_text().as_deref(), Some("%"));
        assert_eq!(number("16,40 triệu").unwrap().read(Style::Vi).map(|r| r.trailing), Some(1));
        assert_eq!(number("1.200").unwrap().read(Style::Vi).map(|r| r.trailing), Some(0));
        let u = number("9.300 tỉ đồng").unwrap();
        assert_eq!(u.scale, None);
        assert_eq!(u.unit.as_deref(), Some("tỉ đồng"));
        assert_eq!(u.read(Style::Vi).unwrap().text, "9300");
        let e = number("nearly 1.2 billion").unwrap();
        assert_eq!(e.qualifier.as_deref(), Some("nearly"));
        assert_eq!(e.read(Style::En).unwrap().text, "1200000000");
        assert_eq!(number("Quý 3"), None);
        let usd = number("$1,234").unwrap();
        assert!(usd.currency_first);
        assert_eq!((usd.unit.as_deref(), usd.read(Style::En).unwrap().text.as_str()), (Some("$"), "1234"));
        assert_eq!(number("$5 tỉ").map(|n| n.scale), Some(Some(Scale::Billion)));
        assert_eq!(number("$5 đồng"), None);
        assert_eq!(number("hơn"), None);
        assert_eq!(number("Hơn 5").unwrap().qualifier.as_deref(), Some("Hơn"));
        assert_eq!(number("İİİİİİ 5"), None);
    }

    /// Every form of the article, read as typed: the status, the range, the
    /// qualifier, the sign, and the spelling of the scale word.
    #[test]
    fn estimates_ranges_and_changes_as_typed() {
        let read = |t: &str| {
            let n = number(t).unwrap_or_else(|| panic!("{t} not read"));
            let r = n.read(Style::Vi).unwrap_or_else(|| panic!("{t} not read in vi"));
            (r.text, r.high, n.status, n.qualifier.clone(), n.signed, n.unit_text())
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(read("36 (ước tính)"), ("36".into(), None, Some(Status::Estimate), None, false, None));
        assert_eq!(read("45 (dự báo)"), ("45".into(), None, Some(Status::Forecast), None, false, None));
        assert_eq!(read("90–200"), ("90".into(), s("200"), None, None, false, None));
        assert_eq!(read("90-200"), ("90".into(), s("200"), None, None, false, None));
        assert_eq!(read("90–200 (dự báo)"), ("90".into(), s("200"), Some(Status::Forecast), None, false, None));
        assert_eq!(read("13 – 14%"), ("13".into(), s("14"), None, None, false, s("%")));
        assert_eq!(read("13%–14%"), ("13".into(), s("14"), None, None, false, s("%")));
        assert_eq!(read("khoảng 13-14%"), ("13".into(), s("14"), None, s("khoảng"), false, s("%")));
        assert_eq!(read("từ 90 đến 200"), ("90".into(), s("200"), None, None, false, None));
        assert_eq!(
            read("ước tính 36 tỷ USD"),
            ("36".into(), None, Some(Status::Estimate), None, false, s("tỷ USD"))
        );
        assert_eq!(read("tăng 16%"), ("16".into(), None, None, None, true, s("%")));
        assert_eq!(read("+16%"), ("16".into(), None, None, None, true, s("%")));
        assert_eq!(read("giảm 2,5%"), ("-2.5".into(), None, None, None, true, s("%")));
        assert_eq!(read("Dự báo: 45"), ("45".into(), None, Some(Status::Forecast), None, false, None));
        assert_eq!(read("1,5 triệu (sơ bộ)"), ("1500000".into(), None, Some(Status::Preliminary), None, false, None));
        // The spelling of the scale word is kept.
        assert_eq!(number("36 tỷ").unwrap().billion, Some(BillionWord::Ty));
        assert_eq!(number("36 tỉ").unwrap().billion, Some(BillionWord::Ti));
        assert_eq!(number("90–200 tỷ").unwrap().read(Style::Vi).unwrap().high.as_deref(), Some("200000000000"));
        // Not read rather than read wrong: a unit never takes digits or a second number.
        assert_eq!(number("90–2x00"), None);
        assert_eq!(number("12 (2019), 21 (2021)"), None);
        assert_eq!(number("36 (số liệu chưa chốt)"), None);
        // Words that only look like a status stay text.
        assert_eq!(number("Dự báo"), None);
        assert!(matches!(Cell::read("Dự báo"), Cell::Text(t) if t == "Dự báo"));
    }

    #[test]
    fn shifting_keeps_every_digit() {
        assert_eq!(shift("16.4", 6), "16400000");
        assert_eq!(shift("0.0125", 3), "12.5");
        assert_eq!(shift("-2.5", 9), "-2500000000");
        assert_eq!(shift("7", 3), "7000");
    }

    #[test]
    fn dates_in_the_forms_people_type() {
        assert_eq!(date("17/9/2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("8/2024", true).as_deref(), Some("2024-08"));
        assert_eq!(date("2024-08-31", true).as_deref(), Some("2024-08-31"));
        assert_eq!(date("9/17/2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("3/4/2024", false).as_deref(), Some("2024-03-04"));
        assert_eq!(date("3/4/2024", true).as_deref(), Some("2024-04-03"));
        assert_eq!(date("31/2/2024", true), None);
        assert_eq!(date("17.9.2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("tháng 8/2024", true).as_deref(), Some("2024-08"));
        assert_eq!(date("Tháng 8 năm 2024", true).as_deref(), Some("2024-08"));
        assert_eq!(date("ngày 17 tháng 9 năm 2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("Năm 2024", true).as_deref(), Some("2024"));
        assert_eq!(date("Sep 2024", true).as_deref(), Some("2024-09"));
        assert_eq!(date("September 2024", true).as_deref(), Some("2024-09"));
        assert_eq!(date("17 Sep 2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("Sep 17, 2024", true).as_deref(), Some("2024-09-17"));
        assert_eq!(date("Sept. 2024", true).as_deref(), Some("2024-09"));
        assert_eq!(date("Mayor 2024", true), None);
        assert_eq!(date("Quý 3 2024", true), None);
        assert_eq!(date("Feb 30, 2024", true), None);
        assert_eq!(date("1.234.567", true), None);
        assert!(matches!(Cell::read("17/9/2024"), Cell::Date { .. }));
        assert_eq!(Cell::read(" 'hơn 5 ").year(), None);
        assert_eq!(Cell::read("2019").year().as_deref(), Some("2019"));
        assert_eq!(Cell::read("\u{feff}Việt Nam"), Cell::Text("Việt Nam".into()));
    }
}
