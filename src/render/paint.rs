//! A thin pen over a plotters drawing area: CSS-pixel coordinates in, device pixels out, and a
//! record of every text box drawn (so tests can prove that no two labels overlap).

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

/// A rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// True when the two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// True when `other` lies wholly inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }
}

/// A text drawn on the chart and the box it takes (estimated generously).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct TextBox {
    /// The text.
    pub text: String,
    /// Its box in CSS pixels.
    pub rect: Rect,
}

/// The chart's font: the first family of the element's own text (its stylesheet), so chart and
/// text match and the browser looks the font up once (on Linux each new family is a synchronous
/// call to the browser process, about 2 ms, on the first chart).
const FAMILY: FontFamily<'static> = FontFamily::Name("system-ui, sans-serif");

/// How much wider bold text is: up to 12% in the widest common UI font (DejaVu Sans, Linux's
/// usual `system-ui`).
const BOLD_WIDTH: f64 = 1.12;

/// Generous estimate of a regular string's width in pixels at a font size, in the common UI
/// fonts (San Francisco, Segoe UI, Roboto, DejaVu Sans).
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | 'f' | 't' => 0.34,
            ' ' | 'r' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.95,
            c if c.is_uppercase() => 0.72,
            _ => 0.62,
        })
        .sum();
    em * size
}

/// `text` broken at spaces into lines no wider than `width` at `size` ([`text_width`]); a word
/// wider than that has a line of its own.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<&str> {
    // (`get`, not indexing: that would bring char-boundary panic messages into the wasm. Spaces
    // are ASCII, so the ranges are on char boundaries anyway.)
    let part = |range: std::ops::Range<usize>| text.get(range).unwrap_or_default();
    let mut lines = Vec::new();
    // The line so far is `start..end`; each space (and the end) may take the next word onto it.
    let (mut start, mut end) = (0, 0);
    let spaces = text.bytes().enumerate().filter(|&(_, b)| b == b' ');
    for i in spaces.map(|(i, _)| i).chain([text.len()]) {
        if end > start && text_width(part(start..i), size) > width {
            lines.push(part(start..end));
            start = end + 1;
        }
        end = i;
    }
    lines.push(part(start..text.len()));
    lines
}

/// [`text_width`] in bold.
pub fn bold_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * BOLD_WIDTH
}

/// A text's box in whole pixels, width by [`text_width`] and height the font size: what the
/// backends report to plotters as a text's size.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    (text_width(text, size).round() as u32, size.round() as u32)
}

/// Dashes of a dashed line, CSS pixels: dash, gap.
pub const DASHES: (f64, f64) = (6.0, 4.0);

/// Dots of a dotted line, CSS pixels: dash, gap.
pub const DOTS: (f64, f64) = (2.0, 3.0);

/// Horizontal anchor of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// Draws on a drawing area in CSS pixels, scaled by the device pixel ratio.
pub struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    scale: f64,
    background: RGBColor,
    /// Every text drawn so far.
    pub texts: Vec<TextBox>,
}

/// The error a drawing backend may return.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    /// A pen over `area`, where one CSS pixel is `scale` device pixels, on `background`.
    pub fn new(area: &'a DrawingArea<DB, Shift>, scale: f64, background: RGBColor) -> Self {
        Pen {
            area,
            scale,
            background,
            texts: Vec::new(),
        }
    }

    fn px(&self, x: f64, y: f64) -> (i32, i32) {
        (
            (x * self.scale).round() as i32,
            (y * self.scale).round() as i32,
        )
    }

    /// Fills the whole area with the background.
    pub fn clear(&self) -> DrawResult<(), DB> {
        self.area.fill(&self.background)
    }

    /// A filled rectangle.
    pub fn rect(&self, r: Rect, color: RGBColor, alpha: f64) -> DrawResult<(), DB> {
        let style = color.mix(alpha).filled();
        self.area.draw(&Rectangle::new(
            [self.px(r.x0, r.y0), self.px(r.x1, r.y1)],
            style,
        ))
    }

    /// A polyline of the given width in CSS pixels.
    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, width: f64) -> DrawResult<(), DB> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| self.px(x, y)).collect();
        let style = color.stroke_width(self.stroke(width));
        self.area.draw(&PathElement::new(pts, style))
    }

    /// A dashed polyline: dashes and gaps of `(dash, gap)` CSS pixels ([`DASHES`], [`DOTS`]).
    pub fn dashed(
        &self,
        points: &[(f64, f64)],
        color: RGBColor,
        width: f64,
        (dash, gap): (f64, f64),
    ) -> DrawResult<(), DB> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| self.px(x, y)).collect();
        let (dash, gap) = ((dash * self.scale) as i32, (gap * self.scale) as i32);
        let style = color.stroke_width(self.stroke(width));
        self.area
            .draw(&DashedPathElement::new(pts, dash, gap, style))
    }

    /// A filled polygon.
    pub fn polygon(
        &self,
        points: &[(f64, f64)],
        color: RGBColor,
        alpha: f64,
    ) -> DrawResult<(), DB> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| self.px(x, y)).collect();
        self.area
            .draw(&Polygon::new(pts, color.mix(alpha).filled()))
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    /// Like [`Pen::text`], on a translucent patch of background so lines beneath don't cut it.
    pub fn halo_text(
        &mut self,
        text: &str,
        at: (f64, f64),
        size: f64,
        color: RGBColor,
        anchor: Anchor,
        bold: bool,
    ) -> DrawResult<Rect, DB> {
        let r = text_rect(text, at, size, anchor, bold);
        let halo = Rect {
            x0: r.x0 - 2.0,
            y0: r.y0,
            x1: r.x1 + 2.0,
            y1: r.y1,
        };
        self.rect(halo, self.background, 0.8)?;
        self.text(text, at, size, color, anchor, bold)
    }

    /// Draws a text with its top at `y`, and records its box.
    pub fn text(
        &mut self,
        text: &str,
        (x, y): (f64, f64),
        size: f64,
        color: RGBColor,
        anchor: Anchor,
        bold: bool,
    ) -> DrawResult<Rect, DB> {
        let rect = text_rect(text, (x, y), size, anchor, bold);
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let hpos = match anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let font = FontDesc::new(FAMILY, size * self.scale, style);
        let text_style = TextStyle::from(font)
            .color(&color)
            .pos(Pos::new(hpos, VPos::Top));
        self.area
            .draw(&Text::new(text.to_string(), self.px(x, y), text_style))?;
        self.texts.push(TextBox {
            text: text.to_string(),
            rect,
        });
        Ok(rect)
    }
}

/// The box a text would take, with its top at `y`.
pub fn text_rect(text: &str, (x, y): (f64, f64), size: f64, anchor: Anchor, bold: bool) -> Rect {
    let w = if bold {
        bold_width(text, size)
    } else {
        text_width(text, size)
    };
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    Rect {
        x0,
        y0: y,
        x1: x0 + w,
        y1: y + size * 1.25,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_the_last_space_that_fits() {
        let text = "Schätzung zur Aufklärung, keine medizinische Beratung.";
        let width = text_width("Schätzung zur Aufklärung, keine", 10.0);
        assert_eq!(
            wrap(text, 10.0, width),
            ["Schätzung zur Aufklärung, keine", "medizinische Beratung."]
        );
        assert_eq!(wrap(text, 10.0, 1e9), [text]);
        // A word wider than the width has a line of its own; no line is empty.
        assert_eq!(
            wrap("a Donaudampfschiff b", 10.0, 20.0),
            ["a", "Donaudampfschiff", "b"]
        );
        assert_eq!(wrap("", 10.0, 0.0), [""]);
    }
}
