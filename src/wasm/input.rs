//! JS values in: the scenario, the chart's words and theme, read by serde-wasm-bindgen into the
//! estimator's and renderer's own serde types.
//!
//! Two things serde-wasm-bindgen leaves to its caller are done here. It reads only the fields a
//! type declares, so an unknown field (`{dose: 5}`, which would silently mean the default dose) is
//! refused by name first. And it reads a field with a plain property access, through which an
//! exception from a getter would unwind straight through the wasm: the scenario's fields are first
//! copied onto a plain object with `Reflect.get`, which catches, so a throwing getter becomes an
//! ordinary error and the module stays usable.

use js_sys::{Array, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::estimator::schema::FIELDS;
use crate::estimator::{Scenario, ScenarioError, ScenarioInput, SummaryWords};
use crate::render::{Labels, ThemeKind};

/// A scenario object (camelCase fields, all optional; `undefined` and `null` give the defaults),
/// read and validated. Refused as a JS `Error` with a message and the structured fields of
/// [`scenario_error`].
pub fn scenario(value: &JsValue) -> Result<Scenario, JsValue> {
    #[cfg(feature = "test-panic")]
    super::fault::check(super::fault::Point::Read);
    let parse = |message: String, field: Option<&str>| {
        let error = scenario_error(&ScenarioError::Parse(message));
        if let Some(field) = field {
            set(&error, "field", &field.into());
        }
        error
    };
    let input = if value.is_undefined() || value.is_null() {
        ScenarioInput::default()
    } else {
        let plain = plain_scenario(value).map_err(|(m, field)| parse(m, Some(field)))?;
        read::<ScenarioInput>(&plain).map_err(|m| match culprit(&plain) {
            Some(field) => parse(format!("{m} (in `{field}`)"), Some(field)),
            None => parse(m, None),
        })?
    };
    Scenario::try_from(input).map_err(|e| scenario_error(&e))
}

/// A scenario's known fields on a fresh plain object, each read once with `Reflect.get` (own or
/// inherited, as a property access would; a getter that throws reads as absent); an unknown own
/// field is refused. Anything but an
/// object is passed on as is, for serde to refuse with its type.
fn plain_scenario(value: &JsValue) -> Result<JsValue, (String, &'static str)> {
    if !value.is_object() || Array::is_array(value) {
        return Ok(value.clone());
    }
    let known = FIELDS.map(|f| f.name);
    // `Reflect.ownKeys` and `Reflect.get` catch what a proxy or a getter throws.
    let keys = Reflect::own_keys(value).map_err(|e| (threw("listing its fields", &e), ""))?;
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if !known.contains(&key.as_str()) {
            let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            return Err((
                format!(
                    "unknown field `{key}`, expected one of {}",
                    expected.join(", ")
                ),
                "",
            ));
        }
    }
    // No prototype: no setter that a page put on `Object.prototype` runs while it is filled in.
    let plain: Object = Object::create(JsValue::NULL.unchecked_ref());
    for field in known {
        let name = JsValue::from_str(field);
        // A getter that throws reads as absent, as does a field that is not there: the default.
        let Ok(field_value) = Reflect::get(value, &name) else {
            continue;
        };
        // A field set to `undefined` is read (and refused as not a number, say) like any value.
        if !field_value.is_undefined() || Reflect::has(value, &name).unwrap_or(false) {
            set(&plain, field, &field_value);
        }
    }
    Ok(plain.into())
}

/// The first field of a scenario that serde refuses on its own (serde's message does not say which
/// one it was about).
fn culprit(plain: &JsValue) -> Option<&'static str> {
    if !plain.is_object() {
        return None;
    }
    FIELDS.map(|f| f.name).into_iter().find(|field| {
        let name = JsValue::from_str(field);
        let one: Object = Object::create(JsValue::NULL.unchecked_ref());
        match Reflect::get(plain, &name) {
            Ok(value) if Reflect::has(plain, &name).unwrap_or(false) => set(&one, field, &value),
            _ => return false,
        }
        read::<ScenarioInput>(&one).is_err()
    })
}

/// What a JS exception said, for a message about `doing` something with the scenario.
fn threw(doing: &str, error: &JsValue) -> String {
    let said = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an exception".into());
    format!("{doing} threw: {said}")
}

/// `value` as a `T`, or serde's message.
fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(message)
}

/// serde-wasm-bindgen's error as its message alone (its `Display` prefixes "Error: ").
fn message(e: serde_wasm_bindgen::Error) -> String {
    let value = JsValue::from(e);
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => value.as_string().unwrap_or_default(),
    }
}

/// The chart's words (`undefined` and `null` give English; fields left out stay English).
pub fn labels(value: &JsValue) -> Result<Labels, String> {
    words(value).map_err(|m| format!("bad chart labels: {m}"))
}

/// The summary's words (`undefined` and `null` give English; fields left out stay English).
pub fn summary_words(value: &JsValue) -> Result<SummaryWords, String> {
    words(value).map_err(|m| format!("bad summary words: {m}"))
}

fn words<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    read(value)
}

/// The chart's theme: `light` or `dark`.
pub fn theme(name: &str) -> Result<ThemeKind, String> {
    serde_wasm_bindgen::from_value(JsValue::from_str(name))
        .map_err(|e| format!("bad chart theme: {}", message(e)))
}

/// A refused scenario as a JS `Error`: the English message, plus `code` and the numbers involved
/// (`field`, `value`, `min`, `max`, `route`) so a page can word it in its own language.
pub fn scenario_error(e: &ScenarioError) -> JsValue {
    let error: JsValue = js_sys::Error::new(&e.to_string()).into();
    set(&error, "code", &e.code().into());
    let (field, value, min, max) = match e {
        ScenarioError::NotANumber { field, value } => (*field, *value, f64::NAN, f64::NAN),
        ScenarioError::OutOfRange {
            field,
            value,
            min,
            max,
        } => (*field, *value, *min, *max),
        ScenarioError::NotWholeNumber {
            field,
            value,
            min,
            max,
        } => (*field, *value, f64::from(*min), f64::from(*max)),
        ScenarioError::DoseOutOfRange {
            route,
            value,
            min,
            max,
        } => {
            // Its serde name, as in a scenario: "ivInfusion".
            let name = serde_wasm_bindgen::to_value(route).unwrap_or(JsValue::UNDEFINED);
            set(&error, "route", &name);
            ("doseMgPerKg", *value, *min, *max)
        }
        ScenarioError::RateOutOfRange { value, min, max } => ("doseMgPerKg", *value, *min, *max),
        ScenarioError::DosesOverlap {
            field,
            value,
            session_days,
        } => (*field, *value, *session_days, f64::NAN),
        _ => return error,
    };
    set(&error, "field", &field.into());
    set(&error, "value", &value.into());
    set(&error, "min", &min.into());
    set(&error, "max", &max.into());
    error
}

/// `target[key] = value` on an object this module made (an `Error` or a prototype-less object),
/// where it cannot fail.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}
