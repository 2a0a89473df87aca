//! The studio's form, described from the JSON Schema: every field of the document, of each
//! kind of box and of each item (a figure, a bar, a point…), with its type, whether it is
//! required, and help in both languages. English help is the schema's description (the
//! doc comment of the field in `spec`, one place); Vietnamese help and both languages'
//! short names are [`NAMES`] here, and a test keeps them covering every field.

use serde_json::{Map, Value, json};

use crate::format::Lang;

/// Short name (Vietnamese, English) and Vietnamese help of each field: by `Def.field` where
/// a field means something of its own there, else by field name.
const NAMES: &[(&str, &str, &str, &str)] = &[
    ("$schema", "Địa chỉ lược đồ", "Schema address", "Địa chỉ của lược đồ JSON, để trình soạn thảo như VS Code kiểm tra tệp khi gõ. factbox bỏ qua trường này."),
    ("version", "Phiên bản", "Version", "Phiên bản định dạng. Luôn là 1 với phiên bản factbox này."),
    ("Document.locale", "Ngôn ngữ", "Language", "Ngôn ngữ và cách viết số của mọi hộp: vi-VN (mặc định) hoặc en."),
    ("locale", "Ngôn ngữ", "Language", "Ngôn ngữ của riêng hộp này, nếu khác với cả tệp: vi-VN hoặc en."),
    ("billion_word", "Chữ “tỉ”", "Word for billion", "Cách viết “tỉ” (10⁹) sau một số đã rút gọn: “tỉ” (mặc định: 9.300 tỉ đồng) hoặc “tỷ”, theo quy định của toà soạn."),
    ("defaults", "Mặc định", "Defaults", "Các giá trị dùng cho mọi hộp không tự đặt."),
    ("boxes", "Các hộp", "Boxes", "Các hộp, theo thứ tự trong bài. Mỗi hộp có id riêng trong tệp; mã nhúng chọn hộp bằng tệp.json#id."),
    ("id", "Mã hộp (id)", "Box id", "Duy nhất trong tệp: chữ không dấu, số, - và _. Mã nhúng chọn hộp bằng tệp.json#id."),
    ("kind", "Loại", "Kind", "Loại hộp."),
    ("title", "Tiêu đề", "Title", "Tiêu đề của hộp, hiện phía trên và được trình đọc màn hình đọc đầu tiên."),
    ("subtitle", "Dòng phụ", "Subtitle", "Một dòng dưới tiêu đề: đo cái gì, đơn vị gì."),
    ("note", "Ghi chú", "Note", "Ghi chú dưới hộp, ví dụ cách tính một con số."),
    ("source", "Nguồn", "Source", "Số liệu lấy từ đâu; thay cho nguồn mặc định của tệp."),
    ("Defaults.source", "Nguồn", "Source", "Số liệu lấy từ đâu (cho mọi hộp không tự ghi nguồn)."),
    ("byline", "Người thực hiện", "Byline", "Người làm hộp, ví dụ “Đồ họa: Minh Anh”; thay cho giá trị mặc định của tệp."),
    ("as_of", "Số liệu tính đến", "As of", "Ngày của số liệu: 2024, 2024-08 hoặc 2024-08-31; thay cho giá trị mặc định của tệp."),
    ("alt", "Mô tả cho người không nhìn thấy", "Text alternative", "Biểu đồ cho thấy gì, trong một hai câu, cho người không nhìn thấy: trình đọc màn hình đọc sau phần mô tả factbox tự viết từ số liệu."),
    ("data", "Số liệu trực tiếp", "Live data", "Đọc số liệu của hộp từ một địa chỉ (bảng tính xuất bản lên web dạng CSV, tệp CSV hoặc JSON) và đọc lại khi bài đang mở. Số liệu trong hộp hiện cho tới khi đọc được, và mỗi khi không đọc được (có ghi chú có thể chưa cập nhật)."),
    ("DataSource.url", "Địa chỉ số liệu", "Data address", "https://… hoặc một đường dẫn trên chính trang báo (data/so-lieu.csv). Cột đầu là nhãn hoặc ngày, mỗi cột sau là một đường hoặc các giá trị, gọi theo tiêu đề cột."),
    ("DataSource.refresh", "Đọc lại sau (giây)", "Refresh (seconds)", "Số giây giữa hai lần đọc khi bài đang mở và hộp đang trên màn hình (từ 30 đến 86400); bỏ trống để chỉ đọc một lần."),
    ("SourceObject.text", "Tên nguồn", "Source name", "Nguồn như bạn đọc thấy, ví dụ “Bộ Thông tin và Truyền thông”."),
    ("SourceObject.url", "Liên kết nguồn", "Source link", "Liên kết http:// hoặc https:// tới nguồn."),
    ("figures", "Các con số", "Figures", "Các con số, theo thứ tự đọc (1 đến 6)."),
    ("FiguresBoxSchema.better", "Số nào tốt hơn", "Which is better", "Số cao hay số thấp là tốt hơn, cho mọi con số không tự nói: higher hoặc lower. Khi đó thay đổi được gọi là tốt lên hay xấu đi."),
    ("FiguresBoxSchema.ranks", "Là thứ hạng (số nhỏ là tốt hơn)", "Ranks (lower is better)", "Các con số là thứ hạng (1 là tốt nhất): hiện “hạng 86”, so sánh theo bậc."),
    ("out_of", "Trên tổng số", "Out of", "Khi là thứ hạng: trên tổng số bao nhiêu, ví dụ 193 (hiện “hạng 86/193”)."),
    ("bars", "Các thanh", "Bars", "Các thanh, theo thứ tự đã cho (xem “Sắp xếp”)."),
    ("BarBoxSchema.sort", "Sắp xếp", "Order", "Thứ tự các thanh: none (như đã cho, mặc định), ascending (tăng dần), descending (giảm dần), best (tốt nhất trước) hoặc worst."),
    ("BarBoxSchema.highlight", "Làm nổi bật", "Highlight", "Nhãn của các thanh cần làm nổi bật, ví dụ Việt Nam. Giống như bật “Làm nổi bật” trên từng thanh."),
    ("reference", "Đường tham chiếu", "Reference line", "Một đường ngang qua các thanh, ví dụ một mục tiêu."),
    ("unit", "Đơn vị", "Unit", "Đơn vị của các giá trị, hiện sau mỗi số, ví dụ % hoặc tỉ đồng."),
    ("decimals", "Số chữ số thập phân", "Decimal places", "Số chữ số sau dấu phẩy; mặc định là đúng như số đã viết."),
    ("scale", "Viết gọn bằng chữ", "Scale word", "Viết số lớn bằng chữ: none (mặc định), thousand (nghìn), million (triệu), billion (tỉ). Với million, 16400000 hiện là 16,4 triệu."),
    ("axis_label", "Tên trục giá trị", "Axis title", "Tên ngắn của trục giá trị, ví dụ “Thứ hạng (1 là cao nhất)”."),
    ("orientation", "Hướng thanh", "Orientation", "horizontal: thanh nằm ngang (mặc định, cho xếp hạng và nhãn dài) hoặc vertical: cột đứng (cho các năm)."),
    ("better", "Số nào tốt hơn", "Which is better", "Số cao (higher) hay số thấp (lower) là tốt hơn, ví dụ tỉ lệ thất nghiệp: lower. Phần mô tả khi đó gọi tên tốt nhất và kém nhất."),
    ("ranks", "Là thứ hạng (số nhỏ là tốt hơn)", "Ranks (lower is better)", "Các giá trị là thứ hạng (1 là tốt nhất): hạng 1 ở đầu trục, nhãn “hạng 86”. Thứ hạng là số nguyên từ 1."),
    ("from_date", "Thời điểm đầu", "Earlier date", "Thời điểm trước, ví dụ 2018."),
    ("to_date", "Thời điểm sau", "Later date", "Thời điểm sau, ví dụ 2020."),
    ("items", "Các mục", "Items", "Các mục và hai thứ hạng của chúng (1 đến 100 mục)."),
    ("RankChangeBoxSchema.sort", "Sắp xếp", "Order", "Thứ tự các dòng: end (theo hạng sau, tốt nhất trước; mặc định), change (tiến nhiều nhất trước) hoặc none (như đã cho)."),
    ("RankChangeBoxSchema.highlight", "Làm nổi bật", "Highlight", "Nhãn của các mục cần làm nổi bật, ví dụ Việt Nam."),
    ("series", "Các đường", "Series", "Các đường (1 đến 6), mỗi đường có các điểm theo thứ tự bất kỳ."),
    ("annotations", "Chú thích", "Annotations", "Ghi chú gắn vào các điểm, ví dụ “khai trương: 8 dịch vụ”."),
    ("LineBoxSchema.unit", "Đơn vị", "Unit", "Đơn vị của giá trị, hiện trong chú giải và sau giá trị cuối."),
    ("from_zero", "Trục bắt đầu từ 0", "Axis from zero", "Trục giá trị bắt đầu từ 0 (mặc định) hay từ giá trị nhỏ nhất. Với thứ hạng, bắt đầu từ hạng 1."),
    ("parts", "Các phần", "Parts", "Các phần (2 đến 12), mỗi phần một giá trị; tỉ lệ phần trăm được tính tự động."),
    ("total", "Tổng", "Total", "Tổng, nếu biết riêng (ví dụ 2560 ca). Khi các phần cộng lại ít hơn, phần còn lại hiện là “Nhãn phần còn lại”, hoặc một cảnh báo nói còn thiếu gì."),
    ("other_label", "Nhãn phần còn lại", "Label of the rest", "Nhãn của phần bù cho đủ tổng, ví dụ “Khác”."),
    ("display", "Kiểu hiển thị", "Display", "bar: một thanh 100% chồng (mặc định) hoặc donut: hình vành khuyên."),
    ("ProgressBoxSchema.value", "Giá trị đạt được", "Value reached", "Giá trị đã đạt."),
    ("ProgressBoxSchema.label", "Đo cái gì", "What it measures", "Giá trị đo cái gì, ví dụ “dịch vụ công trực tuyến mức độ 4”."),
    ("status", "Ước tính / dự báo", "Estimate / forecast", "estimate (ước tính: kỳ đã qua hoặc gần hết, số chưa chốt), forecast (dự báo: kỳ còn ở phía trước) hoặc preliminary (sơ bộ: số thống kê sẽ được sửa). Bạn đọc thấy chữ đó cạnh giá trị; đường vẽ nét đứt tới điểm như vậy. Để trống nếu là số đo được."),
    ("signed", "Là một mức thay đổi (+16%)", "A change (+16%)", "Con số chính là một mức thay đổi, ví dụ tăng trưởng 16%: số dương được in kèm dấu, +16%."),
    ("qualifier", "Từ đứng trước số", "Word before the number", "Từ đứng trước số như bài báo viết: hơn, gần, trên, khoảng."),
    ("target", "Mục tiêu", "Target", "Mục tiêu; hộp nói mục tiêu đã đạt hay chưa."),
    ("target_label", "Tên mục tiêu", "Target label", "Mục tiêu là gì, ví dụ “Mục tiêu năm 2020”."),
    ("max", "Cuối thang đo", "End of scale", "Điểm cuối của thang (mặc định 100; không dùng với thứ hạng, thứ hạng dùng “Trên tổng số”)."),
    ("target_date", "Hạn của mục tiêu", "Target deadline", "Hạn của mục tiêu, ví dụ 2025. Cần “Số liệu tính đến”: trước hạn, mục tiêu chưa đạt là “đang trên đường”, sau hạn là “không đạt”."),
    ("ProgressBoxSchema.better", "Số nào tốt hơn", "Which is better", "higher (mặc định cho tiến độ) hoặc lower. Mục tiêu đạt khi giá trị bằng hoặc vượt mục tiêu theo hướng đó."),
    ("ProgressBoxSchema.ranks", "Là thứ hạng (số nhỏ là tốt hơn)", "Ranks (lower is better)", "Giá trị và mục tiêu là thứ hạng (1 là tốt nhất): thang chạy từ “Trên tổng số” về 1, và hạng bằng hoặc cao hơn hạng mục tiêu là đạt."),
    ("RankItem.label", "Nhãn", "Label", "Mục, ví dụ “Thái Lan”."),
    ("from", "Hạng lúc đầu", "Earlier rank", "Thứ hạng ở thời điểm đầu (1 là tốt nhất)."),
    ("to", "Hạng lúc sau", "Later rank", "Thứ hạng ở thời điểm sau (1 là tốt nhất)."),
    ("highlight", "Làm nổi bật", "Highlight", "Vẽ mục này bằng màu nhấn."),
    ("name", "Tên đường", "Series name", "Tên của đường, hiện trong chú giải và chú thích."),
    ("points", "Các điểm", "Points", "Các điểm (1 đến 10000)."),
    ("Point.date", "Ngày", "Date", "2019, 2021-03 hoặc 2021-03-08."),
    ("Point.value", "Giá trị", "Value", "Giá trị, là một số."),
    ("Annotation.date", "Ngày", "Date", "Ngày của điểm; phải là một ngày có trong đường."),
    ("Annotation.label", "Ghi chú", "Note", "Ghi chú, ví dụ “khai trương: 8 dịch vụ”."),
    ("Annotation.series", "Đường", "Series", "Tên của đường, khi có nhiều đường."),
    ("Part.label", "Nhãn", "Label", "Phần, ví dụ “Khỏi bệnh”."),
    ("Part.value", "Giá trị", "Value", "Giá trị của phần (không phải phần trăm: phần trăm được tính tự động)."),
    ("Figure.value", "Con số", "Number", "Con số, viết như một số: 9300, không phải “9.300”."),
    ("Figure.unit", "Đơn vị", "Unit", "Đơn vị sau con số, ví dụ tỉ đồng/năm, %, tài khoản."),
    ("Figure.label", "Con số nói gì", "What it counts", "Con số đếm cái gì, ví dụ “tiết kiệm mỗi năm nhờ dịch vụ công trực tuyến”."),
    ("Figure.scale", "Viết gọn bằng chữ", "Scale word", "Viết số lớn bằng chữ: none (mặc định), thousand, million, billion. Với million, 16400000 hiện là 16,4 triệu."),
    ("compare", "So với", "Compared with", "Một giá trị trước đó để so sánh, hiện thành mức thay đổi."),
    ("Figure.better", "Số nào tốt hơn", "Which is better", "Số cao hay số thấp là tốt hơn, nếu khác với cả hộp: higher hoặc lower."),
    ("rank", "Là thứ hạng (số nhỏ là tốt hơn)", "A rank (lower is better)", "Con số này là thứ hạng (1 là tốt nhất), nếu không phải mọi con số của hộp đều là thứ hạng: hiện “hạng 86”."),
    ("Compare.value", "Giá trị trước", "Earlier value", "Giá trị trước đó, cùng đơn vị với con số."),
    ("Compare.date", "Thời điểm trước", "Earlier date", "Thời điểm của giá trị trước: 2018, 2021-03, 2019-12-09."),
    ("Compare.qualifier", "Từ đứng trước giá trị trước", "Word before the earlier value", "Từ đứng trước giá trị trước như bài báo viết, ví dụ “hơn”."),
    ("show", "Hiện thay đổi dạng", "Show the change as", "difference (+1.200, mặc định), percent (+20%), ratio (×35) hoặc rank (thứ hạng, số nhỏ là tốt hơn: +2 bậc)."),
    ("Bar.label", "Nhãn", "Label", "Hạng mục, ví dụ “Việt Nam”."),
    ("Bar.value", "Giá trị", "Value", "Giá trị, là một số."),
    ("Reference.value", "Giá trị", "Value", "Đường được vẽ ở đâu."),
    ("Reference.label", "Ý nghĩa", "Label", "Đường có ý nghĩa gì, ví dụ “Mục tiêu 2020”."),
    ("columns", "Các cột", "Columns", "Các cột, theo thứ tự đọc (1 đến 12). Cột đầu tiên gọi tên mỗi dòng (trình đọc màn hình đọc trước), thường là chữ, ví dụ tên tỉnh."),
    ("rows", "Các dòng", "Rows", "Các dòng (1 đến 2000), mỗi dòng một đối tượng gồm các ô theo “key” của cột: {\"tinh\": \"Hà Nội\", \"ty_le\": 78.5}. Một ô là một số, một khoảng [90, 200], chữ, null (không có số liệu: hiện “–”) hoặc {\"value\": 36, \"status\": \"estimate\"}."),
    ("TableBoxSchema.sort", "Sắp xếp", "Order", "Thứ tự các dòng trước khi bạn đọc tự sắp xếp: theo cột nào, và thế nào. Không có: giữ như đã cho."),
    ("page_size", "Số dòng hiện trước", "Rows shown first", "Số dòng hiện trước nút “Xem thêm” (mặc định 10; 0 hiện mọi dòng). Mọi dòng đều có trong trang: khi tắt JavaScript hoặc khi in, tất cả đều hiện."),
    ("TableBoxSchema.highlight", "Làm nổi bật", "Highlight", "Tên (chữ ở cột đầu) của các dòng cần làm nổi bật. Giống như “highlight”: true trên từng dòng."),
    ("Column.key", "Khóa cột", "Column key", "Tên mà các dòng dùng cho ô của cột này: chữ không dấu, số, - và _, ví dụ ty_le. Không dùng “highlight”."),
    ("Column.label", "Tên cột", "Heading", "Tiêu đề của cột, ví dụ “Tỉ lệ hồ sơ trực tuyến”."),
    ("Column.unit", "Đơn vị", "Unit", "Đơn vị sau mỗi số của cột, ví dụ % hoặc tỉ đồng."),
    ("Column.qualifier", "Từ đứng trước số", "Word before the number", "Từ đứng trước mọi giá trị của cột như bài báo viết (hơn); một ô có thể tự đặt bằng {\"value\": …, \"qualifier\": …}."),
    ("Column.status", "Ước tính / dự báo", "Estimate / forecast", "estimate, forecast hoặc preliminary khi mọi giá trị của cột đều như vậy (ví dụ một cột dự báo năm 2030): nói một lần, ở tiêu đề cột. Một ô có thể tự đặt bằng {\"value\": …, \"status\": …}."),
    ("Column.signed", "Là mức thay đổi (+16)", "Changes (+16)", "Các giá trị là mức thay đổi: số dương được in kèm dấu, +16."),
    ("Column.better", "Số nào tốt hơn", "Which is better", "Số cao (higher) hay số thấp (lower) là tốt hơn. Sắp xếp theo cột này đưa số tốt nhất lên trước."),
    ("Column.ranks", "Là thứ hạng (số nhỏ là tốt hơn)", "Ranks (lower is better)", "Các giá trị là thứ hạng (1 là tốt nhất), hiện “hạng 3”; sắp xếp tốt nhất trước."),
    ("Column.out_of", "Trên tổng số", "Out of", "Khi là thứ hạng: trên tổng số bao nhiêu, ví dụ 193; mọi hạng phải không lớn hơn số này."),
    ("Column.bars", "Thanh nhỏ", "Mini bars", "Một thanh nhỏ cạnh mỗi giá trị, tính từ 0 (không dùng với thứ hạng)."),
    ("heat", "Tô màu theo giá trị", "Heat colours", "Tô màu mỗi ô theo giá trị, kèm chú giải (con số vẫn được viết ra)."),
    ("TableSort.column", "Theo cột", "By column", "“key” của cột dùng để sắp xếp."),
    ("TableSort.order", "Thứ tự", "Order", "ascending (tăng dần), descending (giảm dần), best (tốt nhất trước, theo “better” hoặc “ranks” của cột) hoặc worst. Mặc định: best cho cột có hướng, descending cho số, ascending (A đến Z) cho chữ."),
    ("TableRow.highlight", "Làm nổi bật", "Highlight", "Vẽ dòng này bằng màu nhấn."),
    ("CellValue.value", "Giá trị", "Value", "Con số, hoặc một khoảng [90, 200]."),
    ("CellValue.status", "Ước tính / dự báo", "Estimate / forecast", "estimate, forecast hoặc preliminary khi giá trị không phải số đo cuối cùng."),
    ("CellValue.qualifier", "Từ đứng trước số", "Word before the number", "Từ đứng trước giá trị như bài báo viết: hơn, gần, khoảng."),
];

