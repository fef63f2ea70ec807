//! The validation figure (`render::validation`): a row for every study of the list the estimator
//! tests use, each mark where its numbers put it, readable in both themes, and the committed
//! copies (`docs/validation*.svg`, `www/validation.svg`, the demo page's `alt`) equal to what the
//! code draws now.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::assert_texts_fit;
use relief_timeline::estimator::studies::STUDIES;
use relief_timeline::render::validation::{
    alt_text, duration_words, pixel_size, rows, to_svg, Options, Palette, Row, ASSUMED, DISCLAIMER,
    EXPLANATION,
};
use relief_timeline::render::{contrast, Labels, ThemeKind};

fn study_rows() -> Vec<Row> {
    rows(STUDIES).expect("every study's regimen is valid")
}

fn options(width: f64, theme: ThemeKind) -> Options {
    Options {
        width,
        theme,
        ..Options::default()
    }
}

#[test]
fn every_study_has_a_row_with_its_marks_where_the_numbers_say() {
    let rows = study_rows();
    for width in [320.0, 720.0] {
        let (svg, layout) = to_svg(&rows, &options(width, ThemeKind::Light)).expect("drawn");
        assert_eq!(
            layout.rows.len(),
            STUDIES.len(),
            "{width}px: one row per study"
        );
        for ((study, row), drawn) in STUDIES.iter().zip(&rows).zip(&layout.rows) {
            let case = format!("{width}px {}", study.id);
            assert_eq!(drawn.id, study.id, "{case}: rows in the list's order");
            assert_eq!(row.reported_days, study.reported_days, "{case}");
            assert_eq!(row.model, study.model().expect("valid"), "{case}");
            // The row is labelled by its id (marked when the regimen is assumed).
            let label = if study.regimen_stated {
                study.id.to_string()
            } else {
                format!("{}*", study.id)
            };
            assert!(
                layout.texts.iter().any(|t| t.text == label),
                "{case}: no label {label:?}"
            );
            assert!(svg.contains(&format!(">{label}</text>")), "{case}");
            // Inside the bar exactly when the reported duration is inside p10..p90.
            let inside = row.model.p10 <= row.reported_days && row.reported_days <= row.model.p90;
            assert_eq!(row.inside(), inside, "{case}");
            assert_eq!(
                drawn.drawn_inside(),
                inside,
                "{case}: {drawn:?} for {row:?}"
            );
            assert!(drawn.p10 <= drawn.p50 && drawn.p50 <= drawn.p90, "{case}");
            // Each mark at its time on the axis.
            let x = |days: f64| layout.time.x(days);
            assert_eq!(drawn.reported, x(row.reported_days), "{case}");
            assert_eq!(
                (drawn.p10, drawn.p50, drawn.p90),
                (x(row.model.p10), x(row.model.p50), x(row.model.p90)),
                "{case}"
            );
            // Rows in order, inside the rows' area.
            assert!(
                layout.plot.y0 < drawn.y && drawn.y < layout.plot.y1,
                "{case}"
            );
        }
        assert!(layout.rows.windows(2).all(|w| w[0].y < w[1].y));
        // Every row fits on the axis: nothing is clamped to its ends.
        let horizon = layout.time.horizon();
        for r in &rows {
            assert!(
                r.model.p90.max(r.reported_days) <= horizon * 1.0001,
                "{r:?}"
            );
            assert!(r.model.p10.min(r.reported_days) >= 5.0 / 1440.0, "{r:?}");
        }
    }
}

#[test]
fn a_reported_duration_outside_the_band_is_drawn_outside() {
    let mut rows = study_rows();
    rows[0].reported_days = rows[0].model.p90 * 1.5;
    rows[1].reported_days = rows[1].model.p10 / 1.5;
    let (_, layout) = to_svg(&rows, &Options::default()).expect("drawn");
    assert!(!rows[0].inside() && !layout.rows[0].drawn_inside());
    assert!(layout.rows[0].reported > layout.rows[0].p90);
    assert!(!rows[1].inside() && !layout.rows[1].drawn_inside());
    assert!(layout.rows[1].reported < layout.rows[1].p10);
    let alt = alt_text(&rows);
    assert!(alt.contains(&format!("{}: reported", rows[0].id)));
    assert!(alt.contains(&format!(
        "{} of {} reported durations",
        rows.len() - 2,
        rows.len()
    )));
}

