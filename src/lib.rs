//! factbox: embeddable fact boxes for news sites, from a JSON file.
//!
//! The pipeline, one module per step:
//! [`parse`] (JSON text → [`spec`] structs) → [`validate`] (→ the [`model`], or every
//! problem with its JSON path) → [`layout`] (model + width → a [`layout::Scene`] or
//! formatted text) → [`render`] (scene → any plotters `DrawingBackend`: [`svg`]) →
//! [`markup`] (the box's HTML, its charts as SVG: [`prerender::figure`]). `web`, built for
//! `wasm32`, is the browser's facade: pure functions from a document to that markup; the
//! page and its events are the script's (`www/`). Everything else builds and is tested
//! natively.
//!
//! ```
//! let json = r#"{"version": 1, "boxes": [{"id": "a", "kind": "bar", "title": "Hạng",
//!     "bars": [{"label": "Việt Nam", "value": 86}]}]}"#;
//! let boxes = factbox::load(json, None, factbox::Lang::Vi);
//! assert!(matches!(boxes, Ok(ref b) if b.len() == 1 && b[0].is_ok()));
//! ```

// An engine of one kind (see `kinds`) leaves the other kinds' paths unreachable: on purpose,
// so that the compiler drops them.
#![cfg_attr(not(feature = "kinds"), allow(unreachable_code, unused_variables))]

// Nothing in the library may panic on input: a panic in the wasm would take down every box
// on the page. Tests may (a failed assertion is how they fail).
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod canonical;
pub(crate) mod collate;
pub(crate) mod css;
pub(crate) mod css_subset;
pub mod csv;
pub mod describe;
pub mod error;
#[cfg(feature = "dev")]
pub mod fontfile;
pub mod format;
pub(crate) mod json;
pub mod kinds;
pub mod layout;
// Live data, read as the studio reads a sheet: natively (the `factbox` command) and in the
// editors' engine that a page with live boxes loads, never in the readers' widget.
#[cfg(any(not(target_arch = "wasm32"), feature = "live"))]
pub mod live;
pub mod markup;
pub mod model;
pub mod page;
pub(crate) mod parse;
pub(crate) mod path;
pub mod plain;
pub mod prerender;
#[macro_use]
pub(crate) mod read;
pub mod render;
pub mod schema;
pub(crate) mod sort;
pub mod spec;
// The studio's engine: native (tested, and the `factbox` command's neighbour) and in the
// studio's own wasm, never in the readers' widget.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio", feature = "live"))]
pub mod studio;
pub(crate) mod suggest;
pub mod svg;
pub mod table;
pub mod text;
pub(crate) mod validate;

// The readers' widget; a studio build (the `studio` feature) has the studio's exports
// instead (`studio::web`), so that neither carries the other.
#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
pub mod web;

/// The wasm's allocator (see Cargo.toml for why talc).
// SAFETY: `new_global` requires single-threaded wasm: the widget is built without the
// atomics feature and runs on the page's one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

pub use error::{Category, Problem, What};
pub use format::Lang;
pub use model::FactBox;
pub use parse::MAX_DOCUMENT_BYTES;
pub use validate::{Failure, Loaded, load};
