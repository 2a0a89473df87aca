//! Drawing a box's charts on their canvases, and placing a chart's tooltip.

use super::*;

/// The backing pixels per CSS pixel of a chart while the page prints: paper needs more
/// than a screen, and a canvas is a bitmap.
pub(super) const PRINT_RATIO: f64 = 3.0;

/// Draws every chart that is not already drawn for its current size and theme.
pub(super) fn draw_all(i: &mut Inner) {
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
    report_state(i);
}

/// Draws chart `k` if its size, theme, series or active mark changed, and keeps its
/// tooltip in place.
pub(super) fn draw_slot(i: &mut Inner, k: usize) -> Result<(), JsValue> {
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
    // A chart that took a drawing's place knows its width already: asking the element
    // would force a layout of the page just after the box's markup changed.
    let width = match slot.width.or(slot.held) {
        Some(w) => w,
        None => f64::from(
            slot.canvas
                .parent_element()
                .ok_or_else(|| JsValue::from_str("canvas is not in the page"))?
                .client_width(),
        ),
    };
    // A chart that took a prerendered drawing's place keeps its geometry until its
    // container's width changes.
    if let (Some(shown), Some(w)) = (slot.held, slot.width) {
        if (w - shown).abs() >= 0.5 {
            slot.held = None;
        }
    }
    let held = slot.held;
    let last = match (&slot.drawn, &slot.scene) {
        (Some(d), Some(s)) => Some((d, s)),
        _ => None,
    };
    let drawn = canvas::draw_chart(canvas::DrawRequest {
        canvas: &slot.canvas,
        body: &slot.fact.body,
        lang: slot.fact.lang,
        width,
        theme: &theme,
        hidden: &slot.hidden,
        active: slot.active,
        last,
        min_ratio: if printing { PRINT_RATIO } else { 1.0 },
        held,
    })?;
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
pub(super) fn place_tip(slot: &Slot) -> Result<(), JsValue> {
    let mark = slot
        .active
        .and_then(|a| slot.scene.as_ref()?.marks.iter().find(|m| m.index == a));
    let Some(mark) = mark else {
        slot.tip.set_hidden(true);
        return Ok(());
    };
    slot.tip.set_inner_html(&crate::markup::tip(&mark.tip));
    slot.tip.set_hidden(false);
    let (w, h) = (
        f64::from(slot.tip.offset_width()),
        f64::from(slot.tip.offset_height()),
    );
    let chart_w = f64::from(slot.canvas.client_width());
    let chart_h = f64::from(slot.canvas.client_height());
    let zoom = slot.drawn.as_ref().map_or(1.0, |d| d.zoom);
    let (ax, ay) = (mark.anchor.0 * zoom, mark.anchor.1 * zoom);
    let left = crate::format::fit(ax - w / 2.0, 0.0, (chart_w - w).max(0.0));
    // Above the mark when there is room, else below it; never outside the chart.
    let top = if ay - h - 10.0 >= 0.0 {
        ay - h - 10.0
    } else {
        (ay + 18.0).min((chart_h - h).max(0.0))
    };
    let style = slot.tip.style();
    style.set_property("left", &format!("{}px", crate::svg::px(left)))?;
    style.set_property("top", &format!("{}px", crate::svg::px(top)))?;
    Ok(())
}
