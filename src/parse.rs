//! JSON text to [`spec`](crate::spec) structs, with errors a journalist can act on.
//!
//! The document is parsed in two steps. First its top level, keeping each box as raw text;
//! then each box on its own, by the struct of its `kind`. So a typo in one box is reported
//! in that box (with the box's JSON path and the line and column in the whole file), and the
//! other boxes of the article still render. serde's English error messages are translated
//! here into [`What`], which [`crate::error`] writes out in either language.

// A `Problem` is large (it carries suggestions and lists of valid names), which clippy
// flags for `Result`s. Errors are the cold path here, and boxing them would only add
// noise at every call site.
#![allow(clippy::result_large_err)]

use serde_json::value::RawValue;

use crate::error::{Expected, Found, Position, Problem, Syntax, What};
use crate::spec::{self, BarBox, FiguresBox, Head, Loose};
use crate::suggest::nearest;

/// The largest document accepted, in bytes. A fact box needs a few kilobytes; anything this
/// large is a wrong file, and parsing it would freeze the page.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A parsed document whose boxes are still raw JSON text.
#[derive(Debug)]
pub struct RawDocument<'a> {
    /// The whole text, to place errors in boxes by line and column.
    text: &'a str,
    pub locale: Option<String>,
    pub defaults: spec::Defaults,
    pub boxes: Vec<RawBox<'a>>,
}

/// One box's JSON text and where it stands in the document.
#[derive(Debug, Clone, Copy)]
pub struct RawBox<'a> {
    pub index: usize,
    pub json: &'a str,
    offset: usize,
}

/// One box parsed into its kind's struct.
#[derive(Debug)]
pub enum BoxSpec {
    Figures(FiguresBox),
    Bar(BarBox),
}

impl BoxSpec {
    /// The fields every kind shares.
    pub fn common(&self) -> spec::Common<'_> {
        match self {
            BoxSpec::Figures(b) => b.common(),
            BoxSpec::Bar(b) => b.common(),
        }
    }
}

/// Parses the document's top level. Fails on a syntax error anywhere in the text (JSON
/// cannot be half-read), on a document-level field, or on an unsupported version.
pub fn document(text: &str) -> Result<RawDocument<'_>, Problem> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::whole(What::TooLong {
            max: MAX_DOCUMENT_BYTES,
            found: text.len(),
        }));
    }
    if text.trim().is_empty() {
        return Err(Problem::whole(What::EmptyDocument));
    }
    // A byte-order mark is invisible in editors; JSON forbids it, so skip it quietly.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    if body.trim_start().starts_with('<') {
        return Err(Problem {
            path: String::new(),
            at: Some(position_of(text, text.len() - body.trim_start().len())),
            what: What::Syntax(Syntax::LooksLikeHtml),
        });
    }

    // Check the whole text's syntax first, so a syntax error deep inside a box is reported
    // as such (with its line) rather than as a problem of the box.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
        return Err(translate(&e, "", text, skipped));
    }

    let raw: spec::Document<&RawValue> =
        serde_json::from_str(body).map_err(|e| translate(&e, "", text, skipped))?;
    if raw.version != spec::FORMAT_VERSION {
        return Err(Problem::at_path(
            "version",
            What::UnsupportedVersion {
                found: u64::from(raw.version),
            },
        ));
    }
    let boxes = raw
        .boxes
        .iter()
        .enumerate()
        .map(|(index, b)| RawBox {
            index,
            json: b.get(),
            offset: offset_in(text, b.get()),
        })
        .collect();
    Ok(RawDocument {
        text,
        locale: raw.locale,
        defaults: raw.defaults.unwrap_or_default(),
        boxes,
    })
}

impl RawDocument<'_> {
    /// The id a raw box declares, if it has a string `id`, even when the rest of the box is
    /// broken: `#id` must find a broken box to show its error.
    pub fn id_of(raw: &RawBox<'_>) -> Option<String> {
        match serde_json::from_str::<Head>(raw.json).ok()?.id? {
            Loose::Text(id) => Some(id),
            _ => None,
        }
    }

    /// Parses one box by the struct of its `kind`.
    pub fn parse_box(&self, raw: &RawBox<'_>) -> Result<BoxSpec, Problem> {
        let prefix = format!("boxes[{}]", raw.index);
        let head: Head = serde_json::from_str(raw.json)
            .map_err(|e| translate(&e, &prefix, self.text, raw.offset))?;
        let kind = match head.kind {
            None => {
                return Err(Problem::at_path(
                    prefix,
                    What::MissingField {
                        field: "kind".to_owned(),
                    },
                ))
            }
            Some(Loose::Text(s)) => s,
            Some(other) => {
                return Err(Problem::at_path(
                    format!("{prefix}.kind"),
                    What::WrongType {
                        expected: Expected::Text,
                        found: found_of_loose(other),
                    },
                ))
            }
        };
        match kind.as_str() {
            "figures" => self.parse_kind(raw, &prefix).map(BoxSpec::Figures),
            "bar" => self.parse_kind(raw, &prefix).map(BoxSpec::Bar),
            _ => Err(Problem::at_path(
                format!("{prefix}.kind"),
                What::UnknownKind {
                    suggestion: nearest(&kind, spec::KINDS.iter().copied()).map(str::to_owned),
                    kind,
                },
            )),
        }
    }

    fn parse_kind<T: serde::de::DeserializeOwned>(
        &self,
        raw: &RawBox<'_>,
        prefix: &str,
    ) -> Result<T, Problem> {
        serde_json::from_str(raw.json).map_err(|e| translate(&e, prefix, self.text, raw.offset))
    }
}

