//! One drawing backend type for both browser outputs, so the chart's drawing code is compiled
//! into the wasm once (for this enum) rather than once per backend: the canvas for the page and
//! SVG for the download share it.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::canvas::Canvas;
use crate::render::SvgBackend;

/// The canvas on the page or an SVG document being written.
pub enum AnyBackend<'a> {
    /// A `<canvas>`.
    Canvas(Canvas),
    /// An SVG document.
    Svg(SvgBackend<'a>),
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<std::convert::Infallible>>;

/// Calls the same method on whichever backend this is.
macro_rules! dispatch {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            AnyBackend::Canvas($b) => $call,
            AnyBackend::Svg($b) => $call,
        }
    };
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        dispatch!(self, b => b.get_size())
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

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        dispatch!(self, b => b.estimate_text_size(text, style))
    }
}
