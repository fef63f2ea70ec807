//! The duration studies of `shared/evidence.md`: every source that gives a regimen (or one that
//! can be assumed) and how long relief lasted, with the scenario the model reproduces it with.
//!
//! The same list drives the tests (`tests/estimator_studies.rs`: the reported duration must lie
//! within the model's `reliefEndDays` p10..p90, its median within a factor of 2.5) and the
//! validation figure (`render::validation`, `docs/validation.svg`), so what the README shows is
//! what the tests check. Not used by the wasm.
//!
//! Choices (doses per session for a 70-kg adult; midpoints of reported ranges):
//! - `crps-sigtermans` and `pd-dahan` are the same trial (S-ketamine titrated to 22.2 mg/h per
//!   70 kg = 0.317 mg/kg/h for 4.2 days): 12 weeks of significantly lower pain, and the PK-PD
//!   analysis's infusion + ~50 days.
//! - `crps-correll`: 54% pain-free for at least 3 months means the median lasts about 3 months;
//!   its mean of 9.4 months (long-tailed, among the pain-free) is checked against p90 separately.
//! - `crps-kiefer`: 65% in remission at 3 months: the median exceeds 3 months; 3 months is used.
//! - `mixed-tankha`: only 20-46% were meaningfully improved at the end of the 5-day series, so
//!   the median patient's relief did not outlast the series: 5 days is used. The 20-46% still
//!   improved at 3 and 6 months is *not* reproduced (a known gap, tested).
//! - `acute-motov`: matched morphine at 30 min; "tens of minutes to hours" -> 1 hour.
//! - `mixed-orhurhu`, `mixed-patil`: regimens not stated. Orhurhu: a one-week series of daily
//!   5-h infusions at 0.2 mg/kg/h, typical of the pooled trials (e.g. spinal-cord-injury pain);
//!   Patil: 369 infusions over 49 patients (about 7 each) taken as a daily series of 4-h
//!   infusions at 0.5 mg/kg/h. Both are assumptions.
//! - `maint-marchetti`: a mean 2 mg/kg a day by mouth in 3-4 intakes, continued 3 months where
//!   it worked, in mostly neuropathic pain: 0.5 mg/kg every 6 hours to day 90, neuropathic (the
//!   IV titration before it left out). The median person's relief lasts while dosing does: 90
//!   days. (Its share with sub-acute relief is checked in `tests/estimator_maintenance.rs`.)

use super::error::ScenarioError;
use super::scenario::{Condition, Formulation, Route, Scenario, ScenarioInput};
use super::timeline::Percentiles;

/// One duration study: its source id, the regimen the model is given, and what it reported.
#[derive(Clone, Copy, Debug)]
pub struct Study {
    /// The source id in `shared/evidence.md` (and [`SOURCES`](super::SOURCES)).
    pub id: &'static str,
    /// The regimen as a scenario (fields not set take their defaults, so that new scenario
    /// fields never change it).
    pub regimen: fn() -> ScenarioInput,
    /// Whether the study states its regimen; when not, [`Study::modelled`] is an assumption.
    pub regimen_stated: bool,
    /// The reported duration of relief, days from the start of the first session.
    pub reported_days: f64,
    /// What is modelled, in a few words (the README's "regimen (as modelled)").
    pub modelled: &'static str,
    /// What the study reported, and how the duration was read from it.
    pub reported: &'static str,
}

impl Study {
    /// The regimen as the raw scenario.
    pub fn input(&self) -> ScenarioInput {
        (self.regimen)()
    }

    /// The regimen, validated.
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        Scenario::try_from(self.input())
    }

    /// The model's `reliefEndDays` for the regimen: how long relief lasts, p10 / p50 / p90.
    pub fn model(&self) -> Result<Percentiles, ScenarioError> {
        Ok(super::estimate(&self.scenario()?).relief_end_days)
    }
}

/// An IV infusion of `dose` mg/kg over `hours`, `sessions` of them a day apart.
fn infusion(dose: f64, hours: f64, sessions: f64) -> ScenarioInput {
    ScenarioInput {
        dose_mg_per_kg: dose,
        session_hours: Some(hours),
        sessions,
        session_interval_days: 1.0,
        ..ScenarioInput::default()
    }
}

