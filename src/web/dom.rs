//! Building a box's DOM inside its shadow root.
//!
//! Every string from the data reaches the page through `textContent` (or an attribute),
//! never as HTML, so no text in a JSON file can inject markup or script.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::error::{Problem, What};
use crate::format::Lang;
use crate::layout::figures::{FigureView, view};
use crate::model::{Body, FactBox, Figure};
use crate::validate::Failure;

/// Creates `<tag class="class">`.
pub fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// Creates `<tag class="class">text</tag>` and appends it to `parent`.
pub fn text_child(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    e.set_text_content(Some(text));
    parent.append_child(&e)?;
    Ok(e)
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
pub fn fact_box(doc: &Document, b: &FactBox) -> Result<Built, JsValue> {
    let lang = b.lang;
    let figure = el(doc, "figure", "fb")?;
    figure.set_attribute("lang", lang.tag())?;
    figure.set_attribute("data-kind", b.kind())?;
    let title_id = format!("fb-title-{}", b.id);
    let header = el(doc, "figcaption", "fb-head")?;
    let title = text_child(doc, &header, "p", "fb-title", &b.title)?;
    title.set_id(&title_id);
    if let Some(subtitle) = &b.subtitle {
        text_child(doc, &header, "p", "fb-subtitle", subtitle)?;
    }
    figure.append_child(&header)?;

    let mut chart = None;
    match &b.body {
        Body::Figures(figures) => {
            let list = el(doc, "dl", "fb-figures")?;
            for f in figures {
                figure_item(doc, &list, f, lang)?;
            }
            figure.append_child(&list)?;
        }
        body => {
            let legend = legend(doc, &figure, body)?;
            let holder = el(doc, "div", "fb-chart")?;
            let c: HtmlCanvasElement = el(doc, "canvas", "fb-canvas")?.dyn_into()?;
            c.set_attribute("role", "img")?;
            c.set_attribute("tabindex", "0")?;
            let rows = crate::describe::rows(b);
            c.set_attribute(
                "aria-label",
                &crate::format::ungrouped(&crate::describe::describe(b, &rows), lang),
            )?;
            holder.append_child(&c)?;
            let tip: HtmlElement = el(doc, "div", "fb-tip")?.dyn_into()?;
            tip.set_attribute("role", "status")?;
            tip.set_attribute("aria-live", "polite")?;
            tip.set_hidden(true);
            holder.append_child(&tip)?;
            figure.append_child(&holder)?;
            status_lines(doc, &figure, body, lang)?;
            data_table(doc, &figure, b, &rows)?;
            chart = Some(ChartParts {
                canvas: c,
                tip,
                legend,
            });
        }
    }
    let (csv_link, image_button) = footer(doc, &figure, b)?;
    Ok(Built {
        figure,
        chart,
        image_button,
        csv_link,
    })
}

/// The chart's data as a real table, behind a "Xem dữ liệu" / "Show data" disclosure
/// (keyboard and screen-reader friendly without any script), with every value written
/// as in the chart's tooltips.
fn data_table(
    doc: &Document,
    figure: &Element,
    b: &FactBox,
    rows: &[Vec<String>],
) -> Result<(), JsValue> {
    let vi = b.lang == Lang::Vi;
    let headers: &[&str] = match (b.kind(), vi) {
        ("rank-change", true) => &["Mục", "Thứ hạng", "Thay đổi"],
        ("rank-change", false) => &["Item", "Rank", "Change"],
        ("line", true) => &["Thời điểm", "Giá trị"],
        ("line", false) => &["Date", "Value"],
        (_, true) => &["Mục", "Giá trị"],
        (_, false) => &["Item", "Value"],
    };
    let details = el(doc, "details", "fb-data")?;
    text_child(
        doc,
        &details,
        "summary",
        "",
        if vi { "Xem dữ liệu" } else { "Show data" },
    )?;
    let table = el(doc, "table", "")?;
    text_child(doc, &table, "caption", "fb-caption", &b.title)?;
    let head = el(doc, "tr", "")?;
    for h in headers {
        let th = text_child(doc, &head, "th", "", h)?;
        th.set_attribute("scope", "col")?;
    }
    let thead = el(doc, "thead", "")?;
    thead.append_child(&head)?;
    table.append_child(&thead)?;
    let body = el(doc, "tbody", "")?;
    for row in rows {
        let tr = el(doc, "tr", "")?;
        for (k, cell) in row.iter().enumerate() {
            let (tag, scope) = if k == 0 {
                ("th", Some("row"))
            } else {
                ("td", None)
            };
            let c = text_child(doc, &tr, tag, "", cell)?;
            if let Some(scope) = scope {
                c.set_attribute("scope", scope)?;
            }
        }
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    details.append_child(&table)?;
    figure.append_child(&details)?;
    Ok(())
}

/// Toggle buttons for the series of a line chart with more than one series.
fn legend(doc: &Document, figure: &Element, body: &Body) -> Result<Vec<Element>, JsValue> {
    let Body::Line(chart) = body else {
        return Ok(Vec::new());
    };
    if chart.series.len() < 2 {
        return Ok(Vec::new());
    }
    let bar = el(doc, "div", "fb-legend")?;
    let mut buttons = Vec::new();
    for (i, s) in chart.series.iter().enumerate() {
        let button = el(doc, "button", "fb-legend-item")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("aria-pressed", "true")?;
        let swatch_class = if s.highlight {
            "fb-swatch fb-swatch-hl".to_owned()
        } else {
            format!("fb-swatch fb-swatch-s{}", i % 6)
        };
        let swatch = el(doc, "span", &swatch_class)?;
        swatch.set_attribute("aria-hidden", "true")?;
        button.append_child(&swatch)?;
        button.append_child(&doc.create_text_node(&s.name))?;
        bar.append_child(&button)?;
        buttons.push(button);
    }
    figure.append_child(&bar)?;
    Ok(buttons)
}

/// Sentences under a chart that the chart alone would leave to colour or to reading
/// lengths: whether a target is met, and a share's missing part.
fn status_lines(doc: &Document, figure: &Element, body: &Body, lang: Lang) -> Result<(), JsValue> {
    let Some(text) = crate::layout::card::status(body, lang) else {
        return Ok(());
    };
    match body {
        Body::Progress(p) => {
            let line = text_child(doc, figure, "p", "fb-status", &text)?;
            let met = crate::layout::progress::target_met(p).unwrap_or(false);
            line.set_attribute("data-met", if met { "true" } else { "false" })?;
        }
        _ => {
            let line = text_child(doc, figure, "p", "fb-warning", &text)?;
            line.set_attribute("role", "note")?;
        }
    }
    Ok(())
}

fn figure_item(doc: &Document, list: &Element, f: &Figure, lang: Lang) -> Result<(), JsValue> {
    let v: FigureView = view(f, lang);
    let item = el(doc, "div", "fb-figure")?;
    // The label comes first in the DOM, so a <dl> is valid and screen readers read
    // "label: value"; CSS shows the value above it, as readers scan numbers first.
    text_child(doc, &item, "dt", "fb-label", &v.label)?;
    let value = el(doc, "dd", "fb-value")?;
    // What is seen and what is heard differ: screen readers get the number ungrouped
    // and the unit in words (see `format::spoken`), the eye gets the article's style.
    let seen = el(doc, "span", "")?;
    seen.set_attribute("aria-hidden", "true")?;
    if let Some(q) = &v.qualifier {
        text_child(doc, &seen, "span", "fb-qualifier", q)?;
        seen.append_child(&doc.create_text_node(" "))?;
    }
    text_child(doc, &seen, "span", "fb-number", &v.number)?;
    if let Some(unit) = &v.unit {
        if !v.unit_attached {
            seen.append_child(&doc.create_text_node(" "))?;
        }
        let class = if v.unit_attached {
            "fb-unit fb-unit-attached"
        } else {
            "fb-unit"
        };
        text_child(doc, &seen, "span", class, unit)?;
    }
    value.append_child(&seen)?;
    text_child(doc, &value, "span", "fb-sr", &v.spoken)?;
    item.append_child(&value)?;
    if let Some(ch) = &v.change {
        let change = el(doc, "dd", "fb-change")?;
        let seen = el(doc, "span", "")?;
        seen.set_attribute("aria-hidden", "true")?;
        let badge = text_child(
            doc,
            &seen,
            "span",
            "fb-change-value",
            &format!("{} {}", ch.direction.arrow(), ch.change),
        )?;
        badge.set_attribute(
            "data-direction",
            match ch.direction {
                crate::format::Direction::Up => "up",
                crate::format::Direction::Down => "down",
                crate::format::Direction::Same => "same",
            },
        )?;
        text_child(doc, &seen, "span", "fb-change-context", &ch.context)?;
        change.append_child(&seen)?;
        text_child(doc, &change, "span", "fb-sr", &ch.spoken)?;
        item.append_child(&change)?;
    }
    list.append_child(&item)?;
    Ok(())
}

/// The start of the CSV link's address, before the data is written into it.
pub const CSV_PREFIX: &str = "data:text/csv;charset=utf-8,";

/// The footer: note, source (linked), byline, date, and the two downloads. Returns the
/// CSV link and the image button, whose handlers are attached by the caller.
fn footer(doc: &Document, figure: &Element, b: &FactBox) -> Result<(Element, Element), JsValue> {
    let words = b.lang.words();
    let foot = el(doc, "div", "fb-foot")?;
    if let Some(note) = &b.note {
        text_child(doc, &foot, "p", "fb-note", note)?;
    }
    let meta = el(doc, "p", "fb-meta")?;
    if let Some(source) = &b.source {
        let span = el(doc, "span", "fb-source")?;
        span.append_child(&doc.create_text_node(&format!("{}: ", words.source)))?;
        match &source.url {
            Some(url) => {
                let a = el(doc, "a", "")?;
                a.set_attribute("href", url)?;
                a.set_attribute("target", "_blank")?;
                a.set_attribute("rel", "noopener noreferrer")?;
                a.set_text_content(Some(&source.text));
                span.append_child(&a)?;
            }
            None => {
                span.append_child(&doc.create_text_node(&source.text))?;
            }
        }
        meta.append_child(&span)?;
    }
    if let Some(byline) = &b.byline {
        text_child(doc, &meta, "span", "fb-byline", byline)?;
    }
    if let Some(date) = &b.as_of {
        text_child(
            doc,
            &meta,
            "span",
            "fb-asof",
            &format!("{} {}", words.as_of, date.display(b.lang)),
        )?;
    }
    if meta.child_element_count() > 0 {
        foot.append_child(&meta)?;
    }
    // The CSV is a download link (a data: URL, which any CSP allows), whose address is
    // written when it is pressed (see `web::fill_csv`): most readers never press it, and a
    // 10,000-point line's CSV is 200 KB. The image is drawn on demand too.
    let actions = el(doc, "p", "fb-actions")?;
    let csv = text_child(doc, &actions, "a", "fb-action", words.get_data)?;
    csv.set_attribute("href", CSV_PREFIX)?;
    csv.set_attribute("download", &crate::csv::file_name(b))?;
    let image = text_child(doc, &actions, "button", "fb-action", words.get_image)?;
    image.set_attribute("type", "button")?;
    foot.append_child(&actions)?;
    figure.append_child(&foot)?;
    Ok((csv, image))
}

/// Builds the error box that stands in for a box that cannot be shown.
pub fn failure(
    doc: &Document,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) -> Result<Element, JsValue> {
    let lang = failure.lang;
    let words = lang.words();
    let root = el(doc, "div", "fb fb-error")?;
    root.set_attribute("role", "alert")?;
    root.set_attribute("lang", lang.tag())?;
    text_child(doc, &root, "p", "fb-error-title", words.error_title)?;
    let list = el(doc, "ul", "fb-error-list")?;
    for problem in &failure.problems {
        problem_item(doc, &list, problem, lang, json)?;
    }
    root.append_child(&list)?;
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
        text_child(doc, &root, "p", "fb-error-where", &where_.join(" · "))?;
    }
    // A failure of the network or the server may pass: offer to load again. The loader
    // attaches the handler (it owns fetching), so the button needs no wasm to work.
    let passing = failure.problems.iter().any(|p| {
        matches!(
            p.what,
            What::Timeout { .. } | What::Network { .. } | What::Http { status: 500.., .. }
        )
    });
    if passing {
        let retry = text_child(doc, &root, "button", "fb-retry", words.retry)?;
        retry.set_attribute("type", "button")?;
    }
    Ok(root)
}

fn problem_item(
    doc: &Document,
    list: &Element,
    problem: &Problem,
    lang: Lang,
    json: Option<&str>,
) -> Result<(), JsValue> {
    let li = el(doc, "li", "")?;
    let location = problem.location(lang);
    if !location.is_empty() {
        text_child(doc, &li, "code", "fb-error-path", &location)?;
        li.append_child(&doc.create_text_node(": "))?;
    }
    text_child(
        doc,
        &li,
        "span",
        "fb-error-what",
        &problem.what.describe(lang),
    )?;
    if let (Some(at), Some(text)) = (problem.at, json) {
        if let Some(excerpt) = crate::error::excerpt(text, at) {
            text_child(doc, &li, "pre", "fb-error-excerpt", &excerpt)?;
        }
    }
    list.append_child(&li)?;
    Ok(())
}
