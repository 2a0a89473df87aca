//! Building a box's DOM inside its shadow root.
//!
//! Every string from the data reaches the page through `textContent` (or an attribute),
//! never as HTML, so no text in a JSON file can inject markup or script.
//!
//! The helpers do not return errors: creating an element with one of these literal tag
//! names, setting a literal attribute name and appending a new element to a new parent
//! cannot fail. Dropping the `Result`s (and keeping each helper one call, not inlined)
//! removes an error path with its clean-up from every one of the hundred or so DOM calls
//! here: 2 KB of gzip.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::error::{Category, Problem};
use crate::format::Lang;
use crate::layout::figures::{FigureView, view};
use crate::model::{Body, FactBox, Figure};
use crate::validate::Failure;

/// Creates `<tag class="class">`.
#[inline(never)]
pub fn el(doc: &Document, tag: &str, class: &str) -> Element {
    // `createElement` fails only for an invalid tag name; every name here is a literal.
    let e: Element = doc
        .create_element(tag)
        .unwrap_or_else(|_| JsValue::NULL.unchecked_into());
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// Creates `<tag class="class">` and appends it to `parent`.
#[inline(never)]
pub fn child(doc: &Document, parent: &Element, tag: &str, class: &str) -> Element {
    let e = el(doc, tag, class);
    append(parent, &e);
    e
}

/// Creates `<tag class="class">text</tag>` and appends it to `parent`.
#[inline(never)]
pub fn text_child(doc: &Document, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let e = child(doc, parent, tag, class);
    e.set_text_content(Some(text));
    e
}

/// Appends `node` to `parent`.
#[inline(never)]
pub fn append(parent: &Element, node: &web_sys::Node) {
    // Fails only for a node that contains its parent or is a document; never here.
    let _ = parent.append_child(node);
}

/// Appends the text `text` to `parent`.
#[inline(never)]
fn append_text(doc: &Document, parent: &Element, text: &str) {
    append(parent, &doc.create_text_node(text));
}

/// Sets an attribute, whose name is a literal (only an invalid name fails).
#[inline(never)]
pub fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// The parts of a built box that drawing and interaction need later.
pub struct Built {
    /// The `<figure>` element, whose computed style holds the theme.
    pub figure: Element,
    /// The chart, for chart kinds.
    pub chart: Option<ChartParts>,
    /// The "Tải ảnh" / "Download image" button, which draws the image when pressed.
    pub image_button: Element,
    /// The "Tải dữ liệu" / "Get the data" link, whose CSV is written when pressed.
    pub csv_link: Element,
}

/// The elements of a chart.
pub struct ChartParts {
    pub canvas: HtmlCanvasElement,
    /// The tooltip, a live region so screen readers hear what the keyboard reaches.
    pub tip: HtmlElement,
    /// One toggle button per series, for line charts with several series.
    pub legend: Vec<Element>,
}

/// Builds the `<figure>` of a valid box: header, body, footer.
pub fn fact_box(doc: &Document, b: &FactBox) -> Built {
    let lang = b.lang;
    let figure = el(doc, "figure", "fb");
    attr(&figure, "lang", lang.tag());
    attr(&figure, "data-kind", b.kind());
    let header = child(doc, &figure, "figcaption", "fb-head");
    let title = text_child(doc, &header, "p", "fb-title", &b.title);
    title.set_id(&format!("fb-title-{}", b.id));
    if let Some(subtitle) = &b.subtitle {
        text_child(doc, &header, "p", "fb-subtitle", subtitle);
    }

    let mut chart = None;
    match &b.body {
        Body::Figures(figures) => {
            let list = child(doc, &figure, "dl", "fb-figures");
            for f in figures {
                figure_item(doc, &list, f, lang);
            }
        }
        body => {
            let legend = legend(doc, &figure, body);
            let holder = child(doc, &figure, "div", "fb-chart");
            let c: HtmlCanvasElement = child(doc, &holder, "canvas", "fb-canvas").unchecked_into();
            attr(&c, "role", "img");
            attr(&c, "tabindex", "0");
            let rows = crate::describe::rows(b);
            attr(
                &c,
                "aria-label",
                &crate::format::ungrouped(&crate::describe::describe(b, &rows), lang),
            );
            let tip: HtmlElement = child(doc, &holder, "div", "fb-tip").unchecked_into();
            attr(&tip, "role", "status");
            attr(&tip, "aria-live", "polite");
            tip.set_hidden(true);
            status_lines(doc, &figure, body, lang);
            data_table(doc, &figure, b, &rows);
            chart = Some(ChartParts {
                canvas: c,
                tip,
                legend,
            });
        }
    }
    let (csv_link, image_button) = footer(doc, &figure, b);
    Built {
        figure,
        chart,
        image_button,
        csv_link,
    }
}

/// The chart's data as a real table, behind a "Xem dữ liệu" / "Show data" disclosure
/// (keyboard and screen-reader friendly without any script), with every value written
/// as in the chart's tooltips.
fn data_table(doc: &Document, figure: &Element, b: &FactBox, rows: &[Vec<String>]) {
    let vi = b.lang == Lang::Vi;
    let headers: &[&str] = match (b.kind(), vi) {
        ("rank-change", true) => &["Mục", "Thứ hạng", "Thay đổi"],
        ("rank-change", false) => &["Item", "Rank", "Change"],
        ("line", true) => &["Thời điểm", "Giá trị"],
        ("line", false) => &["Date", "Value"],
        (_, true) => &["Mục", "Giá trị"],
        (_, false) => &["Item", "Value"],
    };
    let details = child(doc, figure, "details", "fb-data");
    text_child(
        doc,
        &details,
        "summary",
        "",
        if vi { "Xem dữ liệu" } else { "Show data" },
    );
    let table = child(doc, &details, "table", "");
    text_child(doc, &table, "caption", "fb-caption", &b.title);
    let head = child(doc, &child(doc, &table, "thead", ""), "tr", "");
    for h in headers {
        attr(&text_child(doc, &head, "th", "", h), "scope", "col");
    }
    let body = child(doc, &table, "tbody", "");
    for row in rows {
        let tr = child(doc, &body, "tr", "");
        for (k, cell) in row.iter().enumerate() {
            if k == 0 {
                attr(&text_child(doc, &tr, "th", "", cell), "scope", "row");
            } else {
                text_child(doc, &tr, "td", "", cell);
            }
        }
    }
}

/// Toggle buttons for the series of a line chart with more than one series.
fn legend(doc: &Document, figure: &Element, body: &Body) -> Vec<Element> {
    let Body::Line(chart) = body else {
        return Vec::new();
    };
    if chart.series.len() < 2 {
        return Vec::new();
    }
    let bar = child(doc, figure, "div", "fb-legend");
    let mut buttons = Vec::new();
    for (i, s) in chart.series.iter().enumerate() {
        let button = child(doc, &bar, "button", "fb-legend-item");
        attr(&button, "type", "button");
        attr(&button, "aria-pressed", "true");
        let swatch_class = if s.highlight {
            "fb-swatch fb-swatch-hl".to_owned()
        } else {
            format!("fb-swatch fb-swatch-s{}", i % 6)
        };
        attr(
            &child(doc, &button, "span", &swatch_class),
            "aria-hidden",
            "true",
        );
        append_text(doc, &button, &s.name);
        buttons.push(button);
    }
    buttons
}

/// Sentences under a chart that the chart alone would leave to colour or to reading
/// lengths: whether a target is met, and a share's missing part.
fn status_lines(doc: &Document, figure: &Element, body: &Body, lang: Lang) {
    let Some(text) = crate::layout::card::status(body, lang) else {
        return;
    };
    match body {
        Body::Progress(p) => {
            let line = text_child(doc, figure, "p", "fb-status", &text);
            let standing = crate::layout::progress::standing(p);
            let met = standing == Some(crate::layout::progress::Standing::Met);
            attr(&line, "data-met", if met { "true" } else { "false" });
            if let Some(standing) = standing {
                attr(&line, "data-standing", standing.name());
            }
        }
        _ => attr(
            &text_child(doc, figure, "p", "fb-warning", &text),
            "role",
            "note",
        ),
    }
}

fn figure_item(doc: &Document, list: &Element, f: &Figure, lang: Lang) {
    let v: FigureView = view(f, lang);
    let item = child(doc, list, "div", "fb-figure");
    // The label comes first in the DOM, so a <dl> is valid and screen readers read
    // "label: value"; CSS shows the value above it, as readers scan numbers first.
    text_child(doc, &item, "dt", "fb-label", &v.label);
    let value = child(doc, &item, "dd", "fb-value");
    // What is seen and what is heard differ: screen readers get the number ungrouped
    // and the unit in words (see `format::spoken`), the eye gets the article's style.
    let seen = child(doc, &value, "span", "");
    attr(&seen, "aria-hidden", "true");
    if let Some(q) = &v.qualifier {
        text_child(doc, &seen, "span", "fb-qualifier", q);
        // "hạng 86", "hơn 9.300": the qualifier never ends a line alone.
        append_text(doc, &seen, "\u{a0}");
    }
    text_child(doc, &seen, "span", "fb-number", &v.number);
    if let Some(unit) = &v.unit {
        if !v.unit_attached {
            append_text(doc, &seen, " ");
        }
        let class = if v.unit_attached {
            "fb-unit fb-unit-attached"
        } else {
            "fb-unit"
        };
        text_child(doc, &seen, "span", class, unit);
    }
    text_child(doc, &value, "span", "fb-sr", &v.spoken);
    if let Some(ch) = &v.change {
        let change = child(doc, &item, "dd", "fb-change");
        let seen = child(doc, &change, "span", "");
        attr(&seen, "aria-hidden", "true");
        let badge = text_child(
            doc,
            &seen,
            "span",
            "fb-change-value",
            &format!("{} {}", ch.direction.arrow(), ch.change),
        );
        attr(
            &badge,
            "data-direction",
            match ch.direction {
                crate::format::Direction::Up => "up",
                crate::format::Direction::Down => "down",
                crate::format::Direction::Same => "same",
            },
        );
        if let Some(improved) = ch.improved {
            attr(
                &badge,
                "data-improved",
                if improved { "true" } else { "false" },
            );
        }
        text_child(doc, &seen, "span", "fb-change-context", &ch.context);
        text_child(doc, &change, "span", "fb-sr", &ch.spoken);
    }
}

/// The start of the CSV link's address, before the data is written into it.
pub const CSV_PREFIX: &str = "data:text/csv;charset=utf-8,";

/// The footer: note, source (linked), byline, date, and the two downloads. Returns the
/// CSV link and the image button, whose handlers are attached by the caller.
fn footer(doc: &Document, figure: &Element, b: &FactBox) -> (Element, Element) {
    let words = b.lang.words();
    let foot = child(doc, figure, "div", "fb-foot");
    if let Some(note) = &b.note {
        text_child(doc, &foot, "p", "fb-note", note);
    }
    if b.source.is_some() || b.byline.is_some() || b.as_of.is_some() {
        let meta = child(doc, &foot, "p", "fb-meta");
        if let Some(source) = &b.source {
            let span = child(doc, &meta, "span", "fb-source");
            append_text(doc, &span, &format!("{}: ", words.source));
            match &source.url {
                Some(url) => {
                    let a = text_child(doc, &span, "a", "", &source.text);
                    attr(&a, "href", url);
                    attr(&a, "target", "_blank");
                    attr(&a, "rel", "noopener noreferrer");
                }
                None => append_text(doc, &span, &source.text),
            }
        }
        if let Some(byline) = &b.byline {
            text_child(doc, &meta, "span", "fb-byline", byline);
        }
        if let Some(date) = &b.as_of {
            let text = format!("{} {}", words.as_of, date.display(b.lang));
            text_child(doc, &meta, "span", "fb-asof", &text);
        }
    }
    // The CSV is a download link (a data: URL, which any CSP allows), whose address is
    // written when it is pressed (see `web::mount`): most readers never press it, and a
    // 10,000-point line's CSV is 200 KB. The image is drawn on demand too.
    let actions = child(doc, &foot, "p", "fb-actions");
    let csv = text_child(doc, &actions, "a", "fb-action", words.get_data);
    attr(&csv, "href", CSV_PREFIX);
    attr(&csv, "download", &crate::csv::file_name(b));
    let image = text_child(doc, &actions, "button", "fb-action", words.get_image);
    attr(&image, "type", "button");
    (csv, image)
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
pub fn reader_notice(doc: &Document, failure: &Failure, lang: Lang) -> Element {
    let words = lang.words();
    let root = el(doc, "div", "fb fb-error fb-error-reader");
    attr(&root, "role", "note");
    attr(&root, "lang", lang.tag());
    text_child(doc, &root, "p", "fb-error-notice", words.unavailable);
    retry_button(doc, &root, failure, lang);
    root
}

/// Where a failure may pass, a "Thử lại" / "Try again" button. The loader attaches its
/// handler (it owns fetching), so the button needs no wasm to work.
fn retry_button(doc: &Document, root: &Element, failure: &Failure, lang: Lang) {
    if passing(failure) {
        attr(
            &text_child(doc, root, "button", "fb-retry", lang.words().retry),
            "type",
            "button",
        );
    }
}

/// Builds the error box that editors see in place of a box that cannot be shown.
pub fn failure(
    doc: &Document,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) -> Element {
    let lang = failure.lang;
    let words = lang.words();
    let root = el(doc, "div", "fb fb-error");
    attr(&root, "role", "alert");
    attr(&root, "lang", lang.tag());
    text_child(doc, &root, "p", "fb-error-title", words.error_title);
    let list = child(doc, &root, "ul", "fb-error-list");
    for problem in &failure.problems {
        problem_item(doc, &list, problem, lang, json);
    }
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
        text_child(doc, &root, "p", "fb-error-where", &where_.join(" · "));
    }
    text_child(
        doc,
        &root,
        "p",
        "fb-error-preview",
        &format!("{} “{}”", words.preview_note, words.unavailable),
    );
    retry_button(doc, &root, failure, lang);
    root
}

fn problem_item(doc: &Document, list: &Element, problem: &Problem, lang: Lang, json: Option<&str>) {
    let li = child(doc, list, "li", "");
    let location = problem.location(lang);
    if !location.is_empty() {
        text_child(doc, &li, "code", "fb-error-path", &location);
        append_text(doc, &li, ": ");
    }
    text_child(
        doc,
        &li,
        "span",
        "fb-error-what",
        &problem.what.describe(lang),
    );
    if let (Some(at), Some(text)) = (problem.at, json) {
        if let Some(excerpt) = crate::error::excerpt(text, at) {
            text_child(doc, &li, "pre", "fb-error-excerpt", &excerpt);
        }
    }
}
