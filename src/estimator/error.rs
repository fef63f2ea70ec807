//! Why a scenario was refused. Messages say what is wrong and what is allowed; they never
//! suggest a dose.

use std::fmt;

use super::choices::Route;
use crate::number::Num;

/// A scenario the estimator cannot model, with what is wrong and what is allowed.
///
/// Its `Display` is a sentence for a person; [`ScenarioError::code`] is a stable name for a
/// program (the web widget words each code in the reader's language). New kinds of error may be
/// added: match with a wildcard arm.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The input is not valid JSON or has an unknown field or value (serde's message, which lists
    /// the expected names).
    Parse(String),
    /// A field is not a finite number (NaN or infinity).
    NotANumber {
        /// The field, as spelled in JSON.
        field: &'static str,
        /// The value given.
        value: f64,
    },
    /// A number is outside the range the evidence covers.
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
    /// A count (`sessions`, `boosters`) is not a whole number in its range.
    NotWholeNumber {
        /// The field, as spelled in JSON.
        field: &'static str,
        /// The value given.
        value: f64,
        /// Smallest allowed count.
        min: u32,
        /// Largest allowed count.
        max: u32,
    },
    /// A dose for a bolus route (not an IV infusion) is outside the range modelled for it.
    DoseOutOfRange {
        /// The route.
        route: Route,
        /// The dose given, mg/kg.
        value: f64,
        /// Smallest allowed dose, mg/kg.
        min: f64,
        /// Largest allowed dose, mg/kg.
        max: f64,
    },
    /// An IV infusion's rate (`doseMgPerKg / sessionHours`) is outside the studied rates.
    RateOutOfRange {
        /// The rate, mg/kg per hour.
        value: f64,
        /// Slowest studied rate.
        min: f64,
        /// Fastest studied rate.
        max: f64,
    },
    /// A continuous subcutaneous infusion's rate (`doseMgPerKg / sessionHours`) is outside the
    /// rates used in practice (`sc-rate`).
    SubcutaneousRateOutOfRange {
        /// The rate, mg/kg per hour.
        value: f64,
        /// Slowest rate used.
        min: f64,
        /// Fastest rate used.
        max: f64,
    },
    /// A maintenance schedule (`maintenanceEveryHours`) for a route it is not used with.
    MaintenanceRoute {
        /// The route.
        route: Route,
    },
    /// Both boosters and a maintenance schedule: the model takes one or the other after the
    /// series.
    MaintenanceWithBoosters,
    /// `maintenanceUntilDay` comes before the first maintenance dose.
    MaintenanceTooShort {
        /// The day given.
        value: f64,
        /// The first maintenance dose's day.
        first_dose_day: f64,
    },
    /// A maintenance schedule gives more a day than the maintenance studies did.
    MaintenanceDailyDose {
        /// `doseMgPerKg x 24 / maintenanceEveryHours`, mg/kg a day.
        value: f64,
        /// The most the studies gave, mg/kg a day.
        max: f64,
    },
    /// Doses would overlap: the interval is shorter than one session.
    DosesOverlap {
        /// `sessionIntervalDays` or `boosterEveryDays`.
        field: &'static str,
        /// The interval given, days.
        value: f64,
        /// Length of one session, days.
        session_days: f64,
    },
}

impl ScenarioError {
    /// A stable name for the kind of problem (`outOfRange`, `notWholeNumber`, ...), for callers
    /// that word the message themselves, e.g. in another language.
    pub fn code(&self) -> &'static str {
        match self {
            ScenarioError::Parse(_) => "parse",
            ScenarioError::NotANumber { .. } => "notANumber",
            ScenarioError::OutOfRange { max, .. } if max.is_infinite() => "atLeast",
            ScenarioError::OutOfRange { .. } => "outOfRange",
            ScenarioError::NotWholeNumber { .. } => "notWholeNumber",
            ScenarioError::DoseOutOfRange { .. } => "doseOutOfRange",
            ScenarioError::RateOutOfRange { .. } => "rateOutOfRange",
            ScenarioError::DosesOverlap { .. } => "dosesOverlap",
            ScenarioError::SubcutaneousRateOutOfRange { .. } => "subcutaneousRateOutOfRange",
            ScenarioError::MaintenanceRoute { .. } => "maintenanceRoute",
            ScenarioError::MaintenanceWithBoosters => "maintenanceWithBoosters",
            ScenarioError::MaintenanceTooShort { .. } => "maintenanceTooShort",
            ScenarioError::MaintenanceDailyDose { .. } => "maintenanceDailyDose",
        }
    }
}

