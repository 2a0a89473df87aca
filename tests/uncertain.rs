//! Estimates, forecasts and ranges: what a box says of a value that is not an exact
//! measurement, everywhere the value goes (the figure, the chart, the status sentence, the
//! tooltip and data table, the CSV, the description), in both languages, word for word.

use factbox::csv::csv;
use factbox::describe::{describe, rows};
use factbox::layout::{self, Shape, progress};
use factbox::markup::fact_box;
use factbox::model::{Body, FactBox};
use factbox::text::Estimate;
use factbox::{Lang, load};

/// The one box of a document made of `box_json`; panics with the messages if it fails.
fn one(box_json: &str, lang: Lang) -> FactBox {
    let text = format!(r#"{{"version": 1, "boxes": [{box_json}]}}"#);
    let mut boxes = load(&text, None, lang).unwrap_or_else(|f| panic!("{:?}", f.messages()));
    boxes
        .remove(0)
        .unwrap_or_else(|f| panic!("{box_json}: {:?}", f.messages()))
}

/// The box of the digital-economy demo article with `id`.
fn article(id: &str) -> FactBox {
    let text = std::fs::read_to_string("www/data/kinh-te-so.json").expect("demo data");
    load(&text, None, Lang::Vi)
        .expect("parses")
        .into_iter()
        .map(|b| b.expect("valid"))
        .find(|b| b.id() == id)
        .expect("box")
}

fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// Every text of the chart laid out at `width`.
fn texts(b: &FactBox, width: f64) -> Vec<String> {
    let scene = layout::chart(b.body(), width, b.lang(), &Estimate, &[]).expect("a chart");
    scene.texts().map(|t| plain(&t.text)).collect()
}

/// Range × target × deadline: met only when the whole range is at or beyond the target;
/// short (not met, on the way or missed) only when the whole range is short; undecided when
/// the range holds the target, whatever the deadline.
#[test]
fn a_range_meets_a_target_only_whole() {
    use progress::Standing::*;
    let deadlines = [
        ("", None),
        (r#", "as_of": "2024", "target_date": "2025""#, Some(false)),
        (r#", "as_of": "2025", "target_date": "2025""#, Some(true)),
    ];
    // (value, the standing with no deadline, before it, after it)
    let cases = [
        ("[13, 14]", [NotMet, OnTheWay, Missed]),
        ("[18, 22]", [Undecided, Undecided, Undecided]),
        ("[20, 22]", [Met, Met, Met]),
        ("[21, 25]", [Met, Met, Met]),
        ("[19, 20]", [Undecided, Undecided, Undecided]),
    ];
    for (value, want) in cases {
        for ((extra, _), want) in deadlines.iter().zip(want) {
            let b = one(
                &format!(
                    r#"{{"id": "p", "kind": "progress", "title": "T", "label": "L", "unit": "%",
                    "value": {value}, "target": 20{extra}}}"#
                ),
                Lang::Vi,
            );
            let Body::Progress(p) = b.body() else {
                panic!()
            };
            assert_eq!(progress::standing(p), Some(want), "{value}{extra}");
            assert_eq!(
                progress::target_met(p),
                Some(want == Met),
                "met only when the whole range is: {value}{extra}"
            );
        }
    }
    // Lower is better: a range below the target meets it whole.
    let b = one(
        r#"{"id": "p", "kind": "progress", "title": "T", "label": "L", "unit": "%",
        "better": "lower", "value": [2.5, 2.9], "target": 3}"#,
        Lang::Vi,
    );
    let Body::Progress(p) = b.body() else {
        panic!()
    };
    assert_eq!(progress::standing(p), Some(Met));
}

