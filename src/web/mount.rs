//! Building a box in its element: the shadow root, each fact box or its failure, and
//! the downloads' handlers.

use super::draw::draw_all;
use super::failure::{failure_markup, internal_failure, log_failure, show_failure};
use super::interact::{interact, listen};
use super::observe::observe;
use super::schedule::request_frame;
use super::*;

/// The scheduler's build job: builds the box `render` was given, if it still waits.
pub(super) fn build(inner: &Rc<RefCell<Inner>>) {
    let Some(Pending {
        json,
        pick,
        source,
        lazy,
    }) = inner
        .try_borrow_mut()
        .ok()
        .and_then(|mut i| i.pending.take())
    else {
        return;
    };
    if let Err(e) = mount(inner, &json, pick.as_deref(), source.as_deref(), lazy) {
        // A DOM call failed (a detached document, an element that cannot host a shadow
        // root): say so in the element itself rather than leave a blank space.
        let detail = e
            .as_string()
            .unwrap_or_else(|| "a browser call failed".to_owned());
        let host = inner.borrow().host.clone();
        show_failure(
            inner,
            &internal_failure(&host, detail),
            source.as_deref(),
            None,
        );
    }
    if let Ok(mut i) = inner.try_borrow_mut() {
        report_state(&mut i);
    }
}

fn mount(
    inner: &Rc<RefCell<Inner>>,
    json: &str,
    pick: Option<&str>,
    source: Option<&str>,
    lazy: bool,
) -> Result<(), JsValue> {
    let host = inner.borrow().host.clone();
    // A prerendered box's drawings are measured before they are replaced.
    let mut held = super::hydrate::shown_widths(&host, json, source).into_iter();
    let hydrating = held.len() > 0;
    let root = fresh_root(&host)?;
    let loaded = load(json, pick, host_lang(&host));
    let results = match loaded {
        Ok(results) => results,
        Err(failure) => {
            show_failure(inner, &failure, source, Some(json));
            return Ok(());
        }
    };
    // The whole element's markup in one call (see `markup`), then the few elements that
    // are wired up, found in it: one figure or failure view per result, in order.
    let editor = audience::is_editor(&host);
    let lang = host_lang(&host);
    let options = inner.borrow().options;
    root.set_inner_html(&markup::boxes(&results, |failure| {
        failure_markup(
            options.show_errors,
            editor,
            lang,
            failure,
            source,
            Some(json),
        )
    }));
    let mut kinds = Vec::new();
    let mut slots = Vec::new();
    let mut images = Vec::new();
    let mut problems = Vec::new();
    let mut failed = false;
    let mut next = root.first_element_child();
    for result in results {
        match result {
            Ok(b) => {
                let figure = next.ok_or("a box's markup is missing")?;
                next = figure.next_element_sibling();
                let b = Rc::new(b);
                kinds.push(b.kind());
                let actions = figure.query_selector_all(".fb-action")?;
                let (Some(csv_link), Some(image_button)) = (
                    actions.get(0).and_then(|n| n.dyn_into::<Element>().ok()),
                    actions.get(1).and_then(|n| n.dyn_into::<Element>().ok()),
                ) else {
                    return Err("a box's downloads are missing".into());
                };
                images.push((image_button, csv_link, figure.clone(), Rc::clone(&b)));
                if let Some(canvas) = figure.query_selector("canvas")? {
                    let tip = figure.query_selector(".fb-tip")?.ok_or("no tooltip")?;
                    let buttons = figure.query_selector_all(".fb-legend-item")?;
                    let legend = (0..buttons.length())
                        .filter_map(|k| buttons.get(k)?.dyn_into::<Element>().ok())
                        .collect();
                    let series = match &b.body {
                        Body::Line(l) => l.series.len(),
                        _ => 0,
                    };
                    slots.push(Slot {
                        canvas: canvas.unchecked_into(),
                        tip: tip.unchecked_into(),
                        legend,
                        figure,
                        fact: Rc::clone(&b),
                        drawn: None,
                        scene: None,
                        active: None,
                        hidden: vec![false; series],
                        width: None,
                        held: held.next(),
                    });
                }
            }
            Err(failure) => {
                // Its view, unless the page shows its own (`errors: 'none'`).
                if options.show_errors {
                    next = next.and_then(|e| e.next_element_sibling());
                }
                failed = true;
                problems.extend(Shown::all(&failure));
                if !options.quiet {
                    log_failure(&failure, source);
                }
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
        i.problems = problems;
        i.kinds = kinds.join(" ");
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
                markup::CSV_PREFIX,
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
        let mut i = inner.borrow_mut();
        if hydrating {
            // The canvases take the drawings' places in this same task, so no frame ever
            // shows a box without its chart.
            i.visible = true;
            draw_all(&mut i);
        } else {
            let weak = Rc::downgrade(inner);
            request_frame(&mut i, &weak);
        }
    }
    Ok(())
}

/// Draws the whole box as a PNG and offers it as a download named after the box.
pub(super) fn download_image(b: &crate::model::FactBox, figure: &Element) -> Result<(), JsValue> {
    let url = canvas::card_png(b, figure)?;
    let a: HtmlElement = document()?.create_element("a")?.dyn_into()?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", &format!("{}.png", b.id()))?;
    a.click();
    Ok(())
}
