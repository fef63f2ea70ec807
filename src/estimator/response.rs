//! The effect model, person by person: a fast (acute) effect on plasma concentration, a slow
//! (sub-acute) effect compartment (`pd-dahan`), and durable (chronic) relief. Every time here is
//! computed in closed form from the dose schedule; nothing is found by dense sampling.

use std::f64::consts::LN_2;
use std::sync::OnceLock;

use super::params::{
    chronic_max_share, ec50_multiplier, slow_responder_share, CHRONIC_HALF_EXPOSURE, CHRONIC_HILL,
    CHRONIC_MEDIAN_DAYS, CHRONIC_RELIEF_RANGE, CHRONIC_SIGMA, CLEARANCE_SIGMA, EMAX,
    FAST_EC50_NG_ML, FAST_EC50_SIGMA, RELIEF_THRESHOLD, SLOW_EC50_NG_ML, SLOW_EC50_SIGMA,
    SLOW_HALF_LIFE_DAYS, SLOW_HALF_LIFE_SIGMA, SLOW_HILL,
};
use super::pk::{Disposition, DoseCurve, Input};
use super::population::{draws, Draw, SIZE};
use super::regimen::Regimen;
use super::scenario::Scenario;

/// Concentration at which an Emax effect with this EC50 gives the 30% relief threshold.
fn threshold_concentration(ec50: f64) -> f64 {
    ec50 * RELIEF_THRESHOLD / (EMAX - RELIEF_THRESHOLD)
}

/// Logit of a relief percentage, `ln(100/r - 1)`: relief `r = 100 / (1 + e^x)`. Every effect in
/// this model is a logistic function of a log-concentration, so its logit is linear in logs.
pub(crate) fn logit(relief: f64) -> f64 {
    (EMAX / relief - 1.0).ln()
}

/// Emax relief (percent) at concentration `c`.
#[inline(always)]
pub(crate) fn emax(c: f64, ec50: f64) -> f64 {
    EMAX * c / (c + ec50)
}

/// Slow-effect relief (percent): a sigmoid Emax model, `100 / (1 + (EC50 / Ce)^SLOW_HILL)`.
pub(crate) fn slow_relief(ce: f64, ec50: f64) -> f64 {
    if ce > 0.0 {
        EMAX / (1.0 + (SLOW_HILL * (ec50 / ce).ln()).exp())
    } else {
        0.0
    }
}

/// Effect-site concentration at which the slow effect gives the 30% relief threshold, per unit of
/// EC50.
fn slow_threshold_per_ec50() -> f64 {
    ((RELIEF_THRESHOLD / (EMAX - RELIEF_THRESHOLD)).ln() / SLOW_HILL).exp()
}

/// One dose's typical concentration curve per mg/kg absorbed, tabulated once per estimate so each
/// person's onset and offset are found by binary search instead of by solving exponentials.
#[derive(Clone, Debug)]
pub(crate) struct SingleDose {
    hours: Vec<f64>,
    conc: Vec<f64>,
    peak: usize,
}

impl SingleDose {
    #[inline(never)]
    pub(crate) fn tabulate(curve: &DoseCurve) -> SingleDose {
        let geometric = |from: f64, to: f64, n: usize| {
            let ratio = ((to / from).ln() / (n - 1) as f64).exp();
            std::iter::successors(Some(from), move |t| Some(t * ratio)).take(n)
        };
        let mut hours: Vec<f64> = match curve.input {
            Input::Infusion { hours } => geometric(1.0 / 120.0, hours, 24)
                .chain(geometric(1.0 / 120.0, 72.0, 40).map(|t| hours + t))
                .collect(),
            Input::Absorption { .. } => geometric(1.0 / 120.0, 72.0, 64).collect(),
        };
        hours.dedup_by(|a, b| *a <= *b);
        let conc: Vec<f64> = hours.iter().map(|&t| curve.at(t)).collect();
        let peak = conc
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or(0, |(i, _)| i);
        SingleDose { hours, conc, peak }
    }

    /// Highest concentration (per mg/kg absorbed).
    pub(crate) fn peak_conc(&self) -> f64 {
        self.conc[self.peak]
    }

