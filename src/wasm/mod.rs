//! The JavaScript boundary: a thin `#[wasm_bindgen]` layer over the estimator and renderer.
//! Errors cross as `Error` objects with a clear message; nothing here panics on user input.

mod backend;
mod canvas;
mod read;
mod to_js;

use backend::AnyBackend;
pub use canvas::Canvas;
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::estimator::{estimate, Scenario, ScenarioError, ScenarioInput, Timeline};
use crate::number::Num;
use crate::render::{self, ChartOptions, Layout};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    to_js::to_js(value).map_err(|e| JsError::new(&e.to_string()))
}

fn scenario_from_js(value: JsValue) -> Result<Scenario, JsValue> {
    reject_unknown_fields(&value)?;
    let input = read::scenario(&value)
        .map_err(ScenarioError::Parse)
        .map_err(|e| scenario_error(&e))?;
    Scenario::try_from(input).map_err(|e| scenario_error(&e))
}

/// The reader reads only the fields a scenario has, so an unknown field would go unnoticed
/// (`{dose: 5}` would silently mean the default dose): check the object's keys here, with serde's
/// wording.
fn reject_unknown_fields(value: &JsValue) -> Result<(), JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Ok(()); // the reader refuses non-objects itself; arrays have no named fields
    }
    let known = ScenarioInput::FIELDS;
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            let message = format!(
                "unknown field `{key}`, expected one of {}",
                expected.join(", ")
            );
            return Err(scenario_error(&ScenarioError::Parse(message)));
        }
    }
    Ok(())
}

/// A refused scenario as a JS `Error`: the English message, plus `code` and the numbers involved
/// (`field`, `value`, `min`, `max`, `route`) so a page can word it in its own language.
fn scenario_error(e: &ScenarioError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let set = |key: &str, value: JsValue| {
        // Setting a plain property on a fresh Error cannot fail.
        let _ = js_sys::Reflect::set(&error, &key.into(), &value);
    };
    set("code", e.code().into());
    let (field, value, min, max) = match e {
        ScenarioError::Parse(_) => return error.into(),
        ScenarioError::NotANumber { field, value } => (*field, *value, f64::NAN, f64::NAN),
        ScenarioError::OutOfRange {
            field,
            value,
            min,
            max,
        } => (*field, *value, *min, *max),
        ScenarioError::NotWholeNumber {
            field,
            value,
            min,
            max,
        } => (*field, *value, f64::from(*min), f64::from(*max)),
        ScenarioError::DoseOutOfRange {
            route,
            value,
            min,
            max,
        } => {
            set("route", format!("{route:?}").into());
            ("doseMgPerKg", *value, *min, *max)
        }
        ScenarioError::RateOutOfRange { value, min, max } => ("doseMgPerKg", *value, *min, *max),
        ScenarioError::DosesOverlap {
            field,
            value,
            session_days,
        } => (*field, *value, *session_days, f64::NAN),
    };
    set("field", field.into());
    set("value", value.into());
    set("min", min.into());
    set("max", max.into());
    error.into()
}

fn options_from_js(
    width: f64,
    height: f64,
    scale: f64,
    theme: &str,
    labels: JsValue,
) -> Result<ChartOptions, JsError> {
    let finite = |v: f64, name: &str| {
        if v.is_finite() && v > 0.0 && v <= 16384.0 {
            Ok(v)
        } else {
            Err(JsError::new(&format!(
                "the chart {name} must be a positive number of pixels, got {}",
                Num::new(v, 3)
            )))
        }
    };
    let labels =
        read::labels(&labels).map_err(|e| JsError::new(&format!("bad chart labels: {e}")))?;
    Ok(ChartOptions {
        width: finite(width, "width")?,
        height: finite(height, "height")?,
        scale: finite(scale, "pixel ratio")?.min(4.0),
        theme: read::theme(theme).map_err(|e| JsError::new(&format!("bad chart theme: {e}")))?,
        labels,
    })
}

/// Draws a timeline on either backend and presents it.
fn paint(
    backend: AnyBackend,
    timeline: &Timeline,
    options: &ChartOptions,
) -> Result<Layout, JsError> {
    let root = backend.into_drawing_area();
    let layout =
        render::draw(&root, timeline, options).map_err(|e| JsError::new(&e.to_string()))?;
    root.present().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(layout)
}

