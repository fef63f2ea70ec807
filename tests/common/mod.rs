//! What the native and the browser tests share: scenarios, chart options, the reviewed SVG
//! snapshots (tests/snapshots/) and layout checks. (Each test crate uses a part of it.)
#![allow(dead_code)]

use relief_timeline::estimator::{estimate, Scenario, Timeline};
use relief_timeline::render::{ChartOptions, Rect, TextBox, ThemeKind};

/// Every text of a drawing inside `bounds`, and none over another.
pub fn assert_texts_fit(case: &str, bounds: &Rect, texts: &[TextBox]) {
    for t in texts {
        assert!(
            bounds.contains(&t.rect),
            "{case}: {:?} is cut off at {:?}",
            t.text,
            t.rect
        );
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(
                !a.rect.overlaps(&b.rect),
                "{case}: {:?} overlaps {:?}",
                a.text,
                b.text
            );
        }
    }
}

/// The timeline of a scenario the tests know to be valid.
pub fn timeline(json: &str) -> Timeline {
    estimate(&Scenario::from_json(json).expect("test scenarios are valid"))
}

/// The widget's options at a width: its height follows the width, as in the widget.
pub fn options(width: f64, theme: ThemeKind) -> ChartOptions {
    ChartOptions {
        width,
        height: (width * 0.56).clamp(300.0, 520.0),
        theme,
        ..ChartOptions::default()
    }
}

/// One infusion; a series with boosters; oral for fibromyalgia over three years.
pub const SCENARIOS: [&str; 3] = [
    r#"{}"#,
    r#"{"route":"ivInfusion","doseMgPerKg":2,"sessionHours":20,"sessions":5,"boosters":4,"boosterEveryDays":42}"#,
    r#"{"route":"oral","doseMgPerKg":1,"sessionHours":0,"condition":"fibromyalgia","horizonDays":1095}"#,
];

/// The reviewed snapshots: file name (without `.svg`), scenario, width and theme.
pub const SNAPSHOTS: [(&str, &str, f64, ThemeKind); 4] = [
    ("default-640-light", SCENARIOS[0], 640.0, ThemeKind::Light),
    (
        "boosters-1200-light",
        SCENARIOS[1],
        1200.0,
        ThemeKind::Light,
    ),
    ("boosters-320-dark", SCENARIOS[1], 320.0, ThemeKind::Dark),
    (
        "oral-fibromyalgia-640-dark",
        SCENARIOS[2],
        640.0,
        ThemeKind::Dark,
    ),
];
