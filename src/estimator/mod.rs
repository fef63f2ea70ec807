//! The estimator: a reader's scenario in, a timeline of ketamine pain relief out.
//!
//! Pure Rust: nothing here knows about browsers. Deterministic: the same scenario always gives
//! the same timeline. Source ids refer to `shared/evidence.md`; every number lives in
//! `params.rs` next to its id, and *assumption* marks numbers no source gives.
//!
//! # The model
//!
//! **Doses.** Session `i` of the series starts at `i x sessionIntervalDays`; booster `j` at
//! `j x boosterEveryDays` after the last session's start; or, instead of boosters, maintenance
//! dose `j` at `j x maintenanceEveryHours` after it, while before `maintenanceUntilDay` (the
//! horizon when 0), for swallowed, under-the-tongue and nasal doses (`maint-marchetti`,
//! `maint-maudlin`). An IV or continuous subcutaneous session lasts `sessionHours` (4 when left
//! out; an IV dose under 5 minutes counts as a 5-minute push, *assumption*); other routes are
//! single doses and ignore `sessionHours` (with a warning when it is given).
//!
//! **Plasma (acute phase).** The Clements & Nimmo two-compartment model (`pk-clements`: V1 1.75
//! L/kg, k10 0.0109, k12 0.0186, k21 0.0137 per min, half-lives 17.6 and 183 min), chosen
//! because its clearance (V1 k10 = 1.15 L/kg/h) matches the meta-analysis (`pk-kamp`: 1.13
//! L/kg/h); the Domino set (`pk-domino`, 1.66 L/kg/h) sits at the top of the 0.9-1.7 spread. In
//! closed form, after a unit bolus `C(t) = sum_i a_i e^(-l_i t)`; an infusion of length `L`
//! integrates it; an absorbed dose convolves it with `F ka e^(-ka t)`, where `ka` reproduces the
//! route's Tmax with the label's 2.5-h elimination half-life (`pk-label`). Bioavailability `F`
//! and Tmax: IM 0.93, 15 min (`pk-im`); subcutaneous as IM (`pk-sc` has no figure,
//! *assumption*), 30 min; intranasal 0.22 with the 11-45% spread as uncertainty
//! (`pk-yanagihara`, `pk-nasal-low`), 18 min; sublingual 0.30, 45 min (`pk-rolan`, `pk-chong`);
//! oral 0.20 (esketamine 0.08, `pk-fanta`), 1 h (`pk-chong`); a continuous subcutaneous
//! infusion enters the blood at its rate, as an IV infusion, with the subcutaneous 0.93
//! (*assumption*). Esketamine counts twice
//! (`pk-esket`): effects use the racemic-equivalent concentration `potency x C`; its kinetics
//! are taken as racemic (*assumption*). A person's concentration is the typical curve times
//! `F_p / CL_p` (*assumption*: exposure scales, the shape is kept).
//!
//! **Underlying health.** Reduced liver function multiplies clearance by 0.7 (*assumption*: no
//! study found). A CYP3A4 inhibitor multiplies swallowed exposure by 2.6 (`cyp-hagelberg`,
//! clarithromycin; itraconazole changed nothing, `cyp-itraconazole`) and leaves other routes
//! (unmeasured); an inducer multiplies swallowed exposure by 0.14 and the rest by 0.86
//! (`cyp-peltoniemi`, rifampicin). Long-term high-dose opioid use changes nothing but the
//! caveats (`maint-kapural`: no difference at six months). How any of them changes how long
//! relief lasts was never measured, and a warning says so.
//!
//! **Fast effect.** `E_fast = 100 C / (C + EC50_fast)` with `EC50_fast` = 150 ng/mL racemic
//! (*assumption calibrated* to `acute-motov`: relief at 30 min after 0.3 mg/kg, and
//! `pd-noppers`: relief for about 3 h after S-ketamine 0.5 mg/kg over 30 min).
//!
//! **Slow effect (sub-acute phase).** An effect compartment `dCe/dt = k (C - Ce)` with
//! `ln2/k = 10.9 d` (`pd-dahan`) and `E_slow = 100 / (1 + (EC50_slow / Ce)^h)`, where
//! `EC50_slow` = 10.5 ng/mL S-ketamine (`pd-dahan`) = 21 ng/mL racemic (`pk-esket`) and
//! `h = 0.7` (*calibrated assumption*: no source gives it). Plasma kinetics take hours against
//! a half-life of days, so each dose feeds the compartment with its area `AUC = F dose / CL`
//! spread evenly over the infusion (level `AUC / L`), or as an impulse `Ce += k AUC` for absorbed
//! routes; between doses `Ce` decays as `e^(-k t)`. Everything is closed form, dose by dose;
//! a maintenance schedule (up to thousands of impulses) in closed form as a whole: after its
//! dose `m`, `Ce = s + (a - s) e^(-k tau m)`, tending to the steady state `s` (see
//! `response::Periodic`), so an estimate costs about the same for 1 or 4,000 doses. Relief while
//! dosing is this slow effect (and the fast one at each dose's peak); after dosing stops the slow
//! effect fades with its half-life. Maintenance doses do not count toward durable relief
//! (*assumption*: never measured, and a warning says so).
//! Only a condition-specific share of people respond to it: CRPS 0.75 (calibrated to 67%
//! responders after the 100-h infusion, `pd-dahan`), neuropathic 0.6, mixed chronic pain 0.6,
//! fibromyalgia 0.2 (`pd-noppers`, `mixed-orhurhu`, `mixed-tankha`, `mixed-corriger`;
//! *assumptions*).
//!
//! **Durable relief (chronic phase).** Reached with probability
//! `P = Pmax X^1.5 / (X^1.5 + 0.5^1.5)`, where `X = (ln2 / 10.9 d) x AUC_series / EC50_slow` is
//! the series' exposure relative to the person's slow EC50. It brings 35-70% relief from the
//! end of the series' pharmacological relief (sub-acute, else acute, else the last session) for
//! a log-normal time (median 120 days, sigma 0.9; mean end about 9.4 months, `crps-correll`).
//! `Pmax` is 0.55 for CRPS (open-label 54-65% in `crps-correll` and `crps-kiefer`, discounted
//! toward `crps-sigtermans` and `crps-goebel`), 0.3 neuropathic, 0.25 mixed, 0.1 fibromyalgia
//! (*calibrated assumptions*). It does not need the slow effect, so some people go from the
//! acute phase straight to the chronic one. Boosters act through the fast and slow effects only.
//!
//! **Relief** at any time is the largest of the three effects (the strongest mechanism
//! dominates, *assumption*). "Relief" means at least 30% less pain (IMMPACT, Dworkin 2008).
//!
//! **People.** A deterministic population of 128 drawn from a quasi-random R_d sequence (see
//! `population.rs`): clearance (log-normal sigma 0.25, *assumption* sized to `pk-kamp`) times
//! metabolism (slow 0.7x, fast 1.4x, *assumption*); bioavailability (route spread); fast EC50
//! (sigma 0.6, *assumption*); slow EC50 (sigma 0.61, the 4.4-21.2 ng/mL of `pd-dahan` read as
//! a 10th-90th percentile range); slow half-life (sigma 0.37 from 10.9 +/- 4.0 d, `pd-dahan`);
//! pain sensitivity scaling both EC50s (low 0.75x, high 1.35x, *assumption*); responder and
//! durable-relief draws.
//!
//! # Outputs
//!
//! - `reliefEndDays`: percentiles of each person's last time at or above 30% relief, never
//!   before the end of the last dose of the series or boosters (where people who never reach
//!   30% end; maintenance doses that bring no relief do not extend it); later than the horizon is
//!   reported as the horizon.
//! - Phases, per person: *acute* is fast relief of at least 30% from the first session's onset
//!   to its offset after the series' last session; *sub-acute* is slow relief of at least 30%
//!   lasting beyond the acute phase (from the later of the acute end and the slow effect's
//!   crossing); *chronic* is durable relief. Bands are among those who reach the phase within
//!   the horizon (see `phases.rs` for ordering and empty phases).
//! - `paths`: the share of people on each path through the phases (none, acute only, acute then
//!   sub-acute, acute then chronic, all three, and the paths without acute relief, which a
//!   swallowed schedule mostly takes); they sum to 1 and agree with the phases' chances. The
//!   summary says how many go straight from acute to durable relief when at least 1 in 20 do.
//! - `relief`: percentiles at 80 log-spaced times from 5 minutes to the horizon plus each dose's
//!   peak (a maintenance schedule's first 12 and last; later log-spaced times within it move to
//!   the trough before the next dose) and the first doses' starts, to the nearest 1% (see
//!   `curve.rs`).
//! - `sideEffectWindows`: from each dose's start to 2.5 h (one elimination half-life,
//!   `pk-label`) after its concentration peak.
//!
//! [`concentration`], a call of its own, gives the typical person's plasma level (ng/mL of the
//! drug given) over the first 48 hours.
//!
//! # Input bounds
//!
//! Doses at least 0.05 mg/kg. IV: rate `dose / sessionHours` from 0.04 mg/kg/h
//! (`crps-mangnus`) to 7 mg/kg/h (`crps-kiefer`), sessions up to 168 h (`crps-mangnus`). IM and
//! subcutaneous up to 1 mg/kg, intranasal, sublingual and oral up to 3 mg/kg (*assumption*:
//! about 1 mg/kg absorbed at most). Continuous subcutaneous infusion: 1-168 hours at 0.1 to
//! 1.2 mg/kg/h (`sc-rate`; above its 500 mg a day, about 7 mg/kg for 70 kg, a warning). Sessions
//! 1-30, 1-60 days apart; boosters 0-36, 3-120 days apart (`boost-gupta`; its schedule needs no
//! more); or maintenance every 6 hours (four intakes a day, `maint-marchetti`) to 168 hours, at
//! most 3 mg/kg a day (`maint-marchetti`'s top), until day 1095 at the latest, not with boosters;
//! horizon 7-1095 days. Errors state the allowed range and never suggest a dose.

