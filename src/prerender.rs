//! Boxes written ahead of time: the embed snippet with the box already inside it, which a
//! page shows before (and without) any script, and which the widget takes over.
//!
//! A snippet is the `[data-factbox]` element of an embed with the box's markup in a
//! declarative shadow root (`<template shadowrootmode="open">`): the same markup and the
//! same stylesheet as the live box ([`crate::markup`], [`crate::css::STYLE`]), so it is as
//! isolated from the article's CSS, follows light and dark through the same custom
//! properties, and prints the same. A chart is drawn as SVG once for each of [`WIDTHS`];
//! a container query shows the one for the width the box has, scaled to fit, so that a
//! 360 px phone and a 1200 px page both get a layout made for about their width, without
//! a script. After the template comes the box's plain version ([`crate::plain`]), which
//! is shown only where the template is not attached (a sanitizer removed it, RSS, e-mail).
//!
//! The element carries a hash of the document it was made from (`data-factbox-hash`,
//! [`content_hash`] of its [`crate::canonical`] text). The widget takes the box over as it is (the
//! interaction layer reads the markup); once the page is idle it fetches the data, and
//! when the text differs, the live data wins and the console says the snippet is stale.
//!
//! Everything here is pure: `factbox render` writes it to files and the widget's
//! `prerender` returns it, byte for byte the same for the same input.

use crate::format::Lang;
use crate::layout;
use crate::markup::{self, Html};
use crate::model::FactBox;
use crate::render::Theme;
use crate::svg::{Colors, scene_svg};
use crate::table::Rows;
use crate::text::Estimate;
use crate::validate::{Failure, Loaded, load};

/// The widths a prerendered chart is laid out at, in CSS pixels: the narrowest fits a
/// 320 px phone with the page's margins; between two of them the drawing is scaled by at
/// most 1.3, so its 12 px labels stay between about 11 and 16 px.
pub const WIDTHS: [f64; 5] = [MIN_WIDTH, 360.0, 460.0, 600.0, 780.0];
const MIN_WIDTH: f64 = 280.0;

/// The fonts of a drawing's text: ones with Arial's metrics, which its layout estimates
/// text widths with (`text::Estimate`), so that labels fit on every machine that has one of
/// them (Windows, macOS, iOS; Linux with Liberation or Arimo), and the widget, taking the
/// box over, draws the same text in the same place.
pub const DRAWING_FONT: &str = "Arial, \"Liberation Sans\", Arimo, Helvetica, sans-serif";

/// A short hash of a text (64-bit FNV-1a, in hex): of a document's canonical text, what a
/// snippet was made from, to tell whether the file has changed since.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// How a snippet's drawings measure and set their text: by default Arial's metrics
/// ([`Estimate`]) and [`DRAWING_FONT`]; `factbox render --font FILE` measures with the
/// site's own font and names it first (the page must have that font for readers).
#[derive(Clone, Copy)]
pub struct Drawing<'a> {
    pub measure: &'a dyn crate::text::Measure,
    /// The CSS font-family list of the drawings' text.
    pub family: &'a str,
}

impl Default for Drawing<'_> {
    fn default() -> Self {
        Drawing {
            measure: &Estimate,
            family: DRAWING_FONT,
        }
    }
}

/// Where the snippet's element finds its data when the widget takes it over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data<'a> {
    /// A file, by the URL given (relative to the article page).
    File(&'a str),
    /// Inside the element, in a `<script type="application/json">`: one paste for a CMS
    /// that cannot host files.
    Inline,
}

/// The colour scheme a snippet is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// The reader's (`prefers-color-scheme`), as live boxes do.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Scheme {
    /// From `light`, `dark` or `auto`.
    pub fn parse(text: &str) -> Option<Scheme> {
        match text {
            "auto" => Some(Scheme::Auto),
            "light" => Some(Scheme::Light),
            "dark" => Some(Scheme::Dark),
            _ => None,
        }
    }
}

/// How to write snippets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options<'a> {
    pub data: Data<'a>,
    pub scheme: Scheme,
    /// The language of boxes whose document does not say (as a page's `lang` would).
    pub lang: Lang,
    /// The width of the standalone image ([`Prerendered::svg`]), in CSS pixels.
    pub width: f64,
    /// The URL of factbox.js in the script tag; empty for no script tag.
    pub script: &'a str,
    /// When the live data of the document's live boxes was read (see
    /// [`markup::Writing`]); `None` when it was not.
    pub read_at: Option<markup::ReadAt>,
}

