//! The scenario schema (`estimator::schema::FIELDS`) is the one list of fields: the attribute
//! table in `docs/attributes.md` is written from it (and the README shows the same table), and
//! every message file names each field and each value it lists. After a change to the schema, regenerate the table with
//! `UPDATE_DOCS=1 cargo test --test schema` and review the diff.

use std::path::Path;

use relief_timeline::estimator::schema::{Kind, FIELDS};

/// The element's own attributes, beside the scenario's: written here, as the element defines them
/// (js/), since they are not part of a scenario.
const ELEMENT_ATTRIBUTES: [(&str, &str, &str, &str); 4] = [
    (
        "controls",
        "present, or `false`",
        "absent",
        "show the input panel (route, dose, hours, sessions, condition, metabolism, pain \
         sensitivity, boosters, ...)",
    ),
    (
        "theme",
        "`auto`, `light`, `dark`",
        "`auto`",
        "`auto` follows the page (`data-theme=\"dark\"` or class `dark` on `<html>`/`<body>`), \
         else the reader's `prefers-color-scheme`",
    ),
    (
        "lang",
        "a language tag",
        "the nearest `lang`",
        "language of labels and messages: `en`, or `es`/`de` with their script \
         (`relief-timeline.<lang>.js`); English for the rest",
    ),
    (
        "hidden",
        "",
        "",
        "hides the widget (even if the page sets `display` on it); it draws when shown",
    ),
];

/// `ivInfusion` as an attribute value: `iv-infusion`.
fn kebab(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let dash = c.is_ascii_uppercase().then_some('-');
            dash.into_iter().chain([c.to_ascii_lowercase()])
        })
        .collect()
}

fn number(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The attribute table, in Markdown.
fn table() -> String {
    let mut out = String::from(
        "<!-- Written by `UPDATE_DOCS=1 cargo test --test schema` from the scenario schema \
         (src/estimator/schema.rs): do not edit by hand. -->\n\n\
         | attribute | values | default | what |\n|---|---|---|---|\n",
    );
    for f in FIELDS {
        let (values, default) = match f.kind {
            Kind::Choice { values, default } => (
                values
                    .iter()
                    .map(|v| format!("`{}`", kebab(v)))
                    .collect::<Vec<_>>()
                    .join(", "),
                format!("`{}`", kebab(default)),
            ),
            Kind::Number {
                min,
                max,
                whole,
                default,
                ..
            } => {
                let kind = if whole { "whole number" } else { "number" };
                let unit = if f.unit.is_empty() {
                    String::new()
                } else {
                    format!(" {}", f.unit)
                };
                let range = match max {
                    Some(max) => format!("{kind}, {} to {}{unit}", number(min), number(max)),
                    None => format!("{kind}, at least {}{unit}", number(min)),
                };
                let default = default.map_or("see what".to_owned(), |d| format!("`{}`", number(d)));
                (range, default)
            }
        };
        out += &format!(
            "| `{}` | {values} | {default} | {} |\n",
            f.attribute, f.about
        );
    }
    for (name, values, default, about) in ELEMENT_ATTRIBUTES {
        out += &format!("| `{name}` | {values} | {default} | {about} |\n");
    }
    out
}

#[test]
fn the_attribute_table_is_the_schemas() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/attributes.md");
    let table = table();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &table).expect("docs/attributes.md written");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == table,
        "docs/attributes.md is not the schema's table: run UPDATE_DOCS=1 cargo test --test schema"
    );
}

#[test]
fn the_readme_shows_the_same_table() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let table = table();
    let rows = &table[table.find("| attribute |").expect("a header")..];
    assert!(
        readme.contains(rows),
        "README.md's attribute table is not docs/attributes.md's: copy it over"
    );
}

#[test]
fn every_message_file_names_every_field_and_value() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("js/i18n");
    for entry in std::fs::read_dir(&dir).expect("js/i18n") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let ui = &json["ui"];
        for f in FIELDS {
            assert!(
                ui["fields"][f.name].is_string(),
                "{path:?}: ui.fields.{} missing",
                f.name
            );
            if let Kind::Choice { values, .. } = f.kind {
                for v in values {
                    assert!(
                        ui["values"][v].is_string(),
                        "{path:?}: ui.values.{v} missing"
                    );
                }
            }
        }
    }
}
