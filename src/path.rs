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
    use super::JsonPath;

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
