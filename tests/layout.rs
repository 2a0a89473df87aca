//! Chart layout: at every width from a small phone to a wide desktop, no text overlaps
//! another, nothing leaves the chart, and every mark has a hit region and a tooltip.

use factbox::layout::{self, Paint, Scene, Shape, bar};
use factbox::model::{BarChart, Body};
use factbox::text::Estimate;
use factbox::{FactBox, Lang, load};

fn boxes(path: &str) -> Vec<FactBox> {
    let text = std::fs::read_to_string(path).expect("fixture exists");
    load(&text, None, Lang::Vi)
        .expect("fixture parses")
        .into_iter()
        .map(|b| b.expect("fixture box is valid"))
        .collect()
}

fn all_boxes() -> Vec<FactBox> {
    let mut all = boxes("www/data/egov-vn.json");
    all.extend(boxes("tests/fixtures/bar-edge-cases.json"));
    all.extend(boxes("tests/fixtures/charts.json"));
    all.extend(boxes("tests/fixtures/truth.json"));
    all
}

fn charts(path: &str) -> Vec<(String, BarChart, Lang)> {
    let text = std::fs::read_to_string(path).expect("fixture exists");
    load(&text, None, Lang::Vi)
        .expect("fixture parses")
        .into_iter()
        .map(|b| b.expect("fixture box is valid"))
        .filter_map(|b| match b.body() {
            Body::Bar(chart) => Some((b.id().to_owned(), chart.clone(), b.lang())),
            _ => None,
        })
        .collect()
}

fn all_charts() -> Vec<(String, BarChart, Lang)> {
    let mut all = charts("www/data/egov-vn.json");
    all.extend(charts("tests/fixtures/bar-edge-cases.json"));
    all.extend(charts("tests/fixtures/charts.json"));
    assert!(all.len() >= 5);
    all
}

fn check(scene: &Scene, what: &str) {
    let frame = scene.frame();
    assert!(
        scene.width.is_finite() && scene.height.is_finite() && scene.height > 0.0,
        "{what}"
    );
    let overlaps = scene.overlapping_texts();
    assert!(
        overlaps.is_empty(),
        "{what}: overlapping texts {overlaps:?}"
    );
    for shape in &scene.shapes {
        let rect = shape.bounds();
        for v in [rect.x, rect.y, rect.w, rect.h] {
            assert!(v.is_finite(), "{what}: NaN in {shape:?}");
        }
        assert!(
            frame.contains_rect(&rect),
            "{what}: {shape:?} leaves the {}×{} frame",
            scene.width,
            scene.height
        );
    }
    // Texts never sit on a bar (except labels drawn inside a segment, in the background
    // colour, on purpose).
    for t in scene.texts().filter(|t| t.paint != Paint::Background) {
        for s in &scene.shapes {
            if let Shape::Rect {
                rect,
                paint: Paint::Mark | Paint::Highlight,
            } = s
            {
                assert!(
                    !t.bounds.overlaps(rect),
                    "{what}: text {:?} overlaps a bar",
                    t.text
                );
            }
        }
    }
}

#[test]
fn no_overlaps_at_any_width() {
    let mut kinds = std::collections::BTreeSet::new();
    for b in all_boxes() {
        for width in (240..=1400).step_by(20) {
            let Some(scene) = layout::chart(b.body(), f64::from(width), b.lang(), &Estimate, &[])
            else {
                continue;
            };
            kinds.insert(b.kind());
            check(&scene, &format!("{} at {width}px", b.id()));
            assert!(!scene.marks.is_empty(), "{}: marks to point at", b.id());
            for m in &scene.marks {
                assert!(
                    m.tip.len() >= 2 && m.tip.iter().all(|t| !t.is_empty()),
                    "{}: tooltip {:?}",
                    b.id(),
                    m.tip
                );
                assert!(
                    scene.frame().contains(m.anchor.0, m.anchor.1.max(0.0))
                        || m.anchor.0 == scene.width,
                    "{}: anchor {:?} in the chart",
                    b.id(),
                    m.anchor
                );
            }
        }
    }
    assert_eq!(kinds.len(), 5, "every chart kind is checked: {kinds:?}");
}