/// A progress box's value is never cut: at a phone's width it wraps, and every text stays
/// inside the box.
#[test]
fn a_long_progress_value_wraps_on_a_phone() {
    let b = article("ty-trong-gdp");
    for width in [240.0, 280.0, 360.0, 640.0] {
        let scene = layout::chart(b.body(), width, Lang::Vi, &Estimate, &[]).unwrap();
        for t in scene.texts() {
            use factbox::text::Measure;
            let w = Estimate.width(&t.text, t.font);
            assert!(
                w <= scene.width + 0.5,
                "{width}: {:?} is {w} px wide",
                t.text
            );
            assert!(
                scene.frame().contains_rect(&t.bounds),
                "{width}: {:?} leaves the box",
                t.text
            );
        }
        let all: String = scene
            .texts()
            .map(|t| plain(&t.text))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("(ước tính)"), "{width}: {all}");
    }
}

/// The sentence of a range's progress: the qualifier and status of the value, the gap as
/// a range in percentage points, and the undecided case said in words.
#[test]
fn a_range_s_progress_is_said_in_words() {
    let b = article("ty-trong-gdp");
    let Body::Progress(p) = b.body() else {
        panic!()
    };
    assert_eq!(
        plain(&progress::status_text(p, Lang::Vi).unwrap()),
        "→ Đang hướng tới mục tiêu 20% (hạn 2025): hiện khoảng 13–14% (ước tính), còn thiếu 6–7 điểm phần trăm"
    );
    assert_eq!(
        plain(&progress::status_text(p, Lang::En).unwrap()),
        "→ On the way to a target of 20% by 2025: khoảng 13–14% (estimate) so far, 6–7 percentage points to go"
    );
    let b = one(
        r#"{"id": "p", "kind": "progress", "title": "T", "label": "L", "unit": "%",
        "value": [18, 22], "status": "forecast", "target": 20}"#,
        Lang::Vi,
    );
    let Body::Progress(p) = b.body() else {
        panic!()
    };
    assert_eq!(
        plain(&progress::status_text(p, Lang::Vi).unwrap()),
        "◐ Chưa thể nói đã đạt mục tiêu 20% hay chưa: 18–22% (dự báo), mục tiêu nằm trong khoảng này"
    );
    assert_eq!(
        plain(&progress::status_text(p, Lang::En).unwrap()),
        "◐ Cannot tell whether the target of 20% is met: 18–22% (forecast), and the target lies within that range"
    );
    // The page says it too, and never calls it met.
    let html = fact_box(&b);
    assert!(html.contains("data-met=\"false\""), "{html}");
    assert!(html.contains("Chưa thể nói"), "{html}");
}

