//! "Did you mean …?": the nearest valid name to a misspelt one.

/// The edit distance between two strings (insertions, deletions, substitutions and swaps
/// of neighbours), by characters, not bytes, with ASCII letters compared without case.
///
/// Only ASCII case is folded: full Unicode lower-casing would add an 11 KB table to the
/// wasm every reader downloads, for names (fields, kinds, ids) that are ASCII anyway.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Three rows of the classic table are enough for the swap rule. Reads past a row's
    // end cannot happen (every index is within 0..=len); `get` keeps that a proof in the
    // code rather than a panic in the wasm.
    let cell = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX / 2);
    let ch = |s: &[char], k: usize| s.get(k).copied();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        if let Some(first) = current.first_mut() {
            *first = i;
        }
        for j in 1..=b.len() {
            let cost = usize::from(ch(&a, i - 1) != ch(&b, j - 1));
            let mut best = (cell(&previous, j) + 1)
                .min(cell(&current, j - 1) + 1)
                .min(cell(&previous, j - 1) + cost);
            let swapped =
                i > 1 && j > 1 && ch(&a, i - 1) == ch(&b, j - 2) && ch(&a, i - 2) == ch(&b, j - 1);
            if swapped {
                best = best.min(cell(&before, j - 2) + 1);
            }
            if let Some(slot) = current.get_mut(j) {
                *slot = best;
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    cell(&previous, b.len())
}

/// The candidate nearest to `wrong`, if it is near enough to be a likely typo: at most one
/// edit for short names, and at most a third of the name's length for longer ones; failing
/// that, a candidate that `wrong` shortens or extends (`box` for `boxes`, `descend` for
/// `descending`), if its first three letters or more match.
pub fn nearest<'a, I>(wrong: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // A suggestion is only ever words in a message: the readers' wasm, which writes none
    // (a failed box is shown again by the editors' engine), looks for none.
    if !cfg!(feature = "editor") {
        return None;
    }
    // Collected here, the search below is one function for every kind of list (four
    // copies of it were 1.4 KB of the wasm).
    nearest_in(wrong, candidates.into_iter().collect())
}

#[inline(never)]
fn nearest_in<'a>(wrong: &str, candidates: Vec<&'a str>) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    let close = candidates
        .iter()
        .map(|&c| (distance(wrong, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c);
    close.or_else(|| {
        let w = wrong.to_ascii_lowercase();
        candidates
            .iter()
            .filter(|c| {
                let c = c.to_ascii_lowercase();
                let (short, long) = if c.len() < w.len() {
                    (&c, &w)
                } else {
                    (&w, &c)
                };
                short.chars().count() >= 3 && long.starts_with(short.as_str())
            })
            .min_by_key(|c| c.len().abs_diff(w.len()))
            .copied()
    })
}

/// The Vietnamese letters with diacritics, each group followed by the ASCII letter it
/// stands for once its marks are taken off (upper case first, then lower case).
const FOLDS: &[(&str, char)] = &[
    ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬàáảãạăằắẳẵặâầấẩẫậ", 'a'),
    ("ÈÉẺẼẸÊỀẾỂỄỆèéẻẽẹêềếểễệ", 'e'),
    ("ÌÍỈĨỊìíỉĩị", 'i'),
    ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢòóỏõọôồốổỗộơờớởỡợ", 'o'),
    ("ÙÚỦŨỤƯỪỨỬỮỰùúủũụưừứửữự", 'u'),
    ("ỲÝỶỸỴỳýỷỹỵ", 'y'),
    ("Đđ", 'd'),
];

/// Whether `id` is a valid box id: 1 to 64 ASCII letters, digits, `-` and `_`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= crate::model::limits::ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The id a journalist most likely meant by an invalid one: Vietnamese letters without
/// their marks, lower case, words joined by `-` (`Xếp hạng 2020` → `xep-hang-2020`).
/// `None` when nothing valid is left.
pub fn slug(id: &str) -> Option<String> {
    let mut out = String::new();
    let mut gap = false;
    for c in id.chars() {
        let folded = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_lowercase())
        } else if c == '_' {
            Some('_')
        } else {
            FOLDS
                .iter()
                .find(|(letters, _)| letters.contains(c))
                .map(|&(_, a)| a)
        };
        match folded {
            Some(a) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(a);
            }
            None => gap = true,
        }
    }
    let slug: String = out.chars().take(crate::model::limits::ID).collect();
    let slug = slug.trim_end_matches('-').to_owned();
    valid_id(&slug).then_some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("title", "title"), 0);
        assert_eq!(distance("titel", "title"), 1);
        assert_eq!(distance("tilte", "title"), 1);
        assert_eq!(distance("Title", "title"), 0);
        assert_eq!(distance("subtitel", "subtitle"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("việt nam", "Việt Nam"), 0);
        assert_eq!(distance("việt nam", "VIỆT NAM"), 1);
        assert_eq!(distance("viet nam", "Việt Nam"), 1);
    }

    #[test]
    fn nearest_only_when_close() {
        let fields = ["id", "kind", "title", "subtitle", "note", "source"];
        assert_eq!(nearest("titel", fields), Some("title"));
        assert_eq!(nearest("sourse", fields), Some("source"));
        assert_eq!(nearest("colour", fields), None);
        assert_eq!(nearest("kid", fields), Some("id"));
        assert_eq!(nearest("sub", fields), Some("subtitle"));
        assert_eq!(nearest("titles", fields), Some("title"));
        assert_eq!(nearest("no", fields), None);
    }

    #[test]
    fn slugs_drop_vietnamese_marks() {
        assert_eq!(slug("xếp hạng 2020").as_deref(), Some("xep-hang-2020"));
        assert_eq!(slug("Đề án 06").as_deref(), Some("de-an-06"));
        assert_eq!(slug("  Tiết kiệm!  ").as_deref(), Some("tiet-kiem"));
        assert_eq!(slug("cơ_sở dữ liệu").as_deref(), Some("co_so-du-lieu"));
        assert_eq!(slug("“”"), None);
        assert!(valid_id("xep-hang-2020"));
        assert!(!valid_id("xếp hạng"));
    }
}
