//! The studio's engine: a table pasted from a spreadsheet (or a CSV file, or an opened
//! factbox file) becomes a box, with the same checks as the widget's.
//!
//! [`cell`] reads one cell as a journalist wrote it, [`table`] the whole paste (its header,
//! its number style, its columns), [`shape`] suggests a kind and builds the box's fields,
//! [`doc`] keeps numbers as written through JavaScript, [`fields`] describes the form from
//! the JSON Schema with help in both languages, [`words`] holds what the studio says.
//! All of it is plain Rust, tested natively; `web::studio` (the `studio` feature) is its
//! wasm face, in a build of its own so that readers' boxes do not carry it.

pub mod cell;
pub mod doc;
pub mod fields;
pub mod shape;
pub mod table;
pub mod words;

#[cfg(all(target_arch = "wasm32", feature = "studio"))]
pub mod web;
