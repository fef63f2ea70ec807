//! Plain JS objects to the boundary's input types, read field by field.
//!
//! Smaller in the wasm than a general deserializer, with the same rules and serde's wording: a
//! field that is absent (or `undefined` and not set) keeps its default, a field of the wrong type
//! is refused with `invalid type: string "abc", expected f64`, an unknown enum name with
//! `unknown variant ..., expected one of ...`. Unknown fields are checked by the caller.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use super::to_js::name;
use crate::estimator::{
    Condition, Formulation, Metabolism, PainSensitivity, Route, ScenarioInput, SummaryWords,
};
use crate::number::Num;
use crate::render::{Labels, ThemeKind};

/// Why an input could not be read, in serde's words.
pub type Error = String;

/// Serde's description of an unexpected JS value.
fn unexpected(v: &JsValue) -> String {
    if v.is_undefined() || v.is_null() {
        "unit value".into()
    } else if let Some(b) = v.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(n) = v.as_f64() {
        let s = Num::readable(n, 6);
        // serde always shows a decimal point: `42.0`.
        if n.is_finite() && !s.contains(['.', 'e']) {
            format!("floating point `{s}.0`")
        } else {
            format!("floating point `{s}`")
        }
    } else if let Some(s) = v.as_string() {
        format!("string {}", quoted(&s))
    } else if Array::is_array(v) {
        "sequence".into()
    } else {
        "map".into()
    }
}

/// `s` in double quotes with `"`, `\` and control characters escaped, as serde shows a string
/// (without `{:?}`, whose Unicode escaping tables cost ~4 KB of wasm).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                // Control characters are all below U+00A0: two hex digits.
                let code = u32::from(c);
                out.push_str("\\u{");
                for digit in [code >> 4, code & 15] {
                    out.push(char::from(b"0123456789abcdef"[digit as usize & 15]));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn invalid_type(v: &JsValue, expected: &str) -> Error {
    format!("invalid type: {}, expected {expected}", unexpected(v))
}

/// The fields of a JS object.
pub struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    /// `value`'s fields, or `None` for `undefined` and `null` (everything default). Anything but
    /// an object is refused as not the `expected` struct.
    pub fn of(value: &'a JsValue, expected: &str) -> Result<Option<Self>, Error> {
        if value.is_undefined() || value.is_null() {
            Ok(None)
        } else if value.is_object() {
            Ok(Some(Fields(value)))
        } else {
            Err(invalid_type(value, expected))
        }
    }

    /// The field's value, or `None` when the object does not have it.
    fn get(&self, key: &'static str) -> Option<JsValue> {
        let key = name(key);
        // Reading a property of an object only fails for a throwing getter: read it as absent.
        let v = Reflect::get(self.0, key).ok()?;
        if v.is_undefined() && !Reflect::has(self.0, key).unwrap_or(false) {
            None
        } else {
            Some(v)
        }
    }

    /// A number field.
    pub fn number(&self, key: &'static str, into: &mut f64) -> Result<(), Error> {
        if let Some(v) = self.get(key) {
            *into = float(&v)?;
        }
        Ok(())
    }

    /// A number field that may be left out (also as `null` or `undefined`).
    pub fn optional_number(&self, key: &'static str, into: &mut Option<f64>) -> Result<(), Error> {
        *into = match self.get(key) {
            Some(v) if !v.is_null() && !v.is_undefined() => Some(float(&v)?),
            _ => None,
        };
        Ok(())
    }

    /// A string field.
    pub fn text(&self, key: &'static str, into: &mut String) -> Result<(), Error> {
        if let Some(v) = self.get(key) {
            *into = string(&v)?;
        }
        Ok(())
    }

    /// An array of `N` strings.
    pub fn texts<const N: usize>(
        &self,
        key: &'static str,
        into: &mut [String; N],
    ) -> Result<(), Error> {
        if let Some(v) = self.get(key) {
            strings(&v, into)?;
        }
        Ok(())
    }

    /// An array of `N` pairs of strings.
    pub fn pairs<const N: usize>(
        &self,
        key: &'static str,
        into: &mut [[String; 2]; N],
    ) -> Result<(), Error> {
        if let Some(v) = self.get(key) {
            let items = array(&v, N)?;
            for (i, pair) in into.iter_mut().enumerate() {
                strings(&items.get(i as u32), pair)?;
            }
        }
        Ok(())
    }

    /// A unit enum, by its name in `names`; `expected` is serde's name for it (`enum Route`).
    pub fn choice<T: Copy>(
        &self,
        key: &'static str,
        expected: &str,
        names: &[(&str, T)],
        into: &mut T,
    ) -> Result<(), Error> {
        let mut listed = names.iter().map(|(n, _)| *n);
        if let Some(i) = self.choice_index(key, expected, &mut listed)? {
            *into = names[i].1;
        }
        Ok(())
    }

    /// The position of the field's value among `names`: the non-generic part of `choice`,
    /// compiled once rather than once per enum.
    fn choice_index(
        &self,
        key: &'static str,
        expected: &str,
        names: &mut dyn Iterator<Item = &str>,
    ) -> Result<Option<usize>, Error> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let name = v.as_string().ok_or_else(|| invalid_type(&v, expected))?;
        let names: Vec<&str> = names.collect();
        match names.iter().position(|n| *n == name) {
            Some(i) => Ok(Some(i)),
            None => Err(unknown_variant(&name, &names)),
        }
    }
}

