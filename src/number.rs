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

    /// `value` in exponent form, its mantissa with at most three decimals: `1.235e15`, `1e-4`.
    pub fn exponent(value: f64) -> Exp {
        Exp(value)
    }
}

/// Magnitudes below this print digit by digit (times 10^6 it still fits a `u64`).
const DIGIT_LIMIT: f64 = 1e12;

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        if !v.is_finite() {
            return f.write_str(non_finite(v));
        }
        let scale = 10u64.pow(self.decimals);
        let scaled = (v.abs() * scale as f64).round();
        if v.abs() >= DIGIT_LIMIT {
            return Exp(v).fmt(f);
        }
        let scaled = scaled as u64;
        if v < 0.0 && scaled != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", scaled / scale)?;
        let mut frac = scaled % scale;
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

/// A number in exponent form: see [`Num::exponent`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exp(f64);

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
    use super::Num;

    #[test]
    fn decimals_match_the_standard_formatter_once_rounded() {
        for &(v, d) in &[
            (0.0, 3),
            (2.5, 3),
            (120.0, 3),
            (-0.05, 3),
            (0.1 + 0.2, 3),
            (13.7, 0),
            (-0.0004, 3),
            (999_999_999_999.0, 0),
            (1.5, 1),
            (0.123456, 6),
        ] {
            let rounded = (v * 10f64.powi(d)).round() / 10f64.powi(d);
            let rounded = if rounded == 0.0 { 0.0 } else { rounded };
            assert_eq!(
                Num::new(v, d as u32).to_string(),
                format!("{rounded}"),
                "{v}"
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
            assert_eq!(
                Num::exponent(v).to_string(),
                format!("{mantissa}e{exponent}"),
                "{v}"
            );
        }
        assert_eq!(Num::new(1e12, 3).to_string(), "1e12");
    }

    #[test]
    fn non_finite_values() {
        assert_eq!(Num::new(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(Num::new(f64::INFINITY, 2).to_string(), "inf");
        assert_eq!(Num::exponent(f64::NEG_INFINITY).to_string(), "-inf");
    }
}
