//! The browser facade: the only `#[wasm_bindgen]` code of the widget, and only pure
//! functions. A document's text goes in; a box's markup (HTML with its charts as inline
//! SVG, the same bytes `factbox render` writes) and its problems as data come out. The
//! wasm touches no DOM, draws on no canvas and keeps no timer: putting the markup in the
//! page, and every interaction after that (tooltips, keys, legend, downloads), is the job
//! of the script (`www/api.js`, `www/interact.js`), which works the same on a box the wasm
//! has just written and on one prerendered into the page.
//!
//! The readers' wasm is built without the `editor` feature: a box that fails comes back
//! as its problems' codes and places, and the script fetches the editors' engine (the
//! same facade built with the feature, which also has the image download, `fail` and
//! `prerender`) to show them. Good boxes never pay for the words, excerpts and
//! suggestions of a failure.

use wasm_bindgen::prelude::*;

use crate::error::Problem;
use crate::format::Lang;
use crate::model::FactBox;
use crate::prerender;
use crate::validate::{Failure, Loaded, load};

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
}

fn get(o: &JsValue, k: &str) -> Option<JsValue> {
    js_sys::Reflect::get(o, &JsValue::from_str(k))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The version of the factbox crate.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Whether this build is the editors' engine (the `editor` feature): messages, the image,
/// `prerender`.
#[wasm_bindgen]
pub fn editor() -> bool {
    cfg!(feature = "editor")
}

/// The stylesheet of every box this engine draws, live or prerendered: adopted once into
/// each box's shadow root by the script (one stylesheet per engine: an engine of one kind
/// has only its kind's rules, see `crate::css::BUILD_STYLE`).
#[wasm_bindgen]
pub fn style() -> String {
    format!("{}{}", crate::css::BUILD_STYLE, prerender::static_css())
}

/// The stylesheet of a failed box's view, beside [`style`] (in the editors' build; the
/// readers' has no failure views).
#[wasm_bindgen]
pub fn failure_style() -> String {
    #[cfg(feature = "editor")]
    return crate::css::LIVE_STYLE.to_owned();
    #[cfg(not(feature = "editor"))]
    String::new()
}

/// A problem as data: `{ id, path, line, column, code }`, and with messages `message` (in
/// the box's language), `vi` and `en`.
fn problem_js(id: Option<&str>, _lang: Lang, p: &Problem) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "id", &id.map_or(JsValue::NULL, JsValue::from_str));
    set(&o, "path", &JsValue::from_str(&p.path));
    set(
        &o,
        "line",
        &p.at.map_or(JsValue::NULL, |at| JsValue::from(at.line)),
    );
    set(
        &o,
        "column",
        &p.at.map_or(JsValue::NULL, |at| JsValue::from(at.column)),
    );
    set(&o, "code", &JsValue::from_str(p.what.code()));
    #[cfg(feature = "editor")]
    {
        set(&o, "message", &JsValue::from_str(&p.message(_lang)));
        set(&o, "what", &JsValue::from_str(&p.what.describe(_lang)));
        set(&o, "vi", &JsValue::from_str(&p.message(Lang::Vi)));
        set(&o, "en", &JsValue::from_str(&p.message(Lang::En)));
    }
    o.into()
}

fn problems_js(f: &Failure) -> impl Iterator<Item = JsValue> + '_ {
    f.problems
        .iter()
        .map(|p| problem_js(f.id.as_deref(), f.lang, p))
}

/// What the page asked for a failure's view: `{ editor, errors: 'box' | 'none', source,
/// lang }` (the page's language, for messages written before a document's is known).
#[cfg_attr(not(feature = "editor"), allow(dead_code))]
struct View {
    editor: bool,
    shown: bool,
    source: Option<String>,
    lang: Lang,
    /// When a box's live data was read (`now`: `Date.now()`; `offset`: the reader's
    /// minutes from UTC), for its "updated" line.
    read_at: Option<crate::markup::ReadAt>,
    /// The live data could not be read: boxes with live data say so.
    unread: bool,
}

