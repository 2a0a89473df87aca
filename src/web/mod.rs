//! The browser facade: the only module with `#[wasm_bindgen]`.
//!
//! JavaScript (the `factbox.js` loader, or a developer using the npm package) calls
//! [`render`] with an element and the JSON text, or [`fail`] when the text could not be
//! fetched. Each returns a [`Mounted`] handle that owns the box's observers; dropping it
//! (`free()` in JS) disconnects them. No function here panics on any input: every error is
//! shown in the element and logged with `console.error`.
//!
//! This module holds the exports and a mounted box's state ([`Inner`], its charts'
//! [`Slot`]s); the work is split by job: `mount` (building a box in its element), `draw`
//! (its canvases), `schedule` (when boxes draw), `observe` (size, viewport, colour scheme,
//! printing), `interact` (pointer, touch and keyboard), `failure` (what stands in place
//! of a broken box: `audience` decides who sees what; its markup and the boxes' are
//! `crate::markup`), `canvas` and
//! `backend` (plotters on a canvas). The job modules share this module's state types and
//! imports (`use super::*`).

mod audience;
mod backend;
mod canvas;
mod draw;
mod failure;
mod hydrate;
mod interact;
mod mount;
mod observe;
mod schedule;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, Document, Element, HtmlCanvasElement, HtmlElement, IntersectionObserver,
    IntersectionObserverEntry, IntersectionObserverInit, MediaQueryList, ResizeObserver,
    ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::error::{Problem, What};
use crate::format::Lang;
use crate::layout::Scene;
use crate::markup;
use crate::model::Body;
use crate::validate::{Failure, load};

use self::draw::draw_all;
use self::failure::show_failure;

thread_local! {
    /// The constructed stylesheets (`css::STYLE`, `css::LIVE_STYLE`), adopted by every
    /// box's shadow root.
    static SHEETS: RefCell<Option<js_sys::Array>> = const { RefCell::new(None) };
}

fn sheets() -> Result<js_sys::Array, JsValue> {
    if let Some(s) = SHEETS.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let sheets = js_sys::Array::new();
    for text in [crate::css::STYLE, crate::css::LIVE_STYLE] {
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(text)?;
        sheets.push(&sheet);
    }
    SHEETS.with(|slot| *slot.borrow_mut() = Some(sheets.clone()));
    Ok(sheets)
}

/// A chart in a mounted box: its elements, its data, and its state on screen.
struct Slot {
    canvas: HtmlCanvasElement,
    tip: HtmlElement,
    legend: Vec<Element>,
    figure: Element,
    /// The box: shared with its download handlers, not copied.
    fact: Rc<crate::model::FactBox>,
    /// What it was last drawn for, and the scene then laid out (for hit-testing).
    drawn: Option<canvas::Drawn>,
    scene: Option<Scene>,
    /// The mark being shown in the tooltip.
    active: Option<usize>,
    /// Series switched off in the legend.
    hidden: Vec<bool>,
    /// The chart container's width, from the ResizeObserver (reading it from the element
    /// would force a layout for every chart drawn).
    width: Option<f64>,
    /// The width of the prerendered drawing this chart took the place of, until the
    /// container's width changes (see `canvas::DrawRequest::held`).
    held: Option<f64>,
}

