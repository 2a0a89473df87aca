//! What a box gives away besides its picture on the page: the CSV of "Tải dữ liệu", the
//! whole-box image of "Tải ảnh" (its layout), the text alternative screen readers hear,
//! and numbers as they are spoken.

use factbox::csv::{csv, file_name};
use factbox::describe::{describe, rows};
use factbox::format::{Lang, reference, spoken, ungrouped};
use factbox::layout::card::card;
use factbox::text::Estimate;
use factbox::{FactBox, load};

fn one(json: &str) -> FactBox {
    let mut boxes = load(json, None, Lang::Vi).expect("document parses");
    boxes.remove(0).expect("box is valid")
}

fn demo() -> Vec<FactBox> {
    let text = std::fs::read_to_string("www/data/egov-vn.json").expect("demo data");
    load(&text, None, Lang::Vi)
        .expect("demo parses")
        .into_iter()
        .map(|b| b.expect("demo box is valid"))
        .collect()
}

fn by_id(id: &str) -> FactBox {
    demo().into_iter().find(|b| b.id() == id).expect("demo box")
}

#[test]
fn csv_of_a_bar_chart_has_plain_unscaled_numbers() {
    let b = one(
        r#"{"version": 1, "boxes": [{"id": "tk", "kind": "bar", "title": "T", "scale": "billion",
        "unit": "đồng", "bars": [{"label": "A, B", "value": 9300000000000, "qualifier": "hơn"},
        {"label": "Lỗ \"ròng\"", "value": -1.5}]}]}"#,
    );
    assert_eq!(file_name(&b), "tk.csv");
    assert_eq!(
        csv(&b),
        "\u{feff}Nhãn,Tiền tố,Giá trị,Đơn vị\r\n\"A, B\",hơn,9300000000000,đồng\r\n\"Lỗ \"\"ròng\"\"\",,-1.5,đồng\r\n"
    );
}

#[test]
fn csv_defuses_formulas_in_text_but_not_negative_numbers() {
    let b = one(
        r#"{"version": 1, "locale": "en", "boxes": [{"id": "x", "kind": "bar", "title": "T",
        "bars": [{"label": "=HYPERLINK(\"http://evil\")", "value": -3},
                 {"label": "@SUM(A1)", "value": 2}, {"label": "-1+1", "value": 1}]}]}"#,
    );
    let text = csv(&b);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}Label,Qualifier,Value,Unit");
    assert_eq!(lines[1], "\"'=HYPERLINK(\"\"http://evil\"\")\",,-3,");
    assert_eq!(lines[2], "\"'@SUM(A1)\",,2,");
    assert_eq!(lines[3], "\"'-1+1\",,1,");
}

#[test]
fn csv_of_each_demo_kind() {
    // Key figures: value, unit and the compared value with its date.
    let figures = csv(&by_id("cong-dich-vu-cong"));
    assert!(
        figures.starts_with(
            "\u{feff}Nhãn,Tiền tố,Giá trị,Đơn vị,Giá trị so sánh,Thời điểm so sánh\r\n"
        ),
        "{figures}"
    );
    assert!(
        figures.contains(",16400000,tài khoản,468000,2021-03"),
        "{figures}"
    );
    // Rank changes: both ranks and the places moved (up is positive).
    let rank = csv(&by_id("thay-doi-xep-hang"));
    assert!(
        rank.starts_with("\u{feff}Nhãn,Hạng 2018,Hạng 2020,Số bậc tăng\r\n"),
        "{rank}"
    );
    assert!(rank.contains("\r\nViệt Nam,88,86,2\r\n"), "{rank}");
    // Shares: value and percentage of the total, rounded to 0.01.
    let share = csv(&by_id("co-cau-tiet-kiem"));
    assert!(share.contains(",8100,tỉ đồng,87.1\r\n"), "{share}");
    // Progress: value, target and scale.
    let progress = csv(&by_id("muc-do-4"));
    assert!(
        progress.starts_with("\u{feff}Nhãn,Giá trị,Mục tiêu,Tối đa,Đơn vị\r\n"),
        "{progress}"
    );
}

