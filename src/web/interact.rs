//! Pointer, touch and keyboard on the charts: the active mark and its tooltip.

use super::draw::{draw_slot, place_tip};
use super::schedule::request_frame;
use super::*;

/// Makes `mark` the active mark of chart `k` (or none). The tooltip changes at once, in
/// the same frame as the pointer or key event; the canvas (the mark's outline) is redrawn at
/// the next animation frame, however many events arrive before it.
pub(super) fn set_active(
    i: &mut Inner,
    weak: &Weak<RefCell<Inner>>,
    k: usize,
    mark: Option<usize>,
) {
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
pub(super) fn mark_order(scene: &Scene) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for m in &scene.marks {
        if !order.contains(&m.index) {
            order.push(m.index);
        }
    }
    order
}

/// Attaches a handler for `kind` events on `target`, kept (and removed) with the element.
pub(super) fn listen(
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
pub(super) fn with_inner(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    if let Some(rc) = weak.upgrade() {
        if let Ok(mut i) = rc.try_borrow_mut() {
            f(&mut i);
        }
    }
}

/// The mark under a pointer event on chart `k`, in the chart's CSS pixels.
pub(super) fn mark_under(i: &Inner, k: usize, e: &web_sys::Event) -> Option<usize> {
    let e = e.dyn_ref::<web_sys::MouseEvent>()?;
    let slot = i.slots.get(k)?;
    let scene = slot.scene.as_ref()?;
    let zoom = slot.drawn.as_ref().map_or(1.0, |d| d.zoom);
    scene
        .mark_at(
            f64::from(e.offset_x()) / zoom,
            f64::from(e.offset_y()) / zoom,
        )
        .map(|m| m.index)
}

/// Tooltips by mouse, touch and keyboard, and the legend's toggles.
pub(super) fn interact(inner: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
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
