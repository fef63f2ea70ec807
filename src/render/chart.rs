//! The phase-timeline chart: layout, then layers drawn back to front.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::axis::{choose_ticks, Tick, TimeScale};
use super::labels::Labels;
use super::paint::{
    bold_width, text_rect, text_width, wrap, Anchor, DrawResult, Pen, Rect, TextBox, DASHES, DOTS,
};
use super::theme::{Theme, ThemeKind};
use crate::estimator::{Dose, Phase, ReliefCurve, Timeline};

/// How to draw: size in CSS pixels, device pixel ratio, theme and words.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Device pixels per CSS pixel; the backend must be `width * scale` pixels wide.
    pub scale: f64,
    /// Light or dark.
    pub theme: ThemeKind,
    /// The words drawn.
    pub labels: Labels,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 720.0,
            height: 400.0,
            scale: 1.0,
            theme: ThemeKind::Light,
            labels: Labels::default(),
        }
    }
}

/// Where things landed: enough to map pixels back to data and to check the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The whole chart, CSS pixels.
    pub bounds: Rect,
    /// The plot area, CSS pixels.
    pub plot: Rect,
    /// The time axis over the plot area.
    pub time: TimeScale,
    /// Every text drawn.
    pub texts: Vec<TextBox>,
}

impl Layout {
    /// The y pixel of a relief percentage.
    pub fn y(&self, relief_percent: f64) -> f64 {
        let t = relief_percent.clamp(0.0, 100.0) / 100.0;
        self.plot.y1 - t * (self.plot.y1 - self.plot.y0)
    }
}

/// Draws `timeline` onto `root`, filling it. Returns the layout for probing.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    options: &ChartOptions,
) -> DrawResult<Layout, DB> {
    draw_compared(root, timeline, None, options)
}

/// Draws `timeline` onto `root` like [`draw`] and, with `other` (another plan's timeline and its
/// name, "" for none), that plan over it on its time axis (clipped at its horizon): a dashed
/// median, a dotted band and hollow doses in the compare colour, its own legend entry. The
/// phases shaded and labelled are `timeline`'s.
pub fn draw_compared<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    other: Option<(&Timeline, &str)>,
    options: &ChartOptions,
) -> DrawResult<Layout, DB> {
    let theme = Theme::of(options.theme);
    let labels = &options.labels;
    let (w, h) = (options.width.max(1.0), options.height.max(1.0));
    let compact = w < 480.0;
    let font = if compact { 11.0 } else { 13.0 };
    let small = font - 1.0;
    let pad = if compact { 6.0 } else { 12.0 };
    let mut pen = Pen::new(root, options.scale, theme.background);
    pen.clear()?;

    // Legend rows at the top.
    let has_boosters = timeline.doses.iter().any(|d| d.booster);
    let compared = other.map(|(_, name)| labels.compared_entry(name));
    let items = legend_items(labels, has_boosters, compared.as_deref());
    let legend_bottom = draw_legend(&mut pen, &theme, &items, w, pad, small)?;

    // The footnote at the bottom, in as many lines as it takes (long in some languages).
    let footnote = wrap(labels.footnote.as_str(), small, w - 2.0 * pad);
    let line = small * 1.25;

    // Plot area, above the time axis and the footnote.
    let axis_w = text_width(&labels.percent_of(100.0), small) + 6.0;
    let title_y = legend_bottom + 4.0;
    let plot = Rect {
        x0: pad + axis_w,
        y0: title_y + small * 2.0 + 4.0,
        x1: w - pad - text_width(&labels.ticks[10], small) / 2.0,
        y1: h - pad - line * (1 + footnote.len()) as f64 - 10.0,
    };
    let time = TimeScale::new(timeline.horizon_days, plot.x0, plot.x1);
    let mut layout = Layout {
        bounds: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: w,
            y1: h,
        },
        plot,
        time,
        texts: vec![],
    };
    pen.text(
        labels.relief_axis.as_str(),
        (pad, title_y),
        small,
        theme.text,
        Anchor::Start,
        true,
    )?;

    let tick_widths: Vec<f64> = labels.ticks.iter().map(|t| text_width(t, small)).collect();
    let ticks = choose_ticks(&layout.time, &tick_widths, 8.0);
    draw_grid(&mut pen, &theme, &layout, labels, &ticks, small)?;
    let phase_list = [
        &timeline.phases.acute,
        &timeline.phases.sub_acute,
        &timeline.phases.chronic,
    ];
    for (i, phase) in phase_list.iter().enumerate() {
        shade_phase(&pen, &layout, phase, theme.phases[i])?;
    }
    draw_side_effects(&pen, &theme, &layout, timeline)?;
    draw_relief(&pen, &theme, &layout, timeline)?;
    if let Some((b, _)) = other {
        draw_other_relief(&pen, &theme, &layout, &b.relief)?;
    }
    draw_threshold(&mut pen, &theme, &layout, labels, small)?;
    draw_phase_labels(&mut pen, &theme, &layout, labels, &phase_list, font, small)?;
    draw_doses(&pen, theme.dose, &layout, &timeline.doses, false)?;
    if let Some((b, _)) = other {
        draw_doses(&pen, theme.compare, &layout, &b.doses, true)?;
    }
    draw_time_axis(&mut pen, &theme, &layout, labels, &ticks, small)?;
    for (i, text) in footnote.iter().enumerate() {
        let y = h - pad - line * (footnote.len() - i) as f64;
        pen.text(text, (pad, y), small, theme.muted, Anchor::Start, false)?;
    }

    layout.texts = pen.texts;
    Ok(layout)
}

