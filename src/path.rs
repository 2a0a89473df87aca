//! JSON paths, as messages show them: `boxes[2].bars[0].value`.
//!
//! Built a step at a time ([`JsonPath::field`], [`JsonPath::index`]) rather than by
//! formatting strings, so that the rule for joining steps (a dot before a field, none
//! before an index, none at the start) is written once.

use std::fmt;

/// A place in a JSON document; empty for the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(String);

impl JsonPath {
    /// The document itself.
    pub fn root() -> JsonPath {
        JsonPath(String::new())
    }

    /// The field `name` of the object at this path.
    pub fn field(&self, name: &str) -> JsonPath {
        if self.0.is_empty() {
            JsonPath(name.to_owned())
        } else {
            JsonPath(format!("{}.{name}", self.0))
        }
    }

    /// Item `i` of the list at this path.
    pub fn index(&self, i: usize) -> JsonPath {
        JsonPath(format!("{}[{i}]", self.0))
    }

    /// This path followed by `rest`, a path written out (`figures[0].value`, `[1]`) as
    /// [`crate::parse::path_at`] reads it back from the text.
    pub fn then(&self, rest: &str) -> JsonPath {
        match (self.0.is_empty(), rest.is_empty()) {
            (_, true) => self.clone(),
            (true, false) => JsonPath(rest.to_owned()),
            (false, false) if rest.starts_with('[') => JsonPath(format!("{}{rest}", self.0)),
            (false, false) => JsonPath(format!("{}.{rest}", self.0)),
        }
    }

    /// The path as messages write it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A place that is written out as a [`JsonPath`] only if a problem is reported there.
///
/// The validator's checks take `&dyn Where`: a [`JsonPath`] where one is at hand, and in
/// loops over many values a [`Lazy`] step built on the stack, so that a line of 10,000
/// points that are all fine formats no path at all (it formatted three a point, a third of
/// the time it took to check them).
pub trait Where {
    /// The path written out.
    fn path(&self) -> JsonPath;
}

impl Where for JsonPath {
    fn path(&self) -> JsonPath {
        self.clone()
    }
}

/// One step from a place, not yet written out.
#[derive(Clone, Copy)]
pub enum Lazy<'a> {
    /// The field `name` of the object at the place.
    Field(&'a dyn Where, &'a str),
    /// Item `i` of the list at the place.
    Index(&'a dyn Where, usize),
}

impl Where for Lazy<'_> {
    fn path(&self) -> JsonPath {
        match *self {
            Lazy::Field(at, name) => at.path().field(name),
            Lazy::Index(at, i) => at.path().index(i),
        }
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsonPath> for String {
    fn from(path: JsonPath) -> String {
        path.0
    }
}

#[cfg(test)]
mod tests {
    use super::{JsonPath, Lazy, Where};

    #[test]
    fn lazy_steps_write_the_same_path() {
        let list = JsonPath::root().field("boxes").index(0).field("series");
        let item = Lazy::Index(&list, 3);
        let value = Lazy::Field(&item, "value");
        let end = Lazy::Index(&value, 1);
        assert_eq!(end.path(), list.index(3).field("value").index(1));
        assert_eq!(end.path().as_str(), "boxes[0].series[3].value[1]");
    }

    #[test]
    fn steps_join_as_messages_write_them() {
        let root = JsonPath::root();
        assert_eq!(root.as_str(), "");
        assert_eq!(root.field("boxes").as_str(), "boxes");
        let value = root
            .field("boxes")
            .index(2)
            .field("bars")
            .index(0)
            .field("value");
        assert_eq!(value.as_str(), "boxes[2].bars[0].value");
        assert_eq!(root.index(1).field("id").as_str(), "[1].id");
        let b = root.field("boxes").index(0);
        assert_eq!(
            b.then("figures[1].value").as_str(),
            "boxes[0].figures[1].value"
        );
        assert_eq!(b.then("[2]").as_str(), "boxes[0][2]");
        assert_eq!(b.then("").as_str(), "boxes[0]");
        assert_eq!(root.then("version").as_str(), "version");
    }
}
