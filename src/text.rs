//! Measuring, wrapping and shortening text for canvas charts.
//!
//! Layout needs text widths to place labels without overlaps. In the browser they come
//! from the canvas itself (`measureText`); natively, from [`Estimate`], fixed widths close
//! to Arial/Liberation Sans, so layouts and golden files are the same on every machine.

/// The font of a piece of chart text. The family is the theme's; layout only picks size
/// and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in CSS pixels.
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
    /// The height of one line of this font, in CSS pixels.
    pub fn line_height(self) -> f64 {
        (self.size * 1.25).ceil()
    }
}

/// Something that knows how wide a text is.
pub trait Measure {
    /// The advance width of `text` in `font`, in CSS pixels.
    fn width(&self, text: &str, font: Font) -> f64;
}

/// Widths from a table of Arial's advance widths (in thousandths of an em), so that native
/// layout is deterministic and close to what browsers draw with common sans-serif fonts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimate;

const ASCII_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // '0'..'9'
    278, 278, 584, 584, 584, 556, 1015, // ':'..'@'
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // 'A'..'M'
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // 'N'..'Z'
    278, 278, 278, 469, 556, 333, // '['..'`'
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // 'a'..'m'
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // 'n'..'z'
    334, 260, 334, 584, // '{'..'~'
];

/// A character's advance width in thousandths of an em: Arial's, or a guess for one the
/// table does not know (a symbol Arial lacks is drawn by some other font, at a width the
/// layout cannot know: the drawings write none, see the test below).
fn char_width(c: char) -> u16 {
    arial_width(c).unwrap_or(600)
}

/// Arial's advance width of `c`, where the table knows it.
fn arial_width(c: char) -> Option<u16> {
    let code = c as u32;
    if (32..127).contains(&code) {
        return ASCII_WIDTHS.get((code - 32) as usize).copied();
    }
    let width = match c {
        '\u{a0}' => 278,
        '\u{2212}' | '×' => 584,
        '–' => 556,
        '—' => 1000,
        '…' => 1000,
        '“' | '”' => 333,
        // Symbols the drawings write, at Arial's widths (Liberation Sans 2, the same).
        '▲' | '▼' | '►' => 990,
        '■' | '●' | '◐' => 604,
        '→' => 1000,
        '·' => 333,
        // The variation selector that asks for a symbol's text form (⚠︎): no width.
        '\u{fe0e}' => 0,
        // Vietnamese letters keep their base letter's width; marks sit above or below.
        'đ' => 556,
        'Đ' => 722,
        'ơ' | 'ư' => 600,
        'Ơ' | 'Ư' => 800,
        // Latin letters with marks (Latin-1, Extended-A/B and Extended Additional, where
        // Vietnamese lives); in Extended Additional even code points are capitals. Ranges,
        // not `char::is_uppercase`, keep Unicode tables out of the wasm.
        '\u{c0}'..='\u{de}' => 722,
        '\u{df}'..='\u{24f}' => 556,
        '\u{1e00}'..='\u{1eff}' if code % 2 == 0 => 722,
        '\u{1e00}'..='\u{1eff}' => 556,
        _ => return None,
    };
    Some(width)
}

