//! The renderer, natively through the SVG backend: labels present, nothing overlapping or cut off
//! from phone to desktop widths, colours with enough contrast, and a probe that reads the curve.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{options, timeline, SCENARIOS, SNAPSHOTS};
use relief_timeline::render::{contrast, probe, to_svg, ChartOptions, Labels, Theme, ThemeKind};

/// The chart's words in a language of the widget, from its message file (`js/i18n/<lang>.json`).
fn labels_in(lang: &str) -> Labels {
    let path = format!("{}/js/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the message file is readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the message file is JSON");
    let c = &json["chart"];
    let s = |key: &str| {
        c[key]
            .as_str()
            .expect("a chart label is a string")
            .to_string()
    };
    let list = |key: &str| -> Vec<String> {
        let items = c[key].as_array().expect("a chart label list");
        items
            .iter()
            .map(|v| v.as_str().expect("a string").to_string())
            .collect()
    };
    Labels {
        ticks: list("ticks").try_into().expect("11 ticks"),
        relief_axis: s("reliefAxis"),
        percent: s("percent"),
        phases: list("phases").try_into().expect("3 phases"),
        chance: s("chance"),
        threshold: s("threshold"),
        median: s("median"),
        band: s("band"),
        dose: s("dose"),
        booster: s("booster"),
        side_effects: s("sideEffects"),
        footnote: s("footnote"),
    }
}

#[test]
fn the_english_message_file_matches_the_default_labels() {
    assert_eq!(labels_in("en"), Labels::default());
}

#[test]
fn labels_are_present_and_never_overlap_or_leave_the_chart() {
    for lang in ["en", "de", "es"] {
        for json in SCENARIOS {
            let tl = timeline(json);
            for width in [240.0, 320.0, 640.0, 1200.0] {
                let opts = ChartOptions {
                    labels: labels_in(lang),
                    ..options(width, ThemeKind::Light)
                };
                check_labels(&tl, &opts, &format!("{lang} {width}px {json}"));
            }
        }
    }
}

/// Every label drawn (the footnote in one or more lines), none overlapping or cut off.
fn check_labels(tl: &relief_timeline::estimator::Timeline, opts: &ChartOptions, case: &str) {
    let (svg, layout) = to_svg(tl, opts).expect("svg renders");
    let labels = &opts.labels;
    let percent = |n: &str| labels.percent.replace("{n}", n);
    for expected in [
        labels.relief_axis.clone(),
        labels.threshold.clone(),
        labels.ticks[3].clone(),
        percent("0"),
        percent("100"),
    ] {
        assert!(svg.contains(&expected), "{case}: missing {expected:?}");
    }
    // The footnote: the last texts drawn, in one line or more.
    let drawn: Vec<&str> = layout.texts.iter().map(|t| t.text.as_str()).collect();
    let first = drawn.iter().rposition(|t| labels.footnote.starts_with(*t));
    assert_eq!(
        first.map(|i| drawn[i..].join(" ")).as_deref(),
        Some(labels.footnote.as_str()),
        "{case}: the footnote is not drawn whole: {drawn:?}"
    );
    for t in &layout.texts {
        assert!(
            layout.bounds.contains(&t.rect),
            "{case}: {:?} is cut off at {:?}",
            t.text,
            t.rect
        );
    }
    for (i, a) in layout.texts.iter().enumerate() {
        for b in &layout.texts[i + 1..] {
            assert!(
                !a.rect.overlaps(&b.rect),
                "{case}: {:?} overlaps {:?}",
                a.text,
                b.text
            );
        }
    }
}

#[test]
fn every_phase_someone_reaches_is_labelled() {
    let tl = timeline(SCENARIOS[1]);
    let (svg, _) = to_svg(&tl, &options(640.0, ThemeKind::Light)).expect("svg renders");
    let names = Labels::default().phases;
    let phases = [&tl.phases.acute, &tl.phases.sub_acute, &tl.phases.chronic];
    for (phase, name) in phases.iter().zip(&names) {
        assert_eq!(
            phase.probability > 0.0,
            svg.contains(name.as_str()),
            "{name}: probability {}",
            phase.probability
        );
    }
}

#[test]
fn text_and_graphics_have_enough_contrast_in_both_themes() {
    for kind in [ThemeKind::Light, ThemeKind::Dark] {
        let t = Theme::of(kind);
        for text in [t.text, t.muted].into_iter().chain(t.phase_text) {
            assert!(
                contrast(text, t.background) >= 4.5,
                "{kind:?}: text {text:?} has {:.2}:1",
                contrast(text, t.background)
            );
        }
        for g in [t.axis, t.median, t.dose, t.side_effect] {
            assert!(
                contrast(g, t.background) >= 3.0,
                "{kind:?}: graphic {g:?} has {:.2}:1",
                contrast(g, t.background)
            );
        }
    }
}

