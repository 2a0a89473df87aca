//! `factbox render`: the files it writes for a box, and its PNGs compared with golden
//! images (Liberation Sans 2, `make setup-fonts`), pixel by pixel with a tolerance for
//! anti-aliasing, so that a change of drawing, layout or font (a Vietnamese letter drawn
//! as a box, say) fails. `UPDATE_GOLDEN=1 cargo test --test render` rewrites them; a
//! mismatch writes the new image to `target/golden-diff/`.
// The command and resvg are native only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use resvg::tiny_skia::Pixmap;

const BOXES: &[&str] = &["tiet-kiem", "thay-doi-xep-hang", "co-cau-tiet-kiem"];

fn render(args: &[&str], out: &Path) -> std::process::Output {
    let _ = std::fs::remove_dir_all(out);
    Command::new(env!("CARGO_BIN_EXE_factbox"))
        .arg("render")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("factbox runs")
}

fn target(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name)
}

/// The share of pixels whose colour differs by more than a quarter of the range in any
/// channel.
fn differing(a: &Pixmap, b: &Pixmap) -> f64 {
    assert_eq!(
        (a.width(), a.height()),
        (b.width(), b.height()),
        "image sizes"
    );
    let far = a
        .pixels()
        .iter()
        .zip(b.pixels())
        .filter(|(p, q)| {
            let d = |x: u8, y: u8| x.abs_diff(y) > 64;
            d(p.red(), q.red()) || d(p.green(), q.green()) || d(p.blue(), q.blue())
        })
        .count();
    far as f64 / a.pixels().len() as f64
}

#[test]
fn pngs_match_their_golden_images() {
    let out = target("render-golden");
    let golden = Path::new("tests/golden/png");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for id in BOXES {
        let status = render(
            &[&format!("www/data/egov-vn.json#{id}"), "--width", "400"],
            &out,
        );
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stdout)
        );
        let png = out.join(format!("{id}.png"));
        let got = Pixmap::load_png(&png).expect("a PNG");
        // Twice the width asked for.
        assert_eq!(got.width(), 800, "{id}");
        let want_file = golden.join(format!("{id}.png"));
        if update {
            std::fs::create_dir_all(golden).expect("writable");
            std::fs::copy(&png, &want_file).expect("writable");
            continue;
        }
        let want = Pixmap::load_png(&want_file).expect("golden image exists");
        let share = differing(&got, &want);
        if share > 0.002 {
            let diff = target("golden-diff");
            std::fs::create_dir_all(&diff).expect("writable");
            std::fs::copy(&png, diff.join(format!("{id}.png"))).expect("writable");
            mismatches.push(format!("{id}: {:.2}% of pixels differ", share * 100.0));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{mismatches:?} (new images in target/golden-diff/; `UPDATE_GOLDEN=1 cargo test --test render` if intended)"
    );
}

#[test]
fn a_box_is_written_as_snippet_svg_and_png_the_same_every_time() {
    let first = target("render-a");
    let second = target("render-b");
    let args = [
        "www/data/egov-en.json#rank-history",
        "--theme",
        "dark",
        "--inline",
    ];
    assert!(render(&args, &first).status.success());
    assert!(render(&args, &second).status.success());
    for ext in ["html", "svg", "png"] {
        let name = format!("rank-history.{ext}");
        let a = std::fs::read(first.join(&name)).expect("written");
        let b = std::fs::read(second.join(&name)).expect("written");
        assert!(a == b, "{name} differs between two runs");
    }
    let html = std::fs::read_to_string(first.join("rank-history.html")).expect("written");
    assert!(
        html.starts_with("<div data-factbox=\"#rank-history\""),
        "{html}"
    );
    assert!(html.contains("data-factbox-theme=\"dark\""));
    assert!(html.contains("<script type=\"application/json\">"));
    let svg = std::fs::read_to_string(first.join("rank-history.svg")).expect("written");
    // The dark theme's background, in literal colours.
    assert!(svg.contains("fill=\"#1c1f24\""), "{svg}");
}

#[test]
fn a_broken_box_is_reported_and_not_written() {
    let dir = target("render-broken");
    std::fs::create_dir_all(&dir).expect("writable");
    let file = dir.join("doc.json");
    std::fs::write(
        &file,
        r#"{"version": 1, "boxes": [
  {"id": "good", "kind": "figures", "title": "A", "figures": [{"value": 1, "label": "x"}]},
  {"id": "bad", "kind": "progress", "title": "B", "value": 5}]}"#,
    )
    .expect("writable");
    let out = dir.join("out");
    let run = render(&[file.to_str().expect("UTF-8 path"), "--lang", "en"], &out);
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(stdout.contains("doc.json:3:"), "{stdout}");
    assert!(out.join("good.png").exists());
    assert!(!out.join("bad.html").exists());
    // And a mistake on the command line is a usage error.
    let usage = render(&["x.json", "--width", "9"], &out);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--width is a number of pixels"));
}

/// The x of the bars of a horizontal bar chart's standalone SVG: where its label column
/// ends (every bar starts there).
fn bars_start(svg: &str) -> u32 {
    svg.split("<rect x=\"")
        .skip(2) // the background
        .filter_map(|r| r.split('"').next()?.parse().ok())
        .min()
        .expect("bars")
}

#[test]
fn the_sites_font_lays_the_charts_out_and_is_named_first() {
    const SERIF: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    const SERIF_BOLD: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf";
    let plain = target("render-font-default");
    let serif = target("render-font-serif");
    let args = ["www/data/egov-vn.json#co-so-du-lieu"];
    assert!(render(&args, &plain).status.success());
    let with_font = [args[0], "--font", SERIF, "--font", SERIF_BOLD];
    assert!(render(&with_font, &serif).status.success());
    let html = std::fs::read_to_string(serif.join("co-so-du-lieu.html")).expect("written");
    assert!(
        html.contains(".fb-svg text{font-family:\"DejaVu Serif\", Arial,"),
        "the drawings name the font first, Arial's metrics' fonts after it"
    );
    // DejaVu Serif is wider than Arial: the label column is wider, so no label runs into
    // the bars when the reader's browser draws it in that font.
    let read = |dir: &Path| std::fs::read_to_string(dir.join("co-so-du-lieu.svg")).expect("svg");
    let (a, b) = (bars_start(&read(&plain)), bars_start(&read(&serif)));
    assert!(
        b > a + 10,
        "bars start at {b} with the serif, {a} with Arial's metrics"
    );
    // Not a font: said, nothing written.
    let out = target("render-font-bad");
    let bad = render(&[args[0], "--font", "Cargo.toml"], &out);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stdout)
            .contains("Cargo.toml: not a TrueType or OpenType font")
    );
    assert!(!out.join("co-so-du-lieu.html").exists());
}
