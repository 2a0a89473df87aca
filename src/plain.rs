//! A box as plain HTML, for where its shadow root cannot live.
//!
//! A snippet's box lives in a declarative shadow root (`<template shadowrootmode>`), which
//! HTML sanitizers remove (DOMPurify's defaults strip the attribute and leave the whole box
//! inert inside its `<template>`), and which RSS readers, e-mail and old browsers never
//! attach. This is what such a reader sees instead: the same words and numbers as the box
//! (title, figures as the box writes them, the chart as one SVG drawing in literal
//! colours, its data as a table, the status lines, note and source), in elements every
//! sanitizer keeps (`p`, `ul`, `strong`, `table`, `details`, `svg`, `a`), styled by the
//! page. It sits in the snippet's element after the template: where the shadow root is
//! attached, it is not slotted and so neither shown nor read out.

use crate::format::Lang;
use crate::layout::figures::view;
use crate::markup::Html;
use crate::model::{Body, FactBox};
use crate::render::Theme;
use crate::svg::{Colors, scene_svg};

/// The width the fallback's drawing is laid out at, in CSS pixels (it scales down to fit
/// the column: `max-width: 100%`).
const WIDTH: f64 = 600.0;

/// The plain version of `b` (see the module's documentation).
pub fn plain(b: &FactBox) -> String {
    plain_drawn(b, &crate::prerender::Drawing::default())
}

/// [`plain`] with the drawing's text measured and set as `drawing` says.
pub fn plain_drawn(b: &FactBox, drawing: &crate::prerender::Drawing<'_>) -> String {
    plain_with(b, drawing, None)
}

/// The plain version for a sanitizer that keeps no SVG (WordPress's, for authors without
/// `unfiltered_html`, keeps the text of the elements it removes, so a drawing's labels
/// would be left as loose words): the chart as an `<img>` of the box's PNG at `image`,
/// its text alternative as the image's `alt`.
pub fn plain_imaged(b: &FactBox, drawing: &crate::prerender::Drawing<'_>, image: &str) -> String {
    plain_with(b, drawing, Some(image))
}