/// Where `part` (a slice borrowed from `whole`) starts in `whole`, in bytes.
fn offset_in(whole: &str, part: &str) -> usize {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    at.checked_sub(start)
        .filter(|&o| o <= whole.len())
        .unwrap_or(0)
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn position_of(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Count characters whose first byte lies in the line before `offset`.
    let column = 1 + before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    Position { line, column }
}

/// The byte offset of serde_json's (line, column) within `text`. serde_json counts the
/// column in bytes from the start of the line, pointing just past the offending byte.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match text.get(line_start..).and_then(|rest| rest.find('\n')) {
            Some(p) => line_start += p + 1,
            None => break,
        }
    }
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Turns a serde_json error in a part of the document (starting at byte `base` of `text`,
/// at JSON path `prefix`) into a problem with its full path and position.
fn translate(err: &serde_json::Error, prefix: &str, text: &str, base: usize) -> Problem {
    use serde_json::error::Category;
    let part = text.get(base..).unwrap_or_default();
    let offset = (err.line() > 0).then(|| offset_of(part, err.line(), err.column()));
    let at = offset.map(|o| position_of(text, base + o));
    let full = err.to_string();
    // serde_json appends " at line L column C"; we say where in our own words.
    let message = full.rfind(" at line ").map_or(full.as_str(), |i| full.get(..i).unwrap_or_default());

    let what = match err.classify() {
        Category::Syntax | Category::Eof => {
            let mut syntax = syntax_of(message, err.classify());
            // serde_json reports `[1,]` and `{"a": 1,}` as a missing value or key; the
            // journalist's fix is to delete the comma, so say that.
            if let (Syntax::KeyMustBeString | Syntax::ExpectedValue, Some(o)) = (&syntax, offset) {
                let before = part.get(..o).unwrap_or_default().trim_end();
                let here = part.get(o..).unwrap_or_default().trim_start();
                if before.ends_with(',') && (here.starts_with('}') || here.starts_with(']')) {
                    syntax = Syntax::TrailingComma;
                }
            }
            What::Syntax(syntax)
        }
        _ => data_error(message),
    };

    // The path inside the part: where the parser stood. A data error's offset is the last
    // character of the bad value, which belongs to it; a syntax error's is the character
    // that could not be read, which does not (and for a stray comma, neither does the comma).
    let inner = match (offset, err.classify(), &what) {
        (None, _, _) | (Some(_), Category::Eof, _) => String::new(),
        (Some(o), Category::Data, _) => path_at(part, o),
        (Some(o), _, What::Syntax(Syntax::TrailingComma)) => {
            let comma = part.get(..o).and_then(|b| b.rfind(',')).unwrap_or(0);
            path_at(part, comma.saturating_sub(1))
        }
        (Some(o), _, _) => path_at(part, o.saturating_sub(1)),
    };
    // At an unknown field the parser has just read that field's name; the problem is in
    // the object that holds it, so point there.
    let inner = match &what {
        What::UnknownField { field, .. } => strip_last_segment(&inner, field),
        _ => inner,
    };
    let path = match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => inner,
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    };
    Problem { path, at, what }
}

fn strip_last_segment(path: &str, field: &str) -> String {
    match path.strip_suffix(field) {
        Some(rest) => rest.strip_suffix('.').unwrap_or(rest).to_owned(),
        None => path.to_owned(),
    }
}

fn syntax_of(message: &str, category: serde_json::error::Category) -> Syntax {
    if category == serde_json::error::Category::Eof {
        return Syntax::UnexpectedEnd;
    }
    match message {
        "expected `,` or `}`" => Syntax::ExpectedCommaOrBrace,
        "expected `,` or `]`" => Syntax::ExpectedCommaOrBracket,
        "trailing comma" => Syntax::TrailingComma,
        "key must be a string" => Syntax::KeyMustBeString,
        "expected `:`" => Syntax::ExpectedColon,
        "expected value" | "expected ident" => Syntax::ExpectedValue,
        "invalid number" => Syntax::InvalidNumber,
        "number out of range" => Syntax::NumberTooLarge,
        "trailing characters" => Syntax::TrailingCharacters,
        "invalid escape" | "invalid unicode code point" | "lone leading surrogate in hex escape" => {
            Syntax::InvalidEscape
        }
        m if m.starts_with("control character") => Syntax::ControlCharacter,
        m if m.starts_with("EOF while parsing") => Syntax::UnexpectedEnd,
        other => Syntax::Other(other.to_owned()),
    }
}

