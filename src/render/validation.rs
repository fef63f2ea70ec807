//! The validation figure: every duration study of the evidence against the model's range for
//! its regimen, so that a reader sees how far to trust the estimate (`docs/validation.svg`, in
//! the README and on the demo page).
//!
//! One row per study of [`STUDIES`](crate::estimator::studies::STUDIES), labelled by its source
//! id: the model's `reliefEndDays` p10..p90 as a bar, its median as a tick, and the duration the
//! study reported as a diamond, on the chart's log-time axis. The same list drives
//! `tests/estimator_studies.rs`. Drawn natively only (`cargo run --example validation` and the
//! tests): nothing in the wasm's boundary calls it, so none of it is in the wasm.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::axis::{choose_ticks, TimeScale, TICKS};
use super::labels::Labels;
use super::paint::{text_rect, text_width, wrap, Anchor, DrawResult, Pen, Rect, TextBox};
use super::theme::{Theme, ThemeKind};
use crate::estimator::studies::Study;
use crate::estimator::Percentiles;
use crate::number::Num;

/// The figure's title.
pub const TITLE: &str = "How long relief lasted in each study, against the model's range";
/// Legend: the model's p10..p90 bar.
pub const LEGEND_BAR: &str = "Model: 8 in 10 people";
/// Legend: the model's median tick.
pub const LEGEND_MEDIAN: &str = "Model: typical";
/// Legend: the study's reported duration.
pub const LEGEND_REPORTED: &str = "Reported by the study";
/// Under the time axis.
pub const AXIS_TITLE: &str = "Time from the start of the first session (log scale)";
/// What the bars mean: the first paragraph of the footnote.
pub const EXPLANATION: &str = "Each row is a duration study in the evidence, with the model \
given its regimen. Bar: how long relief (at least 30% less pain) lasts for the middle 8 in 10 \
simulated people (10th to 90th percentile); tick: the typical person (median); diamond: the \
duration the study reported.";
/// The footnote's last line: the chart's own footnote, word for word.
pub const DISCLAIMER: &str = "Educational estimate, not medical advice.";
/// The footnote's line on studies whose regimen is assumed (marked `*`).
pub const ASSUMED: &str =
    "* The study does not state its regimen: the one modelled is an assumption.";

/// One study as the figure draws it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// The study's source id.
    pub id: &'static str,
    /// Whether the study states its regimen (when not, the row is marked `*`).
    pub regimen_stated: bool,
    /// The duration the study reported, in days.
    pub reported_days: f64,
    /// The model's `reliefEndDays` for the regimen.
    pub model: Percentiles,
}

impl Row {
    /// Whether the reported duration lies within the model's p10..p90.
    pub fn inside(&self) -> bool {
        self.model.p10 <= self.reported_days && self.reported_days <= self.model.p90
    }
}

/// The rows for a list of studies, each estimated; the error names a study whose regimen the
/// estimator refuses.
pub fn rows(studies: &[Study]) -> Result<Vec<Row>, String> {
    studies
        .iter()
        .map(|s| {
            Ok(Row {
                id: s.id,
                regimen_stated: s.regimen_stated,
                reported_days: s.reported_days,
                model: s.model().map_err(|e| format!("{}: {e}", s.id))?,
            })
        })
        .collect()
}

/// How to draw: width in CSS pixels (the height follows from the rows and the width), device
/// pixel ratio and theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Width in CSS pixels.
    pub width: f64,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Light or dark.
    pub theme: ThemeKind,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 720.0,
            scale: 1.0,
            theme: ThemeKind::Light,
        }
    }
}

/// The figure's colours, from the chart's theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Background.
    pub background: RGBColor,
    /// Title, legend and study ids.
    pub text: RGBColor,
    /// Tick labels, axis title and footnote.
    pub muted: RGBColor,
    /// Grid and row guide lines (decorative).
    pub grid: RGBColor,
    /// The time axis.
    pub axis: RGBColor,
    /// The bar's fill, drawn at [`Palette::BAR_ALPHA`].
    pub bar: RGBColor,
    /// The bar's outline and the median tick.
    pub median: RGBColor,
    /// The reported duration's diamond.
    pub reported: RGBColor,
}

impl Palette {
    /// Opacity of the bar's fill (the chart's band is 0.28).
    pub const BAR_ALPHA: f64 = 0.3;

    /// The palette of a theme: the chart's band and median for the model, and the acute phase's
    /// label colour (orange against blue, told apart in every common colour vision) for the
    /// studies.
    pub fn of(kind: ThemeKind) -> Palette {
        let t = Theme::of(kind);
        Palette {
            background: t.background,
            text: t.text,
            muted: t.muted,
            grid: t.grid,
            axis: t.axis,
            bar: t.band,
            median: t.median,
            reported: t.phase_text[0],
        }
    }

