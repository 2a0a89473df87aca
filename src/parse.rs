//! JSON text to [`spec`](crate::spec) structs, with errors a journalist can act on.
//!
//! The document is parsed in two steps. First its top level, keeping each box as raw text;
//! then each box on its own, by the struct of its `kind`. So a typo in one box is reported
//! in that box (with the box's JSON path and the line and column in the whole file), and the
//! other boxes of the article still render. Problems come out as [`What`], which
//! [`crate::error`] writes out in either language, with the path found from their offset.

// A `Problem` is large (it carries suggestions and lists of valid names), which clippy
// flags for `Result`s. Errors are the cold path here, and boxing them would only add
// noise at every call site.
#![allow(clippy::result_large_err)]

use crate::error::{Expected, Position, Problem, What};
use crate::json::{self, DeError, Kind, Node};
use crate::kinds;
use crate::path::JsonPath;
use crate::read::{self, FromNode};
use crate::spec::{
    self, BarBox, FiguresBox, LineBox, ProgressBox, RankChangeBox, ShareBox, TableBox,
};
use crate::suggest::nearest;

/// The largest document accepted, in bytes. A fact box needs a few kilobytes; anything this
/// large is a wrong file, and parsing it would freeze the page.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A parsed document whose boxes are not yet read into their kinds' structs.
#[derive(Debug)]
pub struct RawDocument<'a> {
    /// The whole text, to place errors by line and column.
    text: &'a str,
    pub locale: Option<String>,
    pub billion_word: spec::BillionWord,
    pub defaults: spec::Defaults,
    pub boxes: Vec<Node<'a>>,
}

/// One box: its shared fields, and its kind's own.
#[derive(Debug)]
pub struct BoxSpec {
    pub head: spec::BoxHead<()>,
    pub body: KindSpec,
}

/// A kind's own fields, and the token of a build that draws the kind (see
/// [`crate::kinds`]).
#[derive(Debug)]
pub enum KindSpec {
    Figures(FiguresBox, kinds::Figures),
    Bar(BarBox, kinds::Bar),
    RankChange(RankChangeBox, kinds::RankChange),
    Line(LineBox, kinds::Line),
    Share(ShareBox, kinds::Share),
    Progress(ProgressBox, kinds::Progress),
    Table(TableBox, kinds::Table),
}

/// The token of `kind` when this build draws it, or the problem of a build that does not
/// (an engine of one kind given another: the loader then draws the box with the editors'
/// engine, which draws every kind). Checked before the box is read, so that a build
/// without the kind has no reader for it.
fn built<T: kinds::Token>(node: &Node<'_>, kind: &str) -> Result<T, DeError> {
    T::get().ok_or_else(|| DeError {
        what: What::KindNotBuilt {
            kind: kind.to_owned(),
        },
        offset: node.get("kind").map(|k| k.end.saturating_sub(1)),
    })
}

impl BoxSpec {
    /// The fields every kind shares.
    pub fn common(&self) -> spec::Common<'_> {
        self.head.common()
    }
}

