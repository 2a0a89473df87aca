//! The stylesheet cut down to the rules one box can use, for the `<style>` that every
//! prerendered snippet carries (`crate::prerender`).
//!
//! A snippet must style itself (a journalist pastes each one on its own, and a declarative
//! shadow root can share no stylesheet without a script), so an article of 13 boxes held
//! the whole stylesheet, 20.8 KB, 13 times: 270 KB of its 562 KB, and 50 of its 82 kB
//! gzip, since gzip's 32 KB window does not reach back over a box's drawings to the
//! previous copy. A bar chart uses none of a table's rules, a key-figures box none of the
//! charts'. Measured on the demo article: 121 KB of CSS instead of 270, 51 kB gzip
//! instead of 82.
//!
//! What a box can use is known from its markup: a rule stays when one of its selectors
//! names only classes the markup has, or that the scripts give elements later
//! ([`SCRIPT_CLASSES`]). A live box adopts the whole stylesheet, and a prerendered box
//! the scripts draw again gets it too (`www/api.js`, `put`); a legend's redraw writes a
//! chart with fewer series, whose classes the full drawing already has.

use std::collections::HashSet;

/// The classes the scripts give elements after the markup is written: a mark's label
/// shown (`fb-on`) and the tooltip (`fb-tip`, www/interact.js); a table's bars switched
/// off and its "more" control (`fb-over`, `fb-more`, www/table.js); a live box's line
/// when a read fails (`fb-stale`, `fb-live-cause`, www/live.js). A test reads the scripts
/// for every class they set.
pub const SCRIPT_CLASSES: [&str; 6] = [
    "fb-on",
    "fb-tip",
    "fb-over",
    "fb-more",
    "fb-stale",
    "fb-live-cause",
];

/// The classes named in `markup`'s `class` attributes, and [`SCRIPT_CLASSES`].
pub fn classes_of(markup: &str) -> HashSet<&str> {
    let mut classes: HashSet<&str> = SCRIPT_CLASSES.into_iter().collect();
    for after in markup.split("class=\"").skip(1) {
        if let Some(value) = after.split('"').next() {
            classes.extend(value.split_ascii_whitespace());
        }
    }
    classes
}

/// `css` (minified, as `crate::css` keeps it) without the rules that no selector of can
/// match in markup with only `classes`: a selector needs every class it names outside
/// parentheses and brackets (`:not(.x)` and `:has(.x)` need no `x`). Group rules
/// (`@media`, `@supports`, `@container`) keep what of them is kept, and go when nothing
/// is. One pass over the text.
pub fn used_rules(css: &str, classes: &HashSet<&str>) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    block(&mut rest, classes, &mut out);
    // Text after a stray `}` (none in our stylesheets) is kept as it is.
    out.push_str(rest);
    out
}

/// Copies the rules of one block to `out`, from `rest` up to the `}` that closes the
/// block (or the end), and leaves `rest` after it.
fn block(rest: &mut &str, classes: &HashSet<&str>, out: &mut String) {
    loop {
        let text = *rest;
        if let Some(after) = text.strip_prefix('}') {
            *rest = after;
            return;
        }
        let Some(open) = outside_quotes(text, '{') else {
            // No block left: nothing more to cut.
            out.push_str(text);
            *rest = "";
            return;
        };
        let (prelude, body) = (
            text.get(..open).unwrap_or(""),
            text.get(open + 1..).unwrap_or(""),
        );
        if prelude.starts_with('@') {
            let mut inner = String::new();
            *rest = body;
            block(rest, classes, &mut inner);
            if !inner.is_empty() {
                out.push_str(prelude);
                out.push('{');
                out.push_str(&inner);
                out.push('}');
            }
        } else {
            let close = outside_quotes(body, '}').unwrap_or(body.len());
            if can_match(prelude, classes) {
                out.push_str(text.get(..open + close + 2).unwrap_or(text));
            }
            *rest = body.get(close + 1..).unwrap_or("");
        }
    }
}

/// The byte offset of the first `target` in `text` outside double quotes.
fn outside_quotes(text: &str, target: char) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            quoted = !quoted;
        } else if c == target && !quoted {
            return Some(i);
        }
    }
    None
}

