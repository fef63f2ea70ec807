//! A small stable sort for the short lists the crate orders (a few hundred items at most).
//!
//! The standard library's sorts are fast on large inputs but add several kilobytes of code per
//! element type to the wasm; an insertion sort is a few dozen bytes, stable, and quick on these
//! lists, which are short and mostly in order already.

/// Sorts `v` in place, stably, so that `less(a, b)` never holds for an `a` after a `b`.
/// Quadratic in the worst case: for short slices only.
pub(crate) fn sort_by<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let item = v[i];
        let mut j = i;
        while j > 0 && less(&item, &v[j - 1]) {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = item;
    }
}

/// Sorts numbers in ascending [`f64::total_cmp`] order (NaN last).
pub(crate) fn sort_f64(v: &mut [f64]) {
    sort_by(v, |a, b| a.total_cmp(b).is_lt());
}

/// `sorted` (ascending, without NaN) and `extra` (in any order) in one ascending list, ties in
/// `sorted` first: as [`sort_f64`] of the two, but only `extra` is sorted.
pub(crate) fn merge_f64(sorted: &[f64], mut extra: Vec<f64>) -> Vec<f64> {
    sort_f64(&mut extra);
    let mut out = Vec::with_capacity(sorted.len() + extra.len());
    let mut next = 0;
    for &x in sorted {
        while next < extra.len() && extra[next] < x {
            out.push(extra[next]);
            next += 1;
        }
        out.push(x);
    }
    out.extend_from_slice(&extra[next..]);
    out
}

#[cfg(test)]
mod tests {
    use super::{merge_f64, sort_by, sort_f64};

    #[test]
    fn merging_agrees_with_sorting() {
        let sorted = [0.5, 1.0, 1.0, 2.5, 7.0];
        let extra = vec![8.0, 1.0, 0.0, 2.5, 3.0, 0.25];
        let mut all = [&sorted[..], &extra].concat();
        sort_f64(&mut all);
        assert_eq!(merge_f64(&sorted, extra), all);
        assert_eq!(merge_f64(&[], vec![2.0, 1.0]), [1.0, 2.0]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // Deterministic pseudo-random keys with many ties, paired with their index.
        let mut x = 12345u32;
        for n in [0, 1, 2, 3, 10, 97, 300] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    (x >> 28, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = items;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n={n}");
        }
    }

    #[test]
    fn sorts_numbers_like_total_cmp() {
        let input = [3.0, -0.0, f64::NAN, 0.0, -1.5, f64::INFINITY, 2.0];
        let mut v = input;
        sort_f64(&mut v);
        let mut expected = input;
        expected.sort_by(f64::total_cmp);
        assert_eq!(v.map(f64::to_bits), expected.map(f64::to_bits));
        assert_eq!(v[0], -1.5);
        assert!(v[1].is_sign_negative() && v[2].is_sign_positive() && v[6].is_nan());
    }
}
