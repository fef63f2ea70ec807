//! The icon array: what happens to 100 people like this. One small figure per person (a head and a
//! body), grouped by their path through the phases in reading order, with a legend that names
//! each path present and its count ("23 in 100: acute only").
//!
//! Not colour alone: a figure's body has three stacked parts, acute at the top, sub-acute in the
//! middle, chronic at the bottom, each filled in its phase's colour when the path reaches that
//! phase and left empty (outlined) when it does not, so every path has its own pattern; the head
//! takes the colour of the last phase reached. No meaningful relief is a solid neutral grey
//! figure. Outlines and the grey have at least 3:1 against the background.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::chart::ChartOptions;
use super::labels::Labels;
use super::paint::{text_width, wrap, Anchor, DrawResult, Pen, Rect, TextBox};
use super::theme::Theme;
use crate::estimator::{Paths, Timeline};
use crate::template::fill;

/// The paths in the order the array draws and lists them (the names of [`Paths`]' fields in
/// JSON): those with acute relief first, then those without, and no meaningful relief last.
pub const PATH_KEYS: [&str; 8] = [
    "acuteOnly",
    "acuteSubAcute",
    "acuteChronic",
    "all",
    "subAcuteOnly",
    "subAcuteChronic",
    "chronicOnly",
    "none",
];

/// The phases each path reaches (acute, sub-acute, chronic), in the order of [`PATH_KEYS`].
const REACHED: [[bool; 3]; 8] = [
    [true, false, false],
    [true, true, false],
    [true, false, true],
    [true, true, true],
    [false, true, false],
    [false, true, true],
    [false, false, true],
    [false, false, false],
];

/// A regular octagon of radius 1 (a head).
const OCTAGON: [(f64, f64); 8] = {
    const A: f64 = 0.924; // cos 22.5°
    const B: f64 = 0.383; // sin 22.5°
    [
        (A, B),
        (B, A),
        (-B, A),
        (-A, B),
        (-A, -B),
        (-B, -A),
        (B, -A),
        (A, -B),
    ]
};

/// The largest figure cell, CSS pixels: beyond it the array only grows emptier.
const MAX_CELL: f64 = 40.0;

/// The shares of [`Paths`] in the order of [`PATH_KEYS`].
pub fn path_shares(p: &Paths) -> [f64; 8] {
    [
        p.acute_only,
        p.acute_sub_acute,
        p.acute_chronic,
        p.all,
        p.sub_acute_only,
        p.sub_acute_chronic,
        p.chronic_only,
        p.none,
    ]
}

/// [`Paths`] from shares in the order of [`PATH_KEYS`]: the inverse of [`path_shares`].
impl From<[f64; 8]> for Paths {
    fn from(s: [f64; 8]) -> Paths {
        Paths {
            acute_only: s[0],
            acute_sub_acute: s[1],
            acute_chronic: s[2],
            all: s[3],
            sub_acute_only: s[4],
            sub_acute_chronic: s[5],
            chronic_only: s[6],
            none: s[7],
        }
    }
}

/// The people in 100 on each path (order of [`PATH_KEYS`]): the shares times 100, rounded by
/// largest remainder so that they sum to exactly 100 (ties to the earlier path). Shares that are
/// not finite or below 0 count as 0; with nothing left, all 100 have no meaningful relief.
pub fn people_counts(paths: &Paths) -> [u32; 8] {
    let shares = path_shares(paths).map(|s| if s.is_finite() && s > 0.0 { s } else { 0.0 });
    let total: f64 = shares.iter().sum();
    let mut counts = [0u32; 8];
    if !(total > 0.0 && total.is_finite()) {
        counts[7] = 100;
        return counts;
    }
    let exact = shares.map(|s| s / total * 100.0);
    let mut remainders = [0.0; 8];
    for i in 0..8 {
        counts[i] = (exact[i].floor() as u32).min(100);
        remainders[i] = exact[i] - f64::from(counts[i]);
    }
    // Each share lost less than one person to its floor: the rest go one each to the largest
    // remainders (the earlier path of equal ones).
    while counts.iter().sum::<u32>() < 100 {
        let mut best = 0;
        for i in 1..8 {
            if remainders[i] > remainders[best] {
                best = i;
            }
        }
        counts[best] += 1;
        remainders[best] = -1.0;
    }
    counts
}

