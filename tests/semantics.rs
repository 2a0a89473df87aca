//! What a box claims, checked against what its data says: ranks are lower-is-better,
//! targets have a direction and a deadline, and the words of descriptions, statuses,
//! tooltips and tables follow them, in both languages, word for word.

use factbox::layout::{self, progress};
use factbox::model::{Body, FactBox};
use factbox::text::Estimate;
use factbox::{Lang, describe, load};

/// The one box of a document made of `box_json`, in `lang`; panics with the messages if
/// it does not load.
fn one(box_json: &str, lang: Lang) -> FactBox {
    let text = format!(r#"{{"version": 1, "boxes": [{box_json}]}}"#);
    let mut boxes = load(&text, None, lang).unwrap_or_else(|f| panic!("{:?}", f.messages()));
    boxes
        .remove(0)
        .unwrap_or_else(|f| panic!("{box_json}: {:?}", f.messages()))
}

/// No-break spaces as plain spaces, so that expectations read naturally.
fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

fn status(box_json: &str, lang: Lang) -> (String, progress::Standing) {
    let b = one(box_json, lang);
    let Body::Progress(p) = b.body() else {
        panic!("not a progress box")
    };
    (
        plain(&progress::status_text(p, lang).expect("a target")),
        progress::standing(p).expect("a target"),
    )
}

const RANK_86: &str = r#"{"id": "p", "kind": "progress", "title": "EGDI", "label": "Thứ hạng EGDI",
    "ranks": true, "out_of": 193, "value": 86, "target": 70"#;

/// A progress box is met only at or beyond its target in the data's direction: a rank
/// worse than its target rank is never "met", with or without a deadline.
#[test]
fn targets_tell_the_truth() {
    type Case = (&'static str, &'static str, &'static str, progress::Standing);
    let cases: &[Case] = &[
        (
            "}",
            "✗ Chưa đạt mục tiêu: hạng 86 so với mục tiêu hạng 70, còn cách 16 bậc",
            "✗ Target not met: No. 86 against a target of No. 70, 16 places to go",
            progress::Standing::NotMet,
        ),
        (
            r#", "as_of": "2020", "target_date": "2025"}"#,
            "→ Đang hướng tới mục tiêu hạng 70 (hạn 2025): hiện hạng 86, còn cách 16 bậc",
            "→ On the way to a target of No. 70 by 2025: No. 86 so far, 16 places to go",
            progress::Standing::OnTheWay,
        ),
        (
            r#", "as_of": "2025", "target_date": "2025"}"#,
            "✗ Không đạt mục tiêu hạng 70 (hạn 2025): hạng 86, còn cách 16 bậc",
            "✗ Target of No. 70 missed (deadline 2025): No. 86, 16 places to go",
            progress::Standing::Missed,
        ),
        (
            // A value dated within the deadline's year is not yet past it.
            r#", "as_of": "2025-06", "target_date": "2025"}"#,
            "→ Đang hướng tới mục tiêu hạng 70 (hạn 2025): hiện hạng 86, còn cách 16 bậc",
            "→ On the way to a target of No. 70 by 2025: No. 86 so far, 16 places to go",
            progress::Standing::OnTheWay,
        ),
    ];
    for (rest, vi, en, standing) in cases {
        let json = format!("{RANK_86}{rest}");
        assert_eq!(
            status(&json, Lang::Vi),
            ((*vi).to_owned(), *standing),
            "{json}"
        );
        assert_eq!(
            status(&json, Lang::En),
            ((*en).to_owned(), *standing),
            "{json}"
        );
    }
    // A better rank than the target meets it, deadline or not; so does the target itself.
    for (value, rest) in [
        (60, "}"),
        (70, "}"),
        (60, r#", "as_of": "2030", "target_date": "2025"}"#),
    ] {
        let json = format!(
            "{}{rest}",
            RANK_86.replace("\"value\": 86", &format!("\"value\": {value}"))
        );
        let (text, standing) = status(&json, Lang::Vi);
        assert_eq!(standing, progress::Standing::Met, "{json}");
        assert_eq!(
            text,
            format!("✓ Đạt mục tiêu: hạng {value} so với mục tiêu hạng 70"),
        );
    }
}

/// The same rules for values that are not ranks: higher is better unless said otherwise.
#[test]
fn targets_of_values_follow_their_direction() {
    let base = r#"{"id": "p", "kind": "progress", "title": "T", "label": "L", "unit": "%""#;
    let cases = [
        (
            r#", "value": 31, "target": 30}"#,
            progress::Standing::Met,
            "✓ Đạt mục tiêu: 31% so với mục tiêu 30%",
        ),
        (
            r#", "value": 28.5, "target": 30}"#,
            progress::Standing::NotMet,
            "✗ Chưa đạt mục tiêu: 28,5% so với mục tiêu 30%, còn thiếu 1,5 điểm phần trăm",
        ),
        (
            r#", "better": "lower", "value": 3.5, "target": 3}"#,
            progress::Standing::NotMet,
            "✗ Chưa đạt mục tiêu: 3,5% so với mục tiêu 3%, cao hơn mục tiêu 0,5 điểm phần trăm",
        ),
        (
            r#", "better": "lower", "value": 2.9, "target": 3}"#,
            progress::Standing::Met,
            "✓ Đạt mục tiêu: 2,9% so với mục tiêu 3%",
        ),
    ];
    for (rest, standing, vi) in cases {
        let json = format!("{base}{rest}");
        assert_eq!(status(&json, Lang::Vi), (vi.to_owned(), standing), "{json}");
    }
    let (en, _) = status(&format!("{base}{}", cases[2].0), Lang::En);
    assert_eq!(
        en,
        "✗ Target not met: 3.5% against a target of 3%, 0.5 percentage points above the target"
    );
}

const ASEAN: &str = r#"{"id": "b", "kind": "bar", "title": "EGDI 2020", "ranks": true, "out_of": 193,
    "sort": "best", "highlight": ["Việt Nam"], "bars": [
    {"label": "Việt Nam", "value": 86}, {"label": "Thái Lan", "value": 57},
    {"label": "Indonesia", "value": 88}, {"label": "Campuchia", "value": 124},
    {"label": "Myanmar", "value": 146}]}"#;

/// A ranking's description names the best rank first and never calls the worst rank the
/// "largest"; its bars are best first, its labels read as ranks.
#[test]
fn a_ranking_speaks_of_ranks() {
    let vi = one(ASEAN, Lang::Vi);
    let rows = describe::rows(&vi);
    let text = plain(&describe::describe(&vi, &rows));
    assert!(
        text.starts_with(
            "Biểu đồ cột, 5 mục; hạng cao nhất: Thái Lan, hạng 57; hạng thấp nhất: Myanmar, hạng 146."
        ),
        "{text}"
    );
    assert!(
        !text.contains("lớn nhất") && !text.contains("nhỏ nhất"),
        "{text}"
    );
    let csv = factbox::csv::csv(&vi);
    assert!(
        csv.starts_with("\u{feff}Nhãn,Tiền tố,Hạng,Đơn vị\r\nThái Lan,,57,\r\n"),
        "{csv}"
    );
    let order: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        order,
        ["Thái Lan", "Việt Nam", "Indonesia", "Campuchia", "Myanmar"]
    );
    assert_eq!(plain(&rows[1][1]), "hạng 86");

    let en = one(ASEAN, Lang::En);
    let text = plain(&describe::describe(&en, &describe::rows(&en)));
    assert!(
        text.starts_with(
            "Bar chart, 5 items; best ranked: Thái Lan, No. 57; worst ranked: Myanmar, No. 146."
        ),
        "{text}"
    );
    assert!(!text.contains("largest"), "{text}");
}

/// On the rank axis the better rank lies nearer rank 1, at the start of the axis.
#[test]
fn a_ranking_draws_rank_one_first() {
    let b = one(ASEAN, Lang::Vi);
    let scene = layout::chart(b.body(), 640.0, Lang::Vi, &Estimate, &[]).expect("a chart");
    let x = |i: usize| scene.marks[i].anchor.0;
    // Sorted best first: each dot is further from the start than the one above it.
    for i in 1..5 {
        assert!(x(i) > x(i - 1), "rank {i} at {} after {}", x(i), x(i - 1));
    }
    let texts: Vec<String> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            layout::Shape::Text(t) => Some(plain(&t.text)),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"hạng 1".to_owned()), "{texts:?}");
    assert!(texts.contains(&"hạng 193".to_owned()), "{texts:?}");
}

