//! The reader's scenario: what is given, how, to whom, for what.
//!
//! [`ScenarioInput`] is the raw, serde-facing form (JSON camelCase, every field optional, unknown
//! fields rejected). [`Scenario`] is the validated form: it can only be built through
//! [`Scenario::try_from`], so every value the model sees is inside the range the evidence covers.

use serde::{Deserialize, Serialize};

use super::error::ScenarioError;

/// How the dose is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Route {
    /// Intravenous infusion over `sessionHours`.
    #[default]
    IvInfusion,
    /// Intramuscular injection.
    ImInjection,
    /// Subcutaneous injection.
    Subcutaneous,
    /// Nasal spray.
    Intranasal,
    /// Under the tongue (lozenge or troche).
    Sublingual,
    /// Swallowed.
    Oral,
}

/// Which ketamine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Formulation {
    /// The usual 50:50 mixture of R- and S-ketamine.
    #[default]
    Racemic,
    /// S-ketamine alone, about twice as potent (`pk-esket`).
    Esketamine,
}

/// The pain condition being treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Condition {
    /// Complex regional pain syndrome.
    #[default]
    Crps,
    /// Fibromyalgia.
    Fibromyalgia,
    /// Other neuropathic pain.
    Neuropathic,
    /// Mixed or other chronic pain.
    MixedChronic,
}

/// How quickly the person clears ketamine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Metabolism {
    /// Slower clearance than most.
    Slow,
    /// Typical clearance.
    #[default]
    Typical,
    /// Faster clearance than most.
    Fast,
}

/// How sensitive the person is to pain (and so to the drug's relief).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum PainSensitivity {
    /// Less sensitive than most.
    Low,
    /// Typical.
    #[default]
    Typical,
    /// More sensitive than most.
    High,
}

/// The raw scenario as it arrives from JSON or JavaScript. Validate it with
/// [`Scenario::try_from`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ScenarioInput {
    /// How the dose is given.
    pub route: Route,
    /// Racemic ketamine or esketamine.
    pub formulation: Formulation,
    /// Dose per session in mg per kg of body weight.
    pub dose_mg_per_kg: f64,
    /// Length of one IV infusion in hours (bolus routes: 0).
    pub session_hours: f64,
    /// Sessions in the initial series (at least 1).
    pub sessions: f64,
    /// Days from the start of one session of the series to the next.
    pub session_interval_days: f64,
    /// The pain condition.
    pub condition: Condition,
    /// How quickly the person clears the drug.
    pub metabolism: Metabolism,
    /// How sensitive the person is to pain.
    pub pain_sensitivity: PainSensitivity,
    /// Days between maintenance doses after the series.
    pub booster_every_days: f64,
    /// Number of maintenance doses.
    pub boosters: f64,
    /// How far the timeline reaches, in days.
    pub horizon_days: f64,
}

impl Default for ScenarioInput {
    fn default() -> Self {
        ScenarioInput {
            route: Route::IvInfusion,
            formulation: Formulation::Racemic,
            dose_mg_per_kg: 0.5,
            session_hours: 4.0,
            sessions: 1.0,
            session_interval_days: 1.0,
            condition: Condition::Crps,
            metabolism: Metabolism::Typical,
            pain_sensitivity: PainSensitivity::Typical,
            booster_every_days: 28.0,
            boosters: 0.0,
            horizon_days: 365.0,
        }
    }
}

/// A validated scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario(pub(crate) ScenarioInput);

impl Scenario {
    /// Reads and validates a scenario from JSON.
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        let input: ScenarioInput =
            serde_json::from_str(json).map_err(|e| ScenarioError::Parse(e.to_string()))?;
        Scenario::try_from(input)
    }
}

impl TryFrom<ScenarioInput> for Scenario {
    type Error = ScenarioError;

    fn try_from(input: ScenarioInput) -> Result<Self, Self::Error> {
        let check = |field: &'static str, value: f64, min: f64, max: f64| {
            if value.is_finite() && value >= min && value <= max {
                Ok(())
            } else {
                Err(ScenarioError::OutOfRange {
                    field,
                    value,
                    min,
                    max,
                })
            }
        };
        check("doseMgPerKg", input.dose_mg_per_kg, 0.05, 7.0)?;
        check("sessionHours", input.session_hours, 0.0, 120.0)?;
        check("horizonDays", input.horizon_days, 7.0, 1095.0)?;
        Ok(Scenario(input))
    }
}
