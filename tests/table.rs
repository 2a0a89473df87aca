//! The table box natively: its order (Vietnamese collation, sorts by value and by rank,
//! empty cells last), its markup (every row, the tools the script brings to life), its
//! plain version and CSV, and its cost growing with the rows, not faster.
//!
//! `tests/fixtures/provinces.json` is test data: the 34 provinces' real names with made-up
//! numbers, as the end-to-end tests use it too.

use factbox::model::Body;
use factbox::{FactBox, Lang, load};

fn provinces() -> FactBox {
    let text = std::fs::read_to_string("tests/fixtures/provinces.json").unwrap();
    load(&text, None, Lang::Vi).unwrap().remove(0).unwrap()
}

/// The first cell of each body row, in order, from a box's markup.
fn row_names(html: &str) -> Vec<String> {
    let body = html.split("<tbody>").nth(1).unwrap().split("</tbody>").next().unwrap();
    body.split("<th scope=\"row\"")
        .skip(1)
        .map(|r| {
            let cell = r.split_once('>').unwrap().1;
            cell.split('<').next().unwrap().to_owned()
        })
        .collect()
}

/// The `data-v` ranks of column `c` (0: the row headers) in row order.
fn ranks(html: &str, c: usize) -> Vec<Option<u32>> {
    let body = html.split("<tbody>").nth(1).unwrap().split("</tbody>").next().unwrap();
    body.split("<tr")
        .skip(1)
        .map(|row| {
            let cell = row.split(['<']).filter(|t| t.starts_with("th ") || t.starts_with("td")).nth(c).unwrap();
            cell.split("data-v=\"").nth(1).map(|v| v.split('"').next().unwrap().parse().unwrap())
        })
        .collect()
}

#[test]
fn a_34_province_table_in_the_order_asked_for() {
    let b = provinces();
    let Body::Table(t) = b.body() else { panic!("a table") };
    let html = factbox::markup::fact_box(&b);
    let names = row_names(&html);
    assert_eq!(names.len(), 34);
    // No sort asked for: rows as written.
    assert_eq!(names[0], "Hà Nội");
    assert_eq!(names[33], "An Giang");
    // The script sorts by data-v: the name column's ranks are Vietnamese dictionary order.
    let by_name = ranks(&html, 0);
    let mut ordered: Vec<(u32, &str)> = by_name.iter().zip(&names).map(|(r, n)| (r.unwrap(), n.as_str())).collect();
    ordered.sort();
    let ordered: Vec<&str> = ordered.into_iter().map(|(_, n)| n).collect();
    let at = |n: &str| ordered.iter().position(|x| *x == n).unwrap();
    assert_eq!(ordered[0], "An Giang");
    // Letters before tones, and ă, â, đ letters of their own: a < ă < â, d < đ < e.
    assert!(at("Cà Mau") < at("Cao Bằng") && at("Cao Bằng") < at("Cần Thơ"));
    assert!(at("Đồng Tháp") < at("Gia Lai"));
    assert!(at("Đà Nẵng") < at("Đắk Lắk"));
    assert!(at("Đắk Lắk") < at("Điện Biên"));
    assert!(at("Điện Biên") < at("Đồng Nai"));
    assert!(at("Hà Nội") < at("Hà Tĩnh") && at("Hà Tĩnh") < at("Hải Phòng"));
    // The empty cell (row 6's files) has no rank and so always sorts last.
    assert_eq!(ranks(&html, 2)[5], None);
    assert_eq!(t.rows().len(), 34);
    // More than ten rows: the search field and "Xem thêm", held unseen until the script.
    assert!(html.contains("<input type=\"search\""));
    assert!(html.contains("data-page=\"10\""));
    assert!(html.contains(">Hiển thị 34/34 dòng<"), "without the script, every row");
    assert_eq!(html.matches("data-fb-later").count(), 1, "the search, unseen until the script");
    // Rows past the first page are marked for CSS, and a checkbox shows them all.
    assert_eq!(html.matches("<tr class=\"fb-over\"").count(), 24);
    assert!(html.contains("<input class=\"fb-sr\" type=\"checkbox\">Xem tất cả 34 dòng</label>"));
    // The estimate says so in its cell; the ranks column has heat and its key.
    assert!(html.contains("% (ước tính)<span class=\"fb-mb\""));
    assert_eq!(html.matches("class=\"fb-heat-item\"").count(), 5);
}