/// The legend's entries: the median (comparing, this plan's, then the other's entry
/// `compared`), the band, doses, boosters when there are any, side effects.
fn legend_items<'a>(
    labels: &'a Labels,
    boosters: bool,
    compared: Option<&'a str>,
) -> Vec<(&'a str, Swatch)> {
    let mut items = match compared {
        None => vec![(labels.median.as_str(), Swatch::Line)],
        Some(entry) => vec![
            (labels.this_plan.as_str(), Swatch::Line),
            (entry, Swatch::Dashed),
        ],
    };
    items.push((&labels.band, Swatch::Band));
    items.push((&labels.dose, Swatch::Dose));
    if boosters {
        items.push((&labels.booster, Swatch::Booster));
    }
    items.push((&labels.side_effects, Swatch::SideEffect));
    items
}

/// The legend in rows at the top, an entry wider than the chart in lines. Returns its bottom.
fn draw_legend<DB: DrawingBackend>(
    pen: &mut Pen<DB>,
    theme: &Theme,
    items: &[(&str, Swatch)],
    w: f64,
    pad: f64,
    size: f64,
) -> DrawResult<f64, DB> {
    let line = size * 1.25;
    let (mut x, mut y, mut row_h) = (pad, pad, line + 4.0);
    for (text, swatch) in items {
        let lines = wrap(text, size, w - 2.0 * pad - 22.0);
        let item_w = 22.0
            + lines
                .iter()
                .map(|l| text_width(l, size))
                .fold(0.0, f64::max);
        if x + item_w > w - pad && x > pad {
            x = pad;
            y += row_h;
            row_h = line + 4.0;
        }
        let mid = y + size * 0.65;
        match swatch {
            Swatch::Line => pen.line(&[(x, mid), (x + 18.0, mid)], theme.median, 2.5)?,
            Swatch::Dashed => {
                pen.dashed(&[(x, mid), (x + 18.0, mid)], theme.compare, 2.5, DASHES)?
            }
            Swatch::Band => pen.rect(
                Rect {
                    x0: x,
                    y0: mid - 5.0,
                    x1: x + 18.0,
                    y1: mid + 5.0,
                },
                theme.band,
                0.3,
            )?,
            Swatch::Dose => dose_marker(pen, theme.dose, x + 9.0, mid + 5.0, false, false)?,
            Swatch::Booster => dose_marker(pen, theme.dose, x + 9.0, mid + 5.0, true, false)?,
            Swatch::SideEffect => pen.rect(
                Rect {
                    x0: x,
                    y0: mid - 2.0,
                    x1: x + 18.0,
                    y1: mid + 2.0,
                },
                theme.side_effect,
                1.0,
            )?,
        }
        for (i, l) in lines.iter().enumerate() {
            let at = (x + 22.0, y + i as f64 * line);
            pen.text(l, at, size, theme.text, Anchor::Start, false)?;
        }
        row_h = row_h.max(lines.len() as f64 * line + 4.0);
        x += item_w + 14.0;
    }
    Ok(y + row_h)
}

