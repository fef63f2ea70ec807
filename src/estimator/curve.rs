//! The relief curve across the population (percentiles at log-spaced times, plus the peak of
//! each dose, to the nearest 1%) and, on its own, the typical person's plasma concentration over
//! the first 48 hours.

use std::sync::OnceLock;

use super::lanes::F32x4;
use super::params::{MAINTENANCE_PEAK_SAMPLES, SLOW_HILL};
use super::population::SIZE;
use super::regimen::Regimen;
use super::response::{CurveParams, People};
#[cfg(test)]
use super::stats::percentiles;
use super::timeline::{Concentration, Percentiles, ReliefCurve};

/// Log-spaced sample times between 5 minutes and the horizon.
const BASE_SAMPLES: usize = 80;
/// Doses whose start gets its own sample (every dose within the horizon gets its peak).
const DOSES_WITH_START_SAMPLE: usize = 12;
/// First sample, days (5 minutes).
const FIRST_SAMPLE_DAYS: f64 = 5.0 / 1440.0;
/// A trough sample comes this long before the next maintenance dose, days (about 9 seconds).
const TROUGH_BEFORE_DAYS: f64 = 1e-4;

/// Sample times: log-spaced from 5 minutes to the horizon, plus each dose's concentration peak
/// and the start of the first few doses, so the acute peaks show.
///
/// A maintenance schedule has up to thousands of doses: only its first
/// `MAINTENANCE_PEAK_SAMPLES` and its last get a peak sample; after those first ones, log-spaced
/// samples within the schedule move forward to the trough just before the next dose, so the
/// curve there shows relief at its lowest in each dosing interval rather than wherever in the
/// interval a log-spaced time happens to fall.
#[inline(never)]
pub(crate) fn sample_days(r: &Regimen) -> Vec<f64> {
    let h = r.horizon;
    let ratio = ((h / FIRST_SAMPLE_DAYS).ln() / (BASE_SAMPLES - 1) as f64).exp();
    let mut log_spaced = [h; BASE_SAMPLES];
    let mut t = FIRST_SAMPLE_DAYS;
    for day in &mut log_spaced[..BASE_SAMPLES - 1] {
        *day = t;
        t *= ratio;
    }
    let maintenance = &r.doses[r.walked..];
    if maintenance.len() > MAINTENANCE_PEAK_SAMPLES + 1 {
        let from = maintenance[MAINTENANCE_PEAK_SAMPLES].start_days;
        let last = maintenance[maintenance.len() - 1].start_days;
        let (first, tau) = (maintenance[0].start_days, r.maintenance_interval);
        for day in &mut log_spaced {
            if *day > from && *day <= last {
                // The next dose at or after `day`; a trough is just before it.
                let j = ((*day - first) / tau)
                    .ceil()
                    .min((maintenance.len() - 1) as f64);
                *day = maintenance[j as usize].start_days - TROUGH_BEFORE_DAYS;
            }
        }
    }
    let shown = r.walked + maintenance.len().min(MAINTENANCE_PEAK_SAMPLES);
    let mut doses = Vec::with_capacity(2 * shown + 1);
    let peaks = r.doses[..shown].iter().chain(if shown < r.doses.len() {
        r.doses.last()
    } else {
        None
    });
    for (i, d) in peaks.enumerate() {
        doses.push(d.start_days + r.peak_hours / 24.0);
        if i < DOSES_WITH_START_SAMPLE {
            doses.push(d.start_days);
        }
    }
    let mut days = crate::sort::merge_f64(&log_spaced, doses);
    days.retain(|&t| t >= FIRST_SAMPLE_DAYS && t <= h);
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
///
/// Four people at a time, in `f32` lanes: a logit's rounding error (under 2e-5 for any logit
/// this model gives) is a hundredth of a table cell, and times keep their order unless they are
/// within about 10 seconds of each other.
#[inline(never)]
pub(crate) fn relief_curve(r: &Regimen, people: &People, days: Vec<f64>) -> ReliefCurve {
    let n = days.len();
    let mut curve = ReliefCurve {
        days: Vec::new(),
        p10: Vec::with_capacity(n),
        p50: Vec::with_capacity(n),
        p90: Vec::with_capacity(n),
    };
    let table = bin_of_logit();
    const _: () = assert!(SIZE.is_multiple_of(4));
    let quads: Vec<CurveQuad> = people
        .curve
        .as_chunks()
        .0
        .iter()
        .map(CurveQuad::new)
        .collect();
    // The slow logits at each feed's end, four people to an `F32x4`, after a first "dose" of none
    // (no slow effect before the first dose).
    let mut ends = vec![F32x4::splat(f32::INFINITY); SIZE / 4];
    ends.extend(
        people
            .logit_end
            .as_chunks()
            .0
            .iter()
            .map(|&[a, b, c, d]: &[f64; 4]| F32x4::new([a as f32, b as f32, c as f32, d as f32])),
    );
    // Early in the first feed the slow effect is far below its value at the feed's end: from
    // `1 - e^-y <= y` and `1 - e^-y >= y (1 - y/2)`, `Ce(s) / Ce(F) <= s / (F (1 - kF/2))`, so the
    // slow logit exceeds its end value by at least `h ln(F (1 - kF/2) / s)`.
    let fastest = people.curve.iter().map(|p| p.slow_rate).fold(0.0, f64::max);
    let margin = 1.0 - fastest * r.feed_days / 2.0;
    let first_feed_bound = |since: f64| {
        if margin > 0.0 {
            (SLOW_HILL * (r.feed_days * margin / since).ln()).max(0.0)
        } else {
            0.0
        }
    };
    // The slow logits after one maintenance dose, worked out when a sample needs them.
    let mut maintenance_ends = vec![F32x4::splat(f32::INFINITY); SIZE / 4];
    let mut maintenance_dose = usize::MAX;
    let mut dose = 0usize; // number of doses started strictly before t
    for &t in &days {
        while dose < r.doses.len() && r.doses[dose].start_days < t {
            dose += 1;
        }
        let unit = r.unit_concentration(t);
        let fast_shift = -unit.ln(); // +inf when there is no drug
        let slow = match dose.checked_sub(1) {
            None => Slow::Decaying {
                since: 0.0,
                end: &ends[..SIZE / 4],
            },
            Some(i) => {
                let since = t - r.doses[i].start_days;
                if since < r.feed_days {
                    let range = i * SIZE..(i + 1) * SIZE;
                    Slow::Feeding {
                        since,
                        start: &people.ce_start[range.clone()],
                        peak: &people.logit_end[range],
                        head_start: if i == 0 { first_feed_bound(since) } else { 0.0 },
                    }
                } else if i < r.walked {
                    Slow::Decaying {
                        since: since - r.feed_days,
                        end: &ends[(i + 1) * SIZE / 4..(i + 2) * SIZE / 4],
                    }
                } else {
                    if maintenance_dose != i {
                        maintenance_dose = i;
                        maintenance_logits(r, people, i, &mut maintenance_ends);
                    }
                    Slow::Decaying {
                        since: since - r.feed_days,
                        end: &maintenance_ends,
                    }
                }
            }
        };
        // One histogram per lane, added up when the percentiles are read.
        let mut hist = [[0_u8; HIST]; LANES];
        let (t4, fast_shift) = (F32x4::splat(t as f32), F32x4::splat(fast_shift as f32));
        match slow {
            Slow::Decaying { since, end } => {
                let since = F32x4::splat(since as f32);
                for (quad, &end) in quads.iter().zip(end) {
                    let slow = end + quad.slow_logit_rate * since;
                    count(
                        &mut hist,
                        table.bins(quad.fast_or_durable(fast_shift, t4).min(slow)),
                    );
                }
            }
            Slow::Feeding {
                since,
                start,
                peak,
                head_start,
            } => {
                for (j, quad) in quads.iter().enumerate() {
                    let mut x = quad.fast_or_durable(fast_shift, t4).lanes();
                    for (lane, x) in x.iter_mut().enumerate() {
                        let idx = 4 * j + lane;
                        // During a feed the slow effect rises towards its value at the feed's
                        // end, so it is only computed for people in whom it could beat the
                        // other effects.
                        if peak[idx] + head_start < f64::from(*x) {
                            let p = &people.curve[idx];
                            let rise = (p.feed_level - start[idx]) * (-p.slow_rate * since).exp();
                            let slow = SLOW_HILL * (p.ln_slow_ec50 - (p.feed_level - rise).ln());
                            *x = x.min(slow as f32);
                        }
                    }
                    count(&mut hist, table.bins(F32x4::new(x)));
                }
            }
        }
        let p = percentiles_of_bins(&hist);
        curve.p10.push(p.p10);
        curve.p50.push(p.p50);
        curve.p90.push(p.p90);
    }
    curve.days = days;
    curve
}

/// The slow logits of everyone just after maintenance dose `i` (`People::periodic`), four people
/// to an `F32x4`.
fn maintenance_logits(r: &Regimen, people: &People, i: usize, out: &mut [F32x4]) {
    let m = i - r.walked;
    for (j, quad) in out.iter_mut().enumerate() {
        let lanes: [f32; 4] = std::array::from_fn(|lane| {
            let idx = 4 * j + lane;
            let ce = people.periodic[idx].ce(m);
            if people.responds[idx] && ce > 0.0 {
                (SLOW_HILL * (people.curve[idx].ln_slow_ec50 - ce.ln())) as f32
            } else {
                f32::INFINITY
            }
        });
        *quad = F32x4::new(lanes);
    }
}

/// Counts four people's bins, lane `i` in histogram `i`. (Written out: iterators over arrays stay
/// calls at opt-level "z".)
#[inline(always)]
fn count(hist: &mut [[u8; HIST]; LANES], bins: [usize; LANES]) {
    hist[0][bins[0]] += 1;
    hist[1][bins[1]] += 1;
    hist[2][bins[2]] += 1;
    hist[3][bins[3]] += 1;
}

/// What the inner loop needs of four neighbouring people (`4j` to `4j + 3`), lane by lane.
struct CurveQuad {
    ln_fast_gain: F32x4,
    chronic_start: F32x4,
    chronic_end: F32x4,
    chronic_logit: F32x4,
    slow_logit_rate: F32x4,
}

impl CurveQuad {
    fn new(people: &[CurveParams; 4]) -> CurveQuad {
        let lanes = |f: fn(&CurveParams) -> f64| {
            let [a, b, c, d] = people;
            F32x4::new([f(a) as f32, f(b) as f32, f(c) as f32, f(d) as f32])
        };
        CurveQuad {
            ln_fast_gain: lanes(|p| p.ln_fast_gain),
            chronic_start: lanes(|p| p.chronic.start),
            chronic_end: lanes(|p| p.chronic.end),
            chronic_logit: lanes(|p| p.chronic_logit),
            slow_logit_rate: lanes(|p| p.slow_logit_rate),
        }
    }

    /// The four people's smallest logits of the fast and durable effects at `t`.
    #[inline(always)]
    fn fast_or_durable(&self, fast_shift: F32x4, t: F32x4) -> F32x4 {
        let durable = self
            .chronic_logit
            .within(t, self.chronic_start, self.chronic_end);
        (fast_shift - self.ln_fast_gain).min(durable)
    }
}

/// Where the slow effect stands at one sample time, the same for everyone.
#[derive(Clone, Copy)]
enum Slow<'a> {
    /// `since` days into a dose's feed, from effect-site levels `start`, towards logits `peak`;
    /// the slow logit is at least `peak + head_start`.
    Feeding {
        since: f64,
        start: &'a [f64],
        peak: &'a [f64],
        head_start: f64,
    },
    /// `since` days after a dose's feed, from logits `end` (four people to an `F32x4`).
    Decaying { since: f64, end: &'a [F32x4] },
}

/// Relief bins (0%, 1%, ..., 100%) in a histogram as long as a byte's range, so counting a bin
/// needs no bounds check, and of whole 8-byte words.
const HIST: usize = 256;
/// Histograms: one per lane, added up at the end.
const LANES: usize = 4;

/// Smallest logit in the table (about 99.85% relief); beyond the table relief rounds to 0% or
/// 100%.
const LOGIT_MIN: f32 = -6.5;
/// Table cells per unit of logit (relief changes by at most 0.05% across a cell).
const CELLS_PER_LOGIT: f32 = 512.0;
/// Cells: logits from -6.5 to 9.5, a power of two so that an index needs no bounds check.
const CELLS: usize = 16 * 512;

/// Maps a logit to its relief bin.
struct LogitTable([u8; CELLS]);

impl LogitTable {
    /// The bins of four logits.
    #[inline(always)]
    fn bins(&self, x: F32x4) -> [usize; 4] {
        // The conversion saturates: below the table (and NaN) maps to cell 0, about 100% relief;
        // above it (and +inf) to the last cell, about 0%.
        let cells = ((x - F32x4::splat(LOGIT_MIN)) * F32x4::splat(CELLS_PER_LOGIT))
            .to_index(CELLS as i32 - 1);
        let bin = |cell: usize| self.0[cell & (CELLS - 1)] as usize;
        [bin(cells[0]), bin(cells[1]), bin(cells[2]), bin(cells[3])]
    }
}

/// The logit-to-bin table, built once.
fn bin_of_logit() -> &'static LogitTable {
    static TABLE: OnceLock<LogitTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        LogitTable(std::array::from_fn(|cell| {
            let x = f64::from(LOGIT_MIN) + (cell as f64 + 0.5) / f64::from(CELLS_PER_LOGIT);
            let relief = 100.0 / (1.0 + x.exp());
            // Relief is in [0, 100], so the bin is too.
            (relief + 0.5) as u8
        }))
    })
}

