//! The reader's scenario: what is given, how, to whom, for what.
//!
//! [`ScenarioInput`] is the raw, serde-facing form (JSON camelCase, every field optional, unknown
//! fields rejected). [`Scenario`] is the validated form: it can only be built through
//! [`Scenario::try_from`], so every value the model sees is inside the range the evidence covers.

use serde::{Deserialize, Serialize};

pub use super::choices::{
    Condition, Cyp3a4, Formulation, LiverFunction, Metabolism, OpioidUse, PainSensitivity, Route,
};
use super::error::ScenarioError;
use super::params::{
    max_bolus_dose, BOOSTER_INTERVAL_RANGE, DEFAULT_INFUSION_HOURS, HORIZON_RANGE, IV_PUSH_HOURS,
    IV_RATE_RANGE, MAINTENANCE_EVERY_RANGE_H, MAX_BOOSTERS, MAX_MAINTENANCE_MG_PER_KG_DAY,
    MAX_SESSIONS, MAX_SESSION_HOURS, MIN_DOSE_MG_PER_KG, MIN_SC_INFUSION_HOURS, SC_RATE_RANGE,
    SESSION_INTERVAL_RANGE,
};

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
    /// Length of one IV infusion in hours. Omitted: 4 hours for an infusion, none for the single-dose
    /// routes (which ignore it, with a warning when it is given).
    pub session_hours: Option<f64>,
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
    /// Hours between the doses of a regular maintenance schedule after the series (swallowed,
    /// under-the-tongue or nasal doses of `doseMgPerKg`); 0 for none.
    pub maintenance_every_hours: f64,
    /// The day (from the first session's start) before which the maintenance doses stop; 0 for
    /// the end of the timeline.
    pub maintenance_until_day: f64,
    /// How well the liver works.
    pub liver_function: LiverFunction,
    /// A regular medicine that inhibits or induces CYP3A4.
    pub cyp3a4: Cyp3a4,
    /// Long-term high-dose opioid use.
    pub opioid_use: OpioidUse,
    /// How far the timeline reaches, in days.
    pub horizon_days: f64,
}

impl Default for ScenarioInput {
    fn default() -> Self {
        ScenarioInput {
            route: Route::IvInfusion,
            formulation: Formulation::Racemic,
            dose_mg_per_kg: 0.5,
            session_hours: None,
            sessions: 1.0,
            session_interval_days: 1.0,
            condition: Condition::Crps,
            metabolism: Metabolism::Typical,
            pain_sensitivity: PainSensitivity::Typical,
            booster_every_days: 28.0,
            boosters: 0.0,
            maintenance_every_hours: 0.0,
            maintenance_until_day: 0.0,
            liver_function: LiverFunction::Normal,
            cyp3a4: Cyp3a4::None,
            opioid_use: OpioidUse::None,
            horizon_days: 365.0,
        }
    }
}

/// A dose per session in mg per kg of body weight, inside the range the evidence covers.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct DoseMgPerKg(f64);

/// A non-negative, finite number of hours.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Hours(f64);

/// A non-negative, finite number of days.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Days(f64);

impl DoseMgPerKg {
    /// The dose in mg/kg.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Hours {
    /// The value in hours.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Days {
    /// The value in days.
    pub fn get(self) -> f64 {
        self.0
    }
}

/// A validated scenario: every value is finite and inside the range the evidence covers.
///
/// Build it with [`Scenario::try_from`] (or `Scenario::from_json`, feature `json`); [`Scenario::input`] gives the
/// raw form back.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    route: Route,
    formulation: Formulation,
    dose: DoseMgPerKg,
    session_hours: Hours,
    sessions: u32,
    session_interval: Days,
    condition: Condition,
    metabolism: Metabolism,
    pain_sensitivity: PainSensitivity,
    booster_every: Days,
    boosters: u32,
    maintenance_every: Hours,
    maintenance_until: Days,
    liver_function: LiverFunction,
    cyp3a4: Cyp3a4,
    opioid_use: OpioidUse,
    horizon: Days,
}

