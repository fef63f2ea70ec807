//! The estimator's output: what a reader's scenario leads to, as ranges.

use serde::Serialize;

use super::summary::{self, SummaryFacts, SummaryWords};

/// A range across people: 10th, 50th and 90th percentile (`low <= typical <= high`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// 10th percentile.
    pub low: f64,
    /// Median.
    pub typical: f64,
    /// 90th percentile.
    pub high: f64,
}

/// Three percentiles of one quantity across the simulated population.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// Which of the three phases of relief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PhaseKind {
    /// During and just after a dose: hours to a day or two.
    Acute,
    /// Days to weeks after the dose(s).
    SubAcute,
    /// Months, for some people longer.
    Chronic,
}

/// One phase of relief.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// Which phase.
    pub kind: PhaseKind,
    /// Share of the simulated population that reaches this phase, in [0, 1].
    pub probability: f64,
    /// When it starts, in days from the start of the first session, among those who reach it.
    pub start_days: Band,
    /// When it ends, in days, among those who reach it.
    pub end_days: Band,
    /// Pain relief in percent during the phase, among those who reach it.
    pub relief_percent: Band,
}

/// The three phases, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phases {
    /// During and just after a dose.
    pub acute: Phase,
    /// Days to weeks.
    pub sub_acute: Phase,
    /// Months or longer.
    pub chronic: Phase,
}

/// Percent pain relief across the population, sampled on log-spaced times.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReliefCurve {
    /// Sample times in days, increasing.
    pub days: Vec<f64>,
    /// 10th percentile of relief (percent) at each time.
    pub p10: Vec<f64>,
    /// Median relief (percent).
    pub p50: Vec<f64>,
    /// 90th percentile of relief (percent).
    pub p90: Vec<f64>,
}

/// Plasma concentration over the first 48 hours for a typical person.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Concentration {
    /// Sample times in hours from the start of the first session.
    pub hours: Vec<f64>,
    /// Plasma concentration in ng/mL at each time.
    pub ng_per_ml: Vec<f64>,
}

/// A span of time in days.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    /// Start, days from the start of the first session.
    pub start_days: f64,
    /// End, days.
    pub end_days: f64,
}

/// One dose: a session of the initial series or a booster.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dose {
    /// When it starts, in days.
    pub start_days: f64,
    /// When it ends (bolus routes: a few minutes after the start).
    pub end_days: f64,
    /// True for a maintenance dose after the initial series.
    pub booster: bool,
}

/// A published source behind a number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The id used in `shared/evidence.md`, e.g. `pd-dahan`.
    pub id: &'static str,
    /// Short citation.
    pub citation: &'static str,
}

/// A caveat about the scenario: where it leans on weak or no evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable machine-readable code, e.g. `boostersUncontrolled`.
    pub code: &'static str,
    /// Plain-English explanation.
    pub message: String,
}

/// Everything the widget shows for one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// How far the timeline reaches, in days.
    pub horizon_days: f64,
    /// The three phases.
    pub phases: Phases,
    /// Relief over time with its uncertainty band.
    pub relief: ReliefCurve,
    /// Last time each person's relief is at least 30% (IMMPACT), across the population.
    pub relief_end_days: Percentiles,
    /// Every dose, series and boosters.
    pub doses: Vec<Dose>,
    /// Start days of the boosters.
    pub boosters: Vec<f64>,
    /// When side effects (dizziness, nausea, dissociation) are expected.
    pub side_effect_windows: Vec<Window>,
    /// Plain-English sentences for readers ([`Timeline::summary_in`] gives them in other words).
    pub summary: Vec<String>,
    /// What the summary says about the scenario, for [`Timeline::summary_in`].
    #[serde(skip)]
    pub summary_facts: SummaryFacts,
    /// Where the scenario leans on weak or no evidence.
    pub warnings: Vec<Warning>,
    /// The sources behind the numbers used.
    pub sources: Vec<Source>,
}

impl Timeline {
    /// The summary in the given words (another language).
    pub fn summary_in(&self, words: &SummaryWords) -> Vec<String> {
        summary::summary(self, &self.summary_facts, words)
    }
}