/// The JSON Schema, as `make schema` wrote it from the spec types (a test keeps the file
/// equal to `schema::json()`): read from the file, so that the studio's wasm does not carry
/// the schema generator.
const SCHEMA: &str = include_str!("../../www/schema/factbox-v1.schema.json");

/// The short name and help of `field` of definition `def`, in `lang`.
fn names(def: &str, field: &str, lang: Lang, english_help: &str) -> Option<(String, String)> {
    let specific = format!("{def}.{field}");
    let (_, vi, en, vi_help) = NAMES.iter().find(|n| n.0 == specific).or_else(|| NAMES.iter().find(|n| n.0 == field))?;
    Some(match lang {
        Lang::Vi => ((*vi).to_owned(), (*vi_help).to_owned()),
        Lang::En => ((*en).to_owned(), english_help.to_owned()),
    })
}

/// The definition a property refers to, past `anyOf: [{$ref}, {type: null}]`.
fn reference(p: &Value) -> Option<&str> {
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        return r.strip_prefix("#/$defs/");
    }
    p.get("anyOf")?.as_array()?.iter().find_map(|a| a.get("$ref")?.as_str()?.strip_prefix("#/$defs/"))
}

fn types(p: &Value) -> Vec<&str> {
    match p.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// `v[key]`, or null: reading a JSON value never panics.
fn at<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&Value::Null)
}