/// Whether one of the selectors of `prelude` (a list, comma-separated) names only
/// classes in `classes`.
fn can_match(prelude: &str, classes: &HashSet<&str>) -> bool {
    let mut depth = 0u32;
    let mut possible = true;
    let mut class: Option<usize> = None;
    let end_class = |class: &mut Option<usize>, at: usize, possible: &mut bool| {
        if let Some(start) = class.take() {
            let name = prelude.get(start..at).unwrap_or("");
            *possible &= classes.contains(name);
        }
    };
    for (i, c) in prelude.char_indices() {
        if class.is_some() && !(c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            end_class(&mut class, i, &mut possible);
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => class = Some(i + 1),
            ',' if depth == 0 => {
                if possible {
                    return true;
                }
                possible = true;
            }
            _ => {}
        }
    }
    end_class(&mut class, prelude.len(), &mut possible);
    possible
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set<'a>(names: &[&'a str]) -> HashSet<&'a str> {
        names.iter().copied().collect()
    }

    #[test]
    fn a_rule_stays_when_one_of_its_selectors_can_match() {
        let css = ".a{x:1;}.b,.a .c{x:2;}.d .a{x:3;}:host{x:4;}.a:not(.e){x:5;}.f:has(.a){x:6;}";
        assert_eq!(
            used_rules(css, &set(&["a", "c"])),
            ".a{x:1;}.b,.a .c{x:2;}:host{x:4;}.a:not(.e){x:5;}"
        );
        // An attribute's value is no class.
        assert_eq!(
            used_rules("[data-x=\"a.b\"] .a{x:1;}", &set(&["a"])),
            "[data-x=\"a.b\"] .a{x:1;}"
        );
    }

    #[test]
    fn group_rules_keep_what_stays_and_go_when_empty() {
        let css = "@media print{.a{x:1;}.b{x:2;}}@container (min-width:300px){.b{x:3;}}.c{content:\"}{\";}";
        assert_eq!(
            used_rules(css, &set(&["a", "c"])),
            "@media print{.a{x:1;}}.c{content:\"}{\";}"
        );
        assert_eq!(
            used_rules(
                "@supports not (color:red){@media screen{:host{x:1;}.b{x:2;}}}",
                &set(&[])
            ),
            "@supports not (color:red){@media screen{:host{x:1;}}}"
        );
    }

    /// With every class it names, the widget's stylesheet (and a prerendered box's
    /// additions) comes through whole: the cutting reads every rule as a rule.
    #[test]
    fn nothing_is_cut_from_a_stylesheet_whose_classes_are_all_there() {
        let css = format!("{}{}", crate::css::STYLE, crate::prerender::static_css());
        let mut all = HashSet::new();
        for piece in css.split('.').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            all.insert(name);
        }
        let all: HashSet<&str> = all.iter().map(String::as_str).collect();
        assert_eq!(used_rules(&css, &all), css);
        // And with none, only the rules for the host and the elements themselves.
        let none = used_rules(&css, &HashSet::new());
        assert!(
            none.contains(":host{") && !none.contains(".fb-title"),
            "{none}"
        );
    }

    #[test]
    fn the_classes_of_markup_and_of_the_scripts() {
        let classes = classes_of("<div class=\"fb fb-chart\"><p class=\"fb-note\">a</p></div>");
        for name in ["fb", "fb-chart", "fb-note", "fb-tip", "fb-on"] {
            assert!(classes.contains(name), "{name}");
        }
    }

    /// Every class the scripts give an element is in [`SCRIPT_CLASSES`], so that no
    /// snippet loses a rule for it.
    #[test]
    fn the_scripts_set_no_class_that_is_not_listed() {
        let mut found = Vec::new();
        for entry in std::fs::read_dir("www").expect("www/") {
            let path = entry.expect("an entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("js") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a script");
            for pattern in ["classList.add(", "classList.toggle(", "className = "] {
                for after in text.split(pattern).skip(1) {
                    let quoted = after
                        .trim_start()
                        .strip_prefix('\'')
                        .and_then(|a| a.split('\'').next());
                    match quoted {
                        Some(names) => {
                            found.extend(names.split(' ').map(|n| (n.to_owned(), path.clone())))
                        }
                        None => panic!(
                            "{}: a class set from a variable: {pattern}{}",
                            path.display(),
                            after.get(..40).unwrap_or(after)
                        ),
                    }
                }
            }
        }
        assert!(found.len() >= SCRIPT_CLASSES.len(), "{found:?}");
        for (name, path) in found {
            assert!(
                SCRIPT_CLASSES.contains(&name.as_str()),
                "{}: {name}",
                path.display()
            );
        }
    }
}