#[test]
fn texts_are_whole_never_overlap_nor_leave_the_figure() {
    let rows = study_rows();
    for theme in [ThemeKind::Light, ThemeKind::Dark] {
        for width in [240.0, 320.0, 480.0, 720.0, 1200.0] {
            let (svg, layout) = to_svg(&rows, &options(width, theme)).expect("drawn");
            let case = format!("{theme:?} {width}px");
            assert!(svg.ends_with("</svg>\n"), "{case}");
            assert_texts_fit(&case, &layout.bounds, &layout.texts);
            // The footnote, in as many lines as it takes: what the bars mean, the assumed
            // regimens, and the disclaimer last.
            let drawn: Vec<&str> = layout.texts.iter().map(|t| t.text.as_str()).collect();
            let all = drawn.join(" ");
            for paragraph in [EXPLANATION, ASSUMED, DISCLAIMER] {
                assert!(
                    all.contains(paragraph),
                    "{case}: {paragraph:?} not drawn whole"
                );
            }
            assert!(all.ends_with(DISCLAIMER), "{case}");
        }
    }
}

#[test]
fn the_disclaimer_is_the_charts_footnote() {
    assert_eq!(DISCLAIMER, Labels::default().footnote);
}

#[test]
fn colours_have_enough_contrast_in_both_themes() {
    for kind in [ThemeKind::Light, ThemeKind::Dark] {
        let c = Palette::of(kind);
        for text in [c.text, c.muted] {
            let ratio = contrast(text, c.background);
            assert!(ratio >= 4.5, "{kind:?}: text {text:?} has {ratio:.2}:1");
        }
        // The bar's outline, the median tick, the diamond and the axis on the background, and
        // the tick and the diamond on the bar's fill.
        let fill = c.bar_on_background();
        for (what, g, on) in [
            ("bar outline", c.median, c.background),
            ("axis", c.axis, c.background),
            ("reported", c.reported, c.background),
            ("median on the bar", c.median, fill),
            ("reported on the bar", c.reported, fill),
        ] {
            let ratio = contrast(g, on);
            assert!(ratio >= 3.0, "{kind:?}: {what} {g:?} has {ratio:.2}:1");
        }
    }
}

#[test]
fn durations_read_as_a_person_would_say_them() {
    let cases = [
        (1.0 / 24.0, "1 hour"),
        (0.5 / 24.0, "30 minutes"),
        (0.102, "2.4 hours"),
        (3.0 / 24.0, "3 hours"),
        (0.39, "9.4 hours"),
        (0.6, "14 hours"),
        (1.0, "1 day"),
        (11.9, "12 days"),
        (14.0, "2 weeks"),
        (84.0, "12 weeks"),
        (60.0, "9 weeks"),
        (90.0, "3 months"),
        (314.6, "10 months"),
        (730.5, "2 years"),
        (900.0, "2.5 years"),
    ];
    for (days, words) in cases {
        assert_eq!(duration_words(days), words, "{days} days");
    }
}

/// The committed figures, regenerated by `cargo run --example validation` (or
/// `UPDATE_SNAPSHOTS=1 cargo test --test validation`), must be what the code draws now: after a
/// change to the model or the studies, regenerate them and review the diff.
#[test]
fn the_committed_figures_are_what_the_code_draws() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let rows = study_rows();
    for (theme, path) in [
        (ThemeKind::Light, "docs/validation.svg"),
        (ThemeKind::Dark, "docs/validation-dark.svg"),
        (ThemeKind::Light, "www/validation.svg"),
    ] {
        let (svg, _) = to_svg(&rows, &options(720.0, theme)).expect("drawn");
        let path = root.join(path);
        if update {
            std::fs::write(&path, &svg).expect("figure written");
            continue;
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {path:?}: run `cargo run --example validation`"));
        assert!(
            committed == svg,
            "{path:?} is stale: run `cargo run --example validation` and review the diff"
        );
    }
}

/// The demo page shows the figure with the figure in words as its `alt`, numbers and all.
#[test]
fn the_demo_page_describes_the_figure_in_words() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/index.html");
    let html = std::fs::read_to_string(path).expect("the demo page is readable");
    let rows = study_rows();
    let alt = alt_text(&rows);
    assert!(!alt.contains(['"', '<', '>', '&']), "{alt}");
    for study in STUDIES {
        assert!(alt.contains(&format!("{}: reported", study.id)), "{alt}");
    }
    let (w, h) = pixel_size(&rows, &Options::default());
    let img = format!(r#"<img src="validation.svg" alt="{alt}" width="{w}" height="{h}""#);
    assert!(
        html.contains(&img),
        "www/index.html: the figure's alt is not the figure in words (or its size changed); \
         make its <img> start as:\n{img}"
    );
}

#[test]
fn tiny_figures_draw_without_panicking() {
    let rows = study_rows();
    for width in [1.0, 24.0, 80.0, 150.0] {
        let (svg, _) = to_svg(&rows, &options(width, ThemeKind::Dark)).expect("drawn");
        assert!(svg.ends_with("</svg>\n"), "width {width}");
    }
    let (svg, layout) = to_svg(&[], &Options::default()).expect("drawn");
    assert!(svg.ends_with("</svg>\n") && layout.rows.is_empty());
}
