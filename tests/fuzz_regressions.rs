//! Replays the fuzzer's seeds and every input it ever crashed on (`fuzz/regressions/`)
//! through the same checks as the fuzz target, so a fixed crash stays fixed in `cargo test`.

#[path = "../fuzz/pipeline_check.rs"]
mod pipeline_check;

#[test]
fn seeds_and_past_crashes_pass_the_fuzz_checks() {
    let mut count = 0;
    for dir in ["fuzz/seeds", "fuzz/regressions"] {
        for entry in std::fs::read_dir(dir).expect("directory exists") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == "README.md") {
                continue;
            }
            let data = std::fs::read(&path).expect("readable");
            pipeline_check::check(&data);
            count += 1;
        }
    }
    assert!(count >= 4, "the seeds are there ({count} files)");
}
