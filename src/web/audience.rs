//! Who is looking at a broken box: a reader of the published page, or an editor previewing
//! it. Readers get a short, neutral notice in the page's language, never the JSON's
//! contents; editors get every problem with its path, line, column and fix. The console
//! always gets the full messages.
//!
//! The switch, in the order it is asked:
//! 1. `data-factbox-debug` on the element or any ancestor (e.g. `<html>` in a CMS's
//!    preview template): editors; `data-factbox-debug="off"` forces the readers' view;
//! 2. `factbox-debug` in the page address's query or fragment (`?factbox-debug`), so that
//!    an editor can check a published page: editors;
//! 3. a page on `localhost`, `127.0.0.1`, `[::1]` or opened from a `file:`: editors;
//! 4. otherwise: readers.
//!
//! `www/loader.js` asks the same question before the wasm has started (`editorView`), for
//! the one message it writes itself; keep the two in step.

use web_sys::Element;

/// The attribute that turns the editors' view on (or, set to `off`, off).
pub const DEBUG_ATTRIBUTE: &str = "data-factbox-debug";
/// The word in a page's address that turns the editors' view on.
pub const DEBUG_FLAG: &str = "factbox-debug";

/// Whether whoever looks at `host` should see the full messages.
pub fn is_editor(host: &Element) -> bool {
    let marked = host
        .closest(&format!("[{DEBUG_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(DEBUG_ATTRIBUTE));
    if let Some(value) = marked {
        return !matches!(value.trim(), "off" | "false");
    }
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let flagged = [location.search(), location.hash()]
        .into_iter()
        .flatten()
        .any(|part| part.contains(DEBUG_FLAG));
    let host_name = location.hostname().unwrap_or_default();
    let local = matches!(
        host_name.as_str(),
        "localhost" | "127.0.0.1" | "[::1]" | "::1"
    ) || location.protocol().is_ok_and(|p| p == "file:");
    flagged || local
}