/// Estimates the timeline for a scenario object (camelCase fields, all optional).
#[wasm_bindgen(js_name = estimate)]
pub fn estimate_js(scenario: JsValue) -> Result<JsValue, JsValue> {
    Ok(to_js(&estimate(&scenario_from_js(scenario)?))?)
}

/// One chart: a scenario's timeline and where it was last drawn.
#[wasm_bindgen]
pub struct Chart {
    timeline: Timeline,
    layout: Option<Layout>,
}

#[wasm_bindgen]
impl Chart {
    /// Validates the scenario and estimates its timeline.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue) -> Result<Chart, JsValue> {
        Ok(Chart {
            timeline: estimate(&scenario_from_js(scenario)?),
            layout: None,
        })
    }

    /// The timeline as a plain object.
    pub fn timeline(&self) -> Result<JsValue, JsError> {
        to_js(&self.timeline)
    }

    /// The plain-language summary in the words of a message file's `summary` section
    /// (English when `undefined`).
    pub fn summary(&self, words: JsValue) -> Result<Vec<String>, JsError> {
        if words.is_undefined() || words.is_null() {
            return Ok(self.timeline.summary.clone());
        }
        let words = read::summary_words(&words)
            .map_err(|e| JsError::new(&format!("bad summary words: {e}")))?;
        Ok(self.timeline.summary_in(&words))
    }

    /// Draws on a canvas of `width` x `height` CSS pixels at `scale` device pixels per CSS pixel.
    /// Sizes the canvas's backing store to match.
    pub fn draw(
        &mut self,
        canvas: HtmlCanvasElement,
        width: f64,
        height: f64,
        scale: f64,
        theme: &str,
        labels: JsValue,
    ) -> Result<(), JsError> {
        let options = options_from_js(width, height, scale, theme, labels)?;
        let (w, h) = render::pixel_size(&options);
        // Resizing clears the canvas and resets its state even to the same size: skip it then,
        // the chart's background covers every pixel anyway.
        if (canvas.width(), canvas.height()) != (w, h) {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let backend =
            Canvas::new(&canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        self.layout = Some(paint(
            AnyBackend::Canvas(backend),
            &self.timeline,
            &options,
        )?);
        Ok(())
    }

    /// What the chart shows at `x` CSS pixels from its left edge, or `undefined` outside the plot.
    pub fn probe(&self, x: f64) -> Result<JsValue, JsError> {
        match self
            .layout
            .as_ref()
            .and_then(|l| render::probe(l, &self.timeline, x))
        {
            Some(reading) => to_js(&reading),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The plot area of the last drawing, `{x0, y0, x1, y1}` in CSS pixels.
    #[wasm_bindgen(js_name = plotArea)]
    pub fn plot_area(&self) -> Result<JsValue, JsError> {
        match &self.layout {
            Some(l) => to_js(&l.plot),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The same chart as an SVG document.
    pub fn svg(
        &self,
        width: f64,
        height: f64,
        theme: &str,
        labels: JsValue,
    ) -> Result<String, JsError> {
        let options = options_from_js(width, height, 1.0, theme, labels)?;
        let mut svg = String::new();
        let backend = render::SvgBackend::new(&mut svg, render::pixel_size(&options));
        paint(AnyBackend::Svg(backend), &self.timeline, &options)?;
        Ok(svg)
    }
}

/// Bytes of linear memory the module holds now (64 KiB pages): lets the memory tests check that
/// re-rendering does not grow it.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// Runs the estimator `times` times on one scenario, read once: "one estimate in wasm" for
/// `./x bench` is the estimator alone, without reading the scenario or handing the timeline to
/// JS. Compiled only for the benchmark (feature `bench`, never in `dist/`).
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchEstimate)]
pub fn bench_estimate(scenario: JsValue, times: u32) -> Result<(), JsValue> {
    let scenario = scenario_from_js(scenario)?;
    for _ in 0..times {
        std::hint::black_box(estimate(std::hint::black_box(&scenario)));
    }
    Ok(())
}

/// Panics on purpose. Compiled only for tests (feature `test-panic`, never in `dist/`): the
/// browser tests use it to check that a panic in one widget leaves the others working.
#[cfg(feature = "test-panic")]
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic: deliberate panic for the panic-isolation test");
}
