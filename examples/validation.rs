//! Draws the validation figure: every duration study of the evidence against the model's range
//! for its regimen (`relief_timeline::render::validation`).
//!
//! ```sh
//! cargo run --example validation
//! ```
//!
//! Writes `docs/validation.svg` (light, in the README), `docs/validation-dark.svg` and
//! `www/validation.svg` (the demo page's copy of the light one), and prints the figure in words
//! for the demo page's `alt` (`tests/validation.rs` checks that all of them match the code).

use std::path::Path;
use std::process::ExitCode;

use relief_timeline::estimator::studies::STUDIES;
use relief_timeline::render::validation::{alt_text, rows, to_svg, Options};
use relief_timeline::render::ThemeKind;

fn main() -> ExitCode {
    let rows = match rows(STUDIES) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("a study's regimen is refused: {e}");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        (ThemeKind::Light, "docs/validation.svg"),
        (ThemeKind::Dark, "docs/validation-dark.svg"),
        (ThemeKind::Light, "www/validation.svg"),
    ];
    for (theme, path) in files {
        let options = Options {
            theme,
            ..Options::default()
        };
        let written = to_svg(&rows, &options)
            .and_then(|(svg, _)| std::fs::write(root.join(path), svg).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("could not write {path}: {e}");
            return ExitCode::from(2);
        }
        eprintln!("wrote {path}");
    }
    println!("{}", alt_text(&rows));
    ExitCode::SUCCESS
}
