//! The JavaScript boundary: a thin `#[wasm_bindgen]` layer over the estimator and renderer.
//! Errors cross as `Error` objects with a clear message; nothing here panics on user input.

mod backend;
#[cfg(feature = "test-panic")]
pub mod fault;
mod input;

use backend::AnyBackend;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::estimator::{compare, estimate, schema, Percentiles, SummaryWords, Timeline};
use crate::number::Num;
use crate::render::{self, ChartOptions, Labels, Layout};

/// A value as plain JS data, as JSON would have it (structs as objects, `None` as `null`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// plotters-canvas on `canvas`, whose context is first put back to its defaults: it keeps what
/// the last drawing, or another script, left on it, and plotters-canvas sets the colour, line width
/// and font of each shape but not the transform, `globalAlpha`, compositing, shadow, dashes,
/// filter, line caps and joins, or the text direction (on a `dir="rtl"` page, "start" would mean
/// right). Resizing the canvas resets all of these too, but costs a new backing store.
///
/// `None` when the canvas has no 2D context (another kind of context was taken).
pub fn canvas_backend(canvas: HtmlCanvasElement) -> Option<CanvasBackend> {
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // These setters throw only for non-finite numbers or a non-array dash list.
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.set_global_alpha(1.0);
    let _ = context.set_global_composite_operation("source-over");
    context.set_shadow_color("transparent");
    context.set_shadow_blur(0.0);
    let _ = context.set_line_dash(&js_sys::Array::new());
    context.set_filter("none");
    context.set_line_cap("butt");
    context.set_line_join("miter");
    // (web-sys has no setter for `direction`; setting a property of a 2D context cannot fail.)
    let _ = js_sys::Reflect::set(&context, &"direction".into(), &"ltr".into());
    CanvasBackend::with_canvas_object(canvas)
}

fn options_from_js(
    width: f64,
    height: f64,
    scale: f64,
    theme: &str,
    words: &Words,
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
    Ok(ChartOptions {
        width: finite(width, "width")?,
        height: finite(height, "height")?,
        scale: finite(scale, "pixel ratio")?.min(4.0),
        theme: input::theme(theme).map_err(|e| JsError::new(&e))?,
        labels: words.labels.clone(),
    })
}

/// Draws a timeline, compared with `other` if given, on either backend and presents it.
fn paint(
    backend: AnyBackend,
    timeline: &Timeline,
    other: Option<(&Timeline, &str)>,
    options: &ChartOptions,
) -> Result<Layout, JsError> {
    let root = backend.into_drawing_area();
    let layout = render::draw_compared(&root, timeline, other, options)
        .map_err(|e| JsError::new(&e.to_string()))?;
    root.present().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(layout)
}

/// Draws a timeline's icon array (`render::draw_people`) on either backend and presents it.
fn paint_people(
    backend: AnyBackend,
    timeline: &Timeline,
    options: &ChartOptions,
) -> Result<(), JsError> {
    let root = backend.into_drawing_area();
    render::draw_people(&root, timeline, options).map_err(|e| JsError::new(&e.to_string()))?;
    root.present().map_err(|e| JsError::new(&e.to_string()))
}

/// Sizes a canvas's backing store to `options` in device pixels, unless it is that size already
/// (resizing clears the canvas and resets its state even to the same size; the drawing's
/// background covers every pixel anyway), and gives its backend.
fn sized_canvas(
    canvas: HtmlCanvasElement,
    options: &ChartOptions,
) -> Result<AnyBackend<'static>, JsError> {
    let (w, h) = render::pixel_size(options);
    if (canvas.width(), canvas.height()) != (w, h) {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let backend =
        canvas_backend(canvas).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    Ok(AnyBackend::Canvas(backend))
}

/// The scenario's fields: names, attributes, values, defaults, ranges, steps and units
/// (`estimator::schema::FIELDS`).
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&schema::FIELDS)
}

/// One language's words: the chart's labels and the summary's words of a message file (its
/// `chart` and `summary` sections; `undefined` for English). Made once per language, and given to
/// every draw: the words cross into the wasm when the language changes, not on every draw.
#[wasm_bindgen]
pub struct Words {
    labels: Labels,
    summary: SummaryWords,
}