#[test]
fn sorting_follows_the_column_and_its_direction() {
    let text = std::fs::read_to_string("tests/fixtures/provinces.json").unwrap();
    let cases = [
        (r#""sort": {"column": "hang"}"#, "ascending", 1),
        (r#""sort": {"column": "ty_le"}"#, "descending", 1),
        (r#""sort": {"column": "ty_le", "order": "worst"}"#, "ascending", 34),
        (r#""sort": {"column": "tinh"}"#, "ascending", 0),
    ];
    for (sort, aria, _) in cases {
        let doc = text.replacen("\"rows\":", &format!("{sort}, \"rows\":"), 1);
        let b = load(&doc, None, Lang::Vi).unwrap().remove(0).unwrap();
        let html = factbox::markup::fact_box(&b);
        assert!(html.contains(&format!("aria-sort=\"{aria}\"")), "{sort}");
        let Body::Table(t) = b.body() else { panic!() };
        let names = row_names(&html);
        match sort {
            s if s.contains("hang") || (s.contains("ty_le") && !s.contains("worst")) => {
                // Best first: the first row is rank 1, and so has the best rate.
                let html_ranks = ranks(&html, 3);
                assert_eq!(html_ranks[0], Some(0), "{sort}");
            }
            s if s.contains("worst") => assert_eq!(ranks(&html, 3)[0], Some(33), "{sort}"),
            _ => assert_eq!(names[0], "An Giang"),
        }
        assert_eq!(t.rows().len(), 34);
    }
}

#[test]
fn javascript_off_readers_and_spreadsheets_get_every_row() {
    let b = provinces();
    let plain = factbox::plain::plain(&b);
    for name in ["Hà Nội", "An Giang", "TP Hồ Chí Minh", "Đắk Lắk"] {
        assert!(plain.contains(name), "{name}");
    }
    assert_eq!(plain.matches("<tr>").count(), 35, "a heading row and 34 rows");
    assert!(plain.contains("<th scope=\"col\">Tỉ lệ trực tuyến</th>"));
    let csv = factbox::csv::csv(&b);
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 35);
    assert_eq!(
        lines[0],
        "\u{feff}Tỉnh, thành phố,Tỉ lệ trực tuyến (%),Tỉ lệ trực tuyến (trạng thái),Hồ sơ,Xếp hạng"
            .replace("Tỉnh, thành phố", "\"Tỉnh, thành phố\"")
    );
    assert!(lines[8].contains(",ước tính,"), "{}", lines[8]);
}

/// A box drawn in the browser holds its first page of rows, is marked for the rest and
/// its CSV link waits for its address; the rest, asked for in any chunks, and the address
/// make it the prerendered box byte for byte.
#[test]
fn a_live_table_is_its_first_page_then_the_prerendered_box() {
    let b = provinces();
    let whole = factbox::prerender::figure(&b, &[]);
    let live = factbox::prerender::figure_live(&b, None, false);
    assert!(live.contains(" data-fb-rest=\"tinh-thanh\""), "{live}");
    assert_eq!(row_names(&live).len(), 10, "the first page");
    assert!(!live.contains("data:text/csv"));
    assert_eq!(row_names(&whole).len(), 34);
    assert!(!whole.contains("data-fb-rest"));
    // Drawn before any column is sorted: its first page's ranks come with the rest, whose
    // first chunk starts again at row 0 (the script copies their `data-v` across).
    let first_page = |html: &str| {
        let start = html.find("<tbody>").map_or(0, |i| i + "<tbody>".len());
        html[start..html.find("</tbody>").unwrap_or(start)].to_owned()
    };
    let on_screen = first_page(&live);
    assert!(!on_screen.contains("data-v="), "{on_screen}");
    assert_eq!(strip_ranks(&factbox::table::rows_from(&b, 0, 10)), on_screen);
    for chunk in [1, 7, 24, 1000] {
        let mut rest = String::new();
        let mut from = 0;
        loop {
            let more = factbox::table::rows_from(&b, from, from + chunk);
            if more.is_empty() {
                break;
            }
            from += chunk;
            rest.push_str(&more);
        }
        let filled = live
            .replace(" data-fb-rest=\"tinh-thanh\"", "")
            .replace(&format!("{on_screen}</tbody>"), &format!("{rest}</tbody>"))
            .replace(
                "<a class=\"fb-action\" href=\"\"",
                &format!("<a class=\"fb-action\" href=\"{}\"", factbox::markup::csv_address(&b)),
            );
        assert_eq!(filled, whole, "in chunks of {chunk}");
    }
    assert_eq!(factbox::table::rows_from(&b, 34, 50), "");
    assert_eq!(factbox::table::rows_from(&b, 40, 30), "");
    // A table of one page is written whole: nothing comes later.
    let small = load(include_str!("../www/data/egov-vn.json"), Some("bang-xep-hang"), Lang::Vi).unwrap().remove(0).unwrap();
    assert_eq!(factbox::prerender::figure_live(&small, None, false), factbox::prerender::figure(&small, &[]));
}

/// `rows` without their cells' ranks (` data-v="…"`).
fn strip_ranks(rows: &str) -> String {
    let mut out = String::new();
    let mut rest = rows;
    while let Some(at) = rest.find(" data-v=\"") {
        out.push_str(&rest[..at]);
        let value = &rest[at + " data-v=\"".len()..];
        rest = &value[value.find('"').map_or(value.len(), |end| end + 1)..];
    }
    out.push_str(rest);
    out
}

/// A table of `rows` rows and six columns.
fn big(rows: usize, cell: &str) -> String {
    let row = format!(
        r#"{{"a": "Hàng", "b": {cell}, "c": 2.5, "d": "x", "e": 4, "f": null}}"#
    );
    let rows: Vec<String> = (0..rows).map(|i| row.replace("Hàng", &format!("Hàng {i}"))).collect();
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "t", "kind": "table", "title": "T", "columns": [{{"key": "a", "label": "A"}}, {{"key": "b", "label": "B", "bars": true}}, {{"key": "c", "label": "C", "heat": true}}, {{"key": "d", "label": "D"}}, {{"key": "e", "label": "E", "ranks": true}}, {{"key": "f", "label": "F", "unit": "%"}}], "rows": [{}]}}]}}"#,
        rows.join(",")
    )
}

