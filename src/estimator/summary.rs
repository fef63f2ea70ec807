//! Plain sentences for readers, in any language: the logic (which sentence, which numbers) is
//! here once; the words come from [`SummaryWords`], English by default, or the `summary` section
//! of a web message file (`js/i18n/<lang>.json`).

use std::sync::OnceLock;

use super::timeline::{Phases, Timeline};
use crate::number::Num;
use crate::template::fill;

/// The summary's words in one language. Templates use `{name}` placeholders; pairs are
/// `[singular, plural]`. Deserialized from camelCase fields; those left out stay English.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SummaryWords {
    /// "Almost everyone".
    pub almost_everyone: String,
    /// "About {k} in 10 people".
    pub in_ten: String,
    /// "Fewer than 1 in 10 people".
    pub fewer_than_one_in_ten: String,
    /// Acute relief: `{share}`, `{dose}`, `{lasting}`.
    pub acute: String,
    /// No acute relief: `{dose}`.
    pub acute_none: String,
    /// Sub-acute relief: `{share}`, `{after}`, `{until}`.
    pub sub_acute: String,
    /// Little sub-acute relief: `{after}`.
    pub sub_acute_none: String,
    /// Chronic relief: `{share}`, `{until}`.
    pub chronic: String,
    /// When a phase typically ends: `{day}`.
    pub until_day: String,
    /// When a phase typically outlasts the timeline: `{day}` (its last day).
    pub until_beyond: String,
    /// When relief ends: `{p50}`, `{p90}`, `{dose}`.
    pub end: String,
    /// When relief ends, with boosters: `{p50}`, `{p90}`, `{dose}`.
    pub end_boosters: String,
    /// When most people never reach relief: `{p90}`, `{dose}`.
    pub end_unreached: String,
    /// When most people never reach relief and the rest lose it with the last dose.
    pub end_unreached_short: String,
    /// Side effects.
    pub side_effects: String,
    /// The disclaimer.
    pub disclaimer: String,
    /// The word for one IV session.
    pub infusion: String,
    /// The word for one bolus dose.
    pub dose: String,
    /// "the series", "the infusion", "the dose".
    pub after: [String; 3],
    /// "a few minutes".
    pub few_minutes: String,
    /// Durations, `{n}` the number: minutes, hours, days, weeks, months, years.
    pub units: [[String; 2]; 6],
    /// The decimal separator.
    pub decimal: String,
}

impl Default for SummaryWords {
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        let pair = |a: &str, b: &str| [s(a), s(b)];
        SummaryWords {
            almost_everyone: s("Almost everyone"),
            in_ten: s("About {k} in 10 people"),
            fewer_than_one_in_ten: s("Fewer than 1 in 10 people"),
            acute: s(
                "{share} can expect meaningful relief (at least 30% less pain) during each \
                 {dose} and for {lasting} after it.",
            ),
            acute_none: s(
                "Few people are expected to feel meaningful relief (at least 30% less \
                 pain) from this {dose}.",
            ),
            sub_acute: s("{share} may keep relief for days to weeks after {after} {until}."),
            sub_acute_none: s("Relief rarely lasts more than a day or two after {after}."),
            chronic: s(
                "{share} may have relief lasting months {until}, but this rests on small, \
                 uncontrolled studies.",
            ),
            until_day: s("(typically until about day {day})"),
            until_beyond: s("(typically beyond the end of this timeline at day {day})"),
            end: s(
                "Half of people's relief has ended by {p50} after the first {dose}; for 1 in \
                 10 it lasts beyond {p90}.",
            ),
            end_boosters: s(
                "Counting the relief each booster brings back, half of people's \
                 relief has ended by {p50} after the first {dose}; for 1 in 10 it lasts beyond \
                 {p90}.",
            ),
            end_unreached: s(
                "More than half of people are not expected to reach meaningful \
                 relief this way; for 1 in 10, relief lasts beyond {p90} after the first {dose}.",
            ),
            end_unreached_short: s(
                "More than half of people are not expected to reach meaningful relief this way.",
            ),
            side_effects: s(
                "Side effects such as dizziness, nausea or feeling detached usually \
                 fade within a few hours of each dose.",
            ),
            disclaimer: s("This is an educational estimate, not medical advice."),
            infusion: s("infusion"),
            dose: s("dose"),
            after: [s("the series"), s("the infusion"), s("the dose")],
            few_minutes: s("a few minutes"),
            units: [
                pair("about {n} minute", "about {n} minutes"),
                pair("about {n} hour", "about {n} hours"),
                pair("about {n} day", "about {n} days"),
                pair("about {n} week", "about {n} weeks"),
                pair("about {n} month", "about {n} months"),
                pair("about {n} year", "about {n} years"),
            ],
            decimal: s("."),
        }
    }
}

