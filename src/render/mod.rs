//! The renderer: draws a [`Timeline`] on any plotters backend
//! (a canvas in the browser, SVG natively and for export).

mod axis;
mod chart;
mod labels;
mod paint;
mod people;
mod probe;
mod svg;
mod theme;
pub mod validation;

pub use crate::estimator::nearest_fraction;
pub use axis::{tick_days, TimeScale, START_DAYS};
pub use chart::{draw, draw_compared, ChartOptions, Layout};
pub use labels::Labels;
pub use paint::{text_size, text_width, Rect, TextBox};
pub use people::{draw_people, path_shares, people_counts, people_height, PeopleLayout, PATH_KEYS};
pub use probe::{probe, Reading};
pub use svg::SvgBackend;
pub use theme::{contrast, hex, Theme, ThemeKind};

use plotters::coord::Shift;

use crate::estimator::Timeline;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};

/// The backend size in device pixels for a chart: CSS size times the device pixel ratio.
pub fn pixel_size(options: &ChartOptions) -> (u32, u32) {
    let px = |css: f64| (css * options.scale).round().max(1.0) as u32;
    (px(options.width), px(options.height))
}

/// An SVG document of `size` pixels, drawn by `draw`, with what `draw` returns (its layout).
pub(crate) fn svg_document<T, E: std::fmt::Display>(
    size: (u32, u32),
    draw: impl for<'a> FnOnce(&DrawingArea<SvgBackend<'a>, Shift>) -> Result<T, E>,
) -> Result<(String, T), String> {
    let mut svg = String::new();
    let out = {
        let root = SvgBackend::new(&mut svg, size).into_drawing_area();
        let out = draw(&root).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
        out
    };
    Ok((svg, out))
}

/// Renders a timeline to an SVG document.
pub fn to_svg(timeline: &Timeline, options: &ChartOptions) -> Result<(String, Layout), String> {
    to_svg_compared(timeline, None, options)
}

/// Renders a timeline, compared with `other` ([`draw_compared`]), to an SVG document.
pub fn to_svg_compared(
    timeline: &Timeline,
    other: Option<(&Timeline, &str)>,
    options: &ChartOptions,
) -> Result<(String, Layout), String> {
    svg_document(pixel_size(options), |root| {
        draw_compared(root, timeline, other, options)
    })
}

/// The icon array of a timeline (see [`draw_people`]) as an SVG document, `options.height` high.
pub fn people_to_svg(
    timeline: &Timeline,
    options: &ChartOptions,
) -> Result<(String, PeopleLayout), String> {
    svg_document(pixel_size(options), |root| {
        draw_people(root, timeline, options)
    })
}

/// The chart ([`draw_compared`], `options.height` high) and under it icon arrays, each of a
/// timeline with its own options (its height, its words: its title), one under the other, on one
/// drawing area of `options.width` by all their heights: the SVG export's one document. The area
/// must be [`pixel_size`] of the heights together; the last array takes what is left of it.
pub fn draw_with_people<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    other: Option<(&Timeline, &str)>,
    options: &ChartOptions,
    arrays: &[(&Timeline, ChartOptions)],
) -> paint::DrawResult<Layout, DB> {
    let (chart_area, mut rest) = root.split_vertically(pixel_size(options).1);
    let layout = draw_compared(&chart_area, timeline, other, options)?;
    for (i, (people, people_options)) in arrays.iter().enumerate() {
        let area = if i + 1 < arrays.len() {
            let (area, next) = rest.split_vertically(pixel_size(people_options).1);
            rest = next;
            area
        } else {
            rest.clone()
        };
        draw_people(&area, people, people_options)?;
    }
    Ok(layout)
}
