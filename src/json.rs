//! A small JSON reader that keeps where every value stands.
//!
//! Why not serde_json: its parser is generic over the visitor, so it is compiled again
//! into every struct's deserializer, which made it the largest part of the wasm every
//! reader downloads. Here the text is read once into a tree of [`Node`]s with byte spans
//! (and every number with its text as written), which [`crate::read`] then reads into the
//! spec structs; each problem carries the byte offset of the value at fault.

use std::borrow::Cow;

use crate::error::{Expected, Found, Syntax, What};

/// How deeply lists and objects may nest; deeper input is refused rather than risk the
/// stack (a fact box needs four levels).
pub const MAX_DEPTH: usize = 64;

/// A JSON value and the bytes `start..end` of the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind<'a>,
}

/// The value itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// A number, with its text as written (for messages).
    Number(f64, &'a str),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Entry<'a>>),
}

/// One field of an object: its name, where the name stands, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_start: usize,
    pub key_end: usize,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    /// The value of field `name`, if this is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Node<'a>> {
        match &self.kind {
            Kind::Object(entries) => entries.iter().find(|e| e.key == name).map(|e| &e.value),
            _ => None,
        }
    }

    /// What this value is, for messages.
    pub fn found(&self) -> Found {
        match &self.kind {
            Kind::Null => Found::Null,
            Kind::Bool(b) => Found::Bool(*b),
            Kind::Number(_, raw) => Found::Number((*raw).to_owned()),
            Kind::Str(s) => Found::Text(s.to_string()),
            Kind::Array(_) => Found::List,
            Kind::Object(_) => Found::Object,
        }
    }
}

/// A syntax error: what and at which byte (the character that could not be read, or the
/// last character when the text ends too early).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub syntax: Syntax,
    pub offset: usize,
}

/// Reads `text` as one JSON value.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let read = r.value(0).and_then(|node| {
        r.skip_ws();
        if r.at < r.bytes.len() {
            return Err(r.error(Syntax::TrailingCharacters));
        }
        Ok(node)
    });
    read.map_err(|e| typing_mistake(text, e))
}

