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
//! The rules themselves are in [`crate::page`], which `www/loader.js` gets too, for the
//! one message it writes before the wasm has started.

use web_sys::Element;

use crate::page::{DEBUG_ATTRIBUTE, debug_on, editor_address};

/// Whether whoever looks at `host` should see the full messages.
pub fn is_editor(host: &Element) -> bool {
    let marked = host
        .closest(&format!("[{DEBUG_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(DEBUG_ATTRIBUTE));
    if let Some(value) = marked {
        return debug_on(&value);
    }
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let address = location.search().unwrap_or_default() + &location.hash().unwrap_or_default();
    editor_address(
        &address,
        &location.hostname().unwrap_or_default(),
        &location.protocol().unwrap_or_default(),
    )
}