    /// The bar's fill as it shows on the background.
    pub fn bar_on_background(&self) -> RGBColor {
        let mix = |fg: u8, bg: u8| {
            (f64::from(fg) * Self::BAR_ALPHA + f64::from(bg) * (1.0 - Self::BAR_ALPHA)).round()
                as u8
        };
        let (f, b) = (self.bar, self.background);
        RGBColor(mix(f.0, b.0), mix(f.1, b.1), mix(f.2, b.2))
    }
}

/// Where one study's row landed, CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    /// The study's id.
    pub id: &'static str,
    /// The row's centre line.
    pub y: f64,
    /// The bar's left end (the model's p10).
    pub p10: f64,
    /// The median tick.
    pub p50: f64,
    /// The bar's right end (the model's p90).
    pub p90: f64,
    /// The centre of the reported duration's diamond.
    pub reported: f64,
}

impl RowLayout {
    /// Whether the diamond's centre is drawn within the bar.
    pub fn drawn_inside(&self) -> bool {
        self.p10 <= self.reported && self.reported <= self.p90
    }
}

/// Where things landed.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The whole figure.
    pub bounds: Rect,
    /// The rows' area.
    pub plot: Rect,
    /// The time axis over the rows.
    pub time: TimeScale,
    /// One per row, in order.
    pub rows: Vec<RowLayout>,
    /// Every text drawn.
    pub texts: Vec<TextBox>,
}

/// Font sizes and spacing at a width, as the chart's.
struct Sizes {
    font: f64,
    small: f64,
    pad: f64,
    row_h: f64,
}

impl Sizes {
    fn at(width: f64) -> Sizes {
        let compact = width < 480.0;
        let font = if compact { 11.0 } else { 13.0 };
        Sizes {
            font,
            small: font - 1.0,
            pad: if compact { 6.0 } else { 12.0 },
            row_h: if compact { 22.0 } else { 26.0 },
        }
    }
}

/// A legend entry's mark.
#[derive(Clone, Copy)]
enum Mark {
    Bar,
    Median,
    Reported,
}