/// A syntax error named for the typing habit behind it, where there is one: Vietnamese
/// writes decimals with a comma (`0,8125`) and groups thousands with points
/// (`16.400.000`), word processors curl quotes (“ ”), and a percentage is typed with its
/// sign (`31%`). The JSON reader sees only "a `,` then no field name"; the journalist
/// gets the fix.
fn typing_mistake(text: &str, e: SyntaxError) -> SyntaxError {
    let before = text.get(..e.offset).unwrap_or_default();
    let rest = text.get(e.offset..).unwrap_or_default();
    let Some(c) = rest.chars().next() else {
        return e;
    };
    // The number written just before the error, and the digits (and points) just after.
    let number_before = |tail: &str| -> Option<String> {
        let head = before.strip_suffix(tail)?;
        let start = head
            .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .map_or(0, |i| i + 1);
        let n = head.get(start..)?;
        n.bytes().any(|b| b.is_ascii_digit()).then(|| n.to_owned())
    };
    let digits_after: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let syntax = match c {
        '“' | '”' | '‘' | '’' | '„' | '″' => Syntax::CurlyQuote { quote: c },
        '%' => match number_before("") {
            Some(number) => Syntax::UnquotedPercent { number },
            None => return e,
        },
        '0'..='9' => match number_before(",") {
            // `1.234,5`: thousands points before a decimal comma.
            Some(int) => Syntax::DecimalComma {
                number: format!("{}.{}", int.replace('.', ""), digits_after.replace('.', "")),
                written: format!("{int},{digits_after}"),
            },
            None => return e,
        },
        '.' => match number_before("") {
            Some(n) if n.contains('.') => Syntax::ThousandsDots {
                number: format!("{n}{digits_after}").replace('.', ""),
            },
            _ => return e,
        },
        _ => return e,
    };
    SyntaxError { syntax, ..e }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, syntax: Syntax) -> SyntaxError {
        // At the end of the text, point at its last character.
        let offset = if self.at >= self.bytes.len() {
            self.bytes.len().saturating_sub(1)
        } else {
            self.at
        };
        let syntax = if self.at >= self.bytes.len() {
            Syntax::UnexpectedEnd
        } else {
            syntax
        };
        SyntaxError { syntax, offset }
    }

    // Inlined even in the size-optimised wasm: a call for each byte read is most of the
    // reader's time in the browser's first, unoptimised run of it.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.skip_ws();
        if depth > MAX_DEPTH {
            return Err(self.error(Syntax::TooDeep));
        }
        let start = self.at;
        let kind = match self.peek() {
            None => return Err(self.error(Syntax::UnexpectedEnd)),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::Str(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error(Syntax::ExpectedValue)),
        };
        Ok(Node {
            start,
            end: self.at,
            kind,
        })
    }

    fn literal(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        for &b in word.as_bytes() {
            if self.peek() != Some(b) {
                return Err(self.error(Syntax::ExpectedValue));
            }
            self.at += 1;
        }
        Ok(kind)
    }

    fn digits(&mut self) -> usize {
        let from = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - from
    }

    #[inline(never)]
    fn number(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error(Syntax::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(Syntax::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error(Syntax::InvalidNumber));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(Syntax::InvalidNumber));
            }
        }
        let raw = self.text.get(start..self.at).unwrap_or_default();
        match number_value(raw) {
            Some(v) => Ok(Kind::Number(v, raw)),
            None => {
                self.at = self.at.saturating_sub(1);
                Err(SyntaxError {
                    syntax: Syntax::NumberTooLarge,
                    offset: self.at,
                })
            }
        }
    }

    /// Reads a string, the reader standing on its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        let start = self.at;
        let mut owned: Option<String> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(Syntax::UnexpectedEnd));
            };
            match b {
                b'"' => {
                    let slice = self.text.get(start..self.at).unwrap_or_default();
                    self.at += 1;
                    return Ok(match owned {
                        Some(s) => Cow::Owned(s),
                        None => Cow::Borrowed(slice),
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(|| {
                        self.text.get(start..self.at).unwrap_or_default().to_owned()
                    });
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            s.push(c);
                            continue;
                        }
                        None => return Err(self.error(Syntax::UnexpectedEnd)),
                        Some(_) => return Err(self.error(Syntax::InvalidEscape)),
                    };
                    s.push(c);
                    self.at += 1;
                }
                0x00..=0x1f => return Err(self.error(Syntax::ControlCharacter)),
                _ => {
                    // Copy a whole UTF-8 character (the text is valid UTF-8).
                    let len = match b {
                        0x00..=0x7f => 1,
                        0xc0..=0xdf => 2,
                        0xe0..=0xef => 3,
                        _ => 4,
                    };
                    if let Some(s) = owned.as_mut() {
                        s.push_str(self.text.get(self.at..self.at + len).unwrap_or_default());
                    }
                    self.at += len;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                None => return Err(self.error(Syntax::UnexpectedEnd)),
                Some(_) => return Err(self.error(Syntax::InvalidEscape)),
            };
            v = v * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(v)
    }

    /// Reads the four hex digits after `\u` (and a second escape for a surrogate pair).
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                return Err(self.error(Syntax::InvalidEscape));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xdc00..0xe000).contains(&second) {
                return Err(self.error(Syntax::InvalidEscape));
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error(Syntax::InvalidEscape))
    }

    #[inline(never)]
    fn array(&mut self, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Kind::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error(Syntax::TrailingComma));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Kind::Array(items));
                }
                _ => return Err(self.error(Syntax::ExpectedCommaOrBracket)),
            }
        }
    }

    #[inline(never)]
    fn object(&mut self, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.at += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Kind::Object(entries));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(Syntax::KeyMustBeString));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_end = self.at;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error(Syntax::ExpectedColon));
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            entries.push(Entry {
                key,
                key_start,
                key_end,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error(Syntax::TrailingComma));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Kind::Object(entries));
                }
                _ => return Err(self.error(Syntax::ExpectedCommaOrBrace)),
            }
        }
    }
}

