//! Reproduces each duration study in `shared/evidence.md` that has a regimen and a reported
//! duration (the list, with how each regimen was chosen, is `relief_timeline::estimator::studies`):
//! the reported duration must lie within `reliefEndDays` p10..p90 and the median must be within a
//! factor of 2.5 of it. The validation figure (`docs/validation.svg`) draws the same list.
//!
//! Run `cargo test --test estimator_studies -- --nocapture` to print the table.
#![cfg(not(target_arch = "wasm32"))]

use relief_timeline::estimator::studies::{Study, STUDIES};
use relief_timeline::estimator::{estimate, SOURCES};

fn study(id: &str) -> &'static Study {
    STUDIES
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{id} is in the study list"))
}

#[test]
fn duration_studies_are_reproduced() {
    println!(
        "| study | regimen (as modelled) | reported days | p10 / p50 / p90 | p50 / reported |"
    );
    println!("|---|---|---:|---|---:|");
    let mut failures = Vec::new();
    for s in STUDIES {
        let e = s.model().unwrap_or_else(|e| panic!("{}: {e}", s.id));
        let ratio = e.p50 / s.reported_days;
        println!(
            "| {} | {} | {:.3} | {:.3} / {:.3} / {:.3} | {:.2} |",
            s.id, s.modelled, s.reported_days, e.p10, e.p50, e.p90, ratio
        );
        let within = e.p10 <= s.reported_days && s.reported_days <= e.p90;
        let close = (1.0 / 2.5..=2.5).contains(&ratio);
        if !(within && close) {
            failures.push(s.id);
        }
    }
    assert!(failures.is_empty(), "studies not reproduced: {failures:?}");
}

#[test]
fn every_study_is_a_source_of_the_evidence_once() {
    for (i, s) in STUDIES.iter().enumerate() {
        assert!(
            SOURCES.iter().any(|source| source.id == s.id),
            "{} is not among the sources",
            s.id
        );
        assert!(
            STUDIES[..i].iter().all(|other| other.id != s.id),
            "{} is listed twice",
            s.id
        );
        assert_eq!(
            s.regimen_stated,
            !s.modelled.starts_with("regimen not stated"),
            "{}: say in `modelled` when the regimen is assumed",
            s.id
        );
    }
}

/// `crps-correll`: mean relief of 9.4 months lies below the 90th percentile.
#[test]
fn correll_mean_is_within_the_band() {
    let e = study("crps-correll").model().unwrap();
    let mean = 9.4 * 30.44;
    println!("crps-correll mean {mean:.0} days vs p90 {:.0}", e.p90);
    assert!(e.p50 < mean && mean < e.p90, "{e:?}");
}

/// `mixed-tankha` reports 20-46% still improved at 6 months (uncontrolled). The model, driven by
/// the short series' small exposure, leaves fewer than 1 in 10 with relief then: a known gap.
#[test]
fn tankha_long_term_share() {
    let t = estimate(&study("mixed-tankha").scenario().unwrap());
    let r = &t.relief;
    let i = r.days.iter().position(|&d| d >= 180.0).unwrap();
    println!(
        "mixed-tankha at day {:.0}: p90 relief {:.0}% (reported: 20-46% improved)",
        r.days[i], r.p90[i]
    );
    assert!(r.p90[i] < 30.0, "the gap closed: update the report");
}