/// Each end of a range is printed as written: its own places, one scale word and one unit
/// after both, an en dash between; a negative end is joined with words.
#[test]
fn range_ends_keep_their_precision() {
    let show = |value: &str, extra: &str, lang: Lang| {
        let b = one(
            &format!(
                r#"{{"id": "f", "kind": "figures", "title": "T", "figures": [{{"value": {value},
                "label": "L"{extra}}}]}}"#
            ),
            lang,
        );
        let html = fact_box(&b);
        let start = html.find("class=\"fb-number\">").unwrap() + 18;
        let end = html[start..].find('<').unwrap() + start;
        plain(&html[start..end])
    };
    assert_eq!(show("[13, 14.5]", r#", "unit": "%""#, Lang::Vi), "13–14,5");
    assert_eq!(show("[13.0, 14.50]", "", Lang::Vi), "13,0–14,50");
    assert_eq!(show("[13.0, 14.50]", "", Lang::En), "13.0–14.50");
    assert_eq!(
        show(
            "[90000000000, 200000000000]",
            r#", "scale": "billion""#,
            Lang::Vi
        ),
        "90–200 tỉ"
    );
    assert_eq!(
        show("[1500000, 2250000]", r#", "scale": "million""#, Lang::En),
        "1.5–2.25 million"
    );
    assert_eq!(show("[-5, 3]", "", Lang::Vi), "−5 đến 3");
    assert_eq!(show("[-5, 3]", "", Lang::En), "−5 to 3");
    assert_eq!(show("16", r#", "signed": true"#, Lang::Vi), "+16");
    assert_eq!(show("-2.5", r#", "signed": true"#, Lang::Vi), "−2,5");
}

/// A figure's status stands beside it in the page (not only in a tooltip) and is heard by
/// screen readers; a range reads with its qualifier.
#[test]
fn a_figure_says_it_is_an_estimate() {
    let b = article("kinh-te-so-so-lieu");
    let html = plain(&fact_box(&b));
    assert!(
        html.contains("<span class=\"fb-number\">36</span> <span class=\"fb-unit\">tỷ USD</span> <span class=\"fb-status-word\">ước tính</span>"),
        "{html}"
    );
    assert!(
        html.contains("36 tỷ USD (ước tính)</span>"),
        "spoken: {html}"
    );
    assert!(
        html.contains("<span class=\"fb-number\">+16</span>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<span class=\"fb-qualifier\">khoảng</span> <span class=\"fb-number\">13–14</span>"
        ),
        "{html}"
    );
    let en = plain(&fact_box(&article("digital-economy")));
    assert!(
        en.contains("<span class=\"fb-status-word\">forecast</span>"),
        "{en}"
    );
    assert!(en.contains("90–200 billion USD (forecast)"), "{en}");
}

/// The line: measured segments solid, the segments into an estimate or a forecast dashed
/// (from the last measured point), projected points hollow, a range a shaded band with a
/// whisker, a key naming the statuses, the end label with both ends and its status, the
/// value axis up to the range's top, and ticks only at the years written.
#[test]
fn a_projection_is_dashed_and_labelled() {
    let b = article("gmv-theo-nam");
    let scene = layout::chart(b.body(), 640.0, Lang::Vi, &Estimate, &[]).unwrap();
    let solid: Vec<&Vec<(f64, f64)>> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Path { points, .. } => Some(points),
            _ => None,
        })
        .collect();
    let dashed: Vec<&Vec<(f64, f64)>> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::DashedPath { points, .. } if points.len() > 1 && points[0].0 > 30.0 => {
                Some(points)
            }
            _ => None,
        })
        .collect();
    // One solid run through the four measured years (2019, 2021, 2022, 2023).
    assert_eq!(solid.len(), 1);
    assert_eq!(solid[0].len(), 4);
    // 2023 → 2024 → 2025 dashed as one run; 2025 → 2030 the band's two edges.
    assert_eq!(dashed.len(), 3, "{dashed:?}");
    assert_eq!(dashed[0].len(), 3);
    assert_eq!(
        dashed[0][0],
        *solid[0].last().unwrap(),
        "dashed from the last measured point"
    );
    assert!(
        scene
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Polygon { points, .. } if points.len() == 4)),
        "the range's band"
    );
    let hollow = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle { stroke: Some(_), r, .. } if *r < 4.0))
        .count();
    assert_eq!(hollow, 3, "2024 and 2025 hollow, and the key's sample");
    let t = texts(&b, 640.0);
    assert!(
        t.contains(&"ước tính · dự báo · vùng tô: khoảng giá trị".to_owned()),
        "{t:?}"
    );
    assert!(t.contains(&"90–200 tỷ USD (dự báo)".to_owned()), "{t:?}");
    assert!(
        t.contains(&"200".to_owned()),
        "the axis reaches the range's top: {t:?}"
    );
    for year in ["2019", "2021", "2022", "2023", "2030"] {
        assert!(t.contains(&year.to_owned()), "{year}: {t:?}");
    }
    for unwritten in ["2020", "2026", "2027", "2028", "2029"] {
        assert!(
            !t.contains(&unwritten.to_owned()),
            "{unwritten} was not written: {t:?}"
        );
    }
    // The end label and the key keep clear of each other at a phone's width too.
    for width in [280.0, 360.0, 640.0] {
        let scene = layout::chart(b.body(), width, Lang::Vi, &Estimate, &[]).unwrap();
        assert!(
            scene.overlapping_texts().is_empty(),
            "{width}: {:?}",
            scene.overlapping_texts()
        );
        let t: Vec<String> = scene.texts().map(|t| plain(&t.text)).collect();
        assert!(
            t.iter().any(|x| x.starts_with("ước tính")),
            "{width}: key kept: {t:?}"
        );
        assert!(
            t.contains(&"90–200 tỷ USD (dự báo)".to_owned()),
            "{width}: {t:?}"
        );
    }
}