/// Everything placed before drawing, so the height is known before the backend is made.
struct Plan {
    width: f64,
    height: f64,
    sizes: Sizes,
    title: Vec<&'static str>,
    /// Legend entries: mark, text, top-left.
    legend: Vec<(Mark, &'static str, (f64, f64))>,
    plot: Rect,
    axis_title: Vec<&'static str>,
    axis_title_y: f64,
    footnote: Vec<&'static str>,
    footnote_y: f64,
    horizon: f64,
}

/// The id as drawn: marked `*` when the regimen is assumed.
fn label(row: &Row) -> String {
    let mark = if row.regimen_stated { "" } else { "*" };
    format!("{}{mark}", row.id)
}

fn plan(rows: &[Row], width: f64) -> Plan {
    let w = width.max(1.0);
    let s = Sizes::at(w);
    let line = s.small * 1.25;
    let inner = (w - 2.0 * s.pad).max(1.0);
    // Bold text is up to 12% wider (`paint::bold_width`): wrap it as if it were that size.
    let title = wrap(TITLE, s.font * 1.12, inner);
    let mut y = s.pad + s.font * 1.25 * title.len() as f64 + 6.0;

    let row_h = line + 4.0;
    let mut legend = Vec::new();
    let mut x = s.pad;
    for (mark, text) in [
        (Mark::Bar, LEGEND_BAR),
        (Mark::Median, LEGEND_MEDIAN),
        (Mark::Reported, LEGEND_REPORTED),
    ] {
        let item_w = 18.0 + 4.0 + text_width(text, s.small);
        if x + item_w > w - s.pad && x > s.pad {
            x = s.pad;
            y += row_h;
        }
        legend.push((mark, text, (x, y)));
        x += item_w + 14.0;
    }
    y += row_h + 8.0;

    let ticks = Labels::default().ticks;
    let label_w = rows
        .iter()
        .map(|r| text_width(&label(r), s.font))
        .fold(0.0, f64::max);
    let last = rows
        .iter()
        .map(|r| r.model.p90.max(r.reported_days))
        .fold(0.0, f64::max);
    // The axis ends at the first tick past every row (or the last row itself, beyond 3 years).
    let horizon = TICKS
        .iter()
        .map(|t| t.days)
        .find(|&d| d >= last)
        .unwrap_or(last);
    let plot = Rect {
        x0: s.pad + label_w + 10.0,
        y0: y,
        x1: w - s.pad - text_width(&ticks[10], s.small) / 2.0,
        y1: y + s.row_h * rows.len() as f64,
    };
    let axis_title = wrap(AXIS_TITLE, s.small, inner);
    let axis_title_y = plot.y1 + 8.0 + line + 2.0;
    let mut footnote = wrap(EXPLANATION, s.small, inner);
    if rows.iter().any(|r| !r.regimen_stated) {
        footnote.extend(wrap(ASSUMED, s.small, inner));
    }
    footnote.extend(wrap(DISCLAIMER, s.small, inner));
    let footnote_y = axis_title_y + line * axis_title.len() as f64 + 10.0;
    // Whole pixels, so that the size an `<img>` gives is the figure's.
    let height = (footnote_y + line * footnote.len() as f64 + s.pad).ceil();
    Plan {
        width: w,
        height,
        sizes: s,
        title,
        legend,
        plot,
        axis_title,
        axis_title_y,
        footnote,
        footnote_y,
        horizon,
    }
}

/// The figure's size in CSS pixels for these rows at `options.width`.
pub fn size(rows: &[Row], options: &Options) -> (f64, f64) {
    let p = plan(rows, options.width);
    (p.width, p.height)
}

/// The backend size in device pixels: [`size`] times the device pixel ratio.
pub fn pixel_size(rows: &[Row], options: &Options) -> (u32, u32) {
    let (w, h) = size(rows, options);
    let px = |css: f64| (css * options.scale).round().max(1.0) as u32;
    (px(w), px(h))
}

/// Draws the figure onto `root`, which must be [`pixel_size`] large. Returns the layout.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[Row],
    options: &Options,
) -> DrawResult<Layout, DB> {
    let p = plan(rows, options.width);
    let c = Palette::of(options.theme);
    let s = &p.sizes;
    let mut pen = Pen::new(root, options.scale, c.background);
    pen.clear()?;

    for (i, text) in p.title.iter().enumerate() {
        let y = s.pad + s.font * 1.25 * i as f64;
        pen.text(text, (s.pad, y), s.font, c.text, Anchor::Start, true)?;
    }
    for &(mark, text, (x, y)) in &p.legend {
        let mid = y + s.small * 0.65;
        match mark {
            Mark::Bar => bar(&pen, &c, x, x + 18.0, mid)?,
            Mark::Median => median(&pen, &c, x + 9.0, mid, 7.0)?,
            Mark::Reported => diamond(&pen, &c, x + 9.0, mid)?,
        }
        pen.text(text, (x + 22.0, y), s.small, c.text, Anchor::Start, false)?;
    }

    let plot = p.plot;
    let time = TimeScale::new(p.horizon, plot.x0, plot.x1);
    let names = Labels::default().ticks;
    let widths: Vec<f64> = names.iter().map(|t| text_width(t, s.small)).collect();
    let ticks = choose_ticks(&time, &widths, 8.0);
    for tick in &ticks {
        let x = time.x(tick.days);
        pen.line(&[(x, plot.y0), (x, plot.y1)], c.grid, 1.0)?;
    }

    let mut laid = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let y = plot.y0 + s.row_h * (i as f64 + 0.5);
        pen.line(&[(plot.x0, y), (plot.x1, y)], c.grid, 1.0)?;
        let r = RowLayout {
            id: row.id,
            y,
            p10: time.x(row.model.p10),
            p50: time.x(row.model.p50),
            p90: time.x(row.model.p90),
            reported: time.x(row.reported_days),
        };
        bar(&pen, &c, r.p10, r.p90, y)?;
        median(&pen, &c, r.p50, y, 9.0)?;
        diamond(&pen, &c, r.reported, y)?;
        pen.text(
            &label(row),
            (s.pad, y - s.font * 0.62),
            s.font,
            c.text,
            Anchor::Start,
            false,
        )?;
        laid.push(r);
    }

    pen.line(&[(plot.x0, plot.y1), (plot.x1, plot.y1)], c.axis, 1.0)?;
    let bounds = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: p.width,
        y1: p.height,
    };
    let y = plot.y1 + 8.0;
    for tick in &ticks {
        let x = time.x(tick.days);
        pen.line(&[(x, plot.y1), (x, plot.y1 + 4.0)], c.axis, 1.0)?;
        let text = names[tick.label].as_str();
        let r = text_rect(text, (x, y), s.small, Anchor::Middle, false);
        let x = x - (r.x1 - bounds.x1).max(0.0) + (bounds.x0 - r.x0).max(0.0);
        pen.text(text, (x, y), s.small, c.muted, Anchor::Middle, false)?;
    }
    // Centred under the rows, moved in where that would cut it off.
    for (i, text) in p.axis_title.iter().enumerate() {
        let half = text_width(text, s.small) / 2.0;
        let x = ((plot.x0 + plot.x1) / 2.0)
            .min(bounds.x1 - s.pad - half)
            .max(s.pad + half);
        let y = p.axis_title_y + s.small * 1.25 * i as f64;
        pen.text(text, (x, y), s.small, c.muted, Anchor::Middle, false)?;
    }
    for (i, text) in p.footnote.iter().enumerate() {
        let y = p.footnote_y + s.small * 1.25 * i as f64;
        pen.text(text, (s.pad, y), s.small, c.muted, Anchor::Start, false)?;
    }

    Ok(Layout {
        bounds,
        plot,
        time,
        rows: laid,
        texts: pen.texts,
    })
}

