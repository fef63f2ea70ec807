//! Percentiles across the simulated population.

use super::timeline::Percentiles;

/// 10th, 50th and 90th percentiles (linear interpolation between order statistics), by
/// selection; reorders `v`. Empty input gives zeros. Values must not be NaN.
pub(crate) fn percentiles(v: &mut [f64]) -> Percentiles {
    let mut out = [0.0; 3];
    if v.is_empty() {
        return Percentiles {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        };
    }
    let last = (v.len() - 1) as f64;
    // Ranks ascend, so each selection only searches above the previous one.
    let mut from = 0;
    for (o, q) in out.iter_mut().zip([0.1, 0.5, 0.9]) {
        let h = q * last;
        let lo = h as usize;
        // Equal ranks (tiny inputs) reuse the previous selection.
        if lo >= from {
            select(&mut v[from..], lo - from);
        }
        let x = v[lo];
        let next = v[lo + 1..]
            .iter()
            .copied()
            .reduce(|m, y| if y < m { y } else { m });
        *o = x + (h - lo as f64) * (next.unwrap_or(x) - x);
        from = lo + 1;
    }
    Percentiles {
        p10: out[0],
        p50: out[1],
        p90: out[2],
    }
}

/// Moves the `k`-th smallest element of `v` to index `k`, smaller ones before it and larger ones
/// after: quickselect with a median-of-three pivot and branch-free partitions. The population's
/// values come in no particular order, so a branching partition would mispredict about half its
/// comparisons; a second pass gathers the pivot's equals, so ties (common: many people end at the
/// horizon) cannot make it quadratic.
fn select(v: &mut [f64], k: usize) {
    let (mut lo, mut hi) = (0, v.len());
    while hi - lo > 1 {
        let (mid, last) = (lo + (hi - lo) / 2, hi - 1);
        if v[mid] < v[lo] {
            v.swap(mid, lo);
        }
        if v[last] < v[lo] {
            v.swap(last, lo);
        }
        if v[last] < v[mid] {
            v.swap(last, mid);
        }
        // The median of the three is the pivot, parked at the end.
        v.swap(mid, last);
        let pivot = v[last];
        let below = partition(&mut v[lo..last], |x| x < pivot) + lo;
        v.swap(below, last);
        if k < below {
            hi = below;
            continue;
        }
        // `v[below]` is the pivot; its equals follow it.
        let equal = partition(&mut v[below + 1..hi], |x| x <= pivot) + below + 1;
        if k < equal {
            return;
        }
        lo = equal;
    }
}

/// Moves the values for which `first` holds to the front, without branching on it; returns how
/// many there are.
#[inline(always)]
fn partition(v: &mut [f64], first: impl Fn(f64) -> bool) -> usize {
    let mut n = 0;
    for i in 0..v.len() {
        let x = v[i];
        // Written out: `slice::swap` stays a call at opt-level "z" (measured: ~5% slower estimate).
        #[allow(clippy::manual_swap)]
        {
            v[i] = v[n];
            v[n] = x;
        }
        n += usize::from(first(x));
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_agrees_with_sorting() {
        let mut seed = 12345_u64;
        for n in 1..60 {
            let values: Vec<f64> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % 17) as f64 // many duplicates
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            for k in 0..n {
                let mut v = values.clone();
                select(&mut v, k);
                assert_eq!(v[k], sorted[k], "n={n} k={k}");
                assert!(v[..k].iter().all(|&x| x <= v[k]) && v[k + 1..].iter().all(|&x| x >= v[k]));
            }
        }
    }

    #[test]
    fn percentiles_interpolate() {
        let mut v: Vec<f64> = (0..=10).rev().map(f64::from).collect();
        let p = percentiles(&mut v);
        assert_eq!((p.p10, p.p50, p.p90), (1.0, 5.0, 9.0));
    }

    #[test]
    fn percentiles_of_tiny_inputs() {
        assert_eq!(
            percentiles(&mut [7.0]),
            Percentiles {
                p10: 7.0,
                p50: 7.0,
                p90: 7.0
            }
        );
        let p = percentiles(&mut [3.0, 1.0]);
        assert!((p.p10 - 1.2).abs() < 1e-12 && p.p50 == 2.0 && (p.p90 - 2.8).abs() < 1e-12);
        assert_eq!(
            percentiles(&mut []),
            Percentiles {
                p10: 0.0,
                p50: 0.0,
                p90: 0.0
            }
        );
    }
}