    /// First and last time (hours after the dose's start) at which the curve is at least `level`,
    /// or `None` if it never is.
    pub(crate) fn crossings(&self, level: f64) -> Option<(f64, f64)> {
        if self.peak_conc() < level {
            return None;
        }
        let interp = |i: usize| {
            // Between points i-1 and i, linearly.
            let (t0, t1, c0, c1) = (
                self.hours[i - 1],
                self.hours[i],
                self.conc[i - 1],
                self.conc[i],
            );
            if (c1 - c0).abs() < f64::MIN_POSITIVE {
                t0
            } else {
                t0 + (level - c0) / (c1 - c0) * (t1 - t0)
            }
        };
        let rise = &self.conc[..=self.peak];
        let up = rise.partition_point(|&c| c < level);
        let on = if up == 0 { 0.0 } else { interp(up) };
        let fall = &self.conc[self.peak..];
        let down = self.peak + fall.partition_point(|&c| c >= level);
        let off = if down >= self.conc.len() {
            self.hours[self.conc.len() - 1]
        } else {
            interp(down)
        };
        Some((on, off))
    }
}

/// A span of one person's relief, days, with its level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Span {
    pub start: f64,
    pub end: f64,
    pub relief: f64,
}

/// What happens to one person.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Outcome {
    /// Fast relief >= 30% from the first session's onset to the offset after the series' last.
    pub acute: Option<Span>,
    /// Slow relief >= 30% beyond the acute phase.
    pub sub_acute: Option<Span>,
    /// Durable relief, taking over when pharmacological relief ends.
    pub chronic: Option<Span>,
    /// Last time relief is at least 30%, days (never before the end of the last dose).
    pub relief_end: f64,
}

/// What the relief curve needs to know about one person.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CurveParams {
    /// Slow effect rate, per day.
    pub slow_rate: f64,
    /// Average plasma level while a dose feeds the slow effect, ng/mL (IV only; else 0).
    pub feed_level: f64,
    /// Durable relief window and level (`start > end` when not reached).
    pub chronic: Span,
    /// `ln(plasma_scale / fast_ec50)`: the fast effect's logit is `-ln(unit) - ln_fast_gain`.
    pub ln_fast_gain: f64,
    /// `SLOW_HILL x` slow rate: the slow effect's logit grows by this per day while it decays.
    pub slow_logit_rate: f64,
    /// `ln(slow EC50)`.
    pub ln_slow_ec50: f64,
    /// Logit of the durable relief level.
    pub chronic_logit: f64,
}

/// One person's slow effect site over a maintenance schedule, in closed form. Every maintenance
/// dose is an impulse `rise` after a decay `d = e^(-k tau)` over the interval `tau`, so just
/// after maintenance dose `m` (from 0) the level is `Ce(m) = s + (a - s) d^m`, with `a` the level
/// after the first and `s = rise / (1 - d)` the steady state the schedule tends to: the level
/// moves monotonically towards `s`, and each crossing of a level is a logarithm.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Periodic {
    /// Level just after the first maintenance dose.
    pub a: f64,
    /// The schedule's steady-state level just after a dose.
    pub s: f64,
    /// `ln d = -k tau` (negative).
    pub ln_d: f64,
}

impl Periodic {
    /// The level just after maintenance dose `m`.
    pub(crate) fn ce(&self, m: usize) -> f64 {
        self.s + (self.a - self.s) * (self.ln_d * m as f64).exp()
    }

    /// The first of `count` doses after which the level is at least `level`.
    fn first_at_least(&self, level: f64, count: usize) -> Option<usize> {
        if count == 0 || self.s.max(self.a) < level {
            return None;
        }
        let mut m = if self.a >= level {
            0
        } else {
            // a < level <= s: d^m <= (s - level) / (s - a).
            let x = ((self.s - level) / (self.s - self.a)).ln() / self.ln_d;
            (x.ceil().max(0.0) as usize).min(count)
        };
        // The logarithm is exact to rounding: settle on the boundary.
        while m > 0 && self.ce(m - 1) >= level {
            m -= 1;
        }
        while m < count && self.ce(m) < level {
            m += 1;
        }
        (m < count).then_some(m)
    }