/// The model's p10..p90 from `x0` to `x1`: a translucent bar with an outline.
fn bar<DB: DrawingBackend>(
    pen: &Pen<DB>,
    c: &Palette,
    x0: f64,
    x1: f64,
    y: f64,
) -> DrawResult<(), DB> {
    let r = Rect {
        x0,
        y0: y - 5.0,
        x1: x1.max(x0 + 1.0),
        y1: y + 5.0,
    };
    pen.rect(r, c.bar, Palette::BAR_ALPHA)?;
    let outline = [
        (r.x0, r.y0),
        (r.x1, r.y0),
        (r.x1, r.y1),
        (r.x0, r.y1),
        (r.x0, r.y0),
    ];
    pen.line(&outline, c.median, 1.0)
}

/// The model's median: a vertical tick reaching `half` above and below the row's centre.
fn median<DB: DrawingBackend>(
    pen: &Pen<DB>,
    c: &Palette,
    x: f64,
    y: f64,
    half: f64,
) -> DrawResult<(), DB> {
    pen.line(&[(x, y - half), (x, y + half)], c.median, 2.5)
}

/// The reported duration: a diamond on a ring of background, so a tick beneath it doesn't cut
/// it.
fn diamond<DB: DrawingBackend>(pen: &Pen<DB>, c: &Palette, x: f64, y: f64) -> DrawResult<(), DB> {
    let shape = |r: f64| [(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    pen.polygon(&shape(7.5), c.background, 1.0)?;
    pen.polygon(&shape(6.0), c.reported, 1.0)
}

/// Renders the figure to an SVG document.
pub fn to_svg(rows: &[Row], options: &Options) -> Result<(String, Layout), String> {
    super::svg_document(pixel_size(rows, options), |root| draw(root, rows, options))
}

/// A duration in words, rounded as a reader would say it: "45 minutes", "2.4 hours", "12 days",
/// "7 weeks", "10 months", "1.5 years".
pub fn duration_words(days: f64) -> String {
    let (value, decimals, unit) = if days * 1440.0 < 59.5 {
        (days * 1440.0, 0, "minute")
    } else if days * 24.0 < 9.95 {
        (days * 24.0, 1, "hour")
    } else if days * 24.0 < 23.5 {
        (days * 24.0, 0, "hour")
    } else if days < 13.5 {
        (days, 0, "day")
    } else if days < 87.5 {
        (days / 7.0, 0, "week")
    } else if days < 547.0 {
        (days / 30.4375, 0, "month")
    } else {
        (days / 365.25, 1, "year")
    };
    let n = Num::new(value, decimals).to_string();
    let plural = if n == "1" { "" } else { "s" };
    format!("{n} {unit}{plural}")
}

/// The figure in words, for an image's `alt`: each study's reported duration against the model's
/// range, and how many lie inside. Plain text with no quotes, `<` or `&`, safe in an attribute.
pub fn alt_text(rows: &[Row]) -> String {
    let inside = rows.iter().filter(|r| r.inside()).count();
    let mut out = format!(
        "How long relief lasted in each of {} duration studies, against the model's range for \
         8 in 10 simulated people given the study's regimen. ",
        rows.len()
    );
    for r in rows {
        let m = &r.model;
        out.push_str(&format!(
            "{}: reported {}; model {} to {}, typical {}; {}{}. ",
            r.id,
            duration_words(r.reported_days),
            duration_words(m.p10),
            duration_words(m.p90),
            duration_words(m.p50),
            if r.inside() { "inside" } else { "outside" },
            if r.regimen_stated {
                ""
            } else {
                " (regimen not stated, assumed)"
            },
        ));
    }
    if inside == rows.len() {
        out.push_str(&format!(
            "All {inside} reported durations lie inside the model's range."
        ));
    } else {
        out.push_str(&format!(
            "{inside} of {} reported durations lie inside the model's range.",
            rows.len()
        ));
    }
    out
}