/// Where the array's parts landed, CSS pixels: for tests.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleLayout {
    /// The whole drawing.
    pub bounds: Rect,
    /// The figures, `columns` by `rows` cells.
    pub grid: Rect,
    /// Figures in a row: 10 or 20.
    pub columns: usize,
    /// Rows of figures: 10 or 5.
    pub rows: usize,
    /// The side of a figure's cell.
    pub cell: f64,
    /// The people in 100 on each path (order of [`PATH_KEYS`]).
    pub counts: [u32; 8],
    /// Every text drawn.
    pub texts: Vec<TextBox>,
}

/// Sizes that follow from the width alone.
struct Metrics {
    pad: f64,
    font: f64,
    line: f64,
    /// A legend figure's cell.
    swatch: f64,
    gap: f64,
}

impl Metrics {
    fn of(width: f64) -> Metrics {
        let compact = width < 480.0;
        let font = if compact { 11.0 } else { 13.0 };
        Metrics {
            pad: if compact { 6.0 } else { 12.0 },
            font,
            line: font * 1.25,
            swatch: (font * 1.6).round(),
            gap: if compact { 10.0 } else { 16.0 },
        }
    }
}

/// One legend entry: the path's index, its lines of text.
struct Entry<'a> {
    path: usize,
    lines: Vec<&'a str>,
}

/// The legend: its entries in rows of `columns`.
struct Legend<'a> {
    entries: Vec<Entry<'a>>,
    columns: usize,
    column_width: f64,
    width: f64,
    height: f64,
}

/// The plan of a drawing: the grid's shape and cells, and the legend beside or below it.
struct Plan<'a> {
    columns: usize,
    rows: usize,
    cell: f64,
    beside: bool,
    legend: Legend<'a>,
}

/// The legend's texts: "23 in 100: acute only" for each path someone takes.
fn entry_texts(labels: &Labels, counts: &[u32; 8]) -> Vec<(usize, String)> {
    let mut texts = Vec::new();
    for (i, &n) in counts.iter().enumerate() {
        if n > 0 {
            let n = n.to_string();
            let values = [("n", n.as_str()), ("path", labels.paths[i].as_str())];
            texts.push((i, fill(&labels.people_count, &values)));
        }
    }
    texts
}

fn entry_height(e: &Entry, m: &Metrics) -> f64 {
    m.swatch.max(e.lines.len() as f64 * m.line) + 4.0
}

/// The legend in `room` pixels of width: as many columns as fit, entries wider than the room
/// wrapped.
fn legend<'a>(texts: &'a [(usize, String)], m: &Metrics, room: f64) -> Legend<'a> {
    let mut entries = Vec::new();
    let mut column_width: f64 = 0.0;
    for (path, text) in texts {
        let lines = wrap(text, m.font, (room - m.swatch - 6.0).max(1.0));
        let mut width: f64 = 0.0;
        for l in &lines {
            width = width.max(m.swatch + 6.0 + text_width(l, m.font));
        }
        column_width = column_width.max(width);
        entries.push(Entry { path: *path, lines });
    }
    let columns =
        (((room + m.gap) / (column_width + m.gap)).floor() as usize).clamp(1, entries.len().max(1));
    let mut height = 0.0;
    for row in entries.chunks(columns) {
        height += row.iter().map(|e| entry_height(e, m)).fold(0.0, f64::max);
    }
    Legend {
        width: columns as f64 * (column_width + m.gap) - m.gap,
        entries,
        columns,
        column_width,
        height,
    }
}

/// The title's lines and the top of what comes under it.
fn title_lines<'a>(labels: &'a Labels, m: &Metrics, w: f64) -> (Vec<&'a str>, f64) {
    let lines = wrap(&labels.people_title, m.font * 1.12, w - 2.0 * m.pad);
    let top = m.pad + lines.len() as f64 * m.line + 6.0;
    (lines, top)
}

/// The best plan for `w` x `h`: the largest figures, with the legend beside the grid (on at most
/// 60% of the width) or below it, in 10 rows of 10 or 5 of 20.
fn plan<'a>(texts: &'a [(usize, String)], m: &Metrics, w: f64, h: f64, top: f64) -> Plan<'a> {
    let inner = (w - 2.0 * m.pad).max(1.0);
    let below_top = h - top - m.pad;
    let make = |beside: bool| {
        let l = legend(texts, m, if beside { inner * 0.6 } else { inner });
        let (area_w, area_h) = if beside {
            (inner - l.width - m.gap, below_top)
        } else {
            (inner, below_top - l.height - m.gap)
        };
        // Beside, the legend must fit the height (below, the grid shrinks instead).
        let fits = !beside || l.height <= below_top;
        let mut plan = Plan {
            columns: 10,
            rows: 10,
            cell: if fits { 0.0 } else { -1.0 },
            beside,
            legend: l,
        };
        for (columns, rows) in [(10usize, 10usize), (20, 5)] {
            let cell = (area_w / columns as f64)
                .min(area_h / rows as f64)
                .min(MAX_CELL);
            if fits && cell > plan.cell {
                (plan.columns, plan.rows, plan.cell) = (columns, rows, cell);
            }
        }
        plan
    };
    let (beside, below) = (make(true), make(false));
    if beside.cell >= below.cell {
        beside
    } else {
        below
    }
}

