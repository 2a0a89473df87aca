//! A box's HTML, written as one string: the header, the figures or the chart's holder,
//! the status lines, the data table, the footer; and the two views of a box that cannot
//! be shown.
//!
//! The widget puts this string into the box's shadow root with one `innerHTML` (then finds
//! the few elements it wires up), where building it node by node cost about a hundred
//! calls out of the wasm per box, 15–25 ms of the main thread in Chromium. Natively, the
//! same string is what tests read and what a prerendered box is made of: one function
//! writes a box's markup, wherever it is shown.
//!
//! Every string from the data goes through [`Html::text`] or an attribute value, both
//! escaped, so no text in a JSON file can inject markup or script.

use crate::error::{Category, Problem};
use crate::format::{Direction, Lang};
use crate::layout::figures::{FigureView, view};
use crate::model::{Body, FactBox, Figure};
use crate::validate::Failure;

/// The start of the CSV link's address, before the data is written into it.
pub const CSV_PREFIX: &str = "data:text/csv;charset=utf-8,";

/// HTML being written. Start tags are written whole, with their attributes; text and
/// attribute values are escaped as they are added.
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// `<tag class="class" name="value"…>`; an empty class is left out.
    pub fn start(&mut self, tag: &str, class: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        if !class.is_empty() {
            self.attr_only("class", class);
        }
        for (name, value) in attrs {
            self.attr_only(name, value);
        }
        self.out.push('>');
        self
    }

    fn attr_only(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value);
        self.out.push('"');
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// `</tag>`.
    pub fn end(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag class="class" …>text</tag>`.
    pub fn leaf(
        &mut self,
        tag: &str,
        class: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> &mut Self {
        self.start(tag, class, attrs).text(text).end(tag)
    }

    /// Markup this module wrote itself (a nested view), added as it is.
    pub(crate) fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes the five characters that could end a text or an attribute value, or begin
/// markup.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    // The runs between the five characters are copied whole (a table of 1,000 rows is
    // mostly such runs): a char at a time took a tenth of the markup's time in the wasm.
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(text.get(start..i).unwrap_or_default());
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

fn yes_no(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// The `<figure>` of a valid box, live or prerendered alike (one markup, byte for byte):
/// header, body, footer. A chart is its drawings (`crate::prerender::drawings`: one `<svg>`
/// per layout width, shown by container queries, with its marks for the interaction
/// script), its status lines and its data table; the CSV link is written out, and the
/// image button, which needs the script, holds its place invisibly until the script
/// attaches (`data-fb-later`), so that nothing moves then. `drawings` gives, for the
/// chart's text alternative, those `<svg>` elements.
pub fn fact_box(b: &FactBox) -> String {
    crate::prerender::figure(b, &[])
}

/// How a box is written beyond its document: a table's rows, and when a box with live
/// data read it.
#[derive(Debug, Clone, Copy)]
pub struct Writing {
    pub rows: crate::table::Rows,
    /// When the box's live data was read; `None` for a box whose data was not read (it
    /// shows its own values).
    pub read_at: Option<ReadAt>,
    /// The box's live data could not be read: it shows its own values, and says so.
    pub unread: bool,
}

/// A moment, as [`crate::format::clock`] takes it: milliseconds since 1970 and the
/// reader's (or the newsroom's) minutes from UTC.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadAt {
    pub ms: f64,
    pub offset: i32,
}

impl Writing {
    /// Every row, no reading time: a box as its document alone says it.
    pub const WHOLE: Writing = Writing { rows: crate::table::Rows::All, read_at: None, unread: false };
}

/// The `<figure>` of a valid box with the given drawings (see [`fact_box`]), written as
/// `how` says.
pub(crate) fn fact_box_with(
    b: &FactBox,
    how: Writing,
    drawings: impl Fn(&str) -> String,
) -> String {
    let rows = how.rows;
    let mut h = Html::default();
    let lang = b.lang;
    h.start(
        "figure",
        "fb",
        &[("lang", lang.tag()), ("data-kind", b.kind())],
    );
    h.start("figcaption", "fb-head", &[]);
    h.leaf(
        "p",
        "fb-title",
        &[("id", &format!("fb-title-{}", b.id))],
        &b.title,
    );
    if let Some(subtitle) = &b.subtitle {
        h.leaf("p", "fb-subtitle", &[], subtitle);
    }
    h.end("figcaption");
    match &b.body {
        Body::Figures(figures, _) => {
            h.start("dl", "fb-figures", &[]);
            for f in figures {
                figure_item(&mut h, f, lang);
            }
            h.end("dl");
        }
        Body::Table(table) => crate::table::markup(&mut h, b, table, rows),
        body => {
            legend(&mut h, body);
            let rows = crate::describe::rows(b);
            let label = crate::describe::label(b, &rows);
            h.start("div", "fb-chart fb-static", &[]);
            h.raw(&drawings(&label));
            h.end("div");
            status_lines(&mut h, body, lang);
            data_table(&mut h, b, &rows);
        }
    }
    footer(&mut h, b, how);
    h.end("figure");
    h.finish()
}

/// The chart's data as a real table, behind a "Xem dữ liệu" / "Show data" disclosure
/// (keyboard and screen-reader friendly without any script), with every value written
/// as in the chart's tooltips.
fn data_table(h: &mut Html, b: &FactBox, rows: &[Vec<String>]) {
    let vi = b.lang == Lang::Vi;
    let headers: &[&str] = match (b.kind(), vi) {
        ("rank-change", true) => &["Mục", "Thứ hạng", "Thay đổi"],
        ("rank-change", false) => &["Item", "Rank", "Change"],
        ("line", true) => &["Thời điểm", "Giá trị"],
        ("line", false) => &["Date", "Value"],
        (_, true) => &["Mục", "Giá trị"],
        (_, false) => &["Item", "Value"],
    };
    h.start("details", "fb-data", &[]);
    h.leaf(
        "summary",
        "",
        &[],
        if vi { "Xem dữ liệu" } else { "Show data" },
    );
    h.start("table", "", &[]);
    h.leaf("caption", "fb-caption", &[], &b.title);
    h.start("thead", "", &[]).start("tr", "", &[]);
    for header in headers {
        h.leaf("th", "", &[("scope", "col")], header);
    }
    h.end("tr").end("thead");
    table_body(h, rows);
    h.end("table").end("details");
}

/// The rows of a chart's data as a `<tbody>`, each row's first cell its header: the box's
/// table and the plain version's (`crate::plain`).
pub(crate) fn table_body(h: &mut Html, rows: &[Vec<String>]) {
    h.start("tbody", "", &[]);
    for row in rows {
        h.start("tr", "", &[]);
        for (k, cell) in row.iter().enumerate() {
            if k == 0 {
                h.leaf("th", "", &[("scope", "row")], cell);
            } else {
                h.leaf("td", "", &[], cell);
            }
        }
        h.end("tr");
    }
    h.end("tbody");
}

/// Toggle buttons for the series of a line chart with more than one series.
fn legend(h: &mut Html, body: &Body) {
    let Body::Line(chart) = body else {
        return;
    };
    if chart.series.len() < 2 {
        return;
    }
    h.start("div", "fb-legend", &[]);
    for (i, s) in chart.series.iter().enumerate() {
        h.start(
            "button",
            "fb-legend-item",
            &[("type", "button"), ("aria-pressed", "true")],
        );
        let swatch = if s.highlight {
            "fb-swatch fb-swatch-hl".to_owned()
        } else {
            format!("fb-swatch fb-swatch-s{}", i % 6)
        };
        h.start("span", &swatch, &[("aria-hidden", "true")])
            .end("span");
        h.text(&s.name).end("button");
    }
    h.end("div");
}

/// Sentences under a chart that the chart alone would leave to colour or to reading
/// lengths: whether a target is met, and a share's missing part.
fn status_lines(h: &mut Html, body: &Body, lang: Lang) {
    let Some(text) = crate::layout::card::status(body, lang) else {
        return;
    };
    match body {
        Body::Progress(p) => {
            let standing = crate::layout::progress::standing(p);
            let met = standing == Some(crate::layout::progress::Standing::Met);
            match standing {
                Some(s) => h.leaf(
                    "p",
                    "fb-status",
                    &[("data-met", yes_no(met)), ("data-standing", s.name())],
                    &text,
                ),
                None => h.leaf("p", "fb-status", &[("data-met", yes_no(met))], &text),
            };
        }
        _ => {
            h.leaf("p", "fb-warning", &[("role", "note")], &text);
        }
    }
}

fn figure_item(h: &mut Html, f: &Figure, lang: Lang) {
    let v: FigureView = view(f, lang);
    h.start("div", "fb-figure", &[]);
    // The label comes first in the DOM, so a <dl> is valid and screen readers read
    // "label: value"; CSS shows the value above it, as readers scan numbers first.
    h.leaf("dt", "fb-label", &[], &v.label);
    h.start("dd", "fb-value", &[]);
    // What is seen and what is heard differ: screen readers get the number ungrouped
    // and the unit in words (see `format::spoken`), the eye gets the article's style.
    h.start("span", "", &[("aria-hidden", "true")]);
    if let Some(q) = &v.qualifier {
        h.leaf("span", "fb-qualifier", &[], q);
        // "hạng 86", "hơn 9.300": the qualifier never ends a line alone.
        h.text("\u{a0}");
    }
    h.leaf("span", "fb-number", &[], &v.number);
    if let Some(unit) = &v.unit {
        if !v.unit_attached {
            h.text(" ");
        }
        let class = if v.unit_attached {
            "fb-unit fb-unit-attached"
        } else {
            "fb-unit"
        };
        h.leaf("span", class, &[], unit);
    }
    if let Some(status) = &v.status {
        // Not a tooltip: the word stands beside the figure, as the article prints it.
        h.text(" ");
        h.leaf("span", "fb-status-word", &[], status);
    }
    h.end("span");
    h.leaf("span", "fb-sr", &[], &v.spoken);
    h.end("dd");
    if let Some(ch) = &v.change {
        h.start("dd", "fb-change", &[]);
        h.start("span", "", &[("aria-hidden", "true")]);
        let direction = match ch.direction {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
        };
        let badge = format!("{} {}", ch.direction.arrow(), ch.change);
        match ch.improved {
            Some(improved) => h.leaf(
                "span",
                "fb-change-value",
                &[
                    ("data-direction", direction),
                    ("data-improved", yes_no(improved)),
                ],
                &badge,
            ),
            None => h.leaf(
                "span",
                "fb-change-value",
                &[("data-direction", direction)],
                &badge,
            ),
        };
        h.leaf("span", "fb-change-context", &[], &ch.context);
        h.end("span");
        h.leaf("span", "fb-sr", &[], &ch.spoken);
        h.end("dd");
    }
    h.end("div");
}

/// A box with live data says when it was read, on a line that holds both of its wordings
/// in one place (CSS shows one): marking the box out of date (the script adds `fb-stale`)
/// moves nothing, at any width, however each wording wraps. Only where live data is read
/// or prerendered (the `live` and `dev` features: natively, the editors' and developers'
/// engines): the readers' widget never draws a live box.
#[cfg(any(feature = "live", feature = "dev"))]
fn live_line(h: &mut Html, b: &FactBox, how: Writing) {
    if b.data.is_none() {
        return;
    }
    let words = b.lang.words();
    let (class, now, old) = match how.read_at {
        Some(at) => {
            let time = crate::format::clock(at.ms, at.offset, b.lang);
            ("fb-live", words.updated.replace("{time}", &time), words.stale.replace("{time}", &time))
        }
        None if how.unread => ("fb-live fb-stale", String::new(), words.unread.to_owned()),
        None => return,
    };
    h.start("p", class, &[]);
    h.leaf("span", "", &[], &now).leaf("span", "", &[], &old);
    h.end("p");
}

/// The address of the box's CSV download: its data as a `data:` URL.
pub fn csv_address(b: &FactBox) -> String {
    format!(
        "{CSV_PREFIX}{}",
        crate::csv::percent_encoded(&crate::csv::csv(b))
    )
}

/// The footer: note, source (linked), byline, date, and the two downloads: the CSV link
/// and the image button (`.fb-action`, in that order), whose handlers the widget attaches.
/// `prerendered`: the CSV written out (no widget writes it on demand) and the image
/// button invisible (`data-fb-later`) until the widget takes the box over.
fn footer(h: &mut Html, b: &FactBox, how: Writing) {
    let rows = how.rows;
    let words = b.lang.words();
    h.start("div", "fb-foot", &[]);
    if let Some(note) = &b.note {
        h.leaf("p", "fb-note", &[], note);
    }
    if b.source.is_some() || b.byline.is_some() || b.as_of.is_some() {
        h.start("p", "fb-meta", &[]);
        if let Some(source) = &b.source {
            h.start("span", "fb-source", &[]);
            h.text(words.source).text(": ");
            match &source.url {
                Some(url) => h.leaf(
                    "a",
                    "",
                    &[
                        ("href", url),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                    ],
                    &source.text,
                ),
                None => h.text(&source.text),
            };
            h.end("span");
        }
        if let Some(byline) = &b.byline {
            h.leaf("span", "fb-byline", &[], byline);
        }
        if let Some(date) = &b.as_of {
            let text = format!("{} {}", words.as_of, date.display(b.lang));
            h.leaf("span", "fb-asof", &[], &text);
        }
        h.end("p");
    }
    #[cfg(any(feature = "live", feature = "dev"))]
    live_line(h, b, how);
    // The CSV is a download link (a data: URL, which any CSP allows), written out: it
    // works without any script. The image is drawn on demand by the script. A table
    // drawn in the browser a page first gets its CSV with the rest of its rows (the
    // address of a 1,000-row table's is 78 kB, which writing cost more than the first
    // page): until then the address is empty, in its place so that setting it makes the
    // prerendered markup.
    h.start("p", "fb-actions", &[]);
    let href = if crate::table::comes_later(b, rows) {
        String::new()
    } else {
        csv_address(b)
    };
    h.leaf(
        "a",
        "fb-action",
        &[("href", &href), ("download", &crate::csv::file_name(b))],
        words.get_data,
    );
    // A table's image would be a picture of text: its data is the CSV.
    if !matches!(b.body, Body::Table(_)) {
        let button: &[(&str, &str)] = &[
            ("type", "button"),
            ("data-fb-later", ""),
            ("tabindex", "-1"),
        ];
        h.leaf("button", "fb-action", button, words.get_image);
    }
    h.end("p").end("div");
}

/// Whether a failure may pass by itself, so that loading the file again is worth offering.
fn passing(failure: &Failure) -> bool {
    failure
        .problems
        .iter()
        .any(|p| p.category() == Category::Network)
}

/// The notice readers of a published page see in place of a box that cannot be shown: a
/// neutral sentence in the page's language, nothing from the JSON, and, where the failure
/// may pass, the "Thử lại" / "Try again" button.
pub fn reader_notice(failure: &Failure, lang: Lang) -> String {
    let mut h = Html::default();
    h.start(
        "div",
        "fb fb-error fb-error-reader",
        &[("role", "note"), ("lang", lang.tag())],
    );
    h.leaf("p", "fb-error-notice", &[], lang.words().unavailable);
    retry_button(&mut h, failure, lang);
    h.end("div");
    h.finish()
}

/// Where a failure may pass, a "Thử lại" / "Try again" button. The loader attaches its
/// handler (it owns fetching), so the button needs no wasm to work.
fn retry_button(h: &mut Html, failure: &Failure, lang: Lang) {
    if passing(failure) {
        h.leaf(
            "button",
            "fb-retry",
            &[("type", "button")],
            lang.words().retry,
        );
    }
}

/// The error box that editors see in place of a box that cannot be shown: every problem
/// with where it is, and an excerpt of the JSON around it.
pub fn failure(failure: &Failure, source: Option<&str>, json: Option<&str>) -> String {
    let lang = failure.lang;
    let words = lang.words();
    let mut h = Html::default();
    h.start(
        "div",
        "fb fb-error",
        &[("role", "alert"), ("lang", lang.tag())],
    );
    h.leaf("p", "fb-error-title", &[], words.error_title);
    h.start("ul", "fb-error-list", &[]);
    for problem in &failure.problems {
        problem_item(&mut h, problem, lang, json);
    }
    h.end("ul");
    let mut where_ = Vec::new();
    if let Some(s) = source {
        where_.push(match lang {
            Lang::Vi => format!("Tệp dữ liệu: {s}"),
            Lang::En => format!("Data file: {s}"),
        });
    }
    if let Some(id) = &failure.id {
        where_.push(match lang {
            Lang::Vi => format!("hộp “{id}”"),
            Lang::En => format!("box “{id}”"),
        });
    }
    if !where_.is_empty() {
        h.leaf("p", "fb-error-where", &[], &where_.join(" · "));
    }
    h.leaf(
        "p",
        "fb-error-preview",
        &[],
        &format!("{} “{}”", words.preview_note, words.unavailable),
    );
    retry_button(&mut h, failure, lang);
    h.end("div");
    h.finish()
}

fn problem_item(h: &mut Html, problem: &Problem, lang: Lang, json: Option<&str>) {
    h.start("li", "", &[]);
    let location = problem.location(lang);
    if !location.is_empty() {
        h.leaf("code", "fb-error-path", &[], &location);
        h.text(": ");
    }
    h.leaf("span", "fb-error-what", &[], &problem.what.describe(lang));
    if let (Some(at), Some(text)) = (problem.at, json) {
        if let Some(excerpt) = crate::error::excerpt(text, at) {
            h.leaf("pre", "fb-error-excerpt", &[], &excerpt);
        }
    }
    h.end("li");
}

/// A page's boxes one after another: each valid box's figure, each broken one's view
/// (`show` chooses which).
pub fn boxes<'a>(
    results: impl IntoIterator<Item = &'a Result<FactBox, Failure>>,
    mut show: impl FnMut(&Failure) -> String,
) -> String {
    let mut h = Html::default();
    for result in results {
        match result {
            Ok(b) => h.raw(&fact_box(b)),
            Err(failure) => h.raw(&show(failure)),
        };
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> FactBox {
        let mut loaded = crate::load(json, None, Lang::Vi).unwrap();
        loaded.remove(0).unwrap()
    }

    /// Every start tag has its end tag, in order (the markup has no void elements).
    fn balanced(html: &str) -> bool {
        let mut stack = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            if tag.ends_with('/') || tag.starts_with("input ") {
                // A self-closing SVG element, or a void one.
            } else if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name.to_owned()) {
                    return false;
                }
            } else {
                stack.push(tag.split(' ').next().unwrap().to_owned());
            }
            rest = &rest[close + 1..];
        }
        stack.is_empty()
    }

    #[test]
    fn text_from_the_data_cannot_become_markup() {
        let b = one(r#"{"version": 1, "boxes": [{"id": "x", "kind": "bar",
                "title": "<img src=x onerror=alert(1)> & \"quoted\" 'single'",
                "note": "</figure><script>alert(2)</script>",
                "bars": [{"label": "<b>A</b>", "value": 1}]}]}"#);
        let html = fact_box(&b);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains(
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;"
        ));
        assert!(balanced(&html), "{html}");
    }

    #[test]
    fn every_demo_box_is_balanced_and_says_its_title_figures_and_source() {
        for file in ["www/data/egov-vn.json", "www/data/egov-en.json"] {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + file;
            let json = std::fs::read_to_string(&path).unwrap();
            let loaded = crate::load(&json, None, Lang::Vi).unwrap();
            assert!(!loaded.is_empty());
            for b in loaded.iter().flatten() {
                let html = fact_box(b);
                assert!(balanced(&html), "{}: {html}", b.id);
                assert!(html.starts_with("<figure class=\"fb\""));
                let mut title = Html::default();
                title.text(&b.title);
                assert!(html.contains(&title.finish()), "{}", b.id);
                let charted = !matches!(b.body, Body::Figures(..) | Body::Table(_));
                assert_eq!(html.contains("<svg xmlns"), charted, "{}", b.id);
                // The CSV and, for all but a table (whose data is its picture), the image.
                let actions = if matches!(b.body, Body::Table(_)) { 1 } else { 2 };
                assert_eq!(html.matches("class=\"fb-action\"").count(), actions);
            }
        }
    }

    #[test]
    fn figures_keep_the_qualifier_with_the_number_and_say_the_change() {
        let b = one(
            r#"{"version": 1, "boxes": [{"id": "f", "kind": "figures", "title": "T",
                "figures": [{"label": "Thủ tục", "value": 9300, "qualifier": "hơn",
                             "compare": {"value": 10000}}]}]}"#,
        );
        let html = fact_box(&b);
        assert!(
            html.contains("<span class=\"fb-qualifier\">hơn</span>\u{a0}<span class=\"fb-number\">9.300</span>"),
            "{html}"
        );
        assert!(html.contains("data-direction=\"down\""), "{html}");
        assert!(balanced(&html));
    }

    #[test]
    fn failures_say_where_and_offer_a_retry_only_when_it_may_pass() {
        let json =
            r#"{"version": 1, "boxes": [{"id": "a", "kind": "bar", "title": "T", "bars": []}]}"#;
        let Err(failure) = crate::load(json, None, Lang::En).unwrap().remove(0) else {
            panic!("an empty bar chart is refused");
        };
        let html = super::failure(&failure, Some("data/<a>.json"), Some(json));
        assert!(balanced(&html), "{html}");
        assert!(html.contains("Data file: data/&lt;a&gt;.json"), "{html}");
        assert!(html.contains("box “a”"), "{html}");
        assert!(!html.contains("fb-retry"));
        let notice = reader_notice(&failure, Lang::Vi);
        assert!(balanced(&notice));
        assert!(!notice.contains("fb-retry"));
        let network = Failure {
            lang: Lang::Vi,
            id: None,
            problems: vec![Problem::whole(crate::What::Http {
                status: 503,
                url: "data/a.json".to_owned(),
            })],
        };
        assert!(reader_notice(&network, Lang::Vi).contains("class=\"fb-retry\""));
    }
}