/// One field of the form, as JavaScript reads it: `{name, label, help, type, required,
/// choices?, def?, min?, max?}`, where `type` is `text`, `date`, `number`, `whole`,
/// `amount` (a number or a range), `flag`, `choice`, `source`, `object` (of `def`), `list`
/// (of `def`) or `texts`.
fn field(schema: &Value, def: &str, name: &str, p: &Value, required: bool, lang: Lang) -> Option<Value> {
    let english = p.get("description").and_then(Value::as_str).unwrap_or_default().replace('\n', " ");
    let (label, help) = names(def, name, lang, &english)?;
    let mut f = Map::new();
    for (k, v) in [("name", json!(name)), ("label", json!(label)), ("help", json!(help)), ("required", json!(required))] {
        f.insert(k.into(), v);
    }
    let defs = at(schema, "$defs");
    let ty = types(p);
    // A value that may be a range: `anyOf: [number, [number, number]]`.
    let amount = p.get("anyOf").and_then(Value::as_array).is_some_and(|a| {
        a.iter().any(|b| types(b).contains(&"number")) && a.iter().any(|b| types(b).contains(&"array"))
    });
    let kind = if amount {
        "amount"
    } else if let Some(r) = reference(p) {
        let target = at(defs, r);
        if r == "Source" {
            "source"
        } else if let Some(values) = target.get("enum") {
            f.insert("choices".into(), values.clone());
            "choice"
        } else {
            f.insert("def".into(), json!(r));
            "object"
        }
    } else if let Some(values) = p.get("enum") {
        let values = values.as_array()?.iter().filter(|v| !v.is_null()).cloned().collect();
        f.insert("choices".into(), Value::Array(values));
        "choice"
    } else if ty.contains(&"array") {
        match at(p, "items").get("$ref").and_then(Value::as_str) {
            Some(r) => {
                f.insert("def".into(), json!(r.strip_prefix("#/$defs/").unwrap_or(r)));
                "list"
            }
            None => "texts",
        }
    } else if ty.contains(&"boolean") {
        "flag"
    } else if ty.contains(&"integer") {
        for (k, short) in [("minimum", "min"), ("maximum", "max")] {
            if let Some(v) = p.get(k) {
                f.insert(short.into(), v.clone());
            }
        }
        "whole"
    } else if ty.contains(&"number") {
        "number"
    } else if p.get("pattern").and_then(Value::as_str).is_some_and(|s| s.starts_with("^[0-9]{4}")) {
        "date"
    } else {
        "text"
    };
    f.insert("type".into(), json!(kind));
    Some(Value::Object(f))
}

