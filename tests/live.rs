//! Live data natively: a box's values read from a spreadsheet's CSV or a JSON API as the
//! studio reads a pasted sheet, merged into the box, and every fault said with its row and
//! column — never a value guessed, dropped or changed.

use factbox::live::{Fault, load_with, merge};
use factbox::{FactBox, Lang};

/// A Vietnamese bar box fed by a sheet, one of its bars highlighted.
const BAR: &str = r#"{"version": 1, "boxes": [{"id": "ho-so", "kind": "bar", "title": "Tỉ lệ hồ sơ trực tuyến",
  "unit": "%", "data": {"url": "https://docs.google.com/spreadsheets/d/e/x/pub?output=csv", "refresh": 60},
  "bars": [{"label": "Hà Nội", "value": 70, "highlight": true}, {"label": "Huế", "value": 60}]}]}"#;

/// The same box in English.
const BAR_EN: &str = r#"{"version": 1, "locale": "en", "boxes": [{"id": "ho-so", "kind": "bar", "title": "Online applications",
  "unit": "%", "data": {"url": "data/rates.csv"},
  "bars": [{"label": "Hà Nội", "value": 70, "highlight": true}]}]}"#;

/// The markup of box `b`, for what readers see.
fn shown(b: &FactBox) -> String {
    factbox::prerender::figure(b, &[])
}

fn faults(text: &str, data: &str) -> Vec<Fault> {
    load_with(text, "ho-so", data, Lang::Vi).expect_err("refused")
}

/// What Google Sheets' "Publish to the web → CSV" sends for a Vietnamese sheet: a
/// byte-order mark, CRLF, the header quoted (it holds a comma), numbers with the decimal
/// comma in quotes and thousands dots.
#[test]
fn a_published_spreadsheet_in_vietnamese_is_read_as_written() {
    let csv = "\u{feff}\"Tỉnh, thành phố\",Tỉ lệ (%)\r\nHà Nội,\"78,5\"\r\n\"Huế\",\"61,25\"\r\nTP Hồ Chí Minh,\"80\"\r\n";
    let b = load_with(BAR, "ho-so", csv, Lang::Vi).expect("read");
    let html = shown(&b);
    for written in ["78,5%", "61,25%", "80%", "TP Hồ Chí Minh"] {
        assert!(html.contains(written), "{written}: {html}");
    }
    // Hà Nội keeps the highlight the box gave it: it follows its label.
    let merged = merge(BAR, "ho-so", csv, Lang::Vi).expect("merged").text;
    let doc: serde_json::Value = serde_json::from_str(&merged).expect("JSON");
    let bars = doc["boxes"][0]["bars"].as_array().expect("bars");
    assert_eq!(bars.len(), 3);
    assert_eq!(bars[0]["label"], "Hà Nội");
    assert_eq!(bars[0]["value"].to_string(), "78.5");
    assert_eq!(bars[0]["highlight"], true);
    assert_eq!(bars[1]["value"].to_string(), "61.25");
    // The box's own fields stay: its data source, its title, its unit.
    assert_eq!(doc["boxes"][0]["data"]["refresh"], 60);
    assert_eq!(doc["boxes"][0]["title"], "Tỉ lệ hồ sơ trực tuyến");
}

#[test]
fn semicolons_thousands_dots_and_english_sheets() {
    // Vietnamese Excel writes `;` where `,` is the decimal mark.
    let csv = "Tỉnh;Hồ sơ\nHà Nội;1.234.567\nHuế;98.765\n";
    let text = BAR.replace("\"unit\": \"%\",", "");
    let b = load_with(&text, "ho-so", csv, Lang::Vi).expect("read");
    assert!(shown(&b).contains("1.234.567"), "{}", shown(&b));
    // An English sheet: `.` decimals, `,` thousands; the box writes them in English.
    let en = "Province,Rate\nHà Nội,78.5\nHuế,\"1,061.25\"\n";
    let text = BAR_EN.replace("\"unit\": \"%\",", "");
    let b = load_with(&text, "ho-so", en, Lang::En).expect("read");
    let html = shown(&b);
    assert!(html.contains("78.5") && html.contains("1,061.25"), "{html}");
}

