//! The relief curve across the population (percentiles at log-spaced times, plus the peak of
//! each dose) and the typical person's plasma concentration over the first 48 hours.

use super::population::SIZE;
use super::regimen::Regimen;
use super::response::{emax, slow_relief, People};
use super::timeline::{Concentration, Percentiles, ReliefCurve};

/// Log-spaced sample times between 5 minutes and the horizon.
const BASE_SAMPLES: usize = 72;
/// Doses whose start gets its own sample (every dose within the horizon gets its peak).
const DOSES_WITH_START_SAMPLE: usize = 12;
/// First sample, days (5 minutes).
const FIRST_SAMPLE_DAYS: f64 = 5.0 / 1440.0;

/// 10th, 50th and 90th percentiles (linear interpolation between order statistics). Sorts `v`.
pub(crate) fn percentiles(v: &mut [f64]) -> Percentiles {
    v.sort_unstable_by(f64::total_cmp);
    let at = |q: f64| {
        if v.is_empty() {
            return 0.0;
        }
        let h = q * (v.len() - 1) as f64;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(v.len() - 1);
        v[lo] + (h - lo as f64) * (v[hi] - v[lo])
    };
    Percentiles { p10: at(0.1), p50: at(0.5), p90: at(0.9) }
}

/// Sample times: log-spaced from 5 minutes to the horizon, plus each dose's concentration peak
/// and the start of the first few doses, so the acute peaks show.
pub(crate) fn sample_days(r: &Regimen) -> Vec<f64> {
    let h = r.horizon;
    let mut days: Vec<f64> = (0..BASE_SAMPLES)
        .map(|i| FIRST_SAMPLE_DAYS * (h / FIRST_SAMPLE_DAYS).powf(i as f64 / (BASE_SAMPLES - 1) as f64))
        .collect();
    for (i, d) in r.doses.iter().enumerate() {
        days.push(d.start_days + r.peak_hours / 24.0);
        if i < DOSES_WITH_START_SAMPLE {
            days.push(d.start_days);
        }
    }
    days.retain(|&t| t >= FIRST_SAMPLE_DAYS && t <= h);
    days.sort_unstable_by(f64::total_cmp);
    days.dedup_by(|a, b| *a - *b < 1e-6 * *b);
    days
}

/// Percent relief of every person at each sample time, summarised as percentiles.
pub(crate) fn relief_curve(r: &Regimen, people: &People, days: Vec<f64>) -> ReliefCurve {
    let n = days.len();
    let mut curve = ReliefCurve {
        days: Vec::new(),
        p10: Vec::with_capacity(n),
        p50: Vec::with_capacity(n),
        p90: Vec::with_capacity(n),
    };
    let mut relief = [0.0_f64; SIZE];
    let most_sensitive = people.curve.iter().map(|p| p.plasma_scale / p.fast_ec50).fold(0.0, f64::max);
    let mut dose = 0usize; // number of doses started strictly before t
    for &t in &days {
        while dose < r.doses.len() && r.doses[dose].start_days < t {
            dose += 1;
        }
        // Slow effect: before any dose, during dose i's feed, or after it.
        if let Some(i) = dose.checked_sub(1) {
            let since = t - r.doses[i].start_days;
            let range = i * SIZE..(i + 1) * SIZE;
            if since < r.feed_days {
                let ce0 = &people.ce_start[range];
                for ((out, p), &c0) in relief.iter_mut().zip(&people.curve).zip(ce0) {
                    *out = if p.responds {
                        let ce = p.feed_level - (p.feed_level - c0) * (-p.slow_rate * since).exp();
                        slow_relief(ce, p.slow_ec50)
                    } else {
                        0.0
                    };
                }
            } else {
                let ce0 = &people.ce_end[range];
                let since = since - r.feed_days;
                for ((out, p), &c0) in relief.iter_mut().zip(&people.curve).zip(ce0) {
                    *out = if p.responds {
                        slow_relief(c0 * (-p.slow_rate * since).exp(), p.slow_ec50)
                    } else {
                        0.0
                    };
                }
            }
        } else {
            relief = [0.0; SIZE];
        }
        // Fast effect, only when it can reach the 0.5% resolution of the percentiles.
        let unit = r.unit_concentration(t);
        if emax(unit * most_sensitive, 1.0) >= 0.25 {
            for (out, p) in relief.iter_mut().zip(&people.curve) {
                let fast = emax(unit * p.plasma_scale, p.fast_ec50);
                if fast > *out {
                    *out = fast;
                }
            }
        }
        // Durable relief.
        for (out, p) in relief.iter_mut().zip(&people.curve) {
            if t >= p.chronic.start && t <= p.chronic.end && p.chronic.relief > *out {
                *out = p.chronic.relief;
            }
        }
        let p = percentiles_half_percent(&relief);
        curve.p10.push(p.p10);
        curve.p50.push(p.p50);
        curve.p90.push(p.p90);
    }
    curve.days = days;
    curve
}