/// Parses the document's top level. Fails on a syntax error anywhere in the text (JSON
/// cannot be half-read), on a document-level field, or on an unsupported version.
pub fn document(text: &str) -> Result<RawDocument<'_>, Problem> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::whole(What::FileTooLarge {
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
            what: What::Syntax(crate::error::Syntax::LooksLikeHtml),
        });
    }
    let root = json::parse(body).map_err(|e| {
        // The path of a syntax error: where the reader stood before the character it could
        // not read (and, for a stray comma, before the comma).
        let before = match e.syntax {
            crate::error::Syntax::TrailingComma => {
                body.get(..e.offset).and_then(|b| b.rfind(',')).unwrap_or(0)
            }
            _ => e.offset,
        };
        let path = if before == 0 {
            String::new()
        } else {
            path_at(body, before - 1)
        };
        Problem {
            path,
            at: Some(position_of(text, skipped + e.offset)),
            what: What::Syntax(e.syntax),
        }
    })?;
    if !matches!(root.kind, Kind::Object(_)) {
        return Err(Problem {
            path: String::new(),
            at: Some(position_of(text, skipped + root.start)),
            what: What::WrongType {
                expected: Expected::Object,
                found: root.found(),
            },
        });
    }
    let top =
        read::document(&root).map_err(|e| problem(e, &JsonPath::root(), body, 0, text, skipped))?;
    if top.version != spec::FORMAT_VERSION {
        return Err(Problem::at_path(
            "version",
            What::UnsupportedVersion {
                found: u64::from(top.version),
            },
        ));
    }
    let boxes = match root.kind {
        Kind::Object(entries) => entries
            .into_iter()
            .find(|e| e.key == "boxes")
            .and_then(|e| match e.value.kind {
                Kind::Array(items) => Some(items),
                _ => None,
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(RawDocument {
        text: body,
        locale: top.locale,
        billion_word: top.billion_word.unwrap_or_default(),
        defaults: top.defaults.unwrap_or_default(),
        boxes,
    })
}

impl RawDocument<'_> {
    /// The id a box declares, if it has a string `id`, even when the rest of the box is
    /// broken: `#id` must find a broken box to show its error.
    pub fn id_of(node: &Node<'_>) -> Option<String> {
        match &node.get("id")?.kind {
            Kind::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    /// Parses box `index`: its shared fields, then its kind's own, after checking that it
    /// has no field that neither knows. Every unknown field is reported, not only the first.
    // A kind's token is `()` in a build that draws it (see `crate::kinds`).
    #[allow(clippy::let_unit_value)]
    pub fn parse_box(&self, index: usize) -> Result<BoxSpec, Vec<Problem>> {
        let at = JsonPath::root().field("boxes").index(index);
        let prefix = at.as_str().to_owned();
        let Some(node) = self.boxes.get(index) else {
            return Err(vec![Problem::at_path(
                prefix,
                What::Internal {
                    detail: "no such box".to_owned(),
                },
            )]);
        };
        let Kind::Object(entries) = &node.kind else {
            return Err(vec![Problem {
                at: Some(position_of(self.text, node.end.saturating_sub(1))),
                path: prefix,
                what: What::WrongType {
                    expected: Expected::Object,
                    found: node.found(),
                },
            }]);
        };
        let kind = match node.get("kind").map(|k| &k.kind) {
            None => {
                return Err(vec![Problem::at_path(
                    prefix,
                    What::MissingField {
                        field: "kind".to_owned(),
                    },
                )]);
            }
            Some(Kind::Str(s)) => s.to_string(),
            Some(_) => {
                let found = node
                    .get("kind")
                    .map(Node::found)
                    .unwrap_or(crate::error::Found::Null);
                return Err(vec![Problem::at_path(
                    at.field("kind").as_str(),
                    What::WrongType {
                        expected: Expected::Text,
                        found,
                    },
                )]);
            }
        };
        // The kind decides both the fields a box may have and how they are read: one
        // table, so that no kind can be known to one and not the other.
        type BodyReader = fn(&Node<'_>) -> Result<KindSpec, DeError>;
        let (own, read_body): (&[&str], BodyReader) = match kind.as_str() {
            "figures" => (FiguresBox::FIELDS, |n| {
                let built = built::<kinds::Figures>(n, "figures")?;
                FiguresBox::from_node(n).map(|b| KindSpec::Figures(b, built))
            }),
            "bar" => (BarBox::FIELDS, |n| {
                let built = built::<kinds::Bar>(n, "bar")?;
                BarBox::from_node(n).map(|b| KindSpec::Bar(b, built))
            }),
            "rank-change" => (RankChangeBox::FIELDS, |n| {
                let built = built::<kinds::RankChange>(n, "rank-change")?;
                RankChangeBox::from_node(n).map(|b| KindSpec::RankChange(b, built))
            }),
            "line" => (LineBox::FIELDS, |n| {
                let built = built::<kinds::Line>(n, "line")?;
                LineBox::from_node(n).map(|b| KindSpec::Line(b, built))
            }),
            "share" => (ShareBox::FIELDS, |n| {
                let built = built::<kinds::Share>(n, "share")?;
                ShareBox::from_node(n).map(|b| KindSpec::Share(b, built))
            }),
            "progress" => (ProgressBox::FIELDS, |n| {
                let built = built::<kinds::Progress>(n, "progress")?;
                ProgressBox::from_node(n).map(|b| KindSpec::Progress(b, built))
            }),
            "table" => (TableBox::FIELDS, |n| {
                let built = built::<kinds::Table>(n, "table")?;
                TableBox::from_node(n).map(|b| KindSpec::Table(b, built))
            }),
            _ => {
                return Err(vec![Problem::at_path(
                    at.field("kind").as_str(),
                    What::UnknownKind {
                        suggestion: nearest(&kind, spec::KINDS.iter().copied()).map(str::to_owned),
                        kind,
                    },
                )]);
            }
        };
        let allowed: Vec<&str> = spec::HEAD_FIELDS.iter().chain(own).copied().collect();
        let mut problems: Vec<Problem> = entries
            .iter()
            .filter(|e| !allowed.contains(&e.key.as_ref()))
            .map(|e| Problem {
                path: prefix.clone(),
                at: Some(position_of(self.text, e.key_end.saturating_sub(1))),
                what: What::UnknownField {
                    field: e.key.to_string(),
                    suggestion: nearest(&e.key, allowed.iter().copied()).map(str::to_owned),
                    expected: allowed.iter().map(|s| (*s).to_owned()).collect(),
                },
            })
            .collect();
        let head = read::head(node).map_err(|e| self.part_problem(e, node, &at));
        let body = read_body(node).map_err(|e| self.part_problem(e, node, &at));
        match (head, body) {
            (Ok(head), Ok(body)) if problems.is_empty() => Ok(BoxSpec { head, body }),
            (head, body) => {
                // "`titel`: did you mean `title`?" already says that `title` is missing.
                let suggested: Vec<String> = problems
                    .iter()
                    .filter_map(|p| match &p.what {
                        What::UnknownField { suggestion, .. } => suggestion.clone(),
                        _ => None,
                    })
                    .collect();
                for p in head.err().into_iter().chain(body.err()) {
                    let redundant = matches!(&p.what, What::MissingField { field } if suggested.contains(field));
                    if !redundant {
                        problems.push(p);
                    }
                }
                if kind == "rank-change" {
                    for p in &mut problems {
                        if more_dates(p) {
                            p.what = What::RankChangeDates;
                        }
                    }
                }
                Err(problems)
            }
        }
    }

    fn part_problem(&self, e: DeError, node: &Node<'_>, prefix: &JsonPath) -> Problem {
        let part = self.text.get(node.start..).unwrap_or_default();
        problem(e, prefix, part, node.start, self.text, 0)
    }
}

/// Whether a problem of a rank-change box comes from giving it more than two dates: a
/// field named like a date (`"2016": 89`) or like a list of them (`dates`, `ranks`…), or a
/// list where one date or rank stands (`"from_date": ["2014", "2016"]`).
fn more_dates(problem: &Problem) -> bool {
    const NAMES: &[&str] = &[
        "dates", "date", "years", "ranks", "rank", "values", "points", "series", "history", "mid",
        "middle", "via", "steps",
    ];
    match &problem.what {
        What::UnknownField { field, .. } => {
            crate::format::PartialDate::parse(field).is_some()
                || NAMES.contains(&field.to_ascii_lowercase().as_str())
        }
        What::WrongType { found, .. } => {
            matches!(found, crate::error::Found::List)
                && ["from_date", "to_date", ".from", ".to"]
                    .iter()
                    .any(|end| problem.path.ends_with(end))
        }
        _ => false,
    }
}

/// Turns a reading error inside `part` (which starts at byte `base` of `body`,
/// itself at byte `skipped` of `text`) into a problem with its full path and position.
fn problem(
    e: DeError,
    prefix: &JsonPath,
    part: &str,
    base: usize,
    text: &str,
    skipped: usize,
) -> Problem {
    let Some(offset) = e.offset.and_then(|o| o.checked_sub(base)) else {
        return Problem::at_path(prefix.as_str(), e.what);
    };
    let inner = path_at(part, offset);
    // At an unknown field the reader has just read that field's name; the problem is in the
    // object that holds it, so point there.
    let inner = match &e.what {
        What::UnknownField { field, .. } => strip_last_segment(&inner, field),
        _ => inner,
    };
    let path = String::from(prefix.then(&inner));
    Problem {
        path,
        at: Some(position_of(text, skipped + base + offset)),
        what: e.what,
    }
}

/// Where the value at `path` (as [`crate::path::JsonPath`] writes it: `boxes[0].bars`)
/// starts in the text `root` was read from, as a byte offset; `None` when the path names
/// no value there (a field name with `.` or `[` in it cannot be told apart, and is not
/// guessed).
pub fn offset_of(root: &Node<'_>, path: &str) -> Option<usize> {
    let mut node = root;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let index: usize = after.get(..close)?.parse().ok()?;
            node = match &node.kind {
                Kind::Array(items) => items.get(index)?,
                _ => return None,
            };
            rest = after.get(close + 1..)?;
        } else {
            let name = rest.strip_prefix('.').unwrap_or(rest);
            let end = name.find(['.', '[']).unwrap_or(name.len());
            node = node.get(name.get(..end)?)?;
            rest = name.get(end..)?;
        }
    }
    Some(node.start)
}

/// The line and column of each of `offsets` in `text`, in one pass over the text: placing
/// each problem by scanning from the start was O(text × problems) (20,000 problems in a
/// 1 MB file: seconds).
pub fn positions_of(text: &str, offsets: &[usize]) -> Vec<Position> {
    let keys: Vec<f64> = offsets.iter().map(|&o| o as f64).collect();
    let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
    let bytes = text.as_bytes();
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for k in crate::sort::order(&keys) {
        let target = offsets.get(k).copied().unwrap_or(0).min(bytes.len());
        while at < target {
            match bytes.get(at) {
                Some(b'\n') => {
                    line += 1;
                    column = 1;
                }
                // A character's first byte counts it, as `position_of` does.
                Some(&b) if (b & 0xC0) != 0x80 => column += 1,
                _ => {}
            }
            at += 1;
        }
        if let Some(slot) = out.get_mut(k) {
            *slot = Position { line, column };
        }
    }
    out
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

fn strip_last_segment(path: &str, field: &str) -> String {
    match path.strip_suffix(field) {
        Some(rest) => rest.strip_suffix('.').unwrap_or(rest).to_owned(),
        None => path.to_owned(),
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
    while let Some(&byte) = bytes.get(i).filter(|_| i < end) {
        match byte {
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
                while let Some(&b) = bytes.get(i).filter(|&&b| b != b'"') {
                    i += if b == b'\\' { 2 } else { 1 };
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
    match json::parse(&format!("\"{raw}\"")) {
        Ok(Node {
            kind: Kind::Str(s), ..
        }) => s.into_owned(),
        _ => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "{\n  \"title\": \"Tiết kiệm\", x\n}";
        let offset = text.find('x').unwrap_or(0);
        assert_eq!(
            position_of(text, offset),
            Position {
                line: 2,
                column: 25
            }
        );
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
    }
}
