//! Alphabetical order as Vietnamese dictionaries have it, for a table's columns of text:
//! `a ă â b c d đ e ê … o ô ơ … u ư …`, letters before their tones (`a à á ả ã ạ`), case
//! last, and runs of digits compared as numbers (`Quận 9` before `Quận 10`). English text
//! is ordered the same way, which for ASCII is the usual A to Z.
//!
//! The order is computed once, by validation and the markup writer, natively and in the
//! wasm alike; the interaction script only reorders rows by the ranks written into the
//! markup, so a sorted table reads the same in every browser.

/// Each vowel with a mark of its own (`ă`, `ơ`) or none, followed by its five toned forms
/// (huyền, sắc, hỏi, ngã, nặng), lower case then upper case.
const VOWELS: &[(char, &str, &str)] = &[
    ('a', "àáảãạ", "ÀÁẢÃẠ"),
    ('ă', "ằắẳẵặ", "ẰẮẲẴẶ"),
    ('â', "ầấẩẫậ", "ẦẤẨẪẬ"),
    ('e', "èéẻẽẹ", "ÈÉẺẼẸ"),
    ('ê', "ềếểễệ", "ỀẾỂỄỆ"),
    ('i', "ìíỉĩị", "ÌÍỈĨỊ"),
    ('o', "òóỏõọ", "ÒÓỎÕỌ"),
    ('ô', "ồốổỗộ", "ỒỐỔỖỘ"),
    ('ơ', "ờớởỡợ", "ỜỚỞỠỢ"),
    ('u', "ùúủũụ", "ÙÚỦŨỤ"),
    ('ư', "ừứửữự", "ỪỨỬỮỰ"),
    ('y', "ỳýỷỹỵ", "ỲÝỶỸỴ"),
];

/// The letters in Vietnamese order, the Latin letters Vietnamese does not use among them.
const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
/// The upper case of the letters of [`ALPHABET`] that are not ASCII.
const UPPER_MARKED: &[(char, char)] = &[('Ă', 'ă'), ('Â', 'â'), ('Đ', 'đ'), ('Ê', 'ê'), ('Ô', 'ô'), ('Ơ', 'ơ'), ('Ư', 'ư')];

/// The places in [`ALPHABET`] of `a` to `z` (a test checks them against it).
const ASCII_PLACES: [u8; 26] = [
    0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31,
    32,
];

/// Weights: separators, then digits, then letters, then every other character.
const SPACE: u32 = 1;
const DIGITS: u32 = 100;
const LETTERS: u32 = 200;
const OTHER: u32 = 1000;

/// Each letter with a mark (`ă`, `ệ`, `Đ`…): its place in [`ALPHABET`], its tone and
/// whether it is upper case, sorted by the letter for a binary search. Built once: a
/// linear search per letter was a tenth of a large table's markup time in the wasm.
fn marked() -> &'static [(char, u32, u32, bool)] {
    static TABLE: std::sync::OnceLock<Vec<(char, u32, u32, bool)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let place = |base: char| {
            ALPHABET
                .chars()
                .position(|a| a == base)
                .map_or(OTHER, |p| LETTERS + p as u32)
        };
        let mut table = Vec::new();
        for c in ALPHABET.chars().filter(|c| !c.is_ascii()) {
            table.push((c, place(c), 0, false));
        }
        for &(upper, lower) in UPPER_MARKED {
            table.push((upper, place(lower), 0, true));
        }
        for &(base, lower, upper) in VOWELS {
            for (set, is_upper) in [(lower, false), (upper, true)] {
                for (tone, c) in set.chars().enumerate() {
                    table.push((c, place(base), tone as u32 + 1, is_upper));
                }
            }
        }
        let keys: Vec<f64> = table.iter().map(|t| f64::from(u32::from(t.0))).collect();
        crate::sort::order(&keys)
            .into_iter()
            .filter_map(|i| table.get(i).copied())
            .collect()
    })
}

