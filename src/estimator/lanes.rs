//! Two `f64` lanes, so the relief curve's inner loop handles two people per step: wasm SIMD
//! (`f64x2`) when the crate is compiled with `simd128` (as the release wasm is, see
//! `.cargo/config.toml`), a plain pair elsewhere.
//!
//! Every operation is one IEEE operation per lane, the same as the scalar code it replaces, so
//! both forms give bit-identical results.

use std::ops::{Add, Mul, Sub};

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use core::arch::wasm32::{
    f64x2, f64x2_add, f64x2_extract_lane, f64x2_ge, f64x2_le, f64x2_mul, f64x2_pmin, f64x2_splat,
    f64x2_sub, i32x4_extract_lane, i32x4_trunc_sat_f64x2_zero, v128, v128_and, v128_bitselect,
};

/// Two `f64`s operated on together.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F64x2(Repr);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Repr = v128;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type Repr = [f64; 2];

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl F64x2 {
    /// The lanes `[a, b]`.
    #[inline(always)]
    pub(crate) fn new([a, b]: [f64; 2]) -> F64x2 {
        F64x2(f64x2(a, b))
    }

    /// `x` in both lanes.
    #[inline(always)]
    pub(crate) fn splat(x: f64) -> F64x2 {
        F64x2(f64x2_splat(x))
    }

    /// Per lane, `other` if it is less than `self`, else `self` (as `if b < a { b } else { a }`;
    /// NaN in `other` is never taken).
    #[inline(always)]
    pub(crate) fn min(self, other: F64x2) -> F64x2 {
        F64x2(f64x2_pmin(self.0, other.0))
    }

    /// Per lane, `self` where `from <= t <= to`, else `+inf`.
    #[inline(always)]
    pub(crate) fn within(self, t: F64x2, from: F64x2, to: F64x2) -> F64x2 {
        let inside = v128_and(f64x2_ge(t.0, from.0), f64x2_le(t.0, to.0));
        F64x2(v128_bitselect(self.0, f64x2_splat(f64::INFINITY), inside))
    }

    /// The two lanes.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f64; 2] {
        [
            f64x2_extract_lane::<0>(self.0),
            f64x2_extract_lane::<1>(self.0),
        ]
    }

    /// Per lane, `self as i32` (saturating, NaN to 0).
    #[inline(always)]
    pub(crate) fn to_i32(self) -> [i32; 2] {
        let v = i32x4_trunc_sat_f64x2_zero(self.0);
        [i32x4_extract_lane::<0>(v), i32x4_extract_lane::<1>(v)]
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
macro_rules! lanewise {
    ($trait:ident, $method:ident, $simd:ident) => {
        impl $trait for F64x2 {
            type Output = F64x2;
            #[inline(always)]
            fn $method(self, other: F64x2) -> F64x2 {
                F64x2($simd(self.0, other.0))
            }
        }
    };
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl F64x2 {
    /// The lanes `[a, b]`.
    #[inline(always)]
    pub(crate) fn new(lanes: [f64; 2]) -> F64x2 {
        F64x2(lanes)
    }

    /// `x` in both lanes.
    #[inline(always)]
    pub(crate) fn splat(x: f64) -> F64x2 {
        F64x2([x; 2])
    }

    /// Per lane, `other` if it is less than `self`, else `self` (as `if b < a { b } else { a }`;
    /// NaN in `other` is never taken).
    #[inline(always)]
    pub(crate) fn min(self, other: F64x2) -> F64x2 {
        let [a, b] = self.0;
        let [c, d] = other.0;
        F64x2([if c < a { c } else { a }, if d < b { d } else { b }])
    }

    /// Per lane, `self` where `from <= t <= to`, else `+inf`.
    #[inline(always)]
    pub(crate) fn within(self, t: F64x2, from: F64x2, to: F64x2) -> F64x2 {
        let lane = |x: f64, t: f64, from: f64, to: f64| {
            if t >= from && t <= to {
                x
            } else {
                f64::INFINITY
            }
        };
        F64x2([
            lane(self.0[0], t.0[0], from.0[0], to.0[0]),
            lane(self.0[1], t.0[1], from.0[1], to.0[1]),
        ])
    }

    /// The two lanes.
    #[inline(always)]
    pub(crate) fn lanes(self) -> [f64; 2] {
        self.0
    }

    /// Per lane, `self as i32` (saturating, NaN to 0).
    #[inline(always)]
    pub(crate) fn to_i32(self) -> [i32; 2] {
        [self.0[0] as i32, self.0[1] as i32]
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
macro_rules! lanewise {
    ($trait:ident, $method:ident, $simd:ident) => {
        impl $trait for F64x2 {
            type Output = F64x2;
            #[inline(always)]
            fn $method(self, other: F64x2) -> F64x2 {
                let ([a, b], [c, d]) = (self.0, other.0);
                F64x2([a.$method(c), b.$method(d)])
            }
        }
    };
}

lanewise!(Add, add, f64x2_add);
lanewise!(Sub, sub, f64x2_sub);
lanewise!(Mul, mul, f64x2_mul);

#[cfg(test)]
mod tests {
    use super::F64x2;

    #[test]
    fn lanes_are_independent() {
        let a = F64x2::new([1.0, 20.0]);
        let b = F64x2::new([3.0, 4.0]);
        assert_eq!((a + b).lanes(), [4.0, 24.0]);
        assert_eq!((b - a).lanes(), [2.0, -16.0]);
        assert_eq!((a * b).lanes(), [3.0, 80.0]);
        assert_eq!(a.min(b).lanes(), [1.0, 4.0]);
        assert_eq!(F64x2::splat(7.5).lanes(), [7.5, 7.5]);
    }

    #[test]
    fn within_keeps_only_lanes_inside_the_window() {
        let v = F64x2::new([5.0, 6.0]);
        let t = F64x2::splat(2.0);
        let inside = v.within(t, F64x2::new([2.0, 2.5]), F64x2::new([2.0, 9.0]));
        assert_eq!(inside.lanes(), [5.0, f64::INFINITY]);
    }

    #[test]
    fn conversion_saturates_like_as() {
        assert_eq!(F64x2::new([f64::NAN, -1e300]).to_i32(), [0, i32::MIN]);
        assert_eq!(F64x2::new([f64::INFINITY, -2.7]).to_i32(), [i32::MAX, -2]);
    }

    #[test]
    fn min_takes_the_other_lane_only_when_less() {
        let v = F64x2::new([3.0, f64::NAN]).min(F64x2::new([f64::NAN, 1.0]));
        assert_eq!(v.lanes()[0], 3.0);
        assert!(v.lanes()[1].is_nan());
    }
}
