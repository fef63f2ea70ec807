//! The scenario's fields as data: for each, its JSON and attribute names, what values it takes,
//! its default, range, step and unit, in one table ([`FIELDS`]).
//!
//! Everything else follows from it: [`ScenarioInput`](super::ScenarioInput)'s unknown-field
//! check, the web widget's attributes, controls and attribute parsing (the build embeds the
//! table, `cargo run --example schema`), the message files' keys (checked by a test) and the
//! README's attribute table (`docs/attributes.md`, written by the same example and checked by a
//! test). Tests check the table against the types and the validation.

use serde::Serialize;

use super::params::{
    BOOSTER_INTERVAL_RANGE, DEFAULT_INFUSION_HOURS, HORIZON_RANGE, MAINTENANCE_EVERY_RANGE_H,
    MAX_BOOSTERS, MAX_SESSIONS, MAX_SESSION_HOURS, MIN_DOSE_MG_PER_KG, SESSION_INTERVAL_RANGE,
};

/// One field of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// Its name in JSON and JavaScript: `doseMgPerKg`.
    pub name: &'static str,
    /// Its HTML attribute, URL parameter and hash key: `dose-mg-per-kg`.
    pub attribute: &'static str,
    /// The values it takes.
    pub kind: Kind,
    /// The unit of a number (`mg/kg`, `h`, `days`), empty for a choice or a count.
    pub unit: &'static str,
    /// What it is, in a line of English (for the documentation: not serialized, so the widget does
    /// not carry it).
    #[serde(skip)]
    pub about: &'static str,
}

/// The values a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Kind {
    /// One of `values` (serde names, camelCase), `default` when left out.
    Choice {
        /// Every allowed value.
        values: &'static [&'static str],
        /// The value when the field is left out.
        default: &'static str,
    },
    /// A number from `min` to `max` (a whole one when `whole`); an input's step is `step`.
    /// `default` is the value a scenario with every field left out has (`sessionHours`: an
    /// infusion's, since the default route is one); `max` is `None` where the limit depends on
    /// other fields (the dose: see `about`).
    Number {
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed, if it is fixed.
        max: Option<f64>,
        /// The step of an input for it.
        step: f64,
        /// Whether only whole numbers are allowed.
        whole: bool,
        /// The value when the field is left out.
        default: Option<f64>,
    },
}

const fn choice(values: &'static [&'static str], default: &'static str) -> Kind {
    Kind::Choice { values, default }
}

const fn number(min: f64, max: Option<f64>, step: f64, default: Option<f64>) -> Kind {
    Kind::Number {
        min,
        max,
        step,
        whole: false,
        default,
    }
}

const fn count(min: u32, max: u32, default: f64) -> Kind {
    Kind::Number {
        min: min as f64,
        max: Some(max as f64),
        step: 1.0,
        whole: true,
        default: Some(default),
    }
}