/// The SVG of a projection has the dashes, the band and the key: the prerendered page and
/// the image show what the live chart does.
#[test]
fn the_svg_of_a_projection_is_dashed() {
    let b = article("gmv-theo-nam");
    let scene =
        factbox::layout::chart(b.body(), 640.0, b.lang(), &factbox::text::Estimate, &[]).unwrap();
    let svg = factbox::svg::scene_svg(
        &scene,
        &factbox::render::Theme::tokens(),
        factbox::svg::Colors::Classes,
        "",
    );
    // Dashes are many short strokes; a measured line is one long one.
    let strokes = svg.matches("<polyline").count()
        + svg.matches("<path").count()
        + svg.matches("<line").count();
    assert!(strokes > 30, "{strokes} strokes");
    assert!(svg.contains("<polygon"), "the band");
}

/// Bars: an estimate or a forecast is outlined, not solid, and labelled; a range is a
/// floating bar from its lower to its upper end; a key names them.
#[test]
fn an_estimated_bar_is_outlined_and_labelled() {
    let b = article("gmv-cot");
    let scene = layout::chart(b.body(), 640.0, Lang::Vi, &Estimate, &[]).unwrap();
    let t: Vec<String> = scene.texts().map(|t| plain(&t.text)).collect();
    assert!(
        t.contains(&"ước tính · dự báo · cột lơ lửng: khoảng giá trị".to_owned()),
        "{t:?}"
    );
    assert!(t.contains(&"90–200 tỷ USD".to_owned()), "{t:?}");
    // Tooltips and the table keep the status of each.
    let tips: Vec<String> = scene
        .marks
        .iter()
        .map(|m| plain(&m.tip.join(" | ")))
        .collect();
    assert_eq!(
        tips,
        [
            "2022 | 23 tỷ USD",
            "2023 | 30 tỷ USD",
            "2024 | 36 tỷ USD (ước tính)",
            "2025 | 45 tỷ USD (dự báo)",
            "2030 | 90–200 tỷ USD (dự báo)"
        ]
    );
    // The range's column floats: it does not reach down to the zero line.
    let Body::Bar(chart) = b.body() else { panic!() };
    assert!(chart.bars()[4].value().is_range());
    let range_mark = &scene.marks[4];
    let measured_mark = &scene.marks[0];
    let zero = measured_mark.emphasis[1].bounds().y; // the outline's bottom edge
    assert!(
        range_mark.emphasis[1].bounds().y < zero - 50.0,
        "floats above zero"
    );
    // Outlined bars: a light fill inside four edges.
    let tracks = scene
        .shapes
        .iter()
        .filter(|s| {
            matches!(
                s,
                Shape::Rect {
                    paint: layout::Paint::Track,
                    ..
                }
            )
        })
        .count();
    assert!(
        tracks >= 4,
        "three outlined columns and the key's sample: {tracks}"
    );
}

