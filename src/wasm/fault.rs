//! Deliberate panics at chosen points, for the fault-containment browser tests: compiled only
//! with the feature `test-panic` (never in `dist/`).
//!
//! `debugPanicAt("draw", 40)` panics at the 41st shape drawn (a half-drawn canvas), `"alloc"` in
//! the allocator (its state as a trap leaves it) and `"read"` while a scenario is read. Each
//! fires once, then disarms.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::prelude::*;

/// Where a panic can be armed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// Reading a scenario object.
    Read = 1,
    /// Drawing a shape on a backend.
    Draw = 2,
    /// Allocating memory.
    Alloc = 3,
}

/// The armed point (0: none) and how many passes remain before it fires.
static ARMED: AtomicU32 = AtomicU32::new(0);
static REMAINING: AtomicU32 = AtomicU32::new(0);

/// Arms a panic at `point` (`read`, `draw` or `alloc`) on its `after`-th pass from now (0: the next).
#[wasm_bindgen(js_name = debugPanicAt)]
pub fn debug_panic_at(point: &str, after: u32) -> Result<(), JsError> {
    let point = match point {
        "read" => Point::Read,
        "draw" => Point::Draw,
        "alloc" => Point::Alloc,
        _ => return Err(JsError::new("debugPanicAt: read, draw or alloc")),
    };
    REMAINING.store(after, Ordering::Relaxed);
    ARMED.store(point as u32, Ordering::Relaxed);
    Ok(())
}

/// Panics here if `point` is armed and its count is up (disarming first).
pub fn check(point: Point) {
    if ARMED.load(Ordering::Relaxed) != point as u32 {
        return;
    }
    if REMAINING.load(Ordering::Relaxed) > 0 {
        REMAINING.fetch_sub(1, Ordering::Relaxed);
        return;
    }
    ARMED.store(0, Ordering::Relaxed);
    panic!("debugPanicAt: deliberate panic for the fault-containment test");
}

/// An allocator that can panic in the middle of an allocation (after taking the memory).
pub struct Faulty<A>(pub A);

// SAFETY: every call is passed to the inner allocator unchanged; `check` only panics.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Faulty<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc(layout);
        check(Point::Alloc);
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.0.realloc(ptr, layout, new_size);
        check(Point::Alloc);
        p
    }
}