impl Scenario {
    /// Reads and validates a scenario from JSON (feature `json`). Unknown fields or values give
    /// [`ScenarioError::Parse`] with serde's message (which lists the expected names).
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        let input: ScenarioInput =
            serde_json::from_str(json).map_err(|e| ScenarioError::Parse(e.to_string()))?;
        Scenario::try_from(input)
    }

    /// The raw form, for round-tripping (`Scenario::try_from(s.input()) == Ok(s)`).
    pub fn input(&self) -> ScenarioInput {
        ScenarioInput {
            route: self.route,
            formulation: self.formulation,
            dose_mg_per_kg: self.dose.0,
            session_hours: Some(self.session_hours.0),
            sessions: f64::from(self.sessions),
            session_interval_days: self.session_interval.0,
            condition: self.condition,
            metabolism: self.metabolism,
            pain_sensitivity: self.pain_sensitivity,
            booster_every_days: self.booster_every.0,
            boosters: f64::from(self.boosters),
            maintenance_every_hours: self.maintenance_every.0,
            maintenance_until_day: self.maintenance_until.0,
            liver_function: self.liver_function,
            cyp3a4: self.cyp3a4,
            opioid_use: self.opioid_use,
            horizon_days: self.horizon.0,
        }
    }

    /// How the dose is given.
    pub fn route(&self) -> Route {
        self.route
    }
    /// Racemic ketamine or esketamine.
    pub fn formulation(&self) -> Formulation {
        self.formulation
    }
    /// Dose per session.
    pub fn dose_mg_per_kg(&self) -> DoseMgPerKg {
        self.dose
    }
    /// Length of one IV infusion as given (ignored for bolus routes).
    pub fn session_hours(&self) -> Hours {
        self.session_hours
    }
    /// Sessions in the initial series (1 to 30).
    pub fn sessions(&self) -> u32 {
        self.sessions
    }
    /// Days between the starts of consecutive sessions of the series.
    pub fn session_interval_days(&self) -> Days {
        self.session_interval
    }
    /// The pain condition.
    pub fn condition(&self) -> Condition {
        self.condition
    }
    /// How quickly the person clears the drug.
    pub fn metabolism(&self) -> Metabolism {
        self.metabolism
    }
    /// How sensitive the person is to pain.
    pub fn pain_sensitivity(&self) -> PainSensitivity {
        self.pain_sensitivity
    }
    /// Days between maintenance doses.
    pub fn booster_every_days(&self) -> Days {
        self.booster_every
    }
    /// Number of maintenance doses (0 to 36).
    pub fn boosters(&self) -> u32 {
        self.boosters
    }
    /// Hours between maintenance doses (0: no maintenance schedule).
    pub fn maintenance_every_hours(&self) -> Hours {
        self.maintenance_every
    }
    /// The day before which maintenance doses stop, as given (0: the end of the timeline).
    pub fn maintenance_until_day(&self) -> Days {
        self.maintenance_until
    }
    /// How well the liver works.
    pub fn liver_function(&self) -> LiverFunction {
        self.liver_function
    }
    /// A regular CYP3A4 inhibitor or inducer.
    pub fn cyp3a4(&self) -> Cyp3a4 {
        self.cyp3a4
    }
    /// Long-term high-dose opioid use.
    pub fn opioid_use(&self) -> OpioidUse {
        self.opioid_use
    }
    /// How far the timeline reaches.
    pub fn horizon_days(&self) -> Days {
        self.horizon
    }

    /// Whether a maintenance schedule follows the series.
    pub(crate) fn has_maintenance(&self) -> bool {
        self.maintenance_every.0 > 0.0
    }

    /// The day maintenance doses stop before: `maintenanceUntilDay`, or the horizon when 0.
    pub(crate) fn maintenance_end_day(&self) -> f64 {
        if self.maintenance_until.0 > 0.0 {
            self.maintenance_until.0
        } else {
            self.horizon.0
        }
    }

    /// Whether each dose is an IV push: an intravenous `sessionHours` under 5 minutes.
    pub(crate) fn is_iv_push(&self) -> bool {
        self.route == Route::IvInfusion && self.session_hours.0 < IV_PUSH_HOURS
    }

    /// Whether each dose is a single shot rather than an infusion: a single-dose route, or an
    /// IV push.
    pub(crate) fn is_bolus(&self) -> bool {
        self.route.is_bolus() || self.is_iv_push()
    }

    /// Hours the model spends giving one dose: the infusion length for IV (at least a 5-minute
    /// push), 0 for bolus routes.
    pub(crate) fn infusion_hours(&self) -> f64 {
        if self.route.is_bolus() {
            0.0
        } else {
            self.session_hours.0.max(IV_PUSH_HOURS)
        }
    }
}

