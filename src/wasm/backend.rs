//! One drawing backend type for both browser outputs, so the chart's drawing code is compiled
//! into the wasm once (for this enum) rather than once per backend: the canvas for the page
//! (plotters-canvas) and SVG for the download share it.

use std::convert::Infallible;

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

/// plotters-canvas's error (a type it does not name publicly).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

use crate::render::{text_size, SvgBackend};

/// The canvas on the page or an SVG document being written.
pub enum AnyBackend<'a> {
    /// A `<canvas>`, through plotters-canvas.
    Canvas(CanvasBackend),
    /// An SVG document.
    Svg(SvgBackend<'a>),
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<CanvasError>>;

/// The SVG backend never fails: its errors are of an empty type.
fn never(e: DrawingErrorKind<Infallible>) -> DrawingErrorKind<CanvasError> {
    match e {
        DrawingErrorKind::DrawingError(never) => match never {},
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! dispatch {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call,
            AnyBackend::Svg($b) => $call.map_err(never),
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            AnyBackend::Canvas(b) => b.get_size(),
            AnyBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result {
        dispatch!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result {
        dispatch!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        dispatch!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        dispatch!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        #[cfg(feature = "test-panic")]
        super::fault::check(super::fault::Point::Draw);
        dispatch!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        dispatch!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        dispatch!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        dispatch!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        dispatch!(self, b => b.draw_text(text, style, pos))
    }

    /// The renderer's own estimate for both, so that the canvas and the SVG lay out alike (and
    /// measuring asks no font of the browser).
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        Ok(text_size(text, style.size()))
    }
}
