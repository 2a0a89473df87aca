//! A table of broken documents and the exact messages each gets, in both languages.
//!
//! Each row is one mistake a journalist makes; the message must say where (JSON path,
//! line and column) and what to do. A row's document is a valid one with one thing broken.

use factbox::{Lang, load};

/// A valid bar box, for rows that break something else.
const BAR: &str =
    r#"{"id": "b", "kind": "bar", "title": "Hạng", "bars": [{"label": "Việt Nam", "value": 86}]}"#;

fn doc(boxes: &str) -> String {
    format!(r#"{{"version": 1, "boxes": [{boxes}]}}"#)
}

fn figures(figure: &str) -> String {
    doc(&format!(
        r#"{{"id": "f", "kind": "figures", "title": "Tiết kiệm", "figures": [{figure}]}}"#
    ))
}

/// Every message for `text` in `lang`: the document's, or each failed box's.
fn messages(text: &str, lang: Lang) -> Vec<String> {
    match load(text, None, lang) {
        Err(f) => f.problems.iter().map(|p| p.message(lang)).collect(),
        Ok(boxes) => boxes
            .into_iter()
            .filter_map(Result::err)
            .flat_map(|f| f.problems.into_iter().map(move |p| p.message(lang)))
            .collect(),
    }
}

/// A table box of a province column and a percentage column, with `extra` fields of the
/// box and these rows.
fn table_doc(extra: &str, rows: &str) -> String {
    doc(&format!(
        r#"{{"id": "t", "kind": "table", "title": "T", "columns": [{{"key": "tinh", "label": "Tỉnh"}}, {{"key": "ty_le", "label": "Tỉ lệ", "unit": "%"}}]{extra}, "rows": [{rows}]}}"#
    ))
}

/// A line box whose one series has `points`.
fn line_doc(points: &str) -> String {
    doc(&format!(
        r#"{{"id": "l", "kind": "line", "title": "T", "series": [{{"name": "A", "points": [{points}]}}]}}"#
    ))
}

struct Row {
    name: &'static str,
    text: String,
    en: &'static [&'static str],
    vi: &'static [&'static str],
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "empty file",
            text: "  \n".into(),
            en: &["the data file is empty"],
            vi: &["tệp dữ liệu trống"],
        },
        Row {
            name: "html page instead of json",
            text: "\n<!doctype html><html></html>".into(),
            en: &[
                "line 2, column 1: this is a web page (HTML), not JSON data — check the file's address",
            ],
            vi: &[
                "dòng 2, cột 1: đây là một trang web (HTML), không phải dữ liệu JSON — kiểm tra lại địa chỉ tệp",
            ],
        },
        Row {
            name: "missing comma between fields",
            text: "{\"version\": 1,\n \"boxes\": [\n  {\"id\": \"a\" \"kind\": \"bar\"}]}".into(),
            en: &[
                "boxes[0].id, line 3, column 14: missing `,` between two fields, or missing `}` closing the object",
            ],
            vi: &[
                "boxes[0].id, dòng 3, cột 14: thiếu dấu phẩy `,` giữa hai trường, hoặc thiếu dấu `}` đóng đối tượng",
            ],
        },
        Row {
            name: "trailing comma in an object",
            text: "{\"version\": 1, \"boxes\": [],\n}".into(),
            en: &[
                "boxes, line 2, column 1: a `,` right before `}` or `]` is not allowed in JSON: delete it",
            ],
            vi: &["boxes, dòng 2, cột 1: thừa dấu phẩy `,` ngay trước `}` hoặc `]`: hãy xoá nó"],
        },
        Row {
            name: "trailing comma in a list",
            text: "{\"version\": 1, \"boxes\": [1, ]}".into(),
            en: &[
                "boxes[0], line 1, column 29: a `,` right before `}` or `]` is not allowed in JSON: delete it",
            ],
            vi: &[
                "boxes[0], dòng 1, cột 29: thừa dấu phẩy `,` ngay trước `}` hoặc `]`: hãy xoá nó",
            ],
        },
        Row {
            name: "file cut short",
            text: "{\"version\": 1, \"boxes\": [".into(),
            en: &[
                "boxes, line 1, column 25: the file ends too early: a closing `}`, `]` or `\"` is missing",
            ],
            vi: &[
                "boxes, dòng 1, cột 25: tệp kết thúc giữa chừng: thiếu dấu đóng `}`, `]` hoặc `\"`",
            ],
        },
        Row {
            name: "unquoted field name",
            text: "{version: 1}".into(),
            en: &["line 1, column 2: field names must be in double quotes, e.g. \"title\""],
            vi: &["dòng 1, cột 2: tên trường phải nằm trong dấu ngoặc kép, ví dụ \"title\""],
        },
        Row {
            name: "single-quoted text",
            text: "{\"version\": 1, \"boxes\": ['a']}".into(),
            en: &[
                "boxes[0], line 1, column 26: a JSON value is needed here: text in double quotes \"…\", a number, true, false, null, [ … ] or { … }",
            ],
            vi: &[
                "boxes[0], dòng 1, cột 26: ở đây cần một giá trị JSON: chữ trong dấu ngoặc kép \"…\", một số, true, false, null, [ … ] hoặc { … }",
            ],
        },
        Row {
            name: "line break inside text",
            text: "{\"version\": 1, \"boxes\": [\"a\nb\"]}".into(),
            en: &[
                "boxes[0], line 1, column 28: text may not contain a line break or tab: write \\n, or add the missing closing quote",
            ],
            vi: &[
                "boxes[0], dòng 1, cột 28: chuỗi chữ không được chứa dấu xuống dòng hay tab: viết \\n, hoặc đóng dấu ngoặc kép đang thiếu",
            ],
        },
        Row {
            name: "wrong version",
            text: r#"{"version": 2, "boxes": []}"#.into(),
            en: &["version, line 1, column 13: format version 2 is not supported; this factbox reads version 1"],
            vi: &[
                "version, dòng 1, cột 13: phiên bản định dạng 2 chưa được hỗ trợ; bản factbox này đọc phiên bản 1",
            ],
        },
        Row {
            name: "no version",
            text: r#"{"boxes": []}"#.into(),
            en: &["line 1, column 13: the required field `version` is missing"],
            vi: &["dòng 1, cột 13: thiếu trường bắt buộc `version`"],
        },
        Row {
            name: "no boxes",
            text: r#"{"version": 1, "boxes": []}"#.into(),
            en: &["boxes, line 1, column 25: the list is empty: at least 1 needed"],
            vi: &["boxes, dòng 1, cột 25: danh sách trống: cần ít nhất 1 mục"],
        },
        Row {
            name: "unknown locale",
            text: format!(r#"{{"version": 1, "locale": "vn", "boxes": [{BAR}]}}"#),
            en: &["locale, line 1, column 26: there is no locale “vn”: did you mean `vi`? (use `vi-VN` or `en`)"],
            vi: &[
                "locale, dòng 1, cột 26: không có ngôn ngữ “vn”: có phải ý bạn là `vi`? (dùng `vi-VN` hoặc `en`)",
            ],
        },
        Row {
            name: "misspelt document field",
            text: format!(r#"{{"version": 1, "box": [{BAR}]}}"#),
            en: &["line 1, column 20: unknown field `box`: did you mean `boxes`?"],
            vi: &["dòng 1, cột 20: không có trường `box`: có phải ý bạn là `boxes`?"],
        },
        Row {
            name: "misspelt box field",
            text: doc(r#"{"id": "a", "kind": "figures", "titel": "X", "figures": []}"#),
            en: &["boxes[0], line 1, column 63: unknown field `titel`: did you mean `title`?"],
            vi: &["boxes[0], dòng 1, cột 63: không có trường `titel`: có phải ý bạn là `title`?"],
        },
        Row {
            name: "two misspelt fields in one box: both reported",
            text: doc(
                r#"{"id": "a", "kind": "figures", "titel": "X", "figures": [{"value": 1, "label": "x"}], "sourse": "Bộ"}"#,
            ),
            en: &[
                "boxes[0], line 1, column 63: unknown field `titel`: did you mean `title`?",
                "boxes[0], line 1, column 119: unknown field `sourse`: did you mean `source`?",
            ],
            vi: &[
                "boxes[0], dòng 1, cột 63: không có trường `titel`: có phải ý bạn là `title`?",
                "boxes[0], dòng 1, cột 119: không có trường `sourse`: có phải ý bạn là `source`?",
            ],
        },
        Row {
            name: "unknown field far from any",
            text: figures(r#"{"value": 1, "label": "x", "colour": "red"}"#),
            en: &[
                "boxes[0].figures[0], line 1, column 125: unknown field `colour`; the fields allowed here are `value`, `status`, `unit`, `label`, `qualifier`, `decimals`, `scale`, `compare`, `better`, `signed`, `rank`, `out_of`",
            ],
            vi: &[
                "boxes[0].figures[0], dòng 1, cột 125: không có trường `colour`; các trường hợp lệ ở đây: `value`, `status`, `unit`, `label`, `qualifier`, `decimals`, `scale`, `compare`, `better`, `signed`, `rank`, `out_of`",
            ],
        },
        Row {
            name: "number written as vietnamese text",
            text: figures(r#"{"value": "9.300", "label": "x"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 107: write numbers without quotes or thousands separators: 9300 instead of \"9.300\"",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 107: số phải viết không có dấu ngoặc kép và không có dấu phân cách hàng nghìn: viết 9300 thay cho \"9.300\"",
            ],
        },
        Row {
            name: "decimal comma written as text",
            text: figures(r#"{"value": "26,7", "label": "x"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 106: write numbers without quotes or thousands separators: 26.7 instead of \"26,7\"",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 106: số phải viết không có dấu ngoặc kép và không có dấu phân cách hàng nghìn: viết 26.7 thay cho \"26,7\"",
            ],
        },
        Row {
            name: "words where a number belongs",
            text: figures(r#"{"value": "hơn 9.300", "label": "x"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 111: write the value as JSON: \"value\": 9300, \"qualifier\": \"hơn\" instead of the text \"hơn 9.300\"",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 111: viết giá trị bằng JSON: \"value\": 9300, \"qualifier\": \"hơn\" thay cho chữ \"hơn 9.300\"",
            ],
        },
        Row {
            name: "number too large to read",
            text: figures(r#"{"value": 1e999, "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 105: the number is too large"],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 105: số quá lớn"],
        },
        Row {
            name: "number too large to show",
            text: figures(r#"{"value": 1e20, "label": "x"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 101: the number 100000000000000000000 is too large to show",
            ],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 101: số 100000000000000000000 quá lớn để hiển thị"],
        },
        Row {
            name: "text where an object belongs",
            text: figures(r#""9300""#),
            en: &[
                "boxes[0].figures[0], line 1, column 96: expected an object { … }, found the text “9300”",
            ],
            vi: &[
                "boxes[0].figures[0], dòng 1, cột 96: cần một đối tượng { … }, nhưng ở đây là chữ “9300”",
            ],
        },
        Row {
            name: "missing label",
            text: figures(r#"{"value": 1}"#),
            en: &["boxes[0].figures[0], line 1, column 102: the required field `label` is missing"],
            vi: &["boxes[0].figures[0], dòng 1, cột 102: thiếu trường bắt buộc `label`"],
        },
        Row {
            name: "missing kind",
            text: doc(r#"{"id": "a", "title": "X"}"#),
            en: &["boxes[0], line 1, column 26: the required field `kind` is missing"],
            vi: &["boxes[0], dòng 1, cột 26: thiếu trường bắt buộc `kind`"],
        },
        Row {
            name: "misspelt kind",
            text: doc(r#"{"id": "a", "kind": "bars", "title": "X"}"#),
            en: &["boxes[0].kind, line 1, column 46: there is no box kind “bars”: did you mean `bar`?"],
            vi: &["boxes[0].kind, dòng 1, cột 46: không có loại hộp “bars”: có phải ý bạn là `bar`?"],
        },
        Row {
            name: "kind that does not exist",
            text: doc(r#"{"id": "a", "kind": "pie", "title": "X"}"#),
            en: &[
                "boxes[0].kind, line 1, column 46: there is no box kind “pie”; the kinds are `figures`, `bar`, `rank-change`, `line`, `share`, `progress`, `table`",
            ],
            vi: &[
                "boxes[0].kind, dòng 1, cột 46: không có loại hộp “pie”; các loại hiện có: `figures`, `bar`, `rank-change`, `line`, `share`, `progress`, `table`",
            ],
        },
        Row {
            name: "kind as a number",
            text: doc(r#"{"id": "a", "kind": 2, "title": "X"}"#),
            en: &["boxes[0].kind, line 1, column 46: expected text in double quotes, found the number 2"],
            vi: &["boxes[0].kind, dòng 1, cột 46: cần một chuỗi chữ trong dấu ngoặc kép, nhưng ở đây là số 2"],
        },
        Row {
            name: "misspelt sort order",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "X", "bars": [{"label": "A", "value": 1}], "sort": "descend"}"#,
            ),
            en: &[
                "boxes[0].sort, line 1, column 121: “descend” is not allowed here: did you mean `descending`?",
            ],
            vi: &[
                "boxes[0].sort, dòng 1, cột 121: giá trị “descend” không hợp lệ: có phải ý bạn là `descending`?",
            ],
        },
        Row {
            name: "empty title, empty bars, unknown highlight: all at once",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": " ", "bars": [], "highlight": ["Lào"]}"#,
            ),
            en: &[
                "boxes[0].title, line 1, column 62: this text must not be empty",
                "boxes[0].bars, line 1, column 75: the list is empty: at least 1 needed",
                "boxes[0].highlight[0], line 1, column 93: no bar is labelled “Lào”",
            ],
            vi: &[
                "boxes[0].title, dòng 1, cột 62: chữ không được để trống",
                "boxes[0].bars, dòng 1, cột 75: danh sách trống: cần ít nhất 1 mục",
                "boxes[0].highlight[0], dòng 1, cột 93: không có cột nào tên “Lào”",
            ],
        },
        Row {
            name: "highlight without diacritics",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "Việt Nam", "value": 86}], "highlight": ["Viet Nam"]}"#,
            ),
            en: &["boxes[0].highlight[0], line 1, column 127: no bar is labelled “Viet Nam”: did you mean “Việt Nam”?"],
            vi: &[
                "boxes[0].highlight[0], dòng 1, cột 127: không có cột nào tên “Viet Nam”: có phải ý bạn là “Việt Nam”?",
            ],
        },
        Row {
            name: "two bars with one label",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "Lào", "value": 1}, {"label": "Lào", "value": 2}]}"#,
            ),
            en: &["boxes[0].bars[1].label, line 1, column 116: the label “Lào” appears twice"],
            vi: &["boxes[0].bars[1].label, dòng 1, cột 116: nhãn “Lào” xuất hiện hai lần"],
        },
        Row {
            name: "seven figures",
            text: doc(&format!(
                r#"{{"id": "a", "kind": "figures", "title": "T", "figures": [{}]}}"#,
                [r#"{"value": 1, "label": "x"}"#; 7].join(", ")
            )),
            en: &["boxes[0].figures, line 1, column 82: 7 items, more than the 6 this box can show"],
            vi: &["boxes[0].figures, dòng 1, cột 82: có 7 mục, nhiều hơn mức tối đa 6 mà hộp này hiển thị được"],
        },
        Row {
            name: "date that does not exist",
            text: figures(
                r#"{"value": 1, "label": "x", "compare": {"value": 2, "date": "2021-02-30"}}"#,
            ),
            en: &[
                "boxes[0].figures[0].compare.date, line 1, column 150: the date “2021-02-30” is not valid: write it as 2024, 2024-08 or 2024-08-31",
            ],
            vi: &[
                "boxes[0].figures[0].compare.date, dòng 1, cột 150: ngày “2021-02-30” không hợp lệ: viết năm-tháng-ngày theo dạng 2024, 2024-08 hoặc 2024-08-31",
            ],
        },
        Row {
            name: "date written the vietnamese way",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}], "as_of": "8/2024"}"#,
            ),
            en: &[
                "boxes[0].as_of, line 1, column 114: JSON dates are written year-month-day: \"2024-08\" for “8/2024”",
            ],
            vi: &[
                "boxes[0].as_of, dòng 1, cột 114: ngày “8/2024” trong JSON viết theo thứ tự năm-tháng-ngày: \"2024-08\"",
            ],
        },
        Row {
            name: "ratio from zero",
            text: figures(
                r#"{"value": 1, "label": "x", "compare": {"value": 0, "show": "ratio"}}"#,
            ),
            en: &[
                "boxes[0].figures[0].compare.show, line 1, column 150: a percent or ratio change from 0 has no meaning: use \"show\": \"difference\"",
            ],
            vi: &[
                "boxes[0].figures[0].compare.show, dòng 1, cột 150: không thể tính phần trăm hay số lần thay đổi so với giá trị 0: dùng \"show\": \"difference\"",
            ],
        },
        Row {
            name: "script link",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}], "source": {"text": "x", "url": "javascript:alert(1)"}}"#,
            ),
            en: &[
                "boxes[0].source.url, line 1, column 136: the link “javascript:alert(1)” must start with https:// or http://",
            ],
            vi: &[
                "boxes[0].source.url, dòng 1, cột 136: liên kết “javascript:alert(1)” phải bắt đầu bằng https:// hoặc http://",
            ],
        },
        Row {
            name: "live data over http",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}], "data": {"url": "http://example.org/x.csv", "refresh": 10}}"#,
            ),
            en: &[
                "boxes[0].data.url, line 1, column 121: the data address “http://example.org/x.csv” must start with https:// or be a path on the article's own site (data/figures.csv): browsers do not read data over http:// from an https page",
                "boxes[0].data.refresh, line 1, column 160: `refresh` is 10 seconds: it must be 30 to 86400 seconds (a day), or left out to read the data once",
            ],
            vi: &[
                "boxes[0].data.url, dòng 1, cột 121: địa chỉ dữ liệu “http://example.org/x.csv” phải bắt đầu bằng https:// hoặc là một đường dẫn trên chính trang báo (data/so-lieu.csv): trình duyệt không đọc dữ liệu qua http:// từ một trang https",
                "boxes[0].data.refresh, dòng 1, cột 160: `refresh` là 10 giây: cần từ 30 đến 86400 giây (một ngày), hoặc bỏ đi để đọc dữ liệu một lần",
            ],
        },
        Row {
            name: "source as a number",
            text: doc(
                r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}], "source": 5}"#,
            ),
            en: &[
                "boxes[0].source, line 1, column 115: expected text in double quotes or an object { … }, found the number 5",
            ],
            vi: &[
                "boxes[0].source, dòng 1, cột 115: cần chữ trong dấu ngoặc kép hoặc một đối tượng { … }, nhưng ở đây là số 5",
            ],
        },
        Row {
            name: "id with spaces and diacritics",
            text: doc(
                r#"{"id": "tiết kiệm", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &[
                "boxes[0].id, line 1, column 33: the id “tiết kiệm” may contain only letters a–z, digits, `-` and `_`: write \"tiet-kiem\"",
            ],
            vi: &[
                "boxes[0].id, dòng 1, cột 33: id “tiết kiệm” chỉ được gồm chữ cái không dấu, chữ số, `-` và `_`: viết \"tiet-kiem\"",
            ],
        },
        Row {
            name: "duplicate id: the second box fails",
            text: doc(&format!("{BAR}, {BAR}")),
            en: &[
                "boxes[1].id, line 1, column 124: the id “b” is already used by another box in this file; each box needs its own",
            ],
            vi: &[
                "boxes[1].id, dòng 1, cột 124: id “b” đã được dùng cho một hộp khác trong tệp; mỗi hộp cần id riêng",
            ],
        },
        Row {
            name: "negative decimals",
            text: figures(r#"{"value": 1, "label": "x", "decimals": -1}"#),
            en: &[
                "boxes[0].figures[0].decimals, line 1, column 131: expected a whole number, 0 or more, found the number -1",
            ],
            vi: &[
                "boxes[0].figures[0].decimals, dòng 1, cột 131: cần một số nguyên không âm, nhưng ở đây là số -1",
            ],
        },
        Row {
            name: "title too long",
            text: doc(&format!(
                r#"{{"id": "a", "kind": "bar", "title": "{}", "bars": [{{"label": "A", "value": 1}}]}}"#,
                "x".repeat(161)
            )),
            en: &["boxes[0].title, line 1, column 62: 161 characters long, at most 160: please shorten it"],
            vi: &["boxes[0].title, dòng 1, cột 62: dài 161 ký tự, tối đa 160: hãy rút gọn"],
        },
        Row {
            name: "a 20 MB file",
            text: format!("{}{}", " ".repeat(20 * 1024 * 1024), doc(BAR)),
            en: &[
                "the file is 20.0 MB, more than the 2.0 MB factbox reads: split the boxes into several files, or use fewer data points",
            ],
            vi: &[
                "tệp nặng 20,0 MB, quá mức 2,0 MB mà factbox đọc được: hãy tách các hộp ra nhiều tệp, hoặc bớt số điểm dữ liệu",
            ],
        },
        Row {
            name: "a line of 100,000 points",
            text: line_doc(
                &(0..100_000)
                    .map(|i| {
                        format!(
                            r#"{{"date": "{}-{:02}", "value": {i}}}"#,
                            1000 + i / 12 % 9000,
                            i % 12 + 1
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            en: &[
                "the file is 3.4 MB, more than the 2.0 MB factbox reads: split the boxes into several files, or use fewer data points",
            ],
            vi: &[
                "tệp nặng 3,4 MB, quá mức 2,0 MB mà factbox đọc được: hãy tách các hộp ra nhiều tệp, hoặc bớt số điểm dữ liệu",
            ],
        },
        Row {
            name: "a line of 10,001 points",
            text: line_doc(
                &(0..10_001)
                    .map(|i| {
                        format!(
                            r#"{{"date": "{}-{:02}", "value": {i}}}"#,
                            1000 + i / 12,
                            i % 12 + 1
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            en: &["boxes[0].series[0].points, line 1, column 103: 10001 items, more than the 10000 this box can show"],
            vi: &[
                "boxes[0].series[0].points, dòng 1, cột 103: có 10001 mục, nhiều hơn mức tối đa 10000 mà hộp này hiển thị được",
            ],
        },
        Row {
            name: "NaN written as a number",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": NaN}]}"#,
            ),
            en: &[
                "boxes[0].bars[0].value, line 1, column 100: a JSON value is needed here: text in double quotes \"…\", a number, true, false, null, [ … ] or { … }",
            ],
            vi: &[
                "boxes[0].bars[0].value, dòng 1, cột 100: ở đây cần một giá trị JSON: chữ trong dấu ngoặc kép \"…\", một số, true, false, null, [ … ] hoặc { … }",
            ],
        },
        Row {
            name: "Infinity written as a number",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": -Infinity}]}"#,
            ),
            en: &[
                "boxes[0].bars[0].value, line 1, column 101: malformed number: use a point for decimals (26.7) and no leading zeros",
            ],
            vi: &[
                "boxes[0].bars[0].value, dòng 1, cột 101: số viết sai: dùng dấu chấm cho phần thập phân (26.7) và không có số 0 ở đầu",
            ],
        },
        Row {
            name: "true where a number belongs",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": true}]}"#,
            ),
            en: &["boxes[0].bars[0].value, line 1, column 103: expected a number, found true"],
            vi: &["boxes[0].bars[0].value, dòng 1, cột 103: cần một số, nhưng ở đây là true"],
        },
        Row {
            name: "null title",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": null, "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &["boxes[0].title, line 1, column 65: expected text in double quotes, found null"],
            vi: &[
                "boxes[0].title, dòng 1, cột 65: cần một chuỗi chữ trong dấu ngoặc kép, nhưng ở đây là null",
            ],
        },
        Row {
            name: "title of spaces only",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "   ", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &["boxes[0].title, line 1, column 62: this text must not be empty"],
            vi: &["boxes[0].title, dòng 1, cột 62: chữ không được để trống"],
        },
        Row {
            name: "bars as an object",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "bars": {"label": "A", "value": 1}}"#,
            ),
            en: &[
                "boxes[0].bars, line 1, column 100: expected a list [ … ], found an object { … }",
            ],
            vi: &[
                "boxes[0].bars, dòng 1, cột 100: cần một danh sách [ … ], nhưng ở đây là một đối tượng { … }",
            ],
        },
        Row {
            name: "a field given twice",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "title": "U", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &["boxes[0], line 1, column 117: the field `title` appears twice"],
            vi: &["boxes[0], dòng 1, cột 117: trường `title` xuất hiện hai lần"],
        },
        Row {
            name: "empty list of figures",
            text: doc(r#"{"id": "f", "kind": "figures", "title": "T", "figures": []}"#),
            en: &["boxes[0].figures, line 1, column 82: the list is empty: at least 1 needed"],
            vi: &["boxes[0].figures, dòng 1, cột 82: danh sách trống: cần ít nhất 1 mục"],
        },
        Row {
            name: "too many bars",
            text: doc(&format!(
                r#"{{"id": "b", "kind": "bar", "title": "T", "bars": [{}]}}"#,
                (0..101)
                    .map(|i| format!(r#"{{"label": "L{i}", "value": {i}}}"#))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
            en: &["boxes[0].bars, line 1, column 75: 101 items, more than the 100 this box can show"],
            vi: &["boxes[0].bars, dòng 1, cột 75: có 101 mục, nhiều hơn mức tối đa 100 mà hộp này hiển thị được"],
        },
        Row {
            name: "a line with no series",
            text: doc(r#"{"id": "l", "kind": "line", "title": "T", "series": []}"#),
            en: &["boxes[0].series, line 1, column 78: the list is empty: at least 1 needed"],
            vi: &["boxes[0].series, dòng 1, cột 78: danh sách trống: cần ít nhất 1 mục"],
        },
        Row {
            name: "a series with no points",
            text: line_doc(""),
            en: &["boxes[0].series[0].points, line 1, column 103: the list is empty: at least 1 needed"],
            vi: &["boxes[0].series[0].points, dòng 1, cột 103: danh sách trống: cần ít nhất 1 mục"],
        },
        Row {
            name: "two points on one date",
            text: line_doc(r#"{"date": "2024-08", "value": 1}, {"date": "2024-08", "value": 2}"#),
            en: &["boxes[0].series[0].points, line 1, column 103: the date “8/2024” appears twice in one series"],
            vi: &[
                "boxes[0].series[0].points, dòng 1, cột 103: ngày “8/2024” xuất hiện hai lần trong cùng một dãy số",
            ],
        },
        Row {
            name: "month 13",
            text: line_doc(r#"{"date": "2024-13", "value": 1}"#),
            en: &[
                "boxes[0].series[0].points[0].date, line 1, column 113: the date “2024-13” is not valid: write it as 2024, 2024-08 or 2024-08-31",
            ],
            vi: &[
                "boxes[0].series[0].points[0].date, dòng 1, cột 113: ngày “2024-13” không hợp lệ: viết năm-tháng-ngày theo dạng 2024, 2024-08 hoặc 2024-08-31",
            ],
        },
        Row {
            name: "29 February of a common year",
            text: line_doc(r#"{"date": "2023-02-29", "value": 1}"#),
            en: &[
                "boxes[0].series[0].points[0].date, line 1, column 113: the date “2023-02-29” is not valid: write it as 2024, 2024-08 or 2024-08-31",
            ],
            vi: &[
                "boxes[0].series[0].points[0].date, dòng 1, cột 113: ngày “2023-02-29” không hợp lệ: viết năm-tháng-ngày theo dạng 2024, 2024-08 hoặc 2024-08-31",
            ],
        },
        Row {
            name: "annotation on a series that does not exist",
            text: doc(
                r#"{"id": "l", "kind": "line", "title": "T", "series": [{"name": "A", "points": [{"date": "2024", "value": 1}]}], "annotations": [{"series": "B", "date": "2024", "label": "x"}]}"#,
            ),
            en: &["boxes[0].annotations[0].series, line 1, column 164: there is no series “B”: did you mean “A”?"],
            vi: &["boxes[0].annotations[0].series, dòng 1, cột 164: không có dãy số “B”: có phải ý bạn là “A”?"],
        },
        Row {
            name: "shares above their total",
            text: doc(
                r#"{"id": "s", "kind": "share", "title": "T", "total": 10, "parts": [{"label": "A", "value": 8}, {"label": "B", "value": 5}]}"#,
            ),
            en: &[
                "boxes[0].total, line 1, column 78: the parts add up to 13, more than the total 10: check the figures",
            ],
            vi: &[
                "boxes[0].total, dòng 1, cột 78: các phần cộng lại được 13, lớn hơn tổng 10: kiểm tra lại số liệu",
            ],
        },
        Row {
            name: "a share of one part",
            text: doc(
                r#"{"id": "s", "kind": "share", "title": "T", "total": 10, "parts": [{"label": "A", "value": 8}]}"#,
            ),
            en: &["boxes[0].parts, line 1, column 91: 1 item, at least 2 needed"],
            vi: &["boxes[0].parts, dòng 1, cột 91: có 1 mục, cần ít nhất 2"],
        },
        Row {
            name: "a negative share",
            text: doc(
                r#"{"id": "s", "kind": "share", "title": "T", "total": 10, "parts": [{"label": "A", "value": -2}, {"label": "B", "value": 5}]}"#,
            ),
            en: &["boxes[0].parts[0].value, line 1, column 116: must not be negative (-2)"],
            vi: &["boxes[0].parts[0].value, dòng 1, cột 116: không được là số âm (-2)"],
        },
        Row {
            name: "rank 0",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2020", "items": [{"label": "A", "from": 0, "to": 3}]}"#,
            ),
            en: &["boxes[0].items[0].from, line 1, column 148: ranks start at 1: there is no rank 0"],
            vi: &["boxes[0].items[0].from, dòng 1, cột 148: thứ hạng bắt đầu từ 1: không có hạng 0"],
        },
        Row {
            name: "rank beyond out_of",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2020", "out_of": 193, "items": [{"label": "A", "from": 88, "to": 200}]}"#,
            ),
            en: &["boxes[0].items[0].to, line 1, column 173: rank 200 is larger than the 193 in `out_of`"],
            vi: &["boxes[0].items[0].to, dòng 1, cột 173: hạng 200 lớn hơn tổng số 193 trong `out_of`"],
        },
        Row {
            name: "ranks dated backwards",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2020", "to_date": "2018", "items": [{"label": "A", "from": 88, "to": 86}]}"#,
            ),
            en: &["boxes[0].to_date, line 1, column 107: the date “2018” must be after `from_date` “2020”"],
            vi: &["boxes[0].to_date, dòng 1, cột 107: ngày “2018” phải sau `from_date` “2020”"],
        },
        Row {
            name: "progress above its maximum",
            text: doc(
                r#"{"id": "p", "kind": "progress", "title": "T", "label": "x", "value": 120, "max": 100}"#,
            ),
            en: &["boxes[0].value, line 1, column 95: 120 is outside the scale from 0 to 100"],
            vi: &["boxes[0].value, dòng 1, cột 95: 120 nằm ngoài thang đo từ 0 đến 100"],
        },
        Row {
            name: "progress with a maximum of zero",
            text: doc(
                r#"{"id": "p", "kind": "progress", "title": "T", "label": "x", "value": 0, "max": 0}"#,
            ),
            en: &["boxes[0].max, line 1, column 105: must be more than 0 (0)"],
            vi: &["boxes[0].max, dòng 1, cột 105: phải lớn hơn 0 (0)"],
        },
        Row {
            name: "an ftp link",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "source": {"text": "S", "url": "ftp://example.org/data"}, "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &[
                "boxes[0].source.url, line 1, column 98: the link “ftp://example.org/data” must start with https:// or http://",
            ],
            vi: &[
                "boxes[0].source.url, dòng 1, cột 98: liên kết “ftp://example.org/data” phải bắt đầu bằng https:// hoặc http://",
            ],
        },
        Row {
            name: "an empty id",
            text: doc(
                r#"{"id": "", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &[
                "boxes[0].id, line 1, column 33: the id “” may contain only letters a–z, digits, `-` and `_`, e.g. \"savings\"",
            ],
            vi: &[
                "boxes[0].id, dòng 1, cột 33: id “” chỉ được gồm chữ cái không dấu, chữ số, `-` và `_`, ví dụ \"tiet-kiem\"",
            ],
        },
        Row {
            name: "a bad escape in text",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "C:\q", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &["boxes[0].title, line 1, column 66: a `\\` inside text must be written `\\\\`"],
            vi: &["boxes[0].title, dòng 1, cột 66: dấu `\\` trong chuỗi chữ phải viết là `\\\\`"],
        },
        Row {
            name: "a tab inside text",
            text: doc(
                "{\"id\": \"b\", \"kind\": \"bar\", \"title\": \"a\tb\", \"bars\": [{\"label\": \"A\", \"value\": 1}]}",
            ),
            en: &[
                "boxes[0].title, line 1, column 64: text may not contain a line break or tab: write \\n, or add the missing closing quote",
            ],
            vi: &[
                "boxes[0].title, dòng 1, cột 64: chuỗi chữ không được chứa dấu xuống dòng hay tab: viết \\n, hoặc đóng dấu ngoặc kép đang thiếu",
            ],
        },
        Row {
            name: "nesting 100 deep",
            text: format!("{}{}", "[".repeat(100), "]".repeat(100)),
            en: &[
                "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0], line 1, column 66: the data is nested too deeply [ [ [ … ] ] ]",
            ],
            vi: &[
                "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0], dòng 1, cột 66: dữ liệu lồng nhau quá nhiều tầng [ [ [ … ] ] ]",
            ],
        },
        // Issue 11: the mistakes Vietnamese journalists make, and data that would make a
        // box say what it does not.
        Row {
            name: "decimal comma in a number",
            text: figures(r#"{"value": 0,8125, "label": "Điểm"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 103: a decimal comma in a number: JSON writes decimals with a point: write 0.8125 instead of 0,8125",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 103: số có dấu phẩy thập phân: JSON viết phần thập phân bằng dấu chấm: viết 0.8125 thay cho 0,8125",
            ],
        },
        Row {
            name: "thousands points before a decimal comma",
            text: figures(r#"{"label": "Điểm", "value": 1.234,5}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 124: a decimal comma in a number: JSON writes decimals with a point: write 1234.5 instead of 1.234,5",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 124: số có dấu phẩy thập phân: JSON viết phần thập phân bằng dấu chấm: viết 1234.5 thay cho 1.234,5",
            ],
        },
        Row {
            name: "thousands points in a number",
            text: figures(r#"{"value": 16.400.000, "label": "Tài khoản"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 107: a number with points between its thousands: JSON writes it without them, 16400000 (factbox adds them when it shows the number)",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 107: số viết có dấu chấm phân cách hàng nghìn: trong JSON viết liền, 16400000, không có dấu chấm (factbox tự thêm khi hiển thị)",
            ],
        },
        Row {
            name: "curly quotes from a word processor",
            text: "{\"version\": 1, \"boxes\": [{\"id\": \"a\", \"kind\": \"bar\", \"title\": “Hạng”}]}".into(),
            en: &[
                "boxes[0].title, line 1, column 62: a curly quote “ (a word processor's): JSON needs straight double quotes \"",
            ],
            vi: &[
                "boxes[0].title, dòng 1, cột 62: dấu ngoặc kép cong “ (thường do Word hoặc trình soạn thảo tự đổi): JSON chỉ dùng dấu ngoặc kép thẳng \"",
            ],
        },
        Row {
            name: "curly quote around a field name",
            text: "{“version”: 1}".into(),
            en: &[
                "line 1, column 2: a curly quote “ (a word processor's): JSON needs straight double quotes \"",
            ],
            vi: &[
                "dòng 1, cột 2: dấu ngoặc kép cong “ (thường do Word hoặc trình soạn thảo tự đổi): JSON chỉ dùng dấu ngoặc kép thẳng \"",
            ],
        },
        Row {
            name: "unquoted percent",
            text: figures(r#"{"value": 31%, "label": "Dịch vụ mức độ 4"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 103: a % sign after a number: write 31 and put \"%\" in the \"unit\" field",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 103: dấu % sau số: viết 31 và đặt \"%\" vào trường \"unit\"",
            ],
        },
        Row {
            name: "a Vietnamese thousands point that JSON reads as a decimal",
            text: figures(r#"{"value": 4.543, "label": "thủ tục"}"#),
            // An English box shows 4.543 as written, and its readers read it as a decimal.
            en: &[],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 101: 4.543 trong JSON là một số thập phân, sẽ hiển thị là 4,543: nếu ý bạn là 4543 (dấu chấm phân cách hàng nghìn) hãy viết 4543; nếu đúng là số thập phân, đặt \"decimals\": 3",
            ],
        },
        Row {
            name: "an id with spaces, diacritics and a year",
            text: doc(
                r#"{"id": "Xếp hạng 2020", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &[
                "boxes[0].id, line 1, column 33: the id “Xếp hạng 2020” may contain only letters a–z, digits, `-` and `_`: write \"xep-hang-2020\"",
            ],
            vi: &[
                "boxes[0].id, dòng 1, cột 33: id “Xếp hạng 2020” chỉ được gồm chữ cái không dấu, chữ số, `-` và `_`: viết \"xep-hang-2020\"",
            ],
        },
        Row {
            name: "spreadsheet noise: too many decimals",
            text: figures(r#"{"value": 0.30000000000000004, "label": "Tỉ lệ"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 101: 0.30000000000000004 has 17 decimal places; factbox shows at most 6: write the number as it is published (a long one such as 0.30000000000000004 usually comes from a spreadsheet)",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 101: số 0.30000000000000004 có 17 chữ số thập phân, factbox hiển thị tối đa 6: hãy viết số như khi đăng báo (số dài như 0.30000000000000004 thường do bảng tính sinh ra)",
            ],
        },
        Row {
            name: "more digits than can be shown exactly",
            text: figures(r#"{"value": 1234567890.123456, "label": "Tiền"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 101: 1234567890.123456 has 16 significant digits; only 15 can be shown exactly: round it",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 101: số 1234567890.123456 có 16 chữ số có nghĩa; chỉ 15 chữ số được hiển thị chính xác: hãy làm tròn",
            ],
        },
        Row {
            name: "a scale word that would round the number",
            text: figures(r#"{"value": 16431234, "scale": "million", "label": "Tài khoản"}"#),
            en: &[
                "boxes[0].figures[0].value, line 1, column 101: with this `scale` the number would show as 16.431234\u{a0}million: set \"decimals\": 2 to round it to 16.43\u{a0}million, or remove `scale`",
            ],
            vi: &[
                "boxes[0].figures[0].value, dòng 1, cột 101: với `scale` này, số sẽ hiển thị là 16,431234\u{a0}triệu: đặt \"decimals\": 2 nếu muốn làm tròn thành 16,43\u{a0}triệu, hoặc bỏ `scale`",
            ],
        },
        Row {
            name: "a rank that is not whole",
            text: doc(
                r#"{"id": "r", "kind": "bar", "title": "T", "ranks": true, "bars": [{"label": "Việt Nam", "value": 86.5}]}"#,
            ),
            en: &[
                "boxes[0].bars[0].value, line 1, column 122: a rank is a whole number from 1: 86.5 is not one",
            ],
            vi: &[
                "boxes[0].bars[0].value, dòng 1, cột 122: thứ hạng là số nguyên từ 1 trở lên: 86.5 không phải thứ hạng",
            ],
        },
        Row {
            name: "rank 0 in a chart of ranks",
            text: doc(
                r#"{"id": "r", "kind": "bar", "title": "T", "ranks": true, "bars": [{"label": "Việt Nam", "value": 0}]}"#,
            ),
            en: &[
                "boxes[0].bars[0].value, line 1, column 122: ranks start at 1: there is no rank 0",
            ],
            vi: &[
                "boxes[0].bars[0].value, dòng 1, cột 122: thứ hạng bắt đầu từ 1: không có hạng 0",
            ],
        },
        Row {
            name: "a rank beyond out_of in a line of ranks",
            text: doc(
                r#"{"id": "r", "kind": "line", "title": "T", "ranks": true, "out_of": 193, "series": [{"name": "Việt Nam", "points": [{"date": "2020", "value": 86}, {"date": "2022", "value": 198}]}]}"#,
            ),
            en: &[
                "boxes[0].series[0].points[1].value, line 1, column 198: rank 198 is larger than the 193 in `out_of`",
            ],
            vi: &[
                "boxes[0].series[0].points[1].value, dòng 1, cột 198: hạng 198 lớn hơn tổng số 193 trong `out_of`",
            ],
        },
        Row {
            name: "ranks said to be higher-is-better",
            text: doc(
                r#"{"id": "r", "kind": "bar", "title": "T", "ranks": true, "better": "higher", "bars": [{"label": "Việt Nam", "value": 86}]}"#,
            ),
            en: &[
                "boxes[0].better, line 1, column 92: \"ranks\": true means lower is better (rank 1 is the best): remove \"better\": \"higher\"",
            ],
            vi: &[
                "boxes[0].better, dòng 1, cột 92: \"ranks\": true nghĩa là số nhỏ hơn thì tốt hơn (hạng 1 là cao nhất): bỏ \"better\": \"higher\"",
            ],
        },
        Row {
            name: "out_of without ranks",
            text: doc(
                r#"{"id": "r", "kind": "bar", "title": "T", "out_of": 193, "bars": [{"label": "Việt Nam", "value": 86}]}"#,
            ),
            en: &[
                "boxes[0].out_of, line 1, column 77: `out_of` is for ranks: add \"ranks\": true, or remove `out_of`",
            ],
            vi: &[
                "boxes[0].out_of, dòng 1, cột 77: `out_of` chỉ dùng cho thứ hạng: thêm \"ranks\": true, hoặc bỏ `out_of`",
            ],
        },
        Row {
            name: "ranks as columns",
            text: doc(
                r#"{"id": "r", "kind": "bar", "title": "T", "ranks": true, "orientation": "vertical", "bars": [{"label": "2020", "value": 86}]}"#,
            ),
            en: &[
                "boxes[0].orientation, line 1, column 97: ranks are not drawn as columns: for ranks over time use \"kind\": \"line\" with \"ranks\": true; for a ranking, leave `orientation` out",
            ],
            vi: &[
                "boxes[0].orientation, dòng 1, cột 97: thứ hạng không vẽ thành cột đứng: để thể hiện thứ hạng qua các năm, dùng \"kind\": \"line\" với \"ranks\": true; với một bảng xếp hạng, bỏ `orientation`",
            ],
        },
        Row {
            name: "a rank compared as a percent",
            text: doc(
                r#"{"id": "f", "kind": "figures", "title": "T", "ranks": true, "figures": [{"value": 86, "label": "EGDI", "compare": {"value": 88, "show": "percent"}}]}"#,
            ),
            en: &[
                "boxes[0].figures[0].compare.show, line 1, column 162: a rank changes by places, not by “percent”: use \"show\": \"rank\" (or leave `show` out)",
            ],
            vi: &[
                "boxes[0].figures[0].compare.show, dòng 1, cột 162: thay đổi của thứ hạng được tính bằng số bậc, không phải “percent”: dùng \"show\": \"rank\" (hoặc bỏ `show`)",
            ],
        },
        Row {
            name: "show rank on a higher-is-better figure",
            text: figures(r#"{"value": 86, "label": "EGDI", "better": "higher", "compare": {"value": 88, "show": "rank"}}"#),
            en: &[
                "boxes[0].figures[0].compare.show, line 1, column 175: \"show\": \"rank\" compares ranks (lower is better), but this figure has \"better\": \"higher\": remove one of them",
            ],
            vi: &[
                "boxes[0].figures[0].compare.show, dòng 1, cột 175: \"show\": \"rank\" so sánh thứ hạng (số nhỏ hơn là tốt hơn), nhưng số liệu này có \"better\": \"higher\": bỏ một trong hai",
            ],
        },
        Row {
            name: "max on a progress box of ranks",
            text: doc(
                r#"{"id": "p", "kind": "progress", "title": "T", "ranks": true, "value": 86, "target": 70, "max": 193, "label": "EGDI"}"#,
            ),
            en: &[
                "boxes[0].max, line 1, column 121: `max` is not used with ranks: the scale runs from `out_of` (or the largest rank) to 1; use `out_of`",
            ],
            vi: &[
                "boxes[0].max, dòng 1, cột 121: `max` không dùng cho thứ hạng: thang đo chạy từ `out_of` (hoặc hạng lớn nhất) đến hạng 1; dùng `out_of`",
            ],
        },
        Row {
            name: "a deadline without the date of the value",
            text: doc(
                r#"{"id": "p", "kind": "progress", "title": "T", "value": 31, "target": 30, "target_date": "2020", "label": "Mức độ 4"}"#,
            ),
            en: &[
                "boxes[0].target_date, line 1, column 114: `target_date` needs `as_of`, the date of the value, so that the box can tell whether the deadline had passed: add e.g. \"as_of\": \"2024-08\"",
            ],
            vi: &[
                "boxes[0].target_date, dòng 1, cột 114: `target_date` cần `as_of`, ngày của số liệu, để hộp biết hạn chót đã qua hay chưa: thêm ví dụ \"as_of\": \"2024-08\"",
            ],
        },
        Row {
            name: "a rank-change box given a list of dates",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2022", "dates": ["2018", "2020", "2022"], "items": [{"label": "Việt Nam", "from": 88, "to": 86}]}"#,
            ),
            en: &[
                "boxes[0], line 1, column 121: a rank-change box compares two dates (`from_date`, `to_date`): for ranks at more dates use \"kind\": \"line\" with \"ranks\": true, one series per item and one point per date; each rank is one number (an arrow cannot start or end at a range of ranks)",
            ],
            vi: &[
                "boxes[0], dòng 1, cột 121: hộp rank-change chỉ so sánh hai thời điểm (`from_date`, `to_date`): với thứ hạng qua nhiều thời điểm, dùng \"kind\": \"line\" với \"ranks\": true, mỗi nước một dãy số (series), mỗi thời điểm một điểm; mỗi hạng là một số (không vẽ được mũi tên từ một khoảng hạng)",
            ],
        },
        Row {
            name: "a rank-change item with a third date",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2022", "items": [{"label": "Việt Nam", "from": 88, "2020": 86, "to": 86}]}"#,
            ),
            en: &[
                "boxes[0].items[0], line 1, column 164: a rank-change box compares two dates (`from_date`, `to_date`): for ranks at more dates use \"kind\": \"line\" with \"ranks\": true, one series per item and one point per date; each rank is one number (an arrow cannot start or end at a range of ranks)",
            ],
            vi: &[
                "boxes[0].items[0], dòng 1, cột 164: hộp rank-change chỉ so sánh hai thời điểm (`from_date`, `to_date`): với thứ hạng qua nhiều thời điểm, dùng \"kind\": \"line\" với \"ranks\": true, mỗi nước một dãy số (series), mỗi thời điểm một điểm; mỗi hạng là một số (không vẽ được mũi tên từ một khoảng hạng)",
            ],
        },
        Row {
            name: "a rank-change box given three ranks in a list",
            text: doc(
                r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2022", "items": [{"label": "Việt Nam", "from": [88, 86], "to": 86}]}"#,
            ),
            en: &[
                "boxes[0].items[0].from, line 1, column 162: a rank-change box compares two dates (`from_date`, `to_date`): for ranks at more dates use \"kind\": \"line\" with \"ranks\": true, one series per item and one point per date; each rank is one number (an arrow cannot start or end at a range of ranks)",
            ],
            vi: &[
                "boxes[0].items[0].from, dòng 1, cột 162: hộp rank-change chỉ so sánh hai thời điểm (`from_date`, `to_date`): với thứ hạng qua nhiều thời điểm, dùng \"kind\": \"line\" với \"ranks\": true, mỗi nước một dãy số (series), mỗi thời điểm một điểm; mỗi hạng là một số (không vẽ được mũi tên từ một khoảng hạng)",
            ],
        },
        Row {
            name: "a date written day/month/year",
            text: line_doc(r#"{"date": "17/9/2024", "value": 1}"#),
            en: &[
                "boxes[0].series[0].points[0].date, line 1, column 113: JSON dates are written year-month-day: \"2024-09-17\" for “17/9/2024”",
            ],
            vi: &[
                "boxes[0].series[0].points[0].date, dòng 1, cột 113: ngày “17/9/2024” trong JSON viết theo thứ tự năm-tháng-ngày: \"2024-09-17\"",
            ],
        },
        Row {
            name: "a date day/month/year that does not exist",
            text: line_doc(r#"{"date": "31/9/2024", "value": 1}"#),
            en: &[
                "boxes[0].series[0].points[0].date, line 1, column 113: the date “31/9/2024” is not valid: write it as 2024, 2024-08 or 2024-08-31",
            ],
            vi: &[
                "boxes[0].series[0].points[0].date, dòng 1, cột 113: ngày “31/9/2024” không hợp lệ: viết năm-tháng-ngày theo dạng 2024, 2024-08 hoặc 2024-08-31",
            ],
        },
        Row {
            name: "sort best without a direction",
            text: doc(
                r#"{"id": "b", "kind": "bar", "title": "T", "sort": "best", "bars": [{"label": "A", "value": 1}]}"#,
            ),
            en: &[
                "boxes[0].sort, line 1, column 75: \"sort\": \"best\" needs to know which values are better: add \"better\": \"higher\" or \"lower\", or \"ranks\": true",
            ],
            vi: &[
                "boxes[0].sort, dòng 1, cột 75: \"sort\": \"best\" cần biết giá trị nào tốt hơn: thêm \"better\": \"higher\" hoặc \"lower\", hoặc \"ranks\": true",
            ],
        },
        Row {
            name: "a reversed range",
            text: figures(r#"{"value": [200, 90], "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 101: a range is written smaller number first: [90, 200] instead of [200, 90]"],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 101: khoảng viết số nhỏ trước: [90, 200] thay cho [200, 90]"],
        },
        Row {
            name: "a range of one number",
            text: figures(r#"{"value": [90, 90], "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 101: [90, 90] is one number, not a range: write 90"],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 101: [90, 90] là một số, không phải một khoảng: viết 90"],
        },
        Row {
            name: "a range of three numbers",
            text: figures(r#"{"value": [90, 150, 200], "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 114: a range is two numbers [low, high], such as [90, 200]; this list has 3"],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 114: một khoảng là hai số [thấp, cao], như [90, 200]; danh sách này có 3 mục"],
        },
        Row {
            name: "a range typed as text, with its status",
            text: figures(r#"{"value": "90–200 (dự báo)", "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 117: write the value as JSON: \"value\": [90, 200], \"status\": \"forecast\" instead of the text \"90–200 (dự báo)\""],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 117: viết giá trị bằng JSON: \"value\": [90, 200], \"status\": \"forecast\" thay cho chữ \"90–200 (dự báo)\""],
        },
        Row {
            name: "a range typed with a hyphen and a qualifier",
            text: figures(r#"{"value": "khoảng 13-14", "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 114: write the value as JSON: \"value\": [13, 14], \"qualifier\": \"khoảng\" instead of the text \"khoảng 13-14\""],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 114: viết giá trị bằng JSON: \"value\": [13, 14], \"qualifier\": \"khoảng\" thay cho chữ \"khoảng 13-14\""],
        },
        Row {
            name: "a change typed with its sign",
            text: figures(r#"{"value": "+16%", "label": "x"}"#),
            en: &["boxes[0].figures[0].value, line 1, column 106: write the value as JSON: \"value\": 16, \"signed\": true, \"unit\": \"%\" instead of the text \"+16%\""],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 106: viết giá trị bằng JSON: \"value\": 16, \"signed\": true, \"unit\": \"%\" thay cho chữ \"+16%\""],
        },
        Row {
            name: "a misspelt status",
            text: figures(r#"{"value": 36, "status": "estimated", "label": "x"}"#),
            en: &["boxes[0].figures[0].status, line 1, column 125: “estimated” is not allowed here: did you mean `estimate`?"],
            vi: &["boxes[0].figures[0].status, dòng 1, cột 125: giá trị “estimated” không hợp lệ: có phải ý bạn là `estimate`?"],
        },
        Row {
            name: "a status in Vietnamese",
            text: figures(r#"{"value": 36, "status": "ước tính", "label": "x"}"#),
            en: &["boxes[0].figures[0].status, line 1, column 124: “ước tính” is not allowed here: did you mean `estimate`?"],
            vi: &["boxes[0].figures[0].status, dòng 1, cột 124: giá trị “ước tính” không hợp lệ: có phải ý bạn là `estimate`?"],
        },
        Row {
            name: "a range compared with an earlier value",
            text: figures(r#"{"value": [13, 14], "label": "x", "compare": {"value": 10}}"#),
            en: &["boxes[0].figures[0].compare, line 1, column 136: a change from or to a range is not one number: remove `compare`, or give one number; the change can be said in the `label`"],
            vi: &["boxes[0].figures[0].compare, dòng 1, cột 136: thay đổi từ hoặc đến một khoảng không phải một số: bỏ `compare`, hoặc viết giá trị bằng một số; thay đổi có thể nói trong `label`"],
        },
        Row {
            name: "an earlier value that is a range",
            text: figures(r#"{"value": 14, "label": "x", "compare": {"value": [10, 12]}}"#),
            en: &["boxes[0].figures[0].compare.value, line 1, column 140: a change from or to a range is not one number: remove `compare`, or give one number; the change can be said in the `label`"],
            vi: &["boxes[0].figures[0].compare.value, dòng 1, cột 140: thay đổi từ hoặc đến một khoảng không phải một số: bỏ `compare`, hoặc viết giá trị bằng một số; thay đổi có thể nói trong `label`"],
        },
        Row {
            name: "a rank that is a range",
            text: figures(r#"{"value": [80, 90], "label": "x", "rank": true}"#),
            en: &["boxes[0].figures[0].value, line 1, column 101: a rank is one number: write one rank, and give the range in the `note`"],
            vi: &["boxes[0].figures[0].value, dòng 1, cột 101: thứ hạng là một số: viết một hạng, và nói khoảng trong `note`"],
        },
        Row {
            name: "a share part that is a range",
            text: doc(r#"{"id": "s", "kind": "share", "title": "T", "parts": [{"label": "A", "value": [1, 2]}, {"label": "B", "value": 3}]}"#),
            en: &["boxes[0].parts[0].value, line 1, column 103: a part of a whole must be one number (with a range the parts' sum cannot be checked): write one number, and give the range in the `note`"],
            vi: &["boxes[0].parts[0].value, dòng 1, cột 103: phần của một tổng phải là một số (với một khoảng, không thể kiểm tra tổng các phần): viết một số, và nói khoảng trong `note`"],
        },
        Row {
            name: "a rank change's rank that is a range",
            text: doc(r#"{"id": "r", "kind": "rank-change", "title": "T", "from_date": "2018", "to_date": "2020", "items": [{"label": "A", "from": [1, 2], "to": 3}]}"#),
            en: &["boxes[0].items[0].from, line 1, column 153: a rank-change box compares two dates (`from_date`, `to_date`): for ranks at more dates use \"kind\": \"line\" with \"ranks\": true, one series per item and one point per date; each rank is one number (an arrow cannot start or end at a range of ranks)"],
            vi: &["boxes[0].items[0].from, dòng 1, cột 153: hộp rank-change chỉ so sánh hai thời điểm (`from_date`, `to_date`): với thứ hạng qua nhiều thời điểm, dùng \"kind\": \"line\" với \"ranks\": true, mỗi nước một dãy số (series), mỗi thời điểm một điểm; mỗi hạng là một số (không vẽ được mũi tên từ một khoảng hạng)"],
        },
        Row {
            name: "a target that is a range",
            text: doc(r#"{"id": "p", "kind": "progress", "title": "T", "label": "L", "value": 13, "target": [20, 25]}"#),
            en: &["boxes[0].target, line 1, column 116: this value is one number (a line is drawn at it): write one number"],
            vi: &["boxes[0].target, dòng 1, cột 116: giá trị này là một số (một đường được vẽ tại đó): viết một số"],
        },
        Row {
            name: "a range beyond the scale",
            text: doc(r#"{"id": "p", "kind": "progress", "title": "T", "label": "L", "value": [90, 120], "target": 100}"#),
            en: &["boxes[0].value[1], line 1, column 100: 120 is outside the scale from 0 to 100"],
            vi: &["boxes[0].value[1], dòng 1, cột 100: 120 nằm ngoài thang đo từ 0 đến 100"],
        },
        Row {
            name: "a line point's reversed range",
            text: line_doc(r#"{"date": "2030", "value": [200, 90], "status": "forecast"}"#),
            en: &["boxes[0].series[0].points[0].value, line 1, column 130: a range is written smaller number first: [90, 200] instead of [200, 90]"],
            vi: &["boxes[0].series[0].points[0].value, dòng 1, cột 130: khoảng viết số nhỏ trước: [90, 200] thay cho [200, 90]"],
        },
        Row {
            name: "a table's number typed as the article writes it",
            text: table_doc("", r#"{"tinh": "Hà Nội", "ty_le": "78,5%"}"#),
            en: &["boxes[0].rows[0].ty_le, line 1, column 202: the column “Tỉ lệ” holds numbers: write 78.5 instead of the text “78,5%” (or null where there is no figure)"],
            vi: &["boxes[0].rows[0].ty_le, dòng 1, cột 202: cột “Tỉ lệ” là cột số: viết 78.5 thay cho chữ “78,5%” (hoặc null nếu không có số liệu)"],
        },
        Row {
            name: "a word in a table's column of numbers",
            text: table_doc("", r#"{"tinh": "Hà Nội", "ty_le": "chưa có"}"#),
            en: &["boxes[0].rows[0].ty_le, line 1, column 202: the column “Tỉ lệ” holds numbers: write a JSON number (without quotes), or null where there is no figure; found the text “chưa có”"],
            vi: &["boxes[0].rows[0].ty_le, dòng 1, cột 202: cột “Tỉ lệ” là cột số: viết một số JSON (không có dấu ngoặc kép), hoặc null nếu không có số liệu; ở đây là chữ “chưa có”"],
        },
        Row {
            name: "a table row with a misspelt column key",
            text: table_doc("", r#"{"tinh": "Hà Nội", "tyle": 78.5}"#),
            en: &["boxes[0].rows[0].tyle, line 1, column 201: unknown field `tyle`: did you mean `ty_le`?"],
            vi: &["boxes[0].rows[0].tyle, dòng 1, cột 201: không có trường `tyle`: có phải ý bạn là `ty_le`?"],
        },
        Row {
            name: "a table row with a column's key twice",
            text: table_doc("", r#"{"tinh": "Hà Nội", "ty_le": 78.5, "tinh": "Huế"}"#),
            en: &["boxes[0].rows[0], line 1, column 221: the field `tinh` appears twice"],
            vi: &["boxes[0].rows[0], dòng 1, cột 221: trường `tinh` xuất hiện hai lần"],
        },
        Row {
            name: "a table row highlighted twice",
            text: table_doc("", r#"{"tinh": "Hà Nội", "highlight": true, "ty_le": 78.5, "highlight": false}"#),
            en: &["boxes[0].rows[0], line 1, column 245: the field `highlight` appears twice"],
            vi: &["boxes[0].rows[0], dòng 1, cột 245: trường `highlight` xuất hiện hai lần"],
        },
        Row {
            name: "a table row without its first cell",
            text: table_doc("", r#"{"ty_le": 78.5}"#),
            en: &["boxes[0].rows[0], line 1, column 174: the required field `tinh` is missing"],
            vi: &["boxes[0].rows[0], dòng 1, cột 174: thiếu trường bắt buộc `tinh`"],
        },
        Row {
            name: "a table cell that is true",
            text: table_doc("", r#"{"tinh": "Hà Nội", "ty_le": true}"#),
            en: &["boxes[0].rows[0].ty_le, line 1, column 205: expected a number, a range [low, high], text or null, found true"],
            vi: &["boxes[0].rows[0].ty_le, dòng 1, cột 205: cần một số, một khoảng [thấp, cao], chữ hoặc null, nhưng ở đây là true"],
        },
        Row {
            name: "two table columns with one key",
            text: doc(r#"{"id": "t", "kind": "table", "title": "T", "columns": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}], "rows": [{"a": "x"}]}"#),
            en: &["boxes[0].columns[1].key, line 1, column 117: the column key `a` appears twice: each column needs a `key` of its own"],
            vi: &["boxes[0].columns[1].key, dòng 1, cột 117: khóa cột `a` xuất hiện hai lần: mỗi cột cần một `key` riêng"],
        },
        Row {
            name: "a table column keyed highlight",
            text: doc(r#"{"id": "t", "kind": "table", "title": "T", "columns": [{"key": "a", "label": "A"}, {"key": "highlight", "label": "B"}], "rows": [{"a": "x"}]}"#),
            en: &["boxes[0].columns[1].key, line 1, column 117: `highlight` is the field a row marks itself with: give the column another `key`"],
            vi: &["boxes[0].columns[1].key, dòng 1, cột 117: `highlight` là trường một hàng dùng để tự đánh dấu: đặt cho cột một `key` khác"],
        },
        Row {
            name: "mini bars on a column of ranks",
            text: doc(r#"{"id": "t", "kind": "table", "title": "T", "columns": [{"key": "a", "label": "A"}, {"key": "h", "label": "Hạng", "ranks": true, "bars": true}], "rows": [{"a": "x", "h": 3}]}"#),
            en: &["boxes[0].columns[1].bars, line 1, column 162: mini bars are lengths from zero, and ranks are places: remove `bars` (`heat` works with ranks)"],
            vi: &["boxes[0].columns[1].bars, dòng 1, cột 162: thanh nhỏ đo độ dài từ 0, còn thứ hạng là vị trí: bỏ `bars` (`heat` dùng được với thứ hạng)"],
        },
        Row {
            name: "a table sorted by a column it does not have",
            text: table_doc(r#", "sort": {"column": "tyle"}"#, r#"{"tinh": "Hà Nội", "ty_le": 78.5}"#),
            en: &["boxes[0].sort.column, line 1, column 184: “tyle” is not allowed here: did you mean `ty_le`?"],
            vi: &["boxes[0].sort.column, dòng 1, cột 184: giá trị “tyle” không hợp lệ: có phải ý bạn là `ty_le`?"],
        },
        Row {
            name: "a table sorted best first by a column with no direction",
            text: table_doc(r#", "sort": {"column": "ty_le", "order": "best"}"#, r#"{"tinh": "Hà Nội", "ty_le": 78.5}"#),
            en: &["boxes[0].sort.order, line 1, column 202: \"order\": \"best\" needs to know which values are better: add \"better\": \"higher\" or \"lower\", or \"ranks\": true"],
            vi: &["boxes[0].sort.order, dòng 1, cột 202: \"order\": \"best\" cần biết giá trị nào tốt hơn: thêm \"better\": \"higher\" hoặc \"lower\", hoặc \"ranks\": true"],
        },
        Row {
            name: "an unknown billion word",
            text: format!(r#"{{"version": 1, "billion_word": "ti", "boxes": [{BAR}]}}"#),
            en: &["billion_word, line 1, column 35: “ti” is not allowed here: did you mean `tỉ`?"],
            vi: &[
                "billion_word, dòng 1, cột 35: giá trị “ti” không hợp lệ: có phải ý bạn là `tỉ`?",
            ],
        },
    ]
}

#[test]
fn every_broken_document_gets_its_exact_messages() {
    let mut failures = Vec::new();
    for row in rows() {
        for (lang, want) in [(Lang::En, row.en), (Lang::Vi, row.vi)] {
            let got = messages(&row.text, lang);
            if got != want {
                failures.push(format!(
                    "{} ({lang:?}):\n  want {want:?}\n  got  {got:?}",
                    row.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_broken_box_does_not_break_its_neighbours() {
    let text = doc(&format!(
        r#"{BAR}, {{"id": "broken", "kind": "bar", "title": "T", "bars": "none"}}, {}"#,
        BAR.replace("\"b\"", "\"c\"")
    ));
    let boxes = load(&text, None, Lang::Vi).expect("document-level parse succeeds");
    let ok: Vec<bool> = boxes.iter().map(Result::is_ok).collect();
    assert_eq!(ok, [true, false, true]);
    let failure = boxes[1].as_ref().expect_err("the middle box fails");
    assert_eq!(failure.id.as_deref(), Some("broken"));
}

#[test]
fn picking_a_box_by_id() {
    let text = doc(&format!("{BAR}, {}", BAR.replace("\"b\"", "\"c\"")));
    let picked = load(&text, Some("c"), Lang::Vi).expect("file parses");
    assert_eq!(picked.len(), 1);
    assert_eq!(picked[0].as_ref().map(|b| b.id()), Ok("c"));

    let err = load(&text, Some("cc"), Lang::Vi).expect_err("no box cc");
    assert_eq!(
        err.messages(),
        ["tệp không có hộp nào với id “cc”: có phải ý bạn là #c? (các hộp trong tệp: #b, #c)"]
    );
    let err = load(&text, Some("savings"), Lang::En).expect_err("no box savings");
    assert_eq!(
        err.messages(),
        ["the file has no box with id “savings”; the boxes in the file are #b, #c"]
    );
}

#[test]
fn a_picked_box_is_shown_even_when_another_box_is_broken() {
    let text = doc(&format!(r#"{{"id": "x", "kind": "nope"}}, {BAR}"#));
    let picked = load(&text, Some("b"), Lang::Vi).expect("file parses");
    assert!(picked[0].is_ok());
}

#[test]
fn the_document_locale_chooses_the_message_language() {
    let text = r#"{"version": 1, "locale": "en", "boxes": [{"id": "a", "kind": "bar", "title": "", "bars": [{"label": "A", "value": 1}]}]}"#;
    let boxes = load(text, None, Lang::Vi).expect("parses");
    let failure = boxes[0].as_ref().expect_err("empty title");
    assert_eq!(
        failure.messages(),
        ["boxes[0].title, line 1, column 78: this text must not be empty"]
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", doc(BAR));
    assert!(load(&text, None, Lang::Vi).is_ok_and(|b| b[0].is_ok()));
}

#[test]
fn a_source_may_be_plain_text() {
    let text = doc(
        r#"{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 1}], "source": "Bộ TT&TT"}"#,
    );
    assert!(load(&text, None, Lang::Vi).is_ok_and(|b| b[0].is_ok()));
}

/// Writes every row's document and English messages to `target/bad-input.json`, where the
/// schema test (`tests/e2e/schema.test.mjs`) runs each through the published JSON Schema
/// and records which of them an editor would catch while the journalist types.
#[test]
fn the_table_is_shared_with_the_schema_test() {
    // A file over the size limit is refused before its contents matter; 20 MB of JSON
    // would only slow the schema test down.
    let rows: Vec<serde_json::Value> = rows()
        .into_iter()
        .filter(|row| row.text.len() <= factbox::MAX_DOCUMENT_BYTES)
        .map(|row| {
            serde_json::json!({
                "name": row.name,
                "text": row.text,
                "messages": row.en,
            })
        })
        .collect();
    assert!(rows.len() > 90, "{} rows", rows.len());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let text = serde_json::to_string_pretty(&rows).expect("rows serialise");
    std::fs::write(dir.join("bad-input.json"), text).expect("target/bad-input.json is writable");
}

/// `factbox check` prints the widget's messages for every row, the place first as
/// compilers write it (`FILE:LINE:COLUMN: PATH: what`), and exits with 1.
#[test]
#[cfg(not(target_arch = "wasm32"))]
fn factbox_check_prints_the_widgets_messages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/check-rows");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let rows: Vec<Row> = rows()
        .into_iter()
        .filter(|row| row.text.len() <= factbox::MAX_DOCUMENT_BYTES)
        .collect();
    let mut files = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let file = dir.join(format!("{k:03}.json"));
        std::fs::write(&file, &row.text).expect("writable");
        files.push(file.to_string_lossy().into_owned());
    }
    for (lang, flag, line_word, column_word) in [
        (Lang::En, "en", "line ", ", column "),
        (Lang::Vi, "vi", "dòng ", ", cột "),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_factbox"))
            .arg("check")
            .args(["--lang", flag])
            .args(&files)
            .output()
            .expect("factbox runs");
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let got = String::from_utf8(out.stdout).expect("UTF-8");
        // The widget's message `[PATH, ]line L, column C: what` (or without a place),
        // rewritten with the file in front.
        let mut want = String::new();
        for (row, file) in rows.iter().zip(&files) {
            let messages = if lang == Lang::En { row.en } else { row.vi };
            for m in messages {
                let placed = m.find(line_word).and_then(|at| {
                    let (path, rest) = m.split_at(at);
                    let rest = rest.strip_prefix(line_word)?;
                    let (line, rest) = rest.split_once(column_word)?;
                    let (column, what) = rest.split_once(": ")?;
                    let path = path.strip_suffix(", ").unwrap_or(path);
                    Some(if path.is_empty() {
                        format!("{file}:{line}:{column}: {what}")
                    } else {
                        format!("{file}:{line}:{column}: {path}: {what}")
                    })
                });
                want.push_str(&placed.unwrap_or_else(|| match m.split_once(": ") {
                    Some((path, what)) if !path.contains(' ') => format!("{file}: {path}: {what}"),
                    _ => format!("{file}: {m}"),
                }));
                want.push('\n');
            }
        }
        assert_eq!(got, want, "{flag}");
    }
    // A good file passes, quietly.
    let good = std::process::Command::new(env!("CARGO_BIN_EXE_factbox"))
        .args(["check", "www/data/egov-vn.json", "www/data/egov-en.json"])
        .output()
        .expect("factbox runs");
    assert_eq!(good.status.code(), Some(0));
    assert!(good.stdout.is_empty());
}

/// Code that must decide what to do about a problem asks its category: only a download
/// that may pass is worth trying again.
#[test]
fn problems_have_a_category() {
    use factbox::{Category, What};
    let url = || "https://x/d.json".to_owned();
    let cases = [
        (
            What::Syntax(factbox::error::Syntax::TrailingComma),
            Category::Syntax,
        ),
        (What::EmptyDocument, Category::Syntax),
        (
            What::MissingField {
                field: "title".into(),
            },
            Category::Data,
        ),
        (What::RankZero, Category::Data),
        (
            What::Http {
                status: 404,
                url: url(),
            },
            Category::Data,
        ),
        (What::NotJson { url: url() }, Category::Data),
        (
            What::Http {
                status: 503,
                url: url(),
            },
            Category::Network,
        ),
        (What::Network { url: url() }, Category::Network),
        (
            What::Timeout {
                url: url(),
                seconds: 20,
            },
            Category::Network,
        ),
        (What::Internal { detail: "x".into() }, Category::Internal),
    ];
    for (what, category) in cases {
        assert_eq!(what.category(), category, "{what:?}");
    }
    // Every document of the table fails for its data or its syntax, never "try again".
    for row in rows() {
        let problems = match load(&row.text, None, Lang::En) {
            Err(f) => f.problems,
            Ok(boxes) => boxes
                .into_iter()
                .filter_map(Result::err)
                .flat_map(|f| f.problems)
                .collect(),
        };
        for p in problems {
            assert!(
                matches!(p.category(), Category::Syntax | Category::Data),
                "{}: {:?}",
                row.name,
                p.what
            );
        }
    }
}

/// A box far over its limits, every item broken: the problems are counted past the first
/// page, each placed at its line and column, and the count is exact (the cost of finding
/// them is linear: see `benches/pipeline.rs`).
#[test]
fn a_huge_broken_box_gets_a_page_of_messages() {
    let parts: Vec<String> = (0..20_000)
        .map(|_| r#"{"label": "A", "value": -1}"#.to_owned())
        .collect();
    let text = doc(&format!(
        r#"{{"id": "s", "kind": "share", "title": "T", "parts": [
{}]}}"#,
        parts.join(",\n")
    ));
    let boxes = load(&text, None, Lang::En).expect("the document is read");
    let failure = boxes[0].as_ref().expect_err("the box is refused");
    let messages = failure.messages();
    assert_eq!(messages.len(), factbox::error::SHOWN_PROBLEMS + 1);
    assert_eq!(
        messages[0],
        "boxes[0].parts, line 1, column 78: 20000 items, more than the 12 this box can show"
    );
    // The count, 19,999 repeated labels, 20,000 negative values, and a sum that is not
    // positive: 40,001 in all.
    let total = 1 + 19_999 + 20_000 + 1;
    assert_eq!(
        messages.last().unwrap(),
        &format!(
            "and {} more problems: fix the ones above and check again",
            total - factbox::error::SHOWN_PROBLEMS
        )
    );
    // Each shown problem is placed where its value stands, on its own line.
    assert!(
        messages[1..factbox::error::SHOWN_PROBLEMS]
            .iter()
            .all(|m| m.contains(", line ") && !m.contains("line 1,")),
        "{messages:?}"
    );
}
