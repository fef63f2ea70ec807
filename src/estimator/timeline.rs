//! The estimator's output: what a reader's scenario leads to, as ranges.

use serde::Serialize;

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

/// The share of simulated people on each path through the phases: which of the three phases
/// each reaches within the horizon. The shares are each in [0, 1] and sum to 1, and they agree
/// with the phases' chances: `phases.acute.probability` is `acuteOnly + acuteSubAcute +
/// acuteChronic + all`, `phases.subAcute.probability` is `acuteSubAcute + all + subAcuteOnly +
/// subAcuteChronic`, `phases.chronic.probability` is `acuteChronic + all + subAcuteChronic +
/// chronicOnly`.
///
/// In this model a person can reach the sub-acute or chronic phase without acute relief: the
/// slow effect and durable relief do not need the fast one (a swallowed maintenance schedule
/// mostly works that way, its peaks too low for acute relief). Those people are counted on paths
/// of their own (`subAcuteOnly`, `subAcuteChronic`, `chronicOnly`) rather than folded into the
/// acute ones, so no one is said to have had relief they did not have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paths {
    /// No meaningful relief (at least 30% less pain) in any phase.
    pub none: f64,
    /// Acute relief only.
    pub acute_only: f64,
    /// Acute, then sub-acute relief, without durable relief.
    pub acute_sub_acute: f64,
    /// Acute relief, then straight to durable relief (sub-acute skipped).
    pub acute_chronic: f64,
    /// All three phases.
    pub all: f64,
    /// Sub-acute relief without acute relief or durable relief.
    pub sub_acute_only: f64,
    /// Sub-acute, then durable relief, without acute relief.
    pub sub_acute_chronic: f64,
    /// Durable relief only.
    pub chronic_only: f64,
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

impl ReliefCurve {
    /// Relief at `days`, interpolated linearly in log-time between samples, as the chart draws
    /// the curve (the first or last sample outside them). The one place the curve is read at a
    /// time: the chart's cursor, its tables and its CSV read through it.
    pub fn at(&self, days: f64) -> Percentiles {
        let d = &self.days;
        let i = d.partition_point(|&t| t < days);
        if d.is_empty() {
            return Percentiles {
                p10: 0.0,
                p50: 0.0,
                p90: 0.0,
            };
        }
        if i == 0 || i >= d.len() {
            let j = i.min(d.len() - 1);
            return Percentiles {
                p10: self.p10[j],
                p50: self.p50[j],
                p90: self.p90[j],
            };
        }
        let (a, b) = (d[i - 1].max(1e-9).ln(), d[i].max(1e-9).ln());
        let t = if b > a {
            ((days.ln() - a) / (b - a)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let lerp = |v: &[f64]| v[i - 1] + (v[i] - v[i - 1]) * t;
        Percentiles {
            p10: lerp(&self.p10),
            p50: lerp(&self.p50),
            p90: lerp(&self.p90),
        }
    }
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
    /// True for a booster: a repeat of the session after the initial series (`boosters`).
    pub booster: bool,
    /// True for a dose of a regular maintenance schedule (`maintenanceEveryHours`).
    pub maintenance: bool,
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
    /// The share of people on each path through the phases.
    pub paths: Paths,
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

/// What the summary needs to know about the scenario beyond the timeline itself.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SummaryFacts {
    /// Bolus doses (not IV infusions).
    pub bolus: bool,
    /// More than one session in the initial series.
    pub series: bool,
    /// Whether there are boosters.
    pub boosters: bool,
    /// End of the initial series' last dose, days.
    pub series_end: f64,
    /// End of the last dose, boosters included, days.
    pub last_dose_end: f64,
    /// Share of people who reach 30% relief at some point.
    pub reached: f64,
}