const HISTORY: &str = r#"{"id": "h", "kind": "line", "title": "Việt Nam", "ranks": true,
    "out_of": 193, "series": [{"name": "Việt Nam", "highlight": true, "points": [
    {"date": "2014", "value": 99}, {"date": "2016", "value": 89},
    {"date": "2018", "value": 88}, {"date": "2020", "value": 86},
    {"date": "2022", "value": 86}, {"date": "2024", "value": 71}]}]}"#;

/// A rank history is drawn with rank 1 on top: the best year is the highest point.
#[test]
fn a_rank_history_rises_when_the_rank_improves() {
    let b = one(HISTORY, Lang::Vi);
    for width in [360.0, 640.0, 1280.0] {
        let scene = layout::chart(b.body(), width, Lang::Vi, &Estimate, &[]).expect("chart");
        let y: Vec<f64> = scene.marks.iter().map(|m| m.anchor.1).collect();
        let best = y.iter().copied().fold(f64::MAX, f64::min);
        assert_eq!(
            best, y[5],
            "2024 (rank 71) is the highest point at {width}px: {y:?}"
        );
        assert!(y[0] > y[1], "99 → 89 rises");
        // The last label, the one that matters, is there at every width.
        let last = scene
            .shapes
            .iter()
            .any(|s| matches!(s, layout::Shape::Text(t) if plain(&t.text) == "hạng 71"));
        assert!(last, "the last label survives at {width}px");
    }
    let rows = describe::rows(&b);
    assert_eq!(plain(&rows[5][1]), "hạng 71");
    let text = plain(&describe::describe(&b, &rows));
    assert!(
        text.contains("hạng cao nhất: 2024, hạng 71; hạng thấp nhất: 2014, hạng 99"),
        "{text}"
    );
}

