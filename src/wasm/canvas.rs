//! A plotters backend that draws on a `<canvas>` 2D context.
//!
//! It replaces plotters-canvas for two reasons: that crate builds an `rgba(r,g,b,a)` string with
//! `format!` for every shape (bringing Rust's float printer into the wasm) and sets every style
//! property on every call. Here a colour is `#RRGGBB` plus `globalAlpha`, and a property is sent
//! to the context only when it changes: fewer calls across the JS boundary per frame.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::number::Num;
use crate::render::{hex, text_size};

type Result = std::result::Result<(), DrawingErrorKind<std::convert::Infallible>>;

/// A canvas's 2D context and the style last set on it.
pub struct Canvas {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    alpha: f64,
    line_width: Option<u32>,
    font: String,
    align: &'static str,
}

impl Canvas {
    /// The canvas's 2D context, or `None` when it has none (another context type was taken).
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        // Every text is placed by its top edge, and laid out left to right: the context's
        // direction otherwise follows the page's, and on a `dir="rtl"` page "start" would mean
        // right and "10 min" would read "min 10".
        context.set_text_baseline("top");
        // (web-sys has no setter for `direction`; setting a property of a 2D context cannot fail.)
        let _ = js_sys::Reflect::set(&context, &"direction".into(), &"ltr".into());
        // The context keeps the last drawing's state: every cached value starts unknown, so the
        // first use sets it.
        Some(Canvas {
            context,
            size: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            alpha: f64::NAN,
            line_width: None,
            font: String::new(),
            align: "",
        })
    }

    fn alpha(&mut self, alpha: f64) {
        // The context ignores values outside 0..=1: clamp, so the cache stays true to it.
        let alpha = alpha.clamp(0.0, 1.0);
        if alpha != self.alpha {
            self.context.set_global_alpha(alpha);
            self.alpha = alpha;
        }
    }

    fn fill(&mut self, color: BackendColor) {
        self.alpha(color.alpha);
        if self.fill != Some(color.rgb) {
            self.context.set_fill_style_str(&hex(color.rgb));
            self.fill = Some(color.rgb);
        }
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        let color = style.color();
        self.alpha(color.alpha);
        if self.stroke != Some(color.rgb) {
            self.context.set_stroke_style_str(&hex(color.rgb));
            self.stroke = Some(color.rgb);
        }
        let width = style.stroke_width();
        if self.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    /// Traces a path through `points`, without painting it.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.context.begin_path();
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    /// A straight line; horizontal and vertical ones sit on pixel centres, so they stay sharp.
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.stroke(style);
        self.context.begin_path();
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        if fill {
            self.fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.stroke(style);
        if self.trace(path) {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        // `arc` throws only for a negative radius, and a u32 is never negative.
        let _ = self.context.arc(
            f64::from(x),
            f64::from(y),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            self.fill(style.color());
            self.context.fill();
        } else {
            self.stroke(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        if self.trace(vert) {
            self.context.close_path();
            self.context.fill();
        }
        Ok(())
    }

    /// Horizontal text (the chart never rotates any).
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let pos = style.anchor();
        let align = match pos.h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        };
        if align != self.align {
            self.context.set_text_align(align);
            self.align = align;
        }
        // Every text the chart draws is top-aligned (see `new`); other anchors shift by the size.
        let y = f64::from(y)
            - match pos.v_pos {
                VPos::Top => 0.0,
                VPos::Center => style.size() / 2.0,
                VPos::Bottom => style.size(),
            };
        let weight = if matches!(style.style(), FontStyle::Bold) {
            "bold "
        } else {
            ""
        };
        let font = format!(
            "{weight}{}px {}",
            Num::new(style.size(), 2),
            style.family().as_str()
        );
        if font != self.font {
            self.context.set_font(&font);
            self.font = font;
        }
        self.fill(style.color());
        // `fillText` throws only for a non-finite position, and these are integers.
        let _ = self.context.fill_text(text, f64::from(x), y);
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
}
