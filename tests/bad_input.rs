//! The catalog of bad input, through the estimator API: every case is refused with a typed
//! [`ScenarioError`] whose message names the field and the allowed range (and never suggests a
//! dose), or, for valid-but-extreme input, estimated and rendered to SVG with no panic and no NaN.
//!
//! Also the bounded CI pass of the fuzz target: every file of `fuzz/corpus/scenario_svg/` and a
//! few thousand generated JSON scenarios through the same code path the fuzz target runs
//! (`fuzz/check.rs`: `Scenario::from_json` -> `estimate` -> `to_svg`, invariants checked).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/check.rs"]
mod check;

use proptest::prelude::*;
use relief_timeline::estimator::{Route, Scenario, ScenarioError, ScenarioInput};

/// What a case feeds in: JSON text, or a raw input struct (for NaN and infinity, which JSON cannot
/// carry).
enum Input {
    Json(&'static str),
    Raw(fn() -> ScenarioInput),
}

/// What must come out.
enum Expect {
    /// Refused with this variant; the message must contain every one of these strings (the field
    /// and the allowed range).
    Refused(fn(&ScenarioError) -> bool, &'static [&'static str]),
    /// Accepted: estimated and rendered without NaN.
    Accepted,
}
use Expect::{Accepted, Refused};

fn raw(f: impl FnOnce(&mut ScenarioInput)) -> ScenarioInput {
    let mut input = ScenarioInput::default();
    f(&mut input);
    input
}

const NAN: f64 = f64::NAN;
const INF: f64 = f64::INFINITY;

macro_rules! is {
    ($p:pat) => {
        |e: &ScenarioError| matches!(e, $p)
    };
}