    /// The last of `count` doses after which the level is at least `level`.
    fn last_at_least(&self, level: f64, count: usize) -> Option<usize> {
        let last = count.checked_sub(1)?;
        if self.ce(last) >= level {
            return Some(last);
        }
        if self.a < level {
            return None;
        }
        // s < level <= a, falling: d^m >= (level - s) / (a - s).
        let x = ((level - self.s) / (self.a - self.s)).ln() / self.ln_d;
        let mut m = (x.floor().max(0.0) as usize).min(last);
        while m < last && self.ce(m + 1) >= level {
            m += 1;
        }
        while m > 0 && self.ce(m) < level {
            m -= 1;
        }
        (self.ce(m) >= level).then_some(m)
    }
}

/// The population under one scenario.
#[derive(Clone, Debug)]
pub(crate) struct People {
    /// Per-person parameters for the relief curve.
    pub curve: Vec<CurveParams>,
    /// Each person's slow effect site over the maintenance schedule (default without one).
    pub periodic: Vec<Periodic>,
    /// Whether each person responds to the slow effect.
    pub responds: Vec<bool>,
    /// Slow effect-site concentration at each walked dose's feed start (series and boosters;
    /// maintenance doses are in `periodic`), `[dose * SIZE + person]`.
    pub ce_start: Vec<f64>,
    /// ... and at each dose's feed end.
    pub ce_end: Vec<f64>,
    /// Highest effect-site concentration of each person (at some dose's feed end).
    ce_peak: Vec<f64>,
    /// Logit of slow relief at each dose's feed end, `ln(100/relief - 1) = h ln(EC50/Ce)`
    /// (infinite for no relief), same layout.
    pub logit_end: Vec<f64>,
    /// Each person's outcome.
    pub outcomes: Vec<Outcome>,
}

impl People {
    /// Simulates every person for the scenario.
    #[inline(never)]
    pub(crate) fn simulate(s: &Scenario, r: &Regimen, single: &SingleDose) -> People {
        let sensitivity = ec50_multiplier(s.pain_sensitivity());
        let logs = Logs {
            dose: (r.dose_mg_per_kg * r.potency / r.clearance).ln(),
            bioavailability: r.kinetics.bioavailability.ln(),
            sensitivity,
            fast_ec50: (FAST_EC50_NG_ML * sensitivity).ln(),
            slow_ec50: (SLOW_EC50_NG_ML * sensitivity).ln(),
        };
        let traits: Vec<Traits> = draws()
            .iter()
            .zip(fixed())
            .map(|(d, f)| Traits::new(s, r, d, f, &logs))
            .collect();
        let mut p = People {
            curve: Vec::with_capacity(SIZE),
            periodic: vec![Periodic::default(); SIZE],
            responds: traits.iter().map(|t| t.responds).collect(),
            ce_start: Vec::new(),
            ce_end: Vec::new(),
            ce_peak: vec![0.0; SIZE],
            logit_end: Vec::new(),
            outcomes: Vec::with_capacity(SIZE),
        };
        p.walk_doses(r, &traits);
        let chronic_max = chronic_max_share(s.condition());
        let slow_threshold = slow_threshold_per_ec50();
        let half_exposure_h = (CHRONIC_HILL * CHRONIC_HALF_EXPOSURE.ln()).exp();
        let k_typical = LN_2 / SLOW_HALF_LIFE_DAYS;
        // The series' exposure, area x series x k / slow EC50, is
        // `e^(ln(scale) + ln_exposure - ln(slow EC50))`.
        let ln_exposure = (auc_per_scale() * r.series as f64 * k_typical).ln();
        let n_doses = r.doses.len();
        for (idx, ((t, d), f)) in traits.iter().zip(draws()).zip(fixed()).enumerate() {
            // Fast effect: onset in the first dose, offset after the last series dose and after
            // the last dose overall.
            let fast = single.crossings(threshold_concentration(t.fast_ec50) / t.scale);
            let first = r.doses[0].start_days;
            let last_series = r.doses[r.series - 1].start_days;
            let last = r.doses[n_doses - 1].start_days;
            let acute = fast.map(|(on, off)| Span {
                start: first + on / 24.0,
                end: last_series + off / 24.0,
                relief: emax(single.peak_conc() * t.scale, t.fast_ec50),
            });
            let fast_end = fast.map_or(0.0, |(_, off)| last + off / 24.0);

            // Slow effect >= 30%, beyond the acute phase.
            let slow = if t.responds {
                slow_span(&p, r, idx, t.ec50 * slow_threshold, t)
            } else {
                None
            };
            // The highest effect-site level over the doses, from `walk_doses`.
            let slow_peak = p.ce_peak[idx];
            let sub_acute = slow.and_then(|(on, off)| {
                let start = acute.map_or(on, |a| on.max(a.end));
                let relief = slow_relief(slow_peak, t.ec50);
                (off > start).then_some(Span {
                    start,
                    end: off,
                    relief,
                })
            });

            // Durable relief: reached with a probability rising with series exposure; takes over
            // when the series' pharmacological relief ends.
            let xh = (CHRONIC_HILL * (t.ln_scale + ln_exposure - t.ln_ec50)).exp();
            let probability = chronic_max * xh / (xh + half_exposure_h);
            let series_end = r.feed_end(r.series - 1).max(r.doses[r.series - 1].end_days);
            let handoff = sub_acute
                .map(|s| s.end)
                .or(acute.map(|a| a.end))
                .unwrap_or(series_end)
                .max(series_end);
            let (lo, hi) = CHRONIC_RELIEF_RANGE;
            let chronic = (d.u_chronic < probability).then_some(Span {
                start: handoff,
                end: handoff + f.chronic_days,
                relief: lo + (hi - lo) * d.u_chronic_level,
            });

            let relief_end = r
                .last_walked_end()
                .max(fast_end)
                .max(slow.map_or(0.0, |(_, off)| off))
                .max(chronic.map_or(0.0, |c| c.end));

            p.curve.push(CurveParams {
                slow_rate: t.k,
                feed_level: t.feed_level,
                chronic: chronic.unwrap_or(Span {
                    start: 1.0,
                    end: 0.0,
                    relief: 0.0,
                }),
                ln_fast_gain: t.ln_fast_gain,
                slow_logit_rate: SLOW_HILL * t.k,
                ln_slow_ec50: t.ln_ec50,
                chronic_logit: chronic.map_or(f64::INFINITY, |c| logit(c.relief)),
            });
            p.outcomes.push(Outcome {
                acute,
                sub_acute,
                chronic,
                relief_end,
            });
        }
        p
    }

