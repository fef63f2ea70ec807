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