impl View {
    fn from_js(v: &JsValue) -> View {
        View {
            editor: get(v, "editor").and_then(|e| e.as_bool()) == Some(true),
            shown: get(v, "errors").and_then(|e| e.as_string()).as_deref() != Some("none"),
            source: get(v, "source").and_then(|s| s.as_string()),
            lang: crate::page::lang_of(
                &get(v, "lang")
                    .and_then(|s| s.as_string())
                    .unwrap_or_default(),
            ),
            // Only the engines that read live data (or prerender it) draw live boxes.
            #[cfg(any(feature = "live", feature = "dev"))]
            read_at: get(v, "now").and_then(|n| n.as_f64()).map(|ms| crate::markup::ReadAt {
                ms,
                #[allow(clippy::cast_possible_truncation)]
                offset: get(v, "offset").and_then(|o| o.as_f64()).unwrap_or(0.0) as i32,
            }),
            #[cfg(not(any(feature = "live", feature = "dev")))]
            read_at: None,
            unread: cfg!(any(feature = "live", feature = "dev")) && get(v, "unread").and_then(|u| u.as_bool()) == Some(true),
        }
    }

    /// What stands in place of a box that cannot be shown: for readers of a published page
    /// a short notice, for editors every message (see `crate::page` for who is which);
    /// nothing when the page shows its own (`errors: 'none'`) or without messages.
    fn failure(&self, _failure: &Failure, _json: Option<&str>) -> String {
        if !self.shown {
            return String::new();
        }
        #[cfg(feature = "editor")]
        {
            if self.editor {
                crate::markup::failure(_failure, self.source.as_deref(), _json)
            } else {
                crate::markup::reader_notice(_failure, self.lang)
            }
        }
        #[cfg(not(feature = "editor"))]
        String::new()
    }

    /// The console's line for a failure, in English (developers read the console so).
    fn log(&self, _failure: &Failure) -> String {
        #[cfg(feature = "editor")]
        {
            let mut text = String::from("factbox:");
            if let Some(s) = &self.source {
                text.push(' ');
                text.push_str(s);
            }
            if let Some(id) = &_failure.id {
                text.push_str(" #");
                text.push_str(id);
            }
            for problem in &_failure.problems {
                text.push_str("\n  ");
                text.push_str(&problem.message(Lang::En));
            }
            text
        }
        #[cfg(not(feature = "editor"))]
        String::new()
    }
}

/// A box shown, as the script gets it: `{ html, failed, kinds, problems, log, messages }`.
/// `html` is the markup for the element's shadow root (every box picked, or the failure's
/// view); `messages` says whether failures could be written (false in the readers'
/// build: the script then asks the engine with messages).
#[derive(Default)]
struct Shown {
    html: String,
    failed: bool,
    kinds: Vec<&'static str>,
    problems: Vec<JsValue>,
    log: Vec<String>,
}

impl Shown {
    fn fail(&mut self, view: &View, failure: &Failure, json: Option<&str>) {
        self.failed = true;
        self.html.push_str(&view.failure(failure, json));
        self.problems.extend(problems_js(failure));
        self.log.push(view.log(failure));
    }

    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        set(&o, "html", &JsValue::from_str(&self.html));
        set(&o, "failed", &JsValue::from_bool(self.failed));
        set(&o, "kinds", &JsValue::from_str(&self.kinds.join(" ")));
        let problems: js_sys::Array = self.problems.iter().collect();
        set(&o, "problems", &problems);
        let log: js_sys::Array = self.log.iter().map(|l| JsValue::from_str(l)).collect();
        set(&o, "log", &log);
        set(&o, "messages", &JsValue::from_bool(editor()));
        o.into()
    }
}

/// A document read and checked once: every box of it, for as many elements as show its
/// boxes (one file, many embeds), each written when asked, so that the cost of a page is
/// one read of each file and one layout of each box.
#[wasm_bindgen]
pub struct Doc {
    text: String,
    lang: Lang,
    loaded: Loaded,
}

#[wasm_bindgen]
impl Doc {
    /// Reads and checks `text`; `lang` is the page's (`vi` or `en`), for boxes whose
    /// document does not say.
    #[wasm_bindgen(constructor)]
    pub fn new(text: String, lang: &str) -> Doc {
        let lang = crate::page::lang_of(lang);
        let loaded = load(&text, None, lang);
        Doc { text, lang, loaded }
    }

