//! When boxes draw: one queue for every box of the page, drained a frame's budget at a
//! time, in the animation frames of the page or of a host (`host_frames`).

use super::draw::draw_all;
use super::interact::with_inner;
use super::*;

/// Asks for one redraw at the next animation frame; many requests in one frame make one.
pub(super) fn redraw_soon(weak: &Weak<RefCell<Inner>>) {
    with_inner(weak, |i| request_frame(i, weak));
}

/// The shared frame callback, made once, and whether a frame is asked for.
pub(super) type FrameSlot = (Option<Closure<dyn FnMut()>>, bool);

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
pub(super) const FRAME_BUDGET_MS: f64 = 8.0;

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
pub(super) fn request_frame(i: &mut Inner, weak: &Weak<RefCell<Inner>>) {
    if i.queued || !i.visible {
        return;
    }
    i.queued = true;
    QUEUE.with(|q| q.borrow_mut().push(weak.clone()));
    ask_frame();
}

pub(super) fn ask_frame() {
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
pub(super) fn draw_one() {
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
pub(super) fn draw_queued() {
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