#[wasm_bindgen]
impl Words {
    /// Reads the words; fields left out stay English.
    #[wasm_bindgen(constructor)]
    pub fn new(labels: JsValue, summary: JsValue) -> Result<Words, JsError> {
        Ok(Words {
            labels: input::labels(&labels).map_err(|e| JsError::new(&e))?,
            summary: input::summary_words(&summary).map_err(|e| JsError::new(&e))?,
        })
    }

    /// A duration in these words ("8.3 weeks"): the one formatter of the summary, the tables and
    /// the read-out.
    pub fn duration(&self, days: f64) -> String {
        self.summary.duration(days)
    }
}

/// Estimates the timeline for a scenario object (camelCase fields, all optional).
#[wasm_bindgen(js_name = estimate)]
pub fn estimate_js(scenario: JsValue) -> Result<JsValue, JsValue> {
    Ok(to_js(&estimate(&input::scenario(&scenario)?))?)
}

/// One chart: a scenario's timeline and where it was last drawn, the plan's name, and the plan
/// it is compared with.
#[wasm_bindgen]
pub struct Chart {
    timeline: Rc<Timeline>,
    layout: Option<Layout>,
    name: String,
    other: Option<(Rc<Timeline>, String)>,
}

impl Chart {
    /// The compared plan: its timeline and name ("" for none).
    fn other(&self) -> Option<(&Timeline, &str)> {
        self.other.as_ref().map(|(t, name)| (&**t, name.as_str()))
    }

    /// The title of this plan's icon array when it names the plan: by its name, or "This plan"
    /// when compared.
    fn people_title(&self, labels: &Labels) -> Option<String> {
        if !self.name.is_empty() {
            Some(labels.people_title_for(&self.name))
        } else {
            let this = self.other.as_ref().map(|_| labels.this_plan.as_str());
            this.map(|plan| labels.people_title_for(plan))
        }
    }

    /// `labels` with the icon array's title set to `title`, if any.
    fn titled(labels: &Labels, title: Option<String>) -> Labels {
        let mut labels = labels.clone();
        if let Some(title) = title {
            labels.people_title = title;
        }
        labels
    }

    /// The icon arrays of the SVG export, each with its words: this plan's, then the compared
    /// plan's (titled with its name or "the other plan").
    fn arrays(&self, labels: &Labels) -> Vec<(&Timeline, Labels)> {
        let mut arrays = vec![(
            &*self.timeline,
            Chart::titled(labels, self.people_title(labels)),
        )];
        if let Some((t, name)) = self.other() {
            let title = labels.people_title_for(labels.plan_name(name));
            arrays.push((t, Chart::titled(labels, Some(title))));
        }
        arrays
    }
}