/// The fields of one object definition of the schema, in the schema's order, less those
/// the studio sets itself (`kind`).
fn fields_of(schema: &Value, def: &str, node: &Value, lang: Lang) -> Vec<Value> {
    let required: Vec<&str> = node.get("required").and_then(Value::as_array).map_or(Vec::new(), |r| r.iter().filter_map(Value::as_str).collect());
    let Some(props) = node.get("properties").and_then(Value::as_object) else { return Vec::new() };
    props
        .iter()
        .filter(|(name, _)| name.as_str() != "kind")
        .filter_map(|(name, p)| field(schema, def, name, p, required.contains(&name.as_str()), lang))
        .collect()
}

/// The whole form: `{document: [fields], kinds: {figures: "FiguresBoxSchema", …},
/// defs: {Name: [fields]}}`.
pub fn form(lang: Lang) -> Value {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or(Value::Null);
    let all = at(&schema, "$defs").as_object().cloned().unwrap_or_default();
    let mut defs = Map::new();
    for (name, node) in &all {
        if node.get("properties").is_some() {
            defs.insert(name.clone(), Value::Array(fields_of(&schema, name, node, lang)));
        }
    }
    // Each kind's definition is the one whose `kind` refers to an enum of that one name.
    let kinds: Map<String, Value> = crate::spec::KINDS
        .iter()
        .filter_map(|k| {
            let (def, _) = all.iter().find(|(_, d)| {
                reference(at(at(d, "properties"), "kind"))
                    .and_then(|r| all.get(r))
                    .is_some_and(|m| at(m, "enum") == &json!([k]))
            })?;
            Some(((*k).to_owned(), json!(def)))
        })
        .collect();
    json!({
        "document": fields_of(&schema, "Document", &schema, lang),
        "kinds": kinds,
        "defs": defs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_schema_is_in_the_form_in_both_languages() {
        let schema: Value = serde_json::from_str(&crate::schema::json()).unwrap();
        let mut all = vec![("Document".to_owned(), schema.clone())];
        for (k, v) in schema["$defs"].as_object().unwrap() {
            all.push((k.clone(), v.clone()));
        }
        for lang in [Lang::Vi, Lang::En] {
            let form = form(lang);
            for (def, node) in &all {
                let Some(props) = node.get("properties").and_then(Value::as_object) else { continue };
                let listed = if def == "Document" { &form["document"] } else { &form["defs"][def] };
                for name in props.keys().filter(|n| *n != "kind") {
                    let f = listed.as_array().unwrap().iter().find(|f| f["name"] == json!(name));
                    let f = f.unwrap_or_else(|| panic!("{def}.{name} has no name in {lang:?}"));
                    assert!(f["help"].as_str().unwrap().len() > 10, "{def}.{name}");
                }
            }
            assert_eq!(form["kinds"].as_object().unwrap().len(), crate::spec::KINDS.len());
        }
    }

    #[test]
    fn types_follow_the_schema() {
        let form = form(Lang::Vi);
        let find = |def: &str, name: &str| {
            form["defs"][def].as_array().unwrap().iter().find(|f| f["name"] == json!(name)).unwrap().clone()
        };
        assert_eq!(find("ProgressBoxSchema", "value")["type"], "amount");
        assert_eq!(find("ProgressBoxSchema", "target")["type"], "number");
        assert_eq!(find("Point", "status")["choices"], json!(["estimate", "forecast", "preliminary"]));
        assert_eq!(find("ProgressBoxSchema", "target_date")["type"], "date");
        assert_eq!(find("ProgressBoxSchema", "ranks")["type"], "flag");
        assert_eq!(find("ProgressBoxSchema", "better")["choices"], json!(["higher", "lower"]));
        assert_eq!(find("ProgressBoxSchema", "source")["type"], "source");
        assert_eq!(find("FiguresBoxSchema", "figures")["def"], "Figure");
        assert_eq!(find("Figure", "compare")["def"], "Compare");
        assert_eq!(find("BarBoxSchema", "highlight")["type"], "texts");
        assert_eq!(find("ProgressBoxSchema", "out_of")["type"], "whole");
        assert_eq!(find("ProgressBoxSchema", "title")["label"], "Tiêu đề");
        assert_eq!(form["kinds"]["rank-change"], "RankChangeBoxSchema");
    }
}