#[test]
fn limits_hold_at_ten_and_a_hundred_times() {
    // 2,000 rows (the limit) are drawn whole.
    let b = load(&big(2000, "1"), None, Lang::Vi).unwrap().remove(0).unwrap();
    assert_eq!(row_names(&factbox::markup::fact_box(&b)).len(), 2000);
    // Ten and a hundred times that: one message, not one per row.
    for n in [20_000, 200_000] {
        let failure = load(&big(n, "1"), None, Lang::Vi).map(|mut v| v.remove(0));
        let problems = match failure {
            Ok(Err(f)) => f.problems,
            Err(f) => f.problems,
            Ok(Ok(_)) => panic!("{n} rows accepted"),
        };
        assert_eq!(problems.len(), 1, "{n}: {:?}", problems.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>());
        let message = problems[0].message(Lang::En);
        assert!(message.contains("more than the 2000") || message.contains("more than the 2.0 MB"), "{n}: {message}");
    }
    // 2,000 rows each with a word where a number stands: a bounded list of messages.
    let f = load(&big(2000, "\"n/a\""), None, Lang::Vi).unwrap().remove(0).unwrap_err();
    assert_eq!(f.problems.len(), factbox::error::SHOWN_PROBLEMS + 1);
}

/// A table of three columns (a name, a number, a text) and `rows`, for the tests of how
/// rows are read.
fn three(rows: &str) -> String {
    format!(
        r#"{{"version": 1, "boxes": [{{"id": "t", "kind": "table", "title": "T", "columns": [{{"key": "ten", "label": "Tên"}}, {{"key": "so", "label": "Số"}}, {{"key": "ghi_chu", "label": "Ghi chú"}}], "rows": [{rows}]}}]}}"#
    )
}

