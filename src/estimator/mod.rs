//! The estimator: a reader's scenario in, a timeline of ketamine pain relief out.
//!
//! Pure Rust: nothing here knows about browsers.

mod error;
mod scenario;
mod timeline;

pub use error::ScenarioError;
pub use scenario::{
    Condition, Formulation, Metabolism, PainSensitivity, Route, Scenario, ScenarioInput,
};
pub use timeline::{
    Band, Concentration, Dose, Percentiles, Phase, PhaseKind, Phases, ReliefCurve, Source,
    Timeline, Warning, Window,
};

/// Estimates the timeline for a validated scenario. Deterministic: the same scenario always gives
/// the same timeline.
pub fn estimate(scenario: &Scenario) -> Timeline {
    let input = &scenario.0;
    let horizon = input.horizon_days;
    let n = 96;
    let days: Vec<f64> = (0..n)
        .map(|i| {
            let f = i as f64 / (n - 1) as f64;
            (1.0 / 144.0) * (horizon * 144.0).powf(f)
        })
        .collect();
    let scale = (input.dose_mg_per_kg * (1.0 + input.session_hours)).min(10.0) * 6.0;
    let p50: Vec<f64> = days
        .iter()
        .map(|d| 60.0 * (-d / scale.max(0.1)).exp())
        .collect();
    let p10 = p50.iter().map(|v| v * 0.5).collect();
    let p90 = p50.iter().map(|v| (v * 1.4).min(100.0)).collect();
    let band = |a: f64| Band {
        low: a,
        typical: a,
        high: a,
    };
    let phase = |kind, s: f64, e: f64| Phase {
        kind,
        probability: 1.0,
        start_days: band(s),
        end_days: band(e),
        relief_percent: band(40.0),
    };
    Timeline {
        horizon_days: horizon,
        phases: Phases {
            acute: phase(PhaseKind::Acute, 0.0, 1.0),
            sub_acute: phase(PhaseKind::SubAcute, 1.0, 20.0),
            chronic: phase(PhaseKind::Chronic, 20.0, 90.0),
        },
        relief: ReliefCurve {
            days,
            p10,
            p50,
            p90,
        },
        relief_end_days: Percentiles {
            p10: 1.0,
            p50: 5.0,
            p90: 20.0,
        },
        concentration: Concentration {
            hours: vec![],
            ng_per_ml: vec![],
        },
        doses: vec![],
        boosters: vec![],
        side_effect_windows: vec![],
        summary: vec!["Placeholder model.".into()],
        warnings: vec![],
        sources: vec![],
    }
}