/// The value of a JSON number's text (already checked against the grammar). Exact for
/// every number of up to 15 significant digits with a power of ten up to 22, which is
/// every number a fact box holds; close (within a few units in the last place) beyond.
/// `None` if it is too large for a double.
///
/// Written here, rather than with `str::parse`, because core's correctly rounded parser
/// brings about 10 KB of tables into the wasm.
pub fn number_value(raw: &str) -> Option<f64> {
    let NumberText {
        negative,
        int: int_part,
        fraction: frac_part,
        exponent: exp_text,
    } = NumberText::of(raw);
    let mut exponent: i64 = if exp_text.is_empty() {
        0
    } else {
        parse_exponent(exp_text)?
    };
    // Up to 19 significant digits fit a u64; later digits only move the exponent.
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for (k, b) in int_part.bytes().chain(frac_part.bytes()).enumerate() {
        let d = u64::from(b.wrapping_sub(b'0'));
        let in_fraction = k >= int_part.len();
        if significant < 19 {
            if mantissa > 0 || d > 0 {
                significant += 1;
            }
            mantissa = mantissa * 10 + d;
            if in_fraction {
                exponent -= 1;
            }
        } else if !in_fraction {
            exponent += 1;
        }
    }
    let value = scale10(mantissa as f64, exponent);
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// A JSON number's text in its parts: `-12.50e+3` is negative, `12`, `50` and `+3`.
pub(crate) struct NumberText<'a> {
    pub negative: bool,
    /// The digits before the point.
    pub int: &'a str,
    /// The digits after the point, if any.
    pub fraction: &'a str,
    /// The exponent after `e` or `E`, with its sign, if any.
    pub exponent: &'a str,
}

impl<'a> NumberText<'a> {
    /// The parts of `raw`, found byte by byte: this runs for every number of a document
    /// (twice: for its value and for its places as written), and a `char` pattern would
    /// decode UTF-8 where every byte of a number is ASCII.
    pub(crate) fn of(raw: &'a str) -> NumberText<'a> {
        let negative = raw.as_bytes().first() == Some(&b'-');
        let rest = raw.get(usize::from(negative)..).unwrap_or_default();
        let at = |b: u8| rest.bytes().position(|c| c == b || c == b.to_ascii_uppercase());
        let e = at(b'e').unwrap_or(rest.len());
        let mantissa = rest.get(..e).unwrap_or_default();
        let exponent = rest.get(e + 1..).unwrap_or_default();
        let (int, fraction) = match mantissa.bytes().position(|c| c == b'.') {
            Some(p) => (
                mantissa.get(..p).unwrap_or_default(),
                mantissa.get(p + 1..).unwrap_or_default(),
            ),
            None => (mantissa, ""),
        };
        NumberText {
            negative,
            int,
            fraction,
            exponent,
        }
    }
}

fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let mut e: i64 = 0;
    for b in digits.bytes() {
        e = (e * 10 + i64::from(b.wrapping_sub(b'0'))).min(100_000);
    }
    Some(if negative { -e } else { e })
}

/// `m × 10^e`. Powers of ten up to 10^22 are exact doubles, so for a mantissa below 2^53
/// one multiplication or division is correctly rounded.
fn scale10(m: f64, e: i64) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if m == 0.0 {
        return 0.0;
    }
    let mut v = m;
    let mut e = e;
    while e > 22 {
        v *= 1e22;
        e -= 22;
        if v.is_infinite() {
            return v;
        }
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
        if v == 0.0 {
            return 0.0;
        }
    }
    let p = EXACT.get(e.unsigned_abs() as usize).copied().unwrap_or(1.0);
    if e >= 0 { v * p } else { v / p }
}

/// A problem found while reading the tree into the spec structs, with the byte offset of
/// the value at fault.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    pub what: What,
    pub offset: Option<usize>,
}

/// The number a journalist most likely meant by a number written as text: `"9.300"` is
/// 9300 (Vietnamese thousands), `"26,7"` is 26.7, `"1,200"` is 1200, `"31%"` is 31.
pub fn number_in_text(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.is_empty() {
        return None;
    }
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let groups_of_three = |sep: char| {
        let mut parts = t.split(sep);
        parts
            .next()
            .is_some_and(|first| !first.is_empty() && first.len() <= 3)
            && parts.all(|p| p.len() == 3)
    };
    let normalised = match (dots, commas) {
        (0, 0) => t.clone(),
        // Both: the last one is the decimal mark.
        (_, _) if dots > 0 && commas > 0 => {
            let last_dot = t.rfind('.')?;
            let last_comma = t.rfind(',')?;
            if last_comma > last_dot {
                t.replace('.', "").replace(',', ".")
            } else {
                t.replace(',', "")
            }
        }
        (_, 0) if groups_of_three('.') => t.replace('.', ""),
        (1, 0) => t.clone(),
        (0, _) if groups_of_three(',') => t.replace(',', ""),
        (0, 1) => t.replace(',', "."),
        _ => return None,
    };
    // Only a plain JSON number counts: the journalist is told to write exactly this.
    match parse(&normalised) {
        Ok(Node {
            kind: Kind::Number(v, _),
            ..
        }) => Some(v),
        _ => None,
    }
}