/// The labels that matter survive on every width: a highlighted bar's value, a column
/// chart's last value, and the last value of a line's highlighted (or only) series. Other
/// labels give way first; a value that loses its label keeps its tooltip and table row.
#[test]
fn the_labels_that_matter_survive_at_any_width() {
    let mut checked = 0;
    for b in all_boxes() {
        for width in (240..=1400).step_by(20) {
            let w = f64::from(width);
            let Some(scene) = layout::chart(b.body(), w, b.lang(), &Estimate, &[]) else {
                continue;
            };
            let texts: Vec<String> = scene.texts().map(|t| t.text.clone()).collect();
            let shown = |needle: &str| texts.iter().any(|t| t.contains(needle));
            let mut must: Vec<String> = Vec::new();
            match b.body() {
                Body::Bar(chart) => {
                    let bars = chart.bars();
                    for (i, bar) in bars.iter().enumerate() {
                        let last = i + 1 == bars.len() && chart.vertical();
                        if bar.highlight() || last {
                            must.push(bar::value_text(chart, i, b.lang()));
                        }
                    }
                    // Two highlighted columns side by side may not both fit a phone: then
                    // the first keeps its label.
                    if chart.vertical() && w < 480.0 {
                        must.truncate(1);
                    }
                }
                Body::Line(chart) => {
                    let series = chart.series();
                    let wanted: Vec<_> = if series.len() == 1 {
                        series.iter().collect()
                    } else {
                        series.iter().filter(|s| s.highlight()).take(1).collect()
                    };
                    for s in wanted {
                        if let Some(p) = s.points().last() {
                            must.push(layout::line::value_label(chart, p, b.lang()));
                        }
                    }
                }
                _ => {}
            }
            for label in must {
                assert!(
                    shown(&label),
                    "{} at {width}px: the label {label:?} is gone from {texts:?}",
                    b.id()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "{checked} labels checked");
}

#[test]
fn every_bar_has_a_hit_region() {
    for (id, chart, lang) in all_charts() {
        let scene = bar::layout(&chart, 600.0, lang, &Estimate);
        assert_eq!(
            scene.marks.len(),
            chart.bars().len(),
            "{id}: a hit region per bar"
        );
    }
}

#[test]
fn a_ranking_is_dots_on_a_rank_axis_in_order() {
    let (_, chart, lang) = all_charts()
        .into_iter()
        .find(|(id, ..)| id == "xep-hang-asean")
        .expect("demo ranking");
    let labels: Vec<&str> = chart.bars().iter().map(|b| b.label()).collect();
    assert_eq!(
        labels,
        ["Thái Lan", "Việt Nam", "Indonesia", "Campuchia", "Myanmar"],
        "best first"
    );
    let scene = bar::layout(&chart, 800.0, lang, &Estimate);
    // Ranks are dots, not bars: a bar as long as a rank would make the worst the biggest.
    let bars = scene
        .shapes
        .iter()
        .filter(|s| {
            matches!(
                s,
                Shape::Rect {
                    paint: Paint::Mark | Paint::Highlight,
                    ..
                }
            )
        })
        .count();
    assert_eq!(bars, 0);
    let dots: Vec<(f64, Paint)> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Circle {
                x,
                paint: p @ (Paint::Mark | Paint::Highlight),
                ..
            } => Some((*x, *p)),
            _ => None,
        })
        .collect();
    assert_eq!(dots.len(), 5);
    // Positions are proportional to the distance from rank 1, on an axis to rank 193:
    // (57 - 1) : (146 - 1), both measured from where rank 1 stands.
    let texts: Vec<&layout::TextItem> = scene.texts().collect();
    let one = texts
        .iter()
        .find(|t| t.text == "hạng\u{a0}1")
        .expect("the axis starts at rank 1");
    let start = one.bounds.x + 6.0;
    let ratio = (dots[0].0 - start) / (dots[4].0 - start);
    assert!((ratio - 56.0 / 145.0).abs() < 0.01, "ratio {ratio}");
    let highlighted: Vec<usize> = dots
        .iter()
        .enumerate()
        .filter(|(_, b)| b.1 == Paint::Highlight)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(highlighted, [1], "only Việt Nam is highlighted");
    let values: Vec<String> = scene
        .texts()
        .map(|t| t.text.replace('\u{a0}', " "))
        .filter(|t| t.starts_with("hạng "))
        .collect();
    assert_eq!(
        values,
        [
            "hạng 57",
            "hạng 86",
            "hạng 88",
            "hạng 124",
            "hạng 146",
            "hạng 1",
            "hạng 193"
        ]
    );
}

#[test]
fn hit_testing_finds_the_bar_under_the_pointer() {
    let (_, chart, lang) = all_charts()
        .into_iter()
        .find(|(id, ..)| id == "xep-hang-asean")
        .expect("demo ranking");
    let scene = bar::layout(&chart, 600.0, lang, &Estimate);
    for mark in &scene.marks {
        let (x, y) = (mark.hit.x + mark.hit.w / 2.0, mark.hit.y + mark.hit.h / 2.0);
        assert_eq!(scene.mark_at(x, y).map(|m| m.index), Some(mark.index));
    }
    assert_eq!(scene.mark_at(-1.0, 5.0), None);
    assert_eq!(scene.mark_at(10.0, scene.height + 1.0), None);
}

#[test]
fn negative_bars_grow_left_from_zero() {
    let (_, chart, lang) = all_charts()
        .into_iter()
        .find(|(id, ..)| id == "negatives-and-target")
        .expect("fixture");
    let scene = bar::layout(&chart, 500.0, lang, &Estimate);
    let rects: Vec<_> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect {
                rect,
                paint: Paint::Mark | Paint::Highlight,
            } => Some(*rect),
            _ => None,
        })
        .collect();
    let zero = scene
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Rect {
                rect,
                paint: Paint::Grid,
            } => Some(rect.x + rect.w / 2.0),
            _ => None,
        })
        .expect("zero line");
    let last = rects.last().expect("bars");
    assert!(
        (last.right() - zero).abs() < 0.01,
        "the negative bar ends at zero"
    );
    assert!(rects[0].x >= zero - 0.01, "positive bars start at zero");
    assert!(
        scene
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Dashed { .. })),
        "the target line is drawn"
    );
    assert!(
        scene.texts().any(|t| t.text.starts_with("Mục tiêu: 10")),
        "the target is labelled"
    );
}

