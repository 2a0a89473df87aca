//! A small JSON reader that keeps where every value stands, and a serde `Deserializer` over
//! what it reads.
//!
//! Why not serde_json: its parser is generic over the visitor, so it is compiled again
//! into every struct's deserializer, which made it the largest part of the wasm every
//! reader downloads. Here the text is read once into a tree of [`Node`]s with byte spans,
//! and the (small, non-generic) deserializer walks the tree. Errors come out structured:
//! serde's `unknown_field` hook hands over the field and the valid names, so nothing has
//! to be recovered from English messages, and each error carries the byte offset of the
//! value at fault.
//!
//! The widget itself reads the tree with the hand-written readers of [`crate::read`]; the
//! serde deserializer here reads it through the spec types' derived impls, the reference
//! those readers are tested against.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use crate::error::{Expected, Found, Syntax, What};
use crate::format::format_plain;
use crate::suggest::nearest;

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
    let node = r.value(0)?;
    r.skip_ws();
    if r.at < r.bytes.len() {
        return Err(r.error(Syntax::TrailingCharacters));
    }
    Ok(node)
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
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    let (mantissa_text, exp_text) = match rest.find(['e', 'E']) {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?),
        None => (rest, ""),
    };
    let (int_part, frac_part) = match mantissa_text.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mantissa_text, ""),
    };
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

/// A problem found while deserializing, with the byte offset of the value at fault.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    pub what: What,
    pub offset: Option<usize>,
}

impl DeError {
    fn new(what: What) -> DeError {
        DeError { what, offset: None }
    }

    /// Sets the offset, unless a more precise (inner) one is already known.
    fn at(mut self, offset: usize) -> DeError {
        self.offset.get_or_insert(offset);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what.describe(crate::format::Lang::En))
    }
}

impl std::error::Error for DeError {}

/// serde's name for what a visitor expects (`f64`, `a string`, `struct Figure`), sorted
/// into the kinds a journalist knows.
fn expected_kind(exp: &dyn de::Expected) -> Expected {
    let text = format!("{exp}");
    match text.as_str() {
        "f64" | "f32" => Expected::Number,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            Expected::WholeNumber
        }
        "a string" | "variant identifier" | "field identifier" | "a borrowed string" => {
            Expected::Text
        }
        "a string or a map" => Expected::TextOrObject,
        "a boolean" => Expected::TrueOrFalse,
        "a sequence" => Expected::List,
        t if t.starts_with("struct ") || t.starts_with("a map") => Expected::Object,
        _ => Expected::Value,
    }
}

