//! Taking over a prerendered box (see `crate::prerender`): whether the snippet was made
//! from the text the widget now has, and the width at which each chart's drawing shows.

use super::*;

/// The on-screen widths of the prerendered charts in `host`, in order, when the snippet
/// was made from `json`; empty when there is no prerendered box, or when the text has
/// changed since (then the console says the snippet is stale, and the box is built from
/// the live data as any other).
///
/// Read before the box is rebuilt, while the drawings still show: one layout read, at a
/// time when nothing in the page has changed since the last frame.
pub(super) fn shown_widths(host: &HtmlElement, json: &str, source: Option<&str>) -> Vec<f64> {
    let (Some(hash), Some(root)) = (host.get_attribute("data-factbox-hash"), host.shadow_root())
    else {
        return Vec::new();
    };
    let Ok(holders) = root.query_selector_all(".fb-static") else {
        return Vec::new();
    };
    if root.query_selector(".fb").ok().flatten().is_none() {
        return Vec::new();
    }
    if hash != crate::prerender::content_hash(json) {
        let from = source.unwrap_or("the inline JSON");
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "factbox: this prerendered snippet is stale: {from} has changed since it was made \
             (data-factbox-hash=\"{hash}\"), so the box shows the live data and may move \
             as it does. Make the snippet again with `factbox render`."
        )));
        return Vec::new();
    }
    (0..holders.length())
        .filter_map(|k| holders.get(k)?.dyn_into::<Element>().ok())
        .map(|e| e.get_bounding_client_rect().width())
        .collect()
}
