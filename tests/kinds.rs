//! The kinds of box as features (src/kinds.rs): one list in the document's reader
//! (`spec::KINDS`), in Cargo.toml (a feature each, all of them in `kinds`) and in the
//! Makefile (an engine each, and the engines of sets of kinds), and the problem of an engine given a kind it does not draw.

use factbox::{Lang, Problem, What};

fn file(name: &str) -> String {
    std::fs::read_to_string(name).unwrap()
}

#[test]
fn every_kind_is_a_feature_and_an_engine() {
    let cargo = file("Cargo.toml");
    let all = cargo.lines().find(|l| l.starts_with("kinds = [")).expect("a `kinds` feature");
    let listed: Vec<String> = factbox::spec::KINDS.iter().map(|k| format!("\"kind-{k}\"")).collect();
    assert_eq!(all, format!("kinds = [{}]", listed.join(", ")));
    for k in factbox::spec::KINDS {
        assert!(cargo.contains(&format!("\nkind-{k} = []\n")), "Cargo.toml: kind-{k}");
    }
    assert!(cargo.contains("\ndefault = [\"dev\", \"live\", \"kinds\"]\n"));
    let make = file("Makefile");
    let kinds = make.lines().find(|l| l.starts_with("KINDS := ")).expect("the Makefile's KINDS");
    assert_eq!(kinds, format!("KINDS := {}", factbox::spec::KINDS.join(" ")));
}

/// The engines of sets of kinds (the Makefile's SETS): each is named by a word that is no
/// kind (an embed's `data-factbox-kind` names kinds, never a set) and draws two kinds or
/// more, every one a kind, none twice.
#[test]
fn every_set_of_kinds_is_of_kinds() {
    let make = file("Makefile");
    let sets = make.lines().find(|l| l.starts_with("SETS := ")).expect("the Makefile's SETS");
    let names: Vec<&str> = sets.trim_start_matches("SETS := ").split_whitespace().collect();
    assert!(!names.is_empty());
    for name in names {
        assert!(!factbox::spec::KINDS.contains(&name), "{name} is a kind");
        let line = make
            .lines()
            .find(|l| l.starts_with(&format!("SET_{name} := ")))
            .unwrap_or_else(|| panic!("the Makefile's SET_{name}"));
        let kinds: Vec<&str> = line.split(":= ").nth(1).unwrap_or("").split_whitespace().collect();
        assert!(kinds.len() >= 2, "{line}");
        for (i, k) in kinds.iter().enumerate() {
            assert!(factbox::spec::KINDS.contains(k), "{line}: {k} is no kind");
            assert!(!kinds[..i].contains(k), "{line}: {k} twice");
        }
    }
}

#[test]
fn a_kind_an_engine_does_not_draw_is_said_so() {
    let p = Problem::whole(What::KindNotBuilt { kind: "line".to_owned() });
    assert_eq!(p.what.code(), "kind-not-built");
    assert_eq!(p.category(), factbox::Category::Internal);
    assert_eq!(
        p.message(Lang::En),
        "this build of factbox draws some kinds of box only, not “line”: use factbox_bg.wasm, which draws every kind"
    );
    assert_eq!(
        p.message(Lang::Vi),
        "bản factbox này chỉ vẽ một số loại hộp, không vẽ “line”: hãy dùng factbox_bg.wasm, bản vẽ mọi loại"
    );
}