/// The unit a field is measured in, for messages.
fn unit(field: &str) -> &'static str {
    match field {
        "doseMgPerKg" => " mg/kg",
        "sessionHours" => " hours",
        "sessionIntervalDays" | "boosterEveryDays" | "horizonDays" | "maintenanceUntilDay" => {
            " days"
        }
        "maintenanceEveryHours" => " hours",
        _ => "",
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value as given, readable even when huge (1e308 must not print 309 digits).
        let got = |v: &f64| Num::readable(*v, 3);
        match self {
            ScenarioError::Parse(msg) => write!(f, "could not read the scenario: {msg}"),
            ScenarioError::NotANumber { field, value } => {
                write!(f, "{field} must be a finite number; got {}", got(value))
            }
            ScenarioError::OutOfRange {
                field,
                value,
                min,
                max,
            } if max.is_infinite() => {
                write!(
                    f,
                    "{field} must be at least {}{}; got {}",
                    Num::new(*min, 6),
                    unit(field),
                    got(value)
                )
            }
            ScenarioError::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                let u = unit(field);
                write!(
                    f,
                    "{field} must be between {} and {}{u}; got {}",
                    Num::new(*min, 6),
                    Num::new(*max, 6),
                    got(value)
                )
            }
            ScenarioError::NotWholeNumber {
                field,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "{field} must be a whole number from {min} to {max}; got {}",
                    got(value)
                )
            }
            ScenarioError::DoseOutOfRange {
                route,
                value,
                min,
                max,
            } => write!(
                f,
                "doseMgPerKg for a {route} must be between {} and {} mg/kg, the range this \
                 model covers for that route; got {}",
                Num::new(*min, 6),
                Num::new(*max, 6),
                got(value)
            ),
            ScenarioError::RateOutOfRange { value, min, max } => write!(
                f,
                "doseMgPerKg over sessionHours is {} mg/kg per hour; intravenous rates in the \
                 evidence run from {} to {} mg/kg per hour (a push shorter than 5 minutes \
                 counts as 5 minutes)",
                got(value),
                Num::new(*min, 6),
                Num::new(*max, 6)
            ),
            ScenarioError::SubcutaneousRateOutOfRange { value, min, max } => write!(
                f,
                "doseMgPerKg over sessionHours is {} mg/kg per hour; continuous subcutaneous \
                 infusions in the evidence run from {} to {} mg/kg per hour",
                got(value),
                Num::new(*min, 6),
                Num::new(*max, 6)
            ),
            ScenarioError::MaintenanceRoute { route } => write!(
                f,
                "maintenanceEveryHours applies to swallowed, under-the-tongue and nasal doses, \
                 the routes maintenance studies used; for a {route}, repeated doses are boosters"
            ),
            ScenarioError::MaintenanceWithBoosters => f.write_str(
                "boosters and maintenanceEveryHours cannot be combined: this model follows the \
                 series with one or the other",
            ),
            ScenarioError::MaintenanceTooShort {
                value,
                first_dose_day,
            } => write!(
                f,
                "maintenanceUntilDay must be after the first maintenance dose (day {}), or 0 to \
                 continue to the end of the timeline; got {}",
                Num::new(*first_dose_day, 3),
                got(value)
            ),
            ScenarioError::MaintenanceDailyDose { value, max } => write!(
                f,
                "doseMgPerKg every maintenanceEveryHours comes to {} mg/kg a day; the maintenance \
                 studies in the evidence gave at most {} mg/kg a day",
                got(value),
                Num::new(*max, 6)
            ),
            ScenarioError::DosesOverlap {
                field,
                value,
                session_days,
            } => write!(
                f,
                "{field} must be at least the length of one session ({} days) so doses do not \
                 overlap; got {}",
                Num::new(*session_days, 3),
                got(value)
            ),
        }
    }
}

impl std::error::Error for ScenarioError {}
