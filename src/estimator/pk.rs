//! Plasma concentration for a typical person: the Domino three-compartment model (`pk-domino`)
//! solved in closed form (sum of exponentials), with first-order absorption for routes that are
//! not intravenous (`pk-im`, `pk-yanagihara`, `pk-rolan`, `pk-chong`).

use super::params::{
    RouteKinetics, DOMINO_K_PER_MIN, DOMINO_V1_L_PER_KG, ELIMINATION_HALF_LIFE_H, IV_PUSH_HOURS,
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
            None => Input::Infusion { hours: session_hours.max(IV_PUSH_HOURS) },
            Some(tmax) => Input::Absorption { ka: absorption_rate(tmax) },
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
    // peak() decreases as ka grows; bracket far above ke.
    let (mut lo, mut hi) = (ke * 1.0001, 1000.0);
    for _ in 0..80 {
        let mid = (lo * hi).sqrt();
        if peak(mid) > tmax_h {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo * hi).sqrt()
}

/// The three-compartment disposition as `C(t) = dose * sum_i a[i] * exp(-lambda[i] * t)` after a
/// unit IV bolus (mg/kg in, ng/mL out, t in hours).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Disposition {
    /// Exponential rates, per hour, fastest first.
    lambda: [f64; 3],
    /// Coefficients, ng/mL per mg/kg.
    a: [f64; 3],
}

impl Disposition {
    /// Domino et al. (`pk-domino`), converted from per minute to per hour.
    pub(crate) fn domino() -> Disposition {
        let [k10, k12, k13, k21, k31] = DOMINO_K_PER_MIN.map(|k| k * 60.0);
        // Characteristic polynomial of the mammillary model: l^3 - b l^2 + c l - d = 0.
        let b = k10 + k12 + k13 + k21 + k31;
        let c = k10 * k21 + k10 * k31 + k12 * k31 + k13 * k21 + k21 * k31;
        let d = k10 * k21 * k31;
        let lambda = cubic_real_roots(b, c, d);
        let mut a = [0.0; 3];
        for i in 0..3 {
            let (j, k) = ((i + 1) % 3, (i + 2) % 3);
            let num = (k21 - lambda[i]) * (k31 - lambda[i]);
            let den = (lambda[j] - lambda[i]) * (lambda[k] - lambda[i]);
            // mg/L per mg/kg -> ng/mL per mg/kg.
            a[i] = num / den / DOMINO_V1_L_PER_KG * 1000.0;
        }
        Disposition { lambda, a }
    }

    /// Clearance, L/kg/h, implied by the model (V1 x k10).
    pub(crate) fn clearance_l_per_kg_h() -> f64 {
        DOMINO_V1_L_PER_KG * DOMINO_K_PER_MIN[0] * 60.0
    }

    /// Concentration (ng/mL) `t` hours after the start of a dose of 1 mg/kg absorbed
    /// (bioavailability already applied by the caller).
    pub(crate) fn unit_response(&self, input: Input, t: f64) -> f64 {
        if t <= 0.0 {
            return 0.0;
        }
        let mut c = 0.0;
        match input {
            Input::Infusion { hours } => {
                let rate = 1.0 / hours;
                let on = t.min(hours);
                for i in 0..3 {
                    let l = self.lambda[i];
                    // Integral of the bolus response over the infusion.
                    let tail = (-l * (t - on)).exp() - (-l * t).exp();
                    c += rate * self.a[i] / l * tail;
                }
            }
            Input::Absorption { ka } => {
                for i in 0..3 {
                    let l = self.lambda[i];
                    let diff = ka - l;
                    let term = if diff.abs() < 1e-9 {
                        t * (-l * t).exp()
                    } else {
                        ((-l * t).exp() - (-ka * t).exp()) / diff
                    };
                    c += self.a[i] * ka * term;
                }
            }
        }
        c.max(0.0)
    }
}

/// Real roots of `x^3 - b x^2 + c x - d` (all real for a mammillary model), descending.
fn cubic_real_roots(b: f64, c: f64, d: f64) -> [f64; 3] {
    // Depressed cubic x = y + b/3: y^3 + p y + q = 0.
    let p = c - b * b / 3.0;
    let q = -2.0 * b * b * b / 27.0 + b * c / 3.0 - d;
    let m = 2.0 * (-p / 3.0).max(0.0).sqrt();
    let arg = if m > 0.0 { (3.0 * q / (p * m)).clamp(-1.0, 1.0) } else { 0.0 };
    let theta = arg.acos() / 3.0;
    let mut roots = [0.0; 3];
    for (k, root) in roots.iter_mut().enumerate() {
        let y = m * (theta - 2.0 * std::f64::consts::PI * k as f64 / 3.0).cos();
        *root = y + b / 3.0;
    }
    roots.sort_by(|x, y| y.total_cmp(x));
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domino_half_lives_match_the_source() {
        // pk-domino: half-lives about 0.4 / 4.6 / 115 min.
        let d = Disposition::domino();
        let hl: Vec<f64> = d.lambda.iter().map(|l| std::f64::consts::LN_2 / l * 60.0).collect();
        assert!((hl[0] - 0.4).abs() < 0.1, "{hl:?}");
        assert!((hl[1] - 4.6).abs() < 0.5, "{hl:?}");
        assert!((hl[2] - 115.0).abs() < 10.0, "{hl:?}");
    }

    #[test]
    fn area_under_curve_is_dose_over_clearance() {
        let d = Disposition::domino();
        let auc: f64 = d.a.iter().zip(d.lambda).map(|(a, l)| a / l).sum();
        let expected = 1000.0 / Disposition::clearance_l_per_kg_h();
        assert!((auc / expected - 1.0).abs() < 1e-6, "{auc} vs {expected}");
    }

    #[test]
    fn absorption_peaks_near_tmax() {
        let ka = absorption_rate(1.0);
        let input = Input::Absorption { ka };
        assert!((input.peak_hours() - 1.0).abs() < 1e-6);
    }
}