/// A key figure that is a rank reads `hạng 86/193`, and its comparison counts places.
#[test]
fn a_rank_figure_reads_as_a_rank() {
    let json = r#"{"id": "f", "kind": "figures", "title": "EGDI", "ranks": true, "out_of": 193,
        "figures": [{"value": 86, "label": "Chính phủ điện tử",
        "compare": {"value": 88, "date": "2018"}}]}"#;
    let b = one(json, Lang::Vi);
    let Body::Figures(figures, _) = b.body() else {
        panic!("figures")
    };
    let v = layout::figures::view(&figures[0], Lang::Vi);
    assert_eq!(v.qualifier.as_deref(), Some("hạng"));
    assert_eq!(v.number, "86");
    assert_eq!(v.unit.as_deref(), Some("/193"));
    assert!(v.unit_attached);
    let change = v.change.expect("a comparison");
    assert_eq!(plain(&change.change), "tăng 2 bậc");
    assert_eq!(change.improved, Some(true));
    assert_eq!(plain(&change.context), "so với 2018: hạng 88");
    assert_eq!(plain(&v.spoken), "hạng 86/193");
}

/// Lower-is-better values that are not ranks keep their lengths (a bar is as long as its
/// value) but are named and sorted in the data's sense.
#[test]
fn lower_is_better_values_are_judged_not_redrawn() {
    let json = r#"{"id": "b", "kind": "bar", "title": "Tỉ lệ hộ nghèo", "better": "lower",
        "sort": "best", "unit": "%", "bars": [{"label": "A", "value": 4.5},
        {"label": "B", "value": 2.25}, {"label": "C", "value": 3}]}"#;
    let b = one(json, Lang::Vi);
    let rows = describe::rows(&b);
    let order: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(order, ["B", "C", "A"]);
    let text = plain(&describe::describe(&b, &rows));
    assert!(
        text.contains("tốt nhất: B, 2,25%; kém nhất: A, 4,5%"),
        "{text}"
    );
}