/// The height, CSS pixels, that the array wants at `width`: about 40% of it and at least 120,
/// more where the legend must go below the grid (a phone) and still leave figures of a readable
/// size, at most 400 (or the height that readable figures need).
pub fn people_height(width: f64, paths: &Paths, labels: &Labels) -> f64 {
    let w = if width.is_finite() {
        width.max(1.0)
    } else {
        1.0
    };
    let m = Metrics::of(w);
    let texts = entry_texts(labels, &people_counts(paths));
    let (_, top) = title_lines(labels, &m, w);
    let readable = (((w - 2.0 * m.pad) / 10.0).min(if w < 480.0 { 16.0 } else { 20.0 })).floor();
    let mut h = (w * 0.4).clamp(120.0, 400.0).round();
    // At most a few dozen steps: the grid's 10 rows and the legend need less than 2000 px.
    while h < 2000.0 && plan(&texts, &m, w, h, top).cell < readable {
        h += 8.0;
    }
    h
}

/// Draws the icon array of `timeline`'s paths onto `root`, filling it (`options.height` is its
/// height; [`people_height`] gives the one it wants).
pub fn draw_people<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    options: &ChartOptions,
) -> DrawResult<PeopleLayout, DB> {
    let theme = Theme::of(options.theme);
    let labels = &options.labels;
    let (w, h) = (options.width.max(1.0), options.height.max(1.0));
    let m = Metrics::of(w);
    let counts = people_counts(&timeline.paths);
    let mut pen = Pen::new(root, options.scale, theme.background);
    pen.clear()?;

    let (title, top) = title_lines(labels, &m, w);
    for (i, line) in title.iter().enumerate() {
        let y = m.pad + i as f64 * m.line;
        pen.text(line, (m.pad, y), m.font, theme.text, Anchor::Start, true)?;
    }

    let texts = entry_texts(labels, &counts);
    let p = plan(&texts, &m, w, h, top);
    let cell = p.cell.max(0.0);
    let grid = Rect {
        x0: m.pad,
        y0: top,
        x1: m.pad + p.columns as f64 * cell,
        y1: top + p.rows as f64 * cell,
    };
    let mut person = 0;
    for (path, &n) in counts.iter().enumerate() {
        for _ in 0..n {
            let (row, column) = (person / p.columns, person % p.columns);
            let at = (grid.x0 + column as f64 * cell, grid.y0 + row as f64 * cell);
            figure(&pen, &theme, path, at, cell)?;
            person += 1;
        }
    }

    // The legend: beside the grid or under it, in rows of its columns.
    let l = &p.legend;
    let (x0, mut y) = if p.beside {
        (grid.x1 + m.gap, top)
    } else {
        (m.pad, grid.y1 + m.gap)
    };
    for row in l.entries.chunks(l.columns) {
        for (k, e) in row.iter().enumerate() {
            let x = x0 + k as f64 * (l.column_width + m.gap);
            let text_h = e.lines.len() as f64 * m.line;
            let block = m.swatch.max(text_h);
            figure(
                &pen,
                &theme,
                e.path,
                (x, y + (block - m.swatch) / 2.0),
                m.swatch,
            )?;
            let text_top = y + (block - text_h) / 2.0;
            for (i, line) in e.lines.iter().enumerate() {
                let at = (x + m.swatch + 6.0, text_top + i as f64 * m.line);
                pen.text(line, at, m.font, theme.text, Anchor::Start, false)?;
            }
        }
        y += row.iter().map(|e| entry_height(e, &m)).fold(0.0, f64::max);
    }

    Ok(PeopleLayout {
        bounds: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: w,
            y1: h,
        },
        grid,
        columns: p.columns,
        rows: p.rows,
        cell,
        counts,
        texts: pen.texts,
    })
}