/// Every duration study of the evidence, CRPS first.
pub const STUDIES: &[Study] = &[
    Study {
        id: "crps-sigtermans",
        // S-ketamine 22.2 mg/h per 70 kg = 0.317 mg/kg/h x 100.8 h (4.2 d).
        regimen: || ScenarioInput {
            formulation: Formulation::Esketamine,
            ..infusion(31.95, 100.8, 1.0)
        },
        regimen_stated: true,
        reported_days: 84.0,
        modelled: "esketamine 0.317 mg/kg/h for 100.8 h",
        reported: "significantly lower pain over 12 weeks",
    },
    Study {
        id: "pd-dahan",
        regimen: || ScenarioInput {
            formulation: Formulation::Esketamine,
            ..infusion(31.7, 100.0, 1.0)
        },
        regimen_stated: true,
        reported_days: 100.0 / 24.0 + 50.0,
        modelled: "same trial, 100 h",
        reported: "analgesia outlasted the 100-h infusion by about 50 days",
    },
    Study {
        id: "crps-schwartzman",
        // 0.35 mg/kg/h x 4 h.
        regimen: || infusion(1.4, 4.0, 10.0),
        regimen_stated: true,
        reported_days: 90.0,
        modelled: "1.4 mg/kg over 4 h, 10 daily",
        reported: "lower pain over 3 months",
    },
    Study {
        id: "crps-goebel",
        // 0.5 mg/kg/h, the middle of 0.15-0.9.
        regimen: || infusion(60.0, 120.0, 1.0),
        regimen_stated: true,
        reported_days: 6.7 * 7.0,
        modelled: "0.5 mg/kg/h for 120 h",
        reported: "relief for 6.7 weeks on average",
    },
    Study {
        id: "crps-mangnus",
        // S-ketamine 8.5 mg/h per 70 kg, the middle of 3-14.
        regimen: || ScenarioInput {
            formulation: Formulation::Esketamine,
            ..infusion(20.4, 168.0, 1.0)
        },
        regimen_stated: true,
        reported_days: 28.0,
        modelled: "esketamine 8.5 mg/h/70 kg for 168 h",
        reported: "48% responders at about 4 weeks",
    },
    Study {
        id: "crps-correll",
        // 30 mg/h per 70 kg, the middle of 10-50.
        regimen: || infusion(48.3, 112.8, 1.0),
        regimen_stated: true,
        reported_days: 90.0,
        modelled: "30 mg/h/70 kg for 112.8 h",
        reported: "54% pain-free for at least 3 months",
    },
    Study {
        id: "crps-kiefer",
        // Anaesthetic 5 mg/kg/h, the middle of 3-7.
        regimen: || infusion(600.0, 120.0, 1.0),
        regimen_stated: true,
        reported_days: 90.0,
        modelled: "5 mg/kg/h for 120 h",
        reported: "65% in remission at 3 months",
    },
    Study {
        id: "mixed-tankha",
        regimen: || ScenarioInput {
            condition: Condition::MixedChronic,
            ..infusion(0.5, 0.6667, 5.0)
        },
        regimen_stated: true,
        reported_days: 5.0,
        modelled: "0.5 mg/kg over 40 min, 5 daily",
        reported: "20-46% meaningfully improved at the end of the series",
    },
    Study {
        id: "pd-noppers",
        regimen: || ScenarioInput {
            condition: Condition::Fibromyalgia,
            formulation: Formulation::Esketamine,
            ..infusion(0.5, 0.5, 1.0)
        },
        regimen_stated: true,
        reported_days: 3.0 / 24.0,
        modelled: "fibromyalgia, esketamine 0.5 mg/kg over 30 min",
        reported: "relief for about 3 hours",
    },
    Study {
        id: "acute-motov",
        // An IV push (the model's 5 minutes).
        regimen: || ScenarioInput {
            condition: Condition::MixedChronic,
            ..infusion(0.3, 0.0, 1.0)
        },
        regimen_stated: true,
        reported_days: 1.0 / 24.0,
        modelled: "0.3 mg/kg IV push",
        reported: "matched morphine at 30 min: about 1 hour",
    },
    Study {
        id: "mixed-orhurhu",
        // 0.2 mg/kg/h x 5 h, typical of the pooled trials (assumption).
        regimen: || ScenarioInput {
            condition: Condition::MixedChronic,
            ..infusion(1.0, 5.0, 7.0)
        },
        regimen_stated: false,
        reported_days: 14.0,
        modelled: "regimen not stated: 1 mg/kg over 5 h, 7 daily",
        reported: "relief for up to 2 weeks",
    },
    Study {
        id: "mixed-patil",
        // 369 infusions over 49 patients: 0.5 mg/kg/h x 4 h, about 7 daily (assumption).
        regimen: || ScenarioInput {
            condition: Condition::MixedChronic,
            ..infusion(2.0, 4.0, 7.0)
        },
        regimen_stated: false,
        reported_days: 21.0,
        modelled: "regimen not stated: 2 mg/kg over 4 h, 7 daily",
        reported: "relief for about 3 weeks",
    },
    Study {
        id: "maint-marchetti",
        regimen: || ScenarioInput {
            route: Route::Oral,
            dose_mg_per_kg: 0.5,
            condition: Condition::Neuropathic,
            maintenance_every_hours: 6.0,
            maintenance_until_day: 90.0,
            horizon_days: 180.0,
            ..ScenarioInput::default()
        },
        regimen_stated: true,
        reported_days: 90.0,
        modelled: "neuropathic, oral 0.5 mg/kg every 6 h to day 90",
        reported: "effective in 44%, partly in 20%, continued 3 months",
    },
];