/// Numbers print with the places they were written with in labels, tooltips and tables.
#[test]
fn written_precision_is_kept() {
    let json = r#"{"id": "b", "kind": "bar", "title": "EGDI", "bars": [
        {"label": "Việt Nam", "value": 0.8125}, {"label": "Thái Lan", "value": 0.70}]}"#;
    let b = one(json, Lang::Vi);
    let rows = describe::rows(&b);
    assert_eq!(rows[0][1], "0,8125");
    assert_eq!(rows[1][1], "0,70");
    let csv = factbox::csv::csv(&b);
    assert!(csv.contains("Việt Nam,,0.8125,"), "{csv}");
    assert!(csv.contains("Thái Lan,,0.70,"), "{csv}");
    // Asked for two places, the label rounds and the table still has the written value.
    let two = json.replace(
        "\"title\": \"EGDI\",",
        "\"title\": \"EGDI\", \"decimals\": 2,",
    );
    let b = one(&two, Lang::Vi);
    assert_eq!(layout::bar::value_text(bar(&b), 0, Lang::Vi), "0,81");
    assert_eq!(describe::rows(&b)[0][1], "0,81 (0,8125)");
}

fn bar(b: &FactBox) -> &factbox::model::BarChart {
    match b.body() {
        Body::Bar(chart) => chart,
        _ => panic!("a bar chart"),
    }
}

/// The same claims in English, word for word.
#[test]
fn the_same_claims_in_english() {
    let history = one(HISTORY, Lang::En);
    let rows = describe::rows(&history);
    assert_eq!(plain(&rows[5][1]), "No. 71");
    let text = plain(&describe::describe(&history, &rows));
    assert!(
        text.contains("best ranked: 2024, No. 71; worst ranked: 2014, No. 99"),
        "{text}"
    );

    let json = r#"{"id": "f", "kind": "figures", "title": "EGDI", "ranks": true, "out_of": 193,
        "figures": [{"value": 86, "label": "E-government",
        "compare": {"value": 88, "date": "2018"}}]}"#;
    let b = one(json, Lang::En);
    let Body::Figures(figures, _) = b.body() else {
        panic!("figures")
    };
    let v = layout::figures::view(&figures[0], Lang::En);
    assert_eq!(v.qualifier.as_deref(), Some("No."));
    assert_eq!(v.unit.as_deref(), Some("/193"));
    let change = v.change.expect("a comparison");
    assert_eq!(plain(&change.change), "up 2 places");
    assert_eq!(plain(&change.context), "vs. 2018: No. 88");
    assert_eq!(plain(&v.spoken), "No. 86 of 193");

    let json = r#"{"id": "b", "kind": "bar", "title": "Poverty", "better": "lower",
        "sort": "best", "unit": "%", "bars": [{"label": "A", "value": 4.5},
        {"label": "B", "value": 2.25}, {"label": "C", "value": 3}]}"#;
    let b = one(json, Lang::En);
    let text = plain(&describe::describe(&b, &describe::rows(&b)));
    assert!(text.contains("best: B, 2.25%; worst: A, 4.5%"), "{text}");

    let json = r#"{"id": "b", "kind": "bar", "title": "EGDI", "bars": [
        {"label": "Vietnam", "value": 0.8125}, {"label": "Thailand", "value": 0.70}]}"#;
    let rows = describe::rows(&one(json, Lang::En));
    assert_eq!(
        (rows[0][1].as_str(), rows[1][1].as_str()),
        ("0.8125", "0.70")
    );
}