/// `e^x` for `x <= 0` without a library call: `e^x = 2^n e^r` with `|r| <= ln2 / 2` and a
/// degree-7 Taylor polynomial for `e^r` (relative error below 1e-8; 0 below -700).
#[inline(always)]
fn exp_neg(x: f64) -> f64 {
    if x < -700.0 {
        return 0.0;
    }
    let y = x * std::f64::consts::LOG2_E;
    // Truncation of y - 0.5 rounds y to the nearest integer for y <= 0.
    let n = (y - 0.5) as i64;
    let r = x - n as f64 * std::f64::consts::LN_2;
    // 1/k! for k = 7 down to 1.
    const C: [f64; 7] = [1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0];
    let e = C.iter().fold(0.0, |acc, &c| (acc + c) * r) + 1.0;
    // 2^n for n in -1010..=0 as a normal float.
    e * f64::from_bits(((n + 1023) as u64) << 52)
}

/// Percentiles of relief values (percent), each rounded to the nearest 0.5% first, by counting:
/// one pass to build a 201-bin histogram, one walk over it. Same interpolation as
/// [`percentiles`].
fn percentiles_half_percent(v: &[f64; SIZE]) -> Percentiles {
    let mut hist = [0_u8; 201];
    for &x in v {
        // The cast saturates: negative values and NaN go to bin 0.
        let bin = ((x * 2.0 + 0.5) as usize).min(200);
        hist[bin] += 1;
    }
    let ranks = [0.1, 0.5, 0.9].map(|q| q * (SIZE - 1) as f64);
    // The order statistics needed: floor and floor + 1 of each rank, ascending.
    let wanted: [usize; 6] = std::array::from_fn(|i| ranks[i / 2] as usize + i % 2);
    let mut found = [0.0_f64; 6];
    let (mut next, mut below) = (0, 0usize);
    for (bin, &count) in hist.iter().enumerate() {
        below += count as usize;
        while next < 6 && wanted[next] < below {
            found[next] = bin as f64 / 2.0;
            next += 1;
        }
        if next == 6 {
            break;
        }
    }
    let at = |i: usize| found[2 * i] + (ranks[i] - ranks[i].floor()) * (found[2 * i + 1] - found[2 * i]);
    Percentiles { p10: at(0), p50: at(1), p90: at(2) }
}

/// Plasma concentration (ng/mL of the drug given) for a typical person over the first 48 hours:
/// every half hour, densely through each dose's first hours.
pub(crate) fn concentration(r: &Regimen) -> Concentration {
    let mut hours: Vec<f64> = (0..=96).map(|i| i as f64 * 0.5).collect();
    for d in r.doses.iter().take_while(|d| d.start_days * 24.0 < 48.0) {
        let s = d.start_days * 24.0;
        let peak = s + r.peak_hours;
        hours.extend((1..=12).map(|i| s + i as f64 / 12.0));
        hours.extend([peak, peak + 0.25, peak + 0.5, peak + 1.0, peak + 1.5]);
    }
    hours.retain(|&h| (0.0..=48.0).contains(&h));
    hours.sort_unstable_by(f64::total_cmp);
    hours.dedup_by(|a, b| *a - *b < 1e-6);
    let absorbed = r.dose_mg_per_kg * r.kinetics.bioavailability / r.clearance;
    let ng_per_ml = hours.iter().map(|&h| absorbed * r.unit_concentration(h / 24.0)).collect();
    Concentration { hours, ng_per_ml }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let mut v: Vec<f64> = (0..=10).rev().map(f64::from).collect();
        let p = percentiles(&mut v);
        assert_eq!((p.p10, p.p50, p.p90), (1.0, 5.0, 9.0));
    }

    #[test]
    fn exp_neg_matches_exp() {
        for i in 0..2000 {
            let x = -(i as f64) * 0.37;
            let (a, b) = (exp_neg(x), x.exp());
            assert!((a - b).abs() <= 1e-8 * b + 1e-300, "{x}: {a} vs {b}");
        }
        assert_eq!(exp_neg(-800.0), 0.0);
    }

    #[test]
    fn counting_matches_sorting_on_half_percents() {
        let values: [f64; SIZE] = std::array::from_fn(|i| ((i * 37) % 201) as f64 * 0.5);
        let by_counting = percentiles_half_percent(&values);
        let by_sorting = percentiles(&mut values.to_vec());
        assert_eq!(by_counting, by_sorting);
    }
}
