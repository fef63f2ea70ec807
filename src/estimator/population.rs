//! A deterministic simulated population: [`SIZE`] people whose individual differences come from a
//! low-discrepancy (quasi-random) sequence, so the same scenario always gives the same timeline.
//!
//! The sequence is Roberts' R_d sequence (the d-dimensional generalisation of the golden ratio
//! sequence): point `i` is `frac(0.5 + (i + 1) * alpha)` with `alpha_j = phi_d^-j` and `phi_d`
//! the root of `x^(d+1) = x + 1`. Each dimension is then replaced by its mid-ranks so every
//! marginal is exactly balanced. Normal variates use the inverse normal distribution function.

use std::sync::OnceLock;

/// People in the simulated population.
pub(crate) const SIZE: usize = 128;

/// Dimensions drawn per person.
const DIMS: usize = 9;

/// One person's standardised draws, before the scenario scales them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Draw {
    /// Standard normal: clearance.
    pub z_clearance: f64,
    /// Standard normal: bioavailability.
    pub z_bioavailability: f64,
    /// Standard normal: fast-effect EC50.
    pub z_fast_ec50: f64,
    /// Standard normal: slow-effect EC50.
    pub z_slow_ec50: f64,
    /// Standard normal: slow-effect half-life.
    pub z_slow_half_life: f64,
    /// Uniform: responds to the slow effect if below the condition's share.
    pub u_responder: f64,
    /// Uniform: reaches durable relief if below the person's probability.
    pub u_chronic: f64,
    /// Standard normal: length of durable relief.
    pub z_chronic_days: f64,
    /// Uniform: relief level during durable relief.
    pub u_chronic_level: f64,
}

/// The population's draws, computed once.
pub(crate) fn draws() -> &'static [Draw; SIZE] {
    static DRAWS: OnceLock<[Draw; SIZE]> = OnceLock::new();
    DRAWS.get_or_init(build)
}

fn build() -> [Draw; SIZE] {
    let alpha = r_sequence_alphas();
    // Each dimension's values are replaced by their mid-ranks, (rank + 0.5) / SIZE: every
    // marginal is then exactly balanced (a Latin hypercube in the sequence's order).
    let mut u = [[0.0; DIMS]; SIZE];
    for (j, a) in alpha.iter().enumerate() {
        let raw: [f64; SIZE] = std::array::from_fn(|i| (0.5 + (i as f64 + 1.0) * a).fract());
        let mut order: [usize; SIZE] = std::array::from_fn(|i| i);
        crate::sort::sort_by(&mut order, |&x, &y| raw[x].total_cmp(&raw[y]).is_lt());
        for (rank, &i) in order.iter().enumerate() {
            u[i][j] = (rank as f64 + 0.5) / SIZE as f64;
        }
    }
    std::array::from_fn(|i| {
        let u = u[i];
        Draw {
            z_clearance: inverse_normal(u[0]),
            z_bioavailability: inverse_normal(u[1]),
            z_fast_ec50: inverse_normal(u[2]),
            z_slow_ec50: inverse_normal(u[3]),
            z_slow_half_life: inverse_normal(u[4]),
            u_responder: u[5],
            u_chronic: u[6],
            z_chronic_days: inverse_normal(u[7]),
            u_chronic_level: u[8],
        }
    })
}

/// `alpha_j = phi^-(j+1)` where `phi^(DIMS+1) = phi + 1`.
fn r_sequence_alphas() -> [f64; DIMS] {
    let mut phi = 2.0_f64;
    for _ in 0..60 {
        phi = ((1.0 + phi).ln() / (DIMS as f64 + 1.0)).exp();
    }
    std::array::from_fn(|j| phi.powi(-(j as i32 + 1)))
}

/// Inverse of the standard normal distribution function (Acklam's rational approximation,
/// relative error below 1.2e-9), for `p` in (0, 1).
pub(crate) fn inverse_normal(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_normal_known_values() {
        assert!(inverse_normal(0.5).abs() < 1e-9);
        assert!((inverse_normal(0.975) - 1.959_964).abs() < 1e-5);
        assert!((inverse_normal(0.1) + 1.281_552).abs() < 1e-5);
    }

    #[test]
    fn draws_are_balanced() {
        let d = draws();
        let mean: f64 = d.iter().map(|x| x.z_slow_ec50).sum::<f64>() / SIZE as f64;
        let var: f64 = d.iter().map(|x| x.z_slow_ec50.powi(2)).sum::<f64>() / SIZE as f64;
        assert!(mean.abs() < 0.05, "{mean}");
        assert!((var - 1.0).abs() < 0.1, "{var}");
        let share = d.iter().filter(|x| x.u_responder < 0.67).count() as f64 / SIZE as f64;
        assert!((share - 0.67).abs() < 0.02, "{share}");
    }
}