mod choices;
mod compare;
mod curve;
mod error;
mod evidence;
mod lanes;
mod params;
mod phases;
mod pk;
mod population;
mod regimen;
mod response;
mod scenario;
pub mod schema;
mod stats;
pub mod studies;
mod summary;
mod timeline;
mod warnings;

pub use compare::compare;
pub use error::ScenarioError;
pub use evidence::SOURCES;
pub use scenario::{
    Condition, Cyp3a4, Days, DoseMgPerKg, Formulation, Hours, LiverFunction, Metabolism, OpioidUse,
    PainSensitivity, Route, Scenario, ScenarioInput,
};
pub use summary::{nearest_fraction, Plural, SummaryWords};
pub use timeline::{
    Band, Concentration, Dose, Paths, Percentiles, Phase, PhaseKind, Phases, ReliefCurve, Source,
    SummaryFacts, Timeline, Warning, Window,
};

use params::SIDE_EFFECT_TAIL_H;
use regimen::Regimen;
use response::{People, SingleDose};

/// Estimates the timeline for a validated scenario. Deterministic: the same scenario always gives
/// the same timeline.
pub fn estimate(scenario: &Scenario) -> Timeline {
    // Its steps are `#[inline(never)]` (and wasm-opt runs with `--no-inline` for the crate): in
    // wasm, V8 optimises hot functions one at a time, and one function holding them all took
    // ~50 ms to optimise while the first chart was drawn.
    let r = Regimen::new(scenario);
    let horizon = r.horizon;
    let single = SingleDose::tabulate(&r.dose_curve);
    let people = People::simulate(scenario, &r, &single);

    let mut ends: Vec<f64> = people
        .outcomes
        .iter()
        .map(|o| o.relief_end.min(horizon))
        .collect();
    let relief_end_days = stats::percentiles(&mut ends);
    let phases = phases::phases(&people.outcomes, horizon);
    let paths = phases::paths(&people.outcomes, horizon);
    let relief = curve::relief_curve(&r, &people, curve::sample_days(&r));

    let shown: Vec<Dose> = r
        .doses
        .iter()
        .copied()
        .filter(|d| d.start_days < horizon)
        .collect();
    let side_effect_windows = side_effect_windows(&shown, r.peak_hours, horizon);
    let chronic_probability = phases.chronic.probability;
    let series = r.series;
    let mut t = Timeline {
        horizon_days: horizon,
        phases,
        paths,
        relief,
        relief_end_days,
        boosters: shown
            .iter()
            .filter(|d| d.booster)
            .map(|d| d.start_days)
            .collect(),
        side_effect_windows,
        summary: Vec::new(),
        summary_facts: SummaryFacts::default(),
        warnings: warnings::warnings(scenario, chronic_probability, r.doses.len() - shown.len()),
        sources: evidence::cite(&warnings::source_ids(scenario, chronic_probability)),
        doses: shown,
    };
    t.summary_facts = SummaryFacts {
        bolus: scenario.is_bolus(),
        series: series > 1,
        boosters: scenario.boosters() > 0,
        series_end: r.doses[series - 1].end_days,
        last_dose_end: r.doses.last().map_or(0.0, |d| d.end_days),
        reached: people
            .outcomes
            .iter()
            .filter(|o| o.acute.is_some() || o.sub_acute.is_some() || o.chronic.is_some())
            .count() as f64
            / people.outcomes.len() as f64,
    };
    t.summary = t.summary_in(SummaryWords::english());
    t
}

/// The typical person's plasma level (ng/mL of the drug given) over the scenario's first 48 hours:
/// every half hour, densely through each dose's first hours. Not part of [`estimate`]: the chart
/// does not draw it, and leaving it out makes each estimate about 6% faster.
pub fn concentration(scenario: &Scenario) -> Concentration {
    curve::concentration(&Regimen::new(scenario))
}

/// From each dose's start to `SIDE_EFFECT_TAIL_H` after its peak, overlapping windows merged.
fn side_effect_windows(doses: &[Dose], peak_hours: f64, horizon: f64) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::with_capacity(doses.len());
    for d in doses {
        let end = (d.start_days + (peak_hours + SIDE_EFFECT_TAIL_H) / 24.0).min(horizon);
        match out.last_mut() {
            Some(w) if d.start_days <= w.end_days => w.end_days = w.end_days.max(end),
            _ => out.push(Window {
                start_days: d.start_days,
                end_days: end,
            }),
        }
    }
    out
}
