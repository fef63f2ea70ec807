//! The estimator's contract: validation with typed, readable errors, and invariants of every
//! timeline (checked on generated scenarios with proptest).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use relief_timeline::estimator::{
    concentration, estimate, Band, Condition, Cyp3a4, Formulation, LiverFunction, Metabolism,
    OpioidUse, PainSensitivity, Route, Scenario, ScenarioError, ScenarioInput, Timeline,
};

// ------------------------------------------------------------------------------------------
// Validation
// ------------------------------------------------------------------------------------------

fn error_of(json: &str) -> ScenarioError {
    match Scenario::from_json(json) {
        Ok(s) => panic!("{json} was accepted: {s:?}"),
        Err(e) => e,
    }
}

#[test]
fn errors_say_what_is_wrong_and_what_is_allowed() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"doseMgPerKg": -1}"#,
            "doseMgPerKg must be at least 0.05 mg/kg; got -1",
        ),
        (
            r#"{"sessions": 2.5}"#,
            "sessions must be a whole number from 1 to 30; got 2.5",
        ),
        (
            r#"{"sessions": 1e9}"#,
            "sessions must be a whole number from 1 to 30; got 1000000000",
        ),
        (
            r#"{"sessions": 0}"#,
            "sessions must be a whole number from 1 to 30; got 0",
        ),
        (
            r#"{"boosters": -1}"#,
            "boosters must be a whole number from 0 to 36; got -1",
        ),
        (
            r#"{"horizonDays": 2000}"#,
            "horizonDays must be between 7 and 1095 days; got 2000",
        ),
        (
            r#"{"sessionHours": 200}"#,
            "sessionHours must be between 0 and 168 hours; got 200",
        ),
        (
            r#"{"doseMgPerKg": 50, "sessionHours": 4}"#,
            "doseMgPerKg over sessionHours is 12.5 mg/kg per hour; intravenous rates in the \
             evidence run from 0.04 to 7 mg/kg per hour",
        ),
        (
            r#"{"route": "oral", "doseMgPerKg": 5}"#,
            "doseMgPerKg for a swallowed dose must be between 0.05 and 3 mg/kg",
        ),
        (
            r#"{"sessions": 3, "sessionIntervalDays": 0.5}"#,
            "sessionIntervalDays must be between 1 and 60 days; got 0.5",
        ),
        (
            r#"{"doseMgPerKg": 30, "sessionHours": 100, "sessions": 2, "sessionIntervalDays": 2}"#,
            "sessionIntervalDays must be at least the length of one session (4.167 days)",
        ),
        (
            r#"{"boosters": 2, "boosterEveryDays": 400}"#,
            "boosterEveryDays must be between 3 and 120 days; got 400",
        ),
    ];
    for (json, expected) in cases {
        let message = error_of(json).to_string();
        assert!(
            message.starts_with(expected),
            "{json}\n  got:  {message}\n  want: {expected}"
        );
        assert!(!message.contains("recommend"), "{message}");
    }
}

