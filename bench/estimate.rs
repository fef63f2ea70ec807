//! Time of one `estimate`, natively: warm up, then median and 95th percentile over a few
//! thousand runs per scenario. Run with `cargo bench --bench estimate`.

use std::hint::black_box;
use std::time::Instant;

use relief_timeline::estimator::{estimate, Scenario};

const SCENARIOS: &[(&str, &str)] = &[
    ("default (one 4-h infusion)", "{}"),
    (
        "5 daily sessions + 3 boosters",
        r#"{"doseMgPerKg":1.4,"sessionHours":4,"sessions":5,"condition":"crps","boosters":3,"boosterEveryDays":42}"#,
    ),
    (
        "10 daily sessions + 12 boosters",
        r#"{"doseMgPerKg":1.4,"sessionHours":4,"sessions":10,"boosters":12,"boosterEveryDays":28}"#,
    ),
    (
        "100-h esketamine infusion, 3 years",
        r#"{"formulation":"esketamine","doseMgPerKg":31.7,"sessionHours":100,"horizonDays":1095}"#,
    ),
    (
        "oral, 30 daily doses",
        r#"{"route":"oral","doseMgPerKg":1,"sessions":30}"#,
    ),
    (
        "oral daily for a year (365 doses)",
        r#"{"route":"oral","doseMgPerKg":2,"maintenanceEveryHours":24,"condition":"neuropathic"}"#,
    ),
    (
        "oral 3x a day for a year (1,095 doses)",
        r#"{"route":"oral","doseMgPerKg":0.67,"maintenanceEveryHours":8,"condition":"neuropathic"}"#,
    ),
    (
        "sublingual 4x a day for 3 years (4,380)",
        r#"{"route":"sublingual","doseMgPerKg":0.5,"maintenanceEveryHours":6,"horizonDays":1095}"#,
    ),
    (
        "subcutaneous infusion, 5 days",
        r#"{"route":"subcutaneousInfusion","doseMgPerKg":24,"sessionHours":120,"condition":"mixedChronic"}"#,
    ),
];

const WARMUP: usize = 300;
const RUNS: usize = 3000;

fn main() {
    for (name, json) in SCENARIOS {
        let scenario = match Scenario::from_json(json) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{name}: {e}");
                std::process::exit(2);
            }
        };
        for _ in 0..WARMUP {
            black_box(estimate(black_box(&scenario)));
        }
        let mut micros: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(estimate(black_box(&scenario)));
                start.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        micros.sort_unstable_by(f64::total_cmp);
        let median = micros[RUNS / 2];
        let p95 = micros[RUNS * 95 / 100];
        println!("{name:<40} median {median:>7.1} us   p95 {p95:>7.1} us   ({RUNS} runs)");
    }
}