    /// The slow effect site after walked dose `i` (or maintenance dose `i - walked`) of person
    /// `idx`, at the end of its feed.
    #[cfg(test)]
    pub(crate) fn ce_end_at(&self, r: &Regimen, i: usize, idx: usize) -> f64 {
        if i < r.walked {
            self.ce_end[i * SIZE + idx]
        } else {
            self.periodic[idx].ce(i - r.walked)
        }
    }

    /// ... and at the start of its feed (a maintenance dose adds `s (1 - d)`).
    #[cfg(test)]
    pub(crate) fn ce_start_at(&self, r: &Regimen, i: usize, idx: usize) -> f64 {
        if i < r.walked {
            self.ce_start[i * SIZE + idx]
        } else {
            let p = &self.periodic[idx];
            p.ce(i - r.walked) + p.s * p.ln_d.exp_m1()
        }
    }

    /// The slow effect site, dose by dose for everyone at once (`pd-dahan` effect compartment):
    /// during a feed `Ce' = k (level - Ce)`, between feeds `Ce' = -k Ce`; an impulse adds
    /// `k AUC`. Then each person's maintenance schedule in closed form ([`Periodic`]).
    fn walk_doses(&mut self, r: &Regimen, traits: &[Traits]) {
        let n = r.walked;
        self.ce_start = vec![0.0; n * SIZE];
        self.ce_end = vec![0.0; n * SIZE];
        self.logit_end = vec![f64::INFINITY; n * SIZE];
        for i in 0..n {
            let range = i * SIZE..(i + 1) * SIZE;
            if i > 0 {
                let previous = &self.ce_end[(i - 1) * SIZE..i * SIZE];
                let starts = &mut self.ce_start[range.clone()];
                let booster = i >= r.series;
                for ((start, &end), t) in starts.iter_mut().zip(previous).zip(traits) {
                    *start = end
                        * if booster {
                            t.booster_decay
                        } else {
                            t.series_decay
                        };
                }
            }
            let starts = &self.ce_start[range.clone()];
            let ends = &mut self.ce_end[range.clone()];
            let logits = &mut self.logit_end[range];
            let peaks = self.ce_peak.iter_mut();
            for ((((end, logit), &start), t), peak) in ends
                .iter_mut()
                .zip(logits)
                .zip(starts)
                .zip(traits)
                .zip(peaks)
            {
                *end = start * t.hold + t.rise;
                if *end > *peak {
                    *peak = *end;
                }
                if t.responds && *end > 0.0 {
                    *logit = SLOW_HILL * (t.ec50 / *end).ln();
                }
            }
        }
        let count = r.maintenance_count();
        if count == 0 {
            return;
        }
        // Maintenance doses are impulses (absorbed routes only): no feed.
        let last = &self.ce_end[(n - 1) * SIZE..n * SIZE];
        for (((periodic, peak), &end), t) in self
            .periodic
            .iter_mut()
            .zip(&mut self.ce_peak)
            .zip(last)
            .zip(traits)
        {
            let ln_d = -t.k * r.maintenance_interval;
            let d = ln_d.exp();
            let rise = t.rise;
            *periodic = Periodic {
                a: end * d + rise,
                // `rise / (1 - d)`, precise for short intervals.
                s: rise / -ln_d.exp_m1(),
                ln_d,
            };
            *peak = peak.max(periodic.a).max(periodic.ce(count - 1));
        }
    }
}