/// (name, input, expected). Names are the rows of the catalog in the closing report.
fn catalog() -> Vec<(&'static str, Input, Expect)> {
    use Input::{Json, Raw};
    use ScenarioError::*;
    vec![
        (
            "dose negative",
            Json(r#"{"doseMgPerKg":-1}"#),
            Refused(
                is!(OutOfRange {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "at least 0.05 mg/kg"],
            ),
        ),
        (
            "dose zero",
            Json(r#"{"doseMgPerKg":0}"#),
            Refused(
                is!(OutOfRange {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "at least 0.05 mg/kg"],
            ),
        ),
        (
            "dose -0",
            Json(r#"{"doseMgPerKg":-0.0}"#),
            Refused(
                is!(OutOfRange {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "0.05"],
            ),
        ),
        (
            "dose NaN",
            Raw(|| raw(|i| i.dose_mg_per_kg = NAN)),
            Refused(
                is!(NotANumber {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "finite number"],
            ),
        ),
        (
            "dose Infinity",
            Raw(|| raw(|i| i.dose_mg_per_kg = INF)),
            Refused(
                is!(NotANumber {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "finite number"],
            ),
        ),
        (
            "dose -Infinity",
            Raw(|| raw(|i| i.dose_mg_per_kg = -INF)),
            Refused(
                is!(NotANumber {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "finite number"],
            ),
        ),
        (
            "dose NaN as JSON text",
            Json(r#"{"doseMgPerKg":NaN}"#),
            Refused(is!(Parse(_)), &["expected"]),
        ),
        (
            "dose 1e308 (IV)",
            Json(r#"{"doseMgPerKg":1e308}"#),
            Refused(
                is!(RateOutOfRange { .. }),
                &[
                    "doseMgPerKg over sessionHours",
                    "from 0.04 to 7 mg/kg per hour",
                ],
            ),
        ),
        (
            "dose 1e308 (oral)",
            Json(r#"{"route":"oral","doseMgPerKg":1e308}"#),
            Refused(
                is!(DoseOutOfRange {
                    route: Route::Oral,
                    ..
                }),
                &["doseMgPerKg", "between 0.05 and 3 mg/kg"],
            ),
        ),
        (
            "dose 1e-300",
            Json(r#"{"doseMgPerKg":1e-300}"#),
            Refused(
                is!(OutOfRange {
                    field: "doseMgPerKg",
                    ..
                }),
                &["doseMgPerKg", "at least 0.05"],
            ),
        ),
        (
            "dose non-numeric",
            Json(r#"{"doseMgPerKg":"abc"}"#),
            Refused(is!(Parse(_)), &["invalid type", "expected f64"]),
        ),
        (
            "dose too high for IM",
            Json(r#"{"route":"imInjection","doseMgPerKg":5}"#),
            Refused(
                is!(DoseOutOfRange {
                    route: Route::ImInjection,
                    ..
                }),
                &["doseMgPerKg", "between 0.05 and 1 mg/kg"],
            ),
        ),
        (
            "hours negative",
            Json(r#"{"sessionHours":-1}"#),
            Refused(
                is!(OutOfRange {
                    field: "sessionHours",
                    ..
                }),
                &["sessionHours", "between 0 and 168 hours"],
            ),
        ),
        (
            "hours zero (IV push)",
            Json(r#"{"sessionHours":0}"#),
            Accepted,
        ),
        (
            "hours NaN",
            Raw(|| raw(|i| i.session_hours = Some(NAN))),
            Refused(
                is!(NotANumber {
                    field: "sessionHours",
                    ..
                }),
                &["sessionHours", "finite number"],
            ),
        ),
        (
            "hours Infinity",
            Raw(|| raw(|i| i.session_hours = Some(INF))),
            Refused(
                is!(NotANumber {
                    field: "sessionHours",
                    ..
                }),
                &["sessionHours", "finite number"],
            ),
        ),
        (
            "hours 1e308",
            Json(r#"{"sessionHours":1e308}"#),
            Refused(
                is!(OutOfRange {
                    field: "sessionHours",
                    ..
                }),
                &["sessionHours", "between 0 and 168 hours"],
            ),
        ),
        (
            "hours non-numeric",
            Json(r#"{"sessionHours":"four"}"#),
            Refused(is!(Parse(_)), &["invalid type", "expected f64"]),
        ),
        (
            // An optional field: null is "not given" (4 hours for an infusion).
            "hours null",
            Json(r#"{"sessionHours":null}"#),
            Accepted,
        ),
        (
            "route unknown",
            Json(r#"{"route":"byPigeon"}"#),
            Refused(
                is!(Parse(_)),
                &["unknown variant `byPigeon`", "ivInfusion", "oral"],
            ),
        ),
        (
            "route HTML",
            Json(r#"{"route":"<img src=x onerror=alert(1)>"}"#),
            Refused(
                is!(Parse(_)),
                &[
                    "unknown variant",
                    "<img src=x onerror=alert(1)>",
                    "ivInfusion",
                ],
            ),
        ),
        (
            "condition unknown",
            Json(r#"{"condition":"migraine"}"#),
            Refused(
                is!(Parse(_)),
                &["unknown variant `migraine`", "crps", "fibromyalgia"],
            ),
        ),
        (
            "condition script",
            Json(r#"{"condition":"<script>alert(1)</script>"}"#),
            Refused(is!(Parse(_)), &["unknown variant", "crps"]),
        ),
        (
            "unknown field",
            Json(r#"{"dose":1}"#),
            Refused(is!(Parse(_)), &["unknown field `dose`", "doseMgPerKg"]),
        ),
        (
            "sessions 0",
            Json(r#"{"sessions":0}"#),
            Refused(
                is!(NotWholeNumber {
                    field: "sessions",
                    ..
                }),
                &["sessions", "whole number from 1 to 30"],
            ),
        ),
        (
            "sessions 1e9",
            Json(r#"{"sessions":1000000000}"#),
            Refused(
                is!(NotWholeNumber {
                    field: "sessions",
                    ..
                }),
                &["sessions", "from 1 to 30"],
            ),
        ),
        (
            "sessions 2.5",
            Json(r#"{"sessions":2.5}"#),
            Refused(
                is!(NotWholeNumber {
                    field: "sessions",
                    ..
                }),
                &["sessions", "from 1 to 30"],
            ),
        ),
        (
            "sessions NaN",
            Raw(|| raw(|i| i.sessions = NAN)),
            Refused(
                is!(NotANumber {
                    field: "sessions",
                    ..
                }),
                &["sessions", "finite number"],
            ),
        ),
        (
            "interval 0 days",
            Json(r#"{"sessions":3,"sessionIntervalDays":0}"#),
            Refused(
                is!(OutOfRange {
                    field: "sessionIntervalDays",
                    ..
                }),
                &["sessionIntervalDays", "between 1 and 60 days"],
            ),
        ),
        (
            "sessions overlap",
            Json(r#"{"doseMgPerKg":10,"sessionHours":168,"sessions":3,"sessionIntervalDays":2}"#),
            Refused(
                is!(DosesOverlap {
                    field: "sessionIntervalDays",
                    ..
                }),
                &[
                    "sessionIntervalDays",
                    "at least the length of one session (7 days)",
                ],
            ),
        ),
        (
            "horizon past the limit",
            Json(r#"{"horizonDays":1096}"#),
            Refused(
                is!(OutOfRange {
                    field: "horizonDays",
                    ..
                }),
                &["horizonDays", "between 7 and 1095 days"],
            ),
        ),
        (
            "horizon 1e308",
            Json(r#"{"horizonDays":1e308}"#),
            Refused(
                is!(OutOfRange {
                    field: "horizonDays",
                    ..
                }),
                &["horizonDays", "between 7 and 1095 days"],
            ),
        ),
        (
            "horizon 0",
            Json(r#"{"horizonDays":0}"#),
            Refused(
                is!(OutOfRange {
                    field: "horizonDays",
                    ..
                }),
                &["horizonDays", "between 7 and 1095 days"],
            ),
        ),
        (
            "horizon Infinity",
            Raw(|| raw(|i| i.horizon_days = INF)),
            Refused(
                is!(NotANumber {
                    field: "horizonDays",
                    ..
                }),
                &["horizonDays", "finite number"],
            ),
        ),
        (
            "boosters every 0 days",
            Json(r#"{"boosters":3,"boosterEveryDays":0}"#),
            Refused(
                is!(OutOfRange {
                    field: "boosterEveryDays",
                    ..
                }),
                &["boosterEveryDays", "between 3 and 120 days"],
            ),
        ),
        (
            "boosters every 0 days, no boosters",
            Json(r#"{"boosters":0,"boosterEveryDays":0}"#),
            Accepted,
        ),
        (
            "boosters 37",
            Json(r#"{"boosters":37}"#),
            Refused(
                is!(NotWholeNumber {
                    field: "boosters",
                    ..
                }),
                &["boosters", "whole number from 0 to 36"],
            ),
        ),
        (
            "boosters -1",
            Json(r#"{"boosters":-1}"#),
            Refused(
                is!(NotWholeNumber {
                    field: "boosters",
                    ..
                }),
                &["boosters", "from 0 to 36"],
            ),
        ),
        (
            "not JSON",
            Json("<script>alert(1)</script>"),
            Refused(is!(Parse(_)), &["expected"]),
        ),
        ("empty string", Json(""), Refused(is!(Parse(_)), &["EOF"])),
        (
            "JSON null",
            Json("null"),
            Refused(is!(Parse(_)), &["invalid type: null"]),
        ),
        (
            "JSON array",
            Json("[1,2]"),
            Refused(is!(Parse(_)), &["expected"]),
        ),
        (
            "nesting 100k deep",
            Json(deep()),
            Refused(is!(Parse(_)), &["could not read the scenario"]),
        ),
        // Valid but extreme: at the bounds of every range.
        ("bounds: horizon 7", Json(r#"{"horizonDays":7}"#), Accepted),
        (
            "bounds: everything at its maximum",
            Json(
                r#"{"horizonDays":1095,"sessions":30,"sessionIntervalDays":60,"boosters":36,"boosterEveryDays":120}"#,
            ),
            Accepted,
        ),
        (
            "bounds: slowest IV rate",
            Json(r#"{"doseMgPerKg":0.05,"sessionHours":1.25}"#),
            Accepted,
        ),
        (
            "bounds: fastest IV rate, longest session",
            Json(r#"{"doseMgPerKg":1176,"sessionHours":168}"#),
            Accepted,
        ),
        (
            "bounds: 30 week-long infusions",
            Json(
                r#"{"doseMgPerKg":10,"sessionHours":168,"sessions":30,"sessionIntervalDays":7,"horizonDays":1095}"#,
            ),
            Accepted,
        ),
        (
            "bounds: oral 3 mg/kg esketamine, slow, high",
            Json(
                r#"{"route":"oral","formulation":"esketamine","doseMgPerKg":3,"metabolism":"slow","painSensitivity":"high"}"#,
            ),
            Accepted,
        ),
        (
            "bounds: smallest intranasal, fast, low, fibromyalgia",
            Json(
                r#"{"route":"intranasal","doseMgPerKg":0.05,"metabolism":"fast","painSensitivity":"low","condition":"fibromyalgia"}"#,
            ),
            Accepted,
        ),
        (
            "maintenance every 3 hours",
            Json(r#"{"route":"oral","maintenanceEveryHours":3}"#),
            Refused(
                is!(OutOfRange {
                    field: "maintenanceEveryHours",
                    ..
                }),
                &["maintenanceEveryHours", "between 6 and 168 hours"],
            ),
        ),
        (
            "maintenance every -1 hours",
            Json(r#"{"route":"oral","maintenanceEveryHours":-1}"#),
            Refused(
                is!(OutOfRange {
                    field: "maintenanceEveryHours",
                    ..
                }),
                &["maintenanceEveryHours", "between 6 and 168 hours"],
            ),
        ),
        (
            "maintenance every NaN hours",
            Raw(|| {
                raw(|i| {
                    i.route = Route::Oral;
                    i.maintenance_every_hours = NAN;
                })
            }),
            Refused(
                is!(NotANumber {
                    field: "maintenanceEveryHours",
                    ..
                }),
                &["maintenanceEveryHours", "finite number"],
            ),
        ),
        (
            "maintenance of an IV infusion",
            Json(r#"{"maintenanceEveryHours":24}"#),
            Refused(
                is!(MaintenanceRoute {
                    route: Route::IvInfusion
                }),
                &[
                    "maintenanceEveryHours",
                    "swallowed, under-the-tongue and nasal",
                ],
            ),
        ),
        (
            "maintenance and boosters",
            Json(
                r#"{"route":"oral","maintenanceEveryHours":24,"boosters":2,"boosterEveryDays":28}"#,
            ),
            Refused(
                is!(MaintenanceWithBoosters),
                &["boosters", "maintenanceEveryHours", "cannot be combined"],
            ),
        ),
        (
            "maintenance stopping before its first dose",
            Json(
                r#"{"route":"oral","sessions":5,"maintenanceEveryHours":24,"maintenanceUntilDay":3}"#,
            ),
            Refused(
                is!(MaintenanceTooShort { .. }),
                &[
                    "maintenanceUntilDay",
                    "after the first maintenance dose (day 5)",
                ],
            ),
        ),
        (
            "maintenance stopping after day 1095",
            Json(r#"{"route":"oral","maintenanceEveryHours":24,"maintenanceUntilDay":2000}"#),
            Refused(
                is!(OutOfRange {
                    field: "maintenanceUntilDay",
                    ..
                }),
                &["maintenanceUntilDay", "between 0 and 1095 days"],
            ),
        ),
        (
            "maintenance of more than 3 mg/kg a day",
            Json(r#"{"route":"oral","doseMgPerKg":1,"maintenanceEveryHours":6}"#),
            Refused(
                is!(MaintenanceDailyDose { .. }),
                &["4 mg/kg a day", "at most 3 mg/kg a day"],
            ),
        ),
        (
            "bounds: oral every 8 hours for 3 years (3,285 doses)",
            Json(
                r#"{"route":"oral","doseMgPerKg":1,"maintenanceEveryHours":8,"horizonDays":1095}"#,
            ),
            Accepted,
        ),
        (
            "bounds: nasal 4x a day to day 1095, past a 30-day timeline",
            Json(
                r#"{"route":"intranasal","doseMgPerKg":0.75,"maintenanceEveryHours":6,"maintenanceUntilDay":1095,"horizonDays":30}"#,
            ),
            Accepted,
        ),
        (
            "bounds: sublingual weekly after 30 sessions 60 days apart",
            Json(
                r#"{"route":"sublingual","doseMgPerKg":3,"sessions":30,"sessionIntervalDays":60,"maintenanceEveryHours":168}"#,
            ),
            Accepted,
        ),
        (
            "subcutaneous infusion too fast",
            Json(r#"{"route":"subcutaneousInfusion","doseMgPerKg":10,"sessionHours":4}"#),
            Refused(
                is!(SubcutaneousRateOutOfRange { .. }),
                &[
                    "doseMgPerKg over sessionHours is 2.5 mg/kg per hour",
                    "from 0.1 to 1.2 mg/kg per hour",
                ],
            ),
        ),
        (
            "subcutaneous infusion too slow",
            Json(r#"{"route":"subcutaneousInfusion","doseMgPerKg":1,"sessionHours":168}"#),
            Refused(
                is!(SubcutaneousRateOutOfRange { .. }),
                &["from 0.1 to 1.2 mg/kg per hour"],
            ),
        ),
        (
            "subcutaneous infusion of 30 minutes",
            Json(r#"{"route":"subcutaneousInfusion","doseMgPerKg":0.1,"sessionHours":0.5}"#),
            Refused(
                is!(OutOfRange {
                    field: "sessionHours",
                    ..
                }),
                &["sessionHours", "between 1 and 168 hours"],
            ),
        ),
        (
            "bounds: subcutaneous infusion, 7 days at 1.2 mg/kg/h",
            Json(r#"{"route":"subcutaneousInfusion","doseMgPerKg":201.6,"sessionHours":168}"#),
            Accepted,
        ),
        (
            "liver function unknown",
            Json(r#"{"liverFunction":"failing"}"#),
            Refused(is!(Parse(_)), &["unknown variant `failing`", "reduced"]),
        ),
        (
            "cyp3a4 unknown",
            Json(r#"{"cyp3a4":"grapefruit"}"#),
            Refused(
                is!(Parse(_)),
                &["unknown variant `grapefruit`", "inhibitor"],
            ),
        ),
        (
            "bounds: every health factor, oral",
            Json(
                r#"{"route":"oral","doseMgPerKg":3,"liverFunction":"reduced","cyp3a4":"inhibitor","opioidUse":"longTermHighDose","metabolism":"slow"}"#,
            ),
            Accepted,
        ),
        (
            "bounds: inducer, fast, IV push",
            Json(r#"{"doseMgPerKg":0.05,"sessionHours":0,"cyp3a4":"inducer","metabolism":"fast"}"#),
            Accepted,
        ),
    ]
}

/// `{"route":[[[...]]]}`, 100,000 deep: refused without a stack overflow.
fn deep() -> &'static str {
    Box::leak(
        format!(
            "{{\"route\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
        .into_boxed_str(),
    )
}

/// Words that would turn a refusal into advice.
const ADVICE: [&str; 5] = ["recommend", "try ", "should take", "we suggest", "instead"];

#[test]
fn every_bad_input_is_refused_with_a_typed_error_naming_the_field_and_range() {
    let mut failures = Vec::new();
    let cases = catalog();
    assert!(cases.len() >= 30, "the catalog has {} cases", cases.len());
    for (name, input, expect) in cases {
        let result = match &input {
            Input::Json(json) => Scenario::from_json(json),
            Input::Raw(f) => Scenario::try_from(f()),
        };
        match (expect, result) {
            (Refused(variant, needles), Err(e)) => {
                let message = e.to_string();
                if !variant(&e) {
                    failures.push(format!("{name}: wrong variant {e:?}"));
                }
                for n in needles {
                    if !message.contains(n) {
                        failures.push(format!("{name}: message lacks {n:?}: {message}"));
                    }
                }
                for word in ADVICE {
                    if message.to_lowercase().contains(word) {
                        failures.push(format!(
                            "{name}: message gives advice ({word:?}): {message}"
                        ));
                    }
                }
                check::check_error(&e);
            }
            (Refused(..), Ok(s)) => failures.push(format!("{name}: accepted {:?}", s.input())),
            (Accepted, Ok(scenario)) => {
                // The same path as the fuzz target, with the scenario's own JSON.
                let json = serde_json::to_string(&scenario.input()).unwrap();
                check::check_input(json.as_bytes());
            }
            (Accepted, Err(e)) => failures.push(format!("{name}: refused: {e}")),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every committed corpus input of the fuzz target, through the fuzz target's own function.
#[test]
fn the_fuzz_corpus_still_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/scenario_svg");
    let (mut n, mut valid) = (0, 0);
    for entry in std::fs::read_dir(dir).expect("fuzz/corpus/scenario_svg exists") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check::check_input(&data));
        assert!(outcome.is_ok(), "{} fails", path.display());
        n += 1;
        valid +=
            usize::from(std::str::from_utf8(&data).is_ok_and(|j| Scenario::from_json(j).is_ok()));
    }
    eprintln!("{n} corpus files, {valid} of them valid scenarios (estimated and drawn)");
    assert!(n >= 30, "only {n} corpus files");
    assert!(
        valid >= 24,
        "only {valid} valid scenarios in the corpus: reseed it (fuzz/README.md)"
    );
}

/// A JSON number: ordinary, extreme, or not a number at all (as a string).
fn number() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        (-10.0f64..2000.0).prop_map(serde_json::Value::from),
        (0u32..40).prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            0.0, -0.0, 1e308, -1e308, 1e-308, 5e-324, 0.05, 7.0, 168.0, 1095.0, 1e9, 2.5
        ])
        .prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        "[a-z<>\"&]{0,8}".prop_map(serde_json::Value::from),
    ]
}

/// A value for `field`: mostly inside its range (so that many scenarios are valid and get drawn),
/// sometimes anything at all.
fn value(field: &'static str) -> BoxedStrategy<serde_json::Value> {
    use serde_json::Value;
    let names = |v: &[&'static str]| {
        prop::sample::select(v.to_vec())
            .prop_map(Value::from)
            .boxed()
    };
    let valid = match field {
        "route" => names(&[
            "ivInfusion",
            "imInjection",
            "subcutaneous",
            "intranasal",
            "sublingual",
            "oral",
            "subcutaneousInfusion",
        ]),
        "formulation" => names(&["racemic", "esketamine"]),
        "liverFunction" => names(&["normal", "reduced"]),
        "cyp3a4" => names(&["none", "inhibitor", "inducer"]),
        "opioidUse" => names(&["none", "longTermHighDose"]),
        // Mostly no schedule, so that most scenarios stay valid for any route.
        "maintenanceEveryHours" => prop_oneof![
            3 => Just(Value::from(0.0)),
            1 => (6.0f64..168.0).prop_map(Value::from),
        ]
        .boxed(),
        "maintenanceUntilDay" => prop_oneof![
            1 => Just(Value::from(0.0)),
            1 => (0.0f64..1095.0).prop_map(Value::from),
        ]
        .boxed(),
        "condition" => names(&["crps", "fibromyalgia", "neuropathic", "mixedChronic"]),
        "metabolism" => names(&["slow", "typical", "fast"]),
        "painSensitivity" => names(&["low", "typical", "high"]),
        "doseMgPerKg" => (0.05f64..3.0).prop_map(Value::from).boxed(),
        "sessionHours" => (0.0f64..48.0).prop_map(Value::from).boxed(),
        "sessions" => (1u32..=30).prop_map(Value::from).boxed(),
        "sessionIntervalDays" => (1.0f64..60.0).prop_map(Value::from).boxed(),
        "boosters" => (0u32..=36).prop_map(Value::from).boxed(),
        "boosterEveryDays" => (3.0f64..120.0).prop_map(Value::from).boxed(),
        _ => (7.0f64..1095.0).prop_map(Value::from).boxed(),
    };
    let any = prop_oneof![
        number(),
        names(&["iv-infusion", "<img src=x>", "", "Oral", "typical", "crps"]),
    ];
    prop_oneof![6 => valid, 1 => any].boxed()
}

/// A scenario object: any subset of the fields (plus, sometimes, an unknown one).
fn scenario() -> impl Strategy<Value = String> {
    (
        relief_timeline::estimator::schema::FIELDS
            .map(|f| f.name)
            .map(|f| prop::option::weighted(0.6, value(f))),
        prop::option::weighted(0.03, number()),
    )
        .prop_map(|(values, extra)| {
            let mut map = serde_json::Map::new();
            for (k, v) in relief_timeline::estimator::schema::FIELDS
                .iter()
                .map(|f| f.name)
                .zip(values)
            {
                if let Some(v) = v {
                    map.insert(k.to_string(), v);
                }
            }
            if let Some(v) = extra {
                map.insert("extra".into(), v);
            }
            serde_json::Value::Object(map).to_string()
        })
}

/// Generated scenario objects: refused with a typed error, or estimated and drawn without NaN.
/// A good share of them must be valid, or the render half would go untested.
#[test]
fn generated_scenarios_never_panic_or_draw_nan() {
    use proptest::test_runner::{Config, RngSeed, TestRunner};
    let cases = 2000;
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x5eed),
        ..Config::default()
    });
    let valid = std::cell::Cell::new(0);
    runner
        .run(&scenario(), |json| {
            check::check_input(json.as_bytes());
            valid.set(valid.get() + usize::from(Scenario::from_json(&json).is_ok()));
            Ok(())
        })
        .unwrap();
    eprintln!(
        "{cases} generated scenarios, {} valid (estimated and drawn)",
        valid.get()
    );
    assert!(
        valid.get() >= cases as usize / 10,
        "only {} of {cases} generated scenarios were valid",
        valid.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed),
        ..ProptestConfig::default()
    })]

    /// Arbitrary text: never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,64}|\\{.{0,64}\\}") {
        check::check_input(text.as_bytes());
    }
}
