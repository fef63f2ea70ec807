//! The renderer, natively through the SVG backend: labels present, nothing overlapping or cut off
//! from phone to desktop widths, colours with enough contrast, and a probe that reads the curve.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_texts_fit, labels_in, options, timeline, SCENARIOS, SNAPSHOTS};
use relief_timeline::estimator::Paths;
use relief_timeline::render::{
    contrast, people_counts, people_height, people_to_svg, probe, to_svg, ChartOptions, Labels,
    Theme, ThemeKind,
};

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
    assert_texts_fit(case, &layout.bounds, &layout.texts);
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

// The icon array of 100 people.

/// Paths with the given shares, in the array's order (acute only ... none).
fn paths(shares: [f64; 8]) -> Paths {
    Paths::from(shares)
}

/// The array's options at a width, at the height it wants there (as the widget sizes it).
fn people_options(
    tl: &relief_timeline::estimator::Timeline,
    width: f64,
    lang: &str,
    theme: ThemeKind,
) -> ChartOptions {
    let labels = labels_in(lang);
    ChartOptions {
        height: people_height(width, &tl.paths, &labels),
        labels,
        ..options(width, theme)
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, rng_seed: proptest::test_runner::RngSeed::Fixed(0x100), ..Default::default() })]

    #[test]
    fn people_counts_sum_to_100_and_follow_the_shares(raw in proptest::array::uniform8(0.0f64..1.0), zeros in proptest::array::uniform8(proptest::bool::ANY)) {
        let raw: Vec<f64> = raw.iter().zip(zeros).map(|(&s, z)| if z { 0.0 } else { s }).collect();
        let total: f64 = raw.iter().sum();
        proptest::prop_assume!(total > 0.0);
        let shares: [f64; 8] = std::array::from_fn(|i| raw[i] / total);
        let counts = people_counts(&paths(shares));
        proptest::prop_assert_eq!(counts.iter().sum::<u32>(), 100);
        for (c, s) in counts.iter().zip(shares) {
            // Largest remainder: each count is its share's floor or ceiling, and no one is on a
            // path no one takes.
            proptest::prop_assert!((f64::from(*c) - s * 100.0).abs() < 1.0 + 1e-9, "{counts:?} for {shares:?}");
            if s == 0.0 {
                proptest::prop_assert_eq!(*c, 0);
            }
        }
    }
}

#[test]
fn the_estimates_paths_become_100_people() {
    for json in SCENARIOS {
        let tl = timeline(json);
        let counts = people_counts(&tl.paths);
        assert_eq!(counts.iter().sum::<u32>(), 100, "{json}");
    }
}

