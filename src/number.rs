//! Numbers as decimal text, without `core`'s float formatting.
//!
//! `format!("{}", x)` on an `f64` pulls Rust's shortest-round-trip float printer (Grisu with a
//! Dragon fallback, about 20 KB of wasm) into the bundle. Messages, the summary and the SVG only
//! ever need a few decimals, so this module prints those with integer arithmetic instead. Nothing
//! in the crate formats an `f64` with `{}`: use [`Num`].

use std::fmt;

/// An `f64` that displays with at most `decimals` digits after the point, trailing zeros dropped
/// (`2.5`, `120`, `-0.05`), as `NaN`, `inf` or `-inf` when not finite, and in exponent form
/// (`1.235e15`, `1e308`) when too large to print digit by digit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    value: f64,
    decimals: u32,
}

impl Num {
    /// `value` with at most `decimals` (0 to 6) digits after the point.
    pub fn new(value: f64, decimals: u32) -> Self {
        Num {
            value,
            decimals: decimals.min(6),
        }
    }

    /// A number as a person typed it, for a message: `decimals` digits at most, and exponent
    /// form when tiny (below 0.001, where few decimals would show `0`) or huge.
    pub fn readable(value: f64, decimals: u32) -> String {
        if value != 0.0 && value.abs() < 1e-3 {
            Exp(value).to_string()
        } else {
            Num::new(value, decimals).to_string()
        }
    }
}

/// Magnitudes below this print digit by digit: the whole part is exact in a `u64`.
const DIGIT_LIMIT: f64 = 1e12;

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        if !v.is_finite() {
            return f.write_str(non_finite(v));
        }
        if v.abs() >= DIGIT_LIMIT {
            return Exp(v).fmt(f);
        }
        // The whole part and the fraction apart: both exact in an f64, so only the fraction's
        // last digit is rounded (14377408806.659187 keeps its digits).
        let whole = v.abs().trunc();
        let scale = 10u64.pow(self.decimals);
        let mut frac = ((v.abs() - whole) * scale as f64).round() as u64;
        let mut whole = whole as u64;
        if frac == scale {
            (whole, frac) = (whole + 1, 0);
        }
        if v < 0.0 && (whole, frac) != (0, 0) {
            f.write_str("-")?;
        }
        write!(f, "{whole}")?;
        if frac == 0 {
            return Ok(());
        }
        let mut width = self.decimals as usize;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        write!(f, ".{frac:0width$}")
    }
}

/// A number in exponent form, its mantissa with at most three decimals: `1.235e15`, `1e-4`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Exp(f64);

impl fmt::Display for Exp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if !v.is_finite() || v == 0.0 {
            return Num::new(v, 0).fmt(f);
        }
        // v / 10^e, in two steps for subnormals (10^-324 is 0 as an f64).
        let scale = |e: i32| {
            if e < -300 {
                v * 1e300 / 10f64.powi(e + 300)
            } else {
                v / 10f64.powi(e)
            }
        };
        let mut exponent = v.abs().log10().floor() as i32;
        let mut mantissa = scale(exponent);
        // log10 can land one low at exact powers of ten, and rounding can reach 10.
        if (mantissa.abs() * 1000.0).round() >= 10_000.0 {
            exponent += 1;
            mantissa = scale(exponent);
        }
        write!(f, "{}e{exponent}", Num::new(mantissa, 3))
    }
}

fn non_finite(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

#[cfg(test)]
mod tests {
    use super::{Exp, Num};

    /// The standard formatter's digits, trailing zeros (and a bare point) dropped, `-0` as `0`.
    fn standard(v: f64, d: usize) -> String {
        let s = format!("{v:.d$}");
        let s = if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.')
        } else {
            &s
        };
        if s == "-0" {
            "0".into()
        } else {
            s.into()
        }
    }

    #[test]
    fn decimals_match_the_standard_formatter() {
        for &(v, d) in &[
            (0.0, 3),
            (-0.0, 3),
            (2.5, 3),
            (120.0, 3),
            (-0.05, 3),
            (0.1 + 0.2, 3),
            (13.7, 0),
            (-0.0004, 3),
            (999_999_999_999.0, 0),
            (1.5, 1),
            (0.123456, 6),
            (2.675, 2),
            (14_377_408_806.659_187, 6),
            (0.999_999_9, 6),
            (-9.999_6, 3),
        ] {
            assert_eq!(Num::new(v, d as u32).to_string(), standard(v, d), "{v}");
        }
        // Pseudo-random values with 0 to 6 decimals, away from halfway cases (where a float's
        // tiny error may tip the last digit either way).
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((x % 13) as i32 - 2);
            let d = (x % 7) as usize;
            let tail = (v * 10f64.powi(d as i32)).fract();
            if (tail - 0.5).abs() < 1e-6 {
                continue;
            }
            assert_eq!(
                Num::new(v, d as u32).to_string(),
                standard(v, d),
                "{v} to {d}"
            );
        }
    }

    #[test]
    fn exponent_form_matches_the_standard_formatter_without_trailing_zeros() {
        for v in [
            1e15, 1.2346e15, -9.9996e20, 1e308, 1e-4, 1.2e-300, 9.9999e-5, 1e12, 5e-324,
        ] {
            let standard = format!("{v:.3e}");
            let (mantissa, exponent) = standard.split_once('e').expect("an exponent");
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(Exp(v).to_string(), format!("{mantissa}e{exponent}"), "{v}");
        }
        assert_eq!(Num::new(1e12, 3).to_string(), "1e12");
    }

    #[test]
    fn readable_numbers_never_round_to_zero() {
        assert_eq!(Num::readable(1e-7, 6), "1e-7");
        assert_eq!(Num::readable(-0.000_25, 3), "-2.5e-4");
        assert_eq!(Num::readable(0.0, 3), "0");
        assert_eq!(Num::readable(2.5, 3), "2.5");
        assert_eq!(Num::readable(1e308, 3), "1e308");
    }

    #[test]
    fn non_finite_values() {
        assert_eq!(Num::new(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(Num::new(f64::INFINITY, 2).to_string(), "inf");
        assert_eq!(Exp(f64::NEG_INFINITY).to_string(), "-inf");
    }
}