#[test]
fn the_probe_reads_the_curve_it_drew() {
    let tl = timeline(SCENARIOS[1]);
    let (_, layout) = to_svg(&tl, &options(800.0, ThemeKind::Light)).expect("svg renders");
    assert!(probe(&layout, &tl, layout.plot.x0 - 1.0).is_none());
    assert!(probe(&layout, &tl, layout.plot.x1 + 1.0).is_none());
    // At the x of every sample, the probe returns that sample.
    for (i, &d) in tl.relief.days.iter().enumerate().step_by(7) {
        let x = layout.time.x(d);
        let r = probe(&layout, &tl, x).expect("inside the plot");
        assert!(
            (r.days / d - 1.0).abs() < 1e-6,
            "day {d} read back as {}",
            r.days
        );
        assert!(
            (r.p50 - tl.relief.p50[i]).abs() < 1e-6,
            "p50 at day {d}: {} vs {}",
            r.p50,
            tl.relief.p50[i]
        );
        assert!(r.p10 <= r.p50 && r.p50 <= r.p90);
    }
}

#[test]
fn the_dark_theme_draws_on_a_dark_background() {
    let tl = timeline(SCENARIOS[0]);
    let (light, _) = to_svg(&tl, &options(640.0, ThemeKind::Light)).expect("svg renders");
    let (dark, _) = to_svg(&tl, &options(640.0, ThemeKind::Dark)).expect("svg renders");
    assert!(light.contains("#FFFFFF"), "light background missing");
    assert!(dark.contains("#18181B"), "dark background missing");
}

/// Golden SVGs in tests/snapshots/, reviewed by eye before committing. After an intended change
/// to the model or the drawing, regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test render`
/// and review the diff.
#[test]
fn svg_matches_the_reviewed_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (name, json, width, theme) in SNAPSHOTS {
        let (svg, _) = to_svg(&timeline(json), &options(width, theme)).expect("svg renders");
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::create_dir_all(&dir).expect("snapshot dir");
            std::fs::write(&path, &svg).expect("snapshot written");
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("missing {path:?}: run UPDATE_SNAPSHOTS=1 cargo test --test render")
        });
        assert!(golden == svg, "{name}: the SVG differs from {path:?}; if intended, regenerate (see the doc comment) and review");
    }
}

#[test]
fn chances_read_as_the_summary_says_them() {
    use relief_timeline::render::nearest_fraction;
    assert_eq!(nearest_fraction(0.008), (1, 100));
    assert_eq!(nearest_fraction(0.02), (1, 50));
    assert_eq!(nearest_fraction(0.04), (1, 20));
    assert_eq!(nearest_fraction(0.35), (4, 10));
    assert_eq!(nearest_fraction(0.93), (9, 10));
    assert_eq!(Labels::default().chance_of(0.96), None);
    assert_eq!(
        Labels::default().chance_of(0.66).as_deref(),
        Some("about 7 in 10")
    );
    // The chart's chance of each phase is the share the summary gives it.
    for json in SCENARIOS {
        let tl = timeline(json);
        let (svg, _) = to_svg(&tl, &options(640.0, ThemeKind::Light)).expect("svg renders");
        let phases = [&tl.phases.acute, &tl.phases.sub_acute, &tl.phases.chronic];
        for p in phases.map(|p| p.probability) {
            let tenths = (p * 10.0).round();
            if (0.05..0.95).contains(&p) && tenths >= 1.0 {
                let chart = format!("about {tenths} in 10");
                let summary = format!("About {tenths} in 10");
                assert!(svg.contains(&chart), "{json}: {p} not drawn as {chart:?}");
                assert!(
                    tl.summary.iter().any(|s| s.contains(&summary)),
                    "{json}: {p} not in the summary as {summary:?}: {:?}",
                    tl.summary
                );
            }
        }
    }
}

#[test]
fn tiny_charts_draw_without_panicking() {
    // Phase labels wider than the plot once made `clamp` panic (its min exceeded its max).
    let t = timeline(SCENARIOS[1]);
    for width in [1.0, 24.0, 80.0, 150.0] {
        let (svg, _) = to_svg(&t, &options(width, ThemeKind::Light)).expect("drawn");
        assert!(svg.ends_with("</svg>\n"), "width {width}");
    }
}