enum Swatch {
    Line,
    Dashed,
    Band,
    Dose,
    Booster,
    SideEffect,
}

fn draw_grid<DB: DrawingBackend>(
    pen: &mut Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    labels: &Labels,
    ticks: &[Tick],
    size: f64,
) -> DrawResult<(), DB> {
    let p = layout.plot;
    for tick in ticks {
        let x = layout.time.x(tick.days);
        pen.line(&[(x, p.y0), (x, p.y1)], theme.grid, 1.0)?;
    }
    for pct in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = layout.y(pct);
        let color = if pct == 0.0 { theme.axis } else { theme.grid };
        pen.line(&[(p.x0, y), (p.x1, y)], color, 1.0)?;
        let label = labels.percent_of(pct);
        pen.text(
            &label,
            (p.x0 - 5.0, y - size * 0.62),
            size,
            theme.muted,
            Anchor::End,
            false,
        )?;
    }
    Ok(())
}

/// Shades a phase: full strength where it is near certain to be under way, fading over the
/// uncertain start (low..high) and end (low..high), scaled by the chance of reaching it.
fn shade_phase<DB: DrawingBackend>(
    pen: &Pen<DB>,
    layout: &Layout,
    phase: &Phase,
    color: RGBColor,
) -> DrawResult<(), DB> {
    if phase.probability <= 0.0 {
        return Ok(());
    }
    let t = &layout.time;
    let (s_lo, s_hi) = (t.x(phase.start_days.low), t.x(phase.start_days.high));
    let (e_lo, e_hi) = (t.x(phase.end_days.low), t.x(phase.end_days.high));
    let strength = 0.10 + 0.16 * phase.probability.clamp(0.0, 1.0);
    let ramp = |x: f64, a: f64, b: f64| {
        if b - a < 0.5 {
            f64::from(u8::from(x >= a))
        } else {
            ((x - a) / (b - a)).clamp(0.0, 1.0)
        }
    };
    // One step per 4 CSS px, on whole pixels so that neighbours neither overlap nor gap; a run
    // of steps with the same alpha (the flat middle) is one rectangle, which paints the same
    // pixels with far fewer canvas calls. Alpha is rounded to 1/128 (at most 2 of 255 colour
    // levels between neighbours, below what shows), so a wide fade is fewer, wider runs.
    let (x_start, x_end) = (s_lo.floor(), e_hi.max(s_lo).ceil());
    let band = |x0: f64, x1: f64, alpha: f64| {
        if alpha > 0.005 {
            pen.rect(
                Rect {
                    x0,
                    y0: layout.plot.y0,
                    x1,
                    y1: layout.plot.y1,
                },
                color,
                alpha,
            )
        } else {
            Ok(())
        }
    };
    let (mut run_start, mut run_alpha) = (x_start, f64::NAN);
    let mut a = x_start;
    while a < x_end {
        let b = (a + 4.0).min(x_end);
        let mid = (a + b) / 2.0;
        let alpha = (strength * ramp(mid, s_lo, s_hi) * (1.0 - ramp(mid, e_lo, e_hi)) * 128.0)
            .round()
            / 128.0;
        if alpha != run_alpha {
            band(run_start, a, run_alpha)?;
            (run_start, run_alpha) = (a, alpha);
        }
        a = b;
    }
    band(run_start, a, run_alpha)
}

