//! Four `f32` lanes, so the relief curve's inner loop handles four people per step: wasm SIMD
//! (`f32x4`) when the crate is compiled with `simd128` (as the release wasm is, see
//! `.cargo/config.toml`), a plain array elsewhere.
//!
//! Every operation is one IEEE operation per lane, so both forms give the same results (a NaN's
//! bits aside, which only ever meet comparisons and conversions here).

use std::ops::{Add, Mul, Sub};

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use core::arch::wasm32::{
    f32x4, f32x4_add, f32x4_extract_lane, f32x4_ge, f32x4_le, f32x4_mul, f32x4_pmin, f32x4_splat,
    f32x4_sub, i32x4_extract_lane, i32x4_max, i32x4_min, i32x4_splat, i32x4_trunc_sat_f32x4, v128,
    v128_and, v128_bitselect,
};

/// Four `f32`s operated on together.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F32x4(Repr);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Repr = v128;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type Repr = [f32; 4];

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl F32x4 {
    /// The lanes `[a, b, c, d]`.
    #[inline(always)]
    pub(crate) fn new([a, b, c, d]: [f32; 4]) -> F32x4 {
        F32x4(f32x4(a, b, c, d))
    }

    /// `x` in every lane.
    #[inline(always)]
    pub(crate) fn splat(x: f32) -> F32x4 {
        F32x4(f32x4_splat(x))
    }

    /// The four lanes.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f32; 4] {
        [
            f32x4_extract_lane::<0>(self.0),
            f32x4_extract_lane::<1>(self.0),
            f32x4_extract_lane::<2>(self.0),
            f32x4_extract_lane::<3>(self.0),
        ]
    }

    /// Per lane, `other` if it is less than `self`, else `self` (`if b < a { b } else { a }`:
    /// NaN in `other` is never taken).
    #[inline(always)]
    pub(crate) fn min(self, other: F32x4) -> F32x4 {
        F32x4(f32x4_pmin(self.0, other.0))
    }

    /// Per lane, `self` where `from <= t <= to`, else `+inf`.
    #[inline(always)]
    pub(crate) fn within(self, t: F32x4, from: F32x4, to: F32x4) -> F32x4 {
        let inside = v128_and(f32x4_ge(t.0, from.0), f32x4_le(t.0, to.0));
        F32x4(v128_bitselect(self.0, f32x4_splat(f32::INFINITY), inside))
    }

    /// Per lane, `self as i32` (saturating, NaN to 0) clamped to `0..=max`.
    #[inline(always)]
    pub(crate) fn to_index(self, max: i32) -> [usize; 4] {
        let v = i32x4_trunc_sat_f32x4(self.0);
        let v = i32x4_min(i32x4_max(v, i32x4_splat(0)), i32x4_splat(max));
        [
            i32x4_extract_lane::<0>(v) as usize,
            i32x4_extract_lane::<1>(v) as usize,
            i32x4_extract_lane::<2>(v) as usize,
            i32x4_extract_lane::<3>(v) as usize,
        ]
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl F32x4 {
    /// The lanes `[a, b, c, d]`.
    #[inline(always)]
    pub(crate) fn new(lanes: [f32; 4]) -> F32x4 {
        F32x4(lanes)
    }

    /// `x` in every lane.
    #[inline(always)]
    pub(crate) fn splat(x: f32) -> F32x4 {
        F32x4([x; 4])
    }

    /// The four lanes.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f32; 4] {
        self.0
    }

    /// `f` of each lane of `self` and `other`. (Written out: `array::map` and `from_fn` stay
    /// calls at opt-level "z".)
    #[inline(always)]
    fn zip(self, other: F32x4, f: impl Fn(f32, f32) -> f32) -> F32x4 {
        let (a, b) = (self.0, other.0);
        F32x4([f(a[0], b[0]), f(a[1], b[1]), f(a[2], b[2]), f(a[3], b[3])])
    }

    /// Per lane, `other` if it is less than `self`, else `self` (`if b < a { b } else { a }`:
    /// NaN in `other` is never taken).
    #[inline(always)]
    pub(crate) fn min(self, other: F32x4) -> F32x4 {
        self.zip(other, |a, b| if b < a { b } else { a })
    }

    /// Per lane, `self` where `from <= t <= to`, else `+inf`.
    #[inline(always)]
    pub(crate) fn within(self, t: F32x4, from: F32x4, to: F32x4) -> F32x4 {
        let lane = |i: usize| {
            if t.0[i] >= from.0[i] && t.0[i] <= to.0[i] {
                self.0[i]
            } else {
                f32::INFINITY
            }
        };
        F32x4([lane(0), lane(1), lane(2), lane(3)])
    }

    /// Per lane, `self as i32` (saturating, NaN to 0) clamped to `0..=max`.
    #[inline(always)]
    pub(crate) fn to_index(self, max: i32) -> [usize; 4] {
        let index = |x: f32| (x as i32).clamp(0, max) as usize;
        let v = self.0;
        [index(v[0]), index(v[1]), index(v[2]), index(v[3])]
    }
}