#[test]
fn long_labels_wrap_and_shorten() {
    let (_, chart, lang) = all_charts()
        .into_iter()
        .find(|(id, ..)| id == "long-labels")
        .expect("fixture");
    // Beside the bars (a desktop column), long labels wrap onto a second line.
    let scene = bar::layout(&chart, 520.0, lang, &Estimate);
    let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
    assert!(
        texts.contains(&"hiểm: người có thẻ BHYT"),
        "a wrapped second line: {texts:?}"
    );
    assert!(
        texts.contains(&"hơn\u{a0}1\u{a0}triệu\u{a0}bản ghi"),
        "{texts:?}"
    );
    // On a phone the labels go above the bars, with the full width: nothing is cut.
    let scene = bar::layout(&chart, 320.0, lang, &Estimate);
    let all: String = scene
        .texts()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!all.contains('…'), "{all}");
    assert!(
        all.contains("Cơ sở dữ liệu quốc gia về bảo hiểm: người có thẻ BHYT"),
        "{all}"
    );
}

/// A 10,000-point line is drawn with a reduced path that covers the same pixels (per
/// pixel column, the same lowest and highest point), and its tooltips are exact values of
/// real points.
#[test]
fn a_long_line_is_reduced_faithfully_and_its_tooltips_stay_exact() {
    let points: Vec<String> = (0..10_000)
        .map(|i| {
            let v = ((i * 7919) % 1000) as f64 + if i == 4321 { 5000.0 } else { 0.0 };
            format!(
                r#"{{"date": "{}-{:02}-{:02}", "value": {v}}}"#,
                1900 + i / 336,
                i / 28 % 12 + 1,
                i % 28 + 1
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "boxes": [{{"id": "l", "kind": "line", "title": "T", "series": [{{"name": "A", "points": [{}]}}]}}]}}"#,
        points.join(",")
    );
    let b = load(&text, None, Lang::Vi)
        .expect("parses")
        .remove(0)
        .expect("valid");
    let scene = layout::chart(b.body(), 800.0, Lang::Vi, &Estimate, &[]).expect("a chart");
    check(&scene, "10,000 points");
    let path = scene
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Path { points, .. } if points.len() > 100 => Some(points.clone()),
            _ => None,
        })
        .expect("the series path");
    assert!(
        path.len() <= 4 * 800,
        "{} path points for 800 px",
        path.len()
    );
    // The spike at point 4321 (value 5000+) is kept: the highest point of the path.
    let top = path.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let Body::Line(_) = b.body() else {
        panic!("line")
    };
    let highest_mark = scene
        .marks
        .iter()
        .min_by(|a, b| a.anchor.1.total_cmp(&b.anchor.1))
        .expect("marks");
    assert!(
        (highest_mark.anchor.1 + 6.0 - top).abs() < 1e-6,
        "the spike is pointable"
    );
    assert_eq!(highest_mark.index, 4321);
    assert!(
        highest_mark.tip[1].starts_with("5."),
        "{:?}",
        highest_mark.tip
    );
    assert!(scene.marks.len() <= 2 * 800, "{} marks", scene.marks.len());
    // Every tooltip is the exact value of the point it names.
    for m in &scene.marks {
        let v = ((m.index * 7919) % 1000) as f64 + if m.index == 4321 { 5000.0 } else { 0.0 };
        assert_eq!(
            m.tip[1],
            factbox::format::format_auto(v, 2, Lang::Vi),
            "point {}",
            m.index
        );
    }
}
