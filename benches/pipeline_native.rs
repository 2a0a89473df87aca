// The benchmarks themselves; see `pipeline.rs`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factbox::layout;
use factbox::render::{Theme, draw};
use factbox::text::Estimate;
use factbox::{FactBox, Lang, load};
use plotters_svg::SVGBackend;

const WIDTH: f64 = 800.0;

/// A one-box document of `kind` with `n` items.
fn document(kind: &str, n: usize) -> String {
    let body = match kind {
        "figures" => format!(
            r#""figures": [{}]"#,
            (0..n)
                .map(|i| format!(
                    r#"{{"value": {}, "unit": "tỉ đồng", "label": "Số liệu {i}", "compare": {{"value": {}, "date": "2019"}}}}"#,
                    9300 + i,
                    1200 + i
                ))
                .collect::<Vec<_>>()
                .join(",")
        ),
        "bar" => format!(
            r#""highlight": ["Mục 3"], "bars": [{}]"#,
            (0..n)
                .map(|i| format!(r#"{{"label": "Mục {i}", "value": {}}}"#, (i * 37) % 101 + 1))
                .collect::<Vec<_>>()
                .join(",")
        ),
        "rank-change" => format!(
            r#""from_date": "2018", "to_date": "2020", "items": [{}]"#,
            (0..n)
                .map(|i| format!(
                    r#"{{"label": "Nước {i}", "from": {}, "to": {}}}"#,
                    i + 5,
                    (i * 7) % (n + 3) + 1
                ))
                .collect::<Vec<_>>()
                .join(",")
        ),
        "share" => format!(
            r#""total": {}, "parts": [{}]"#,
            n * 10,
            (0..n)
                .map(|i| format!(r#"{{"label": "Phần {i}", "value": 10}}"#))
                .collect::<Vec<_>>()
                .join(",")
        ),
        "progress" => r#""label": "dịch vụ công mức độ 4", "value": 31, "target": 30, "max": 100, "unit": "%""#.to_owned(),
        _ => format!(
            r#""scale": "million", "decimals": 2, "series": [{{"name": "Tài khoản", "points": [{}]}}]"#,
            (0..n)
                .map(|i| format!(
                    r#"{{"date": "{}-{:02}-{:02}", "value": {}}}"#,
                    1900 + i / 336,
                    i / 28 % 12 + 1,
                    i % 28 + 1,
                    1_000_000 + (i * 7919) % 500_000
                ))
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "x", "kind": "{kind}", "title": "Tiêu đề", "source": "Nguồn", {body}}}]}}"#
    )
}

/// A line of `n` monthly points whose second half are forecasts, every fourth of them a
/// range: the projected path, its bands and whiskers.
fn projected(n: usize) -> String {
    let points: Vec<String> = (0..n)
        .map(|i| {
            let v = 1000 + (i * 7919) % 500;
            let date = format!("{}-{:02}", 1000 + i / 12, i % 12 + 1);
            match (i < n / 2, i % 4) {
                (true, _) => format!(r#"{{"date": "{date}", "value": {v}}}"#),
                (false, 0) => format!(
                    r#"{{"date": "{date}", "value": [{v}, {}], "status": "forecast"}}"#,
                    v + 300
                ),
                (false, _) => {
                    format!(r#"{{"date": "{date}", "value": {v}, "status": "estimate"}}"#)
                }
            }
        })
        .collect();
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "x", "kind": "line", "title": "T", "series": [{{"name": "GMV", "points": [{}]}}]}}]}}"#,
        points.join(",")
    )
}

/// A share of `n` parts (12 allowed), every one broken (negative, the same label): the
/// box is refused with a page of messages.
fn refused(n: usize) -> String {
    let parts = vec![r#"{"label": "A", "value": -1}"#; n].join(",\n");
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "s", "kind": "share", "title": "T", "parts": [{parts}]}}]}}"#
    )
}

fn valid(text: &str) -> FactBox {
    match load(text, None, Lang::Vi) {
        Ok(mut boxes) if !boxes.is_empty() => match boxes.remove(0) {
            Ok(b) => b,
            Err(f) => panic!("benchmark document is invalid: {:?}", f.messages()),
        },
        _ => panic!("benchmark document does not parse"),
    }
}

fn svg(b: &FactBox) -> usize {
    let scene = match layout::chart(b.body(), WIDTH, Lang::Vi, &Estimate, &[]) {
        Some(s) => s,
        None => layout::card::card(b, WIDTH, &Estimate),
    };
    let mut out = String::new();
    {
        let mut backend =
            SVGBackend::with_string(&mut out, (scene.width as u32, scene.height as u32));
        let _ = draw(&scene, &Theme::light(), &mut backend, 1.0, None);
    }
    out.len()
}