/// Serde's message for an enum name that is not one of `names`.
/// The chart's theme: `light` or `dark`.
pub fn theme(name: &str) -> Result<ThemeKind, Error> {
    match name {
        "light" => Ok(ThemeKind::Light),
        "dark" => Ok(ThemeKind::Dark),
        _ => Err(unknown_variant(name, &["light", "dark"])),
    }
}

fn unknown_variant(name: &str, names: &[&str]) -> Error {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let expected = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    };
    format!("unknown variant `{name}`, expected {expected}")
}

/// `v` as a number (any number, NaN too: the scenario's checks name what is wrong with it).
fn float(v: &JsValue) -> Result<f64, Error> {
    v.as_f64().ok_or_else(|| invalid_type(v, "f64"))
}

fn string(v: &JsValue) -> Result<String, Error> {
    v.as_string().ok_or_else(|| invalid_type(v, "a string"))
}

/// `v` as an array of exactly `n` items.
fn array(v: &JsValue, n: usize) -> Result<Array, Error> {
    let expected = format!("an array of length {n}");
    if !Array::is_array(v) {
        return Err(invalid_type(v, &expected));
    }
    let items = Array::from(v);
    if items.length() as usize != n {
        return Err(format!(
            "invalid length {}, expected {expected}",
            items.length()
        ));
    }
    Ok(items)
}

fn strings<const N: usize>(v: &JsValue, into: &mut [String; N]) -> Result<(), Error> {
    let items = array(v, N)?;
    for (i, s) in into.iter_mut().enumerate() {
        *s = string(&items.get(i as u32))?;
    }
    Ok(())
}

