//! The three phases across the population: who reaches each, when it starts and ends, and how
//! much relief it brings.
//!
//! Bands are percentiles among the people who reach the phase *within the horizon*. Because
//! different people reach different phases, a later phase's start percentile could fall below an
//! earlier phase's; starts are therefore raised to at least the previous phase's (and ends to at
//! least their start). A phase nobody reaches has probability 0, start and end equal to the
//! previous phase's start (0 for the acute phase) and relief 0, so bands stay finite and ordered.

use super::population::SIZE;
use super::response::{Outcome, Span};
use super::stats::percentiles;
use super::timeline::{Band, Paths, Percentiles, Phase, PhaseKind, Phases};

fn band(p: Percentiles) -> Band {
    Band {
        low: p.p10,
        typical: p.p50,
        high: p.p90,
    }
}

fn at_least(b: Band, floor: Band) -> Band {
    Band {
        low: b.low.max(floor.low),
        typical: b.typical.max(floor.typical),
        high: b.high.max(floor.high),
    }
}

/// The phase `pick` gives each person, among those who reach it within the horizon.
fn phase(
    kind: PhaseKind,
    outcomes: &[Outcome],
    pick: fn(&Outcome) -> Option<Span>,
    horizon: f64,
    floor: Band,
) -> Phase {
    let (mut start, mut end, mut relief) = ([0.0; SIZE], [0.0; SIZE], [0.0; SIZE]);
    let mut n = 0;
    let spans = outcomes
        .iter()
        .filter_map(pick)
        .filter(|s| s.start < horizon);
    for (i, s) in spans.take(SIZE).enumerate() {
        start[i] = s.start.min(horizon);
        end[i] = s.end.min(horizon);
        relief[i] = s.relief.clamp(0.0, 100.0);
        n = i + 1;
    }
    if n == 0 {
        let zero = Band {
            low: 0.0,
            typical: 0.0,
            high: 0.0,
        };
        return Phase {
            kind,
            probability: 0.0,
            start_days: floor,
            end_days: floor,
            relief_percent: zero,
        };
    }
    let start_days = at_least(band(percentiles(&mut start[..n])), floor);
    let end_days = at_least(band(percentiles(&mut end[..n])), start_days);
    Phase {
        kind,
        probability: n as f64 / SIZE as f64,
        start_days,
        end_days,
        relief_percent: band(percentiles(&mut relief[..n])),
    }
}

/// Summarises the people's outcomes into the three phases.
#[inline(never)]
pub(crate) fn phases(outcomes: &[Outcome], horizon: f64) -> Phases {
    let zero = Band {
        low: 0.0,
        typical: 0.0,
        high: 0.0,
    };
    let acute = phase(PhaseKind::Acute, outcomes, |o| o.acute, horizon, zero);
    let sub_acute = phase(
        PhaseKind::SubAcute,
        outcomes,
        |o| o.sub_acute,
        horizon,
        acute.start_days,
    );
    let chronic = phase(
        PhaseKind::Chronic,
        outcomes,
        |o| o.chronic,
        horizon,
        sub_acute.start_days,
    );
    Phases {
        acute,
        sub_acute,
        chronic,
    }
}

/// The share of people on each path, counting a phase as reached when it starts within the
/// horizon (as [`phases`] does). Counts over a power-of-two population, so the shares sum to
/// exactly 1.
#[inline(never)]
pub(crate) fn paths(outcomes: &[Outcome], horizon: f64) -> Paths {
    let reached = |s: Option<Span>| s.is_some_and(|s| s.start < horizon);
    let mut counts = [0_u32; 8];
    for o in outcomes {
        let bits = usize::from(reached(o.acute))
            | usize::from(reached(o.sub_acute)) << 1
            | usize::from(reached(o.chronic)) << 2;
        counts[bits] += 1;
    }
    let n = outcomes.len().max(1) as f64;
    let share = |bits: usize| f64::from(counts[bits]) / n;
    Paths {
        none: share(0b000),
        acute_only: share(0b001),
        acute_sub_acute: share(0b011),
        acute_chronic: share(0b101),
        all: share(0b111),
        sub_acute_only: share(0b010),
        sub_acute_chronic: share(0b110),
        chronic_only: share(0b100),
    }
}