/// One person's parameters under the scenario.
#[derive(Clone, Copy, Debug)]
struct Traits {
    /// Concentration per unit of the typical unit curve (dose x F x potency / clearance).
    scale: f64,
    /// `ln(scale)`, `ln(scale / fast EC50)` and `ln(slow EC50)`.
    ln_scale: f64,
    ln_fast_gain: f64,
    ln_ec50: f64,
    /// Fast EC50, racemic-equivalent ng/mL.
    fast_ec50: f64,
    /// Slow EC50, racemic-equivalent ng/mL.
    ec50: f64,
    /// Whether the person's pain responds to the slow effect.
    responds: bool,
    /// Slow effect rate, per day.
    k: f64,
    /// Average plasma level while a dose feeds the slow effect, ng/mL (0 for impulses).
    feed_level: f64,
    /// Effect-site factor over one feed (`e^{-kL}`) and what the feed adds.
    hold: f64,
    rise: f64,
    /// Decay between the end of one dose's feed and the next dose, in the series and between
    /// boosters.
    series_decay: f64,
    booster_decay: f64,
}

/// Area under the plasma curve of one dose, ng.day/mL, per unit of a person's scale.
fn auc_per_scale() -> f64 {
    1000.0 / Disposition::clearance_l_per_kg_h() / 24.0
}

/// Logarithms shared by everyone under one scenario, so that each person's are sums.
struct Logs {
    /// `ln(dose x potency / clearance multiplier)`.
    dose: f64,
    /// Of the route's typical bioavailability.
    bioavailability: f64,
    /// The pain sensitivity's EC50 multiplier (not a logarithm).
    sensitivity: f64,
    /// Of the typical fast and slow EC50s, with the pain sensitivity.
    fast_ec50: f64,
    slow_ec50: f64,
}

/// What of a person no scenario changes, worked out once.
#[derive(Clone, Copy, Debug)]
struct Fixed {
    /// Slow effect rate, per day.
    k: f64,
    /// Fast and slow EC50 multipliers.
    fast_ec50: f64,
    slow_ec50: f64,
    /// Length of durable relief, days.
    chronic_days: f64,
}