#[test]
fn a_word_where_a_number_was_is_said_with_its_row_and_column() {
    let csv = "Tỉnh,Tỉ lệ\r\nHà Nội,\"78,5\"\r\nHuế,chưa có\r\n";
    let f = faults(BAR, csv);
    assert_eq!(f.len(), 1, "{f:?}");
    let vi = f[0].message(Lang::Vi);
    assert!(vi.starts_with("dòng 3, cột B (“Tỉ lệ”)"), "{vi}");
    let en = f[0].message(Lang::En);
    assert!(en.starts_with("row 3, column B (“Tỉ lệ”)"), "{en}");
    // A row's line counts the line breaks inside quoted cells before it.
    let csv = "Tỉnh,Tỉ lệ\n\"Hà\nNội\",\"78,5\"\n\nHuế,n/a\n";
    let f = faults(BAR, csv);
    assert!(f[0].message(Lang::Vi).starts_with("dòng 5, cột B"), "{}", f[0].message(Lang::Vi));
}

#[test]
fn an_empty_value_is_said_not_dropped() {
    let csv = "Tỉnh,Tỉ lệ\nHà Nội,\"78,5\"\nHuế,\nĐà Nẵng,\"61,25\"\n";
    let f = faults(BAR, csv);
    assert_eq!(f.iter().map(Fault::code).collect::<Vec<_>>(), ["empty-cell"]);
    assert!(f[0].message(Lang::Vi).starts_with("dòng 3, cột B (“Tỉ lệ”): Ô trống"), "{}", f[0].message(Lang::Vi));
    // In a line an empty cell is a month without a point: drawn as a gap, not refused.
    let csv = "Tháng,Tài khoản,Hồ sơ\n2024-01,\"10,5\",\"3,2\"\n2024-02,,\"3,9\"\n";
    assert!(load_with(LINE, "tai-khoan", csv, Lang::Vi).is_ok());
}

#[test]
fn a_number_the_sheets_style_cannot_read_is_refused_not_guessed() {
    // `78.5` in a Vietnamese sheet whose other numbers say `,` is the decimal mark.
    let csv = "Tỉnh,Tỉ lệ\nHà Nội,\"78,5\"\nHuế,61.25\n";
    let f = faults(BAR, csv);
    assert_eq!(f.iter().map(Fault::code).collect::<Vec<_>>(), ["other-style"], "{f:?}");
    assert!(f[0].message(Lang::Vi).starts_with("dòng 3, cột B"));
}

#[test]
fn a_web_page_instead_of_data_is_named_as_such() {
    let html = "<!DOCTYPE html><html><head><title>Google Sheets: Sign-in</title></head><body>…</body></html>";
    let f = faults(BAR, html);
    assert_eq!(f, vec![Fault::Html]);
    assert!(f[0].message(Lang::Vi).contains("HTML"));
    assert!(f[0].message(Lang::En).contains("Published to the web"));
    assert_eq!(faults(BAR, ""), vec![Fault::Empty]);
    assert_eq!(faults(BAR, "Tỉnh,Tỉ lệ\r\n"), vec![Fault::Empty]);
}

#[test]
fn the_unit_of_the_data_must_be_the_boxs() {
    let csv = "Tỉnh,Ngân sách\nHà Nội,12 tỉ đồng\nHuế,9 tỉ đồng\n";
    let f = faults(BAR, csv);
    assert!(matches!(&f[0], Fault::Differs { field, boxed, data } if field == "unit" && boxed == "%" && data == "tỉ đồng"), "{f:?}");
    // Cells with the box's own unit written are the same values.
    let csv = "Tỉnh,Tỉ lệ\nHà Nội,\"78,5%\"\nHuế,61%\n";
    let b = load_with(BAR, "ho-so", csv, Lang::Vi).expect("read");
    assert!(shown(&b).contains("78,5%"));
}

const LINE: &str = r#"{"version": 1, "boxes": [{"id": "tai-khoan", "kind": "line", "title": "Tài khoản trên Cổng Dịch vụ công",
  "data": {"url": "data/tai-khoan.csv", "refresh": 300},
  "series": [{"name": "Tài khoản", "points": [{"date": "2024-01", "value": 1}]},
             {"name": "Hồ sơ", "highlight": true, "points": [{"date": "2024-01", "value": 1}]}]}]}"#;