/// Every field of a scenario, in the order the widget's controls show them.
pub const FIELDS: [Field; 17] = [
    Field {
        name: "route",
        attribute: "route",
        kind: choice(
            &[
                "ivInfusion",
                "imInjection",
                "subcutaneous",
                "intranasal",
                "sublingual",
                "oral",
                "subcutaneousInfusion",
            ],
            "ivInfusion",
        ),
        unit: "",
        about: "how the dose is given",
    },
    Field {
        name: "formulation",
        attribute: "formulation",
        kind: choice(&["racemic", "esketamine"], "racemic"),
        unit: "",
        about: "racemic ketamine or esketamine",
    },
    Field {
        name: "doseMgPerKg",
        attribute: "dose-mg-per-kg",
        kind: number(MIN_DOSE_MG_PER_KG, None, 0.05, Some(0.5)),
        unit: "mg/kg",
        about: "dose per session, mg per kg of body weight (at most 1 for IM and subcutaneous, \
                3 for the other single doses; an IV infusion 0.04 to 7 mg/kg per hour, a \
                subcutaneous infusion 0.1 to 1.2; on a maintenance schedule at most 3 mg/kg a day)",
    },
    Field {
        name: "sessionHours",
        attribute: "session-hours",
        kind: number(
            0.0,
            Some(MAX_SESSION_HOURS),
            0.5,
            Some(DEFAULT_INFUSION_HOURS),
        ),
        unit: "h",
        about: "length of one IV or subcutaneous infusion in hours (4 when left out; a \
                subcutaneous infusion at least 1; other routes ignore it)",
    },
    Field {
        name: "sessions",
        attribute: "sessions",
        kind: count(1, MAX_SESSIONS, 1.0),
        unit: "",
        about: "sessions in the initial series",
    },
    Field {
        name: "sessionIntervalDays",
        attribute: "session-interval-days",
        kind: number(
            SESSION_INTERVAL_RANGE.0,
            Some(SESSION_INTERVAL_RANGE.1),
            1.0,
            Some(1.0),
        ),
        unit: "days",
        about: "days from one session of the series to the next",
    },
    Field {
        name: "condition",
        attribute: "condition",
        kind: choice(
            &["crps", "fibromyalgia", "neuropathic", "mixedChronic"],
            "crps",
        ),
        unit: "",
        about: "the pain condition",
    },
    Field {
        name: "metabolism",
        attribute: "metabolism",
        kind: choice(&["slow", "typical", "fast"], "typical"),
        unit: "",
        about: "how quickly the drug is cleared",
    },
    Field {
        name: "painSensitivity",
        attribute: "pain-sensitivity",
        kind: choice(&["low", "typical", "high"], "typical"),
        unit: "",
        about: "how sensitive to pain",
    },
    Field {
        name: "liverFunction",
        attribute: "liver-function",
        kind: choice(&["normal", "reduced"], "normal"),
        unit: "",
        about: "how well the liver works (reduced: slower clearance, an assumption)",
    },
    Field {
        name: "cyp3a4",
        attribute: "cyp3a4",
        kind: choice(&["none", "inhibitor", "inducer"], "none"),
        unit: "",
        about: "a regular medicine that inhibits (e.g. clarithromycin) or induces (e.g. \
                rifampicin) CYP3A4",
    },
    Field {
        name: "opioidUse",
        attribute: "opioid-use",
        kind: choice(&["none", "longTermHighDose"], "none"),
        unit: "",
        about: "long-term high-dose opioid use (changes only the caveats: its effect was never \
                measured)",
    },
    Field {
        name: "boosters",
        attribute: "boosters",
        kind: count(0, MAX_BOOSTERS, 0.0),
        unit: "",
        about: "maintenance doses after the series",
    },
    Field {
        name: "boosterEveryDays",
        attribute: "booster-every-days",
        kind: number(
            BOOSTER_INTERVAL_RANGE.0,
            Some(BOOSTER_INTERVAL_RANGE.1),
            1.0,
            Some(28.0),
        ),
        unit: "days",
        about: "days between maintenance doses",
    },
    Field {
        name: "maintenanceEveryHours",
        attribute: "maintenance-every-hours",
        kind: number(0.0, Some(MAINTENANCE_EVERY_RANGE_H.1), 1.0, Some(0.0)),
        unit: "h",
        about: "hours between the doses of a regular schedule after the series, for oral, \
                sublingual and nasal doses (0 for none, else at least 6; not with boosters)",
    },
    Field {
        name: "maintenanceUntilDay",
        attribute: "maintenance-until-day",
        kind: number(0.0, Some(HORIZON_RANGE.1), 1.0, Some(0.0)),
        unit: "days",
        about: "the day the maintenance schedule stops (0 for the end of the timeline)",
    },
    Field {
        name: "horizonDays",
        attribute: "horizon-days",
        kind: number(HORIZON_RANGE.0, Some(HORIZON_RANGE.1), 1.0, Some(365.0)),
        unit: "days",
        about: "how far the timeline reaches, in days",
    },
];