/// Each kind at a typical size, at 800 px.
fn kinds(c: &mut Criterion) {
    let typical = [
        ("figures", 3),
        ("bar", 8),
        ("rank-change", 5),
        ("line", 12),
        ("share", 3),
        ("progress", 1),
    ];
    for (kind, n) in typical {
        let text = document(kind, n);
        let b = valid(&text);
        let mut group = c.benchmark_group(format!("kind/{kind}"));
        group.bench_function("parse+validate", |bench| {
            bench.iter(|| load(black_box(&text), None, Lang::Vi))
        });
        group.bench_function("layout", |bench| {
            bench.iter(
                || match layout::chart(b.body(), WIDTH, Lang::Vi, &Estimate, &[]) {
                    Some(s) => s.shapes.len(),
                    None => layout::card::card(&b, WIDTH, &Estimate).shapes.len(),
                },
            )
        });
        group.bench_function("svg", |bench| bench.iter(|| svg(black_box(&b))));
        group.finish();
    }
}

/// Parse + validate, layout and SVG of the one-box document `text` of `n` items, in `group`.
fn pipeline_at(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
    text: &str,
) {
    let b = valid(text);
    group.bench_with_input(BenchmarkId::new("parse+validate", n), text, |bench, t| {
        bench.iter(|| load(black_box(t), None, Lang::Vi))
    });
    group.bench_with_input(BenchmarkId::new("layout", n), &b, |bench, b| {
        bench.iter(|| {
            layout::chart(b.body(), WIDTH, Lang::Vi, &Estimate, &[]).map(|s| s.shapes.len())
        })
    });
    group.bench_with_input(BenchmarkId::new("svg", n), &b, |bench, b| {
        bench.iter(|| svg(b))
    });
}

/// Growth with the number of items, as far as each kind's limit allows.
fn growth(c: &mut Criterion) {
    let sizes: [(&str, &[usize]); 3] = [
        ("line", &[10, 100, 1000, 10_000]),
        ("bar", &[10, 100]),
        ("rank-change", &[10, 100]),
    ];
    for (kind, ns) in sizes {
        let mut group = c.benchmark_group(format!("growth/{kind}"));
        for &n in ns {
            pipeline_at(&mut group, n, &document(kind, n));
        }
        group.finish();
    }
}

/// Growth of what this round added: a projected line (parse, validate, layout, SVG), and a
/// refused box with up to 20,000 broken items (load and place every message): each should
/// grow linearly.
fn growth_projected_and_refused(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth/projected-line");
    for n in [10, 100, 1000, 10_000] {
        pipeline_at(&mut group, n, &projected(n));
    }
    group.finish();
    let mut group = c.benchmark_group("growth/refused-share");
    for n in [20, 200, 2000, 20_000] {
        let text = refused(n);
        group.bench_with_input(BenchmarkId::new("load", n), &text, |bench, t| {
            bench.iter(|| load(black_box(t), None, Lang::Vi))
        });
    }
    group.finish();
}

/// A table of `n` rows and six columns (text, a percentage with bars, a count, a rank with
/// heat, a text, a signed change), as a province table has them.
fn table(n: usize) -> String {
    let rows: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"tinh": "Tỉnh số {i}", "ty_le": {}.{}, "ho_so": {}, "hang": {}, "vung": "Vùng {}", "doi": {}}}"#,
                (i * 37) % 100,
                i % 10,
                (i * 7919) % 100_000,
                i + 1,
                i % 6,
                (i % 21) as i64 - 10
            )
        })
        .collect();
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "t", "kind": "table", "title": "Bảng",
            "columns": [{{"key": "tinh", "label": "Tỉnh"}},
                        {{"key": "ty_le", "label": "Tỉ lệ", "unit": "%", "bars": true}},
                        {{"key": "ho_so", "label": "Hồ sơ"}},
                        {{"key": "hang", "label": "Hạng", "ranks": true, "heat": true}},
                        {{"key": "vung", "label": "Vùng"}},
                        {{"key": "doi", "label": "Thay đổi", "signed": true}}],
            "rows": [{}]}}]}}"#,
        rows.join(",")
    )
}

/// A table box from its text to its whole markup (what the wasm returns for the page),
/// and each step, at 10 to 2,000 rows (the limit): reading and checking, then the markup
/// with every cell's rank for sorting.
fn growth_table(c: &mut Criterion) {
    let mut group = c.benchmark_group("growth/table");
    for n in [10, 100, 1000, 2000] {
        let text = table(n);
        group.bench_with_input(BenchmarkId::new("parse+validate", n), &text, |bench, t| {
            bench.iter(|| valid(black_box(t)))
        });
        let b = valid(&text);
        group.bench_with_input(BenchmarkId::new("markup", n), &b, |bench, b| {
            bench.iter(|| factbox::markup::fact_box(black_box(b)).len())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .sample_size(20);
    targets = kinds, growth, growth_projected_and_refused, growth_table
}
criterion_main!(benches);
