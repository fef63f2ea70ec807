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

#[cfg(test)]
mod tests {
    use super::{sort_by, sort_f64};

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