/// The field named `name` (JSON name), if there is one.
pub fn field(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

#[cfg(test)]
mod tests {
    use super::{Kind, FIELDS};
    use crate::estimator::{Scenario, ScenarioInput};

    fn parse(json: &str) -> Result<Scenario, String> {
        let input: ScenarioInput = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Scenario::try_from(input).map_err(|e| e.to_string())
    }

    #[test]
    fn the_table_names_every_field_of_the_input_and_its_default() {
        // The defaults as the estimator applies them (an infusion's hours for the default route).
        let validated = Scenario::try_from(ScenarioInput::default()).expect("valid");
        let defaults = serde_json::to_value(validated.input()).expect("serialisable");
        let defaults = defaults.as_object().expect("an object");
        let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        let mut keys: Vec<&str> = defaults.keys().map(String::as_str).collect();
        let mut sorted = names.clone();
        keys.sort_unstable();
        sorted.sort_unstable();
        assert_eq!(sorted, keys);
        for f in FIELDS {
            let kebab: String = f
                .name
                .chars()
                .flat_map(|c| {
                    let dash = c.is_ascii_uppercase().then_some('-');
                    dash.into_iter().chain([c.to_ascii_lowercase()])
                })
                .collect();
            assert_eq!(f.attribute, kebab, "{}", f.name);
            let default = &defaults[f.name];
            match f.kind {
                Kind::Choice { default: d, .. } => assert_eq!(default, d, "{}", f.name),
                Kind::Number { default: d, .. } => {
                    assert_eq!(default.as_f64(), d, "{}", f.name);
                }
            }
        }
    }

    #[test]
    fn choices_are_exactly_the_enums_variants() {
        for f in FIELDS {
            let Kind::Choice { values, .. } = f.kind else {
                continue;
            };
            for v in values {
                parse(&format!(r#"{{"{}": "{v}"}}"#, f.name))
                    .unwrap_or_else(|e| panic!("{}: {v}: {e}", f.name));
            }
            // serde lists every variant when one is unknown.
            let e = parse(&format!(r#"{{"{}": "nope"}}"#, f.name)).unwrap_err();
            let listed: Vec<&str> = e.split('`').skip(3).step_by(2).collect();
            assert_eq!(listed, values, "{}: {e}", f.name);
        }
    }

    #[test]
    fn ranges_are_the_validations() {
        for f in FIELDS {
            let Kind::Number {
                min, max, whole, ..
            } = f.kind
            else {
                continue;
            };
            // In a series with boosters, so that the intervals are checked.
            let with = |v: f64| {
                let json = format!(
                    r#"{{"sessions": 2, "boosters": 2, "sessionHours": 1, "{}": {v}}}"#,
                    f.name
                );
                let json = match f.name {
                    // A count alone (two sessions and boosters would fix it).
                    "sessions" | "boosters" => format!(r#"{{"{}": {v}}}"#, f.name),
                    // A maintenance schedule of oral doses, every 24 hours.
                    "maintenanceEveryHours" => {
                        format!(r#"{{"route": "oral", "maintenanceEveryHours": {v}}}"#)
                    }
                    "maintenanceUntilDay" => format!(
                        r#"{{"route": "oral", "maintenanceEveryHours": 24, "maintenanceUntilDay": {v}}}"#
                    ),
                    // At 1 mg/kg per hour (the rate has its own range); 0.5 mg/kg as a push.
                    "sessionHours" => {
                        let dose = if v > 0.0 { v } else { 0.5 };
                        format!(r#"{{"doseMgPerKg": {dose}, "sessionHours": {v}}}"#)
                    }
                    _ => json,
                };
                parse(&json)
            };
            assert!(with(min).is_ok(), "{} at its minimum {min}", f.name);
            assert!(with(min - 0.01).is_err(), "{} below its minimum", f.name);
            if let Some(max) = max {
                assert!(with(max).is_ok(), "{} at its maximum {max}", f.name);
                assert!(with(max + 0.01).is_err(), "{} above its maximum", f.name);
            }
            if whole {
                assert!(with(min + 0.5).is_err(), "{} takes a fraction", f.name);
            }
        }
    }
}