/// An event handler and what it is attached to, so it can be detached.
type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// A mounted element's state, shared with its observer callbacks (which hold it weakly,
/// so that dropping the handle frees everything).
struct Inner {
    host: HtmlElement,
    /// The document and options given to `render`, until the box is built.
    pending: Option<Pending>,
    /// The state last reported on the element (attribute and event).
    reported: Option<&'static str>,
    slots: Vec<Slot>,
    failed: bool,
    /// Every problem found, in the order shown.
    problems: Vec<Shown>,
    /// The kinds of the boxes shown, e.g. `bar line`.
    kinds: String,
    /// What the page asked for: whether a broken box shows its failure, and whether the
    /// console gets it.
    options: Options,
    visible: bool,
    /// Whether the box waits in the shared drawing queue.
    queued: bool,
    resize: Option<ResizeObserver>,
    intersect: Option<IntersectionObserver>,
    /// The colour scheme's and forced colours' queries, watched for changes.
    media: Vec<MediaQueryList>,
    on_resize: Option<Closure<dyn FnMut(js_sys::Array)>>,
    on_intersect: Option<Closure<dyn FnMut(js_sys::Array)>>,
    on_media: Option<Closure<dyn FnMut()>>,
    /// Pointer, keyboard and focus handlers on the charts, kept alive while mounted.
    listeners: Vec<Listener>,
    /// While the page prints: the host's own `data-factbox-theme`, put back afterwards.
    printing: Option<Option<String>>,
    /// The theme read from the box's computed style, kept until the colour scheme (or
    /// printing) changes: reading ~15 custom properties at every redraw would cost a style
    /// recalculation per tooltip move.
    theme: Option<crate::render::Theme>,
}

/// A problem found in a box, with the language of its messages and the box's id.
struct Shown {
    lang: Lang,
    id: Option<String>,
    problem: Problem,
}

impl Shown {
    fn all(failure: &Failure) -> impl Iterator<Item = Shown> + '_ {
        failure.problems.iter().map(|p| Shown {
            lang: failure.lang,
            id: failure.id.clone(),
            problem: p.clone(),
        })
    }

    /// `{ id, path, line, column, code, message }`, the message in `lang` or the box's.
    fn to_js(&self, lang: Option<Lang>) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        let p = &self.problem;
        set(
            "id",
            self.id.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        set("path", JsValue::from_str(&p.path));
        set(
            "line",
            p.at.map_or(JsValue::NULL, |at| JsValue::from(at.line)),
        );
        set(
            "column",
            p.at.map_or(JsValue::NULL, |at| JsValue::from(at.column)),
        );
        set("code", JsValue::from_str(p.what.code()));
        set(
            "message",
            JsValue::from_str(&p.message(lang.unwrap_or(self.lang))),
        );
        o.into()
    }
}

/// The options of `render` and `fail` that the wasm reads (the rest are the API's, in
/// `www/api.js`): `{ errors: 'box' | 'none', quiet: boolean }`.
#[derive(Clone, Copy)]
struct Options {
    /// Whether a broken box shows its failure (`errors: 'box'`, the default) or nothing.
    show_errors: bool,
    /// Whether the console is left alone.
    quiet: bool,
}

impl Options {
    fn from_js(options: &JsValue) -> Options {
        let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok();
        Options {
            show_errors: get("errors").and_then(|v| v.as_string()).as_deref() != Some("none"),
            quiet: get("quiet").and_then(|v| v.as_bool()) == Some(true),
        }
    }
}

/// What `render` was given, kept until the scheduler builds the box.
struct Pending {
    json: String,
    pick: Option<String>,
    source: Option<String>,
    lazy: bool,
}

impl Inner {
    fn messages(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| p.problem.message(p.lang))
            .collect()
    }

    /// The state of `host` before anything is shown in it; `visible` when its charts may
    /// draw at once (not lazy).
    fn new(host: HtmlElement, visible: bool, options: Options) -> Inner {
        Inner {
            host,
            pending: None,
            reported: None,
            slots: Vec::new(),
            failed: false,
            problems: Vec::new(),
            kinds: String::new(),
            options,
            visible,
            queued: false,
            resize: None,
            intersect: None,
            media: Vec::new(),
            on_resize: None,
            on_intersect: None,
            on_media: None,
            listeners: Vec::new(),
            printing: None,
            theme: None,
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(ro) = &self.resize {
            ro.disconnect();
        }
        if let Some(io) = &self.intersect {
            io.disconnect();
        }
        if let Some(cb) = &self.on_media {
            for mq in &self.media {
                let _ =
                    mq.remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
            }
        }
        for (target, kind, cb) in &self.listeners {
            let _ = target.remove_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
        }
    }
}

/// A rendered element. Call `free()` when the element is removed from the page.
#[wasm_bindgen]
pub struct Mounted {
    inner: Rc<RefCell<Inner>>,
}

