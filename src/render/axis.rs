//! The logarithmic time axis: from the first minutes to the horizon, ticked in human units.

/// One candidate tick: where (days) and how it reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    /// Position in days.
    pub days: f64,
    /// Index into the tick names, [`Labels::ticks`](super::Labels::ticks) (`10 min`, `1 h`, ...).
    pub label: usize,
    /// Lower is more important: kept first when space is short.
    pub rank: u8,
}

const MINUTE: f64 = 1.0 / 1440.0;

/// The candidate ticks, in time order: 10 min, 1 h, 6 h, 1 d, 1 wk, 1 mo, 3 mo, 6 mo, 1 yr, 2 yr,
/// 3 yr. `label` indexes the matching entry of the localised tick names.
pub const TICKS: [Tick; 11] = [
    Tick {
        days: 10.0 * MINUTE,
        label: 0,
        rank: 2,
    },
    Tick {
        days: 1.0 / 24.0,
        label: 1,
        rank: 0,
    },
    Tick {
        days: 0.25,
        label: 2,
        rank: 3,
    },
    Tick {
        days: 1.0,
        label: 3,
        rank: 0,
    },
    Tick {
        days: 7.0,
        label: 4,
        rank: 1,
    },
    Tick {
        days: 30.4375,
        label: 5,
        rank: 0,
    },
    Tick {
        days: 91.3125,
        label: 6,
        rank: 2,
    },
    Tick {
        days: 182.625,
        label: 7,
        rank: 1,
    },
    Tick {
        days: 365.25,
        label: 8,
        rank: 0,
    },
    Tick {
        days: 730.5,
        label: 9,
        rank: 1,
    },
    Tick {
        days: 1095.75,
        label: 10,
        rank: 2,
    },
];

/// Where the time axis starts: five minutes after the first dose begins.
pub const START_DAYS: f64 = 5.0 * MINUTE;

/// The times of the ticks a timeline to `horizon_days` can show, in order: where the chart's
/// tables read the curve, so that they name the same times as its axis.
pub fn tick_days(horizon_days: f64) -> impl Iterator<Item = f64> {
    TICKS
        .iter()
        .map(|t| t.days)
        .filter(move |&d| d >= START_DAYS && d <= horizon_days * 1.01)
}

/// A log-time scale mapping days to a pixel span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    lo: f64,
    hi: f64,
    x0: f64,
    x1: f64,
}

impl TimeScale {
    /// A scale from [`START_DAYS`] to `horizon_days` over pixels `x0..x1`.
    pub fn new(horizon_days: f64, x0: f64, x1: f64) -> TimeScale {
        let hi = horizon_days.max(START_DAYS * 10.0);
        TimeScale {
            lo: START_DAYS.ln(),
            hi: hi.ln(),
            x0,
            x1,
        }
    }

    /// Pixel position of a time (clamped to the axis).
    pub fn x(&self, days: f64) -> f64 {
        let t = (days.max(START_DAYS).ln() - self.lo) / (self.hi - self.lo);
        self.x0 + t.clamp(0.0, 1.0) * (self.x1 - self.x0)
    }

    /// Time at a pixel position (clamped to the axis).
    pub fn days(&self, x: f64) -> f64 {
        let t = ((x - self.x0) / (self.x1 - self.x0)).clamp(0.0, 1.0);
        (self.lo + t * (self.hi - self.lo)).exp()
    }

    /// The last day on the axis.
    pub fn horizon(&self) -> f64 {
        self.hi.exp()
    }
}

/// Chooses which ticks to label: those inside the axis, most important first, skipping any whose
/// label (of the given widths, in pixels) would come closer than `gap` to one already kept.
/// Returns the kept ticks in time order.
pub fn choose_ticks(scale: &TimeScale, widths: &[f64], gap: f64) -> Vec<Tick> {
    let mut inside: Vec<Tick> = TICKS
        .iter()
        .copied()
        .filter(|t| t.days >= START_DAYS && t.days <= scale.horizon() * 1.01)
        .collect();
    crate::sort::sort_by(&mut inside, |a, b| (a.rank, a.label) < (b.rank, b.label));
    let span = |t: &Tick| {
        let w = widths.get(t.label).copied().unwrap_or(0.0);
        let x = scale.x(t.days);
        (x - w / 2.0, x + w / 2.0)
    };
    let mut kept: Vec<Tick> = Vec::new();
    for t in inside {
        let (a, b) = span(&t);
        let clear = kept.iter().all(|k| {
            let (ka, kb) = span(k);
            b + gap <= ka || kb + gap <= a
        });
        if clear {
            kept.push(t);
        }
    }
    crate::sort::sort_by(&mut kept, |a, b| a.days < b.days);
    kept
}