impl Default for Scenario {
    /// The default input ([`ScenarioInput::default`]), validated.
    fn default() -> Self {
        let d = ScenarioInput::default();
        Scenario {
            route: d.route,
            formulation: d.formulation,
            dose: DoseMgPerKg(d.dose_mg_per_kg),
            session_hours: Hours(default_session_hours(d.route)),
            sessions: 1,
            session_interval: Days(d.session_interval_days),
            condition: d.condition,
            metabolism: d.metabolism,
            pain_sensitivity: d.pain_sensitivity,
            booster_every: Days(d.booster_every_days),
            boosters: 0,
            maintenance_every: Hours(d.maintenance_every_hours),
            maintenance_until: Days(d.maintenance_until_day),
            liver_function: d.liver_function,
            cyp3a4: d.cyp3a4,
            opioid_use: d.opioid_use,
            horizon: Days(d.horizon_days),
        }
    }
}

/// `sessionHours` when the scenario leaves it out: 4 for an infusion, none for a single dose.
fn default_session_hours(route: Route) -> f64 {
    if route.is_bolus() {
        0.0
    } else {
        DEFAULT_INFUSION_HOURS
    }
}

fn finite(field: &'static str, value: f64) -> Result<f64, ScenarioError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ScenarioError::NotANumber { field, value })
    }
}