#[test]
fn csv_of_a_line_chart_is_wide_with_gaps_left_empty() {
    let b = one(
        r#"{"version": 1, "boxes": [{"id": "l", "kind": "line", "title": "T", "series": [
        {"name": "A", "points": [{"date": "2020", "value": 1}, {"date": "2022", "value": 3}]},
        {"name": "B", "points": [{"date": "2021", "value": 20}, {"date": "2022", "value": 30}]}]}]}"#,
    );
    assert_eq!(
        csv(&b),
        "\u{feff}Thời điểm,A,B\r\n2020,1,\r\n2021,,20\r\n2022,3,30\r\n"
    );
}

#[test]
fn the_image_card_holds_title_chart_and_source_inside_its_frame() {
    for b in demo() {
        for width in [240.0, 360.0, 640.0, 1000.0] {
            let scene = card(&b, width, &Estimate);
            let frame = scene.frame();
            let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
            assert!(
                texts
                    .iter()
                    .any(|t| b.title().starts_with(t.trim_end_matches('…'))),
                "{}: the title is in the image: {texts:?}",
                b.id()
            );
            assert!(
                texts.iter().any(|t| t.starts_with("Nguồn:")),
                "{}: the source is in the image",
                b.id()
            );
            for s in &scene.shapes {
                let r = s.bounds();
                assert!(
                    frame.contains_rect(&r),
                    "{} at {width}: {s:?} leaves the image",
                    b.id()
                );
            }
            assert_eq!(
                scene.overlapping_texts(),
                Vec::<(String, String)>::new(),
                "{} at {width}",
                b.id()
            );
        }
    }
}

/// The status sentence's symbol (✓, ✗, ⚠), which Arial lacks, is drawn in the image as
/// lines beside the words, not left to a fallback font of a width the layout did not
/// measure; the words are all there, inside the frame.
#[test]
fn the_image_draws_the_status_symbol_as_lines() {
    let met = by_id("muc-do-4");
    let missed = one(
        r#"{"version": 1, "boxes": [{"id": "p", "kind": "progress", "title": "T", "value": 20,
        "target": 30, "unit": "%", "label": "dịch vụ", "source": "S"}]}"#,
    );
    let short = one(
        r#"{"version": 1, "locale": "en", "boxes": [{"id": "s", "kind": "share", "title": "T",
        "total": 10, "parts": [{"label": "A", "value": 6}, {"label": "B", "value": 2}],
        "source": "S"}]}"#,
    );
    for (b, words) in [
        (&met, "Đạt mục tiêu"),
        (&missed, "Chưa đạt mục tiêu"),
        (&short, "The parts add up to less"),
    ] {
        let scene = card(b, 360.0, &Estimate);
        let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with(words)),
            "{}: {words} in {texts:?}",
            b.id()
        );
        for t in &texts {
            assert!(
                !t.contains(['\u{2713}', '\u{2717}', '\u{26a0}']),
                "{}: the symbol is written as text: {t}",
                b.id()
            );
        }
        // The symbol's lines: left of the words, on their first line.
        let line = scene.texts().find(|t| t.text.starts_with(words)).unwrap();
        let drawn = scene.shapes.iter().filter_map(|s| match s {
            factbox::layout::Shape::Path { .. } => Some(s.bounds()),
            _ => None,
        });
        assert!(
            drawn
                .into_iter()
                .any(|r| r.x + r.w <= line.bounds.x && r.y >= line.bounds.y - 1.0
                    && r.y + r.h <= line.bounds.y + line.bounds.h + 1.0),
            "{}: no symbol drawn before {:?}",
            b.id(),
            line.bounds
        );
    }
}