#[test]
fn the_people_legend_lists_every_path_someone_takes_and_nothing_overlaps() {
    let mixes = [
        [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
        [0.23, 0.4, 0.07, 0.0, 0.0, 0.0, 0.0, 0.3],
    ];
    let mut cases: Vec<relief_timeline::estimator::Timeline> =
        SCENARIOS.iter().map(|j| timeline(j)).collect();
    for mix in mixes {
        let mut tl = timeline(SCENARIOS[0]);
        tl.paths = paths(mix);
        cases.push(tl);
    }
    for lang in ["en", "de", "es"] {
        for tl in &cases {
            let counts = people_counts(&tl.paths);
            for width in [240.0, 320.0, 480.0, 640.0, 1200.0] {
                let opts = people_options(tl, width, lang, ThemeKind::Light);
                let case = format!("{lang} {width}px {counts:?}");
                let (svg, layout) = people_to_svg(tl, &opts).expect("svg renders");
                assert!(svg.ends_with("</svg>\n"), "{case}");
                assert_eq!(layout.counts, counts);
                let drawn: Vec<&str> = layout.texts.iter().map(|t| t.text.as_str()).collect();
                let all = drawn.join(" ");
                assert!(
                    all.contains(&opts.labels.people_title),
                    "{case}: no title in {drawn:?}"
                );
                for (i, &n) in counts.iter().enumerate() {
                    let entry = opts
                        .labels
                        .people_count
                        .replace("{n}", &n.to_string())
                        .replace("{path}", &opts.labels.paths[i]);
                    assert_eq!(
                        n > 0,
                        all.contains(&entry),
                        "{case}: {entry:?} in {drawn:?}"
                    );
                }
                // 10 by 10 or 20 by 5, figures of a readable size, inside the drawing.
                assert_eq!(layout.columns * layout.rows, 100, "{case}");
                assert!(
                    layout.cell >= 16.0 || (width < 480.0 && layout.cell >= 14.0),
                    "{case}: cells of {}",
                    layout.cell
                );
                assert!(
                    layout.bounds.contains(&layout.grid),
                    "{case}: grid {:?}",
                    layout.grid
                );
                assert_texts_fit(&case, &layout.bounds, &layout.texts);
                for t in &layout.texts {
                    assert!(
                        !t.rect.overlaps(&layout.grid),
                        "{case}: {:?} over the figures",
                        t.text
                    );
                }
            }
        }
    }
}

#[test]
fn the_people_are_drawn_in_groups_in_reading_order() {
    let mut tl = timeline(SCENARIOS[0]);
    tl.paths = paths([0.23, 0.4, 0.07, 0.0, 0.0, 0.0, 0.0, 0.3]);
    let theme = Theme::of(ThemeKind::Light);
    let (svg, _) = people_to_svg(&tl, &people_options(&tl, 640.0, "en", ThemeKind::Light))
        .expect("svg renders");
    // Every figure's head is an octagon filled in the colour of the last phase its path
    // reaches: 23 acute (acute only), 40 + 7 later ones, then 30 grey, in this order (and the
    // legend's four figures after them).
    let fill = |c: plotters::style::RGBColor| {
        format!("fill=\"{}\"", relief_timeline::render::hex((c.0, c.1, c.2)))
    };
    let octagon = |l: &&str| {
        l.starts_with("<polygon")
            && l.split("points=\"").nth(1).map(|p| p.split(' ').count()) == Some(8)
    };
    let heads: Vec<&str> = svg.lines().filter(octagon).collect();
    assert_eq!(heads.len(), 104);
    let expect = [
        (23, fill(theme.phases[0])),
        (40, fill(theme.phases[1])),
        (7, fill(theme.phases[2])),
        (30, fill(theme.neutral)),
    ];
    let mut i = 0;
    for (n, colour) in expect {
        for h in &heads[i..i + n] {
            assert!(h.contains(&colour), "person {i}: {h}");
        }
        i += n;
    }
}

#[test]
fn people_have_enough_contrast_in_both_themes() {
    for kind in [ThemeKind::Light, ThemeKind::Dark] {
        let t = Theme::of(kind);
        // The outlines that shape every figure, and the grey of no meaningful relief.
        for g in [t.axis, t.neutral] {
            assert!(
                contrast(g, t.background) >= 3.0,
                "{kind:?}: {g:?} has {:.2}:1",
                contrast(g, t.background)
            );
        }
        // The grey is told from the phase colours by more than hue: it is no phase colour.
        assert!(!t.phases.contains(&t.neutral));
        assert!(contrast(t.text, t.background) >= 4.5);
    }
    // The drawing uses those colours.
    let tl = timeline(SCENARIOS[1]);
    for kind in [ThemeKind::Light, ThemeKind::Dark] {
        let t = Theme::of(kind);
        let (svg, _) =
            people_to_svg(&tl, &people_options(&tl, 640.0, "en", kind)).expect("svg renders");
        let h = |c: plotters::style::RGBColor| relief_timeline::render::hex((c.0, c.1, c.2));
        assert!(svg.contains(&format!("fill=\"{}\"", h(t.background))));
        assert!(svg.contains(&format!("stroke=\"{}\"", h(t.axis))));
    }
}

/// The icon array's reviewed snapshots (tests/snapshots/people-*.svg), regenerated as the chart's
/// are (see `svg_matches_the_reviewed_snapshots`).
#[test]
fn people_svg_matches_the_reviewed_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let cases = [
        (
            "people-boosters-640-light",
            SCENARIOS[1],
            640.0,
            ThemeKind::Light,
        ),
        (
            "people-boosters-320-dark",
            SCENARIOS[1],
            320.0,
            ThemeKind::Dark,
        ),
    ];
    for (name, json, width, theme) in cases {
        let tl = timeline(json);
        let (svg, _) =
            people_to_svg(&tl, &people_options(&tl, width, "en", theme)).expect("svg renders");
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, &svg).expect("snapshot written");
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("missing {path:?}: run UPDATE_SNAPSHOTS=1 cargo test --test render")
        });
        assert!(
            golden == svg,
            "{name}: the SVG differs from {path:?}; if intended, regenerate and review"
        );
    }
}

#[test]
fn tiny_people_arrays_draw_without_panicking() {
    let tl = timeline(SCENARIOS[1]);
    for (width, height) in [
        (1.0, 1.0),
        (24.0, 10.0),
        (80.0, 120.0),
        (150.0, 40.0),
        (2000.0, 50.0),
    ] {
        let opts = ChartOptions {
            height,
            ..options(width, ThemeKind::Dark)
        };
        let (svg, _) = people_to_svg(&tl, &opts).expect("drawn");
        assert!(svg.ends_with("</svg>\n"), "width {width}");
    }
}

#[test]
fn the_svg_export_is_one_document_of_the_chart_then_the_array() {
    use plotters::prelude::IntoDrawingArea;
    use relief_timeline::render::{draw_with_people, pixel_size, SvgBackend};
    let tl = timeline(SCENARIOS[1]);
    let opts = options(640.0, ThemeKind::Light);
    let people_h = people_height(opts.width, &tl.paths, &opts.labels);
    let both = ChartOptions {
        height: opts.height + people_h,
        ..opts.clone()
    };
    let people = ChartOptions {
        height: people_h,
        ..opts.clone()
    };
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, pixel_size(&both)).into_drawing_area();
        draw_with_people(&root, &tl, None, &opts, &[(&tl, people)]).expect("drawn");
        root.present().expect("presented");
    }
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.starts_with(&format!(
        r#"<svg width="640" height="{}""#,
        pixel_size(&both).1
    )));
    assert!(svg.ends_with("</svg>\n"));
    let footnote = svg
        .find("Educational estimate")
        .expect("the chart's footnote");
    let title = svg
        .find(&Labels::default().people_title)
        .expect("the array's title");
    assert!(footnote < title, "the chart, then the array");
    // The array's title lies below the chart.
    let y: i32 = svg[..title]
        .rsplit(" y=\"")
        .next()
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("the title's y");
    assert!(f64::from(y) > opts.height, "title at y {y}");
}