/// Each person's [`Fixed`] part, computed once.
fn fixed() -> &'static [Fixed; SIZE] {
    static FIXED: OnceLock<[Fixed; SIZE]> = OnceLock::new();
    FIXED.get_or_init(|| {
        std::array::from_fn(|i| {
            let d = &draws()[i];
            Fixed {
                k: LN_2 / (SLOW_HALF_LIFE_DAYS * (SLOW_HALF_LIFE_SIGMA * d.z_slow_half_life).exp()),
                fast_ec50: (FAST_EC50_SIGMA * d.z_fast_ec50).exp(),
                slow_ec50: (SLOW_EC50_SIGMA * d.z_slow_ec50).exp(),
                chronic_days: CHRONIC_MEDIAN_DAYS * (CHRONIC_SIGMA * d.z_chronic_days).exp(),
            }
        })
    })
}

impl Traits {
    fn new(s: &Scenario, r: &Regimen, d: &Draw, fixed: &Fixed, logs: &Logs) -> Traits {
        let sensitivity = logs.sensitivity;
        let spread = r.kinetics.bioavailability_sigma * d.z_bioavailability;
        // The person's scale, computed once, in logs: dose x potency / clearance x bioavailability
        // (at most 1: `ln` at most 0).
        let ln_scale =
            logs.dose + (logs.bioavailability + spread).min(0.0) - CLEARANCE_SIGMA * d.z_clearance;
        let scale = ln_scale.exp();
        let k = fixed.k;
        let auc = scale * auc_per_scale();
        let feed = r.feed_days;
        let feed_level = if feed > 0.0 { auc / feed } else { 0.0 };
        let decay = |interval: f64| (-k * (interval - feed).max(0.0)).exp();
        // `e^{-kL} - 1`, precise for short feeds; `hold` follows from it without another `exp`.
        let lost = (-k * feed).exp_m1();
        Traits {
            scale,
            ln_scale,
            ln_fast_gain: ln_scale - logs.fast_ec50 - FAST_EC50_SIGMA * d.z_fast_ec50,
            ln_ec50: logs.slow_ec50 + SLOW_EC50_SIGMA * d.z_slow_ec50,
            fast_ec50: FAST_EC50_NG_ML * sensitivity * fixed.fast_ec50,
            ec50: SLOW_EC50_NG_ML * sensitivity * fixed.slow_ec50,
            responds: d.u_responder < slow_responder_share(s.condition()),
            k,
            feed_level,
            hold: 1.0 + lost,
            rise: if feed > 0.0 {
                feed_level * -lost
            } else {
                auc * k
            },
            series_decay: decay(r.series_interval),
            booster_decay: decay(r.booster_interval),
        }
    }
}