/// A scenario object (`undefined` and `null` give the defaults). Does not check for unknown
/// fields.
pub fn scenario(value: &JsValue) -> Result<ScenarioInput, Error> {
    let mut s = ScenarioInput::default();
    let Some(f) = Fields::of(value, "struct ScenarioInput")? else {
        return Ok(s);
    };
    use Route::*;
    let routes = [
        ("ivInfusion", IvInfusion),
        ("imInjection", ImInjection),
        ("subcutaneous", Subcutaneous),
        ("intranasal", Intranasal),
        ("sublingual", Sublingual),
        ("oral", Oral),
    ];
    f.choice("route", "enum Route", &routes, &mut s.route)?;
    let formulations = [
        ("racemic", Formulation::Racemic),
        ("esketamine", Formulation::Esketamine),
    ];
    f.choice(
        "formulation",
        "enum Formulation",
        &formulations,
        &mut s.formulation,
    )?;
    f.number("doseMgPerKg", &mut s.dose_mg_per_kg)?;
    f.optional_number("sessionHours", &mut s.session_hours)?;
    f.number("sessions", &mut s.sessions)?;
    f.number("sessionIntervalDays", &mut s.session_interval_days)?;
    let conditions = [
        ("crps", Condition::Crps),
        ("fibromyalgia", Condition::Fibromyalgia),
        ("neuropathic", Condition::Neuropathic),
        ("mixedChronic", Condition::MixedChronic),
    ];
    f.choice("condition", "enum Condition", &conditions, &mut s.condition)?;
    let metabolisms = [
        ("slow", Metabolism::Slow),
        ("typical", Metabolism::Typical),
        ("fast", Metabolism::Fast),
    ];
    f.choice(
        "metabolism",
        "enum Metabolism",
        &metabolisms,
        &mut s.metabolism,
    )?;
    let sensitivities = [
        ("low", PainSensitivity::Low),
        ("typical", PainSensitivity::Typical),
        ("high", PainSensitivity::High),
    ];
    f.choice(
        "painSensitivity",
        "enum PainSensitivity",
        &sensitivities,
        &mut s.pain_sensitivity,
    )?;
    f.number("boosterEveryDays", &mut s.booster_every_days)?;
    f.number("boosters", &mut s.boosters)?;
    f.number("horizonDays", &mut s.horizon_days)?;
    Ok(s)
}

/// The chart's words (`undefined` and `null` give English); fields left out stay English.
pub fn labels(value: &JsValue) -> Result<Labels, Error> {
    let mut l = Labels::default();
    if let Some(f) = Fields::of(value, "struct Labels")? {
        f.texts("ticks", &mut l.ticks)?;
        f.text("reliefAxis", &mut l.relief_axis)?;
        f.text("percent", &mut l.percent)?;
        f.texts("phases", &mut l.phases)?;
        f.text("chance", &mut l.chance)?;
        f.text("threshold", &mut l.threshold)?;
        f.text("median", &mut l.median)?;
        f.text("band", &mut l.band)?;
        f.text("dose", &mut l.dose)?;
        f.text("booster", &mut l.booster)?;
        f.text("sideEffects", &mut l.side_effects)?;
        f.text("footnote", &mut l.footnote)?;
    }
    Ok(l)
}

/// The summary's words (`undefined` and `null` give English); fields left out stay English.
pub fn summary_words(value: &JsValue) -> Result<SummaryWords, Error> {
    let mut w = SummaryWords::default();
    if let Some(f) = Fields::of(value, "struct SummaryWords")? {
        f.text("almostEveryone", &mut w.almost_everyone)?;
        f.text("inTen", &mut w.in_ten)?;
        f.text("fewerThanOneInTen", &mut w.fewer_than_one_in_ten)?;
        f.text("acute", &mut w.acute)?;
        f.text("acuteNone", &mut w.acute_none)?;
        f.text("subAcute", &mut w.sub_acute)?;
        f.text("subAcuteNone", &mut w.sub_acute_none)?;
        f.text("chronic", &mut w.chronic)?;
        f.text("untilDay", &mut w.until_day)?;
        f.text("untilBeyond", &mut w.until_beyond)?;
        f.text("end", &mut w.end)?;
        f.text("endBoosters", &mut w.end_boosters)?;
        f.text("endUnreached", &mut w.end_unreached)?;
        f.text("endUnreachedShort", &mut w.end_unreached_short)?;
        f.text("sideEffects", &mut w.side_effects)?;
        f.text("disclaimer", &mut w.disclaimer)?;
        f.text("infusion", &mut w.infusion)?;
        f.text("dose", &mut w.dose)?;
        f.texts("after", &mut w.after)?;
        f.text("fewMinutes", &mut w.few_minutes)?;
        f.pairs("units", &mut w.units)?;
        f.text("decimal", &mut w.decimal)?;
    }
    Ok(w)
}
