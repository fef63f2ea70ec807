//! Plasma concentration for a typical person: the Clements & Nimmo two-compartment model
//! (`pk-clements`) solved in closed form (sum of exponentials), with first-order absorption for routes that are
//! not intravenous (`pk-im`, `pk-yanagihara`, `pk-rolan`, `pk-chong`).

use super::params::{
    RouteKinetics, CLEMENTS_K_PER_MIN, CLEMENTS_V1_L_PER_KG, ELIMINATION_HALF_LIFE_H, IV_PUSH_HOURS,
};

/// How one dose enters the blood.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Input {
    /// Constant-rate infusion over this many hours.
    Infusion { hours: f64 },
    /// First-order absorption with this rate per hour.
    Absorption { ka: f64 },
}

impl Input {
    /// The input for a route: IV as an infusion (at least a 5-minute push), otherwise absorption
    /// with a rate that reproduces the route's reported Tmax.
    pub(crate) fn for_route(kinetics: &RouteKinetics, session_hours: f64) -> Input {
        match kinetics.tmax_h {
            None => Input::Infusion {
                hours: session_hours.max(IV_PUSH_HOURS),
            },
            Some(tmax) => Input::Absorption {
                ka: absorption_rate(tmax),
            },
        }
    }

    /// Hours from the start of a dose to its concentration peak (end of an infusion; about Tmax
    /// after an absorbed dose).
    pub(crate) fn peak_hours(&self) -> f64 {
        match *self {
            Input::Infusion { hours } => hours,
            Input::Absorption { ka } => {
                let ke = std::f64::consts::LN_2 / ELIMINATION_HALF_LIFE_H;
                (ka / ke).ln() / (ka - ke)
            }
        }
    }
}

/// Absorption rate (per hour) whose one-compartment peak time, with the label's elimination
/// half-life (`pk-label`), equals `tmax_h`: solves `tmax = ln(ka/ke)/(ka-ke)` by bisection.
fn absorption_rate(tmax_h: f64) -> f64 {
    let ke = std::f64::consts::LN_2 / ELIMINATION_HALF_LIFE_H;
    let peak = |ka: f64| (ka / ke).ln() / (ka - ke);
    // peak() decreases as ka grows; bracket far above ke. 45 halvings of the log-range leave a
    // relative error below 1e-12.
    let (mut lo, mut hi) = (ke * 1.0001, 1000.0);
    for _ in 0..45 {
        let mid = (lo * hi).sqrt();
        if peak(mid) > tmax_h {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo * hi).sqrt()
}

/// The two-compartment disposition as `C(t) = dose * sum_i a[i] * exp(-lambda[i] * t)` after a
/// unit IV bolus (mg/kg in, ng/mL out, t in hours).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Disposition {
    /// Exponential rates, per hour, fastest first.
    lambda: [f64; 2],
    /// Coefficients, ng/mL per mg/kg.
    a: [f64; 2],
}

impl Disposition {
    /// Clements & Nimmo (`pk-clements`), converted from per minute to per hour.
    pub(crate) fn clements() -> Disposition {
        let [k10, k12, k21] = CLEMENTS_K_PER_MIN.map(|k| k * 60.0);
        // Roots of l^2 - (k10 + k12 + k21) l + k10 k21 = 0.
        let b = k10 + k12 + k21;
        let disc = (b * b - 4.0 * k10 * k21).max(0.0).sqrt();
        let lambda = [(b + disc) / 2.0, (b - disc) / 2.0];
        let a = [0, 1].map(|i| {
            let other = lambda[1 - i];
            // mg/L per mg/kg -> ng/mL per mg/kg.
            (k21 - lambda[i]) / (other - lambda[i]) / CLEMENTS_V1_L_PER_KG * 1000.0
        });
        Disposition { lambda, a }
    }

    /// Clearance, L/kg/h, implied by the model (V1 x k10).
    pub(crate) fn clearance_l_per_kg_h() -> f64 {
        CLEMENTS_V1_L_PER_KG * CLEMENTS_K_PER_MIN[0] * 60.0
    }

