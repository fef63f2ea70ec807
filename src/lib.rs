//! # relief-timeline
//!
//! An estimated timeline of how long ketamine pain relief lasts, honest about uncertainty and
//! traced to published evidence, drawn in the reader's browser with WebAssembly.
//!
//! - [`estimator`]: scenario in, timeline out (pure Rust).
//! - [`render`]: draws a timeline on any plotters backend (a canvas in the browser, SVG natively
//!   and for export).
//!
//! Educational estimate, not medical advice: it never recommends a dose.
//!
//! # Estimating a scenario
//!
//! A scenario says how ketamine is given, how much, how often and for which condition. Fields
//! left out take their defaults (one 0.5 mg/kg infusion over 4 hours, for CRPS). Validate it
//! with [`Scenario::try_from`](estimator::Scenario), then [`estimate`](estimator::estimate):
//!
//! ```
//! use relief_timeline::estimator::{estimate, Route, Scenario, ScenarioInput};
//!
//! let input = ScenarioInput {
//!     route: Route::IvInfusion,
//!     dose_mg_per_kg: 0.5,
//!     session_hours: Some(4.0),
//!     sessions: 5.0,
//!     ..ScenarioInput::default()
//! };
//! let scenario = Scenario::try_from(input)?;
//! let timeline = estimate(&scenario);
//!
//! // Ranges, not false precision: the 10th, 50th and 90th percentile across people.
//! let end = timeline.relief_end_days;
//! assert!(end.p10 <= end.p50 && end.p50 <= end.p90);
//! // Not everyone reaches every phase.
//! assert!(timeline.phases.chronic.probability < 1.0);
//! // Plain sentences for readers, and the sources behind the numbers.
//! assert!(timeline.summary.iter().any(|s| s.contains("not medical advice")));
//! assert!(!timeline.sources.is_empty());
//! # Ok::<(), relief_timeline::estimator::ScenarioError>(())
//! ```
//!
//! # Reading a scenario from JSON
//!
//! The same fields in camelCase, every one optional; with the feature `json`:
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use relief_timeline::estimator::{Route, Scenario};
//!
//! let scenario = Scenario::from_json(r#"{"route": "oral", "doseMgPerKg": 1, "sessions": 3}"#)?;
//! assert_eq!(scenario.route(), Route::Oral);
//! assert_eq!(scenario.sessions(), 3);
//! # }
//! # Ok::<(), relief_timeline::estimator::ScenarioError>(())
//! ```
//!
//! # When a scenario is refused
//!
//! A value outside what the evidence covers is refused with a [`ScenarioError`](estimator::ScenarioError)
//! that says what is wrong and what is allowed, and has a stable `code` for programs that word
//! the message themselves:
//!
//! ```
//! use relief_timeline::estimator::{Scenario, ScenarioError, ScenarioInput};
//!
//! let input = ScenarioInput { sessions: 0.0, ..ScenarioInput::default() };
//! let error = Scenario::try_from(input).unwrap_err();
//! assert_eq!(error.code(), "notWholeNumber");
//! assert_eq!(error.to_string(), "sessions must be a whole number from 1 to 30; got 0");
//! assert!(matches!(error, ScenarioError::NotWholeNumber { field: "sessions", .. }));
//! ```

pub mod estimator;
mod number;
pub mod render;
mod sort;
mod template;

#[cfg(target_arch = "wasm32")]
mod wasm;

/// plotters-canvas's backend on a `<canvas>` whose 2D context is first reset to its defaults, to
/// draw charts with [`render::draw`] from your own Rust wasm code.
#[cfg(target_arch = "wasm32")]
pub use wasm::canvas_backend;

/// The wasm's allocator (feature `talc`, on by default): talc instead of the default dlmalloc,
/// smaller and faster.
// SAFETY: `TalckWasm` requires a single-threaded module: it is compiled out when wasm threads
// (`atomics`) are on.
#[cfg(all(
    target_arch = "wasm32",
    feature = "talc",
    not(feature = "test-panic"),
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// The same allocator, able to panic in the middle of an allocation: for the fault-containment
/// tests only (feature `test-panic`).
// SAFETY: as above.
#[cfg(all(
    target_arch = "wasm32",
    feature = "talc",
    feature = "test-panic",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: wasm::fault::Faulty<talc::TalckWasm> =
    wasm::fault::Faulty(unsafe { talc::TalckWasm::new_global() });