fn in_range(field: &'static str, value: f64, (min, max): (f64, f64)) -> Result<f64, ScenarioError> {
    if value >= min && value <= max {
        Ok(value)
    } else {
        Err(ScenarioError::OutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

fn whole(field: &'static str, value: f64, min: u32, max: u32) -> Result<u32, ScenarioError> {
    if value.fract() == 0.0 && value >= f64::from(min) && value <= f64::from(max) {
        // Exact: a whole number within u32 range.
        Ok(value as u32)
    } else {
        Err(ScenarioError::NotWholeNumber {
            field,
            value,
            min,
            max,
        })
    }
}

/// An interval between doses must leave room for the dose itself.
fn spacing(
    field: &'static str,
    value: f64,
    range: (f64, f64),
    dose_days: f64,
) -> Result<f64, ScenarioError> {
    in_range(field, value, range)?;
    if value < dose_days {
        return Err(ScenarioError::DosesOverlap {
            field,
            value,
            session_days: dose_days,
        });
    }
    Ok(value)
}

impl TryFrom<ScenarioInput> for Scenario {
    type Error = ScenarioError;

    /// Validates every field: finite numbers, whole counts, and ranges the evidence covers
    /// (see the bounds in the module docs of [`crate::estimator`]).
    fn try_from(input: ScenarioInput) -> Result<Self, Self::Error> {
        let dose = finite("doseMgPerKg", input.dose_mg_per_kg)?;
        let hours = match input.session_hours {
            Some(hours) => finite("sessionHours", hours)?,
            None => default_session_hours(input.route),
        };
        let sessions = finite("sessions", input.sessions)?;
        let interval = finite("sessionIntervalDays", input.session_interval_days)?;
        let booster_every = finite("boosterEveryDays", input.booster_every_days)?;
        let boosters = finite("boosters", input.boosters)?;
        let horizon = finite("horizonDays", input.horizon_days)?;
        let every_hours = finite("maintenanceEveryHours", input.maintenance_every_hours)?;
        let until = finite("maintenanceUntilDay", input.maintenance_until_day)?;

        let sessions = whole("sessions", sessions, 1, MAX_SESSIONS)?;
        let boosters = whole("boosters", boosters, 0, MAX_BOOSTERS)?;
        in_range("horizonDays", horizon, HORIZON_RANGE)?;
        in_range("sessionHours", hours, (0.0, MAX_SESSION_HOURS))?;
        in_range("maintenanceUntilDay", until, (0.0, HORIZON_RANGE.1))?;
        if every_hours != 0.0 {
            in_range(
                "maintenanceEveryHours",
                every_hours,
                MAINTENANCE_EVERY_RANGE_H,
            )?;
        }

        let route = input.route;
        if route == Route::SubcutaneousInfusion {
            in_range(
                "sessionHours",
                hours,
                (MIN_SC_INFUSION_HOURS, MAX_SESSION_HOURS),
            )?;
            in_range("doseMgPerKg", dose, (MIN_DOSE_MG_PER_KG, f64::INFINITY))?;
            let rate = dose / hours;
            let (min, max) = SC_RATE_RANGE;
            if !(min..=max).contains(&rate) {
                return Err(ScenarioError::SubcutaneousRateOutOfRange {
                    value: rate,
                    min,
                    max,
                });
            }
        } else if route.is_bolus() {
            let max = max_bolus_dose(route);
            if !(MIN_DOSE_MG_PER_KG..=max).contains(&dose) {
                return Err(ScenarioError::DoseOutOfRange {
                    route,
                    value: dose,
                    min: MIN_DOSE_MG_PER_KG,
                    max,
                });
            }
        } else {
            in_range("doseMgPerKg", dose, (MIN_DOSE_MG_PER_KG, f64::INFINITY))?;
            let rate = dose / hours.max(IV_PUSH_HOURS);
            let (min, max) = IV_RATE_RANGE;
            if !(min..=max).contains(&rate) {
                return Err(ScenarioError::RateOutOfRange {
                    value: rate,
                    min,
                    max,
                });
            }
        }

        let dose_days = if route.is_bolus() {
            0.0
        } else {
            hours.max(IV_PUSH_HOURS) / 24.0
        };
        if sessions > 1 {
            spacing(
                "sessionIntervalDays",
                interval,
                SESSION_INTERVAL_RANGE,
                dose_days,
            )?;
        }
        if boosters > 0 {
            spacing(
                "boosterEveryDays",
                booster_every,
                BOOSTER_INTERVAL_RANGE,
                dose_days,
            )?;
        }
        if every_hours > 0.0 {
            if !route.allows_maintenance() {
                return Err(ScenarioError::MaintenanceRoute { route });
            }
            if boosters > 0 {
                return Err(ScenarioError::MaintenanceWithBoosters);
            }
            let daily = dose * 24.0 / every_hours;
            if daily > MAX_MAINTENANCE_MG_PER_KG_DAY {
                return Err(ScenarioError::MaintenanceDailyDose {
                    value: daily,
                    max: MAX_MAINTENANCE_MG_PER_KG_DAY,
                });
            }
            let last_session = if sessions > 1 {
                interval * f64::from(sessions - 1)
            } else {
                0.0
            };
            let first_dose_day = last_session + every_hours / 24.0;
            if until > 0.0 && until <= first_dose_day {
                return Err(ScenarioError::MaintenanceTooShort {
                    value: until,
                    first_dose_day,
                });
            }
        }

        Ok(Scenario {
            route,
            formulation: input.formulation,
            dose: DoseMgPerKg(dose),
            session_hours: Hours(hours),
            sessions,
            session_interval: Days(interval),
            condition: input.condition,
            metabolism: input.metabolism,
            pain_sensitivity: input.pain_sensitivity,
            booster_every: Days(booster_every),
            boosters,
            maintenance_every: Hours(every_hours),
            maintenance_until: Days(until),
            liver_function: input.liver_function,
            cyp3a4: input.cyp3a4,
            opioid_use: input.opioid_use,
            horizon: Days(horizon),
        })
    }
}