impl Measure for Estimate {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em: u32 = text.chars().map(|c| u32::from(char_width(c))).sum();
        let bold = if font.bold { 1.06 } else { 1.0 };
        f64::from(em) / 1000.0 * font.size * bold
    }
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`, at spaces when it
/// can and inside a word when one word is too wide; an ellipsis marks text that did not fit.
/// No-break spaces bind what they join ("tăng 16 bậc", "hơn 9.300"), as in HTML: a line
/// breaks only at a breaking space.
pub fn wrap(
    measure: &dyn Measure,
    text: &str,
    font: Font,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    let breaking = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
    'words: for word in text.split(breaking).filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure.width(&candidate, font) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                truncated = true;
                break 'words;
            }
        }
        // The word alone: split it by characters if it is still too wide.
        for ch in word.chars() {
            let mut next = current.clone();
            next.push(ch);
            if measure.width(&next, font) > max_width && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                if lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
                current.push(ch);
            } else {
                current = next;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(measure, last, font, max_width);
        }
    }
    lines
}

/// Shortens `text` with a trailing ellipsis until it fits `max_width` (always ending in
/// `…`, since the caller knows text was cut), or returns nothing if not even `…` fits.
pub fn ellipsize(measure: &dyn Measure, text: &str, font: Font, max_width: f64) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if measure.width(&candidate, font) <= max_width {
            return candidate;
        }
        if chars.is_empty() {
            return String::new();
        }
        chars.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the drawings write (every chart of the demo documents and the test
    /// charts, at every width, in both languages) is one whose width the layout knows:
    /// Arial's. A symbol Arial lacks (▶, ✓) would be drawn by a fallback font at another
    /// width, and by some systems as an emoji.
    #[test]
    fn the_drawings_write_only_characters_of_known_width() {
        let mut unknown = std::collections::BTreeSet::new();
        for file in [
            "www/data/egov-vn.json",
            "www/data/egov-en.json",
            "www/data/kinh-te-so.json",
            "tests/fixtures/charts.json",
            "tests/fixtures/bar-edge-cases.json",
        ] {
            let text = std::fs::read_to_string(file).expect("a test document");
            let Ok(boxes) = crate::validate::load(&text, None, crate::format::Lang::Vi) else {
                panic!("{file} does not load");
            };
            for b in boxes.into_iter().flatten() {
                let svg = crate::prerender::drawings(&b, &b.title, &[]);
                // The text of the drawings: what stands between tags.
                for chunk in svg.split('>').filter_map(|s| s.split('<').next()) {
                    for c in chunk.chars().filter(|c| !c.is_control()) {
                        if arial_width(c).is_none() {
                            unknown.insert(format!("{c} U+{:04X} ({file}, {})", c as u32, b.id));
                        }
                    }
                }
            }
        }
        assert!(unknown.is_empty(), "not measured as drawn: {unknown:?}");
    }

    #[test]
    fn estimate_is_proportional() {
        let m = Estimate;
        let w = m.width("Việt Nam", Font::regular(10.0));
        assert!((w - m.width("Viet Nam", Font::regular(10.0))).abs() < 0.01);
        assert!((m.width("Việt Nam", Font::regular(20.0)) - 2.0 * w).abs() < 1e-9);
        assert!(m.width("W", Font::regular(10.0)) > m.width("i", Font::regular(10.0)));
    }

    #[test]
    fn wraps_at_spaces_and_ellipsizes() {
        let m = Estimate;
        let f = Font::regular(10.0);
        let lines = wrap(&m, "Cổng Dịch vụ công quốc gia", f, 70.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        for line in &lines {
            assert!(m.width(line, f) <= 70.0, "{line}");
        }
        assert_eq!(lines.join(" "), "Cổng Dịch vụ công quốc gia");
        let cut = wrap(&m, "Cổng Dịch vụ công quốc gia", f, 70.0, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'), "{cut:?}");
        assert!(m.width(&cut[0], f) <= 70.0);
    }

    #[test]
    fn no_break_spaces_bind() {
        let lines = wrap(
            &Estimate,
            "73 → 57, tăng\u{a0}16\u{a0}bậc",
            Font::regular(14.0),
            110.0,
            3,
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some("tăng\u{a0}16\u{a0}bậc"),
            "{lines:?}"
        );
    }

    #[test]
    fn splits_a_word_wider_than_the_line() {
        let m = Estimate;
        let f = Font::regular(10.0);
        let lines = wrap(&m, "Supercalifragilistic", f, 40.0, 10);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Supercalifragilistic");
        for line in &lines {
            assert!(m.width(line, f) <= 40.0, "{line}");
        }
    }
}