#[test]
fn errors_are_typed() {
    assert!(matches!(
        error_of(r#"{"sessions": 2.5}"#),
        ScenarioError::NotWholeNumber {
            field: "sessions",
            min: 1,
            max: 30,
            ..
        }
    ));
    assert!(matches!(
        error_of(r#"{"route": "intranasal", "doseMgPerKg": 4}"#),
        ScenarioError::DoseOutOfRange { route: Route::Intranasal, max, .. } if max == 3.0
    ));
    assert!(matches!(
        error_of(r#"{"doseMgPerKg": 0.01, "sessionHours": 4}"#),
        ScenarioError::OutOfRange {
            field: "doseMgPerKg",
            ..
        }
    ));
    assert!(matches!(
        error_of(r#"{"doseMgPerKg": 0.1, "sessionHours": 100}"#),
        ScenarioError::RateOutOfRange { .. }
    ));
    assert!(matches!(
        error_of(
            r#"{"doseMgPerKg": 30, "sessionHours": 100, "sessions": 2, "sessionIntervalDays": 2}"#
        ),
        ScenarioError::DosesOverlap {
            field: "sessionIntervalDays",
            ..
        }
    ));
}

#[test]
fn unknown_fields_and_values_are_parse_errors_listing_the_options() {
    let e = error_of(r#"{"dose": 1}"#);
    assert!(matches!(e, ScenarioError::Parse(_)), "{e:?}");
    assert!(e.to_string().contains("doseMgPerKg"), "{e}");
    let e = error_of(r#"{"route": "rectal"}"#);
    assert!(e.to_string().contains("intranasal"), "{e}");
    assert!(matches!(error_of("not json"), ScenarioError::Parse(_)));
    assert!(matches!(
        error_of(r#"{"sessions": "five"}"#),
        ScenarioError::Parse(_)
    ));
}

#[test]
fn non_finite_numbers_are_refused() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let input = ScenarioInput {
            dose_mg_per_kg: value,
            ..ScenarioInput::default()
        };
        let e = Scenario::try_from(input).unwrap_err();
        assert!(
            matches!(
                e,
                ScenarioError::NotANumber {
                    field: "doseMgPerKg",
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .starts_with("doseMgPerKg must be a finite number; got "),
            "{e}"
        );
    }
    let input = ScenarioInput {
        horizon_days: f64::NAN,
        ..ScenarioInput::default()
    };
    assert!(matches!(
        Scenario::try_from(input),
        Err(ScenarioError::NotANumber {
            field: "horizonDays",
            ..
        })
    ));
}

#[test]
fn defaults_round_trip() {
    let s = Scenario::from_json("{}").unwrap();
    assert_eq!(s, Scenario::default());
    assert_eq!(Scenario::try_from(s.input()), Ok(s.clone()));
    assert_eq!(s.route(), Route::IvInfusion);
    assert_eq!(s.horizon_days().get(), 365.0);
    assert_eq!(s.sessions(), 1);
    let json = serde_json::to_string(&s.input()).unwrap();
    assert_eq!(Scenario::from_json(&json), Ok(s));
}

#[test]
fn bolus_routes_accept_and_ignore_session_hours_with_a_warning() {
    let with =
        Scenario::from_json(r#"{"route": "imInjection", "doseMgPerKg": 0.5, "sessionHours": 3}"#)
            .unwrap();
    let without =
        Scenario::from_json(r#"{"route": "imInjection", "doseMgPerKg": 0.5, "sessionHours": 0}"#)
            .unwrap();
    let (a, b) = (estimate(&with), estimate(&without));
    assert_eq!(a.relief, b.relief);
    assert!(a.warnings.iter().any(|w| w.code == "sessionHoursIgnored"));
    assert!(!b.warnings.iter().any(|w| w.code == "sessionHoursIgnored"));
    // Left out, it is none for a single-dose route (no warning) and 4 hours for an infusion.
    let omitted = Scenario::from_json(r#"{"route": "oral", "doseMgPerKg": 1}"#).unwrap();
    assert_eq!(omitted.session_hours().get(), 0.0);
    assert!(!estimate(&omitted)
        .warnings
        .iter()
        .any(|w| w.code == "sessionHoursIgnored"));
    let infusion = Scenario::from_json(r#"{"route": "ivInfusion"}"#).unwrap();
    assert_eq!(infusion.session_hours().get(), 4.0);
}

// ------------------------------------------------------------------------------------------
// Behaviour the evidence implies
// ------------------------------------------------------------------------------------------

fn timeline(json: &str) -> Timeline {
    estimate(&Scenario::from_json(json).unwrap())
}

#[test]
fn a_single_short_infusion_gives_hours_and_a_multi_day_infusion_weeks() {
    let short = timeline(r#"{"doseMgPerKg": 0.5, "sessionHours": 0.6667}"#);
    assert!(
        short.relief_end_days.p50 < 1.0,
        "{:?}",
        short.relief_end_days
    );
    let long =
        timeline(r#"{"formulation": "esketamine", "doseMgPerKg": 31.7, "sessionHours": 100}"#);
    assert!(
        long.relief_end_days.p50 > 21.0,
        "{:?}",
        long.relief_end_days
    );
}

#[test]
fn not_everyone_reaches_every_phase_and_some_skip_sub_acute() {
    let t = timeline(r#"{"doseMgPerKg": 1.4, "sessionHours": 4, "sessions": 10}"#);
    let p = &t.phases;
    for phase in [&p.acute, &p.sub_acute, &p.chronic] {
        assert!(
            phase.probability > 0.0 && phase.probability < 1.0,
            "{phase:?}"
        );
    }
    // Chronic relief is reached by more people than keep the sub-acute effect beyond the series'
    // acute phase only if some go straight from acute to chronic; check it directly instead:
    // durable relief can start right after the acute phase.
    assert!(
        p.chronic.start_days.low <= p.sub_acute.end_days.typical,
        "{p:?}"
    );
}

#[test]
fn boosters_extend_relief() {
    let base = r#""doseMgPerKg": 1.4, "sessionHours": 4, "sessions": 10"#;
    let without = timeline(&format!("{{{base}}}"));
    let with = timeline(&format!(
        "{{{base}, \"boosters\": 6, \"boosterEveryDays\": 28}}"
    ));
    assert!(with.relief_end_days.p50 > without.relief_end_days.p50 + 28.0);
    assert_eq!(with.boosters.len(), 6);
    assert!(with
        .warnings
        .iter()
        .any(|w| w.code == "boostersUncontrolled"));
    assert!(with.sources.iter().any(|s| s.id == "boost-clinic"));
}

#[test]
fn side_effects_stay_within_hours_of_a_dose() {
    let t = timeline(
        r#"{"route": "intranasal", "doseMgPerKg": 0.5, "sessions": 5, "sessionIntervalDays": 2}"#,
    );
    assert_eq!(t.side_effect_windows.len(), 5);
    for (w, d) in t.side_effect_windows.iter().zip(&t.doses) {
        assert_eq!(w.start_days, d.start_days);
        assert!(w.end_days - d.end_days < 6.0 / 24.0, "{w:?} {d:?}");
    }
}

#[test]
fn oral_use_for_lasting_relief_is_flagged() {
    let t = timeline(r#"{"route": "oral", "doseMgPerKg": 1, "sessions": 10}"#);
    let codes: Vec<&str> = t.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"routeWithoutDurationStudy"), "{codes:?}");
    assert!(codes.contains(&"norketamineNotModelled"), "{codes:?}");
}

#[test]
fn concentration_follows_the_published_model() {
    // 0.5 mg/kg over 40 min (pk-clements): a peak of a few hundred ng/mL at the end of the
    // infusion, under 50 ng/mL by 6 h.
    let s = Scenario::from_json(r#"{"doseMgPerKg": 0.5, "sessionHours": 0.6667}"#).unwrap();
    let c = concentration(&s);
    let (peak_at, peak) =
        c.hours.iter().zip(&c.ng_per_ml).fold(
            (0.0, 0.0),
            |best, (&h, &v)| {
                if v > best.1 {
                    (h, v)
                } else {
                    best
                }
            },
        );
    assert!((0.6..0.75).contains(&peak_at), "{peak_at}");
    assert!((150.0..400.0).contains(&peak), "{peak}");
    let at6 = c
        .hours
        .iter()
        .position(|&h| h == 6.0)
        .map(|i| c.ng_per_ml[i])
        .unwrap();
    assert!(at6 < 50.0, "{at6}");
    assert_eq!(*c.hours.last().unwrap(), 48.0);
}

#[test]
fn summaries_are_plain_sentences() {
    let t = timeline("{}");
    assert!((3..=7).contains(&t.summary.len()), "{:?}", t.summary);
    assert!(
        t.summary.iter().all(|s| s.ends_with('.') && s.len() < 220),
        "{:?}",
        t.summary
    );
    assert!(t.summary.last().unwrap().contains("not medical advice"));
    assert_eq!(
        relief_timeline::estimator::SummaryWords::default().duration(45.0),
        "6.4 weeks"
    );
}

// ------------------------------------------------------------------------------------------
// Invariants on generated scenarios
// ------------------------------------------------------------------------------------------

fn route() -> impl Strategy<Value = Route> {
    prop_oneof![
        Just(Route::IvInfusion),
        Just(Route::ImInjection),
        Just(Route::Subcutaneous),
        Just(Route::Intranasal),
        Just(Route::Sublingual),
        Just(Route::Oral),
        Just(Route::SubcutaneousInfusion),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    prop_oneof![
        Just(Condition::Crps),
        Just(Condition::Fibromyalgia),
        Just(Condition::Neuropathic),
        Just(Condition::MixedChronic),
    ]
}

/// Valid scenarios across the whole input space.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (route(), prop::bool::ANY, condition(), 0..3usize, 0..3usize),
        (0.0..168.0_f64, 0.0..1.0_f64, 0.0..1.0_f64),
        (
            1..=30u32,
            1.0..60.0_f64,
            0..=36u32,
            3.0..120.0_f64,
            7.0..1095.0_f64,
        ),
        (
            prop::bool::ANY,
            6.0..168.0_f64,
            0.0..1.0_f64,
            prop::bool::ANY,
            0..3usize,
            prop::bool::ANY,
        ),
    )
        .prop_filter_map("outside the evidence", |(kind, amount, series, more)| {
            let (route, esketamine, condition, metabolism, sensitivity) = kind;
            let (hours, a, b) = amount;
            let (sessions, interval, boosters, every, horizon) = series;
            let (maintain, every_hours, until, liver, cyp, opioids) = more;
            let maintain = maintain && route.allows_maintenance();
            let hours = match route {
                Route::SubcutaneousInfusion => hours.max(1.0),
                Route::IvInfusion => hours,
                _ => 0.0,
            };
            let mut dose = match route {
                // Log-uniform rate between the studied bounds.
                Route::IvInfusion => 0.04 * (7.0_f64 / 0.04).powf(a) * hours.max(5.0 / 60.0),
                Route::SubcutaneousInfusion => 0.1 * 12.0_f64.powf(a) * hours,
                _ => 0.05 + 2.95 * b,
            };
            if maintain {
                dose = dose.min(3.0 * every_hours / 24.0);
            }
            let last_session = interval.max(hours / 24.0).min(60.0) * f64::from(sessions - 1);
            let input = ScenarioInput {
                route,
                formulation: if esketamine {
                    Formulation::Esketamine
                } else {
                    Formulation::Racemic
                },
                dose_mg_per_kg: dose,
                session_hours: Some(hours),
                sessions: f64::from(sessions),
                session_interval_days: interval.max(hours / 24.0).min(60.0),
                condition,
                metabolism: [Metabolism::Slow, Metabolism::Typical, Metabolism::Fast][metabolism],
                pain_sensitivity: [
                    PainSensitivity::Low,
                    PainSensitivity::Typical,
                    PainSensitivity::High,
                ][sensitivity],
                booster_every_days: every.max(hours / 24.0),
                boosters: if maintain { 0.0 } else { f64::from(boosters) },
                maintenance_every_hours: if maintain { every_hours } else { 0.0 },
                // Half of the schedules to the horizon (0), the rest stopping before day 1095.
                maintenance_until_day: if maintain && until > 0.5 {
                    (last_session + every_hours / 24.0 + 1.0 + (until - 0.5) * 2.0 * 400.0)
                        .min(1095.0)
                } else {
                    0.0
                },
                liver_function: if liver {
                    LiverFunction::Reduced
                } else {
                    LiverFunction::Normal
                },
                cyp3a4: [Cyp3a4::None, Cyp3a4::Inhibitor, Cyp3a4::Inducer][cyp],
                opioid_use: if opioids {
                    OpioidUse::LongTermHighDose
                } else {
                    OpioidUse::None
                },
                horizon_days: horizon,
            };
            Scenario::try_from(input).ok()
        })
}

/// Valid maintenance schedules: swallowed, under-the-tongue or nasal doses after a short series.
fn maintenance_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop_oneof![
            Just(Route::Oral),
            Just(Route::Sublingual),
            Just(Route::Intranasal)
        ],
        condition(),
        0.05..1.0_f64,
        1..=5u32,
        6.0..168.0_f64,
        10.0..400.0_f64,
        30.0..1095.0_f64,
    )
        .prop_filter_map(
            "outside the evidence",
            |(route, condition, dose, sessions, every, until, horizon)| {
                let input = ScenarioInput {
                    route,
                    condition,
                    dose_mg_per_kg: dose.min(3.0 * every / 24.0),
                    sessions: f64::from(sessions),
                    maintenance_every_hours: every,
                    maintenance_until_day: until,
                    horizon_days: horizon,
                    ..ScenarioInput::default()
                };
                Scenario::try_from(input).ok()
            },
        )
}

fn ordered(b: &Band) -> bool {
    b.low <= b.typical && b.typical <= b.high
}

fn check_invariants(t: &Timeline) -> Result<(), TestCaseError> {
    // No NaN or infinity anywhere: serde_json writes non-finite floats as null.
    let json = serde_json::to_value(t).map_err(|e| TestCaseError::fail(e.to_string()))?;
    fn no_null(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Null => false,
            serde_json::Value::Array(a) => a.iter().all(no_null),
            serde_json::Value::Object(o) => o.values().all(no_null),
            _ => true,
        }
    }
    prop_assert!(no_null(&json), "non-finite number in {json}");

    let p = &t.phases;
    for phase in [&p.acute, &p.sub_acute, &p.chronic] {
        prop_assert!((0.0..=1.0).contains(&phase.probability));
        prop_assert!(ordered(&phase.start_days) && ordered(&phase.end_days));
        prop_assert!(ordered(&phase.relief_percent));
        prop_assert!(phase.start_days.typical <= phase.end_days.typical);
    }
    for (a, b) in [(&p.acute, &p.sub_acute), (&p.sub_acute, &p.chronic)] {
        prop_assert!(a.start_days.low <= b.start_days.low, "{p:?}");
        prop_assert!(a.start_days.typical <= b.start_days.typical, "{p:?}");
        prop_assert!(a.start_days.high <= b.start_days.high, "{p:?}");
    }
    let e = &t.relief_end_days;
    prop_assert!(e.p10 <= e.p50 && e.p50 <= e.p90 && e.p90 <= t.horizon_days);
    let r = &t.relief;
    prop_assert!(r.days.windows(2).all(|w| w[0] < w[1]));
    prop_assert!(
        r.days.len() == r.p10.len() && r.days.len() == r.p50.len() && r.days.len() == r.p90.len()
    );
    for i in 0..r.days.len() {
        prop_assert!(
            0.0 <= r.p10[i] && r.p10[i] <= r.p50[i] && r.p50[i] <= r.p90[i] && r.p90[i] <= 100.0
        );
    }
    prop_assert!((3..=7).contains(&t.summary.len()));

    // Paths: each share in [0, 1], summing to 1, agreeing with the phases' chances.
    let q = &t.paths;
    let shares = [
        q.none,
        q.acute_only,
        q.acute_sub_acute,
        q.acute_chronic,
        q.all,
        q.sub_acute_only,
        q.sub_acute_chronic,
        q.chronic_only,
    ];
    prop_assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)), "{q:?}");
    prop_assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{q:?}");
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    prop_assert!(close(
        p.acute.probability,
        q.acute_only + q.acute_sub_acute + q.acute_chronic + q.all
    ));
    prop_assert!(close(
        p.sub_acute.probability,
        q.acute_sub_acute + q.all + q.sub_acute_only + q.sub_acute_chronic
    ));
    prop_assert!(close(
        p.chronic.probability,
        q.acute_chronic + q.all + q.sub_acute_chronic + q.chronic_only
    ));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, rng_seed: RngSeed::Fixed(0x5eed), ..ProptestConfig::default() })]

    #[test]
    fn every_timeline_is_well_formed(s in scenario()) {
        let t = estimate(&s);
        check_invariants(&t)?;
        prop_assert_eq!(&t, &estimate(&s), "not deterministic");
        let c = concentration(&s);
        prop_assert!(c.hours.len() == c.ng_per_ml.len());
        prop_assert!(c.ng_per_ml.iter().all(|&v| v.is_finite() && v >= 0.0));
    }

    #[test]
    fn longer_maintenance_never_shortens_relief(s in maintenance_scenario(), extra in 1.0..200.0_f64) {
        let shorter = estimate(&s);
        let input = s.input();
        let longer = Scenario::try_from(ScenarioInput {
            maintenance_until_day: (input.maintenance_until_day + extra).min(1095.0),
            ..input.clone()
        })
        .expect("a longer schedule of a valid one is valid");
        let longer = estimate(&longer);
        let (a, b) = (&shorter.relief_end_days, &longer.relief_end_days);
        prop_assert!(b.p10 >= a.p10 - 1e-9 && b.p50 >= a.p50 - 1e-9 && b.p90 >= a.p90 - 1e-9,
            "longer maintenance shortened relief: {:?} -> {:?}", a, b);
        prop_assert!(longer.phases.sub_acute.probability >= shorter.phases.sub_acute.probability);
        // While both plans are dosing, relief is the same: the doses so far are the same. (At
        // the times both curves sample: the shorter plan samples its last dose's peak, which the
        // longer one passes over.)
        let until = input.maintenance_until_day.min(input.horizon_days);
        for (i, &day) in shorter.relief.days.iter().enumerate() {
            if day >= until {
                break;
            }
            if let Ok(j) = longer.relief.days.binary_search_by(|d| d.total_cmp(&day)) {
                for (a, b) in [
                    (shorter.relief.p10[i], longer.relief.p10[j]),
                    (shorter.relief.p50[i], longer.relief.p50[j]),
                    (shorter.relief.p90[i], longer.relief.p90[j]),
                ] {
                    prop_assert!(b >= a, "day {}: {} -> {}", day, a, b);
                }
            }
        }
    }

    #[test]
    fn the_same_plan_gives_identical_curves(s in scenario()) {
        // Comparing a plan with itself: two estimates of one scenario, and of its round trip
        // through the raw form, are identical to the bit.
        let a = estimate(&s);
        let b = estimate(&Scenario::try_from(s.input()).expect("round trip"));
        prop_assert_eq!(&a.relief, &b.relief);
        prop_assert_eq!(&a.paths, &b.paths);
        prop_assert_eq!(&a, &b);
    }

    #[test]
    fn more_treatment_never_shortens_relief(s in scenario(), step in 1.05..2.0_f64) {
        let base = estimate(&s).relief_end_days.p50;
        let input = s.input();
        let variants = [
            ScenarioInput { dose_mg_per_kg: input.dose_mg_per_kg * step, ..input.clone() },
            // "More hours" is a longer infusion at the same rate, as guidelines compare them
            // (guide-2018). At the same total dose a slower infusion lowers the peak, and the
            // model lets that end the last dose's acute relief slightly sooner.
            ScenarioInput {
                session_hours: input.session_hours.map(|h| h * step),
                dose_mg_per_kg: input.dose_mg_per_kg * step,
                ..input.clone()
            },
            ScenarioInput { sessions: input.sessions + 1.0, ..input.clone() },
            ScenarioInput { boosters: input.boosters + 1.0, ..input.clone() },
        ];
        // A maintenance schedule starts after the series and stops at a fixed day (or the
        // horizon): one more session moves every maintenance dose later, so the last one before
        // the stop can come up to one interval earlier in the day. Not "more treatment".
        let maintained = input.maintenance_every_hours > 0.0;
        for (what, v) in ["dose", "hours", "sessions", "boosters"].iter().zip(variants) {
            if *what == "sessions" && maintained {
                continue;
            }
            // Variants outside the evidence are refused, which is fine.
            if let Ok(more) = Scenario::try_from(v) {
                let p50 = estimate(&more).relief_end_days.p50;
                prop_assert!(p50 >= base - 1e-9, "more {} shortened relief: {} -> {}", what, base, p50);
            }
        }
    }
}

#[test]
fn the_summary_never_claims_relief_lasts_when_it_ends_with_the_last_dose() {
    let s = Scenario::from_json(
        r#"{"route":"intranasal","doseMgPerKg":0.5,"sessionHours":0,"sessions":8,
            "sessionIntervalDays":3,"condition":"fibromyalgia"}"#,
    )
    .expect("valid");
    let t = estimate(&s);
    assert!(t.relief_end_days.p90 < 22.0, "{:?}", t.relief_end_days);
    assert!(
        t.summary.iter().all(|l| !l.contains("lasts beyond")),
        "{:?}",
        t.summary
    );
    assert!(t
        .summary
        .iter()
        .any(|l| l.starts_with("More than half of people")));
}

#[test]
fn the_summary_calls_an_iv_push_a_dose_and_an_infusion_an_infusion() {
    let first = |json: &str| estimate(&Scenario::from_json(json).unwrap()).summary[0].clone();
    let push = first(r#"{"doseMgPerKg": 0.3, "sessionHours": 0}"#);
    assert!(push.contains("during each dose"), "{push}");
    let infusion = first(r#"{"doseMgPerKg": 0.3, "sessionHours": 0.5}"#);
    assert!(infusion.contains("during each infusion"), "{infusion}");
}
