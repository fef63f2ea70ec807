// The one code path both the fuzz target (fuzz/fuzz_targets/scenario_svg.rs) and the bounded CI
// pass (tests/bad_input.rs) run: scenario JSON -> Scenario::from_json -> estimate -> to_svg.
// Any input either is refused with a typed error whose message names a field, or gives a
// timeline of finite, in-range numbers and an SVG without NaN or infinity. A panic is a bug.

use relief_timeline::estimator::{concentration, estimate, Scenario, ScenarioError, Timeline};
use relief_timeline::render::{to_svg, ChartOptions, ThemeKind};

/// Runs one input through the whole pipeline, panicking on any broken invariant.
pub fn check_input(data: &[u8]) {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    match Scenario::from_json(json) {
        Err(e) => check_error(&e),
        Ok(scenario) => {
            let timeline = estimate(&scenario);
            check_timeline(&timeline, scenario.horizon_days().get());
            let c = concentration(&scenario);
            for v in c.hours.iter().chain(&c.ng_per_ml) {
                assert!(v.is_finite() && *v >= 0.0, "concentration {v}");
            }
            // Width from the input's length: phone to desktop, both themes.
            let width = 280.0 + (data.len() % 9) as f64 * 120.0;
            let options = ChartOptions {
                width,
                height: (width * 0.56).clamp(300.0, 520.0),
                theme: if data.len().is_multiple_of(2) {
                    ThemeKind::Light
                } else {
                    ThemeKind::Dark
                },
                ..ChartOptions::default()
            };
            let (svg, layout) = to_svg(&timeline, &options).expect("a valid scenario renders");
            check_svg(&svg);
            assert!(
                layout.plot.x0 < layout.plot.x1 && layout.plot.y0 < layout.plot.y1,
                "empty plot area"
            );
        }
    }
}

/// A refusal: a readable message, never a dose suggestion.
pub fn check_error(e: &ScenarioError) {
    let message = e.to_string();
    assert!(!message.is_empty());
    assert!(!message.to_lowercase().contains("recommend"), "{message}");
    if !matches!(e, ScenarioError::Parse(_)) {
        // Every field of the scenario schema (the one list of fields).
        let fields = relief_timeline::estimator::schema::FIELDS.map(|f| f.name);
        assert!(
            fields.iter().any(|f| message.contains(f)),
            "names no field: {message}"
        );
    }
}

/// No NaN, no infinity, no empty document.
pub fn check_svg(svg: &str) {
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "not an SVG document"
    );
    assert!(!has_bad_number(svg), "SVG contains NaN or infinity");
}

/// True if `s` has a word `NaN`, `inf` or `Infinity` (how Rust and JS print non-finite numbers).
pub fn has_bad_number(s: &str) -> bool {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .any(|w| matches!(w.trim_matches('.'), "NaN" | "inf" | "Infinity"))
}

/// Finite numbers in their ranges, percentiles in order, times inside the horizon.
pub fn check_timeline(t: &Timeline, horizon: f64) {
    assert_eq!(t.horizon_days, horizon);
    let r = &t.relief;
    assert!(!r.days.is_empty());
    assert!(
        r.days.len() == r.p10.len() && r.days.len() == r.p50.len() && r.days.len() == r.p90.len()
    );
    assert!(
        r.days.windows(2).all(|w| w[0] < w[1]),
        "sample times not increasing"
    );
    for i in 0..r.days.len() {
        let (a, b, c) = (r.p10[i], r.p50[i], r.p90[i]);
        for v in [a, b, c] {
            assert!(
                v.is_finite() && (0.0..=100.0).contains(&v),
                "relief {v} at {}",
                r.days[i]
            );
        }
        assert!(
            a <= b + 1e-9 && b <= c + 1e-9,
            "percentiles out of order at {}: {a} {b} {c}",
            r.days[i]
        );
    }
    let e = t.relief_end_days;
    for v in [e.p10, e.p50, e.p90] {
        assert!(
            v.is_finite() && v >= 0.0 && v <= horizon + 1e-9,
            "relief end {v}"
        );
    }
    for p in [&t.phases.acute, &t.phases.sub_acute, &t.phases.chronic] {
        assert!(
            (0.0..=1.0).contains(&p.probability),
            "probability {}",
            p.probability
        );
        for b in [p.start_days, p.end_days, p.relief_percent] {
            for v in [b.low, b.typical, b.high] {
                assert!(v.is_finite(), "phase value {v}");
            }
        }
    }
    for d in &t.doses {
        assert!(d.start_days.is_finite() && d.start_days <= d.end_days && d.start_days < horizon);
    }
    assert!(
        !t.summary.is_empty() && t.summary.iter().all(|s| !has_bad_number(s)),
        "{:?}",
        t.summary
    );
}