#[test]
fn a_line_takes_a_series_per_column_named_by_its_header() {
    let csv = "Tháng,Tài khoản,Hồ sơ\n2024-01,\"10,5\",\"3,2\"\n2024-02,\"11,8\",\"3,9\"\n2024-03,\"12,4\",\"4,4\"\n";
    let b = load_with(LINE, "tai-khoan", csv, Lang::Vi).expect("read");
    let merged = merge(LINE, "tai-khoan", csv, Lang::Vi).expect("merged").text;
    let doc: serde_json::Value = serde_json::from_str(&merged).expect("JSON");
    let series = doc["boxes"][0]["series"].as_array().expect("series");
    assert_eq!(series.len(), 2);
    assert_eq!(series[1]["name"], "Hồ sơ");
    assert_eq!(series[1]["highlight"], true, "the series keeps its highlight");
    assert_eq!(series[1]["points"].as_array().map(Vec::len), Some(3));
    assert!(shown(&b).contains("12,4"));
    // A column renamed in the sheet is said, not drawn as another series.
    let renamed = csv.replace("Hồ sơ", "Số hồ sơ");
    let f = load_with(LINE, "tai-khoan", &renamed, Lang::Vi).expect_err("refused");
    assert!(matches!(&f[0], Fault::ColumnGone { title, .. } if title == "Hồ sơ"), "{f:?}");
    let m = f[0].message(Lang::Vi);
    assert!(m.contains("“Hồ sơ”") && m.contains("“Số hồ sơ”"), "{m}");
}