impl SummaryWords {
    /// The English words, made once.
    pub(crate) fn english() -> &'static SummaryWords {
        static ENGLISH: OnceLock<SummaryWords> = OnceLock::new();
        ENGLISH.get_or_init(SummaryWords::default)
    }

    /// A duration in words: "about 40 minutes", "about 6 weeks", "about 1.5 years".
    pub fn duration(&self, days: f64) -> String {
        let days = if days.is_finite() { days.max(0.0) } else { 0.0 };
        let minutes = days * 1440.0;
        let (unit, n) = if minutes < 2.5 {
            return self.few_minutes.clone();
        } else if minutes < 55.0 {
            (0, (minutes / 5.0).round().max(1.0) * 5.0)
        } else if days < 1.0 {
            (1, (days * 24.0).round().max(1.0))
        } else if days < 13.5 {
            (2, days.round())
        } else if days < 8.0 * 7.0 {
            (3, (days / 7.0).round())
        } else if days < 23.5 * 30.44 {
            (4, (days / 30.44).round())
        } else {
            (5, (days / 365.25 * 2.0).round() / 2.0)
        };
        let text = Num::new(n, 1).to_string().replace('.', &self.decimal);
        fill(&self.units[unit][usize::from(n != 1.0)], &[("n", &text)])
    }

    /// "About 7 in 10 people", "Fewer than 1 in 10 people", "Almost everyone".
    fn share(&self, p: f64) -> String {
        let tenths = (p * 10.0).round();
        if p >= 0.95 {
            self.almost_everyone.clone()
        } else if tenths < 1.0 {
            self.fewer_than_one_in_ten.clone()
        } else {
            fill(&self.in_ten, &[("k", &Num::new(tenths, 0).to_string())])
        }
    }
}

/// A duration in English words: "about 40 minutes", "about 3 hours", "about 6 weeks".
pub fn human_duration(days: f64) -> String {
    SummaryWords::english().duration(days)
}

/// What the summary needs to know about the scenario beyond the timeline itself.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SummaryFacts {
    /// Bolus doses (not IV infusions).
    pub bolus: bool,
    /// More than one session in the initial series.
    pub series: bool,
    /// Whether there are boosters.
    pub boosters: bool,
    /// End of the initial series' last dose, days.
    pub series_end: f64,
    /// End of the last dose, boosters included, days.
    pub last_dose_end: f64,
    /// Share of people who reach 30% relief at some point.
    pub reached: f64,
}

/// 4-6 sentences on the phases, when relief typically ends, side effects and the disclaimer.
pub(crate) fn summary(t: &Timeline, f: &SummaryFacts, w: &SummaryWords) -> Vec<String> {
    let Phases {
        acute,
        sub_acute,
        chronic,
    } = &t.phases;
    let dose = if f.bolus { &w.dose } else { &w.infusion };
    let after = &w.after[if f.series {
        0
    } else if f.bolus {
        2
    } else {
        1
    }];
    let day = |d: f64| Num::new(d, 0).to_string();
    let mut out = Vec::new();
    out.push(if acute.probability > 0.0 {
        let lasting = w.duration(acute.end_days.typical - f.series_end);
        fill(
            &w.acute,
            &[
                ("share", &w.share(acute.probability)),
                ("dose", dose),
                ("lasting", &lasting),
            ],
        )
    } else {
        fill(&w.acute_none, &[("dose", dose)])
    });
    // Ends are capped at the horizon: a typical end there means "beyond", not that day.
    let until = |end: f64| {
        let template = if end >= t.horizon_days - 0.5 {
            &w.until_beyond
        } else {
            &w.until_day
        };
        fill(template, &[("day", &day(end))])
    };
    out.push(if sub_acute.probability >= 0.1 {
        let until = until(sub_acute.end_days.typical);
        fill(
            &w.sub_acute,
            &[
                ("share", &w.share(sub_acute.probability)),
                ("after", after),
                ("until", &until),
            ],
        )
    } else {
        fill(&w.sub_acute_none, &[("after", after)])
    });
    if chronic.probability > 0.0 {
        let until = until(chronic.end_days.typical);
        out.push(fill(
            &w.chronic,
            &[("share", &w.share(chronic.probability)), ("until", &until)],
        ));
    }
    let end = &t.relief_end_days;
    let (p50, p90) = (w.duration(end.p50), w.duration(end.p90));
    // Where relief ends with the last dose anyway, "lasts beyond" would say nothing.
    let template = if f.reached < 0.5 && end.p90 < f.last_dose_end + 1.0 {
        &w.end_unreached_short
    } else if f.reached < 0.5 {
        &w.end_unreached
    } else if f.boosters {
        &w.end_boosters
    } else {
        &w.end
    };
    out.push(fill(
        template,
        &[("p50", &p50), ("p90", &p90), ("dose", dose)],
    ));
    out.push(w.side_effects.clone());
    out.push(w.disclaimer.clone());
    out
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(40.0 / 1440.0), "about 40 minutes");
        assert_eq!(human_duration(3.0 / 24.0), "about 3 hours");
        assert_eq!(human_duration(1.0), "about 1 day");
        assert_eq!(human_duration(47.0), "about 7 weeks");
        assert_eq!(human_duration(120.0), "about 4 months");
        assert_eq!(human_duration(550.0), "about 18 months");
        assert_eq!(human_duration(800.0), "about 2 years");
        assert_eq!(human_duration(1100.0), "about 3 years");
        assert_eq!(human_duration(f64::NAN), "a few minutes");
    }
}
