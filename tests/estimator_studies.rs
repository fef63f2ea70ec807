//! Reproduces each duration study in `shared/evidence.md` that has a regimen and a reported
//! duration: the reported duration must lie within `reliefEndDays` p10..p90 and the median must
//! be within a factor of 2.5 of it.
//!
//! Run `cargo test --test estimator_studies -- --nocapture` to print the table.
#![cfg(not(target_arch = "wasm32"))]
//!
//! Choices (doses per session for a 70-kg adult; midpoints of reported ranges):
//! - `crps-sigtermans` and `pd-dahan` are the same trial (S-ketamine titrated to 22.2 mg/h per
//!   70 kg = 0.317 mg/kg/h for 4.2 days): 12 weeks of significantly lower pain, and the PK-PD
//!   analysis's infusion + ~50 days.
//! - `crps-correll`: 54% pain-free for at least 3 months means the median lasts about 3 months;
//!   its mean of 9.4 months (long-tailed, among the pain-free) is checked against p90 separately.
//! - `crps-kiefer`: 65% in remission at 3 months: the median exceeds 3 months; 3 months is used.
//! - `mixed-tankha`: only 20-46% were meaningfully improved at the end of the 5-day series, so
//!   the median patient's relief did not outlast the series: 5 days is used. The 20-46% still
//!   improved at 3 and 6 months is *not* reproduced (see `tankha_long_term_share`).
//! - `acute-motov`: matched morphine at 30 min; "tens of minutes to hours" -> 1 hour.
//! - `mixed-orhurhu`, `mixed-patil`: regimens unspecified. Orhurhu: a one-week series of daily
//!   5-h infusions at 0.2 mg/kg/h, typical of the pooled trials (e.g. spinal-cord-injury pain);
//!   Patil: 369 infusions over 49 patients (about 7 each) taken as a daily series of 4-h
//!   infusions at 0.5 mg/kg/h. Both are assumptions.

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

fn estimate_json(json: &str) -> relief_timeline::estimator::Timeline {
    estimate(&Scenario::from_json(json).unwrap())
}

/// `crps-correll`: mean relief of 9.4 months lies below the 90th percentile.
#[test]
fn correll_mean_is_within_the_band() {
    let e = estimate_json(r#"{"doseMgPerKg":48.3,"sessionHours":112.8}"#).relief_end_days;
    let mean = 9.4 * 30.44;
    println!("crps-correll mean {mean:.0} days vs p90 {:.0}", e.p90);
    assert!(e.p50 < mean && mean < e.p90, "{e:?}");
}

/// `mixed-tankha` reports 20-46% still improved at 6 months (uncontrolled). The model, driven by
/// the short series' small exposure, leaves fewer than 1 in 10 with relief then: a known gap.
#[test]
fn tankha_long_term_share() {
    let t = estimate_json(
        r#"{"condition":"mixedChronic","doseMgPerKg":0.5,"sessionHours":0.6667,"sessions":5,"sessionIntervalDays":1}"#,
    );
    let r = &t.relief;
    let i = r.days.iter().position(|&d| d >= 180.0).unwrap();
    println!(
        "mixed-tankha at day {:.0}: p90 relief {:.0}% (reported: 20-46% improved)",
        r.days[i], r.p90[i]
    );
    assert!(r.p90[i] < 30.0, "the gap closed: update the report");
}
