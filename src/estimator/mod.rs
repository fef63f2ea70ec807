//! The estimator: a reader's scenario in, a timeline of ketamine pain relief out.
//!
//! Pure Rust: nothing here knows about browsers. Deterministic: the same scenario always gives
//! the same timeline. Source ids refer to `shared/evidence.md`; every number lives in
//! `params.rs` next to its id, and *assumption* marks numbers no source gives.
//!
//! # The model
//!
//! **Doses.** Session `i` of the series starts at `i * sessionIntervalDays`; booster `j` at
//! `boosterEveryDays * j` after the last session's start. An IV session lasts `sessionHours`
//! (a push under 5 minutes counts as 5 minutes, *assumption*); other routes are single doses.
//!
//! **Plasma (acute phase).** Domino's three-compartment model (`pk-domino`; half-lives about
//! 0.4 / 4.6 / 115 min, clearance V1 k10 = 1.66 L/kg/h, inside the 0.9-1.7 L/kg/h spread of
//! `pk-kamp` and other sources) in closed form: after a unit bolus `C(t) = sum_i a_i e^(-l_i t)`;
//! an infusion of length `L` integrates it, an absorbed dose convolves it with
//! `F ka e^(-ka t)`. Bioavailability `F` and Tmax per route: IM 0.93, 15 min (`pk-im`);
//! subcutaneous as IM (`pk-sc` has none, *assumption*), 30 min; intranasal 0.22 with spread
//! 11-45% (`pk-yanagihara`, `pk-nasal-low`), 18 min; sublingual 0.30, 45 min (`pk-rolan`,
//! `pk-chong`); oral 0.20 (esketamine 0.08, `pk-fanta`), 1 h (`pk-chong`). `ka` reproduces Tmax
//! with the label's 2.5-h elimination half-life (`pk-label`). Esketamine counts double
//! (`pk-esket`): effects use racemic-equivalent concentration `potency x C`. A person's
//! concentration is the typical curve times `F_p / CL_p` (exposure scales with bioavailability and
//! inversely with clearance; the curve's shape is kept, *assumption*).
//!
//! **Fast effect.** `E_fast = 100 C / (C + EC50_fast)`, `EC50_fast` = 90 ng/mL racemic
//! (*assumption calibrated* to `acute-motov` and `pd-noppers`).
//!
//! **Slow effect (sub-acute phase).** An effect compartment `dCe/dt = k (C - Ce)` with
//! `t1/2 = ln2/k = 10.9 d` (`pd-dahan`) and `E_slow = 100 Ce / (Ce + EC50_slow)`,
//! `EC50_slow` = 10.5 ng/mL S-ketamine (`pd-dahan`) = 21 ng/mL racemic (`pk-esket`). Plasma
//! kinetics take hours against a half-life of days, so each dose feeds the compartment with its
//! area `AUC = F dose / CL` spread evenly over the infusion (level `AUC/L`), or as an impulse
//! `Ce += k AUC` for absorbed routes; between doses `Ce` decays as `e^(-k t)`. All of it is closed
//! form, dose by dose. Only a condition-specific share of people respond to it (CRPS 0.75,
//! calibrated to 67% responders in `pd-dahan`; neuropathic 0.6, mixed 0.5, fibromyalgia 0.2
//! from `pd-noppers`, `mixed-orhurhu`, `mixed-tankha`, `mixed-corriger`; *assumptions*).
//!
//! **Durable relief (chronic phase).** With probability
//! `P = Pmax x X^1.5 / (X^1.5 + 2^1.5)`, where `X = k_typical x AUC_series / EC50_slow` is the
//! series' exposure relative to the person's EC50, a person gets durable relief of 35-70% that
//! takes over when the series' pharmacological relief ends and lasts a log-normal time (median
//! 120 days, sigma 0.9). `Pmax` is 0.5 for CRPS (open-label 54-65% in `crps-correll`,
//! `crps-kiefer`, discounted toward `crps-sigtermans` and `crps-goebel`), 0.3 neuropathic, 0.25
//! mixed, 0.1 fibromyalgia (*calibrated assumptions*). It does not need the slow effect, so some
//! people go from the acute phase straight to the chronic one.
//!
//! **Relief** at any time is the largest of the three effects (the strongest mechanism
//! dominates, *assumption*), clamped to 0-100%. "Relief" means at least 30% less pain (IMMPACT).
//!
//! **Individual variability** comes from a deterministic population of 128 people drawn from
//! a quasi-random R_d sequence: clearance (sigma 0.25, *assumption* sized to `pk-kamp`) times
//! metabolism (slow 0.7x, fast 1.4x, *assumption*), bioavailability (route spread), fast EC50
//! (sigma 0.6, *assumption*), slow EC50 (sigma 0.61 from 4.4-21.2 ng/mL, `pd-dahan`), slow
//! half-life (sigma 0.37 from 10.9 +/- 4.0 d, `pd-dahan`), pain sensitivity scaling both EC50s
//! (low 0.75x, high 1.35x, *assumption*), responder and durable-relief draws.
//!
//! **Outputs.** `reliefEndDays` are percentiles of each person's last time at or above 30%
//! relief, never before the end of the last dose (which is where people who never reach 30%
//! end); times past the horizon are reported as the horizon. Phases: *acute* is fast relief
//! >= 30% from the first dose's onset to its offset after the series' last dose; *sub-acute* is
//! slow relief >= 30% lasting beyond the acute phase (it starts when the acute phase ends, or when
//! the slow effect reaches 30% if later); *chronic* is durable relief. Side effects are expected
//! from each dose's start until 2.5 h (one elimination half-life, `pk-label`) after its peak.
//!
//! # Input bounds
//!
//! Doses: at least 0.05 mg/kg. IV infusions: rate `dose / sessionHours` from 0.04 mg/kg/h
//! (`crps-mangnus`) to 7 mg/kg/h (`crps-kiefer`), sessions up to 168 h (`crps-mangnus`).
//! IM and subcutaneous up to 1 mg/kg, intranasal, sublingual and oral up to 3 mg/kg
//! (*assumption*: about 1 mg/kg absorbed at most). Sessions 1-30, 1-60 days apart; boosters 0-36,
//! 3-120 days apart (`boost-gupta`); horizon 7-1095 days.

