//! Numbers as short decimal text: at most a few decimals, trailing zeros dropped, exponent form
//! when huge or (for messages) tiny. A thin layer over `core`'s float formatting.

use std::fmt;

/// An `f64` that displays with at most `decimals` digits after the point, trailing zeros dropped
/// (`2.5`, `120`, `-0.05`), as `NaN`, `inf` or `-inf` when not finite, and in exponent form
/// (`1.235e15`, `1e308`) from 10¹² on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    value: f64,
    decimals: usize,
}

impl Num {
    /// `value` with at most `decimals` (0 to 6) digits after the point.
    pub fn new(value: f64, decimals: u32) -> Self {
        Num {
            value,
            decimals: decimals.min(6) as usize,
        }
    }

    /// A number as a person typed it, for a message: `decimals` digits at most, and exponent
    /// form when tiny (below 0.001, where few decimals would show `0`) or huge.
    pub fn readable(value: f64, decimals: u32) -> String {
        if value != 0.0 && value.abs() < 1e-3 {
            exponent_form(value)
        } else {
            Num::new(value, decimals).to_string()
        }
    }
}

/// Magnitudes from this on print in exponent form.
const DIGIT_LIMIT: f64 = 1e12;

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        if v.is_finite() && v.abs() >= DIGIT_LIMIT {
            return f.write_str(&exponent_form(v));
        }
        let text = format!("{v:.*}", self.decimals);
        match trimmed(&text) {
            "-0" => f.write_str("0"),
            t => f.write_str(t),
        }
    }
}

/// Exponent form with at most three decimals in the mantissa: `1.235e15`, `1e-4`.
fn exponent_form(v: f64) -> String {
    let text = format!("{v:.3e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => format!("{}e{exponent}", trimmed(mantissa)),
        None => text, // NaN, inf
    }
}

/// A decimal without its trailing zeros (and a bare point).
fn trimmed(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::Num;

    #[test]
    fn decimals_are_trimmed() {
        for (v, d, text) in [
            (0.0, 3, "0"),
            (-0.0, 3, "0"),
            (2.5, 3, "2.5"),
            (120.0, 3, "120"),
            (-0.05, 3, "-0.05"),
            (0.1 + 0.2, 3, "0.3"),
            (13.7, 0, "14"),
            (-0.0004, 3, "0"),
            (999_999_999_999.0, 0, "999999999999"),
            (0.123456, 6, "0.123456"),
            (0.999_999_9, 6, "1"),
            (-9.999_6, 3, "-10"),
        ] {
            assert_eq!(Num::new(v, d).to_string(), text, "{v}");
        }
    }

    #[test]
    fn exponent_form_from_a_trillion() {
        assert_eq!(Num::new(1e12, 3).to_string(), "1e12");
        assert_eq!(Num::new(1.2346e15, 3).to_string(), "1.235e15");
        assert_eq!(Num::new(-9.9996e20, 3).to_string(), "-1e21");
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
        assert_eq!(Num::readable(f64::NEG_INFINITY, 3), "-inf");
    }
}