#[wasm_bindgen]
impl Mounted {
    /// `"ready"`, `"loading"` (a chart waiting to come near the viewport) or `"error"`.
    pub fn state(&self) -> String {
        self.inner
            .try_borrow()
            .map(|i| state_of(&i).to_owned())
            .unwrap_or_else(|_| "loading".to_owned())
    }

    /// Builds the box now if it waits to be built, and draws every chart again now, even
    /// if nothing seems to have changed.
    pub fn redraw(&self) {
        if self.inner.try_borrow().is_ok_and(|i| i.pending.is_some()) {
            mount::build(&self.inner);
        }
        if let Ok(mut i) = self.inner.try_borrow_mut() {
            for slot in &mut i.slots {
                slot.drawn = None;
                slot.width = None;
            }
            i.theme = None;
            i.visible = true;
            draw_all(&mut i);
        }
    }

    /// The error messages, one per problem (empty when ready), each in its box's language.
    pub fn errors(&self) -> Vec<String> {
        self.inner
            .try_borrow()
            .map(|i| i.messages())
            .unwrap_or_default()
    }

    /// The problems as data: `{ id, path, line, column, code, message }` each, the message
    /// in `lang` (`vi` or `en`) or, without it, in its box's language.
    pub fn problems(&self, lang: Option<String>) -> js_sys::Array {
        let lang = lang.map(|l| crate::page::lang_of(&l));
        self.inner
            .try_borrow()
            .map(|i| i.problems.iter().map(|p| p.to_js(lang)).collect())
            .unwrap_or_default()
    }

    /// The kinds of the boxes shown, space-separated (`bar`, `figures line`), or empty.
    pub fn kind(&self) -> String {
        self.inner
            .try_borrow()
            .map(|i| i.kinds.clone())
            .unwrap_or_default()
    }
}

fn state_of(i: &Inner) -> &'static str {
    if i.pending.is_some() {
        "loading"
    } else if i.failed {
        "error"
    } else if i.slots.iter().all(|s| s.drawn.is_some()) {
        "ready"
    } else {
        "loading"
    }
}

/// The version of the factbox crate.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The boxes of `json` (or the one `pick` names) written ahead of time, byte for byte as
/// `factbox render` writes them (see `crate::prerender`): `[{id, html, svg}]`. `options`
/// (checked by `www/api.js`): `{data: URL | null (inline), theme: 'auto' | 'light' |
/// 'dark', lang: 'vi' | 'en', width, script}`. Throws the problems (as `Mounted.problems`
/// gives them) when the document or any box is broken: a snippet is never made of what the
/// widget would refuse.
#[wasm_bindgen(js_name = prerender)]
pub fn prerender_js(
    json: &str,
    pick: Option<String>,
    options: &JsValue,
) -> Result<js_sys::Array, JsValue> {
    use crate::prerender::{self, Data, Scheme};
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok();
    let url = get("data").and_then(|v| v.as_string());
    let script = get("script")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| prerender::DEFAULT_SCRIPT.to_owned());
    let options = prerender::Options {
        data: url.as_deref().map_or(Data::Inline, Data::File),
        scheme: get("theme")
            .and_then(|v| v.as_string())
            .and_then(|t| Scheme::parse(&t))
            .unwrap_or_default(),
        lang: get("lang")
            .and_then(|v| v.as_string())
            .map_or(Lang::Vi, |l| crate::page::lang_of(&l)),
        width: get("width")
            .and_then(|v| v.as_f64())
            .unwrap_or(prerender::DEFAULT_WIDTH),
        script: &script,
    };
    let problems =
        |f: &Failure| -> js_sys::Array { Shown::all(f).map(|p| p.to_js(None)).collect() };
    let results =
        prerender::prerender(json, pick.as_deref(), &options).map_err(|f| problems(&f))?;
    let failed: js_sys::Array = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .flat_map(|f| Shown::all(f).map(|p| p.to_js(None)))
        .collect();
    if failed.length() > 0 {
        return Err(failed.into());
    }
    Ok(results
        .into_iter()
        .flatten()
        .map(|p| {
            let o = js_sys::Object::new();
            let set = |k: &str, v: &str| {
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
            };
            set("id", &p.id);
            set("html", &p.html);
            set("svg", &p.svg);
            JsValue::from(o)
        })
        .collect())
}