/// The default URL of the script in a snippet: factbox.js beside the article.
pub const DEFAULT_SCRIPT: &str = "factbox.js";
/// The default width of a box's standalone image (its PNG has twice as many pixels).
pub const DEFAULT_WIDTH: f64 = 640.0;
/// The narrowest and widest standalone image, in CSS pixels.
pub const IMAGE_WIDTHS: (f64, f64) = (MIN_WIDTH, layout::MAX_WIDTH);

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            data: Data::Inline,
            scheme: Scheme::Auto,
            lang: Lang::Vi,
            width: DEFAULT_WIDTH,
            script: DEFAULT_SCRIPT,
            read_at: None,
        }
    }
}

/// One box written ahead of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Prerendered {
    pub id: String,
    /// The embed snippet: the element with the box inside, then the script tag.
    pub html: String,
    /// The whole box as one standalone SVG image (title, figures or chart, notes and
    /// source), in literal colours, for RSS, newsletters, Apple News and social cards.
    pub svg: String,
    /// The snippet for a CMS whose sanitizer keeps no `<template>`, `<style>`, `<svg>` or
    /// `<script>` and leaves their text behind (WordPress for authors without
    /// `unfiltered_html`): the element with only the plain version inside, its chart an
    /// `<img>` of the box's PNG (`ID.png`, beside the data file), and no script — the site
    /// loads factbox.js, which then draws the box live from the data file.
    pub cms: String,
}

/// Every box of `json` (or the one `pick` names) written ahead of time; a box with
/// problems is a `Failure`, as the widget would show it: a snippet is never written for
/// what the widget would refuse.
pub fn prerender(
    json: &str,
    pick: Option<&str>,
    options: &Options<'_>,
) -> Result<Vec<Result<Prerendered, Failure>>, Failure> {
    prerender_drawn(json, pick, options, &Drawing::default())
}

/// [`prerender`] with the drawings' text measured and set as `drawing` says.
pub fn prerender_drawn(
    json: &str,
    pick: Option<&str>,
    options: &Options<'_>,
    drawing: &Drawing<'_>,
) -> Result<Vec<Result<Prerendered, Failure>>, Failure> {
    // What the widget will read: the file as it is, or the text inside the snippet.
    let inline;
    let text = match options.data {
        Data::File(_) => json,
        Data::Inline => {
            inline = inline_json(json);
            &inline
        }
    };
    let loaded: Loaded = load(text, pick, options.lang);
    // Over the document's meaning (see `crate::canonical`), as the page hashes what it
    // fetches: an object given as JSON text, or the file reformatted, is not stale.
    let hash = content_hash(&crate::canonical::canonical(text).unwrap_or_else(|| text.to_owned()));
    // The stylesheet every snippet carries (each the rules it uses), written once.
    let css = format!("{}{}", crate::css::STYLE, static_css_for(drawing.family));
    Ok(loaded?
        .into_iter()
        .map(|r| r.map(|b| one(&b, text, &hash, &css, options, drawing)))
        .collect())
}

