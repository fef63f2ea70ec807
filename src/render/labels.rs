//! Every word the chart draws, so that a caller can supply them in any language.

use crate::number::Num;
use crate::template::fill;

/// The chart's words. [`Labels::default`] is English; the web widget passes its own translation
/// (camelCase fields; those left out stay English).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Labels {
    /// Time tick names: 10 min, 1 h, 6 h, 1 d, 1 wk, 1 mo, 3 mo, 6 mo, 1 yr, 2 yr, 3 yr.
    pub ticks: [String; 11],
    /// Y-axis title.
    pub relief_axis: String,
    /// A percentage, with `{n}` for the number: "{n}%" in English, "{n} %" in German.
    pub percent: String,
    /// Phase names: acute, sub-acute, chronic.
    pub phases: [String; 3],
    /// Chance of a phase, with `{k}` and `{n}` for "k in n".
    pub chance: String,
    /// The 30% threshold line.
    pub threshold: String,
    /// Legend: the median curve.
    pub median: String,
    /// Legend: the p10..p90 band.
    pub band: String,
    /// Legend: a dose.
    pub dose: String,
    /// Legend: a booster.
    pub booster: String,
    /// Legend: side-effect windows.
    pub side_effects: String,
    /// The footnote on every chart.
    pub footnote: String,
    /// The icon array's title.
    pub people_title: String,
    /// The paths through the phases, in the order the icon array draws and lists them
    /// ([`PATH_KEYS`](super::PATH_KEYS)): acute only; acute, then sub-acute; acute, then
    /// chronic; all three; sub-acute only; sub-acute, then chronic; chronic only; none.
    pub paths: [String; 8],
    /// A legend entry of the icon array, with `{n}` for the people in 100 and `{path}` for the
    /// path's name.
    pub people_count: String,
}

impl Default for Labels {
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        Labels {
            ticks: [
                "10 min", "1 h", "6 h", "1 d", "1 wk", "1 mo", "3 mo", "6 mo", "1 yr", "2 yr",
                "3 yr",
            ]
            .map(s),
            relief_axis: s("Pain relief"),
            percent: s("{n}%"),
            phases: ["Acute", "Sub-acute", "Chronic"].map(s),
            chance: s("about {k} in {n}"),
            threshold: s("30%: meaningful relief"),
            median: s("Typical"),
            band: s("8 in 10 people"),
            dose: s("Dose"),
            booster: s("Booster"),
            side_effects: s("Side effects"),
            footnote: s("Educational estimate, not medical advice."),
            people_title: s("What happens to 100 people like this"),
            paths: [
                "acute only",
                "acute, then sub-acute",
                "acute, then chronic",
                "all three phases",
                "sub-acute only",
                "sub-acute, then chronic",
                "chronic only",
                "no meaningful relief",
            ]
            .map(s),
            people_count: s("{n} in 100: {path}"),
        }
    }
}

impl Labels {
    /// A whole percentage in this language's style.
    pub fn percent_of(&self, n: f64) -> String {
        fill(&self.percent, &[("n", &Num::new(n, 0).to_string())])
    }

    /// The chance phrase for a probability, or `None` when it is near certain (95% or more).
    pub fn chance_of(&self, probability: f64) -> Option<String> {
        if probability >= 0.95 {
            return None;
        }
        let (k, n) = nearest_fraction(probability);
        Some(fill(
            &self.chance,
            &[("k", &k.to_string()), ("n", &n.to_string())],
        ))
    }
}

/// A probability as "k in n", in the summary's terms: tenths from 5% up ("4 in 10", as the
/// summary's "About 4 in 10 people"), and below that the nearest of 1 in 20, 50 or 100 (where the
/// summary says "Fewer than 1 in 10").
pub fn nearest_fraction(p: f64) -> (u32, u32) {
    if p >= 0.05 {
        // At most 9 in 10: from 95% the chart says nothing and the summary "Almost everyone".
        return ((p * 10.0).round().min(9.0) as u32, 10);
    }
    let small = [(1, 20), (1, 50), (1, 100)];
    let distance = |&(k, n): &(u32, u32)| (f64::from(k) / f64::from(n) - p).abs();
    let mut best = small[0];
    for f in small {
        if distance(&f) < distance(&best) {
            best = f;
        }
    }
    best
}
