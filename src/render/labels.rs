//! Every word the chart draws, so that a caller can supply them in any language.

use crate::number::Num;
use crate::template::fill;

/// The chart's words. [`Labels::default`] is English; the web widget passes its own translation.
#[derive(Clone, Debug, PartialEq)]
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

/// The simple fraction ("1 in 3", "9 in 10") nearest to a probability.
pub fn nearest_fraction(p: f64) -> (u32, u32) {
    const FRACTIONS: [(u32, u32); 14] = [
        (1, 100),
        (1, 50),
        (1, 20),
        (1, 10),
        (1, 5),
        (1, 4),
        (1, 3),
        (2, 5),
        (1, 2),
        (3, 5),
        (2, 3),
        (3, 4),
        (4, 5),
        (9, 10),
    ];
    let mut best = FRACTIONS[0];
    for f in FRACTIONS {
        let d = (f64::from(f.0) / f64::from(f.1) - p).abs();
        if d < (f64::from(best.0) / f64::from(best.1) - p).abs() {
            best = f;
        }
    }
    best
}