/// First and last time the person's slow effect is at least `level` (closed form per walked
/// dose, and over the maintenance schedule as a whole).
fn slow_span(p: &People, r: &Regimen, idx: usize, level: f64, t: &Traits) -> Option<(f64, f64)> {
    let (k, feed_level) = (t.k, t.feed_level);
    let (n, walked, count) = (r.doses.len(), r.walked, r.maintenance_count());
    let at = |v: &Vec<f64>, i: usize| v[i * SIZE + idx];
    let periodic = &p.periodic[idx];
    let on = match (0..walked).find(|&i| at(&p.ce_end, i) >= level) {
        Some(first) => {
            let start_ce = at(&p.ce_start, first);
            if start_ce >= level || r.feed_days <= 0.0 {
                r.doses[first].start_days
            } else {
                // Rising during an infusion: Ce = L - (L - Ce0) e^{-k t}.
                let t = ((feed_level - start_ce) / (feed_level - level)).ln() / k;
                r.doses[first].start_days + t.max(0.0).min(r.feed_days)
            }
        }
        // Maintenance doses are impulses: relief starts with the dose.
        None => r.doses[walked + periodic.first_at_least(level, count)?].start_days,
    };
    let (last, ce_last) = match periodic.last_at_least(level, count) {
        Some(m) => (walked + m, periodic.ce(m)),
        None => {
            let last = (0..walked).rev().find(|&i| at(&p.ce_end, i) >= level)?;
            (last, at(&p.ce_end, last))
        }
    };
    let mut off = r.feed_end(last) + (ce_last / level).ln() / k;
    if last + 1 < n {
        off = off.min(r.doses[last + 1].start_days.max(r.feed_end(last)));
    }
    Some((on, off))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simulate(json: &str) -> People {
        let s = Scenario::from_json(json).unwrap();
        let r = Regimen::new(&s);
        let single = SingleDose::tabulate(&r.dose_curve);
        People::simulate(&s, &r, &single)
    }

    #[test]
    fn some_people_go_from_acute_straight_to_chronic() {
        let people = simulate(r#"{"doseMgPerKg": 1.4, "sessionHours": 4, "sessions": 10}"#);
        let direct = people
            .outcomes
            .iter()
            .filter(|o| o.acute.is_some() && o.sub_acute.is_none() && o.chronic.is_some())
            .count();
        let via_sub_acute = people
            .outcomes
            .iter()
            .filter(|o| o.sub_acute.is_some() && o.chronic.is_some())
            .count();
        assert!(
            direct > 0 && via_sub_acute > direct,
            "{direct} direct, {via_sub_acute} via"
        );
    }

    #[test]
    fn each_person_phases_follow_each_other() {
        let people =
            simulate(r#"{"formulation": "esketamine", "doseMgPerKg": 31.7, "sessionHours": 100}"#);
        for o in &people.outcomes {
            let spans = [o.acute, o.sub_acute, o.chronic];
            for s in spans.iter().flatten() {
                assert!(
                    s.start <= s.end && (0.0..=100.0).contains(&s.relief),
                    "{o:?}"
                );
            }
            if let (Some(a), Some(s)) = (o.acute, o.sub_acute) {
                assert!(a.end <= s.start, "{o:?}");
            }
            let last = spans.iter().flatten().map(|s| s.end).fold(0.0, f64::max);
            assert!(o.relief_end >= last - 1e-9, "{o:?}");
        }
    }

    #[test]
    fn the_periodic_closed_form_matches_walking_dose_by_dose() {
        let s = Scenario::from_json(
            r#"{"route": "oral", "doseMgPerKg": 0.5, "sessions": 3, "maintenanceEveryHours": 8,
                "maintenanceUntilDay": 120}"#,
        )
        .unwrap();
        let r = Regimen::new(&s);
        let single = SingleDose::tabulate(&r.dose_curve);
        let people = People::simulate(&s, &r, &single);
        assert_eq!(r.walked, 3);
        assert!(r.maintenance_count() > 300);
        let draws = draws();
        for idx in (0..SIZE).step_by(7) {
            let d = &draws[idx];
            let f = &fixed()[idx];
            let logs = Logs {
                dose: (r.dose_mg_per_kg * r.potency / r.clearance).ln(),
                bioavailability: r.kinetics.bioavailability.ln(),
                sensitivity: 1.0,
                fast_ec50: FAST_EC50_NG_ML.ln(),
                slow_ec50: SLOW_EC50_NG_ML.ln(),
            };
            let t = Traits::new(&s, &r, d, f, &logs);
            // Walk: decay between doses, an impulse at each.
            let mut ce = people.ce_end[(r.walked - 1) * SIZE + idx];
            for i in r.walked..r.doses.len() {
                let gap = r.doses[i].start_days - r.doses[i - 1].start_days;
                ce = ce * (-t.k * gap).exp() + t.rise;
                let closed = people.ce_end_at(&r, i, idx);
                assert!(
                    (closed / ce - 1.0).abs() < 1e-9,
                    "{idx} dose {i}: {closed} vs {ce}"
                );
            }
            // Crossings agree with a search.
            let count = r.maintenance_count();
            let p = &people.periodic[idx];
            for level in [p.a * 0.5, p.a, p.s, (p.a + p.s) / 2.0, p.s * 1.01] {
                let first = (0..count).find(|&m| p.ce(m) >= level);
                let last = (0..count).rev().find(|&m| p.ce(m) >= level);
                assert_eq!(p.first_at_least(level, count), first, "{idx} {level}");
                assert_eq!(p.last_at_least(level, count), last, "{idx} {level}");
            }
        }
    }

    #[test]
    fn single_dose_crossings_bracket_the_peak() {
        let d = Disposition::clements();
        let single = SingleDose::tabulate(&d.dose_curve(Input::Infusion { hours: 0.5 }));
        let (on, off) = single.crossings(single.peak_conc() / 2.0).unwrap();
        assert!(on < 0.5 && off > 0.5, "{on} {off}");
        assert!(single.crossings(single.peak_conc() * 1.01).is_none());
    }
}