/// The data table, the CSV and the description say estimate, forecast and range, in both
/// languages.
#[test]
fn table_csv_and_description_say_what_is_projected() {
    let b = article("gmv-theo-nam");
    let table: Vec<String> = rows(&b).iter().map(|r| plain(&r.join(" | "))).collect();
    assert_eq!(
        table,
        [
            "2019 | 12 tỷ USD",
            "2021 | 21 tỷ USD",
            "2022 | 23 tỷ USD",
            "2023 | 30 tỷ USD",
            "2024 | 36 tỷ USD (ước tính)",
            "2025 | 45 tỷ USD (dự báo)",
            "2030 | 90–200 tỷ USD (dự báo)"
        ]
    );
    let text = plain(&describe(&b, &rows(&b)));
    assert!(text.contains("2030, 90–200 tỷ USD (dự báo)"), "{text}");
    assert_eq!(
        csv(&b),
        "\u{feff}Thời điểm,GMV,GMV (cận trên),GMV (trạng thái)\r\n\
         2019,12,,\r\n2021,21,,\r\n2022,23,,\r\n2023,30,,\r\n\
         2024,36,,ước tính\r\n2025,45,,dự báo\r\n2030,90,200,dự báo\r\n"
    );
    let en = one(
        r#"{"id": "f", "kind": "figures", "title": "T", "locale": "en", "figures": [
            {"value": 36, "status": "estimate", "unit": "billion USD", "label": "GMV 2024"},
            {"value": [90, 200], "status": "forecast", "unit": "billion USD", "label": "GMV 2030"},
            {"value": 30, "unit": "billion USD", "label": "GMV 2023"}]}"#,
        Lang::En,
    );
    assert_eq!(
        csv(&en),
        "\u{feff}Label,Qualifier,Value,Unit,Compared value,Compared date,Upper end,Status\r\n\
         GMV 2024,,36,billion USD,,,,estimate\r\n\
         GMV 2030,,90,billion USD,,,200,forecast\r\n\
         GMV 2023,,30,billion USD,,,,\r\n"
    );
    // The same line in English: its table, description and CSV say estimate and forecast.
    let line = one(
        r#"{"id": "l", "kind": "line", "title": "GMV", "locale": "en", "unit": "billion USD",
        "series": [{"name": "GMV", "points": [{"date": "2023", "value": 30},
        {"date": "2024", "value": 36, "status": "estimate"},
        {"date": "2030", "value": [90, 200], "status": "forecast"}]}]}"#,
        Lang::En,
    );
    let table: Vec<String> = rows(&line).iter().map(|r| plain(&r.join(" | "))).collect();
    assert_eq!(
        table,
        [
            "2023 | 30 billion USD",
            "2024 | 36 billion USD (estimate)",
            "2030 | 90–200 billion USD (forecast)"
        ]
    );
    let text = plain(&describe(&line, &rows(&line)));
    assert!(
        text.starts_with("Line chart, 1 series, from 2023 to 2030."),
        "{text}"
    );
    assert!(
        text.contains("2030, 90–200 billion USD (forecast)"),
        "{text}"
    );
    assert_eq!(
        csv(&line),
        "\u{feff}Date,GMV,GMV (upper end),GMV (status)\r\n2023,30,,\r\n2024,36,,estimate\r\n2030,90,200,forecast\r\n"
    );
    // A box without estimates or ranges keeps its columns as they were.
    let exact = one(
        r#"{"id": "b", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}]}"#,
        Lang::Vi,
    );
    assert_eq!(
        csv(&exact),
        "\u{feff}Nhãn,Tiền tố,Giá trị,Đơn vị\r\nA,,1,\r\n"
    );
}

/// A compared value's status goes with it, and two percentages differ by points.
#[test]
fn a_change_of_percentages_is_in_points() {
    let b = one(
        r#"{"id": "f", "kind": "figures", "title": "T", "figures": [{"value": 31, "unit": "%",
        "label": "L", "compare": {"value": 24, "status": "preliminary", "date": "2020"}}]}"#,
        Lang::Vi,
    );
    let html = plain(&fact_box(&b));
    assert!(html.contains("+7 điểm phần trăm"), "{html}");
    assert!(html.contains("so với 2020: 24% (sơ bộ)"), "{html}");
}
