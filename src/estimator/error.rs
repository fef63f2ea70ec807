//! Why a scenario was refused.

use std::fmt;

/// A scenario the estimator cannot model, with what is wrong and what is allowed.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    /// The input is not valid JSON or has an unknown field or value.
    Parse(String),
    /// A number is outside the range the evidence covers (or not a number at all).
    OutOfRange {
        /// The field, as spelled in JSON.
        field: &'static str,
        /// The value given.
        value: f64,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Parse(msg) => write!(f, "could not read the scenario: {msg}"),
            ScenarioError::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(
                f,
                "{field} must be a number from {min} to {max}, but it is {value}"
            ),
        }
    }
}

impl std::error::Error for ScenarioError {}
