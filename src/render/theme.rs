//! Colours: a light and a dark palette, colour-blind safe (Okabe–Ito), with text contrast of at
//! least 4.5:1 and graphics of at least 3:1 against the background.

use plotters::style::RGBColor;

/// Light or dark (`"light"`, `"dark"` in serde).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeKind {
    /// Dark text on a white background.
    #[default]
    Light,
    /// Light text on a near-black background.
    Dark,
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Chart background.
    pub background: RGBColor,
    /// Main text.
    pub text: RGBColor,
    /// Secondary text (ticks, footnote); still at least 4.5:1.
    pub muted: RGBColor,
    /// Grid lines (decorative, no contrast requirement).
    pub grid: RGBColor,
    /// Axis lines and the 30% threshold.
    pub axis: RGBColor,
    /// Median relief line.
    pub median: RGBColor,
    /// The p10..p90 band (drawn translucent).
    pub band: RGBColor,
    /// Shading of the acute, sub-acute and chronic phases.
    pub phases: [RGBColor; 3],
    /// Phase label text, one per phase, at least 4.5:1 on the background.
    pub phase_text: [RGBColor; 3],
    /// Dose and booster markers.
    pub dose: RGBColor,
    /// Side-effect windows.
    pub side_effect: RGBColor,
    /// The people with no meaningful relief in the icon array: a neutral grey, at least 3:1.
    pub neutral: RGBColor,
    /// A compared plan's curves and doses (dashed, dotted, hollow): at least 3:1.
    pub compare: RGBColor,
}

impl Theme {
    /// The palette for a theme kind.
    pub fn of(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Light => Theme {
                background: RGBColor(255, 255, 255),
                text: RGBColor(26, 26, 26),
                muted: RGBColor(85, 85, 85),
                grid: RGBColor(230, 230, 230),
                axis: RGBColor(110, 110, 110),
                median: RGBColor(0, 90, 160),
                band: RGBColor(0, 114, 178),
                phases: [
                    RGBColor(230, 159, 0),
                    RGBColor(86, 180, 233),
                    RGBColor(0, 158, 115),
                ],
                phase_text: [
                    RGBColor(140, 80, 0),
                    RGBColor(0, 95, 140),
                    RGBColor(0, 110, 80),
                ],
                dose: RGBColor(90, 50, 130),
                side_effect: RGBColor(204, 121, 167),
                neutral: RGBColor(118, 118, 118),
                compare: RGBColor(213, 94, 0),
            },
            ThemeKind::Dark => Theme {
                background: RGBColor(24, 24, 27),
                text: RGBColor(240, 240, 240),
                muted: RGBColor(185, 185, 190),
                grid: RGBColor(55, 55, 60),
                axis: RGBColor(150, 150, 155),
                median: RGBColor(110, 190, 245),
                band: RGBColor(86, 180, 233),
                phases: [
                    RGBColor(230, 159, 0),
                    RGBColor(86, 180, 233),
                    RGBColor(0, 158, 115),
                ],
                phase_text: [
                    RGBColor(240, 185, 80),
                    RGBColor(130, 200, 240),
                    RGBColor(80, 200, 160),
                ],
                dose: RGBColor(200, 160, 240),
                side_effect: RGBColor(224, 150, 190),
                neutral: RGBColor(140, 140, 146),
                compare: RGBColor(240, 130, 70),
            },
        }
    }
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: RGBColor) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A colour as CSS/SVG hex, `#RRGGBB`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(7);
    s.push('#');
    for c in [r, g, b] {
        s.push(char::from(DIGITS[usize::from(c >> 4)]));
        s.push(char::from(DIGITS[usize::from(c & 15)]));
    }
    s
}
