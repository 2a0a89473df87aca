//! Golden files: every bar chart of the demo and the fixtures, laid out at 360 px (a phone)
//! and 800 px (a desktop column) and drawn by plotters' SVG backend, the same drawing code
//! as the canvas in the page.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` (or `make golden`) rewrites them; on a
//! mismatch the new drawing is written to `target/golden-diff/` to compare by eye.

use std::path::Path;

use factbox::layout;
use factbox::render::{Theme, draw};
use factbox::text::Estimate;
use factbox::{Lang, load};
use plotters_svg::SVGBackend;

const SOURCES: &[&str] = &[
    "www/data/egov-vn.json",
    "www/data/kinh-te-so.json",
    "tests/fixtures/bar-edge-cases.json",
    "tests/fixtures/charts.json",
];
const WIDTHS: &[u32] = &[360, 800];

fn render_svg(
    b: &factbox::FactBox,
    width: u32,
    theme: &Theme,
    active: Option<usize>,
) -> Option<String> {
    let scene = layout::chart(b.body(), f64::from(width), b.lang(), &Estimate, &[])?;
    let mut svg = String::new();
    {
        let mut backend =
            SVGBackend::with_string(&mut svg, (scene.width as u32, scene.height as u32));
        draw(&scene, theme, &mut backend, 1.0, active).expect("drawing into a string cannot fail");
    }
    Some(svg)
}

#[test]
fn bar_charts_match_their_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let golden_dir = Path::new("tests/golden");
    let diff_dir = Path::new("target/golden-diff");
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for source in SOURCES {
        let text = std::fs::read_to_string(source).expect("source exists");
        for b in load(&text, None, Lang::Vi).expect("parses") {
            let b = b.expect("valid");
            for &width in WIDTHS {
                for (theme_name, theme) in [("light", Theme::light()), ("dark", Theme::dark())] {
                    if theme_name == "dark" && width != 360 {
                        continue; // one dark rendering per chart is enough to pin the theme
                    }
                    let name = format!("{}-{width}-{theme_name}.svg", b.id());
                    let Some(svg) = render_svg(&b, width, &theme, None) else {
                        continue;
                    };
                    assert!(
                        svg.contains("<svg") && svg.contains("<text"),
                        "{name} has content"
                    );
                    let path = golden_dir.join(&name);
                    checked += 1;
                    if update {
                        std::fs::write(&path, &svg).expect("write golden");
                        continue;
                    }
                    let want = std::fs::read_to_string(&path).unwrap_or_default();
                    if want != svg {
                        std::fs::create_dir_all(diff_dir).expect("diff dir");
                        std::fs::write(diff_dir.join(&name), &svg).expect("write diff");
                        mismatches.push(name);
                    }
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} golden files checked");
    assert!(
        mismatches.is_empty(),
        "drawings differ from tests/golden (new ones in target/golden-diff/): {mismatches:?}\n\
         If the change is intended, run `make golden`."
    );
}

#[test]
fn text_is_drawn_with_vietnamese_diacritics_intact() {
    let text = std::fs::read_to_string("www/data/egov-vn.json").expect("demo data");
    let boxes = load(&text, Some("xep-hang-asean"), Lang::Vi).expect("parses");
    let b = boxes[0].as_ref().expect("valid");
    let svg = render_svg(b, 360, &Theme::light(), None).expect("a chart");
    for label in ["Thái Lan", "Việt Nam", "Campuchia"] {
        assert!(svg.contains(label), "{label} in the SVG");
    }
}

#[test]
fn the_active_mark_is_emphasised() {
    let text = std::fs::read_to_string("www/data/egov-vn.json").expect("demo data");
    let boxes = load(&text, Some("xep-hang-asean"), Lang::Vi).expect("parses");
    let b = boxes[0].as_ref().expect("valid");
    let plain = render_svg(b, 600, &Theme::light(), None).expect("a chart");
    let active = render_svg(b, 600, &Theme::light(), Some(1)).expect("a chart");
    assert!(active.len() > plain.len(), "the emphasis adds shapes");
    assert_eq!(
        active.matches("<rect").count(),
        plain.matches("<rect").count() + 4,
        "a four-sided outline"
    );
}