/// Pixel points of a curve's `values` at its `days`.
fn points(layout: &Layout, days: &[f64], values: &[f64]) -> Vec<(f64, f64)> {
    days.iter()
        .zip(values)
        .map(|(&d, &v)| (layout.time.x(d), layout.y(v)))
        .collect()
}

/// The band between a curve's p10 and p90, as a polygon.
fn band(layout: &Layout, r: &ReliefCurve) -> Vec<(f64, f64)> {
    let mut band = points(layout, &r.days, &r.p90);
    band.extend(points(layout, &r.days, &r.p10).into_iter().rev());
    band
}

fn draw_relief<DB: DrawingBackend>(
    pen: &Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    timeline: &Timeline,
) -> DrawResult<(), DB> {
    let r = &timeline.relief;
    pen.polygon(&band(layout, r), theme.band, 0.28)?;
    pen.line(&points(layout, &r.days, &r.p50), theme.median, 2.5)
}

/// Another plan's relief over this one's, up to this one's horizon: a light band with dotted
/// edges (readable where it crosses this plan's band) and a dashed median.
fn draw_other_relief<DB: DrawingBackend>(
    pen: &Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    curve: &ReliefCurve,
) -> DrawResult<(), DB> {
    let r = clipped(curve, layout.time.horizon());
    let c = theme.compare;
    pen.polygon(&band(layout, &r), c, 0.12)?;
    for edge in [&r.p10, &r.p90] {
        pen.dashed(&points(layout, &r.days, edge), c, 1.0, DOTS)?;
    }
    pen.dashed(&points(layout, &r.days, &r.p50), c, 2.5, DASHES)
}

/// A curve's samples up to `horizon`, and the curve at `horizon` if it goes on beyond it.
fn clipped(curve: &ReliefCurve, horizon: f64) -> ReliefCurve {
    // (The axis's horizon comes back through a logarithm: a sample at it may be a hair beyond.)
    let limit = horizon * (1.0 + 1e-9);
    let n = curve.days.partition_point(|&d| d <= limit);
    let mut r = ReliefCurve {
        days: curve.days[..n].to_vec(),
        p10: curve.p10[..n].to_vec(),
        p50: curve.p50[..n].to_vec(),
        p90: curve.p90[..n].to_vec(),
    };
    if n < curve.days.len() {
        let at = curve.at(horizon);
        r.days.push(horizon);
        r.p10.push(at.p10);
        r.p50.push(at.p50);
        r.p90.push(at.p90);
    }
    r
}

fn draw_threshold<DB: DrawingBackend>(
    pen: &mut Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    labels: &Labels,
    size: f64,
) -> DrawResult<(), DB> {
    let p = layout.plot;
    let y = layout.y(30.0);
    pen.dashed(&[(p.x0, y), (p.x1, y)], theme.axis, 1.5, DASHES)?;
    pen.halo_text(
        labels.threshold.as_str(),
        (p.x1 - 2.0, y - size * 1.25 - 2.0),
        size,
        theme.text,
        Anchor::End,
        false,
    )?;
    Ok(())
}

fn draw_phase_labels<DB: DrawingBackend>(
    pen: &mut Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    labels: &Labels,
    phases: &[&Phase; 3],
    font: f64,
    small: f64,
) -> DrawResult<(), DB> {
    let p = layout.plot;
    let mut taken: Vec<Rect> = pen.texts.iter().map(|t| t.rect).collect();
    for (i, phase) in phases.iter().enumerate() {
        if phase.probability <= 0.0 {
            continue;
        }
        let t = &layout.time;
        let (a, b) = (
            t.x(phase.start_days.typical),
            t.x(phase.end_days.typical)
                .max(t.x(phase.start_days.typical)),
        );
        let name = labels.phases[i].as_str();
        let chance = labels.chance_of(phase.probability);
        let w = bold_width(name, font).max(chance.as_deref().map_or(0.0, |c| text_width(c, small)));
        // Not `clamp`: it panics when a label is wider than the plot (min > max).
        let x = ((a + b) / 2.0)
            .max(p.x0 + w / 2.0 + 2.0)
            .min(p.x1 - w / 2.0 - 2.0);
        // First free row from the top of the plot.
        let mut y = p.y0 + 4.0;
        let block_h = font * 1.25 + chance.as_ref().map_or(0.0, |_| small * 1.25);
        while y + block_h < p.y1 {
            let block = Rect {
                x0: x - w / 2.0 - 6.0,
                y0: y,
                x1: x + w / 2.0 + 6.0,
                y1: y + block_h,
            };
            if taken.iter().all(|r| !r.overlaps(&block)) {
                break;
            }
            y += 4.0;
        }
        if y + block_h >= p.y1 {
            continue;
        }
        taken.push(pen.halo_text(
            name,
            (x, y),
            font,
            theme.phase_text[i],
            Anchor::Middle,
            true,
        )?);
        if let Some(c) = chance {
            taken.push(pen.halo_text(
                &c,
                (x, y + font * 1.25),
                small,
                theme.phase_text[i],
                Anchor::Middle,
                false,
            )?);
        }
    }
    Ok(())
}

