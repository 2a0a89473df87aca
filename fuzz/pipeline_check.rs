// The checks the fuzzer makes on every input, shared with `tests/fuzz_regressions.rs`,
// which replays the seeds and every input the fuzzer ever crashed on.
//
// Any bytes go through the whole pipeline: parse → validate → layout (at several widths,
// with estimated text widths) → data table, CSV and text alternative → the whole-box card
// → SVG rendering. Every input must end in boxes or in messages, never in a panic, a NaN
// or a shape outside the chart.

use factbox::format::Lang;
use factbox::layout;
use factbox::render::{Theme, draw};
use factbox::text::Estimate;
use plotters_svg::SVGBackend;

/// Runs `data` through the pipeline; panics (a finding) if anything is wrong.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::Vi, Lang::En] {
        let boxes = match factbox::load(text, None, lang) {
            Ok(boxes) => boxes,
            Err(failure) => {
                for p in &failure.problems {
                    assert!(!p.message(lang).is_empty());
                }
                continue;
            }
        };
        for b in boxes {
            let b = match b {
                Ok(b) => b,
                Err(failure) => {
                    assert!(!failure.messages().is_empty());
                    continue;
                }
            };
            let _ = factbox::csv::csv(&b);
            let rows = factbox::describe::rows(&b);
            let _ = factbox::describe::describe(&b, &rows);
            for width in [240.0, 375.0, 800.0] {
                let card = layout::card::card(&b, width, &Estimate);
                assert!(card.height.is_finite());
                let Some(scene) = layout::chart(b.body(), width, lang, &Estimate, &[]) else {
                    continue;
                };
                let frame = scene.frame();
                for shape in &scene.shapes {
                    let r = shape.bounds();
                    assert!(
                        r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite(),
                        "NaN in {shape:?}"
                    );
                    assert!(frame.contains_rect(&r), "{shape:?} outside {frame:?}");
                }
                let mut svg = String::new();
                {
                    let mut backend = SVGBackend::with_string(
                        &mut svg,
                        (scene.width as u32, scene.height as u32),
                    );
                    let _ = draw(&scene, &Theme::light(), &mut backend, 1.0, Some(0));
                }
            }
        }
    }
}