/// `impl $trait for F32x4`: the SIMD instruction `$simd`, or `$method` lane by lane.
macro_rules! lanewise {
    ($trait:ident, $method:ident, $simd:ident) => {
        impl $trait for F32x4 {
            type Output = F32x4;
            #[inline(always)]
            fn $method(self, other: F32x4) -> F32x4 {
                #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
                return F32x4($simd(self.0, other.0));
                #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
                return self.zip(other, |a, b| a.$method(b));
            }
        }
    };
}

lanewise!(Add, add, f32x4_add);
lanewise!(Sub, sub, f32x4_sub);
lanewise!(Mul, mul, f32x4_mul);

#[cfg(test)]
mod tests {
    use super::F32x4;
    // In wasm (`./x test` runs these in Node too): the SIMD form.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn lanes_are_independent() {
        let a = F32x4::new([1.0, 20.0, -3.0, 0.5]);
        let b = F32x4::new([3.0, 4.0, 5.0, 0.25]);
        assert_eq!((a + b).lanes(), [4.0, 24.0, 2.0, 0.75]);
        assert_eq!((b - a).lanes(), [2.0, -16.0, 8.0, -0.25]);
        assert_eq!((a * b).lanes(), [3.0, 80.0, -15.0, 0.125]);
        assert_eq!(a.min(b).lanes(), [1.0, 4.0, -3.0, 0.25]);
        assert_eq!(F32x4::splat(7.5).lanes(), [7.5; 4]);
    }

    #[test]
    fn within_keeps_only_lanes_inside_the_window() {
        let v = F32x4::new([5.0, 6.0, 7.0, 8.0]);
        let t = F32x4::splat(2.0);
        let from = F32x4::new([2.0, 2.5, 0.0, f32::NEG_INFINITY]);
        let to = F32x4::new([2.0, 9.0, 1.0, f32::INFINITY]);
        let inf = f32::INFINITY;
        assert_eq!(v.within(t, from, to).lanes(), [5.0, inf, inf, 8.0]);
    }

    #[test]
    fn indices_saturate_and_clamp() {
        let v = F32x4::new([f32::NAN, -1e30, 2.7, 1e30]);
        assert_eq!(v.to_index(100), [0, 0, 2, 100]);
        assert_eq!(
            F32x4::new([f32::INFINITY, 99.9, 100.0, 0.5]).to_index(99),
            [99, 99, 99, 0]
        );
    }

    #[test]
    fn min_takes_the_other_lane_only_when_less() {
        let v = F32x4::new([3.0, f32::NAN, 1.0, 2.0]).min(F32x4::new([f32::NAN, 1.0, 1.0, -2.0]));
        let [a, b, c, d] = v.lanes();
        assert!(a == 3.0 && b.is_nan() && c == 1.0 && d == -2.0);
    }
}
