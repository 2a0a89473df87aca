//! The published JSON Schema is generated from the Rust types; the committed copy must be
//! current. `UPDATE_SCHEMA=1 cargo test --test schema` (or `make schema`) rewrites it.

const COMMITTED: &str = "www/schema/factbox-v1.schema.json";

#[test]
fn committed_schema_is_current() {
    let generated = factbox::schema::json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(COMMITTED, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == generated,
        "{COMMITTED} is stale: the spec types changed. Run `make schema` and commit the result."
    );
}

#[test]
fn schema_describes_every_kind_and_field() {
    let schema = factbox::schema::json();
    for needle in [
        "\"figures\"",
        "\"bar\"",
        "\"qualifier\"",
        "\"compare\"",
        "\"highlight\"",
        "\"reference\"",
        "\"as_of\"",
        "\"locale\"",
        "\"$schema\"",
        "additionalProperties",
    ] {
        assert!(schema.contains(needle), "schema mentions {needle}");
    }
}

/// Every example document in the repository loads without a single problem.
#[test]
fn every_example_file_is_valid() {
    let mut seen = 0;
    for dir in ["www/data", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).expect("dir exists") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let boxes = factbox::load(&text, None, factbox::Lang::Vi)
                .unwrap_or_else(|f| panic!("{}: {:?}", path.display(), f.messages()));
            for b in boxes {
                if let Err(f) = b {
                    panic!("{}: {:?}", path.display(), f.messages());
                }
            }
            seen += 1;
        }
    }
    assert!(seen >= 2);
}