/// What serde says stood there. Every variant is matched by hand: serde's own `Display`
/// would format floats with core's formatter, which the wasm otherwise does without.
fn found_of(unexp: de::Unexpected<'_>) -> Found {
    use de::Unexpected as U;
    match unexp {
        U::Bool(b) => Found::Bool(b),
        U::Unsigned(n) => Found::Number(n.to_string()),
        U::Signed(n) => Found::Number(n.to_string()),
        U::Float(x) => Found::Number(format_plain(x)),
        U::Char(c) => Found::Text(c.to_string()),
        U::Str(s) => Found::Text(s.to_owned()),
        U::Bytes(_) => Found::Other("bytes".to_owned()),
        U::Unit | U::Option => Found::Null,
        U::Seq => Found::List,
        U::Map => Found::Object,
        U::NewtypeStruct
        | U::NewtypeVariant
        | U::UnitVariant
        | U::TupleVariant
        | U::StructVariant => Found::Other("value".to_owned()),
        U::Enum => Found::Other("enum".to_owned()),
        U::Other(o) => Found::Other(o.to_owned()),
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> DeError {
        DeError::new(What::Other {
            detail: msg.to_string(),
        })
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> DeError {
        let expected = expected_kind(exp);
        let found = found_of(unexp);
        if let (Found::Text(text), Expected::Number | Expected::WholeNumber) = (&found, expected) {
            return DeError::new(What::NumberAsString {
                number: number_in_text(text),
                text: text.clone(),
            });
        }
        DeError::new(What::WrongType { expected, found })
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> DeError {
        DeError::invalid_type(unexp, exp)
    }

    fn invalid_length(len: usize, _exp: &dyn de::Expected) -> DeError {
        DeError::new(What::Other {
            detail: format!("{len} items"),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> DeError {
        DeError::new(What::UnknownValue {
            value: variant.to_owned(),
            suggestion: nearest(variant, expected.iter().copied()).map(str::to_owned),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> DeError {
        DeError::new(What::UnknownField {
            field: field.to_owned(),
            suggestion: nearest(field, expected.iter().copied()).map(str::to_owned),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
        })
    }

    fn missing_field(field: &'static str) -> DeError {
        DeError::new(What::MissingField {
            field: field.to_owned(),
        })
    }

    fn duplicate_field(field: &'static str) -> DeError {
        DeError::new(What::DuplicateField {
            field: field.to_owned(),
        })
    }
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

/// Deserializes a [`Node`]: the tree stands in for the text.
#[derive(Clone, Copy)]
pub struct NodeDe<'n, 'a>(pub &'n Node<'a>);

impl NodeDe<'_, '_> {
    /// The offset a problem with this whole value is reported at: its last character.
    fn last(&self) -> usize {
        self.0.end.saturating_sub(1)
    }

    /// A whole number from 0 to `max`. Out of range, the error quotes the number as
    /// written: serde's own check would quote it after a trip through `f64`, so that
    /// `444444444444444131` came out as `444444444444444160` (found by the fuzzer).
    // The cast is exact: `v` is whole and within 0..=max, below 2^64.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn unsigned<'de, V: Visitor<'de>>(self, visitor: V, max: f64) -> Result<V::Value, DeError> {
        match whole(self.0, max) {
            Some(v) => visitor.visit_u64(v as u64),
            None => Err(type_error(self.0, &visitor)),
        }
        .map_err(|e: DeError| e.at(self.last()))
    }
}

/// The error for a value of the wrong type: one non-generic function for every visitor.
#[inline(never)]
fn type_error(node: &Node<'_>, exp: &dyn de::Expected) -> DeError {
    wrong_type(node, expected_kind(exp))
}

/// The error for `node` where `expected` should stand, at the value's last character. A
/// number written as text gets its own message, which says what to write instead. Shared
/// by the serde deserializer and the hand-written readers of [`crate::read`].
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

// Each entry point calls only the one visitor method its type needs, so that the copy of
// it made for every visitor stays small; anything else is `type_error`.
impl<'de> de::Deserializer<'de> for NodeDe<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let last = self.last();
        match &self.0.kind {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(*b),
            Kind::Number(v, _) => visitor.visit_f64(*v),
            Kind::Str(s) => visitor.visit_str(s),
            Kind::Array(items) => visitor.visit_seq(Seq {
                items: items.iter(),
            }),
            Kind::Object(entries) => visitor.visit_map(Map {
                entries: entries.iter(),
                value: None,
            }),
        }
        .map_err(|e| e.at(last))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0.kind {
            Kind::Bool(b) => visitor.visit_bool(b),
            _ => Err(type_error(self.0, &visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0.kind {
            Kind::Number(v, _) => visitor.visit_f64(v).map_err(|e: DeError| e.at(self.last())),
            _ => Err(type_error(self.0, &visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.unsigned(visitor, 1.8e19)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.unsigned(visitor, f64::from(u32::MAX))
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.unsigned(visitor, f64::from(u16::MAX))
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.unsigned(visitor, f64::from(u8::MAX))
    }

    // The format has no negative whole numbers: signed types are read as unsigned ones.
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.0.kind {
            Kind::Str(s) => visitor.visit_str(s).map_err(|e: DeError| e.at(self.last())),
            _ => Err(type_error(self.0, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.0.kind {
            Kind::Array(items) => visitor.visit_seq(Seq {
                items: items.iter(),
            }),
            _ => Err(type_error(self.0, &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.0.kind {
            Kind::Object(entries) => visitor
                .visit_map(Map {
                    entries: entries.iter(),
                    value: None,
                })
                .map_err(|e: DeError| e.at(self.last())),
            _ => Err(type_error(self.0, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0.kind {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.0.kind {
            Kind::Str(s) => visitor
                .visit_enum(s.as_ref().into_deserializer())
                .map_err(|e: DeError| e.at(self.last())),
            _ => Err(DeError {
                what: What::WrongType {
                    expected: Expected::Text,
                    found: self.0.found(),
                },
                offset: Some(self.last()),
            }),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u128 char bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

struct Seq<'n, 'a> {
    items: std::slice::Iter<'n, Node<'a>>,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(node) => seed.deserialize(NodeDe(node)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'n, 'a> {
    entries: std::slice::Iter<'n, Entry<'a>>,
    value: Option<&'n Node<'a>>,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(&entry.value);
        // A problem with the key (an unknown field) is reported at the key.
        let key: de::value::StrDeserializer<'_, DeError> = entry.key.as_ref().into_deserializer();
        seed.deserialize(key)
            .map(Some)
            .map_err(|e| e.at(entry.key_end.saturating_sub(1)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(node) => seed.deserialize(NodeDe(node)),
            None => Err(DeError::new(What::Other {
                detail: "a value without a key".to_owned(),
            })),
        }
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