    /// The concentration curve of a dose given by `input`.
    pub(crate) fn dose_curve(&self, input: Input) -> DoseCurve {
        let Disposition { lambda, a } = *self;
        let coef = match input {
            // During the infusion, term i is coef (1 - e^(-l t)); after it, coef (1 - e^(-l L))
            // e^(-l (t - L)).
            Input::Infusion { hours } => [0, 1].map(|i| a[i] / (lambda[i] * hours)),
            // Term i is coef (e^(-l t) - e^(-ka t)).
            Input::Absorption { ka } => [0, 1].map(|i| a[i] * ka / (ka - lambda[i])),
        };
        let tail = match input {
            Input::Infusion { hours } => [0, 1].map(|i| -coef[i] * (-lambda[i] * hours).exp_m1()),
            Input::Absorption { .. } => [0.0; 2],
        };
        DoseCurve {
            input,
            lambda,
            a,
            coef,
            tail,
        }
    }
}

/// The concentration after one dose per mg/kg absorbed (bioavailability already applied by the
/// caller): the bolus response integrated over an infusion, or convolved with absorption, with
/// the factors that do not depend on time worked out once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DoseCurve {
    /// How the dose enters the blood.
    pub input: Input,
    lambda: [f64; 2],
    a: [f64; 2],
    /// Each exponential's factor (see [`Disposition::dose_curve`]).
    coef: [f64; 2],
    /// Each exponential's level at the end of an infusion.
    tail: [f64; 2],
}

impl DoseCurve {
    /// Concentration (ng/mL) `t` hours after the start of the dose.
    pub(crate) fn at(&self, t: f64) -> f64 {
        if t <= 0.0 {
            return 0.0;
        }
        let mut c = 0.0;
        match self.input {
            Input::Infusion { hours } if t <= hours => {
                for (&l, &coef) in self.lambda.iter().zip(&self.coef) {
                    c -= coef * (-l * t).exp_m1();
                }
            }
            Input::Infusion { hours } => {
                for (&l, &tail) in self.lambda.iter().zip(&self.tail) {
                    c += tail * (-l * (t - hours)).exp();
                }
            }
            Input::Absorption { ka } => {
                let absorbing = (-ka * t).exp();
                for ((&l, &coef), &a) in self.lambda.iter().zip(&self.coef).zip(&self.a) {
                    let decay = (-l * t).exp();
                    c += if (ka - l).abs() < 1e-9 {
                        a * ka * t * decay
                    } else {
                        coef * (decay - absorbing)
                    };
                }
            }
        }
        c.max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clements_half_lives_match_the_source() {
        // pk-clements: half-lives about 17.6 and 183 min.
        let d = Disposition::clements();
        let hl = d.lambda.map(|l| std::f64::consts::LN_2 / l * 60.0);
        assert!((hl[0] - 17.6).abs() < 1.0, "{hl:?}");
        assert!((hl[1] - 183.0).abs() < 5.0, "{hl:?}");
    }

    #[test]
    fn clearance_matches_the_meta_analysis() {
        // pk-kamp: 79 L/h per 70 kg = 1.13 L/kg/h.
        assert!((Disposition::clearance_l_per_kg_h() - 1.13).abs() < 0.03);
    }

    #[test]
    fn area_under_curve_is_dose_over_clearance() {
        let d = Disposition::clements();
        let auc: f64 = d.a.iter().zip(d.lambda).map(|(a, l)| a / l).sum();
        let expected = 1000.0 / Disposition::clearance_l_per_kg_h();
        assert!((auc / expected - 1.0).abs() < 1e-6, "{auc} vs {expected}");
    }

    #[test]
    fn infusion_and_absorption_conserve_area() {
        let d = Disposition::clements();
        let expected = 1000.0 / Disposition::clearance_l_per_kg_h();
        for input in [
            Input::Infusion { hours: 4.0 },
            Input::Absorption { ka: 3.0 },
        ] {
            let auc: f64 = (0..20_000)
                .map(|i| d.dose_curve(input).at((i as f64 + 0.5) * 0.01))
                .sum::<f64>()
                * 0.01;
            assert!(
                (auc / expected - 1.0).abs() < 0.01,
                "{input:?}: {auc} vs {expected}"
            );
        }
    }

    #[test]
    fn absorption_peaks_near_tmax() {
        let ka = absorption_rate(1.0);
        let input = Input::Absorption { ka };
        assert!((input.peak_hours() - 1.0).abs() < 1e-6);
    }
}
