//! When boxes are built and drawn: the page's one scheduler.
//!
//! [`render`](super::render) only queues a box; building it (reading, validating, laying
//! out its elements) and drawing its charts are jobs in two queues shared by every box of
//! the page, run in animation frames with one budget per frame. So a page of many boxes,
//! which all arrive at once when their shared file does, never blocks the main thread for
//! long, and a tooltip's frame is never late. (Before, the `factbox.js` loader had a second
//! queue for building, tied to this one by a callback handshake.)
//!
//! Each frame's work runs in a task of its own, posted from the animation frame: so the
//! browser's style, layout and painting of what was built (its own task, the frame's)
//! never add up with building in one long task. Drawings go first, but only those asked
//! for before the frame began: a box built in a frame is drawn in the next one.

use std::collections::VecDeque;

use super::draw::draw_all;
use super::interact::with_inner;
use super::*;

/// How long one frame may spend building and drawing boxes, in milliseconds. Measured
/// against 8 (every box of 48 drawn 5–10% later, long tasks alike); 12 leaves 4 ms of a
/// 60 Hz frame for the browser's own layout and painting of what was built.
pub(super) const FRAME_BUDGET_MS: f64 = 12.0;

/// The expando property set on a box's element while one of its jobs runs: if the wasm
/// traps, the loader finds the box that did it by this name (see `www/loader.js`), and
/// that box alone shows the failure.
pub(super) const BUSY: &str = "__factboxBusy";

/// The two queues, and the callbacks once made.
#[derive(Default)]
struct Queues {
    builds: VecDeque<Weak<RefCell<Inner>>>,
    draws: VecDeque<Weak<RefCell<Inner>>>,
    /// The animation frame's callback, which posts `work`.
    frame: Option<Closure<dyn FnMut()>>,
    /// The task that does a frame's jobs.
    work: Option<Closure<dyn FnMut()>>,
    /// Whether a frame (or, in a hidden tab, a task) is asked for.
    asked: bool,
}

thread_local! {
    static QUEUES: RefCell<Queues> = RefCell::new(Queues::default());
}

/// Queues the box's build (see [`super::Pending`]).
pub(super) fn request_build(weak: &Weak<RefCell<Inner>>) {
    QUEUES.with(|q| q.borrow_mut().builds.push_back(weak.clone()));
    ask_frame();
}

/// Asks for one redraw at the next frame; many requests in one frame make one.
pub(super) fn redraw_soon(weak: &Weak<RefCell<Inner>>) {
    with_inner(weak, |i| request_frame(i, weak));
}

/// Puts the box in the drawing queue for the next frame, unless it waits there already,
/// is not built yet, or is not near the viewport yet.
pub(super) fn request_frame(i: &mut Inner, weak: &Weak<RefCell<Inner>>) {
    if i.queued || !i.visible || i.pending.is_some() {
        return;
    }
    i.queued = true;
    QUEUES.with(|q| q.borrow_mut().draws.push_back(weak.clone()));
    ask_frame();
}

/// Asks for a frame, unless one is asked for already. In a hidden tab, where animation
/// frames stop, the task is posted at once: boxes are still built (and report their
/// state).
fn ask_frame() {
    QUEUES.with(|q| {
        let mut q = q.borrow_mut();
        if q.asked {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        q.asked = if window.document().is_some_and(|d| d.hidden()) {
            post_work(&mut q, &window)
        } else {
            let frame = q.frame.get_or_insert_with(|| Closure::new(on_frame));
            window
                .request_animation_frame(frame.as_ref().unchecked_ref())
                .is_ok()
        };
    });
}

/// The animation frame: posts the frame's work as a task of its own.
fn on_frame() {
    let Some(window) = web_sys::window() else {
        return;
    };
    QUEUES.with(|q| {
        let mut q = q.borrow_mut();
        q.asked = post_work(&mut q, &window);
    });
}

fn post_work(q: &mut Queues, window: &web_sys::Window) -> bool {
    let work = q.work.get_or_insert_with(|| Closure::new(run_frame));
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(work.as_ref().unchecked_ref(), 0)
        .is_ok()
}

/// The frame: the drawings asked for before it, then builds, until the budget is spent;
/// another frame is asked for whatever is left.
fn run_frame() {
    let start = js_sys::Date::now();
    let spent = || js_sys::Date::now() - start > FRAME_BUDGET_MS;
    let mut draws = QUEUES.with(|q| {
        let mut q = q.borrow_mut();
        q.asked = false;
        std::mem::take(&mut q.draws)
    });
    while let Some(weak) = draws.pop_front() {
        run(&weak, Job::Draw);
        if spent() {
            break;
        }
    }
    QUEUES.with(|q| {
        let mut q = q.borrow_mut();
        // Drawings not reached go back first, ahead of any asked for meanwhile.
        while let Some(weak) = draws.pop_back() {
            q.draws.push_front(weak);
        }
    });
    while !spent() {
        let Some(weak) = QUEUES.with(|q| q.borrow_mut().builds.pop_front()) else {
            break;
        };
        run(&weak, Job::Build);
    }
    if QUEUES.with(|q| {
        let q = q.borrow();
        !q.draws.is_empty() || !q.builds.is_empty()
    }) {
        ask_frame();
    }
}

#[derive(Clone, Copy)]
enum Job {
    Build,
    Draw,
}

/// Runs one job of a box still on the page (a freed box's jobs are dropped), with the box
/// marked busy while it runs.
fn run(weak: &Weak<RefCell<Inner>>, job: Job) {
    let Some(rc) = weak.upgrade() else {
        return;
    };
    let host = match rc.try_borrow() {
        Ok(i) => i.host.clone(),
        Err(_) => return,
    };
    let _ = js_sys::Reflect::set(&host, &JsValue::from_str(BUSY), &JsValue::TRUE);
    match job {
        Job::Build => super::mount::build(&rc),
        Job::Draw => {
            if let Ok(mut i) = rc.try_borrow_mut() {
                i.queued = false;
                draw_all(&mut i);
            }
        }
    }
    let _ = js_sys::Reflect::delete_property(&host.into(), &JsValue::from_str(BUSY));
}