/// Percentiles from the lanes' histograms of relief bins, counted together (same interpolation as
/// [`super::stats::percentiles`]), eight bins at a time.
fn percentiles_of_bins(hist: &[[u8; HIST]; LANES]) -> Percentiles {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes of at most 128 below: no sum here carries over a byte.
    const _: () = assert!(SIZE <= 128);
    let ranks = [0.1, 0.5, 0.9].map(|q| q * (SIZE - 1) as f64);
    // The order statistics needed: floor and floor + 1 of each rank, ascending.
    let wanted: [usize; 6] = std::array::from_fn(|i| ranks[i / 2] as usize + i % 2);
    let mut found = [0.0_f64; 6];
    let (mut next, mut below) = (0, 0usize);
    for word in 0..HIST / 8 {
        let mut counts = 0;
        for h in hist {
            counts += u64::from_le_bytes(h.as_chunks::<8>().0[word]);
        }
        // Byte j of `upto`: the people in this word's bins 0..=j; the top byte is the word's.
        let upto = counts.wrapping_mul(ONES);
        let total = (upto >> 56) as usize;
        while next < 6 && wanted[next] < below + total {
            // The first bin j holding more than r people up to it: where `upto + 127 - r`
            // reaches 128 in byte j.
            let r = (wanted[next] - below) as u64;
            let over = (upto + (127 - r) * ONES) & (ONES << 7);
            found[next] = (word * 8 + over.trailing_zeros() as usize / 8) as f64;
            next += 1;
        }
        if next == 6 {
            break;
        }
        below += total;
    }
    let at =
        |i: usize| found[2 * i] + (ranks[i] - ranks[i].floor()) * (found[2 * i + 1] - found[2 * i]);
    Percentiles {
        p10: at(0),
        p50: at(1),
        p90: at(2),
    }
}