#[test]
fn a_json_api_is_read_as_rows() {
    // Objects, their keys the header; numbers as JSON writes them.
    let api = r#"[{"tinh": "Hà Nội", "ty_le": 78.5}, {"tinh": "Huế", "ty_le": 61.25}]"#;
    let b = load_with(BAR, "ho-so", api, Lang::Vi).expect("read");
    assert!(shown(&b).contains("61,25%"), "{}", shown(&b));
    // Lists, the header first; or one list inside an object.
    let lists = r#"{"rows": [["Tỉnh", "Tỉ lệ"], ["Hà Nội", 78.5], ["Huế", "61,25"]]}"#;
    let b = load_with(BAR, "ho-so", lists, Lang::Vi).expect("read");
    assert!(shown(&b).contains("78,5%"));
    let f = faults(BAR, r#"{"a": 1}"#);
    assert_eq!(f, vec![Fault::NotRows]);
    let f = faults(BAR, "[{\"tinh\": \"Hà Nội\",}]");
    assert!(matches!(f[0], Fault::Json { line: 1, .. }), "{f:?}");
}

#[test]
fn what_the_box_cannot_show_is_placed_at_the_datas_cell() {
    // Two rows of one label: the box's own rule, said at the second one's cell.
    let csv = "Tỉnh,Tỉ lệ\nHà Nội,\"78,5\"\nHuế,61\nHà Nội,70\n";
    let f = faults(BAR, csv);
    let m = f[0].message(Lang::Vi);
    assert!(m.starts_with("dòng 4"), "{m}");
}

#[test]
fn limits_at_ten_and_a_hundred_times() {
    // A bar box holds 100 bars; the data's reader at most 10,000 rows.
    let rows = |n: usize| {
        let mut csv = String::from("Tỉnh,Tỉ lệ\n");
        for i in 0..n {
            csv.push_str(&format!("Tỉnh {i},{}\n", i % 100));
        }
        csv
    };
    let f = faults(BAR, &rows(1_000));
    assert!(f.iter().any(|f| f.code() == "too-many"), "{:?}", f.iter().map(Fault::code).collect::<Vec<_>>());
    assert!(f.len() <= 3, "one problem for the count, not one per bar: {}", f.len());
    let f = faults(BAR, &rows(100_000));
    // The header is a row of the sheet too, as the messages' row numbers count it.
    assert_eq!(f, vec![Fault::TooManyRows { rows: 100_001 }]);
    assert!(f[0].message(Lang::Vi).contains("10000"));
}

#[test]
fn a_table_takes_its_columns_by_their_titles() {
    let text = std::fs::read_to_string("tests/fixtures/provinces.json").expect("fixture");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let columns = doc["boxes"][0]["columns"].as_array().expect("columns").clone();
    let titles: Vec<String> = columns.iter().map(|c| c["label"].as_str().unwrap_or_default().to_owned()).collect();
    let mut csv = titles.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(",");
    csv.push_str("\r\nHà Nội,\"80,5\",120000,1\r\nHuế,\"60\",50000,2\r\n");
    let live = text.replacen("\"kind\": \"table\",", "\"kind\": \"table\", \"data\": {\"url\": \"data/tinh.csv\"},", 1);
    let b = load_with(&live, "tinh-thanh", &csv, Lang::Vi).expect("read");
    let html = shown(&b);
    assert!(html.contains("80,5%") && html.contains("data-rows=\"2\""), "{html}");
    // A column the table shows, gone from the sheet.
    let fewer = csv.replacen(&format!("\"{}\"", titles[1]), "\"Khác\"", 1);
    let f = load_with(&live, "tinh-thanh", &fewer, Lang::Vi).expect_err("refused");
    assert!(f.iter().any(|f| matches!(f, Fault::ColumnGone { title, .. } if *title == titles[1])), "{f:?}");
}

#[test]
fn the_data_source_is_checked() {
    let with = |data: &str| BAR.replace(
        r#""data": {"url": "https://docs.google.com/spreadsheets/d/e/x/pub?output=csv", "refresh": 60}"#,
        data,
    );
    let codes = |text: &str| match factbox::load(text, None, Lang::Vi).expect("document").remove(0) {
        Ok(_) => Vec::new(),
        Err(f) => f.problems.iter().map(|p| p.what.code()).collect::<Vec<_>>(),
    };
    assert_eq!(codes(&with(r#""data": {"url": "data/so-lieu.csv"}"#)), Vec::<&str>::new());
    assert_eq!(codes(&with(r#""data": {"url": "/so-lieu/tinh.csv", "refresh": 30}"#)), Vec::<&str>::new());
    assert_eq!(codes(&with(r#""data": {"url": "http://example.com/x.csv"}"#)), ["bad-data-url"]);
    assert_eq!(codes(&with(r#""data": {"url": "javascript:alert(1)"}"#)), ["bad-data-url"]);
    assert_eq!(codes(&with(r#""data": {"url": "//example.com/x.csv"}"#)), ["bad-data-url"]);
    assert_eq!(codes(&with(r#""data": {"url": "https://x.org/a.csv", "refresh": 5}"#)), ["bad-refresh"]);
    assert_eq!(codes(&with(r#""data": {"url": "https://x.org/a.csv", "refresh": 100000}"#)), ["bad-refresh"]);
    assert_eq!(codes(&with(r#""data": {"link": "https://x.org/a.csv"}"#)).first(), Some(&"unknown-field"));
    let f = factbox::load(&with(r#""data": {"url": "https://x.org/a.csv", "refresh": 5}"#), None, Lang::Vi).expect("document").remove(0).expect_err("refused");
    let m = f.problems[0].message(Lang::Vi);
    assert!(m.contains("từ 30 đến 86400"), "{m}");
}

/// `factbox check` reads each live box's data and says what is wrong with it, at its row
/// and column; `factbox render` prerenders the box with the data as it is now.
#[test]
fn the_command_reads_the_data_once() {
    use std::process::Command;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("live-command");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).expect("folder");
    let json = dir.join("data").join("live.json");
    std::fs::write(&json, BAR.replace("https://docs.google.com/spreadsheets/d/e/x/pub?output=csv", "ho-so.csv")).expect("write");
    let csv = dir.join("data").join("ho-so.csv");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_factbox")).args(args).current_dir(&dir).output().expect("factbox runs");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    std::fs::write(&csv, "\u{feff}Tỉnh,Tỉ lệ\r\nHà Nội,\"78,5\"\r\nHuế,chưa có\r\n").expect("write");
    let (code, said) = run(&["check", "data/live.json"]);
    assert_eq!(code, Some(1));
    assert_eq!(said.trim(), "data/live.json: boxes[0].data.url: ho-so.csv: dòng 3, cột B (“Tỉ lệ”): Chữ trong một cột số: thay bằng số, hoặc để trống nếu không có số liệu.");
    let (code, _) = run(&["render", "data/live.json", "--out", "out"]);
    assert_eq!(code, Some(1), "no snippet of data that cannot be read");
    assert!(!dir.join("out").join("ho-so.html").exists());
    std::fs::write(&csv, "Tỉnh,Tỉ lệ\r\nHà Nội,\"78,5\"\r\nHuế,\"61,25\"\r\n").expect("write");
    assert_eq!(run(&["check", "data/live.json"]), (Some(0), String::new()));
    let (code, _) = run(&["render", "data/live.json", "--out", "out"]);
    assert_eq!(code, Some(0));
    let snippet = std::fs::read_to_string(dir.join("out").join("ho-so.html")).expect("snippet");
    assert!(snippet.contains("61,25%") && !snippet.contains(">60%<"), "the data as it is now");
    // The data gone: said, with where it was looked for.
    std::fs::remove_file(&csv).expect("remove");
    let (code, said) = run(&["check", "data/live.json"]);
    assert_eq!(code, Some(1));
    assert!(said.starts_with("data/live.json: boxes[0].data.url: data/ho-so.csv: cannot read it"), "{said}");
}

#[test]
fn the_updated_line_says_when_on_the_readers_clock() {
    use factbox::format::clock;
    assert_eq!(clock(0.0, 0, Lang::Vi), "00:00 1/1/1970");
    // 2024-02-29 23:59:30 UTC, in Hà Nội (UTC+7) and in English at UTC−3:30.
    let ms = 1_709_251_170_000.0;
    assert_eq!(clock(ms, 420, Lang::Vi), "06:59 1/3/2024");
    assert_eq!(clock(ms, -210, Lang::En), "20:29, 29 Feb 2024");
    assert_eq!(clock(-60_000.0, 0, Lang::En), "23:59, 31 Dec 1969");
    // In the box: a line always there, its out-of-date wording ready beside it.
    let csv = "Tỉnh,Tỉ lệ\nHà Nội,\"78,5\"\n";
    let b = load_with(BAR, "ho-so", csv, Lang::Vi).expect("read");
    let at = factbox::markup::ReadAt { ms, offset: 420 };
    let html = factbox::prerender::figure_live(&b, Some(at), false);
    assert!(html.contains("<p class=\"fb-live\"><span>Cập nhật lúc 06:59 1/3/2024</span><span>Có thể đã cũ: đọc lần cuối 06:59 1/3/2024</span></p>"), "{html}");
    // Its data never read: its own values, said to be possibly out of date.
    let unread = factbox::prerender::figure_live(&b, None, true);
    assert!(unread.contains("<p class=\"fb-live fb-stale\"><span></span><span>Có thể đã cũ: chưa đọc được số liệu mới</span></p>"), "{unread}");
    assert!(!factbox::prerender::figure_live(&b, None, false).contains("fb-live"));
    // A box without live data has no such line, whatever the time.
    let plain = factbox::load(&BAR.replace(r#""data": {"url": "https://docs.google.com/spreadsheets/d/e/x/pub?output=csv", "refresh": 60},"#, ""), None, Lang::Vi)
        .expect("document").remove(0).expect("box");
    assert!(!factbox::prerender::figure_live(&plain, Some(at), false).contains("fb-live"));
}

/// COVID-19 counts as of 17 March 2021 (the seeds' figures): a share box whose parts come
/// from the sheet keeps the total it says.
#[test]
fn a_share_keeps_its_total() {
    let text = r#"{"version": 1, "boxes": [{"id": "covid", "kind": "share", "title": "2.560 ca mắc COVID-19",
      "total": 2560, "data": {"url": "covid-19.csv", "refresh": 60},
      "parts": [{"label": "Khỏi bệnh", "value": 2000}, {"label": "Đang điều trị", "value": 500}, {"label": "Tử vong", "value": 35}]}]}"#;
    let csv = "Tình trạng,Số ca\r\nKhỏi bệnh,2.186\r\nĐang điều trị,339\r\nTử vong,35\r\n";
    let merged = merge(text, "covid", csv, Lang::Vi).expect("merged").text;
    let doc: serde_json::Value = serde_json::from_str(&merged).expect("JSON");
    assert_eq!(doc["boxes"][0]["total"], 2560);
    assert_eq!(doc["boxes"][0]["parts"][0]["value"], 2186);
    let b = load_with(text, "covid", csv, Lang::Vi).expect("read");
    let html = shown(&b);
    assert!(html.contains("85,4%") && html.contains("2.186"), "{html}");
}


/// A change written with its sign (`+16%`) in a bar would be drawn as the level 16%: said
/// at its cell, never drawn unsigned. A fall keeps its minus and is drawn.
#[test]
fn a_sign_the_box_cannot_draw_is_said() {
    let csv = "Chỉ tiêu,Giá trị\nTỷ trọng GDP,khoảng 13–14%\nGMV,36% (ước tính)\nTăng trưởng,+16%\n";
    let f = faults(BAR, csv);
    assert_eq!(f.iter().map(Fault::code).collect::<Vec<_>>(), ["sign-not-shown"], "{f:?}");
    assert!(f[0].message(Lang::Vi).starts_with("dòng 4, cột B (“Giá trị”): Ô này là một thay đổi có dấu"), "{}", f[0].message(Lang::Vi));
    // Without it, the range and the estimate are kept as written.
    let csv = "Chỉ tiêu,Giá trị\nTỷ trọng GDP,khoảng 13–14%\nGMV,36% (ước tính)\nTăng trưởng,\"giảm 2,5%\"\n";
    let b = load_with(BAR, "ho-so", csv, Lang::Vi).expect("read");
    // (A qualifier and a status stay with their number by no-break spaces.)
    let html = shown(&b).replace('\u{a0}', " ");
    for written in ["khoảng 13–14%", "36% (ước tính)", "−2,5%"] {
        assert!(html.contains(written), "{written}: {html}");
    }
}