/// `json` made safe inside a `<script>` element: `<` (which valid JSON has only inside
/// strings) written as `\u003c`, so no `</script>` or `<!--` can end or bend it.
pub fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn one(
    b: &FactBox,
    text: &str,
    hash: &str,
    css: &str,
    options: &Options<'_>,
    drawing: &Drawing<'_>,
) -> Prerendered {
    let mut h = Html::default();
    let target = match options.data {
        Data::File(url) => format!("{url}#{}", b.id),
        Data::Inline => format!("#{}", b.id),
    };
    let mut attrs = vec![
        ("data-factbox", target.as_str()),
        ("data-factbox-hash", hash),
        ("lang", b.lang.tag()),
    ];
    match options.scheme {
        Scheme::Auto => {}
        Scheme::Light => attrs.push(("data-factbox-theme", "light")),
        Scheme::Dark => attrs.push(("data-factbox-theme", "dark")),
    }
    h.start("div", "", &attrs);
    h.start("template", "", &[("shadowrootmode", "open")]);
    let how = markup::Writing { rows: Rows::All, read_at: options.read_at, unread: false };
    let inside = markup::fact_box_with(b, how, |label: &str| {
        drawings_with(b, label, &[], drawing.measure)
    });
    // Only the rules this box can use (see `crate::css_subset`): each snippet carries its
    // own stylesheet, and a page repeats it for every box.
    h.raw("<style>");
    h.raw(&crate::css_subset::used_rules(css, &crate::css_subset::classes_of(&inside)));
    h.raw("</style>");
    h.raw(&inside);
    h.end("template");
    // For where the template is removed or never attached (a sanitizer, RSS, e-mail):
    // not shown where the shadow root is.
    h.raw(&crate::plain::plain_drawn(b, drawing));
    if options.data == Data::Inline {
        h.start("script", "", &[("type", "application/json")]);
        h.raw(text);
        h.end("script");
    }
    h.end("div");
    h.raw("\n");
    // None for a page that loads the module itself and calls `hydrate()`.
    if !options.script.is_empty() {
        h.leaf("script", "", &[("src", options.script), ("defer", "")], "");
        h.raw("\n");
    }
    Prerendered {
        id: b.id.clone(),
        html: h.finish(),
        svg: image_drawn(b, options.width, options.scheme == Scheme::Dark, drawing),
        cms: cms_snippet(b, &attrs, options, drawing),
    }
}

/// See [`Prerendered::cms`]. The image is `ID.png` in the data file's folder (the page's
/// folder for inline data), where `factbox render` writes it for upload with the file.
fn cms_snippet(
    b: &FactBox,
    attrs: &[(&str, &str)],
    options: &Options<'_>,
    drawing: &Drawing<'_>,
) -> String {
    let folder = match options.data {
        Data::File(url) => url.rfind('/').map_or("", |i| url.get(..=i).unwrap_or("")),
        Data::Inline => "",
    };
    let image = format!("{folder}{}.png", b.id);
    // Inline data cannot ride along: the sanitizer removes the script element holding it.
    // The box's kind does: factbox.js fetches the engine for it while the data downloads.
    let attrs: Vec<(&str, &str)> = attrs
        .iter()
        .copied()
        .filter(|(name, _)| options.data != Data::Inline || *name != "data-factbox")
        .chain([("data-factbox-kind", b.kind())])
        .collect();
    let mut h = Html::default();
    h.start("div", "", &attrs);
    h.raw(&crate::plain::plain_imaged(b, drawing, &image));
    h.end("div");
    h.raw("\n");
    h.finish()
}

/// The whole box as one standalone SVG image `width` CSS pixels wide (title, figures or
/// chart, notes and source), in literal colours, light or `dark`: a snippet's `.svg`, and
/// the image the widget's download button turns into a PNG.
pub fn image(b: &FactBox, width: f64, dark: bool) -> String {
    image_drawn(b, width, dark, &Drawing::default())
}

/// [`image`] with the text measured and set as `drawing` says.
pub fn image_drawn(b: &FactBox, width: f64, dark: bool, drawing: &Drawing<'_>) -> String {
    let mut theme = if dark { Theme::dark() } else { Theme::light() };
    drawing.family.clone_into(&mut theme.font_family);
    let card = layout::card::card(
        b,
        width.clamp(IMAGE_WIDTHS.0, IMAGE_WIDTHS.1),
        drawing.measure,
    );
    let mut label = String::new();
    markup::escape_into(&mut label, &b.title);
    scene_svg(
        &card,
        &theme,
        Colors::Literal,
        &format!(" role=\"img\" aria-label=\"{label}\""),
    )
}

/// The `<figure>` of `b`, as a snippet holds it and as the widget shows it in the browser
/// (the same markup, byte for byte): its chart drawn at each of [`WIDTHS`], with the line
/// series `hidden` (by the legend) left out.
pub fn figure(b: &FactBox, hidden: &[bool]) -> String {
    markup::fact_box_with(b, markup::Writing::WHOLE, |label: &str| drawings(b, label, hidden))
}

