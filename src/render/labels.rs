//! Every word the chart draws, so that a caller can supply them in any language.

use crate::estimator::nearest_fraction;
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
    /// Legend, comparing two plans: this plan's median curve.
    pub this_plan: String,
    /// Legend, comparing two plans: the other plan's median curve, with `{plan}` for its name.
    pub compared: String,
    /// The name of a compared plan that has none.
    pub other_plan: String,
    /// The icon array's title for a named plan, with `{plan}` for the name.
    pub people_title_of: String,
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
            this_plan: s("This plan"),
            compared: s("Compared: {plan}"),
            other_plan: s("the other plan"),
            people_title_of: s("{plan}: what happens to 100 people like this"),
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

    /// The name of a compared plan: its own, or [`Labels::other_plan`] when it has none ("").
    pub fn plan_name<'a>(&'a self, name: &'a str) -> &'a str {
        if name.is_empty() {
            &self.other_plan
        } else {
            name
        }
    }

    /// The legend entry of a compared plan named `name` ("" for none): "Compared: one session".
    pub fn compared_entry(&self, name: &str) -> String {
        fill(&self.compared, &[("plan", self.plan_name(name))])
    }

    /// The icon array's title for the plan `plan`: "One session: what happens to 100 people like
    /// this" (its first letter a capital, if ASCII).
    pub fn people_title_for(&self, plan: &str) -> String {
        let title = fill(&self.people_title_of, &[("plan", plan)]);
        let mut chars = title.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_ascii_uppercase().to_string() + chars.as_str()
        })
    }
}
