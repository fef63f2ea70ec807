//! The renderer: draws a [`Timeline`](crate::estimator::Timeline) on any plotters backend
//! (a canvas in the browser, SVG natively and for export).

mod axis;
mod chart;
mod labels;
mod paint;
mod probe;
mod svg;
mod theme;

pub use axis::{TimeScale, START_DAYS};
pub use chart::{draw, ChartOptions, Layout};
pub use labels::{nearest_fraction, Labels};
pub use paint::{text_size, text_width, Rect, TextBox};
pub use probe::{probe, Reading};
pub use svg::SvgBackend;
pub use theme::{contrast, hex, Theme, ThemeKind};

use plotters::prelude::IntoDrawingArea;

/// The backend size in device pixels for a chart: CSS size times the device pixel ratio.
pub fn pixel_size(options: &ChartOptions) -> (u32, u32) {
    let px = |css: f64| (css * options.scale).round().max(1.0) as u32;
    (px(options.width), px(options.height))
}

/// Renders a timeline to an SVG document.
pub fn to_svg(
    timeline: &crate::estimator::Timeline,
    options: &ChartOptions,
) -> Result<(String, Layout), String> {
    let mut svg = String::new();
    let layout = {
        let root = SvgBackend::new(&mut svg, pixel_size(options)).into_drawing_area();
        let layout = draw(&root, timeline, options).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
        layout
    };
    Ok((svg, layout))
}