/// Every problem of a document that fails, in English.
fn refusal(text: &str) -> Vec<String> {
    match load(text, None, Lang::En) {
        Ok(mut boxes) => match boxes.remove(0) {
            Ok(_) => panic!("accepted"),
            Err(f) => f.messages(),
        },
        Err(f) => f.messages(),
    }
}

#[test]
fn rows_give_their_keys_in_any_order() {
    // Each row's keys in another order, one with spaces around a key, one without a cell
    // and one with a null: every row's cells land in their columns.
    let text = three(
        r#"{"ten": "A", "so": 1, "ghi_chu": "x"},
           {"ghi_chu": "y", "ten": "B", "so": 2},
           {"so": 3, " ten ": "C"},
           {"ten": "D", "highlight": true, "ghi_chu": "z", "so": null}"#,
    );
    let b = load(&text, None, Lang::Vi).unwrap().remove(0).unwrap();
    let Body::Table(t) = b.body() else { panic!("a table") };
    let rows = factbox::table::rows(t, Lang::Vi);
    const NONE: &str = "– (không có số liệu)";
    let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    assert_eq!(
        cells,
        [["A", "1", "x"], ["B", "2", "y"], ["C", "3", NONE], ["D", NONE, "z"]],
        "{rows:?}"
    );
    let html = factbox::markup::fact_box(&b);
    assert_eq!(html.matches("<tr class=\"fb-hl\"").count(), 1, "row D only");
}

#[test]
fn a_row_with_thousands_of_keys_is_refused_in_few_words() {
    // Rows read their first 64 distinct keys as numbers and the rest as text: a row of
    // 20,000 keys (a pasted object, a file no table can use) is refused with a bounded
    // list of messages, not one per key, and a key given twice among them is found.
    let keys = |n: usize| (0..n).map(|i| format!(r#""k{i}": 1"#)).collect::<Vec<_>>().join(", ");
    for n in [200, 2_000, 20_000] {
        let messages = refusal(&three(&format!(r#"{{"ten": "A", {}}}"#, keys(n))));
        assert!(messages.len() <= factbox::error::SHOWN_PROBLEMS + 1, "{n}: {}", messages.len());
        assert!(messages[0].contains("unknown field `k0`"), "{n}: {messages:?}");
        let doc = three(&format!(r#"{{"ten": "A", {}, "k{}": 2}}"#, keys(n), n - 1));
        // Placed at the row's closing brace, as every repeated field is at its object's.
        let column = doc.chars().count() - 4;
        let expected = format!("boxes[0].rows[0], line 1, column {column}: the field `k{}` appears twice", n - 1);
        assert_eq!(refusal(&doc), [expected]);
    }
    // The same key in two rows is no repetition; in a row after 64 keys were met, found.
    let spread: Vec<String> = (0..100).map(|i| format!(r#"{{"ten": "A", "k{i}": 1}}"#)).collect();
    let messages = refusal(&three(&spread.join(", ")));
    let (last, first) = messages.split_last().unwrap();
    assert!(first.iter().all(|m| m.contains("unknown field")), "{messages:?}");
    assert!(last.starts_with("and 80 more problems"), "one per row: {last}");
}

#[test]
fn the_demo_table_matches_its_golden_markup() {
    for (file, lang) in [("www/data/egov-vn.json", "vi"), ("www/data/egov-en.json", "en")] {
        let text = std::fs::read_to_string(file).unwrap();
        let b = load(&text, Some("bang-xep-hang"), Lang::Vi).unwrap().remove(0).unwrap();
        let html = factbox::markup::fact_box(&b);
        let golden = format!("tests/golden/bang-xep-hang-{lang}.html");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &html).unwrap();
        }
        let want = std::fs::read_to_string(&golden).expect("run `make golden` to write it");
        assert_eq!(html, want, "{golden}: `make golden` rewrites it; look at the difference");
    }
}
