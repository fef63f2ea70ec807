//! What the native and the browser tests share: scenarios, chart options, the reviewed SVG
//! snapshots (tests/snapshots/) and layout checks. (Each test crate uses a part of it.)
#![allow(dead_code)]

use relief_timeline::estimator::{estimate, Scenario, SummaryWords, Timeline};
use relief_timeline::render::{ChartOptions, Labels, Rect, TextBox, ThemeKind};
use serde::Deserialize;

/// A message file of the widget, `js/i18n/<lang>.json`.
pub fn message_file(lang: &str) -> serde_json::Value {
    let path = format!("{}/js/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the message file is readable");
    serde_json::from_str(&text).expect("the message file is JSON")
}

/// The chart's words in a language of the widget, from its message file: every one of them.
pub fn labels_in(lang: &str) -> Labels {
    let json = message_file(lang);
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
        people_title: s("peopleTitle"),
        paths: list("paths").try_into().expect("8 paths"),
        people_count: s("peopleCount"),
        this_plan: s("thisPlan"),
        compared: s("compared"),
        other_plan: s("otherPlan"),
        people_title_of: s("peopleTitleOf"),
    }
}

/// The summary's words in a language of the widget, from its message file (English when it has
/// no `summary` section).
pub fn summary_words_in(lang: &str) -> SummaryWords {
    match message_file(lang).get("summary") {
        Some(words) => SummaryWords::deserialize(words).expect("the summary's words"),
        None => SummaryWords::default(),
    }
}

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