/// A letter's place in the alphabet, its tone (0 for none) and whether it is upper case.
fn letter(c: char) -> Option<(u32, u32, bool)> {
    if c.is_ascii_alphabetic() {
        let lower = c.to_ascii_lowercase();
        let place = ASCII_PLACES.get(usize::from(lower as u8 - b'a'))?;
        return Some((LETTERS + u32::from(*place), 0, c.is_ascii_uppercase()));
    }
    if c.is_ascii() {
        return None;
    }
    let table = marked();
    let i = table.binary_search_by_key(&c, |t| t.0).ok()?;
    table.get(i).map(|&(_, place, tone, upper)| (place, tone, upper))
}

/// The key that orders `text`: its letters without tones and case, then (where those are
/// equal) the tones, then the case. Keys compare as slices.
// Never inlined into the loop over a column's cells, so that the browser optimises it once
// it is hot (see `Validator::table_row`).
#[inline(never)]
pub fn key(text: &str) -> Vec<u32> {
    // Sized once: a table of 1,000 rows makes a key per text cell, and growing three
    // vectors a push at a time was half the time of its ranks.
    let mut primary = Vec::with_capacity(3 * text.len() + 2);
    let mut tones = Vec::with_capacity(text.len());
    let mut cases = Vec::with_capacity(text.len());
    let mut digits = Vec::new();
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            // A run of digits as a number: its length (without leading zeros) first.
            digits.clear();
            digits.push(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let start = digits.iter().position(|&d| d != '0').unwrap_or(digits.len() - 1);
            let significant = digits.get(start..).unwrap_or_default();
            primary.push(DIGITS + significant.len() as u32);
            primary.extend(significant.iter().map(|&d| DIGITS + (d as u32 - '0' as u32)));
        } else if let Some((place, tone, upper)) = letter(c) {
            primary.push(place);
            tones.push(tone + 1);
            cases.push(u32::from(upper) + 1);
        } else if c.is_whitespace() || matches!(c, '-' | '–' | ',' | '.' | '\'' | '’') {
            // Runs of spaces and punctuation count once.
            if primary.last() != Some(&SPACE) {
                primary.push(SPACE);
            }
        } else {
            primary.push(OTHER + c as u32);
        }
    }
    primary.push(0);
    primary.extend(tones);
    primary.push(0);
    primary.extend(cases);
    primary
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn compare(a: &str, b: &str) -> Ordering {
        key(a).cmp(&key(b))
    }

    fn sorted(words: &[&str]) -> Vec<String> {
        let keys: Vec<Vec<u32>> = words.iter().map(|w| key(w)).collect();
        crate::sort::order_by(words.len(), &|a, b| keys[a].cmp(&keys[b]))
            .into_iter()
            .map(|i| words[i].to_owned())
            .collect()
    }

    #[test]
    fn ascii_places_are_the_alphabets() {
        for (k, c) in ('a'..='z').enumerate() {
            let place = ALPHABET.chars().position(|a| a == c).unwrap();
            assert_eq!(usize::from(ASCII_PLACES[k]), place, "{c}");
        }
    }

    #[test]
    fn vietnamese_dictionary_order() {
        assert_eq!(
            sorted(&["Đồng Nai", "Điện Biên", "Cà Mau", "Đà Nẵng", "Dương", "An Giang", "Ân", "Ăn"]),
            ["An Giang", "Ăn", "Ân", "Cà Mau", "Dương", "Đà Nẵng", "Điện Biên", "Đồng Nai"]
        );
        assert_eq!(sorted(&["ma", "mạ", "mà", "má", "mả", "mã"]), ["ma", "mà", "má", "mả", "mã", "mạ"]);
        assert_eq!(sorted(&["Quận 10", "Quận 9", "Quận 1"]), ["Quận 1", "Quận 9", "Quận 10"]);
        assert_eq!(sorted(&["b", "B", "a"]), ["a", "b", "B"]);
        assert_eq!(sorted(&["Hà Nội", "Hải Phòng", "Hà Giang"]), ["Hà Giang", "Hà Nội", "Hải Phòng"]);
        assert_eq!(compare("huế", "Huế"), Ordering::Less);
        assert_eq!(compare("TP Hồ Chí Minh", "TP Hồ Chí Minh"), Ordering::Equal);
    }
}
