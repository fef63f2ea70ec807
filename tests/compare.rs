//! Two plans on one chart (`render::draw_compared`, `estimator::compare`): the other plan drawn
//! over this one on its axis (a dashed median on its own curve, a dotted band, hollow doses, in
//! a colour of at least 3:1), the legend's two entries fitting in every language and width, each
//! icon array titled with its plan, and the sentence on the difference saying what the timelines
//! say, from phone widths to extreme inputs without a NaN or a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_texts_fit, labels_in, options, summary_words_in, timeline, SCENARIOS};
use plotters::style::RGBColor;
use relief_timeline::estimator::{compare, nearest_fraction, Paths, SummaryWords, Timeline};
use relief_timeline::render::{
    contrast, hex, people_height, pixel_size, to_svg_compared, ChartOptions, Labels, Layout, Theme,
    ThemeKind,
};

/// One 4-hour infusion of 2 mg/kg; five of them on five days.
const ONE: &str = r#"{"doseMgPerKg":2,"sessionHours":4}"#;
const FIVE: &str = r#"{"doseMgPerKg":2,"sessionHours":4,"sessions":5}"#;

/// The points of each polyline of `color` and stroke `width` (device pixels) in an SVG.
fn polylines(svg: &str, color: RGBColor, width: u32) -> Vec<Vec<(f64, f64)>> {
    let head = format!(
        r#"<polyline fill="none" stroke="{}" stroke-width="{width}" points=""#,
        hex((color.0, color.1, color.2))
    );
    let point = |p: &str| {
        let (x, y) = p.split_once(',')?;
        Some((x.parse().ok()?, y.parse().ok()?))
    };
    svg.lines()
        .filter_map(|l| l.strip_prefix(head.as_str()))
        .map(|rest| {
            let points = rest.split('"').next().unwrap_or_default();
            points.split(' ').filter_map(point).collect()
        })
        .collect()
}

