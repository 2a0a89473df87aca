//! The one reader of documents: the [`spec`](crate::spec) structs read from the JSON tree,
//! in the widget and natively alike.
//!
//! Written by hand rather than derived with serde, whose visitors (one per struct, field
//! identifier and enum, each copied for the deserializer) took about 55 KB of the wasm
//! every reader downloads. These readers share one non-generic walk over an object's
//! fields (`Fields`); each struct adds only a call per field. The structs' readers are
//! declared with the structs themselves, by `spec!` in [`crate::spec`], from the same list
//! of fields; here are the readers of values and the walk. The bad-input table
//! (`tests/bad_input.rs`) defines what they report.
//!
//! The rules, serde's: fields are read in the order written, and the first
//! problem in that order is the one reported; an unknown field is an error only in
//! structs that deny them (a box's fields are checked against all its known names by
//! [`crate::parse`]); a field given twice is an error; a missing required field is reported
//! after the whole object, the first one in declaration order; `null` is "not given" for
//! an optional field.

use crate::error::{Expected, RangeReason, What};
use crate::json::{self, DeError, Kind, Node, wrong_type as wrong};
use crate::spec::{
    Amount, Better, BillionWord, BoxHead, Cell, CellValue, ChangeStyle, DataSource, Defaults, Document,
    Number, Orientation, RankSort, RowKey, Scale, ShareDisplay, SortOrder, Source, Status, TableRow,
    TableRows, ROW_KEYS,
};
use crate::suggest::nearest;

/// A value read from the JSON tree, or the first problem with it.
pub(crate) type Read<T> = Result<T, DeError>;

/// Where a problem with a whole value is reported: its last character.
fn last(node: &Node<'_>) -> usize {
    node.end.saturating_sub(1)
}

fn error(what: What, offset: usize) -> DeError {
    DeError {
        what,
        offset: Some(offset),
    }
}

pub(crate) fn number(node: &Node<'_>) -> Read<Number> {
    match &node.kind {
        Kind::Number(value, raw) => {
            let (value, raw) = (*value, *raw);
            let (decimals, digits) = written(raw);
            let printable = decimals <= u32::from(crate::format::MAX_WRITTEN_DECIMALS)
                && digits <= crate::format::MAX_WRITTEN_DIGITS;
            Ok(Number {
                value,
                decimals,
                digits,
                raw: (!printable).then(|| raw.to_owned()),
            })
        }
        // `[90, 200]` where one number must stand (a target, a total, a scale's end).
        Kind::Array(items) if items.len() == 2 => Err(error(
            What::RangeNotAllowed {
                reason: RangeReason::Fixed,
            },
            last(node),
        )),
        _ => Err(wrong(node, Expected::Number)),
    }
}

/// A value a reader sees: a number, or a range `[low, high]` of two. A value typed as an
/// article writes it (`"90–200 (dự báo)"`) is refused with the JSON that says the same.
pub(crate) fn amount(node: &Node<'_>) -> Read<Amount> {
    match &node.kind {
        Kind::Array(items) => match items.as_slice() {
            [low, high] => Ok(Amount::Range(number(low)?, number(high)?)),
            _ => Err(error(What::RangeLength { found: items.len() }, last(node))),
        },
        Kind::Str(text) => match json::value_fix(text) {
            Some(fix) => Err(error(
                What::ValueAsText {
                    text: text.to_string(),
                    fix: Some(fix),
                },
                last(node),
            )),
            None => Err(wrong(node, Expected::Number)),
        },
        _ => number(node).map(Amount::One),
    }
}

/// The decimal places and significant digits of a JSON number as written: `26.70` has 2
/// places and 4 digits, `1.5e-3` has 4 places, `16400000` none and 8 digits.
pub fn written(raw: &str) -> (u32, u32) {
    let crate::json::NumberText {
        int,
        fraction: frac,
        exponent,
        ..
    } = crate::json::NumberText::of(raw);
    let exponent: i64 = {
        let (negative, digits) = match exponent.as_bytes().first() {
            Some(b'-') => (true, exponent.get(1..).unwrap_or_default()),
            Some(b'+') => (false, exponent.get(1..).unwrap_or_default()),
            _ => (false, exponent),
        };
        let e = digits.bytes().fold(0i64, |e, b| {
            (e * 10 + i64::from(b.wrapping_sub(b'0'))).min(100_000)
        });
        if negative { -e } else { e }
    };
    let decimals = (frac.len() as i64 - exponent).clamp(0, 1000);
    // The digits from the first that is not a zero, counted without copying them (this
    // runs for every number of a document).
    let significant = match int.bytes().position(|b| b != b'0') {
        Some(i) => int.len() - i + frac.len(),
        None => frac.len() - frac.bytes().take_while(|&b| b == b'0').count(),
    }
    .max(1);
    (
        u32::try_from(decimals).unwrap_or(1000),
        u32::try_from(significant).unwrap_or(u32::MAX),
    )
}

