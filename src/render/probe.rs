//! From a pixel back to data: what the chart shows at a horizontal position.

use serde::Serialize;

use super::chart::Layout;
use crate::estimator::Timeline;

/// What the chart shows at one time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    /// The time, days from the start of the first session.
    pub days: f64,
    /// The x position (CSS pixels) of that time.
    pub x: f64,
    /// 10th percentile of relief, percent.
    pub p10: f64,
    /// Median relief, percent.
    pub p50: f64,
    /// 90th percentile of relief, percent.
    pub p90: f64,
}

/// The relief at the time under `x` (CSS pixels), or `None` when `x` is outside the plot area.
/// Relief is interpolated linearly in log-time, as the curve is drawn.
pub fn probe(layout: &Layout, timeline: &Timeline, x: f64) -> Option<Reading> {
    if !(x >= layout.plot.x0 && x <= layout.plot.x1) {
        return None;
    }
    let days = layout.time.days(x);
    let r = &timeline.relief;
    let i = r.days.partition_point(|&d| d < days);
    let (p10, p50, p90) = if i == 0 || i >= r.days.len() {
        let j = i.min(r.days.len().checked_sub(1)?);
        (r.p10[j], r.p50[j], r.p90[j])
    } else {
        let (a, b) = (r.days[i - 1], r.days[i]);
        let t = if b > a {
            (days.ln() - a.max(1e-9).ln()) / (b.ln() - a.max(1e-9).ln())
        } else {
            0.0
        };
        let lerp = |v: &[f64]| v[i - 1] + (v[i] - v[i - 1]) * t.clamp(0.0, 1.0);
        (lerp(&r.p10), lerp(&r.p50), lerp(&r.p90))
    };
    Some(Reading {
        days,
        x,
        p10,
        p50,
        p90,
    })
}