mod curve;
mod error;
mod evidence;
mod params;
mod phases;
mod pk;
mod population;
mod regimen;
mod response;
mod scenario;
mod summary;
mod timeline;
mod warnings;

pub use error::ScenarioError;
pub use evidence::SOURCES;
pub use scenario::{
    Condition, Days, DoseMgPerKg, Formulation, Hours, Metabolism, PainSensitivity, Route,
    Scenario, ScenarioInput,
};
pub use summary::human_duration;
pub use timeline::{
    Band, Concentration, Dose, Percentiles, Phase, PhaseKind, Phases, ReliefCurve, Source,
    Timeline, Warning, Window,
};

use params::SIDE_EFFECT_TAIL_H;
use regimen::Regimen;
use response::{People, SingleDose};

/// Estimates the timeline for a validated scenario. Deterministic: the same scenario always gives
/// the same timeline.
pub fn estimate(scenario: &Scenario) -> Timeline {
    let r = Regimen::new(scenario);
    let horizon = r.horizon;
    let single = SingleDose::tabulate(&r.disposition, r.input);
    let people = People::simulate(scenario, &r, &single);

    let mut ends: Vec<f64> = people.outcomes.iter().map(|o| o.relief_end.min(horizon)).collect();
    let relief_end_days = curve::percentiles(&mut ends);
    let phases = phases::phases(&people.outcomes, horizon);
    let relief = curve::relief_curve(&r, &people, curve::sample_days(&r));

    let shown: Vec<Dose> = r.doses.iter().copied().filter(|d| d.start_days < horizon).collect();
    let side_effect_windows = side_effect_windows(&shown, r.peak_hours, horizon);
    let chronic_probability = phases.chronic.probability;
    let series = r.series;
    let mut t = Timeline {
        horizon_days: horizon,
        phases,
        relief,
        relief_end_days,
        concentration: curve::concentration(&r),
        boosters: shown.iter().filter(|d| d.booster).map(|d| d.start_days).collect(),
        side_effect_windows,
        summary: Vec::new(),
        warnings: warnings::warnings(scenario, chronic_probability, r.doses.len() - shown.len()),
        sources: evidence::cite(&warnings::source_ids(scenario, chronic_probability)),
        doses: shown,
    };
    let dose_word = if scenario.route().is_bolus() { "dose" } else { "infusion" };
    let wording = summary::Wording {
        dose_word,
        after: match (series > 1, scenario.route().is_bolus()) {
            (true, _) => "the series",
            (false, true) => "the dose",
            (false, false) => "the infusion",
        },
        series_end: r.doses[series - 1].end_days,
        reached: people
            .outcomes
            .iter()
            .filter(|o| o.acute.is_some() || o.sub_acute.is_some() || o.chronic.is_some())
            .count() as f64
            / people.outcomes.len() as f64,
        boosters: scenario.boosters() > 0,
    };
    t.summary = summary::summary(&t, &wording);
    t
}

/// From each dose's start to `SIDE_EFFECT_TAIL_H` after its peak, overlapping windows merged.
fn side_effect_windows(doses: &[Dose], peak_hours: f64, horizon: f64) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::with_capacity(doses.len());
    for d in doses {
        let end = (d.start_days + (peak_hours + SIDE_EFFECT_TAIL_H) / 24.0).min(horizon);
        match out.last_mut() {
            Some(w) if d.start_days <= w.end_days => w.end_days = w.end_days.max(end),
            _ => out.push(Window { start_days: d.start_days, end_days: end }),
        }
    }
    out
}
#[cfg(test)]
mod stage_timing_tmp {
    use super::*;
    fn best<F: FnMut()>(mut f: F) -> f64 {
        let mut best = f64::INFINITY;
        for _ in 0..15 {
            let t = std::time::Instant::now();
            for _ in 0..200 { f(); }
            best = best.min(t.elapsed().as_secs_f64() * 1e6 / 200.0);
        }
        best
    }
    #[test]
    #[ignore]
    fn stage_timing() {
        for json in ["{}", r#"{"doseMgPerKg":1.4,"sessionHours":4,"sessions":10,"boosters":12,"boosterEveryDays":28}"#] {
        let s = Scenario::from_json(json).unwrap();
        let r = Regimen::new(&s);
        let single = SingleDose::tabulate(&r.disposition, r.input);
        let people = People::simulate(&s, &r, &single);
        let a = best(|| { std::hint::black_box(SingleDose::tabulate(&r.disposition, r.input)); });
        let b = best(|| { std::hint::black_box(People::simulate(&s, &r, &single)); });
        let c = best(|| { std::hint::black_box(curve::sample_days(&r)); });
        let d = best(|| { std::hint::black_box(curve::relief_curve(&r, &people, curve::sample_days(&r))); });
        let e = best(|| { std::hint::black_box(curve::concentration(&r)); });
        let f = best(|| { std::hint::black_box(phases::phases(&people.outcomes, 365.0)); });
        let g = best(|| { std::hint::black_box(estimate(&s)); });
        eprintln!("single {a:.1} people {b:.1} samples {c:.1} curve {d:.1} conc {e:.1} phases {f:.1} total {g:.1} n={}", curve::sample_days(&r).len());
        }
    }
}