/// The JSON that says what a value typed as text means, when it can be read: `"90–200
/// (dự báo)"` → `"value": [90, 200], "status": "forecast"`; `"khoảng 36"` → `"value": 36,
/// "qualifier": "khoảng"`; `"+16%"` → `"value": 16, "signed": true`. `None` when the
/// number itself cannot be read, or when the text is a number alone (whose own message,
/// [`What::NumberAsString`], says more about its separators).
pub fn value_fix(text: &str) -> Option<String> {
    use crate::spec::Status;
    // Only words in a message: see `suggest::nearest`.
    if !cfg!(feature = "editor") {
        return None;
    }
    // ASCII case only: Unicode case tables would cost every reader 7 KB of wasm for a
    // hint ("Khoảng" is folded, "Ước tính" is not; the studio reads every case).
    let mut rest = text.trim().to_ascii_lowercase();
    let mut fields: Vec<String> = Vec::new();
    let mut status = None;
    for (word, s) in Status::written_forms() {
        if let Some(i) = rest.find(word) {
            rest.replace_range(i..i + word.len(), " ");
            status = Some(s);
            break;
        }
    }
    let mut rest = rest.replace(['(', ')', '[', ']'], " ").trim().to_owned();
    let mut qualifier = None;
    for q in [
        "khoảng", "gần", "hơn", "trên", "dưới", "about", "nearly", "over", "under",
    ] {
        if let Some(r) = rest.strip_prefix(q) {
            qualifier = Some(q);
            rest = r.trim().to_owned();
            break;
        }
    }
    let mut signed = false;
    let mut negative = false;
    for (word, minus) in [("tăng", false), ("giảm", true), ("+", false)] {
        if let Some(r) = rest.strip_prefix(word) {
            signed = true;
            negative = minus;
            rest = r.trim().to_owned();
            break;
        }
    }
    let ends: Vec<&str> = rest
        .split(['–', '—'])
        .flat_map(|p| p.split(" đến "))
        .flat_map(|p| p.split(" to "))
        .flat_map(|p| p.split(" - "))
        .collect();
    let ends: Vec<&str> = if ends.len() == 1 {
        // `90-200`: a hyphen between digits.
        match rest.find('-').filter(|&i| i > 0) {
            Some(i) => vec![rest.get(..i).unwrap_or(""), rest.get(i + 1..).unwrap_or("")],
            None => ends,
        }
    } else {
        ends
    };
    let number = |t: &str| {
        let digits: String = t
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
            .collect();
        number_in_text(&digits)
    };
    // What follows the last number is its unit, as typed (`%`, `tỷ USD`).
    let unit: String = ends
        .last()
        .map(|t| {
            t.trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
                .trim()
                .to_owned()
        })
        .unwrap_or_default();
    let value = match ends.as_slice() {
        [one] => format_plain_signed(number(one)?, negative),
        [low, high] => format!(
            "[{}, {}]",
            format_plain_signed(number(low)?, negative),
            format_plain_signed(number(high)?, negative)
        ),
        _ => return None,
    };
    if status.is_none() && qualifier.is_none() && !signed && ends.len() == 1 && unit.is_empty() {
        return None;
    }
    fields.push(format!("\"value\": {value}"));
    if let Some(s) = status {
        fields.push(format!("\"status\": \"{}\"", s.name()));
    }
    if let Some(q) = qualifier {
        fields.push(format!("\"qualifier\": \"{q}\""));
    }
    if signed {
        fields.push("\"signed\": true".to_owned());
    }
    if !unit.is_empty() {
        fields.push(format!("\"unit\": \"{}\"", unit.replace(['"', '\\'], "")));
    }
    Some(fields.join(", "))
}

fn format_plain_signed(value: f64, negative: bool) -> String {
    crate::format::format_plain(if negative { -value } else { value })
}

/// The error for `node` where `expected` should stand, at the value's last character. A
/// number written as text gets its own message, which says what to write instead.
#[inline(never)]
pub fn wrong_type(node: &Node<'_>, expected: Expected) -> DeError {
    let what = match (node.found(), expected) {
        (Found::Text(text), Expected::Number | Expected::WholeNumber) => What::NumberAsString {
            number: number_in_text(&text),
            text,
        },
        (found, _) => What::WrongType { expected, found },
    };
    DeError {
        what,
        offset: Some(node.end.saturating_sub(1)),
    }
}

