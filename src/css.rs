//! The widget's stylesheet without the whitespace it is written with, at compile time.
//!
//! `src/web/style.css` is kept readable (one declaration a line); every reader downloads it
//! inside the wasm, where the whitespace costs about 1 KB raw. [`minify`] is a `const fn`,
//! so the wasm holds only the short form and the build needs no extra step.
//!
//! Comments (`/* … */`, which say why a rule is there) go, and only whitespace that CSS
//! never needs: line breaks next to `{`, `}`, `;` and `,`, and spaces after `:` and `,`
//! or before `{`. Text in quotes (`content: " · "`) is kept
//! as written, as are spaces between values and around combinators and `calc` operators.

/// Returns `css` without its needless whitespace, in an array of `N` bytes (at least
/// `css.len()`) and the length used.
// Indexing here runs at compile time (the function is only used in constants), where an
// out-of-range index is a build error, not a panic in the wasm; `n < N` and `i < len`
// keep it in range anyway.
#[allow(clippy::indexing_slicing)]
pub const fn minify<const N: usize>(css: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let mut n = 0;
    let mut i = 0;
    let mut quoted = false;
    while i < css.len() && n < N {
        let b = css[i];
        i += 1;
        if quoted {
            out[n] = b;
            n += 1;
            if b == b'"' {
                quoted = false;
            }
            continue;
        }
        if b == b'/' && i < css.len() && css[i] == b'*' {
            // Skip to the comment's end; what follows it is read as if the comment were
            // a space.
            i += 1;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        let mut byte = b;
        if b == b'\n' || b == b'\r' || b == b'\t' {
            byte = b' ';
        }
        if byte == b' ' {
            let prev = if n > 0 { out[n - 1] } else { b'{' };
            let next = if i < css.len() { css[i] } else { b'}' };
            let needless_after = matches!(prev, b'{' | b'}' | b';' | b':' | b',' | b' ');
            let needless_before = matches!(next, b'{' | b'}' | b' ' | b'\n' | b'\r');
            if needless_after || needless_before {
                continue;
            }
        }
        if byte == b'"' {
            quoted = true;
        }
        out[n] = byte;
        n += 1;
    }
    (out, n)
}

/// The first `M` bytes of `bytes`: the minified text in an array of its own length, so
/// that the padding of [`minify`]'s array is not kept in the wasm.
#[allow(clippy::indexing_slicing)]
pub const fn prefix<const M: usize, const N: usize>(bytes: &[u8; N]) -> [u8; M] {
    let mut out = [0u8; M];
    let mut i = 0;
    while i < M && i < N {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// A stylesheet of this crate, as written and (by [`minify`], at compile time) without its
/// needless whitespace: the short form is what ends up in the binary.
macro_rules! minified {
    ($($path:literal),+) => {{
        const SOURCE: &str = concat!($(include_str!($path)),+);
        const MINIFIED: ([u8; SOURCE.len()], usize) = minify(SOURCE.as_bytes());
        const SHORT: [u8; MINIFIED.1] = prefix(&MINIFIED.0);
        match std::str::from_utf8(&SHORT) {
            Ok(short) => short,
            Err(_) => SOURCE,
        }
    }};
}

/// The styles of every box, adopted into each box's shadow root (and written into each
/// prerendered one's `<style>`, see `prerender`), with the tooltip and the marks'
/// emphasis; [`LIVE_STYLE`] for the views of a failed box. They carry no comments,
/// since every byte is in the wasm every reader downloads; the reasoning is here:
///
/// - The article's CSS cannot reach inside the shadow root, but its rules for `div` or `*`
///   still style the host element itself, and inherited properties (font, colour,
///   spacing) flow in from it. So the host's own box is locked with `!important` (inside
///   a shadow tree an `!important` `:host` rule beats the page's), and `.fb` starts from
///   `all: initial`. Except `display`: whether and how the element is shown is the
///   page's to say (its `hidden` attribute, its own rules), so `display: block` is only
///   a default, and `[hidden]` hides the element whatever the page's rules.
/// - The `--factbox-*` custom properties are the documented way to brand boxes; each
///   `--fb-*` variable takes the brand value or our default, and the charts' SVG paints
///   name the `--fb-*` values (see `svg::paint_rules`), so CSS and charts always agree. The
///   dark defaults appear twice: under `prefers-color-scheme: dark` (unless the element
///   forces light) and for `data-factbox-theme="dark"`.
/// - A worded unit gets its own line under a key figure: beside a 34 px number it would
///   wrap mid-phrase.
/// - The tooltip is placed by the interaction script through the CSSOM, which a strict CSP
///   allows, and never catches the pointer.
///
/// It is written in four files, in this order: `style.css` (every box), `figures.css` (a
/// key-figures box's rules) and `table.css` (a table box's), which an engine of one kind
/// that does not draw them leaves out ([`BUILD_STYLE`]), and `print.css` (printing, last
/// so that it overrides the rules before it).
pub const STYLE: &str = minified!(
    "web/style.css",
    "web/figures.css",
    "web/table.css",
    "web/print.css"
);

/// The stylesheet of the boxes this build draws: [`STYLE`] without the rules of the kinds
/// it does not draw (an engine of one kind, see `crate::kinds`): a table's, 1.5 kB gzip,
/// and key figures', 0.4 kB.
#[cfg(all(feature = "kind-table", feature = "kind-figures"))]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "studio"), allow(dead_code))]
pub const BUILD_STYLE: &str = STYLE;
/// The stylesheet of the boxes this build draws (see above).
#[cfg(all(feature = "kind-table", not(feature = "kind-figures")))]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "studio"), allow(dead_code))]
pub const BUILD_STYLE: &str = minified!("web/style.css", "web/table.css", "web/print.css");
/// The stylesheet of the boxes this build draws (see above).
#[cfg(all(not(feature = "kind-table"), feature = "kind-figures"))]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "studio"), allow(dead_code))]
pub const BUILD_STYLE: &str = minified!("web/style.css", "web/figures.css", "web/print.css");
/// The stylesheet of the boxes this build draws (see above).
#[cfg(not(any(feature = "kind-table", feature = "kind-figures")))]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "studio"), allow(dead_code))]
pub const BUILD_STYLE: &str = minified!("web/style.css", "web/print.css");

/// What only a failed box shows (`src/web/live.css`): the views of its problems, written by
/// the engine with messages. A good box does without it.
#[cfg(any(all(target_arch = "wasm32", feature = "editor"), test))]
#[cfg_attr(feature = "studio", allow(dead_code))]
pub const LIVE_STYLE: &str = minified!("web/live.css");

#[cfg(test)]
mod tests {
    use super::{LIVE_STYLE, STYLE, minify, prefix};

    fn min(css: &str) -> String {
        let (bytes, n) = minify::<256>(css.as_bytes());
        String::from_utf8(bytes[..n].to_vec()).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn the_prefix_keeps_the_minified_bytes_only() {
        let (bytes, n) = minify::<32>(b".a {\n  color: red;\n}\n");
        let short: [u8; 14] = prefix(&bytes);
        assert_eq!(n, 14);
        assert_eq!(&short, b".a{color:red;}");
    }

    #[test]
    fn comments_go() {
        assert_eq!(
            min("/* why */\n.a {\n/* and why */\ncolor: red;\n}\n"),
            ".a{color:red;}"
        );
        assert_eq!(
            min(".a { content: \"/* kept */\"; }"),
            ".a{content:\"/* kept */\";}"
        );
    }

    #[test]
    fn needless_whitespace_goes_and_meaningful_whitespace_stays() {
        assert_eq!(
            min(".a > .b, .c {\ncolor: red;\nmargin: 0 0 12px;\n}\n"),
            ".a > .b,.c{color:red;margin:0 0 12px;}"
        );
        assert_eq!(
            min("@media (prefers-color-scheme: dark) {\n:host { a: b; }\n}"),
            "@media (prefers-color-scheme:dark){:host{a:b;}}"
        );
        // Quoted text, combinators and calc operators keep their spaces.
        assert_eq!(
            min(".m > span + span::before { content: \" · \"; width: calc(100% - 2px); }"),
            ".m > span + span::before{content:\" · \";width:calc(100% - 2px);}"
        );
        assert_eq!(
            min("font-family: a, \"Segoe UI\", b;"),
            "font-family:a,\"Segoe UI\",b;"
        );
    }

    #[test]
    fn an_engine_without_tables_or_figures_has_every_rule_but_theirs() {
        const WITHOUT: &str = minified!("web/style.css", "web/print.css");
        const TABLE: &str = minified!("web/table.css");
        const FIGURES: &str = minified!("web/figures.css");
        assert_eq!(WITHOUT.len() + TABLE.len() + FIGURES.len(), STYLE.len());
        for rule in [".fb-sort{", ".fb-mb{", ".fb-heat-key{", ".fb-heat-swatch{", ".fb-figures{", ".fb-number{", ".fb-status-word{"] {
            assert!(STYLE.contains(rule) && !WITHOUT.contains(rule), "{rule}");
        }
        // Every class the key figures' rules name is written by the markup of key figures
        // alone: an engine without them has nothing those rules would style.
        let markup = include_str!("markup.rs");
        let figures_item = markup.split("fn figure_item").nth(1).expect("figure_item");
        for class in ["fb-label", "fb-qualifier", "fb-number", "fb-unit", "fb-status-word", "fb-change-value"] {
            let quoted = format!("\"{class}");
            assert!(figures_item.contains(&quoted), "{class}");
            assert_eq!(markup.matches(&quoted).count(), figures_item.matches(&quoted).count(), "{class}");
        }
        // Printing comes last in both, over the rules before it.
        assert!(STYLE.ends_with(WITHOUT.split_at(WITHOUT.rfind("@media print").unwrap()).1));
    }

    #[test]
    fn the_widget_stylesheets_keep_every_rule_and_declaration() {
        for (written, short) in [
            (concat!(include_str!("web/style.css"), include_str!("web/figures.css"), include_str!("web/table.css"), include_str!("web/print.css")), STYLE),
            (include_str!("web/live.css"), LIVE_STYLE),
        ] {
            // What the rules say, without the comments that say why.
            let mut css = String::new();
            let mut rest = written;
            while let Some((before, after)) = rest.split_once("/*") {
                css.push_str(before);
                rest = after.split_once("*/").map_or("", |(_, a)| a);
            }
            css.push_str(rest);
            assert!(
                short.len() < css.len() * 95 / 100,
                "{} of {} bytes",
                short.len(),
                css.len()
            );
            for c in ['{', '}', ';', '"'] {
                assert_eq!(css.matches(c).count(), short.matches(c).count(), "{c}");
            }
            // Every declaration survives, with its value's words in order.
            for line in css.lines().filter(|l| l.contains(": ") && !l.contains('{')) {
                let (prop, value) = line.split_once(": ").expect("a declaration");
                let words: Vec<&str> = value.split_whitespace().collect();
                let squeezed = format!("{prop}:{}", words.join(" ").replace(", ", ","));
                assert!(short.contains(&squeezed), "{squeezed}");
            }
        }
    }
}
