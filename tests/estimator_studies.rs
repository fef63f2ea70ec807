//! Reproduces each duration study in `shared/evidence.md` that has a regimen and a reported
//! duration: the reported duration must lie within `reliefEndDays` p10..p90 and the median must
//! be within a factor of 2.5 of it.
//!
//! Run `cargo test --test estimator_studies -- --nocapture` to print the table.

use relief_timeline::estimator::{estimate, Scenario};

/// One study: its id, the scenario we model it with, and the duration we compare against.
struct Study {
    id: &'static str,
    /// What the regimen is and how the numbers were chosen.
    regimen: &'static str,
    scenario: &'static str,
    /// Reported duration of relief, days from the start of the first session.
    reported_days: f64,
}

/// S-ketamine 22.2 mg/h per 70 kg = 0.317 mg/kg/h.
const STUDIES: &[Study] = &[
    Study {
        id: "crps-sigtermans",
        regimen: "S-ketamine 0.317 mg/kg/h x 100.8 h (4.2 d); relief over 12 weeks",
        scenario: r#"{"formulation":"esketamine","doseMgPerKg":31.95,"sessionHours":100.8}"#,
        reported_days: 84.0,
    },
    Study {
        id: "pd-dahan",
        regimen: "same trial, 100-h infusion; analgesia outlasted it by ~50 days",
        scenario: r#"{"formulation":"esketamine","doseMgPerKg":31.7,"sessionHours":100}"#,
        reported_days: 100.0 / 24.0 + 50.0,
    },
    Study {
        id: "crps-schwartzman",
        regimen: "0.35 mg/kg/h x 4 h, 10 daily sessions; lower pain over 3 months",
        scenario: r#"{"doseMgPerKg":1.4,"sessionHours":4,"sessions":10,"sessionIntervalDays":1}"#,
        reported_days: 90.0,
    },
    Study {
        id: "crps-goebel",
        regimen: "0.5 mg/kg/h (middle of 0.15-0.9) x 120 h; relief 6.7 weeks on average",
        scenario: r#"{"doseMgPerKg":60,"sessionHours":120}"#,
        reported_days: 6.7 * 7.0,
    },
    Study {
        id: "crps-mangnus",
        regimen: "S-ketamine 8.5 mg/h/70 kg (middle of 3-14) x 168 h; 48% responders at ~4 weeks",
        scenario: r#"{"formulation":"esketamine","doseMgPerKg":20.4,"sessionHours":168}"#,
        reported_days: 28.0,
    },
    Study {
        id: "crps-correll",
        regimen: "30 mg/h/70 kg (middle of 10-50) x 112.8 h; 54% pain-free >= 3 months",
        scenario: r#"{"doseMgPerKg":48.3,"sessionHours":112.8}"#,
        reported_days: 90.0,
    },
    Study {
        id: "crps-kiefer",
        regimen: "anaesthetic 5 mg/kg/h (middle of 3-7) x 120 h; 65% in remission at 3 months",
        scenario: r#"{"doseMgPerKg":600,"sessionHours":120}"#,
        reported_days: 90.0,
    },
    Study {
        id: "mixed-tankha",
        regimen: "0.5 mg/kg over 40 min x 5 daily, mixed pain; 20-46% improved at the end",
        scenario: r#"{"condition":"mixedChronic","doseMgPerKg":0.5,"sessionHours":0.6667,"sessions":5,"sessionIntervalDays":1}"#,
        reported_days: 5.0,
    },
    Study {
        id: "pd-noppers",
        regimen: "fibromyalgia, S-ketamine 0.5 mg/kg over 30 min; relief ~3 h",
        scenario: r#"{"condition":"fibromyalgia","formulation":"esketamine","doseMgPerKg":0.5,"sessionHours":0.5}"#,
        reported_days: 3.0 / 24.0,
    },
    Study {
        id: "acute-motov",
        regimen: "0.3 mg/kg IV push (5 min); matched morphine at 30 min -> ~1 h",
        scenario: r#"{"condition":"mixedChronic","doseMgPerKg":0.3,"sessionHours":0}"#,
        reported_days: 1.0 / 24.0,
    },
    Study {
        id: "mixed-orhurhu",
        regimen: "unspecified; typical RCT: 0.2 mg/kg/h x 5 h, 7 daily sessions; up to 2 weeks",
        scenario: r#"{"condition":"mixedChronic","doseMgPerKg":1.0,"sessionHours":5,"sessions":7,"sessionIntervalDays":1}"#,
        reported_days: 14.0,
    },
    Study {
        id: "mixed-patil",
        regimen: "unspecified; 369 infusions / 49 patients: 0.5 mg/kg/h x 4 h, 7 daily; ~3 weeks",
        scenario: r#"{"condition":"mixedChronic","doseMgPerKg":2.0,"sessionHours":4,"sessions":7,"sessionIntervalDays":1}"#,
        reported_days: 21.0,
    },
];

#[test]
fn duration_studies_are_reproduced() {
    println!("| study | scenario | reported days | p10 / p50 / p90 | p50 / reported |");
    println!("|---|---|---|---|---|");
    let mut failures = Vec::new();
    for s in STUDIES {
        let scenario = Scenario::from_json(s.scenario).unwrap_or_else(|e| panic!("{}: {e}", s.id));
        let e = estimate(&scenario).relief_end_days;
        let ratio = e.p50 / s.reported_days;
        println!(
            "| {} | {} | {:.3} | {:.3} / {:.3} / {:.3} | {:.2} |",
            s.id, s.regimen, s.reported_days, e.p10, e.p50, e.p90, ratio
        );
        let within = e.p10 <= s.reported_days && s.reported_days <= e.p90;
        let close = (1.0 / 2.5..=2.5).contains(&ratio);
        if !(within && close) {
            failures.push(s.id);
        }
    }
    assert!(failures.is_empty(), "studies not reproduced: {failures:?}");
}