fn plain_with(b: &FactBox, drawing: &crate::prerender::Drawing<'_>, image: Option<&str>) -> String {
    let lang = b.lang;
    let words = lang.words();
    let mut h = Html::default();
    h.start("div", "factbox-plain", &[("lang", lang.tag())]);
    h.start("p", "", &[])
        .leaf("strong", "", &[], &b.title)
        .end("p");
    if let Some(subtitle) = &b.subtitle {
        h.leaf("p", "", &[], subtitle);
    }
    match &b.body {
        Body::Figures(figures, _) => {
            h.start("ul", "", &[]);
            for f in figures {
                let v = view(f, lang);
                h.start("li", "", &[]).text(&v.label).text(": ");
                h.start("strong", "", &[]);
                if let Some(q) = &v.qualifier {
                    h.text(q).text("\u{a0}");
                }
                h.text(&v.number);
                if let Some(unit) = &v.unit {
                    h.text(if v.unit_attached { "" } else { " " }).text(unit);
                }
                h.end("strong");
                if let Some(status) = &v.status {
                    h.text(" (").text(status).text(")");
                }
                if let Some(ch) = &v.change {
                    h.text("; ").text(&ch.change).text(" ").text(&ch.context);
                }
                h.end("li");
            }
            h.end("ul");
        }
        // The table itself, whole: every row, its headings, numbers as the box writes them.
        Body::Table(t) => {
            // Scrolling sideways in its own box on a phone, not the page.
            h.start("div", "", &[("style", "overflow:auto")]);
            h.start("table", "", &[]);
            h.start("thead", "", &[]).start("tr", "", &[]);
            for c in &t.columns {
                h.leaf("th", "", &[("scope", "col")], &crate::table::heading(c, lang));
            }
            h.end("tr").end("thead");
            crate::markup::table_body(&mut h, &crate::table::rows(t, lang));
            h.end("table").end("div");
        }
        body => {
            let rows = crate::describe::rows(b);
            let label = crate::describe::label(b, &rows);
            if let Some(src) = image {
                h.start("p", "", &[]);
                h.start("img", "", &[("src", src), ("alt", &label), ("style", "max-width:100%;height:auto")]);
                h.end("p");
            } else if let Some(scene) = crate::layout::chart(body, WIDTH, lang, drawing.measure, &[]) {
                let mut theme = Theme::light();
                drawing.family.clone_into(&mut theme.font_family);
                let mut escaped = String::new();
                crate::markup::escape_into(&mut escaped, &label);
                h.raw(&scene_svg(
                    &scene,
                    &theme,
                    Colors::Literal,
                    &format!(
                        " role=\"img\" aria-label=\"{escaped}\" style=\"max-width:100%;height:auto;background:#fff\""
                    ),
                ));
            }
            if let Some(text) = crate::layout::card::status(body, lang) {
                h.leaf("p", "", &[], &text);
            }
            h.start("details", "", &[]);
            h.leaf(
                "summary",
                "",
                &[],
                if lang == Lang::Vi {
                    "Xem dữ liệu"
                } else {
                    "Show data"
                },
            );
            h.start("table", "", &[]);
            crate::markup::table_body(&mut h, &rows);
            h.end("table").end("details");
        }
    }
    if let Some(note) = &b.note {
        h.leaf("p", "", &[], note);
    }
    if b.source.is_some() || b.byline.is_some() || b.as_of.is_some() {
        h.start("p", "", &[]).start("small", "", &[]);
        let mut first = true;
        let mut sep = |h: &mut Html| {
            if !first {
                h.text(" · ");
            }
            first = false;
        };
        if let Some(source) = &b.source {
            sep(&mut h);
            h.text(words.source).text(": ");
            match &source.url {
                Some(url) => h.leaf("a", "", &[("href", url)], &source.text),
                None => h.text(&source.text),
            };
        }
        if let Some(byline) = &b.byline {
            sep(&mut h);
            h.text(byline);
        }
        if let Some(date) = &b.as_of {
            sep(&mut h);
            h.text(words.as_of).text(" ").text(&date.display(lang));
        }
        h.end("small").end("p");
    }
    h.end("div");
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::plain;
    use crate::format::Lang;
    use crate::validate::load;

    fn one(json: &str) -> crate::model::FactBox {
        match load(json, None, Lang::Vi) {
            Ok(mut boxes) => boxes
                .remove(0)
                .unwrap_or_else(|f| panic!("{:?}", f.messages())),
            Err(f) => panic!("{:?}", f.messages()),
        }
    }

    #[test]
    fn figures_read_as_the_box_writes_them() {
        let b = one(
            r#"{"version": 1, "boxes": [{"id": "a", "kind": "figures", "title": "Tiết kiệm <mỗi năm>",
            "source": {"text": "VPCP", "url": "https://vpcp.vn/"},
            "figures": [{"value": 9300, "qualifier": "hơn", "unit": "tỉ đồng", "label": "mỗi năm", "status": "estimate"},
                        {"value": [90, 200], "unit": "tỉ USD", "label": "năm 2030", "status": "forecast"}]}]}"#,
        );
        let html = plain(&b);
        assert!(html.starts_with("<div class=\"factbox-plain\" lang=\"vi\"><p><strong>Tiết kiệm &lt;mỗi năm&gt;</strong></p>"), "{html}");
        assert!(
            html.contains("<li>mỗi năm: <strong>hơn\u{a0}9.300 tỉ đồng</strong> (ước tính)</li>"),
            "{html}"
        );
        // A range stays a range, a forecast says so.
        assert!(
            html.contains("<strong>90–200 tỉ USD</strong> (dự báo)"),
            "{html}"
        );
        assert!(
            html.contains("Nguồn: <a href=\"https://vpcp.vn/\">VPCP</a>"),
            "{html}"
        );
        assert!(!html.contains("<svg"), "figures have no drawing");
    }

    #[test]
    fn a_chart_is_one_drawing_and_its_data() {
        let b = one(
            r#"{"version": 1, "boxes": [{"id": "b", "kind": "bar", "title": "EGDI", "locale": "en",
            "bars": [{"label": "Việt Nam", "value": 0.6787}, {"label": "Thái Lan", "value": 0.7565}]}]}"#,
        );
        let html = plain(&b);
        assert_eq!(html.matches("<svg").count(), 1, "{html}");
        assert!(html.contains("role=\"img\" aria-label=\""), "{html}");
        assert!(html.contains("<summary>Show data</summary>"), "{html}");
        assert!(
            html.contains("<th scope=\"row\">Thái Lan</th><td>0.7565</td>"),
            "{html}"
        );
        // Literal colours: no class or custom property the page's CSS would not define.
        assert!(!html.contains("var(--"), "{html}");
    }
}
