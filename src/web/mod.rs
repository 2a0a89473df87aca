//! The browser facade: the only module with `#[wasm_bindgen]`.
//!
//! JavaScript (the `factbox.js` loader, or a developer using the npm package) calls
//! [`render`] with an element and the JSON text, or [`fail`] when the text could not be
//! fetched. Each returns a [`Mounted`] handle that owns the box's observers; dropping it
//! (`free()` in JS) disconnects them. No function here panics on any input: every error is
//! shown in the element and logged with `console.error`.

mod audience;
mod backend;
mod canvas;
mod dom;

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
use crate::model::Body;
use crate::validate::{Failure, load};

/// The styles of every box, adopted into each box's shadow root. They carry no comments,
/// since every byte is in the wasm every reader downloads; the reasoning is here:
///
/// - The article's CSS cannot reach inside the shadow root, but its rules for `div` or `*`
///   still style the host element itself, and inherited properties (font, colour,
///   spacing) flow in from it. So the host's own box is locked with `!important` (inside
///   a shadow tree an `!important` `:host` rule beats the page's), and `.fb` starts from
///   `all: initial`.
/// - The `--factbox-*` custom properties are the documented way to brand boxes; each
///   `--fb-*` variable takes the brand value or our default, and the canvas reads the
///   `--fb-*` values back (see `canvas::theme_of`), so CSS and charts always agree. The
///   dark defaults appear twice: under `prefers-color-scheme: dark` (unless the element
///   forces light) and for `data-factbox-theme="dark"`.
/// - A worded unit gets its own line under a key figure: beside a 34 px number it would
///   wrap mid-phrase.
/// - The tooltip is placed by the wasm through the CSSOM, which a strict CSP allows, and
///   never catches the pointer.
const STYLE: &str = match std::str::from_utf8(&STYLE_SHORT) {
    Ok(short) => short,
    Err(_) => STYLE_SOURCE,
};
/// The stylesheet as written, and (by [`crate::css::minify`], at compile time) without its
/// needless whitespace.
const STYLE_SOURCE: &str = include_str!("style.css");
const STYLE_MINIFIED: ([u8; STYLE_SOURCE.len()], usize) =
    crate::css::minify(STYLE_SOURCE.as_bytes());
const STYLE_SHORT: [u8; STYLE_MINIFIED.1] = crate::css::prefix(&STYLE_MINIFIED.0);
/// The backing pixels per CSS pixel of a chart while the page prints: paper needs more
/// than a screen, and a canvas is a bitmap.
const PRINT_RATIO: f64 = 3.0;
/// How far outside the viewport a lazy chart starts drawing, so it is ready on arrival.
const LAZY_MARGIN: &str = "600px 0px";

