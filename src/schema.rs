//! The JSON Schema of the document format, generated from [`crate::spec`].
//!
//! The committed copy (`www/schema/factbox-v1.schema.json`) is what editors and newsroom
//! tools validate against; a test fails when it no longer matches these types.

use crate::spec::{AnyBox, Document};

/// The schema's public address in `dist/`, relative to the site root.
pub const SCHEMA_PATH: &str = "schema/factbox-v1.schema.json";

/// The JSON Schema of a version-1 document, pretty-printed, ending in a newline.
pub fn json() -> String {
    let schema = schemars::schema_for!(Document<AnyBox>);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
