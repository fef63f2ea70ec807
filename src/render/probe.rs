//! From a pixel back to data: what the chart shows at a horizontal position.

use serde::Serialize;

use super::chart::Layout;
use super::paint::Rect;
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
    /// The plot area it was read on, CSS pixels (for a cursor across it).
    pub plot: Rect,
}

/// The relief at the time under `x` (CSS pixels), or `None` when `x` is outside the plot area.
/// Read with [`ReliefCurve::at`](crate::estimator::ReliefCurve::at), as the curve is drawn.
pub fn probe(layout: &Layout, timeline: &Timeline, x: f64) -> Option<Reading> {
    if !(x >= layout.plot.x0 && x <= layout.plot.x1) || timeline.relief.days.is_empty() {
        return None;
    }
    let days = layout.time.days(x);
    let at = timeline.relief.at(days);
    Some(Reading {
        days,
        x,
        p10: at.p10,
        p50: at.p50,
        p90: at.p90,
        plot: layout.plot,
    })
}