/// A whole number's value, if the node is one (written without a point or exponent) and
/// lies in `0..=max`.
pub fn whole(node: &Node<'_>, max: f64) -> Option<f64> {
    match node.kind {
        Kind::Number(v, raw) if !raw.contains(['.', 'e', 'E']) && (0.0..=max).contains(&v) => {
            Some(v)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_exactly() {
        for (text, want) in [
            ("0", 0.0),
            ("-0", 0.0),
            ("9300", 9300.0),
            ("26.7", 26.7),
            ("16400000", 16_400_000.0),
            ("85.4", 85.4),
            ("-1200.5", -1200.5),
            ("1e3", 1000.0),
            ("2.5E-1", 0.25),
            ("0.1", 0.1),
            ("1.4", 1.4),
            ("123456789012345", 123_456_789_012_345.0),
        ] {
            assert_eq!(number_value(text), Some(want), "{text}");
        }
        assert_eq!(number_value("1e999"), None);
        assert_eq!(number_value("1e-999"), Some(0.0));
    }

    #[test]
    fn syntax_errors_point_at_the_offending_character() {
        let cases = [
            ("{\"a\": 1 \"b\": 2}", Syntax::ExpectedCommaOrBrace, 8),
            ("[1 2]", Syntax::ExpectedCommaOrBracket, 3),
            ("[1, ]", Syntax::TrailingComma, 4),
            ("{\"a\": 1,}", Syntax::TrailingComma, 8),
            ("{a: 1}", Syntax::KeyMustBeString, 1),
            ("{\"a\" 1}", Syntax::ExpectedColon, 5),
            ("['a']", Syntax::ExpectedValue, 1),
            ("[01]", Syntax::InvalidNumber, 2),
            ("[1.]", Syntax::InvalidNumber, 3),
            ("\"a\nb\"", Syntax::ControlCharacter, 2),
            ("\"\\x\"", Syntax::InvalidEscape, 2),
            ("{} x", Syntax::TrailingCharacters, 3),
            ("[", Syntax::UnexpectedEnd, 0),
            ("[1e999]", Syntax::NumberTooLarge, 5),
            ("[tru]", Syntax::ExpectedValue, 4),
        ];
        for (text, syntax, offset) in cases {
            assert_eq!(parse(text), Err(SyntaxError { syntax, offset }), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert!(matches!(
            parse(&deep),
            Err(SyntaxError {
                syntax: Syntax::TooDeep,
                ..
            })
        ));
    }

    #[test]
    fn strings_and_spans() {
        let Ok(node) = parse(r#"{"tên": "Việt \"Nam\" \u00e9\ud83d\ude00", "n": [1, true, null]}"#)
        else {
            panic!("valid JSON")
        };
        assert_eq!(
            node.get("tên").map(|n| n.kind.clone()),
            Some(Kind::Str("Việt \"Nam\" é😀".into()))
        );
        let Some(n) = node.get("n") else {
            panic!("a field n")
        };
        assert_eq!(
            n.kind,
            Kind::Array(vec![
                Node {
                    start: 52,
                    end: 53,
                    kind: Kind::Number(1.0, "1")
                },
                Node {
                    start: 55,
                    end: 59,
                    kind: Kind::Bool(true)
                },
                Node {
                    start: 61,
                    end: 65,
                    kind: Kind::Null
                },
            ])
        );
    }

    #[test]
    fn numbers_written_as_text() {
        assert_eq!(number_in_text("9.300"), Some(9300.0));
        assert_eq!(number_in_text("1.400.000"), Some(1_400_000.0));
        assert_eq!(number_in_text("26,7"), Some(26.7));
        assert_eq!(number_in_text("1,200"), Some(1200.0));
        assert_eq!(number_in_text("2.560,5"), Some(2560.5));
        assert_eq!(number_in_text("2,560.5"), Some(2560.5));
        assert_eq!(number_in_text("31%"), Some(31.0));
        assert_eq!(number_in_text("16.4"), Some(16.4));
        assert_eq!(number_in_text("hơn 9.300"), None);
        assert_eq!(number_in_text(""), None);
    }
}
