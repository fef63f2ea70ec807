//! Prints the estimated timeline for a scenario as pretty JSON.
//!
//! ```sh
//! cargo run --release --example estimate -- '{"doseMgPerKg": 0.35, "sessionHours": 4}'
//! echo '{"route": "intranasal", "doseMgPerKg": 0.5}' | cargo run --release --example estimate
//! ```
//!
//! On bad input it prints the reason to stderr and exits with status 2.

use std::io::Read;
use std::process::ExitCode;

use relief_timeline::estimator::{estimate, Scenario};

fn main() -> ExitCode {
    let json = match std::env::args().nth(1) {
        Some(arg) => arg,
        None => {
            let mut s = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("could not read the scenario from stdin: {e}");
                return ExitCode::from(2);
            }
            s
        }
    };
    let scenario = match Scenario::from_json(&json) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match serde_json::to_string_pretty(&estimate(&scenario)) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not write the timeline: {e}");
            ExitCode::from(2)
        }
    }
}