    /// The box `pick` (an embed's `#id`), or every box, for an element: see [`Shown`].
    /// `view`: `{ editor, errors, source, lang }`.
    pub fn show(&self, pick: Option<String>, view: &JsValue) -> JsValue {
        let view = View::from_js(view);
        let mut shown = Shown::default();
        let boxes = match &self.loaded {
            Err(failure) => {
                shown.fail(&view, failure, Some(&self.text));
                return shown.to_js();
            }
            Ok(boxes) => boxes,
        };
        match pick.as_deref() {
            Some(id) => match self.find(id) {
                Some(Ok(b)) => self.one(&mut shown, b, &view),
                Some(Err(failure)) => shown.fail(&view, failure, Some(&self.text)),
                // No box, or more than one, has that id: read for that id alone, which says
                // so (with the ids there are).
                None => match load(&self.text, Some(id), self.lang) {
                    Err(failure) => shown.fail(&view, &failure, Some(&self.text)),
                    Ok(results) => {
                        for r in &results {
                            match r {
                                Ok(b) => self.one(&mut shown, b, &view),
                                Err(f) => shown.fail(&view, f, Some(&self.text)),
                            }
                        }
                    }
                },
            },
            None => {
                for r in boxes {
                    match r {
                        Ok(b) => self.one(&mut shown, b, &view),
                        Err(f) => shown.fail(&view, f, Some(&self.text)),
                    }
                }
            }
        }
        shown.to_js()
    }

    /// The `<tr>` rows `from..to` of the table of box `id`, which a box shown with its first
    /// page of rows only (`data-fb-rest`) adds to its `<tbody>`; empty past its last row or
    /// when there is no such table.
    pub fn rows(&self, id: &str, from: u32, to: u32) -> String {
        match self.find(id) {
            Some(Ok(b)) => crate::table::rows_from(b, from as usize, to as usize),
            _ => String::new(),
        }
    }

    /// The address of the CSV download of box `id` (see `rows`); empty when there is no
    /// such box.
    pub fn csv(&self, id: &str) -> String {
        match self.find(id) {
            Some(Ok(b)) => crate::markup::csv_address(b),
            _ => String::new(),
        }
    }

    /// The drawings of the chart of box `id` with the line series `hidden` (by index) left
    /// out, for the legend's toggles; empty when there is no such chart.
    pub fn drawings(&self, id: &str, hidden: Vec<u32>) -> String {
        let Some(Ok(b)) = self.find(id) else {
            return String::new();
        };
        let series = match &b.body {
            crate::model::Body::Line(l) => l.series.len(),
            _ => 0,
        };
        let off: Vec<bool> = (0..series)
            .map(|k| hidden.iter().any(|&h| h as usize == k))
            .collect();
        let label = crate::describe::label(b, &crate::describe::rows(b));
        prerender::drawings(b, &label, &off)
    }

    /// The whole box `id` as one standalone SVG image `width` CSS pixels wide, in literal
    /// colours (light, or `dark`), for the image download; empty when there is no such box.
    /// (The readers' build has the same exports, so that one glue serves both builds, and
    /// returns nothing here.)
    pub fn image(&self, id: &str, width: f64, dark: bool) -> String {
        #[cfg(feature = "editor")]
        if let Some(Ok(b)) = self.find(id) {
            return prerender::image(b, width, dark);
        }
        let _ = (id, width, dark);
        String::new()
    }
}

impl Doc {
    /// The one box with `id`, if exactly one has it.
    fn find(&self, id: &str) -> Option<&Result<FactBox, Failure>> {
        let boxes = self.loaded.as_ref().ok()?;
        let mut found = boxes.iter().filter(|r| match r {
            Ok(b) => b.id == id,
            Err(f) => f.id.as_deref() == Some(id),
        });
        let first = found.next();
        if found.next().is_some() {
            return None;
        }
        first
    }

