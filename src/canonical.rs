//! A document's meaning as one text, for the content hash of a snippet.
//!
//! A snippet records what it was made from (`data-factbox-hash`), and the page compares
//! that with the data it fetches once idle. Hashing the text as written made an imported
//! object (`JSON.stringify(doc)`), a reformatted file or keys in another indentation
//! "stale". The hash is therefore over what JavaScript's `JSON.stringify(JSON.parse(text))`
//! writes, which the page computes natively and this module writes the same: no
//! whitespace; an object's keys in the order written (a key given twice: the last value,
//! at the first place; integer keys first, ascending, as JavaScript orders them); numbers
//! as JavaScript prints them (`1.50` → `1.5`, `1e21` → `1e+21`); strings with
//! `JSON.stringify`'s escapes.

use crate::json::{self, Kind, Node};

/// What `JSON.stringify(JSON.parse(text))` writes, or `None` when `text` is not JSON.
pub fn canonical(text: &str) -> Option<String> {
    let node = json::parse(text).ok()?;
    let mut out = String::with_capacity(text.len());
    write(&mut out, &node);
    Some(out)
}

fn write(out: &mut String, node: &Node<'_>) {
    match &node.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(v, _) => out.push_str(&js_number(*v)),
        Kind::Str(s) => string(out, s),
        Kind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, item);
            }
            out.push(']');
        }
        Kind::Object(entries) => {
            // Each key once, at its first place, with its last value.
            let mut keys: Vec<(&str, &Node<'_>)> = Vec::with_capacity(entries.len());
            for e in entries {
                match keys.iter_mut().find(|(k, _)| *k == e.key.as_ref()) {
                    Some(slot) => slot.1 = &e.value,
                    None => keys.push((e.key.as_ref(), &e.value)),
                }
            }
            // Integer keys ("0" … "4294967294") come first, in numeric order.
            let index = |k: &str| -> Option<u32> {
                let n: u32 = k.parse().ok()?;
                (n < u32::MAX && n.to_string() == k).then_some(n)
            };
            let mut ordered: Vec<(Option<u32>, usize)> = keys
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (index(k), i))
                .collect();
            if ordered.iter().any(|(n, _)| n.is_some()) {
                let (mut ints, rest): (Vec<_>, Vec<_>) =
                    ordered.into_iter().partition(|(n, _)| n.is_some());
                let order = crate::sort::order(
                    &ints
                        .iter()
                        .map(|(n, _)| f64::from(n.unwrap_or(0)))
                        .collect::<Vec<_>>(),
                );
                ints = order
                    .into_iter()
                    .filter_map(|i| ints.get(i).copied())
                    .collect();
                ordered = ints.into_iter().chain(rest).collect();
            }
            out.push('{');
            for (k, (_, i)) in ordered.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                if let Some((key, value)) = keys.get(*i) {
                    string(out, key);
                    out.push(':');
                    write(out, value);
                }
            }
            out.push('}');
        }
    }
}

/// A string as `JSON.stringify` writes it.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let n = u32::from(c);
                let hex = |d: u32| char::from_digit(d, 16).unwrap_or('0');
                out.push_str("\\u00");
                out.push(hex(n >> 4));
                out.push(hex(n & 0xf));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as JavaScript prints it (`Number.prototype.toString`, ECMA-262 §6.1.6.1.20),
/// from the shortest digits that read back as `v` (Rust's `{:e}` gives those).
pub fn js_number(v: f64) -> String {
    if !v.is_finite() {
        // JSON.stringify writes what JSON cannot hold as null.
        return "null".to_owned();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    let e = format!("{:e}", v.abs());
    let (mantissa, exponent) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    // v = 0.digits × 10^n
    let n = exponent.parse::<i64>().unwrap_or(0) + 1;
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        out.push_str(&(n - 1).abs().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{canonical, js_number};

    #[test]
    fn numbers_as_javascript_prints_them() {
        // Each pair: the value, and String(value) in JavaScript (Node 20).
        for (v, js) in [
            (1.5, "1.5"),
            (1.50, "1.5"),
            (100.0, "100"),
            (0.1, "0.1"),
            (0.000001, "0.000001"),
            (0.0000001, "1e-7"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (-0.0, "0"),
            (-2.5e-10, "-2.5e-10"),
            (0.8125, "0.8125"),
            (16_400_000.0, "16400000"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::INFINITY, "null"),
        ] {
            assert_eq!(js_number(v), js, "{v:e}");
        }
    }

    #[test]
    fn the_text_of_json_parse_then_stringify() {
        let text = "{\n  \"b\": 1.50, \"a\": [true, null, \"x\\u00e9\\n\\u0001\"],\n  \"2\": 0, \"1\": {}, \"b\": 2e3\n}";
        assert_eq!(
            canonical(text).as_deref(),
            Some(r#"{"1":{},"2":0,"b":2000,"a":[true,null,"xé\n\u0001"]}"#)
        );
        // Formatting does not change the meaning.
        assert_eq!(canonical("[1 , 2]"), canonical("[1,2]"));
        assert_eq!(canonical("{"), None);
    }
}