/// Renders the JSON document `json` into `host`: the box `pick` (an embed's `#id`) or every
/// box of the document. `source` names the file in error messages. The box is built (the
/// JSON read and validated) in the page's next frame with time to spare, in turn with
/// every other box; with `lazy`, its charts are drawn only when they come near the
/// viewport. The element's `data-factbox-state` says where it is (`loading`, `ready`,
/// `error`), and a `factbox:ready` or `factbox:error` event bubbles from it when it gets
/// there.
#[wasm_bindgen]
pub fn render(
    host: HtmlElement,
    json: String,
    pick: Option<String>,
    source: Option<String>,
    lazy: bool,
    options: JsValue,
) -> Mounted {
    let mut inner = Inner::new(host, !lazy, Options::from_js(&options));
    inner.pending = Some(Pending {
        json,
        pick,
        source,
        lazy,
    });
    let inner = Rc::new(RefCell::new(inner));
    report_state(&mut inner.borrow_mut());
    schedule::request_build(&Rc::downgrade(&inner));
    Mounted { inner }
}

/// Shows why the JSON could not be loaded: `code` is `http` (with `status`), `network`,
/// `notjson`, `timeout` (after `amount` seconds), `toolarge` (`amount` KiB) or `nodata`.
#[wasm_bindgen]
pub fn fail(
    host: HtmlElement,
    code: &str,
    url: &str,
    status: u16,
    amount: u32,
    options: JsValue,
) -> Mounted {
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
        lang: host_lang(&host),
        id: None,
        problems: vec![Problem::whole(what)],
    };
    let inner = Rc::new(RefCell::new(Inner::new(
        host,
        false,
        Options::from_js(&options),
    )));
    show_failure(&inner, &failure, None, None);
    if let Ok(mut i) = inner.try_borrow_mut() {
        report_state(&mut i);
    }
    Mounted { inner }
}

/// The language of the page around `host`, for messages written before the document's
/// own locale is known.
fn host_lang(host: &HtmlElement) -> Lang {
    let lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    crate::page::lang_of(&lang)
}

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The element's shadow root, created on first use, emptied, with the stylesheet adopted.
fn fresh_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    root.set_adopted_style_sheets(&sheets()?.into());
    Ok(root)
}

/// Writes the box's state on its element (`data-factbox-state`) and, when it has just
/// become `ready` or `error`, lets a `factbox:ready` or `factbox:error` event bubble from
/// it (in a microtask) (out of any shadow root around it too), the latter with the messages shown as
/// `detail.errors`.
fn report_state(i: &mut Inner) {
    let state = state_of(i);
    // Written every time, even unchanged: a page's MutationObserver then sees each step
    // (a lazy box built, still `loading`).
    let _ = i.host.set_attribute("data-factbox-state", state);
    if i.reported == Some(state) {
        return;
    }
    i.reported = Some(state);
    if state == "loading" {
        return;
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if state == "error" {
        let detail = js_sys::Object::new();
        let errors: js_sys::Array = i.messages().iter().map(|m| JsValue::from_str(m)).collect();
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("errors"), &errors);
        let problems: js_sys::Array = i.problems.iter().map(|p| p.to_js(None)).collect();
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("problems"), &problems);
        init.set_detail(&detail);
    }
    let name = if state == "ready" {
        "factbox:ready"
    } else {
        "factbox:error"
    };
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // Sent in a microtask, once this call has let go of the box's state: a page's
        // handler may ask the box for its problems or state right away.
        let host = i.host.clone();
        let send = Closure::once_into_js(move || {
            let _ = host.dispatch_event(&event);
        });
        if let Some(window) = web_sys::window() {
            window.queue_microtask(send.unchecked_ref());
        }
    }
}