    fn one(&self, shown: &mut Shown, b: &FactBox, view: &View) {
        shown.html.push_str(&prerender::figure_live(b, view.read_at, view.unread));
        if !shown.kinds.contains(&b.kind()) {
            shown.kinds.push(b.kind());
        }
    }
}

/// Box `id` of document `text` with its values read from `data`, the text of its live
/// data (`lang`: the page's): `{text}`, the document with them, to show; or `{faults:
/// [{code, message, line, column}]}`, what is wrong with the data, in the document's
/// language (`line` and `column` where a cell is at fault, both 1-based). The readers'
/// build has no reader of live data and gives `null`: a page with live boxes loads the
/// editors' engine, which has it.
#[wasm_bindgen]
pub fn merge(text: &str, id: &str, data: &str, lang: &str) -> JsValue {
    #[cfg(feature = "live")]
    {
        let lang = crate::page::lang_of(lang);
        let out = js_sys::Object::new();
        match crate::live::checked(text, id, data, lang) {
            Ok((_, merged)) => set(&out, "text", &JsValue::from_str(&merged)),
            Err(faults) => {
                let list = js_sys::Array::new();
                for f in &faults {
                    let o = js_sys::Object::new();
                    set(&o, "code", &JsValue::from_str(f.code()));
                    set(&o, "message", &JsValue::from_str(&f.message(lang)));
                    if let Some((line, column)) = f.place() {
                        set(&o, "line", &JsValue::from(u32::try_from(line).unwrap_or(0)));
                        set(&o, "column", &JsValue::from(u32::try_from(column + 1).unwrap_or(0)));
                    }
                    list.push(&o);
                }
                set(&out, "faults", &list);
            }
        }
        out.into()
    }
    #[cfg(not(feature = "live"))]
    {
        let _ = (text, id, data, lang);
        JsValue::NULL
    }
}

/// Why a document could not be loaded, as a box shows it: `code` is `http` (with
/// `status`), `network`, `notjson`, `timeout` (after `amount` seconds), `toolarge`
/// (`amount` KiB) or `nodata`. Returns a [`Shown`] (in the readers' build, one without
/// words, so that the script asks the editors').
#[wasm_bindgen]
pub fn fail(code: &str, url: &str, status: u16, amount: u32, view: &JsValue) -> JsValue {
    #[cfg(not(feature = "editor"))]
    {
        let _ = (code, url, status, amount, view);
        let shown = Shown {
            failed: true,
            ..Shown::default()
        };
        shown.to_js()
    }
    #[cfg(feature = "editor")]
    fail_with(code, url, status, amount, view)
}

#[cfg(feature = "editor")]
fn fail_with(code: &str, url: &str, status: u16, amount: u32, view: &JsValue) -> JsValue {
    use crate::error::What;
    let view = View::from_js(view);
    let url = url.to_owned();
    let what = match code {
        "http" => What::Http { status, url },
        "network" => What::Network { url },
        "notjson" => What::NotJson { url },
        "timeout" => What::Timeout {
            url,
            seconds: amount,
        },
        // The server announced a file larger than factbox reads (`amount` in KiB): refused
        // before its body is downloaded.
        "toolarge" => What::FileTooLarge {
            max: crate::parse::MAX_DOCUMENT_BYTES,
            found: (amount as usize).saturating_mul(1024),
        },
        "nodata" => What::NoData,
        other => What::Internal {
            detail: format!("unknown failure code {other}"),
        },
    };
    let failure = Failure {
        lang: view.lang,
        id: None,
        problems: vec![Problem::whole(what)],
    };
    let mut shown = Shown::default();
    shown.fail(&view, &failure, None);
    shown.to_js()
}