/// The `<figure>` of `b` as the widget first shows it in the browser: [`figure`], but a
/// paged table holds its first page of rows only, the rest added by the script from
/// [`crate::table::rows_from`]; once they are in, the markup is [`figure`]'s, byte for byte.
/// `read_at`: when a box with live data read it (see [`markup::Writing`]).
/// `unread`: its live data could not be read (it shows its own values, and says so).
pub fn figure_live(b: &FactBox, read_at: Option<markup::ReadAt>, unread: bool) -> String {
    let how = markup::Writing { rows: Rows::FirstPage, read_at, unread };
    markup::fact_box_with(b, how, |label: &str| drawings(b, label, &[]))
}

/// The chart of `b` at each of [`WIDTHS`], as the `<svg>` elements of a box, each with the
/// chart's text alternative `label`.
pub fn drawings(b: &FactBox, label: &str, hidden: &[bool]) -> String {
    drawings_with(b, label, hidden, &Estimate)
}

/// [`drawings`], their text measured by `measure`.
fn drawings_with(
    b: &FactBox,
    label: &str,
    hidden: &[bool],
    measure: &dyn crate::text::Measure,
) -> String {
    let mut escaped = String::new();
    markup::escape_into(&mut escaped, label);
    let mut out = String::new();
    for (k, &w) in WIDTHS.iter().enumerate() {
        let Some(scene) = layout::chart(&b.body, w, b.lang, measure, hidden) else {
            continue;
        };
        // Each drawing in a frame whose height an empty `<svg>` of the drawing's proportions
        // gives (no style attribute: a strict CSP refuses them), so that the drawing itself
        // can skip its layout while off screen (`content-visibility: auto`, see
        // `static_css_for`) without the frame waiting for it to know its height: the page
        // is laid out at its final height at once and never shifts. Widths are whole
        // pixels, written as integers (no float printing in the wasm).
        let (pw, ph) = crate::svg::pixels(&scene);
        out.push_str(&format!(
            "<div class=\"fb-d fb-w{k}\"><svg class=\"fb-sz\" viewBox=\"0 0 {pw} {ph}\" aria-hidden=\"true\"></svg>"
        ));
        let attrs = format!(
            " class=\"fb-svg\" role=\"img\" aria-label=\"{escaped}\" data-width=\"{}\"",
            w as u32
        );
        out.push_str(&scene_svg(
            &scene,
            &Theme::tokens(),
            Colors::Classes,
            &attrs,
        ));
        out.push_str("</div>");
    }
    out
}

/// What a prerendered box needs besides the widget's stylesheet: the paint classes of its
/// SVG, one drawing shown at a time by the chart's width, and the image button's place
/// kept while it waits for the widget.
///
/// A drawing off screen skips its layout and paint (`content-visibility: auto`) until the
/// reader scrolls near it: laying out the SVG text of a page's charts was most of the
/// browser's first layouts of an article (traced on the demo article at 412 px, unslowed,
/// medians of 7 in three runs: 104–152 ms of layout, 83–102 with the drawings below the
/// screen skipped). Its frame (`.fb-d`)
/// takes the height of its proportions from the empty `.fb-sz`, so nothing moves when it
/// is drawn. The focus ring is the drawing's own outline, which its containment does not
/// clip; `overflow-clip-margin` leaves the marks room at the edges as `overflow: visible`
/// did. On paper every drawing is laid out.
pub fn static_css() -> String {
    static_css_for(DRAWING_FONT)
}

