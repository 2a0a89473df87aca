//! Native benchmarks of the pipeline (`make bench`): parse + validate, layout and SVG
//! rendering of each kind at 800 px, and how each grows with the number of items.
//!
//! The documents are generated here, so the sizes are exact; the limits of the format cap
//! some kinds (100 bars, 100 rank items, 12 share parts), and only a line's points reach
//! 10,000.
//!
//! Native only (criterion is not built for wasm32, where `make lint` also checks this file).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
include!("pipeline_native.rs");
