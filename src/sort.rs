//! The crate's one sort: stable, by a number, in O(n log n); and duplicates found with it.
//!
//! The standard library's `sort_by` is excellent and large: each use with a new element
//! type or comparator compiles its own copy of driftsort, about 6 KB of wasm each, which
//! every reader downloads. The sorts here order at most a few thousand validated items,
//! so one small merge sort over indices, shared by every use, does the same job.

use std::cmp::Ordering;

/// The indices of `keys` in ascending order (by `f64::total_cmp`), equal keys keeping
/// their original order: a bottom-up merge sort.
pub fn order(keys: &[f64]) -> Vec<usize> {
    // Keys in order already (a table's ranks, the column it is sorted by): nothing moves.
    if keys.windows(2).all(|w| match w {
        [a, b] => a.total_cmp(b) != Ordering::Greater,
        _ => true,
    }) {
        return (0..keys.len()).collect();
    }
    let key = |i: usize| keys.get(i).copied().unwrap_or(0.0);
    order_by(keys.len(), &|a, b| key(a).total_cmp(&key(b)))
}

/// The indices `0..n` in the order `cmp` gives, equal items keeping their original order:
/// a bottom-up merge sort, one copy for every comparison (a table's text columns compare
/// collation keys, not numbers).
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in to.iter_mut().take(end).skip(start) {
                let left = from.get(i).copied().filter(|_| i < mid);
                let right = from.get(j).copied().filter(|_| j < end);
                *slot = match (left, right) {
                    (Some(l), Some(r)) if cmp(l, r) != Ordering::Greater => {
                        i += 1;
                        l
                    }
                    (_, Some(r)) => {
                        j += 1;
                        r
                    }
                    (Some(l), None) => {
                        i += 1;
                        l
                    }
                    (None, None) => 0,
                };
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `items` by `key`, ascending and stable.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let keys: Vec<f64> = items.iter().map(key).collect();
    // Data is most often written in order already (a line's dates): then nothing moves.
    if keys.windows(2).all(|w| match w {
        [a, b] => a.total_cmp(b) != Ordering::Greater,
        _ => true,
    }) {
        return;
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order(&keys)
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The indices of the texts equal to an earlier one, ascending: in O(n log n), where
/// comparing each text with every earlier one took O(n²) (20,000 parts: seconds). The
/// texts are ordered by a 53-bit FNV-1a hash (exact as an `f64` key), and only texts of
/// one hash are compared, so a collision costs a comparison, never a false duplicate.
pub fn duplicates(texts: &[&str]) -> Vec<usize> {
    let hash = |t: &str| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in t.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // The top 53 bits: every such integer is an exact f64.
        (h >> 11) as f64
    };
    let keys: Vec<f64> = texts.iter().map(|t| hash(t)).collect();
    let sorted = order(&keys);
    let mut out = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let key_at = |k: usize| sorted.get(k).and_then(|&i| keys.get(i)).copied();
        let mut end = start + 1;
        while end < sorted.len() && key_at(end) == key_at(start) {
            end += 1;
        }
        // One hash: the run is in original order (the sort is stable); an item is a
        // duplicate if an earlier item of the run has the same text.
        let run = sorted.get(start..end).unwrap_or_default();
        for (k, &i) in run.iter().enumerate() {
            let text = texts.get(i);
            if run.iter().take(k).any(|&j| texts.get(j) == text) {
                out.push(i);
            }
        }
        start = end;
    }
    let keys: Vec<f64> = out.iter().map(|&i| i as f64).collect();
    order(&keys)
        .into_iter()
        .filter_map(|k| out.get(k).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_the_later_copies() {
        assert_eq!(duplicates(&["a", "b", "a", "c", "b", "a"]), [2, 4, 5]);
        assert_eq!(duplicates(&[]), Vec::<usize>::new());
        assert_eq!(duplicates(&["Việt Nam", "Viet Nam", "Việt Nam"]), [2]);
        // The same answer as comparing each with every earlier one, on many texts.
        let texts: Vec<String> = (0..3000)
            .map(|i| format!("{}", (i * 7919) % 1000))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let slow: Vec<usize> = (0..refs.len())
            .filter(|&i| refs.iter().take(i).any(|t| *t == refs[i]))
            .collect();
        assert_eq!(duplicates(&refs), slow);
    }

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 5, 8, 13, 100, 1000] {
            let items: Vec<(f64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (((seed >> 33) % 17) as f64 - 8.0, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = items;
            std.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert_eq!(ours, std, "{n} items");
        }
    }
}