#[wasm_bindgen]
impl Chart {
    /// Validates the scenario and estimates its timeline.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue) -> Result<Chart, JsValue> {
        Ok(Chart {
            timeline: Rc::new(estimate(&input::scenario(&scenario)?)),
            layout: None,
            name: String::new(),
            other: None,
        })
    }

    /// The plan's name as the reader sees it ("one session"); empty for none.
    #[wasm_bindgen(setter)]
    pub fn set_name(&mut self, name: String) {
        self.name = name;
    }

    /// Compares this plan with `other`'s: keeps a copy of its timeline and name, drawn over this
    /// one's by [`Chart::draw`] and [`Chart::svg`], read by [`Chart::probe`] and
    /// [`Chart::compare_summary`].
    #[wasm_bindgen(js_name = compareWith)]
    pub fn compare_with(&mut self, other: &Chart) {
        self.other = Some((Rc::clone(&other.timeline), other.name.clone()));
    }

    /// One sentence on how this plan's estimate differs from the compared plan's, in `words`;
    /// empty when there is no comparison.
    #[wasm_bindgen(js_name = compareSummary)]
    pub fn compare_summary(&self, words: &Words) -> Vec<String> {
        let sentence = self
            .other()
            .map(|(b, name)| compare(&self.timeline, b, name, &words.summary));
        sentence.into_iter().collect()
    }

    /// The timeline as a plain object.
    pub fn timeline(&self) -> Result<JsValue, JsError> {
        to_js(&*self.timeline)
    }

    /// The plain-language summary in `words`.
    pub fn summary(&self, words: &Words) -> Vec<String> {
        self.timeline.summary_in(&words.summary)
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
        words: &Words,
    ) -> Result<(), JsError> {
        let options = options_from_js(width, height, scale, theme, words)?;
        let backend = sized_canvas(canvas, &options)?;
        self.layout = Some(paint(backend, &self.timeline, self.other(), &options)?);
        Ok(())
    }

    /// Draws the icon array of 100 people (`render::draw_people`) on a canvas of `width` x
    /// `height` CSS pixels at `scale`, like [`Chart::draw`]; [`Chart::people_height`] gives the
    /// height it wants.
    #[wasm_bindgen(js_name = drawPeople)]
    pub fn draw_people(
        &self,
        canvas: HtmlCanvasElement,
        width: f64,
        height: f64,
        scale: f64,
        theme: &str,
        words: &Words,
    ) -> Result<(), JsError> {
        let mut options = options_from_js(width, height, scale, theme, words)?;
        if let Some(title) = self.people_title(&options.labels) {
            options.labels.people_title = title;
        }
        let backend = sized_canvas(canvas, &options)?;
        paint_people(backend, &self.timeline, &options)
    }

    /// The height in CSS pixels that the icon array wants at `width` in `words`.
    #[wasm_bindgen(js_name = peopleHeight)]
    pub fn people_height(&self, width: f64, words: &Words) -> f64 {
        let labels = Chart::titled(&words.labels, self.people_title(&words.labels));
        render::people_height(width, &self.timeline.paths, &labels)
    }

    /// The people in 100 on each path, as the icon array draws them (summing to 100), in its
    /// order: acute only, acute then sub-acute, acute then chronic, all three, sub-acute only,
    /// sub-acute then chronic, chronic only, none (`render::PATH_KEYS`).
    pub fn people(&self) -> Vec<u32> {
        render::people_counts(&self.timeline.paths).to_vec()
    }

    /// What the chart shows at `x` CSS pixels from its left edge, with its time in `words` and the
    /// plot area it was read on (all a read-out needs: one call per pointer move), or `undefined`
    /// outside the plot. Comparing, `compare` is the other plan's `{p10, p50, p90}` then (left
    /// out past that plan's horizon).
    pub fn probe(&self, x: f64, words: &Words) -> Result<JsValue, JsError> {
        /// A reading with its time in words: all a read-out needs, in one call.
        #[derive(Serialize)]
        struct Probe {
            days: f64,
            time: String,
            x: f64,
            p10: f64,
            p50: f64,
            p90: f64,
            plot: render::Rect,
            #[serde(skip_serializing_if = "Option::is_none")]
            compare: Option<Percentiles>,
        }
        match self
            .layout
            .as_ref()
            .and_then(|l| render::probe(l, &self.timeline, x))
        {
            Some(r) => to_js(&Probe {
                days: r.days,
                time: words.summary.duration(r.days),
                x: r.x,
                p10: r.p10,
                p50: r.p50,
                p90: r.p90,
                plot: r.plot,
                compare: self
                    .other()
                    .filter(|(b, _)| r.days <= b.horizon_days * (1.0 + 1e-9))
                    .map(|(b, _)| b.relief.at(r.days)),
            }),
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

    /// The relief at the times of the axis's ticks, `[{days, p10, p50, p90}]`: what the chart's
    /// tables and CSV read.
    #[wasm_bindgen(js_name = atTicks)]
    pub fn at_ticks(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct At {
            days: f64,
            p10: f64,
            p50: f64,
            p90: f64,
        }
        let curve = &self.timeline.relief;
        let at: Vec<At> = render::tick_days(self.timeline.horizon_days)
            .map(|days| {
                let p = curve.at(days);
                At {
                    days,
                    p10: p.p10,
                    p50: p.p50,
                    p90: p.p90,
                }
            })
            .collect();
        to_js(&at)
    }

    /// The same chart as an SVG document, and under it the icon array of 100 people at the
    /// height [`Chart::people_height`] gives (comparing: this plan's, then the other's, each
    /// titled with its plan): one document.
    pub fn svg(
        &self,
        width: f64,
        height: f64,
        theme: &str,
        words: &Words,
    ) -> Result<String, JsError> {
        let options = options_from_js(width, height, 1.0, theme, words)?;
        let arrays: Vec<(&Timeline, ChartOptions)> = self
            .arrays(&options.labels)
            .into_iter()
            .map(|(t, labels)| {
                let height = render::people_height(options.width, &t.paths, &labels);
                let array = ChartOptions {
                    height,
                    labels,
                    ..options.clone()
                };
                (t, array)
            })
            .collect();
        let all = ChartOptions {
            height: arrays.iter().fold(options.height, |h, (_, a)| h + a.height),
            ..options.clone()
        };
        let mut svg = String::new();
        let backend = render::SvgBackend::new(&mut svg, render::pixel_size(&all));
        let root = AnyBackend::Svg(backend).into_drawing_area();
        render::draw_with_people(&root, &self.timeline, self.other(), &options, &arrays)
            .map_err(|e| JsError::new(&e.to_string()))?;
        root.present().map_err(|e| JsError::new(&e.to_string()))?;
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
    let scenario = input::scenario(&scenario)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    // In Node (`cargo test --target wasm32-unknown-unknown --lib`).
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn chart(json: &str) -> Chart {
        let scenario = js_sys::JSON::parse(json).expect("JSON");
        Chart::new(scenario).expect("a valid scenario")
    }

    fn english() -> Words {
        Words::new(JsValue::UNDEFINED, JsValue::UNDEFINED).expect("English")
    }

    #[test]
    fn a_compared_chart_names_both_plans_and_reads_both() {
        let words = english();
        let mut a = chart(r#"{"sessions":5}"#);
        let mut b = chart("{}");
        assert!(a.compare_summary(&words).is_empty());
        let plain = a.people_height(640.0, &words);
        b.set_name("one session".into());
        a.compare_with(&b);
        let sentence = a.compare_summary(&words);
        assert_eq!(sentence.len(), 1);
        assert!(
            sentence[0].starts_with("Compared with one session: "),
            "{sentence:?}"
        );
        // Titled "This plan: ..." now (it has no name of its own): a line more, or the same.
        assert!(a.people_height(640.0, &words) >= plain);
        let svg = a.svg(640.0, 400.0, "light", &words).expect("drawn");
        let at = |text: &str| svg.find(text).unwrap_or_else(|| panic!("no {text:?}"));
        assert!(at("Compared: one session") < at("Educational estimate"));
        assert!(at("Educational estimate") < at("This plan: what happens"));
        assert!(at("This plan: what happens") < at("One session: what happens"));
        // The probe reads the other plan too.
        let options = ChartOptions {
            width: 640.0,
            height: 400.0,
            ..ChartOptions::default()
        };
        let (_, layout) = render::to_svg_compared(&a.timeline, a.other(), &options).expect("drawn");
        let x = (layout.plot.x0 + layout.plot.x1) / 2.0;
        a.layout = Some(layout);
        let reading = a.probe(x, &words).expect("read");
        let compare = js_sys::Reflect::get(&reading, &"compare".into()).expect("compare");
        let p50 = js_sys::Reflect::get(&compare, &"p50".into()).expect("p50");
        assert!(p50.as_f64().is_some_and(f64::is_finite), "{p50:?}");
        // A named plan's own array is titled with its name.
        a.set_name("five sessions".into());
        let svg = a.svg(640.0, 400.0, "dark", &words).expect("drawn");
        assert!(svg.contains("Five sessions: what happens"));
    }

    #[test]
    fn a_plain_chart_reads_no_comparison() {
        let words = english();
        let mut a = chart("{}");
        let options = ChartOptions::default();
        let (_, layout) = render::to_svg(&a.timeline, &options).expect("drawn");
        let x = layout.plot.x0 + 10.0;
        a.layout = Some(layout);
        let reading = a.probe(x, &words).expect("read");
        let compare = js_sys::Reflect::get(&reading, &"compare".into()).expect("compare");
        assert!(compare.is_undefined());
        let svg = a.svg(640.0, 400.0, "light", &words).expect("drawn");
        assert!(svg.contains("What happens to 100 people like this"));
    }
}
