//! The relief curve across the population (percentiles at log-spaced times, plus the peak of
//! each dose) and the typical person's plasma concentration over the first 48 hours.

use super::population::SIZE;
use super::regimen::Regimen;
use std::sync::OnceLock;

use super::params::SLOW_HILL;
use super::response::People;
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
///
/// Relief is the largest of three logistic effects, so it is evaluated in logit space
/// (`x = ln(100/relief - 1)`, smaller is more relief) where, between doses, each effect is a
/// straight line: fast `-ln(unit) - ln_fast_gain`, slow `logit_end + h k * days since the dose`,
/// durable a constant. Each person's smallest logit is binned to the nearest 1% relief through
/// a table, so no exponential is needed per person and sample. During an infusion the slow effect
/// is computed directly where it matters.
pub(crate) fn relief_curve(r: &Regimen, people: &People, days: Vec<f64>) -> ReliefCurve {
    let n = days.len();
    let mut curve = ReliefCurve {
        days: Vec::new(),
        p10: Vec::with_capacity(n),
        p50: Vec::with_capacity(n),
        p90: Vec::with_capacity(n),
    };
    let table = bin_of_logit();
    let mut dose = 0usize; // number of doses started strictly before t
    for &t in &days {
        while dose < r.doses.len() && r.doses[dose].start_days < t {
            dose += 1;
        }
        let unit = r.unit_concentration(t);
        let fast_shift = -unit.ln(); // +inf when there is no drug
        // Each person's smallest logit: fast, then durable, then slow relief.
        let mut logits = [0.0_f64; SIZE];
        for (x, p) in logits.iter_mut().zip(&people.curve) {
            let fast = fast_shift - p.ln_fast_gain;
            let lasting = t >= p.chronic.start && t <= p.chronic.end;
            *x = if lasting && p.chronic_logit < fast { p.chronic_logit } else { fast };
        }
        let current = dose.checked_sub(1).map(|i| (i, t - r.doses[i].start_days));
        match current {
            Some((i, since)) if since < r.feed_days => {
                // During a feed the slow effect rises towards its value at the feed's end, so it
                // is only computed for people in whom it could beat the other effects.
                let range = i * SIZE..(i + 1) * SIZE;
                let (ce0, peak) = (&people.ce_start[range.clone()], &people.logit_end[range]);
                for (((x, p), &c0), &best) in logits.iter_mut().zip(&people.curve).zip(ce0).zip(peak) {
                    if best < *x {
                        let ce = p.feed_level - (p.feed_level - c0) * (-p.slow_rate * since).exp();
                        let slow = SLOW_HILL * (p.ln_slow_ec50 - ce.ln());
                        if slow < *x {
                            *x = slow;
                        }
                    }
                }
            }
            Some((i, since)) => {
                let since = since - r.feed_days;
                let ends = &people.logit_end[i * SIZE..(i + 1) * SIZE];
                for ((x, p), &x0) in logits.iter_mut().zip(&people.curve).zip(ends) {
                    let slow = x0 + p.slow_logit_rate * since;
                    if slow < *x {
                        *x = slow;
                    }
                }
            }
            None => {}
        }
        // Counting no-relief people apart keeps them out of one long chain of increments to the
        // same memory.
        let mut hist = [0_u8; BINS];
        let mut none = 0_u8;
        for &x in &logits {
            match table.bin(x) {
                0 => none += 1,
                bin => hist[bin] += 1,
            }
        }
        hist[0] += none;
        let p = percentiles_of_bins(&hist);
        curve.p10.push(p.p10);
        curve.p50.push(p.p50);
        curve.p90.push(p.p90);
    }
    curve.days = days;
    curve
}

/// Relief bins: 0%, 1%, ..., 100%.
const BINS: usize = 101;

/// Smallest logit in the table (about 99.85% relief); beyond the table relief rounds to 0% or
/// 100%.
const LOGIT_MIN: f64 = -6.5;
/// Table cells per unit of logit (relief changes by at most 0.05% across a cell).
const CELLS_PER_LOGIT: f64 = 512.0;
/// Cells: logits from -6.5 to 6.5.
const CELLS: usize = 13 * 512;

/// Maps a logit to its relief bin.
struct LogitTable([u8; CELLS]);

impl LogitTable {
    #[inline(always)]
    fn bin(&self, x: f64) -> usize {
        let cell = (x - LOGIT_MIN) * CELLS_PER_LOGIT;
        if cell >= CELLS as f64 {
            0 // no relief (also +inf)
        } else {
            // The cast saturates: below the table (and NaN) maps to cell 0, about 100% relief.
            self.0[cell as usize] as usize
        }
    }
}

/// The logit-to-bin table, built once.
fn bin_of_logit() -> &'static LogitTable {
    static TABLE: OnceLock<LogitTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        LogitTable(std::array::from_fn(|cell| {
            let x = LOGIT_MIN + (cell as f64 + 0.5) / CELLS_PER_LOGIT;
            let relief = 100.0 / (1.0 + x.exp());
            // Relief is in [0, 100], so the bin is in 0..BINS.
            (relief + 0.5) as u8
        }))
    })
}

/// Percentiles from a histogram of relief bins (same interpolation as [`percentiles`]).
fn percentiles_of_bins(hist: &[u8; BINS]) -> Percentiles {
    let ranks = [0.1, 0.5, 0.9].map(|q| q * (SIZE - 1) as f64);
    // The order statistics needed: floor and floor + 1 of each rank, ascending.
    let wanted: [usize; 6] = std::array::from_fn(|i| ranks[i / 2] as usize + i % 2);
    let mut found = [0.0_f64; 6];
    let (mut next, mut below) = (0, 0usize);
    for (bin, &count) in hist.iter().enumerate() {
        below += count as usize;
        while next < 6 && wanted[next] < below {
            found[next] = bin as f64;
            next += 1;
        }
        if next == 6 {
            break;
        }
    }
    let at = |i: usize| {
        found[2 * i] + (ranks[i] - ranks[i].floor()) * (found[2 * i + 1] - found[2 * i])
    };
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
    fn counting_matches_sorting_on_whole_percents() {
        let values: [f64; SIZE] = std::array::from_fn(|i| ((i * 37) % 101) as f64);
        let mut hist = [0_u8; BINS];
        for v in values {
            hist[v as usize] += 1;
        }
        assert_eq!(percentiles_of_bins(&hist), percentiles(&mut values.to_vec()));
    }

    #[test]
    fn logit_table_bins_relief() {
        let table = bin_of_logit();
        for relief in [0.3, 1.0, 12.4, 30.0, 50.0, 77.7, 99.0, 99.8] {
            let x = super::super::response::logit(relief);
            let bin = table.bin(x) as f64;
            assert!((bin - relief).abs() <= 0.55, "{relief}: {bin}");
        }
        assert_eq!(table.bin(f64::INFINITY), 0);
        assert_eq!(table.bin(-20.0), 100);
    }
}