/// A whole number from 0 to `max`, written without a point or an exponent.
fn whole(node: &Node<'_>, max: f64) -> Read<f64> {
    json::whole(node, max).ok_or_else(|| wrong(node, Expected::WholeNumber))
}

// The casts are exact: `whole` has checked the range.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(crate) fn byte(node: &Node<'_>) -> Read<u8> {
    whole(node, f64::from(u8::MAX)).map(|v| v as u8)
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(crate) fn count(node: &Node<'_>) -> Read<u32> {
    whole(node, f64::from(u32::MAX)).map(|v| v as u32)
}

pub(crate) fn text(node: &Node<'_>) -> Read<String> {
    match &node.kind {
        Kind::Str(s) => Ok(s.to_string()),
        _ => Err(wrong(node, Expected::Text)),
    }
}

pub(crate) fn flag(node: &Node<'_>) -> Read<bool> {
    match node.kind {
        Kind::Bool(b) => Ok(b),
        _ => Err(wrong(node, Expected::TrueOrFalse)),
    }
}

pub(crate) fn list<T>(node: &Node<'_>, item: fn(&Node<'_>) -> Read<T>) -> Read<Vec<T>> {
    match &node.kind {
        Kind::Array(items) => items.iter().map(item).collect(),
        _ => Err(wrong(node, Expected::List)),
    }
}

pub(crate) fn texts(node: &Node<'_>) -> Read<Vec<String>> {
    list(node, text)
}

/// The index of a string among an enum's names.
#[inline(never)]
fn variant(node: &Node<'_>, names: &'static [&'static str]) -> Read<usize> {
    match &node.kind {
        Kind::Str(s) => names.iter().position(|n| *n == s.as_ref()).ok_or_else(|| {
            error(
                What::UnknownValue {
                    value: s.to_string(),
                    suggestion: nearest(s, names.iter().copied()).map(str::to_owned),
                    expected: names.iter().map(|n| (*n).to_owned()).collect(),
                },
                last(node),
            )
        }),
        _ => Err(error(
            What::WrongType {
                expected: Expected::Text,
                found: node.found(),
            },
            last(node),
        )),
    }
}

/// Declares how an enum is read: its JSON names and its variants, in the same order.
macro_rules! enum_reader {
    ($read:ident -> $ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        pub(crate) fn $read(node: &Node<'_>) -> Read<$ty> {
            const NAMES: &[&str] = &[$($name),*];
            const VARIANTS: &[$ty] = &[$($ty::$variant),*];
            variant(node, NAMES).and_then(|i| {
                VARIANTS.get(i).copied().ok_or_else(|| wrong(node, Expected::Text))
            })
        }
    };
}

enum_reader!(scale -> Scale {
    "none" => None, "thousand" => Thousand, "million" => Million, "billion" => Billion,
});
enum_reader!(change_style -> ChangeStyle {
    "difference" => Difference, "percent" => Percent, "ratio" => Ratio, "rank" => Rank,
});
enum_reader!(sort_order -> SortOrder {
    "none" => None, "ascending" => Ascending, "descending" => Descending, "best" => Best,
    "worst" => Worst,
});
enum_reader!(rank_sort -> RankSort { "end" => End, "change" => Change, "none" => None });
enum_reader!(orientation -> Orientation { "horizontal" => Horizontal, "vertical" => Vertical });
enum_reader!(share_display -> ShareDisplay { "bar" => Bar, "donut" => Donut });
enum_reader!(billion_word -> BillionWord { "tỉ" => Ti, "tỷ" => Ty });
enum_reader!(better -> Better { "higher" => Higher, "lower" => Lower });
enum_reader!(status_name -> Status {
    "estimate" => Estimate, "forecast" => Forecast, "preliminary" => Preliminary,
});

/// A value's status. A status written as news writes it, in either language (`ước tính`,
/// `projected`), is refused with the name to write.
pub(crate) fn status(node: &Node<'_>) -> Read<Status> {
    status_name(node).map_err(|mut e| {
        if let What::UnknownValue {
            value, suggestion, ..
        } = &mut e.what
        {
            if let Some(s) = Status::from_word(value) {
                *suggestion = Some(s.name().to_owned());
            }
        }
        e
    })
}

/// An object being read: where each known field's value stands, and the first problem
/// found so far.
///
/// serde reads fields in the order written and stops at the first problem. Reading them
/// here in declaration order instead, the problem reported is still serde's: the one whose
/// field comes first in the text (a field named wrong or twice stops the walk where it
/// stands); a missing field only when nothing else is wrong, the first one declared.
pub(crate) struct Fields<'n, 'a> {
    node: &'n Node<'a>,
    names: &'static [&'static str],
    /// Each known field's value, and its place among the object's fields.
    slots: Vec<Option<(usize, &'n Node<'a>)>>,
    /// The first problem, and the place of its field (`usize::MAX` for a missing field).
    first: Option<(usize, DeError)>,
}

