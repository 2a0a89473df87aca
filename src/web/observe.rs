//! What a box watches: its size, whether it nears the viewport, the colour scheme, and
//! printing.

use super::draw::draw_all;
use super::interact::{listen, with_inner};
use super::schedule::redraw_soon;
use super::schedule::request_frame;
use super::*;

/// Redraws on resize and on a change of colour scheme; with `lazy`, draws first when the
/// element comes near the viewport.
pub(super) fn observe(inner: &Rc<RefCell<Inner>>, lazy: bool) -> Result<(), JsValue> {
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
            redraw_soon(&w);
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
        redraw_soon(&w);
    });
    // The colours change with the reader's scheme and with forced colours (high contrast).
    let mut media = Vec::new();
    for query in ["(prefers-color-scheme: dark)", "(forced-colors: active)"] {
        let mq = web_sys::window().and_then(|win| win.match_media(query).ok().flatten());
        if let Some(mq) = mq {
            mq.add_event_listener_with_callback("change", on_media.as_ref().unchecked_ref())?;
            media.push(mq);
        }
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
        options.set_root_margin(crate::page::NEAR_MARGIN);
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