/// How far `p` lies from the polyline through `line`.
fn distance(line: &[(f64, f64)], (x, y): (f64, f64)) -> f64 {
    let segment = |(ax, ay): (f64, f64), (bx, by): (f64, f64)| {
        let (dx, dy) = (bx - ax, by - ay);
        let len = dx * dx + dy * dy;
        let t = if len > 0.0 {
            (((x - ax) * dx + (y - ay) * dy) / len).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (x - ax - t * dx).hypot(y - ay - t * dy)
    };
    line.windows(2)
        .map(|w| segment(w[0], w[1]))
        .fold(f64::INFINITY, f64::min)
}

/// A timeline's median relief in the chart's pixels, up to the chart's horizon.
fn median_pixels(layout: &Layout, t: &Timeline) -> Vec<(f64, f64)> {
    let r = &t.relief;
    let horizon = layout.time.horizon();
    let mut line: Vec<(f64, f64)> = r
        .days
        .iter()
        .zip(&r.p50)
        .filter(|(&d, _)| d <= horizon)
        .map(|(&d, &v)| (layout.time.x(d), layout.y(v)))
        .collect();
    line.push((layout.plot.x1, layout.y(r.at(horizon).p50)));
    line
}

/// Draws `a` compared with `b`, and checks that `b`'s median is drawn dashed on `b`'s own curve,
/// never beyond the plot. Returns the SVG.
fn assert_dashed_on_curve(a: &Timeline, b: &Timeline, opts: &ChartOptions, case: &str) -> String {
    let (svg, layout) = to_svg_compared(a, Some((b, "")), opts).expect("drawn");
    let dashes = polylines(&svg, Theme::of(opts.theme).compare, 3);
    // The legend's swatch (two dashes) and many along the curve.
    assert!(dashes.len() > 10, "{case}: {} dashes", dashes.len());
    let curve = median_pixels(&layout, b);
    let p = layout.plot;
    for point in dashes.iter().flatten() {
        if point.1 < p.y0 {
            continue; // the legend's swatch
        }
        assert!(point.0 <= p.x1 + 1.0, "{case}: {point:?} beyond the plot");
        let d = distance(&curve, *point);
        assert!(d <= 1.5, "{case}: {point:?} is {d:.1} px off the median");
    }
    svg
}

#[test]
fn a_plan_compared_with_itself_draws_the_same_curve_and_says_so() {
    for json in SCENARIOS {
        let a = timeline(json);
        let b = a.clone();
        assert_dashed_on_curve(&a, &b, &options(640.0, ThemeKind::Light), json);
        for lang in ["en", "es", "de"] {
            let words = summary_words_in(lang);
            assert_eq!(compare(&a, &b, "one session", &words), words.compare_same);
        }
    }
    assert_eq!(
        SummaryWords::default().compare_same,
        "Both plans give the same estimate."
    );
}

#[test]
fn the_other_plan_is_dashed_on_its_own_curve_clipped_at_this_plans_horizon() {
    // Horizons 365 against 1095 days, and the other way round; a series against one session.
    let pairs = [
        (SCENARIOS[0], SCENARIOS[2]),
        (SCENARIOS[2], SCENARIOS[0]),
        (FIVE, ONE),
        (SCENARIOS[1], FIVE),
    ];
    for (a, b) in pairs {
        for theme in [ThemeKind::Light, ThemeKind::Dark] {
            let case = format!("{a} with {b} {theme:?}");
            let (ta, tb) = (timeline(a), timeline(b));
            let svg = assert_dashed_on_curve(&ta, &tb, &options(640.0, theme), &case);
            let colour = Theme::of(theme).compare;
            // The band's dotted edges, and each dose a hollow (closed, unfilled) outline.
            assert!(
                polylines(&svg, colour, 1).len() > 20,
                "{case}: no dotted band"
            );
            let hollow = polylines(&svg, colour, 2);
            assert!(!hollow.is_empty(), "{case}: no hollow doses");
            assert!(hollow.iter().all(|p| p.first() == p.last()), "{case}");
        }
    }
}

#[test]
fn a_single_plan_draws_nothing_of_a_comparison() {
    let t = timeline(SCENARIOS[1]);
    let (svg, _) = to_svg_compared(&t, None, &options(640.0, ThemeKind::Light)).expect("drawn");
    let colour = hex({
        let c = Theme::of(ThemeKind::Light).compare;
        (c.0, c.1, c.2)
    });
    assert!(!svg.contains(&colour));
    assert!(!svg.contains(&Labels::default().this_plan));
}

#[test]
fn the_legend_names_both_plans_and_fits_at_every_width_in_every_language() {
    let (a, b) = (timeline(FIVE), timeline(SCENARIOS[1]));
    for lang in ["en", "es", "de"] {
        let labels = labels_in(lang);
        for name in [
            "one session",
            "",
            "five daily sessions of 2 mg/kg over 4 hours each",
        ] {
            for width in [240.0, 320.0, 640.0, 1200.0] {
                let case = format!("{lang} {width}px {name:?}");
                let opts = ChartOptions {
                    labels: labels.clone(),
                    ..options(width, ThemeKind::Light)
                };
                let (_, layout) = to_svg_compared(&a, Some((&b, name)), &opts).expect("drawn");
                let drawn: Vec<&str> = layout.texts.iter().map(|t| t.text.as_str()).collect();
                let drawn = drawn.join(" ");
                let entry = labels.compared_entry(name);
                for expected in [&labels.this_plan, &entry] {
                    assert!(drawn.contains(expected.as_str()), "{case}: no {expected:?}");
                }
                assert!(entry.contains(labels.plan_name(name)), "{case}");
                assert!(
                    !drawn.contains(&labels.median),
                    "{case}: 'Typical' stays out"
                );
                assert_texts_fit(&case, &layout.bounds, &layout.texts);
            }
        }
    }
    let l = Labels::default();
    assert_eq!(l.compared_entry("one session"), "Compared: one session");
    assert_eq!(l.compared_entry(""), "Compared: the other plan");
}

#[test]
fn the_compare_colour_has_at_least_3_to_1_in_both_themes() {
    for kind in [ThemeKind::Light, ThemeKind::Dark] {
        let t = Theme::of(kind);
        let ratio = contrast(t.compare, t.background);
        assert!(ratio >= 3.0, "{kind:?}: {ratio:.2}");
        // Its own colour: not this plan's median, band or doses.
        for other in [t.median, t.band, t.dose] {
            assert_ne!(t.compare, other, "{kind:?}");
        }
    }
}

#[test]
fn each_icon_array_is_titled_with_its_plan_and_fits() {
    let l = Labels::default();
    assert_eq!(
        l.people_title_for(&l.this_plan),
        "This plan: what happens to 100 people like this"
    );
    assert_eq!(
        l.people_title_for(l.plan_name("")),
        "The other plan: what happens to 100 people like this"
    );
    assert_eq!(
        l.people_title_for("one session"),
        "One session: what happens to 100 people like this"
    );
    let (a, b) = (timeline(FIVE), timeline(ONE));
    for lang in ["en", "es", "de"] {
        let labels = labels_in(lang);
        for width in [320.0, 640.0, 1200.0] {
            let opts = ChartOptions {
                labels: labels.clone(),
                ..options(width, ThemeKind::Dark)
            };
            let titles = [labels.this_plan.as_str(), labels.plan_name("")];
            let arrays: Vec<(&Timeline, ChartOptions)> = [&a, &b]
                .into_iter()
                .zip(titles)
                .map(|(t, plan)| {
                    let labels = Labels {
                        people_title: labels.people_title_for(plan),
                        ..labels.clone()
                    };
                    let height = people_height(width, &t.paths, &labels);
                    (
                        t,
                        ChartOptions {
                            height,
                            labels,
                            ..opts.clone()
                        },
                    )
                })
                .collect();
            let svg = export(&a, &b, &opts, &arrays);
            let case = format!("{lang} {width}px");
            let first = svg.find(&labels.footnote).expect("the chart");
            let mut last = first;
            for (_, array) in &arrays {
                // The title's first words (it may wrap).
                let words: Vec<&str> = array.labels.people_title.split(' ').take(2).collect();
                let at = svg[last..].find(&words.join(" ")).map(|i| i + last);
                last = at.unwrap_or_else(|| panic!("{case}: no {words:?} after the chart"));
            }
            for (t, array) in &arrays {
                let (_, layout) = relief_timeline::render::people_to_svg(t, array).expect("drawn");
                assert_texts_fit(&case, &layout.bounds, &layout.texts);
            }
        }
    }
}

/// The SVG export of `a` compared with `b`, with the icon arrays under it.
fn export(
    a: &Timeline,
    b: &Timeline,
    opts: &ChartOptions,
    arrays: &[(&Timeline, ChartOptions)],
) -> String {
    use plotters::prelude::IntoDrawingArea;
    use relief_timeline::render::{draw_with_people, SvgBackend};
    let all = ChartOptions {
        height: arrays.iter().fold(opts.height, |h, (_, o)| h + o.height),
        ..opts.clone()
    };
    let mut svg = String::new();
    {
        let root = SvgBackend::new(&mut svg, pixel_size(&all)).into_drawing_area();
        draw_with_people(&root, a, Some((b, "")), opts, arrays).expect("drawn");
        root.present().expect("presented");
    }
    assert_eq!(svg.matches("<svg").count(), 1);
    svg
}

/// A chance as the comparison says it: as the chart's "about k in n", at the extremes in words.
fn chance(p: f64) -> String {
    match p {
        p if p >= 0.95 => "almost everyone".into(),
        p if p < 0.005 => "almost no one".into(),
        p => {
            let (k, n) = nearest_fraction(p);
            format!("about {k} in {n}")
        }
    }
}

#[test]
fn five_sessions_against_one_says_what_the_timelines_say() {
    let (a, b) = (timeline(FIVE), timeline(ONE));
    let w = SummaryWords::default();
    let sentence = compare(&a, &b, "one session", &w);
    println!("{sentence}");
    let phases = |t: &Timeline| {
        let p = &t.phases;
        [
            p.acute.probability,
            p.sub_acute.probability,
            p.chronic.probability,
        ]
    };
    let names = ["acute relief", "sub-acute relief", "chronic relief"];
    let mut parts: Vec<String> = Vec::new();
    for ((pa, pb), name) in phases(&a).into_iter().zip(phases(&b)).zip(names) {
        if chance(pa) != chance(pb) {
            parts.push(format!(
                "{name} for {} instead of {}",
                chance(pa),
                chance(pb)
            ));
        }
    }
    // Five sessions reach the sub-acute phase far more often: the sentence says so.
    assert!(
        phases(&a)[1] > phases(&b)[1] + 0.2,
        "{:?} {:?}",
        phases(&a),
        phases(&b)
    );
    assert!(
        parts.iter().any(|p| p.starts_with("sub-acute")),
        "{parts:?}"
    );
    // More than half reach relief with each: the summary's "half have ended by", both ways.
    assert!(a.summary_facts.reached >= 0.5 && b.summary_facts.reached >= 0.5);
    let about = |t: &Timeline| format!("about {}", w.duration(t.relief_end_days.p50));
    parts.push(format!(
        "relief typically lasts {} instead of {}",
        about(&a),
        about(&b)
    ));
    let expected = format!("Compared with one session: {}.", parts.join("; "));
    assert_eq!(sentence, expected);
    // Without a name, "the other plan"; the other way round, the numbers swap.
    assert_eq!(
        compare(&a, &b, "", &w),
        expected.replace("one session", "the other plan")
    );
    let back = compare(&b, &a, "five sessions", &w);
    assert!(
        back.contains(&format!(
            "sub-acute relief for {} instead of {}",
            chance(phases(&b)[1]),
            chance(phases(&a)[1])
        )),
        "{back}"
    );
    // Never a verdict or a dose.
    for s in [&sentence, &back] {
        for word in ["better", "worse", "should", "recommend", "mg"] {
            assert!(!s.contains(word), "{s}");
        }
    }
}

#[test]
fn the_comparison_is_in_every_languages_words() {
    let (a, b) = (timeline(FIVE), timeline(ONE));
    let english = compare(&a, &b, "one session", &SummaryWords::default());
    for lang in ["es", "de"] {
        let summary = &common::message_file(lang)["summary"];
        for key in [
            "chance",
            "compare",
            "compareSame",
            "comparePhases",
            "compareAny",
            "compareChance",
            "compareLasts",
        ] {
            assert!(summary.get(key).is_some(), "{lang}: summary.{key} missing");
        }
        let w = summary_words_in(lang);
        for plan in ["one session", ""] {
            let s = compare(&a, &b, plan, &w);
            println!("{lang}: {s}");
            assert_ne!(s, english);
            assert!(!s.contains('{') && !s.contains("instead of"), "{lang}: {s}");
            assert!(
                s.contains(&w.duration(a.relief_end_days.p50)),
                "{lang}: {s}"
            );
            assert!(s.contains(&w.compare_phases[1]), "{lang}: {s}");
        }
    }
}

/// A timeline with no relief at all: no one reaches any phase, no doses.
fn no_relief(mut t: Timeline) -> Timeline {
    for phase in [
        &mut t.phases.acute,
        &mut t.phases.sub_acute,
        &mut t.phases.chronic,
    ] {
        phase.probability = 0.0;
    }
    for v in [&mut t.relief.p10, &mut t.relief.p50, &mut t.relief.p90] {
        v.iter_mut().for_each(|x| *x = 0.0);
    }
    t.paths = Paths {
        none: 1.0,
        ..Paths::default()
    };
    t.relief_end_days.p50 = 0.0;
    t.summary_facts.reached = 0.0;
    t.doses.clear();
    t
}

#[test]
fn extreme_pairs_draw_and_read_without_nan_or_panic() {
    let short = timeline(r#"{"horizonDays":7}"#);
    let long = timeline(SCENARIOS[2]);
    let mut empty = timeline(ONE);
    empty.relief.days.clear();
    empty.relief.p10.clear();
    empty.relief.p50.clear();
    empty.relief.p90.clear();
    let mut nan = timeline(FIVE);
    nan.relief.p50.iter_mut().for_each(|x| *x = f64::NAN);
    nan.phases.sub_acute.probability = f64::NAN;
    nan.relief_end_days.p50 = f64::NAN;
    let zero = no_relief(timeline(FIVE));
    let all = [&short, &long, &empty, &nan, &zero];
    for a in [&short, &long, &zero] {
        for b in all {
            let words = [SummaryWords::default(), summary_words_in("de")];
            for w in &words {
                let s = compare(a, b, "x", w);
                assert!(!s.contains("NaN") && !s.is_empty(), "{s}");
            }
            for width in [1.0, 24.0, 80.0, 320.0, 1200.0] {
                let opts = options(width, ThemeKind::Dark);
                let (svg, layout) = to_svg_compared(a, Some((b, "")), &opts).expect("drawn");
                assert!(
                    !svg.contains("NaN") && svg.ends_with("</svg>\n"),
                    "{width}px"
                );
                if width >= 240.0 {
                    assert_texts_fit(&format!("{width}px"), &layout.bounds, &layout.texts);
                }
            }
        }
    }
    // Against a plan with no relief, the sentence says the chance of any relief.
    let s = compare(&long, &zero, "", &SummaryWords::default());
    let any = format!(
        "any meaningful relief for {} instead of almost no one",
        chance(long.summary_facts.reached)
    );
    assert!(s.contains(&any), "{s}");
}