impl<'n, 'a> Fields<'n, 'a> {
    /// Finds the known fields of `node` among `names`. Unknown fields are problems when
    /// `deny` is set and skipped otherwise; a field given twice is one. One copy of this
    /// walk serves every struct.
    pub(crate) fn new(
        node: &'n Node<'a>,
        names: &'static [&'static str],
        deny: bool,
    ) -> Read<Self> {
        let Kind::Object(entries) = &node.kind else {
            return Err(wrong(node, Expected::Object));
        };
        let mut fields = Fields {
            node,
            names,
            slots: vec![None; names.len()],
            first: None,
        };
        for (place, entry) in entries.iter().enumerate() {
            let known = names.iter().position(|n| *n == entry.key);
            let problem = match known.and_then(|i| fields.slots.get_mut(i)) {
                Some(slot @ None) => {
                    *slot = Some((place, &entry.value));
                    continue;
                }
                Some(Some(_)) => error(
                    What::DuplicateField {
                        field: entry.key.to_string(),
                    },
                    last(node),
                ),
                None if deny => error(
                    What::UnknownField {
                        field: entry.key.to_string(),
                        suggestion: nearest(&entry.key, names.iter().copied()).map(str::to_owned),
                        expected: names.iter().map(|n| (*n).to_owned()).collect(),
                    },
                    entry.key_end.saturating_sub(1),
                ),
                None => continue,
            };
            fields.first = Some((place, problem));
            break;
        }
        Ok(fields)
    }

    /// Keeps `problem` if its field comes before that of every problem found so far.
    #[inline(never)]
    fn note(&mut self, place: usize, problem: DeError) {
        if self.first.as_ref().is_none_or(|(p, _)| place < *p) {
            self.first = Some((place, problem));
        }
    }

    /// Where field `i` stands and its value, if given (for an optional field, `null` is
    /// not given). A missing required field is noted. Not generic, unlike its callers, so
    /// that each of their copies (one per field type) is a few instructions.
    #[inline(never)]
    fn take(&mut self, i: usize, required: bool) -> Option<(usize, &'n Node<'a>)> {
        match self.slots.get(i).copied().flatten() {
            Some((_, node)) if !required && matches!(node.kind, Kind::Null) => None,
            Some(slot) => Some(slot),
            None => {
                if required {
                    let missing = What::MissingField {
                        field: self.names.get(i).copied().unwrap_or_default().to_owned(),
                    };
                    self.note(usize::MAX, error(missing, last(self.node)));
                }
                None
            }
        }
    }

    /// Required field `i`. When it is missing or wrong, the problem is noted and a
    /// placeholder returned, which [`Fields::finish`] keeps from being used.
    #[inline(never)]
    pub(crate) fn req<T: Default>(&mut self, i: usize, read: fn(&Node<'_>) -> Read<T>) -> T {
        let Some((place, node)) = self.take(i, true) else {
            return T::default();
        };
        read(node).unwrap_or_else(|e| {
            self.note(place, e);
            T::default()
        })
    }

    /// Optional field `i`: `null` is the same as leaving it out.
    #[inline(never)]
    pub(crate) fn opt<T>(&mut self, i: usize, read: fn(&Node<'_>) -> Read<T>) -> Option<T> {
        let (place, node) = self.take(i, false)?;
        read(node).map_or_else(
            |e| {
                self.note(place, e);
                None
            },
            Some,
        )
    }

    /// The first problem, if any.
    pub(crate) fn finish(self) -> Read<()> {
        match self.first {
            Some((_, problem)) => Err(problem),
            None => Ok(()),
        }
    }
}

/// Reads a struct: `$node` is an object whose fields are listed in declaration order (which
/// decides the order of names in messages and which missing field is reported first) as
/// `name: req reader` or `name: opt reader`, with the JSON name in parentheses when it is
/// not the field's; `deny` refuses unknown fields. Used by `spec!` in [`crate::spec`],
/// which declares each struct and its reader from one list of fields.
macro_rules! read_struct {
    ($node:expr, $deny:expr, $ty:ident {
        $($field:ident $(($json:literal))? : $mode:ident $read:ident $(::<$item:ty>)?),* $(,)?
    }) => {{
        const NAMES: &[&str] = &[$(read_struct!(@name $field $($json)?)),*];
        let mut fields = $crate::read::Fields::new($node, NAMES, $deny)?;
        let mut index = 0usize;
        // Readers by their full path: a field named like a reader (`text`) must not hide it.
        $(
            let $field = fields.$mode(index, $crate::read::$read $(::<$item>)?);
            index += 1;
        )*
        let _ = index;
        fields.finish()?;
        Ok($ty { $($field,)* })
    }};
    (@name $field:ident $json:literal) => { $json };
    (@name $field:ident) => { stringify!($field) };
}

/// A spec struct that can be read from the JSON tree (implemented by `spec!`).
pub(crate) trait FromNode: Sized {
    /// Reads one from `node`, or says what is wrong with it.
    fn from_node(node: &Node<'_>) -> Read<Self>;
}

/// One spec struct, as a reader `read_struct!` can name.
pub(crate) fn one<T: FromNode>(node: &Node<'_>) -> Read<T> {
    T::from_node(node)
}

/// A list of spec structs.
pub(crate) fn list_of<T: FromNode>(node: &Node<'_>) -> Read<Vec<T>> {
    list(node, T::from_node)
}

fn ignored(_: &Node<'_>) -> Read<()> {
    Ok(())
}

fn box_list(node: &Node<'_>) -> Read<Vec<()>> {
    list(node, ignored)
}

/// The document's top level, with its boxes left as they are (each is read on its own).
pub fn document(node: &Node<'_>) -> Read<Document<()>> {
    read_struct!(node, true, Document {
        schema("$schema"): opt text,
        version: req count,
        locale: opt text,
        billion_word: opt billion_word,
        defaults: opt one::<Defaults>,
        boxes: req box_list,
    })
}

/// A table's cell: a number or a range, text, `null`, or a value with its status.
pub(crate) fn cell(node: &Node<'_>) -> Read<Cell> {
    match &node.kind {
        Kind::Null => Ok(Cell::Empty),
        Kind::Str(s) => Ok(Cell::Text(s.to_string())),
        Kind::Object(_) => CellValue::from_node(node).map(|c| Cell::Value {
            value: c.value,
            status: c.status,
            qualifier: c.qualifier,
        }),
        Kind::Bool(_) => Err(wrong(node, Expected::Cell)),
        _ => amount(node).map(|value| Cell::Value {
            value,
            status: None,
            qualifier: None,
        }),
    }
}

/// A table's rows, as written, with their keys written down once (see [`TableRows`]).
pub(crate) fn table_rows(node: &Node<'_>) -> Read<TableRows> {
    let Kind::Array(items) = &node.kind else {
        return Err(wrong(node, Expected::List));
    };
    let mut keys: Vec<&str> = Vec::new();
    let mut rows = Vec::with_capacity(items.len());
    for item in items {
        rows.push(table_row(item, &mut keys)?);
    }
    Ok(TableRows {
        keys: keys.into_iter().map(str::to_owned).collect(),
        rows,
    })
}

/// A table's row: its cells by key, as written (which keys are columns is the table's
/// to say, in validation), and `highlight`; a key not yet in `keys` is added to them. A
/// key given twice is refused, as in every object of the document, before any of the
/// row's cells is.
// Never inlined into the loop over the rows, so that it is optimised once it is hot (see
// `Validator::table_row`).
#[inline(never)]
fn table_row<'n>(node: &'n Node<'_>, keys: &mut Vec<&'n str>) -> Read<TableRow> {
    let Kind::Object(entries) = &node.kind else {
        return Err(wrong(node, Expected::Object));
    };
    let twice = |key: &str| {
        error(
            What::DuplicateField {
                field: key.to_owned(),
            },
            last(node),
        )
    };
    let mut row = TableRow {
        cells: Vec::with_capacity(entries.len()),
        highlight: None,
    };
    // The keys seen in this row, by their index in `keys`; a key past the first
    // `ROW_KEYS` is compared with the others like it, which only a file no table can use
    // has.
    let mut seen = 0u64;
    let mut texts: Vec<&str> = Vec::new();
    let mut failed = None;
    let mut place = 0;
    for entry in entries {
        let key: &'n str = &entry.key;
        if key == "highlight" {
            texts.push(key);
            if !matches!(entry.value.kind, Kind::Null) {
                match flag(&entry.value) {
                    Ok(f) => row.highlight = Some(f),
                    Err(e) => failed = failed.or(Some(e)),
                }
            }
            continue;
        }
        // Rows usually give their keys in one order: the key at this cell's place first.
        let i = place;
        place += 1;
        let found = if keys.get(i).is_some_and(|k| *k == key) {
            Some(i)
        } else {
            keys.iter().position(|k| *k == key)
        };
        let index = match found {
            Some(i) => Some(i),
            None if keys.len() < ROW_KEYS => {
                keys.push(key);
                Some(keys.len() - 1)
            }
            None => None,
        };
        let key = match index.and_then(|i| u8::try_from(i).ok()) {
            Some(i) => {
                let bit = 1u64 << i;
                if seen & bit != 0 {
                    return Err(twice(key));
                }
                seen |= bit;
                RowKey::Index(i)
            }
            None => {
                texts.push(key);
                RowKey::Text(key.to_owned())
            }
        };
        match cell(&entry.value) {
            Ok(cell) => row.cells.push((key, cell)),
            Err(e) => failed = failed.or(Some(e)),
        }
    }
    // The keys without an index, and `highlight`: one or two in a row, pair by pair; a
    // hostile row's thousands by sorting them, in n log n.
    let repeated = if texts.len() <= 16 {
        texts
            .iter()
            .enumerate()
            .find_map(|(i, k)| texts.iter().skip(i + 1).any(|l| l == k).then_some(*k))
    } else {
        texts.sort_unstable();
        texts.windows(2).find_map(|w| match w {
            [a, b] if a == b => Some(*a),
            _ => None,
        })
    };
    if let Some(key) = repeated {
        return Err(twice(key));
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(row),
    }
}

/// A source: its text alone, or an object with its text and link.
pub(crate) fn source(node: &Node<'_>) -> Read<Source> {
    match &node.kind {
        Kind::Str(s) => Ok(Source {
            text: s.to_string(),
            url: None,
        }),
        Kind::Object(_) => read_struct!(node, true, Source { text: req text, url: opt text }),
        _ => Err(error(
            What::WrongType {
                expected: Expected::TextOrObject,
                found: node.found(),
            },
            last(node),
        )),
    }
}

/// A box's shared fields. Its other fields are left to its kind's reader.
pub fn head(node: &Node<'_>) -> Read<BoxHead<()>> {
    read_struct!(node, false, BoxHead {
        id: req text,
        kind: req ignored,
        title: req text,
        subtitle: opt text,
        note: opt text,
        source: opt source,
        byline: opt text,
        as_of: opt text,
        locale: opt text,
        alt: opt text,
        data: opt one::<DataSource>,
    })
}

#[cfg(test)]
mod tests {
    use super::written;

    #[test]
    fn places_and_significant_digits_as_written() {
        for (raw, expected) in [
            ("26.70", (2, 4)),
            ("1.5e-3", (4, 2)),
            ("16400000", (0, 8)),
            ("0.0012", (4, 2)),
            ("0", (0, 1)),
            ("0.000", (3, 1)),
            ("-10.50", (2, 4)),
            ("1E+2", (0, 1)),
            ("120.5e1", (0, 4)),
        ] {
            assert_eq!(written(raw), expected, "{raw}");
        }
    }
}
