//! The renderer in a real browser canvas (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{options, timeline, SNAPSHOTS};
use plotters::prelude::IntoDrawingArea;
use relief_timeline::canvas_backend;
use relief_timeline::estimator::{estimate, Scenario};
use relief_timeline::render::{draw, to_svg, ChartOptions, Theme, ThemeKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas");
    canvas.set_width(width);
    canvas.set_height(height);
    document
        .body()
        .expect("a body")
        .append_child(&canvas)
        .expect("appended");
    canvas
}

fn context(canvas: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d")
        .dyn_into()
        .expect("2d context")
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 3] {
    let data = context(canvas)
        .get_image_data(x.round(), y.round(), 1.0, 1.0)
        .expect("pixel")
        .data();
    [data[0], data[1], data[2]]
}

#[wasm_bindgen_test]
fn draws_band_median_and_background_where_they_belong() {
    let timeline = estimate(
        &Scenario::from_json(r#"{"doseMgPerKg":1,"sessionHours":8,"sessions":3}"#).expect("valid"),
    );
    let scale = 2.0;
    let options = ChartOptions {
        width: 640.0,
        height: 360.0,
        scale,
        theme: ThemeKind::Light,
        ..ChartOptions::default()
    };
    let canvas = canvas(1280, 720);
    let layout = {
        let root = canvas_backend(canvas.clone())
            .expect("backend")
            .into_drawing_area();
        draw(&root, &timeline, &options).expect("drawn")
    };
    let theme = Theme::of(ThemeKind::Light);
    let bg = [theme.background.0, theme.background.1, theme.background.2];
    // The bottom-right corner is margin: background only.
    assert_eq!(pixel(&canvas, 1278.0, 718.0), bg);
    // Where the median crosses the plot, the pixel is the median's blue.
    let i = timeline.relief.days.len() / 3;
    let (x, y) = (
        layout.time.x(timeline.relief.days[i]),
        layout.y(timeline.relief.p50[i]),
    );
    let [r, g, b] = pixel(&canvas, x * scale, y * scale);
    assert!(
        b > 120 && r < 80,
        "median pixel at ({x}, {y}) is {:?}",
        [r, g, b]
    );
    // Inside the p10..p90 band but away from the median: tinted, not background, not the line.
    let (lo, hi) = (timeline.relief.p10[i], timeline.relief.p90[i]);
    if hi - lo > 20.0 {
        let p = pixel(
            &canvas,
            x * scale,
            layout.y((timeline.relief.p50[i] + hi) / 2.0) * scale,
        );
        assert_ne!(p, bg, "band missing at ({x})");
        assert!(p[2] > p[0], "band pixel {p:?} is not blue-tinted");
    }
    // Redrawing the same canvas many times works.
    for _ in 0..20 {
        let root = canvas_backend(canvas.clone())
            .expect("backend")
            .into_drawing_area();
        draw(&root, &timeline, &options).expect("redrawn");
    }
    assert_eq!(pixel(&canvas, 1278.0, 718.0), bg);
}

fn all_pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    context(canvas)
        .get_image_data(0.0, 0.0, w, h)
        .expect("pixels")
        .data()
        .0
}

#[wasm_bindgen_test]
fn a_redraw_over_another_chart_equals_a_fresh_drawing() {
    // The backend keeps the canvas (no resize) and caches style state between calls: nothing of
    // the first chart, nor of its last colour, alpha, line width or font, may leak into the next.
    let first = estimate(
        &Scenario::from_json(r#"{"route":"oral","doseMgPerKg":2,"boosters":3}"#).expect("valid"),
    );
    let second = estimate(&Scenario::from_json(r#"{"sessions":4}"#).expect("valid"));
    let options = |theme| ChartOptions {
        width: 480.0,
        height: 300.0,
        scale: 1.0,
        theme,
        ..ChartOptions::default()
    };
    let paint = |canvas: &HtmlCanvasElement, timeline, theme| {
        let root = canvas_backend(canvas.clone())
            .expect("backend")
            .into_drawing_area();
        draw(&root, timeline, &options(theme)).expect("drawn");
    };
    let reused = canvas(480, 300);
    paint(&reused, &first, ThemeKind::Dark);
    // Whatever state a drawing (or the page) leaves on the context.
    let ctx = context(&reused);
    ctx.set_global_alpha(0.3);
    ctx.set_line_width(7.0);
    ctx.set_text_align("end");
    ctx.set_text_baseline("bottom");
    ctx.set_font("40px serif");
    ctx.set_fill_style_str("#f00");
    ctx.set_stroke_style_str("#0f0");
    js_sys::Reflect::set(&ctx, &"direction".into(), &"rtl".into()).expect("direction");
    paint(&reused, &second, ThemeKind::Light);
    let fresh = canvas(480, 300);
    paint(&fresh, &second, ThemeKind::Light);
    assert!(
        all_pixels(&reused) == all_pixels(&fresh),
        "the redraw differs from a fresh drawing"
    );
}

/// The wasm build (whose relief curve runs on SIMD lanes) draws exactly the charts reviewed
/// natively.
#[wasm_bindgen_test]
fn the_wasm_build_draws_the_reviewed_snapshots() {
    let golden = [
        (
            "default-640-light",
            include_str!("snapshots/default-640-light.svg"),
        ),
        (
            "boosters-1200-light",
            include_str!("snapshots/boosters-1200-light.svg"),
        ),
        (
            "boosters-320-dark",
            include_str!("snapshots/boosters-320-dark.svg"),
        ),
        (
            "oral-fibromyalgia-640-dark",
            include_str!("snapshots/oral-fibromyalgia-640-dark.svg"),
        ),
    ];
    assert_eq!(
        golden.map(|(name, _)| name),
        SNAPSHOTS.map(|(name, ..)| name),
        "every reviewed snapshot is checked here too"
    );
    for ((name, json, width, theme), (_, golden)) in SNAPSHOTS.into_iter().zip(golden) {
        let (svg, _) = to_svg(&timeline(json), &options(width, theme)).expect("svg renders");
        assert!(
            svg == golden,
            "{name}: the wasm build's SVG differs from the snapshot"
        );
    }
}