/// The boxes of `json` (or the one `pick` names) written ahead of time, byte for byte as
/// `factbox render` writes them (see `crate::prerender`): `[{id, html, svg, cms}]`. `options`
/// (checked by `www/api.js`): `{data: URL | null (inline), theme: 'auto' | 'light' |
/// 'dark', lang: 'vi' | 'en', width, script}`. Throws the problems when the document or
/// any box is broken: a snippet is never made of what the widget would refuse. (Only in
/// the developers' build, the `dev` feature: the npm package's and the studio's; the
/// readers' and the editors' engines throw.)
#[wasm_bindgen(js_name = prerender)]
pub fn prerender_js(
    json: &str,
    pick: Option<String>,
    options: &JsValue,
) -> Result<js_sys::Array, JsValue> {
    #[cfg(not(feature = "dev"))]
    {
        // What the developers' build calls here, called the same (a number read, an
        // array's length, the fonts read), so that every build imports the same functions
        // and one glue serves them all.
        let width = get(options, "width").and_then(|v| v.as_f64());
        let fonts = fonts_of(options).len();
        let _ = (json, pick, width, fonts, js_sys::Array::new().length());
        Err(JsValue::from_str("prerender is in the developers' build"))
    }
    #[cfg(feature = "dev")]
    prerender_with(json, pick, options)
}

/// The fonts of `prerender`'s `font` option, as `www/dev-api.js` passes them:
/// `[{ name, bytes: Uint8Array }]`.
fn fonts_of(options: &JsValue) -> Vec<(String, Vec<u8>)> {
    let Some(list) = get(options, "font") else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .map(|f| {
            let name = get(&f, "name")
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            let bytes =
                get(&f, "bytes").map_or_else(Vec::new, |b| js_sys::Uint8Array::new(&b).to_vec());
            (name, bytes)
        })
        .collect()
}

#[cfg(feature = "dev")]
fn prerender_with(
    json: &str,
    pick: Option<String>,
    options: &JsValue,
) -> Result<js_sys::Array, JsValue> {
    use crate::prerender::{Data, Scheme};
    let options_js = options;
    let url = get(options, "data").and_then(|v| v.as_string());
    let script = get(options, "script")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| prerender::DEFAULT_SCRIPT.to_owned());
    let options = prerender::Options {
        data: url.as_deref().map_or(Data::Inline, Data::File),
        scheme: get(options, "theme")
            .and_then(|v| v.as_string())
            .and_then(|t| Scheme::parse(&t))
            .unwrap_or_default(),
        lang: get(options, "lang")
            .and_then(|v| v.as_string())
            .map_or(Lang::Vi, |l| crate::page::lang_of(&l)),
        width: get(options, "width")
            .and_then(|v| v.as_f64())
            .unwrap_or(prerender::DEFAULT_WIDTH),
        script: &script,
        // When the document's live data was read (`now`, ms since 1970, and `utcOffset`,
        // minutes), for its boxes' "updated" line.
        read_at: get(options, "now").and_then(|n| n.as_f64()).map(|ms| crate::markup::ReadAt {
            ms,
            #[allow(clippy::cast_possible_truncation)]
            offset: get(options, "utcOffset").and_then(|o| o.as_f64()).unwrap_or(420.0) as i32,
        }),
    };
    // With fonts, the drawings are laid out with the site's font and name it.
    let fonts = fonts_of(options_js);
    let metrics = if fonts.is_empty() {
        None
    } else {
        Some(crate::fontfile::FontMetrics::from_bytes(&fonts).map_err(|m| JsValue::from_str(&m))?)
    };
    let family = metrics
        .as_ref()
        .map(crate::fontfile::FontMetrics::css_family);
    let drawing = match (&metrics, &family) {
        (Some(m), Some(f)) => m.drawing(f),
        _ => prerender::Drawing::default(),
    };
    let results = prerender::prerender_drawn(json, pick.as_deref(), &options, &drawing)
        .map_err(|f| JsValue::from(problems_js(&f).collect::<js_sys::Array>()))?;
    let failed: js_sys::Array = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .flat_map(problems_js)
        .collect();
    if failed.length() > 0 {
        return Err(failed.into());
    }
    Ok(results
        .into_iter()
        .flatten()
        .map(|p| {
            let o = js_sys::Object::new();
            set(&o, "id", &JsValue::from_str(&p.id));
            set(&o, "html", &JsValue::from_str(&p.html));
            set(&o, "svg", &JsValue::from_str(&p.svg));
            set(&o, "cms", &JsValue::from_str(&p.cms));
            JsValue::from(o)
        })
        .collect())
}