#[test]
fn the_text_alternative_sums_up_the_chart_then_lists_the_data() {
    let b = by_id("xep-hang-asean");
    let text = describe(&b, &rows(&b)).replace('\u{a0}', " ");
    // A ranking: the best rank is the smallest number, never "the largest" the worst.
    assert!(
        text.starts_with(
            "Biểu đồ cột, 5 mục; hạng cao nhất: Thái Lan, hạng 57; hạng thấp nhất: Myanmar, hạng 146. "
        ),
        "{text}"
    );
    assert!(text.contains("Việt Nam, hạng 86"), "{text}");
    let rank = by_id("thay-doi-xep-hang");
    let text = describe(&rank, &rows(&rank));
    assert!(text.contains("tăng hạng"), "{text}");
    // The journalist's alt text comes last.
    let b = one(
        r#"{"version": 1, "locale": "en", "boxes": [{"id": "s", "kind": "share", "title": "T",
        "alt": "Most savings come from the portal.", "total": 10,
        "parts": [{"label": "Portal", "value": 8}, {"label": "Axis", "value": 2}]}]}"#,
    );
    let text = describe(&b, &rows(&b));
    assert!(
        text.starts_with("Share chart, 2 parts; largest: Portal, 80%."),
        "{text}"
    );
    assert!(
        text.ends_with(". Most savings come from the portal."),
        "{text}"
    );
}

#[test]
fn numbers_are_spoken_as_one_number_with_units_in_words() {
    assert_eq!(
        spoken("hơn 9.300\u{a0}tỉ đồng/năm", Lang::Vi),
        "hơn 9300\u{a0}tỉ đồng mỗi năm"
    );
    assert_eq!(
        spoken("1,234,567.5 VND/year", Lang::En),
        "1234567.5 VND per year"
    );
    // Decimal marks, dates and short groups stay.
    assert_eq!(spoken("16,4 triệu", Lang::Vi), "16,4 triệu");
    assert_eq!(
        spoken("so với 3/2021: 1.200", Lang::Vi),
        "so với 3/2021: 1200"
    );
    assert_eq!(ungrouped("A/B: 12.345,6", Lang::Vi), "A/B: 12345,6");
    assert_eq!(ungrouped("1.2345", Lang::Vi), "1.2345");
}

#[test]
fn the_document_chooses_ti_or_ty() {
    let doc = |word: &str| {
        format!(
            r#"{{"version": 1, {word} "boxes": [{{"id": "a", "kind": "figures", "title": "T",
            "figures": [{{"value": 1200000000000, "scale": "billion", "unit": "đồng", "label": "x"}}]}}]}}"#
        )
    };
    let shown = |b: &FactBox| {
        let factbox::model::Body::Figures(f, _) = b.body() else {
            panic!("figures")
        };
        factbox::layout::figures::view(&f[0], b.lang()).number
    };
    assert_eq!(shown(&one(&doc(""))), "1.200\u{a0}tỉ");
    assert_eq!(
        shown(&one(&doc(r#""billion_word": "tỷ","#))),
        "1.200\u{a0}tỷ"
    );
    assert_eq!(
        shown(&one(&doc(r#""billion_word": "tỉ","#))),
        "1.200\u{a0}tỉ"
    );
    let bad = load(&doc(r#""billion_word": "ty","#), None, Lang::Vi).expect_err("refused");
    let message = bad.problems[0].message(Lang::Vi);
    assert!(message.contains("billion_word"), "{message}");
}

#[test]
fn reference_rounding_matches_intl_on_halves() {
    // Intl rounds the shortest decimal form half away from zero.
    assert_eq!(reference::fixed(2.675, 2, Lang::En), "2.68");
    assert_eq!(reference::fixed(1.005, 2, Lang::Vi), "1,01");
    assert_eq!(reference::fixed(0.125, 2, Lang::En), "0.13");
    assert_eq!(reference::fixed(-2.5, 0, Lang::En), "−3");
    assert_eq!(reference::fixed(2.4999, 0, Lang::En), "2");
    assert_eq!(reference::plain(-1234.5, 1), "-1234.5");
    // Past 64 bits the digits come from 128-bit arithmetic, the same way.
    assert_eq!(reference::plain(3e19, 0), "30000000000000000000");
    assert_eq!(reference::plain(2e19, 1), "20000000000000000000.0");
    assert_eq!(reference::plain(-0.004, 2), "0.00");
    assert_eq!(reference::date(2024, 8, None, Lang::Vi), "8/2024");
    assert_eq!(reference::date(2019, 12, Some(9), Lang::En), "9 Dec 2019");
}