/// One person on path `path` in the cell of side `c` whose top left is `(x, y)`.
fn figure<DB: DrawingBackend>(
    pen: &Pen<DB>,
    theme: &Theme,
    path: usize,
    (x, y): (f64, f64),
    c: f64,
) -> DrawResult<(), DB> {
    if c < 2.0 {
        return Ok(());
    }
    let reached = REACHED[path];
    let outline = theme.axis;
    let stroke = (c / 24.0).clamp(1.0, 2.0);
    let cx = x + c / 2.0;
    // The head: the colour of the last phase reached, grey for none.
    let last = reached.iter().rposition(|&r| r);
    let head = last.map_or(theme.neutral, |k| theme.phases[k]);
    // (An octagon: no circle in the wasm for it.)
    let (hy, r) = (y + 0.2 * c, 0.15 * c);
    let mut ring: Vec<(f64, f64)> = OCTAGON
        .iter()
        .map(|&(dx, dy)| (cx + r * dx, hy + r * dy))
        .collect();
    pen.polygon(&ring, head, 1.0)?;
    ring.push(ring[0]);
    pen.line(&ring, outline, stroke)?;
    // The body: shoulders and a torso, in three parts of equal height, acute at the top.
    let (top, bottom) = (y + 0.4 * c, y + 0.95 * c);
    // Its half width at the breaks of its outline, from the neck down (fractions of its height).
    const OUTLINE: [(f64, f64); 3] = [(0.0, 0.14), (0.2, 0.27), (1.0, 0.24)];
    let half = |t: f64| {
        let mut w = OUTLINE[0].1;
        for pair in OUTLINE.windows(2) {
            let ((t0, w0), (t1, w1)) = (pair[0], pair[1]);
            if t >= t0 {
                w = w0 + (w1 - w0) * ((t - t0) / (t1 - t0)).min(1.0);
            }
        }
        c * w
    };
    // The outline between heights `a` and `b`: down the right side, up the left.
    let side = |a: f64, b: f64| {
        let mut ts = vec![a];
        ts.extend(OUTLINE.iter().map(|p| p.0).filter(|&t| t > a && t < b));
        ts.push(b);
        let at = |t: f64, sign: f64| (cx + sign * half(t), top + t * (bottom - top));
        let mut points: Vec<(f64, f64)> = ts.iter().map(|&t| at(t, 1.0)).collect();
        points.extend(ts.iter().rev().map(|&t| at(t, -1.0)));
        points
    };
    for (k, &on) in reached.iter().enumerate() {
        let colour: RGBColor = match last {
            None => theme.neutral,
            Some(_) if on => theme.phases[k],
            Some(_) => theme.background,
        };
        pen.polygon(&side(k as f64 / 3.0, (k + 1) as f64 / 3.0), colour, 1.0)?;
    }
    let mut outline_points = side(0.0, 1.0);
    outline_points.push(outline_points[0]);
    pen.line(&outline_points, outline, stroke)?;
    for k in 1..3 {
        let t = k as f64 / 3.0;
        let (yk, hk) = (top + t * (bottom - top), half(t));
        pen.line(&[(cx - hk, yk), (cx + hk, yk)], outline, stroke)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(shares: [f64; 8]) -> Paths {
        Paths::from(shares)
    }

    #[test]
    fn counts_round_by_largest_remainder() {
        let c = people_counts(&paths([0.235, 0.235, 0.53, 0.0, 0.0, 0.0, 0.0, 0.0]));
        // 23.5, 23.5, 53: one person left, to the earlier of the tied remainders.
        assert_eq!(c, [24, 23, 53, 0, 0, 0, 0, 0]);
        let third = 1.0 / 3.0;
        let c = people_counts(&paths([third, third, third, 0.0, 0.0, 0.0, 0.0, 0.0]));
        assert_eq!(c, [34, 33, 33, 0, 0, 0, 0, 0]);
        assert_eq!(people_counts(&paths([0.0; 8]))[7], 100);
        assert_eq!(people_counts(&paths([f64::NAN; 8]))[7], 100);
    }

    #[test]
    fn the_body_patterns_are_all_different() {
        for (i, a) in REACHED.iter().enumerate() {
            for b in &REACHED[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn the_wanted_height_is_at_least_120_and_grows_on_phones() {
        let p = paths([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3]);
        let l = Labels::default();
        assert!(people_height(1.0, &p, &l) >= 120.0);
        assert!(people_height(320.0, &p, &l) > 320.0 * 0.4);
        assert_eq!(people_height(1000.0, &p, &l), 400.0);
        assert!(people_height(f64::NAN, &p, &l) >= 120.0);
    }
}