/// [`static_css`] with the drawings' text in `family`.
fn static_css_for(family: &str) -> String {
    let mut css = crate::svg::paint_rules();
    css.push_str(".fb-svg text{font-family:");
    css.push_str(family);
    css.push('}');
    css.push_str(
        ".fb-static{container-type:inline-size}\
         .fb-d{display:none;position:relative}\
         .fb-w0{display:block}\
         .fb-sz{display:block;width:100%;height:auto}\
         .fb-svg{position:absolute;top:0;left:0;width:100%;height:100%;overflow:visible;\
         content-visibility:auto;overflow-clip-margin:8px}\
         @media print{.fb-svg{content-visibility:visible}}\
         [data-fb-later]{visibility:hidden}",
    );
    for (k, &w) in WIDTHS.iter().enumerate().skip(1) {
        css.push_str(&format!(
            "@container (min-width:{}px){{.fb-w{}{{display:none}}.fb-w{k}{{display:block}}}}",
            w as u32,
            k - 1
        ));
    }
    css.push_str(&crate::table::bar_rules());
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> String {
        std::fs::read_to_string("www/data/egov-vn.json").expect("demo data")
    }

    /// The `kind` the document gives box `id`, read from its text.
    fn json_kind(json: &str, id: &str) -> String {
        let at = json.find(&format!("\"id\": \"{id}\"")).expect("the box");
        let rest = json.get(at..).expect("in the text");
        let k = rest.find("\"kind\": \"").expect("its kind") + "\"kind\": \"".len();
        rest.get(k..).and_then(|r| r.split('"').next()).expect("a kind").to_owned()
    }

    #[test]
    fn a_container_query_shows_each_width_from_that_width_up() {
        let css = static_css();
        for w in &WIDTHS[1..] {
            assert!(
                css.contains(&format!("@container (min-width:{w}px)")),
                "{w}"
            );
            assert_eq!(w.fract(), 0.0, "written as an integer");
        }
    }

    /// Each drawing sits in a frame of its width's class, after an empty SVG of the very
    /// proportions it is drawn at: the frame's height, known before the drawing is laid
    /// out (which `content-visibility: auto` postpones while it is off screen).
    #[test]
    fn each_drawing_is_framed_by_its_own_proportions() {
        let json = demo();
        let mut charts = 0;
        for p in prerender(&json, None, &Options::default()).expect("reads") {
            let html = p.expect("valid").html;
            let frames: Vec<&str> = html.split("<div class=\"fb-d fb-w").skip(1).collect();
            if frames.is_empty() {
                continue;
            }
            charts += 1;
            assert_eq!(frames.len(), WIDTHS.len());
            for (k, frame) in frames.iter().enumerate() {
                let spacer = format!("{k}\"><svg class=\"fb-sz\" viewBox=\"0 0 ");
                assert!(frame.starts_with(&spacer), "{frame:.120}");
                let rest = frame.get(spacer.len()..).unwrap_or_default();
                let (size, rest) = rest.split_once('"').expect("a viewBox");
                assert!(rest.starts_with(" aria-hidden=\"true\"></svg><svg "), "{rest:.80}");
                // The drawing after it has the same box, and it closes the frame.
                assert!(rest.contains(&format!(" viewBox=\"0 0 {size}\" ")), "{size}");
                assert!(rest.contains(" class=\"fb-svg\" "), "{rest:.200}");
                assert!(rest.contains("</svg></div>"), "{rest:.80}");
            }
        }
        assert!(charts >= 8, "{charts}");
        let css = static_css();
        assert!(css.contains(".fb-svg{position:absolute;top:0;left:0;width:100%;height:100%;"));
        assert!(css.contains("content-visibility:auto"));
    }

    #[test]
    fn hashes_differ_when_the_text_does() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_ne!(content_hash("{\"a\": 1}"), content_hash("{\"a\": 2}"));
        assert_eq!(content_hash("x").len(), 16);
    }

    #[test]
    fn every_demo_box_is_written_whole_with_its_drawings() {
        let json = demo();
        let options = Options {
            data: Data::File("data/egov-vn.json"),
            ..Options::default()
        };
        let boxes = prerender(&json, None, &options).expect("reads");
        assert!(boxes.len() >= 10);
        for p in boxes {
            let p = p.expect("valid");
            let html = &p.html;
            assert!(
                html.starts_with(&format!(
                    "<div data-factbox=\"data/egov-vn.json#{}\" data-factbox-hash=\"{}\"",
                    p.id,
                    content_hash(&crate::canonical::canonical(&json).expect("JSON"))
                )),
                "{html}"
            );
            assert!(html.contains("<template shadowrootmode=\"open\"><style>"));
            assert!(html.ends_with("<script src=\"factbox.js\" defer=\"\"></script>\n"));
            assert!(!html.contains("<canvas"), "{}", p.id);
            // The chart at each width in the template, and once in the plain version
            // after it (for where the template is removed or never attached).
            let (template, plain) = html.split_once("</template>").expect("a template");
            let svgs = template.matches("<svg xmlns").count();
            assert!(svgs == 0 || svgs == WIDTHS.len(), "{}: {svgs}", p.id);
            assert!(
                plain.starts_with("<div class=\"factbox-plain\""),
                "{}",
                p.id
            );
            assert_eq!(
                plain.matches("<svg").count(),
                usize::from(svgs > 0),
                "{}",
                p.id
            );
            assert!(html.contains("data:text/csv;charset=utf-8,%EF%BB%BF"));
            assert!(html.contains("data-fb-later"));
            // The snippet for a CMS is drawn live: it names the box's kind, so that the
            // page fetches that kind's engine while it fetches the data.
            let kind = json_kind(&json, &p.id);
            let head = format!("<div data-factbox=\"data/egov-vn.json#{}\"", p.id);
            let named = format!(" data-factbox-kind=\"{kind}\"><div class=\"factbox-plain\"");
            assert!(
                p.cms.starts_with(&head) && p.cms.contains(&named),
                "{}",
                p.cms
            );
            assert!(
                p.svg.starts_with("<svg") && p.svg.contains("<text"),
                "{}",
                p.id
            );
        }
    }

    /// Each snippet carries the rules its box can use, not the whole stylesheet: a chart
    /// none of a table's or key figures' rules, a table its own; every box the host's,
    /// the dark theme's and the tooltip's (which the script adds).
    #[test]
    fn a_snippet_carries_only_the_rules_its_box_can_use() {
        let json = demo();
        let whole = format!("{}{}", crate::css::STYLE, static_css());
        let mut sizes = Vec::new();
        for p in prerender(&json, None, &Options::default()).expect("reads") {
            let p = p.expect("valid");
            let css = p
                .html
                .split_once("<style>")
                .and_then(|(_, rest)| rest.split_once("</style>"))
                .map(|(css, _)| css)
                .expect("a style");
            let kind = json_kind(&json, &p.id);
            assert!(css.len() < whole.len(), "{}", p.id);
            for rule in [":host{", "prefers-color-scheme:dark", ".fb-title{", ".fb-tip{", "@media print"] {
                assert!(css.contains(rule), "{} ({kind}): {rule}", p.id);
            }
            assert_eq!(css.contains(".fb-sort{"), kind == "table", "{}", p.id);
            assert_eq!(css.contains(".fb-number{"), kind == "figures", "{}", p.id);
            // A chart keeps the rules that show one drawing at each width.
            let charted = !matches!(kind.as_str(), "figures" | "table");
            assert_eq!(css.contains("@container (min-width:"), charted, "{}", p.id);
            // Every rule it keeps is the stylesheet's.
            for rule in css.split_inclusive('}').filter(|r| r.len() > 1) {
                assert!(whole.contains(rule), "{}: {rule}", p.id);
            }
            sizes.push(css.len());
        }
        // On the demo article, less than half the stylesheet on the average box.
        let average = sizes.iter().sum::<usize>() / sizes.len();
        assert!(average * 2 < whole.len(), "{average} of {}", whole.len());
    }

    #[test]
    fn inline_data_cannot_end_its_script() {
        let json = demo().replacen("\"title\": \"", "\"title\": \"</script><!-- ", 1);
        let p = prerender(&json, None, &Options::default()).expect("reads");
        let p = p.into_iter().next().expect("a box").expect("valid");
        let script = p
            .html
            .split("<script type=\"application/json\">")
            .nth(1)
            .expect("inline");
        let inside = script.split("</script>").next().expect("closed");
        assert!(!inside.contains('<'));
        assert!(inside.contains("\\u003c/script>\\u003c!-- "));
        // And it reads as the same document.
        assert!(load(inside, Some(&p.id), Lang::Vi).is_ok());
        assert!(p.html.contains(&content_hash(
            &crate::canonical::canonical(inside).expect("JSON")
        )));
    }

    #[test]
    fn a_broken_box_gets_no_snippet() {
        let json = r#"{"version": 1, "boxes": [
            {"id": "a", "kind": "figures", "title": "A", "figures": [{"value": 1, "label": "x"}]},
            {"id": "b", "kind": "bar", "title": "B", "bars": []}]}"#;
        let out = prerender(json, None, &Options::default()).expect("reads");
        assert!(out[0].is_ok());
        assert!(out[1].is_err());
    }
}
