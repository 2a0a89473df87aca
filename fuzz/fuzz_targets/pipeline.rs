//! The fuzz target: see `fuzz/pipeline_check.rs` for what every input must satisfy.
#![no_main]

include!("../pipeline_check.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