/// Plasma concentration (ng/mL of the drug given) for a typical person over the first 48 hours:
/// every half hour, densely through each dose's first hours.
#[inline(never)]
pub(crate) fn concentration(r: &Regimen) -> Concentration {
    let mut dense = Vec::new();
    for d in r.doses.iter().take_while(|d| d.start_days * 24.0 < 48.0) {
        let s = d.start_days * 24.0;
        let peak = s + r.peak_hours;
        dense.extend((1..=12).map(|i| s + i as f64 / 12.0));
        dense.extend([peak, peak + 0.25, peak + 0.5, peak + 1.0, peak + 1.5]);
    }
    let halves: [f64; 97] = std::array::from_fn(|i| i as f64 * 0.5);
    let mut hours = crate::sort::merge_f64(&halves, dense);
    hours.retain(|&h| (0.0..=48.0).contains(&h));
    hours.dedup_by(|a, b| *a - *b < 1e-6);
    let absorbed = r.dose_mg_per_kg * r.kinetics.bioavailability / r.clearance;
    let ng_per_ml = hours
        .iter()
        .map(|&h| absorbed * r.unit_concentration(h / 24.0))
        .collect();
    Concentration { hours, ng_per_ml }
}

#[cfg(test)]
mod tests {
    use super::*;
    // In wasm (`./x test` runs these in Node too): the SIMD form.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn counting_matches_sorting_on_whole_percents() {
        let spreads: [fn(usize) -> usize; 4] = [
            |i| (i * 37) % 101,
            |_| 100,
            |i| if i < 100 { 0 } else { 63 },
            |i| (i * i) % 17 + 80 * (i % 2),
        ];
        for spread in spreads {
            let values: [f64; SIZE] = std::array::from_fn(|i| spread(i) as f64);
            let mut hist = [[0_u8; HIST]; LANES];
            for (i, v) in values.into_iter().enumerate() {
                hist[i % LANES][v as usize] += 1;
            }
            assert_eq!(
                percentiles_of_bins(&hist),
                percentiles(&mut values.to_vec())
            );
        }
    }

    #[test]
    fn logit_table_bins_relief() {
        let table = bin_of_logit();
        for relief in [0.3, 1.0, 12.4, 30.0, 50.0, 77.7, 99.0, 99.8] {
            let x = super::super::response::logit(relief);
            let bin = table.bins(F32x4::splat(x as f32))[0] as f64;
            assert!((bin - relief).abs() <= 0.55, "{relief}: {bin}");
        }
        let extremes = [f32::INFINITY, -20.0, 1e30, f32::NAN];
        assert_eq!(table.bins(F32x4::new(extremes)), [0, 100, 0, 100]);
    }

    /// The logit-space evaluation, with its pruning, matches computing every person's relief
    /// directly, to the 1% bins.
    #[test]
    fn curve_matches_direct_evaluation() {
        use super::super::response::{slow_relief, SingleDose};
        use super::super::scenario::Scenario;
        for json in [
            "{}",
            r#"{"formulation":"esketamine","doseMgPerKg":31.7,"sessionHours":100}"#,
            r#"{"doseMgPerKg":1.4,"sessionHours":4,"sessions":10,"boosters":4,"boosterEveryDays":30}"#,
            r#"{"route":"sublingual","doseMgPerKg":1,"sessions":5,"condition":"mixedChronic"}"#,
            r#"{"route":"oral","doseMgPerKg":0.5,"maintenanceEveryHours":6,"maintenanceUntilDay":120,"condition":"neuropathic"}"#,
            r#"{"route":"intranasal","doseMgPerKg":1,"sessions":3,"maintenanceEveryHours":24}"#,
            r#"{"route":"subcutaneousInfusion","doseMgPerKg":30,"sessionHours":100}"#,
        ] {
            let s = Scenario::from_json(json).unwrap();
            let r = Regimen::new(&s);
            let single = SingleDose::tabulate(&r.dose_curve);
            let people = People::simulate(&s, &r, &single);
            let days = sample_days(&r);
            let curve = relief_curve(&r, &people, days.clone());
            for (j, &t) in days.iter().enumerate() {
                let unit = r.unit_concentration(t);
                let dose = r.doses.iter().filter(|d| d.start_days < t).count();
                let mut hist = [[0_u8; HIST]; LANES];
                for (idx, p) in people.curve.iter().enumerate() {
                    let gain = p.ln_fast_gain.exp() * unit;
                    let fast = 100.0 * gain / (1.0 + gain);
                    let responds = people.responds[idx];
                    let slow = match dose.checked_sub(1) {
                        Some(i) if responds => {
                            let since = t - r.doses[i].start_days;
                            let ce = if since < r.feed_days {
                                let c0 = people.ce_start_at(&r, i, idx);
                                p.feed_level - (p.feed_level - c0) * (-p.slow_rate * since).exp()
                            } else {
                                let c1 = people.ce_end_at(&r, i, idx);
                                c1 * (-p.slow_rate * (since - r.feed_days)).exp()
                            };
                            slow_relief(ce, p.ln_slow_ec50.exp())
                        }
                        _ => 0.0,
                    };
                    let lasting = t >= p.chronic.start && t <= p.chronic.end;
                    let chronic = if lasting { p.chronic.relief } else { 0.0 };
                    let relief = fast.max(slow).max(chronic);
                    hist[0][(relief + 0.5) as usize] += 1;
                }
                let direct = percentiles_of_bins(&hist);
                for (a, b) in [
                    (curve.p10[j], direct.p10),
                    (curve.p50[j], direct.p50),
                    (curve.p90[j], direct.p90),
                ] {
                    assert!((a - b).abs() <= 1.0, "{json} at day {t}: {a} vs {b}");
                }
            }
        }
    }
}