thread_local! {
    /// One constructed stylesheet, adopted by every box's shadow root.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Result<CssStyleSheet, JsValue> {
    if let Some(s) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let s = CssStyleSheet::new()?;
    s.replace_sync(STYLE)?;
    SHEET.with(|slot| *slot.borrow_mut() = Some(s.clone()));
    Ok(s)
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
    slots: Vec<Slot>,
    failed: bool,
    /// Every problem shown, as written in the element.
    messages: Vec<String>,
    visible: bool,
    /// Whether the box waits in the shared drawing queue.
    queued: bool,
    resize: Option<ResizeObserver>,
    intersect: Option<IntersectionObserver>,
    media: Option<MediaQueryList>,
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

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(ro) = &self.resize {
            ro.disconnect();
        }
        if let Some(io) = &self.intersect {
            io.disconnect();
        }
        if let (Some(mq), Some(cb)) = (&self.media, &self.on_media) {
            let _ = mq.remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
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

    /// Draws every chart again now, even if nothing seems to have changed.
    pub fn redraw(&self) {
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

    /// The error messages shown in the element, one per problem (empty when ready).
    pub fn errors(&self) -> Vec<String> {
        self.inner
            .try_borrow()
            .map(|i| i.messages.clone())
            .unwrap_or_default()
    }
}

fn state_of(i: &Inner) -> &'static str {
    if i.failed {
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

/// Renders the JSON document `json` into `host`: the box `pick` (an embed's `#id`) or every
/// box of the document. `source` names the file in error messages. With `lazy`, charts are
/// drawn only when they come near the viewport; the JSON is validated at once either way.
#[wasm_bindgen]
pub fn render(
    host: HtmlElement,
    json: &str,
    pick: Option<String>,
    source: Option<String>,
    lazy: bool,
) -> Mounted {
    let inner = Rc::new(RefCell::new(Inner {
        host: host.clone(),
        slots: Vec::new(),
        failed: false,
        messages: Vec::new(),
        visible: !lazy,
        queued: false,
        resize: None,
        intersect: None,
        media: None,
        on_resize: None,
        on_intersect: None,
        on_media: None,
        listeners: Vec::new(),
        printing: None,
        theme: None,
    }));
    if let Err(e) = mount(&inner, json, pick.as_deref(), source.as_deref(), lazy) {
        // A DOM call failed (a detached document, an element that cannot host a shadow
        // root): say so in the element itself rather than leave a blank space.
        let detail = e
            .as_string()
            .unwrap_or_else(|| "a browser call failed".to_owned());
        show_failure(
            &inner,
            &internal_failure(&host, detail),
            source.as_deref(),
            None,
        );
    }
    update_state_attribute(&inner);
    Mounted { inner }
}

/// Shows why the JSON could not be loaded: `code` is `http` (with `status`), `network`,
/// `notjson`, `timeout` (after `amount` seconds), `toolarge` (`amount` KiB) or `nodata`.
#[wasm_bindgen]
pub fn fail(host: HtmlElement, code: &str, url: &str, status: u16, amount: u32) -> Mounted {
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
    let inner = Rc::new(RefCell::new(Inner {
        host,
        slots: Vec::new(),
        failed: true,
        messages: Vec::new(),
        visible: false,
        queued: false,
        resize: None,
        intersect: None,
        media: None,
        on_resize: None,
        on_intersect: None,
        on_media: None,
        listeners: Vec::new(),
        printing: None,
        theme: None,
    }));
    show_failure(&inner, &failure, None, None);
    update_state_attribute(&inner);
    Mounted { inner }
}

fn internal_failure(host: &HtmlElement, detail: String) -> Failure {
    Failure {
        lang: host_lang(host),
        id: None,
        problems: vec![Problem::whole(What::Internal { detail })],
    }
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
    if lang.to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Vi
    }
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
    let sheets = js_sys::Array::of1(&JsValue::from(sheet()?));
    root.set_adopted_style_sheets(&sheets);
    Ok(root)
}

fn mount(
    inner: &Rc<RefCell<Inner>>,
    json: &str,
    pick: Option<&str>,
    source: Option<&str>,
    lazy: bool,
) -> Result<(), JsValue> {
    let host = inner.borrow().host.clone();
    let doc = document()?;
    let root = fresh_root(&host)?;
    let loaded = load(json, pick, host_lang(&host));
    let results = match loaded {
        Ok(results) => results,
        Err(failure) => {
            show_failure(inner, &failure, source, Some(json));
            return Ok(());
        }
    };
    let mut kinds = Vec::new();
    let mut slots = Vec::new();
    let mut images = Vec::new();
    let mut messages = Vec::new();
    let mut failed = false;
    for result in results {
        match result {
            Ok(b) => {
                let b = Rc::new(b);
                kinds.push(b.kind());
                let built = dom::fact_box(&doc, &b);
                root.append_child(&built.figure)?;
                images.push((
                    built.image_button,
                    built.csv_link,
                    built.figure.clone(),
                    Rc::clone(&b),
                ));
                if let Some(parts) = built.chart {
                    let series = match &b.body {
                        Body::Line(l) => l.series.len(),
                        _ => 0,
                    };
                    slots.push(Slot {
                        canvas: parts.canvas,
                        tip: parts.tip,
                        legend: parts.legend,
                        figure: built.figure.clone(),
                        fact: Rc::clone(&b),
                        drawn: None,
                        scene: None,
                        active: None,
                        hidden: vec![false; series],
                        width: None,
                    });
                }
            }
            Err(failure) => {
                failed = true;
                messages.extend(failure.messages());
                log_failure(&failure, source);
                root.append_child(&failure_view(&doc, &host, &failure, source, Some(json)))?;
            }
        }
    }
    if !kinds.is_empty() {
        kinds.dedup();
        host.set_attribute("data-factbox-kind", &kinds.join(" "))?;
    }
    {
        let mut i = inner.borrow_mut();
        i.failed = failed;
        i.slots = slots;
        i.messages = messages;
    }
    for (button, link, figure, b) in images {
        let mut i = inner.borrow_mut();
        let for_image = Rc::clone(&b);
        listen(&mut i, &button.into(), "click", move |_| {
            if let Err(e) = download_image(&for_image, &figure) {
                web_sys::console::error_2(&JsValue::from_str("factbox: image failed"), &e);
            }
        })?;
        // Written as the link is pressed, before the browser follows it.
        let target = link.clone();
        listen(&mut i, &link.into(), "click", move |_| {
            let href = format!(
                "{}{}",
                dom::CSV_PREFIX,
                js_sys::encode_uri_component(&crate::csv::csv(&b))
            );
            let _ = target.set_attribute("href", &href);
        })?;
    }
    if !inner.borrow().slots.is_empty() {
        // Drawn at the next frame, in turn with every other box. The ResizeObserver's
        // first report usually brings the width first; an eager box asks at once too, so
        // that it is drawn even before that report.
        observe(inner, lazy)?;
        interact(inner)?;
        let weak = Rc::downgrade(inner);
        let mut i = inner.borrow_mut();
        request_frame(&mut i, &weak);
    }
    Ok(())
}

/// Draws the whole box as a PNG and offers it as a download named after the box.
fn download_image(b: &crate::model::FactBox, figure: &Element) -> Result<(), JsValue> {
    let url = canvas::card_png(b, figure)?;
    let a: HtmlElement = document()?.create_element("a")?.dyn_into()?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", &format!("{}.png", b.id()))?;
    a.click();
    Ok(())
}

fn show_failure(
    inner: &Rc<RefCell<Inner>>,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) {
    log_failure(failure, source);
    let Ok(mut i) = inner.try_borrow_mut() else {
        return;
    };
    i.failed = true;
    i.messages = failure.messages();
    let host = i.host.clone();
    let shown = document().and_then(|doc| {
        let root = fresh_root(&host)?;
        root.append_child(&failure_view(&doc, &host, failure, source, json))?;
        Ok::<(), JsValue>(())
    });
    if shown.is_err() {
        // No shadow root could be made: write the message as plain text in the element.
        host.set_text_content(Some(&failure.messages().join("\n")));
    }
}

/// What stands in place of a box that cannot be shown: for readers of a published page a
/// short notice, for editors previewing it every message (see `audience`). Every failure
/// is shown through here; the console gets the full messages either way (`log_failure`).
fn failure_view(
    doc: &Document,
    host: &HtmlElement,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) -> Element {
    if audience::is_editor(host) {
        dom::failure(doc, failure, source, json)
    } else {
        dom::reader_notice(doc, failure, host_lang(host))
    }
}

fn log_failure(failure: &Failure, source: Option<&str>) {
    let mut text = String::from("factbox:");
    if let Some(s) = source {
        text.push(' ');
        text.push_str(s);
    }
    if let Some(id) = &failure.id {
        text.push_str(&format!(" #{id}"));
    }
    for problem in &failure.problems {
        // Developers read the console in English.
        text.push_str("\n  ");
        text.push_str(&problem.message(Lang::En));
    }
    web_sys::console::error_1(&JsValue::from_str(&text));
}

fn update_state_attribute(inner: &Rc<RefCell<Inner>>) {
    if let Ok(i) = inner.try_borrow() {
        let _ = i.host.set_attribute("data-factbox-state", state_of(&i));
    }
}

/// Draws every chart that is not already drawn for its current size and theme.
fn draw_all(i: &mut Inner) {
    if !i.visible {
        return;
    }
    let mut first_error = None;
    for k in 0..i.slots.len() {
        if let Err(e) = draw_slot(i, k) {
            first_error.get_or_insert(e);
        }
    }
    if let Some(e) = first_error {
        web_sys::console::error_2(&JsValue::from_str("factbox: drawing failed"), &e);
    }
    let _ = i.host.set_attribute("data-factbox-state", state_of(i));
}

/// Draws chart `k` if its size, theme, series or active mark changed, and keeps its
/// tooltip in place.
fn draw_slot(i: &mut Inner, k: usize) -> Result<(), JsValue> {
    let printing = i.printing.is_some();
    let Some(figure) = i.slots.get(k).map(|s| s.figure.clone()) else {
        return Ok(());
    };
    let theme = i
        .theme
        .get_or_insert_with(|| canvas::theme_of(&figure))
        .clone();
    let Some(slot) = i.slots.get_mut(k) else {
        return Ok(());
    };
    let width = match slot.width {
        Some(w) => w,
        None => f64::from(
            slot.canvas
                .parent_element()
                .ok_or_else(|| JsValue::from_str("canvas is not in the page"))?
                .client_width(),
        ),
    };
    let last = match (&slot.drawn, &slot.scene) {
        (Some(d), Some(s)) => Some((d, s)),
        _ => None,
    };
    let drawn = canvas::draw_chart(
        &slot.canvas,
        &slot.fact.body,
        slot.fact.lang,
        width,
        &theme,
        &slot.hidden,
        slot.active,
        last,
        if printing { PRINT_RATIO } else { 1.0 },
    )?;
    if let Some((drawn, scene)) = drawn {
        slot.drawn = Some(drawn);
        if let Some(scene) = scene {
            slot.scene = Some(scene);
        }
        place_tip(slot)?;
    }
    Ok(())
}

/// Shows the active mark's tooltip next to it, kept inside the chart; hides it when no
/// mark is active.
fn place_tip(slot: &Slot) -> Result<(), JsValue> {
    let mark = slot
        .active
        .and_then(|a| slot.scene.as_ref()?.marks.iter().find(|m| m.index == a));
    let Some(mark) = mark else {
        slot.tip.set_hidden(true);
        return Ok(());
    };
    let doc = document()?;
    while let Some(child) = slot.tip.first_child() {
        slot.tip.remove_child(&child)?;
    }
    for (n, line) in mark.tip.iter().enumerate() {
        let tag = if n == 0 { "strong" } else { "span" };
        dom::text_child(&doc, &slot.tip, tag, "", line);
    }
    slot.tip.set_hidden(false);
    let (w, h) = (
        f64::from(slot.tip.offset_width()),
        f64::from(slot.tip.offset_height()),
    );
    let chart_w = f64::from(slot.canvas.client_width());
    let chart_h = f64::from(slot.canvas.client_height());
    let (ax, ay) = mark.anchor;
    let left = crate::format::fit(ax - w / 2.0, 0.0, (chart_w - w).max(0.0));
    // Above the mark when there is room, else below it; never outside the chart.
    let top = if ay - h - 10.0 >= 0.0 {
        ay - h - 10.0
    } else {
        (ay + 18.0).min((chart_h - h).max(0.0))
    };
    let style = slot.tip.style();
    style.set_property("left", &format!("{}px", backend::px(left)))?;
    style.set_property("top", &format!("{}px", backend::px(top)))?;
    Ok(())
}

/// Makes `mark` the active mark of chart `k` (or none). The tooltip changes at once, in
/// the same frame as the pointer or key event; the canvas (the mark's outline) is redrawn at
/// the next animation frame, however many events arrive before it.
fn set_active(i: &mut Inner, weak: &Weak<RefCell<Inner>>, k: usize, mark: Option<usize>) {
    let Some(slot) = i.slots.get_mut(k) else {
        return;
    };
    if slot.active == mark {
        return;
    }
    slot.active = mark;
    if let Err(e) = place_tip(slot) {
        web_sys::console::error_2(&JsValue::from_str("factbox: tooltip failed"), &e);
    }
    request_frame(i, weak);
}

/// The distinct mark indices of a scene in reading order, for stepping with the keyboard.
fn mark_order(scene: &Scene) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for m in &scene.marks {
        if !order.contains(&m.index) {
            order.push(m.index);
        }
    }
    order
}

/// Asks for one redraw at the next animation frame; many requests in one frame make one.
fn schedule(weak: &Weak<RefCell<Inner>>) {
    with_inner(weak, |i| request_frame(i, weak));
}

/// The shared frame callback, made once, and whether a frame is asked for.
type FrameSlot = (Option<Closure<dyn FnMut()>>, bool);

thread_local! {
    /// Boxes waiting to be drawn, in order, shared by every box of the page: one
    /// animation-frame callback draws them, 8 ms' worth per frame, so that a page of many
    /// boxes never blocks the main thread (and a tooltip's frame is never late).
    static QUEUE: RefCell<Vec<Weak<RefCell<Inner>>>> = const { RefCell::new(Vec::new()) };
    static FRAME: RefCell<FrameSlot> = const { RefCell::new((None, false)) };
    /// The host's scheduler, if it gave one (see [`host_frames`]).
    static HOST: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// How long one frame may spend drawing boxes, in milliseconds.
const FRAME_BUDGET_MS: f64 = 8.0;

/// Hands the drawing queue to the host's scheduler: instead of asking for animation frames
/// itself, factbox calls `ask()` when boxes wait to be drawn, and the host then calls
/// [`draw_next`] until it returns `false`. The `factbox.js` loader does this, so that
/// building boxes and drawing them share one queue and one budget per frame: a frame then
/// does one or the other, never a long build and a long drawing back to back. (Without a
/// host, as from the npm package, factbox asks for frames itself.)
#[wasm_bindgen]
pub fn host_frames(ask: js_sys::Function) {
    HOST.with(|h| *h.borrow_mut() = Some(ask));
}

/// Draws the next box waiting to be drawn; `true` if more are waiting (and the host has
/// been asked again).
#[wasm_bindgen]
pub fn draw_next() -> bool {
    FRAME.with(|f| f.borrow_mut().1 = false);
    draw_one();
    let more = QUEUE.with(|q| !q.borrow().is_empty());
    if more {
        ask_frame();
    }
    more
}

/// Puts the box in the drawing queue for the next animation frame, unless it waits there
/// already or is not near the viewport yet.
fn request_frame(i: &mut Inner, weak: &Weak<RefCell<Inner>>) {
    if i.queued || !i.visible {
        return;
    }
    i.queued = true;
    QUEUE.with(|q| q.borrow_mut().push(weak.clone()));
    ask_frame();
}

fn ask_frame() {
    FRAME.with(|f| {
        let mut f = f.borrow_mut();
        if f.1 {
            return;
        }
        if let Some(ask) = HOST.with(|h| h.borrow().clone()) {
            f.1 = ask.call0(&JsValue::NULL).is_ok();
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let cb = f.0.get_or_insert_with(|| Closure::new(draw_queued));
        f.1 = window
            .request_animation_frame(cb.as_ref().unchecked_ref())
            .is_ok();
    });
}

/// Draws the box at the head of the queue, if any.
fn draw_one() {
    let next = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        if q.is_empty() {
            None
        } else {
            Some(q.remove(0))
        }
    });
    if let Some(rc) = next.and_then(|weak| weak.upgrade()) {
        if let Ok(mut i) = rc.try_borrow_mut() {
            i.queued = false;
            draw_all(&mut i);
        }
    }
}

/// The frame callback: draws queued boxes in order until the frame's budget is spent,
/// and asks for another frame for the rest.
fn draw_queued() {
    FRAME.with(|f| f.borrow_mut().1 = false);
    let start = js_sys::Date::now();
    while QUEUE.with(|q| !q.borrow().is_empty()) {
        draw_one();
        if js_sys::Date::now() - start > FRAME_BUDGET_MS {
            break;
        }
    }
    if QUEUE.with(|q| !q.borrow().is_empty()) {
        ask_frame();
    }
}

/// Redraws on resize and on a change of colour scheme; with `lazy`, draws first when the
/// element comes near the viewport.
fn observe(inner: &Rc<RefCell<Inner>>, lazy: bool) -> Result<(), JsValue> {
    let weak = Rc::downgrade(inner);
    let host = inner.borrow().host.clone();

    // Each chart's container is observed: the observer hands over the new widths after
    // layout, so redrawing never has to ask for (and force) a layout.
    let w = weak.clone();
    let on_resize: Closure<dyn FnMut(js_sys::Array)> =
        Closure::new(move |entries: js_sys::Array| {
            with_inner(&w, |i| {
                for entry in entries.iter() {
                    let Ok(entry) = entry.dyn_into::<web_sys::ResizeObserverEntry>() else {
                        continue;
                    };
                    let target = entry.target();
                    let width = entry.content_rect().width();
                    for slot in &mut i.slots {
                        if slot.canvas.parent_element().as_ref() == Some(&target) {
                            slot.width = Some(width);
                        }
                    }
                }
            });
            schedule(&w);
        });
    let ro = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    for slot in &inner.borrow().slots {
        if let Some(holder) = slot.canvas.parent_element() {
            ro.observe(&holder);
        }
    }

    let w = weak.clone();
    let on_media: Closure<dyn FnMut()> = Closure::new(move || {
        with_inner(&w, |i| i.theme = None);
        schedule(&w);
    });
    let media = web_sys::window().and_then(|win| {
        win.match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
    });
    if let Some(mq) = &media {
        mq.add_event_listener_with_callback("change", on_media.as_ref().unchecked_ref())?;
    }

    let mut i = inner.borrow_mut();
    // Printing: draw every chart now (lazy ones too), sharper, in the light theme, since
    // paper is white whatever the screen's mode; then restore the screen drawing.
    if let Some(window) = web_sys::window() {
        let w = weak.clone();
        listen(&mut i, &window.clone().into(), "beforeprint", move |_| {
            with_inner(&w, |i| {
                if i.printing.is_none() {
                    i.printing = Some(i.host.get_attribute("data-factbox-theme"));
                    let _ = i.host.set_attribute("data-factbox-theme", "light");
                }
                i.theme = None;
                i.visible = true;
                draw_all(i);
            });
        })?;
        let w = weak.clone();
        listen(&mut i, &window.into(), "afterprint", move |_| {
            with_inner(&w, |i| {
                if let Some(theme) = i.printing.take() {
                    let _ = match theme {
                        Some(t) => i.host.set_attribute("data-factbox-theme", &t),
                        None => i.host.remove_attribute("data-factbox-theme"),
                    };
                }
                i.theme = None;
                draw_all(i);
            });
        })?;
    }
    i.resize = Some(ro);
    i.on_resize = Some(on_resize);
    i.media = media;
    i.on_media = Some(on_media);

    if lazy {
        let w = weak.clone();
        let on_intersect: Closure<dyn FnMut(js_sys::Array)> =
            Closure::new(move |entries: js_sys::Array| {
                let near = entries.iter().any(|e| {
                    e.dyn_into::<IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if !near {
                    return;
                }
                if let Some(rc) = w.upgrade() {
                    if let Ok(mut i) = rc.try_borrow_mut() {
                        i.visible = true;
                        if let Some(io) = i.intersect.take() {
                            io.disconnect();
                        }
                        request_frame(&mut i, &w);
                    }
                }
            });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(LAZY_MARGIN);
        let io = IntersectionObserver::new_with_options(
            on_intersect.as_ref().unchecked_ref(),
            &options,
        )?;
        io.observe(&host);
        i.intersect = Some(io);
        i.on_intersect = Some(on_intersect);
    }
    Ok(())
}

/// Attaches a handler for `kind` events on `target`, kept (and removed) with the element.
fn listen(
    i: &mut Inner,
    target: &web_sys::EventTarget,
    kind: &'static str,
    handler: impl FnMut(web_sys::Event) + 'static,
) -> Result<(), JsValue> {
    let cb: Closure<dyn FnMut(web_sys::Event)> = Closure::new(handler);
    target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref())?;
    i.listeners.push((target.clone(), kind, cb));
    Ok(())
}

/// Runs `f` on the mounted state, if it still exists and is not busy.
fn with_inner(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    if let Some(rc) = weak.upgrade() {
        if let Ok(mut i) = rc.try_borrow_mut() {
            f(&mut i);
        }
    }
}

/// The mark under a pointer event on chart `k`, in the chart's CSS pixels.
fn mark_under(i: &Inner, k: usize, e: &web_sys::Event) -> Option<usize> {
    let e = e.dyn_ref::<web_sys::MouseEvent>()?;
    let scene = i.slots.get(k)?.scene.as_ref()?;
    scene
        .mark_at(f64::from(e.offset_x()), f64::from(e.offset_y()))
        .map(|m| m.index)
}

/// Tooltips by mouse, touch and keyboard, and the legend's toggles.
fn interact(inner: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let weak = Rc::downgrade(inner);
    let mut i = inner.borrow_mut();
    let host: web_sys::EventTarget = i.host.clone().into();
    let count = i.slots.len();
    for k in 0..count {
        let Some(slot) = i.slots.get(k) else { continue };
        let canvas: web_sys::EventTarget = slot.canvas.clone().into();
        let legend = slot.legend.clone();

        // A mouse shows the tooltip of whatever it is over.
        let w = weak.clone();
        listen(&mut i, &canvas, "pointermove", move |e| {
            let mouse = e
                .dyn_ref::<web_sys::PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            if mouse {
                with_inner(&w, |i| {
                    let m = mark_under(i, k, &e);
                    set_active(i, &w, k, m);
                });
            }
        })?;
        let w = weak.clone();
        listen(&mut i, &canvas, "pointerleave", move |e| {
            let mouse = e
                .dyn_ref::<web_sys::PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            let focused = e
                .current_target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|c| {
                    c.get_root_node()
                        .dyn_into::<ShadowRoot>()
                        .ok()?
                        .active_element()
                        .map(|a| a == c)
                })
                .unwrap_or(false);
            if mouse && !focused {
                with_inner(&w, |i| set_active(i, &w, k, None));
            }
        })?;
        // A tap (or click) shows the tapped mark's tooltip, or hides it off the marks.
        let w = weak.clone();
        listen(&mut i, &canvas, "pointerdown", move |e| {
            with_inner(&w, |i| {
                let m = mark_under(i, k, &e);
                set_active(i, &w, k, m);
            });
        })?;
        // The keyboard steps from mark to mark.
        let w = weak.clone();
        listen(&mut i, &canvas, "keydown", move |e| {
            let Some(key) = e
                .dyn_ref::<web_sys::KeyboardEvent>()
                .map(web_sys::KeyboardEvent::key)
            else {
                return;
            };
            with_inner(&w, |i| {
                let Some(slot) = i.slots.get(k) else { return };
                let Some(scene) = slot.scene.as_ref() else {
                    return;
                };
                let order = mark_order(scene);
                let at = slot.active.and_then(|a| order.iter().position(|&m| m == a));
                let last = order.len().saturating_sub(1);
                let next = match key.as_str() {
                    "ArrowRight" | "ArrowDown" => Some(at.map_or(0, |p| (p + 1).min(last))),
                    "ArrowLeft" | "ArrowUp" => Some(at.map_or(0, |p| p.saturating_sub(1))),
                    "Home" => Some(0),
                    "End" => Some(last),
                    "Escape" => {
                        set_active(i, &w, k, None);
                        return;
                    }
                    _ => return,
                };
                e.prevent_default();
                let m = next.and_then(|p| order.get(p).copied());
                set_active(i, &w, k, m);
            });
        })?;
        let w = weak.clone();
        listen(&mut i, &canvas, "focus", move |_| {
            with_inner(&w, |i| {
                let first = i
                    .slots
                    .get(k)
                    .and_then(|s| s.scene.as_ref())
                    .and_then(|sc| mark_order(sc).first().copied());
                if i.slots.get(k).is_some_and(|s| s.active.is_none()) {
                    set_active(i, &w, k, first);
                }
            });
        })?;
        let w = weak.clone();
        listen(&mut i, &canvas, "blur", move |_| {
            with_inner(&w, |i| set_active(i, &w, k, None));
        })?;
        for (series, button) in legend.into_iter().enumerate() {
            let w = weak.clone();
            let b = button.clone();
            listen(&mut i, &button.into(), "click", move |_| {
                with_inner(&w, |i| {
                    let Some(slot) = i.slots.get_mut(k) else {
                        return;
                    };
                    let Some(h) = slot.hidden.get_mut(series) else {
                        return;
                    };
                    *h = !*h;
                    let pressed = if *h { "false" } else { "true" };
                    let _ = b.set_attribute("aria-pressed", pressed);
                    slot.active = None;
                    if let Err(e) = draw_slot(i, k) {
                        web_sys::console::error_2(
                            &JsValue::from_str("factbox: drawing failed"),
                            &e,
                        );
                    }
                });
            })?;
        }
    }
    // A tap anywhere outside the box hides its tooltips. Events from inside a shadow root
    // reach the window retargeted to its host, so the target says whether it was ours.
    if let Some(window) = web_sys::window() {
        let w = weak.clone();
        let h = host.clone();
        listen(&mut i, &window.into(), "pointerdown", move |e| {
            if e.target().as_ref() != Some(&h) {
                with_inner(&w, |i| {
                    for k in 0..i.slots.len() {
                        set_active(i, &w, k, None);
                    }
                });
            }
        })?;
    }
    Ok(())
}