/// The names in backticks in a serde message, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn data_error(message: &str) -> What {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut names = backticked(rest);
        let field = if names.is_empty() { String::new() } else { names.remove(0) };
        return What::UnknownField {
            suggestion: nearest(&field, names.iter().map(String::as_str)).map(str::to_owned),
            field,
            expected: names,
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut names = backticked(rest);
        let value = if names.is_empty() { String::new() } else { names.remove(0) };
        return What::UnknownValue {
            suggestion: nearest(&value, names.iter().map(String::as_str)).map(str::to_owned),
            value,
            expected: names,
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return What::MissingField {
            field: backticked(rest).into_iter().next().unwrap_or_default(),
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return What::DuplicateField {
            field: backticked(rest).into_iter().next().unwrap_or_default(),
        };
    }
    let typed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = typed {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            let expected = expected_of(expected);
            let found = found_of_message(found);
            if let (Found::Text(text), Expected::Number | Expected::WholeNumber) = (&found, expected)
            {
                return What::NumberAsString {
                    number: number_in_text(text),
                    text: text.clone(),
                };
            }
            return What::WrongType { expected, found };
        }
    }
    What::Other {
        detail: message.to_owned(),
    }
}

fn expected_of(expected: &str) -> Expected {
    match expected {
        "f64" | "f32" => Expected::Number,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            Expected::WholeNumber
        }
        "a string" | "variant identifier" | "field identifier" => Expected::Text,
        "a string or a map" => Expected::TextOrObject,
        "a boolean" => Expected::TrueOrFalse,
        "a sequence" => Expected::List,
        e if e.starts_with("struct ") || e.starts_with("a map") => Expected::Object,
        e if e.starts_with("a borrowed string") => Expected::Text,
        _ => Expected::Value,
    }
}

/// Reads serde's description of an unexpected value (`string "9.300"`, `integer \`5\``).
fn found_of_message(found: &str) -> Found {
    if let Some(s) = found.strip_prefix("string ") {
        // serde writes the string with Rust's debug quoting; undo the common escapes.
        let inner = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s);
        return Found::Text(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(n) = found.strip_prefix(prefix) {
            return Found::Number(n.trim_matches('`').to_owned());
        }
    }
    match found {
        "boolean `true`" => Found::Bool(true),
        "boolean `false`" => Found::Bool(false),
        "null" | "unit value" => Found::Null,
        "map" => Found::Object,
        "sequence" => Found::List,
        other => Found::Other(other.to_owned()),
    }
}

fn found_of_loose(value: Loose) -> Found {
    match value {
        Loose::Null => Found::Null,
        Loose::Bool(b) => Found::Bool(b),
        Loose::Number(n) => Found::Number(n),
        Loose::Text(s) => Found::Text(s),
        Loose::List => Found::List,
        Loose::Object => Found::Object,
    }
}

/// The JSON path of the value the parser had just read when it stopped at byte `offset`
/// of `json` (valid JSON up to there): `figures[0].value`, or empty at the top level.
///
/// serde_json reports where an error happened but not in which field; re-reading the text
/// up to that point recovers the path, for every type, without wrapping each one.
pub fn path_at(json: &str, offset: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize },
    }
    let bytes = json.as_bytes();
    let end = (offset + 1).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b':' => expecting_key = false,
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        let raw = json.get(start..i.min(json.len())).unwrap_or_default();
                        *key = Some(unescape_key(raw));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// A field name as written between quotes, with the escapes a field name might use undone.
fn unescape_key(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned())
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
        parts.next().is_some_and(|first| !first.is_empty() && first.len() <= 3)
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
    // serde_json's number parser is already in the wasm; `str::parse::<f64>` would add
    // core's float tables (about 10 KB) for this one message.
    if !normalised.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
        return None;
    }
    serde_json::from_str::<f64>(&normalised).ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(number_in_text("86"), Some(86.0));
        assert_eq!(number_in_text("hơn 9.300"), None);
        assert_eq!(number_in_text(""), None);
    }

    #[test]
    fn positions_count_characters() {
        let text = "{\n  \"title\": \"Tiết kiệm\", x\n}";
        let offset = text.find('x').unwrap_or(0);
        assert_eq!(position_of(text, offset), Position { line: 2, column: 25 });
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
    }
}