/// A dose's marker, its bottom at `base`: a triangle, a diamond for a booster; filled, or
/// outlined when `hollow` (a compared plan's).
fn dose_marker<DB: DrawingBackend>(
    pen: &Pen<DB>,
    color: RGBColor,
    x: f64,
    base: f64,
    booster: bool,
    hollow: bool,
) -> DrawResult<(), DB> {
    let mut shape = if booster {
        vec![
            (x, base - 10.0),
            (x + 4.5, base - 5.0),
            (x, base),
            (x - 4.5, base - 5.0),
        ]
    } else {
        vec![(x, base - 9.0), (x + 5.0, base), (x - 5.0, base)]
    };
    if hollow {
        shape.push(shape[0]);
        pen.line(&shape, color, 1.5)
    } else {
        pen.polygon(&shape, color, 1.0)
    }
}

/// The markers of `doses` on the axis (those closer than 3 px to the last drawn left out).
fn draw_doses<DB: DrawingBackend>(
    pen: &Pen<DB>,
    color: RGBColor,
    layout: &Layout,
    doses: &[Dose],
    hollow: bool,
) -> DrawResult<(), DB> {
    let mut last_x = f64::NEG_INFINITY;
    for dose in doses {
        let x = layout.time.x(dose.start_days);
        if x - last_x < 3.0 || dose.start_days > layout.time.horizon() {
            continue;
        }
        last_x = x;
        dose_marker(pen, color, x, layout.plot.y1 - 1.0, dose.booster, hollow)?;
    }
    Ok(())
}

fn draw_side_effects<DB: DrawingBackend>(
    pen: &Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    timeline: &Timeline,
) -> DrawResult<(), DB> {
    let y1 = layout.plot.y1 + 5.0;
    for w in &timeline.side_effect_windows {
        let (a, b) = (layout.time.x(w.start_days), layout.time.x(w.end_days));
        pen.rect(
            Rect {
                x0: a,
                y0: y1 - 3.5,
                x1: b.max(a + 2.0),
                y1,
            },
            theme.side_effect,
            1.0,
        )?;
    }
    Ok(())
}

fn draw_time_axis<DB: DrawingBackend>(
    pen: &mut Pen<DB>,
    theme: &Theme,
    layout: &Layout,
    labels: &Labels,
    ticks: &[Tick],
    size: f64,
) -> DrawResult<(), DB> {
    let p = layout.plot;
    let y = p.y1 + 8.0;
    for tick in ticks {
        let x = layout.time.x(tick.days);
        pen.line(&[(x, p.y1), (x, p.y1 + 4.0)], theme.axis, 1.0)?;
        let text = labels.ticks[tick.label].as_str();
        let r = text_rect(text, (x, y), size, Anchor::Middle, false);
        let x = x - (r.x1 - layout.bounds.x1).max(0.0) + (layout.bounds.x0 - r.x0).max(0.0);
        pen.text(text, (x, y), size, theme.muted, Anchor::Middle, false)?;
    }
    Ok(())
}
