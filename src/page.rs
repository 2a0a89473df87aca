//! What the widget reads from the page around a box, in one place: the page's language and
//! the switch between the readers' and the editors' view of a broken box.
//!
//! `factbox.js` needs the same rules, the size limit and a few of the widget's words before
//! the wasm runs (and when it cannot run at all): `make dist` writes them from here into the
//! script ([`loader_constants`], printed by `examples/loader_constants.rs`), so there is no
//! second copy to keep in step.

use crate::error::What;
use crate::format::Lang;

/// A box is in English when the nearest `lang` attribute around it starts with this
/// (`en`, `en-GB`, `EN-us`), and in Vietnamese otherwise.
pub const ENGLISH_PREFIX: &str = "en";

/// How far outside the viewport a box starts its work: a lazy chart draws, a prerendered
/// box is taken over (so that it is ready on arrival).
pub const NEAR_MARGIN: &str = "600px 0px";

/// The height a live box is given before it is drawn (a typical box on a phone: measured
/// 440–570 px at 360–412 px wide), so that the text under it moves little when it comes,
/// and that a box far off-screen keeps meanwhile (`contain-intrinsic-size`).
pub const ESTIMATED_HEIGHT_PX: u32 = 480;

/// The attribute (on the element or an ancestor) that turns the editors' view on, or with
/// one of [`DEBUG_OFF`] off.
pub const DEBUG_ATTRIBUTE: &str = "data-factbox-debug";
/// The values of [`DEBUG_ATTRIBUTE`] that force the readers' view.
pub const DEBUG_OFF: [&str; 2] = ["off", "false"];
/// The word in a page's address (query or fragment) that turns the editors' view on.
pub const DEBUG_FLAG: &str = "factbox-debug";
/// Host names of a page being previewed on the editor's own machine.
pub const LOCAL_HOSTS: [&str; 4] = ["localhost", "127.0.0.1", "[::1]", "::1"];

/// The language of a page whose nearest `lang` attribute is `lang` (empty when none).
pub fn lang_of(lang: &str) -> Lang {
    if lang.to_ascii_lowercase().starts_with(ENGLISH_PREFIX) {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// Whether a debug attribute's value turns the editors' view on.
pub fn debug_on(value: &str) -> bool {
    !DEBUG_OFF.contains(&value.trim())
}

/// Whether a page at this address is seen by an editor: flagged in its query or fragment,
/// or on the editor's own machine.
pub fn editor_address(search_and_hash: &str, host_name: &str, protocol: &str) -> bool {
    search_and_hash.contains(DEBUG_FLAG) || LOCAL_HOSTS.contains(&host_name) || protocol == "file:"
}

/// The constants of `factbox.js`, as JavaScript: the rules above, the document size limit,
/// and the words the loader writes when the wasm cannot run.
pub fn loader_constants() -> String {
    let list = |items: &[&str]| {
        let quoted: Vec<String> = items.iter().map(|s| js_string(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut out = String::from("// Written by `make dist` from src/page.rs; do not edit.\n");
    out += &format!("var ENGLISH_PREFIX = {};\n", js_string(ENGLISH_PREFIX));
    out += &format!("var DEBUG_ATTRIBUTE = {};\n", js_string(DEBUG_ATTRIBUTE));
    out += &format!("var DEBUG_OFF = {};\n", list(&DEBUG_OFF));
    out += &format!("var DEBUG_FLAG = {};\n", js_string(DEBUG_FLAG));
    out += &format!("var LOCAL_HOSTS = {};\n", list(&LOCAL_HOSTS));
    out += &format!("var MAX_BYTES = {};\n", crate::parse::MAX_DOCUMENT_BYTES);
    out += &format!("var NEAR_MARGIN = {};\n", js_string(NEAR_MARGIN));
    out += &format!("var ESTIMATED_HEIGHT = {ESTIMATED_HEIGHT_PX};\n");
    let (min, max) = crate::prerender::IMAGE_WIDTHS;
    out += &format!(
        "var IMAGE_WIDTH = {{ min: {min}, max: {max}, fallback: {} }};\n",
        crate::prerender::DEFAULT_WIDTH
    );
    out += &format!("var VERSION = {};\n", js_string(env!("CARGO_PKG_VERSION")));
    out += "var WORDS = {\n";
    for (key, lang) in [("vi", Lang::Vi), ("en", Lang::En)] {
        let words = lang.words();
        // `%s` stands for the browser's own description of what went wrong.
        let internal = What::Internal {
            detail: "%s".to_owned(),
        }
        .describe(lang);
        out += &format!(
            "  {key}: {{ unavailable: {}, title: {}, internal: {}, report: {}, noStart: {} }},\n",
            js_string(words.unavailable),
            js_string(words.error_title),
            js_string(&internal),
            js_string(words.report),
            js_string(words.no_start),
        );
    }
    out += "};\n";
    out
}

/// `text` as a JavaScript string literal.
fn js_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_language_and_the_editors_switch() {
        assert_eq!(lang_of("en-GB"), Lang::En);
        assert_eq!(lang_of("EN"), Lang::En);
        assert_eq!(lang_of("vi"), Lang::Vi);
        assert_eq!(lang_of(""), Lang::Vi);
        assert!(debug_on(""));
        assert!(debug_on("on"));
        assert!(!debug_on(" off "));
        assert!(editor_address(
            "?a=1&factbox-debug",
            "example.org",
            "https:"
        ));
        assert!(editor_address("", "127.0.0.1", "http:"));
        assert!(editor_address("", "", "file:"));
        assert!(!editor_address("?x", "baomoi.vn", "https:"));
    }

    #[test]
    fn the_loaders_constants_are_javascript_from_here() {
        let js = loader_constants();
        assert!(js.contains("var MAX_BYTES = 2097152;"), "{js}");
        assert!(js.contains("var LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];"));
        assert!(js.contains("unavailable: 'Hộp số liệu này hiện không hiển thị được.'"));
        assert!(
            js.contains("internal: 'internal factbox error (%s)'"),
            "{js}"
        );
        assert_eq!(js_string("it's a \\ test\n"), "'it\\'s a \\\\ test\\n'");
    }
}
