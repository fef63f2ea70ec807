//! The maintenance and continuous subcutaneous studies of `shared/evidence.md` against the model
//! beyond their duration (the duration studies, `maint-marchetti`'s among them, are
//! `relief_timeline::estimator::studies`, tested in `tests/estimator_studies.rs`).
//!
//! - `maint-marchetti` (uncontrolled, 51 patients, 60% neuropathic): oral ketamine at a mean
//!   2 mg/kg a day in 3-4 intakes, continued 3 months when it worked; effective in 44%, partly
//!   in 20% (mean 30% less pain). Modelled as 0.5 mg/kg every 6 hours to day 90, neuropathic
//!   (the IV titration before it is left out; the regimen of the study list): the median
//!   person's relief lasts while dosing does, so 90 days is compared with `reliefEndDays` as the
//!   duration studies are; the share with sub-acute relief must lie between 44% and 64%.
//! - `sc-zekry` (uncontrolled, 70 patients, mixed pain): continuous subcutaneous infusion for 3-7
//!   days, pain about 28% lower, "sustained for between 3 months and 6 years" (some then on
//!   sublingual lozenges). Modelled as 0.2 mg/kg/h (`sc-rate`: 0.1-1.2 titrated, at most 500 mg
//!   a day, about 0.3 mg/kg/h for 70 kg) for 5 days. 90 days lies within the model's p10..p90,
//!   but the model's median (about a month) is under 1/2.5 of it: a known gap, like
//!   `mixed-tankha`'s, from an uncontrolled series whose patients partly went on to lozenges.
//! - `maint-maudlin` gives no duration for a regimen (pre-selected responders, 2-89 months on
//!   troches) and `maint-kapural` no duration at all (no difference at six months): neither is
//!   expressed here.
#![cfg(not(target_arch = "wasm32"))]

use relief_timeline::estimator::studies::STUDIES;
use relief_timeline::estimator::{estimate, Scenario, Timeline};

fn timeline(json: &str) -> Timeline {
    estimate(&Scenario::from_json(json).expect("valid"))
}

#[test]
fn marchetti_oral_maintenance_is_reproduced() {
    let study = STUDIES
        .iter()
        .find(|s| s.id == "maint-marchetti")
        .expect("maint-marchetti is a duration study");
    let t = estimate(&study.scenario().expect("its regimen is valid"));
    let e = t.relief_end_days;
    let reported = study.reported_days;
    println!(
        "maint-marchetti: reported {reported} days; model {:.1} / {:.1} / {:.1}; sub-acute share {:.2} (reported 0.44-0.64)",
        e.p10, e.p50, e.p90, t.phases.sub_acute.probability
    );
    assert!(e.p10 <= reported && reported <= e.p90, "{e:?}");
    assert!((1.0 / 2.5..=2.5).contains(&(e.p50 / reported)), "{e:?}");
    assert!(
        (0.44..=0.64).contains(&t.phases.sub_acute.probability),
        "{:?}",
        t.phases.sub_acute
    );
    let codes: Vec<&str> = t.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"maintenanceUncontrolled"), "{codes:?}");
    assert!(
        codes.contains(&"maintenanceAfterStopUnmeasured"),
        "{codes:?}"
    );
    assert!(t.sources.iter().any(|s| s.id == "maint-marchetti"));
}

#[test]
fn zekry_subcutaneous_infusion_is_within_the_band_with_a_short_median() {
    let t = timeline(
        r#"{"route":"subcutaneousInfusion","doseMgPerKg":24,"sessionHours":120,
            "condition":"mixedChronic"}"#,
    );
    let e = t.relief_end_days;
    let reported = 90.0;
    println!(
        "sc-zekry: reported >= {reported} days; model {:.1} / {:.1} / {:.1} (p50 / reported {:.2})",
        e.p10,
        e.p50,
        e.p90,
        e.p50 / reported
    );
    assert!(e.p10 <= reported && reported <= e.p90, "{e:?}");
    assert!(
        e.p50 / reported < 1.0 / 2.5,
        "the gap closed: update the notes"
    );
    assert!(t
        .warnings
        .iter()
        .any(|w| w.code == "subcutaneousInfusionUncontrolled"));
    assert!(t.sources.iter().any(|s| s.id == "sc-zekry"));
}

#[test]
fn a_cyp3a4_inhibitor_raises_oral_exposure_and_says_the_effect_on_duration_is_unmeasured() {
    let base =
        r#""route":"oral","doseMgPerKg":0.5,"maintenanceEveryHours":8,"condition":"neuropathic""#;
    let without = timeline(&format!("{{{base}}}"));
    let with = timeline(&format!("{{{base},\"cyp3a4\":\"inhibitor\"}}"));
    let induced = timeline(&format!("{{{base},\"cyp3a4\":\"inducer\"}}"));
    let share = |t: &Timeline| t.phases.sub_acute.probability;
    assert!(share(&with) > share(&without) && share(&without) > share(&induced));
    assert!(with.warnings.iter().any(|w| w.code == "cyp3a4Inhibitor"));
    assert!(induced.warnings.iter().any(|w| w.code == "cyp3a4Inducer"));
    // Long-term opioids change only the caveats.
    let opioids = timeline(&format!("{{{base},\"opioidUse\":\"longTermHighDose\"}}"));
    assert_eq!(opioids.relief, without.relief);
    assert!(opioids
        .warnings
        .iter()
        .any(|w| w.code == "opioidsNoDifference"));
    let liver = timeline(&format!("{{{base},\"liverFunction\":\"reduced\"}}"));
    assert!(liver.warnings.iter().any(|w| w.code == "liverUnmeasured"));
    assert!(share(&liver) >= share(&without));
}
