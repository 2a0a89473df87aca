//! The crate's one sort: stable, by a number, in O(n log n).
//!
//! The standard library's `sort_by` is excellent and large: each use with a new element
//! type or comparator compiles its own copy of driftsort, about 6 KB of wasm each, which
//! every reader downloads. The sorts here order at most a few thousand validated items,
//! so one small merge sort over indices, shared by every use, does the same job.

use std::cmp::Ordering;

/// The indices of `keys` in ascending order (by `f64::total_cmp`), equal keys keeping
/// their original order: a bottom-up merge sort.
pub fn order(keys: &[f64]) -> Vec<usize> {
    let n = keys.len();
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let key = |i: usize| keys.get(i).copied().unwrap_or(0.0);
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
                    (Some(l), Some(r)) if key(l).total_cmp(&key(r)) != Ordering::Greater => {
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
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order(&keys)
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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
