//! A plotters backend that writes an SVG document into a `String`.
//!
//! It replaces plotters-svg, which formats every number with `{}` and so brings Rust's float
//! printer into the wasm; here coordinates are integers and the few fractional values (opacity,
//! font size) go through [`Num`]. Output is one element per line, no styles, no scripts: safe to
//! serve as an image.

use std::fmt::Write;

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use super::paint::text_size;
use super::theme::hex;
use crate::number::Num;

/// Writes SVG into a string; the document is complete after [`DrawingBackend::present`].
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

type Result = std::result::Result<(), DrawingErrorKind<std::convert::Infallible>>;

impl<'a> SvgBackend<'a> {
    /// A document of `size` pixels, written into `out`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let (w, h) = size;
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">"#
        );
        SvgBackend {
            out,
            size,
            closed: false,
        }
    }

    /// `fill="#rrggbb"` (or `stroke=`), with an opacity attribute when translucent.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let _ = write!(self.out, r#" {attribute}="{}""#, hex(color.rgb));
        if color.alpha < 1.0 {
            let _ = write!(
                self.out,
                r#" {attribute}-opacity="{}""#,
                Num::new(color.alpha, 3)
            );
        }
    }

    /// A closed shape's paint: filled, or outlined with no fill.
    fn fill_or_stroke(&mut self, style: &impl BackendStyle, fill: bool) {
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(r#" fill="none""#);
            self.stroke(style);
        }
        self.out.push_str("/>\n");
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        self.paint("stroke", style.color());
        let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in points.into_iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(self.out, "{sep}{x},{y}");
        }
        self.out.push('"');
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Result {
        self.draw_path([(x1, y1), (x2, y2)], style)
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
        let (w, h) = (x1 - x0, y1 - y0);
        let _ = write!(
            self.out,
            r#"<rect x="{x0}" y="{y0}" width="{w}" height="{h}""#
        );
        self.fill_or_stroke(style, fill);
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
        self.out.push_str(r#"<polyline fill="none""#);
        self.stroke(style);
        self.points(path);
        self.out.push_str("/>\n");
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
        let _ = write!(self.out, r#"<circle cx="{x}" cy="{y}" r="{radius}""#);
        self.fill_or_stroke(style, fill);
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
        self.out.push_str("<polygon");
        self.paint("fill", style.color());
        self.points(vert);
        self.out.push_str("/>\n");
        Ok(())
    }

    /// Horizontal text (the chart never rotates any), anchored as the style says.
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
        let anchor = match pos.h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let dy = match pos.v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family="{}" font-size="{}""#,
            style.family().as_str(),
            Num::new(style.size(), 2),
        );
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(r#" font-weight="bold""#);
        }
        self.paint("fill", style.color());
        self.out.push('>');
        escape(self.out, text);
        self.out.push_str("</text>\n");
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

/// Appends `text` with the five XML special characters escaped and the characters XML forbids
/// dropped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow (a stray one in a translation would make the
            // document unreadable) are left out.
            c if (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_is_escaped_and_keeps_only_characters_xml_allows() {
        let mut out = String::new();
        escape(&mut out, "a\u{1}<b> & \"c\" 'd'\t\u{fffe}é");
        assert_eq!(out, "a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;\té");
    }
}
