//! Scenario JSON -> `Scenario::from_json` -> `estimate` -> `to_svg`, with invariants checked.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run scenario_svg -s none` (see fuzz/README.md).
#![no_main]

#[path = "../check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check_input(data));
