//! Plain sentences for readers, in any language: the logic (which sentence, which numbers) is
//! here once; the words come from [`SummaryWords`], English by default, or the `summary` section
//! of a web message file (`js/i18n/<lang>.json`).

use std::sync::OnceLock;

use super::params::NOTABLE_PATH_SHARE;
use super::timeline::{Phases, SummaryFacts, Timeline};
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
    /// The share going straight from acute to durable relief, sub-acute skipped: `{share}`.
    /// Said when that share is at least 1 in 20.
    pub straight_to_chronic: String,
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
    /// An approximate duration in a sentence: "about {duration}".
    pub about: String,
    /// Durations, `{n}` the number: minutes, hours, days, weeks, months, years, each in the
    /// language's plural forms.
    pub units: [Plural; 6],
    /// The decimal separator.
    pub decimal: String,
    /// A chance in a comparison: "about {k} in {n}" (`{k}` in `{n}`), from 95% "almost everyone",
    /// below 0.5% "almost no one".
    pub chance: [String; 3],
    /// How two plans' estimates differ: against a plan by name (`{plan}`, `{differences}`: the
    /// differences joined by "; "), against a plan without a name (`{differences}`), and when
    /// they differ though not in these words.
    pub compare: [String; 3],
    /// Two plans with the same estimate.
    pub compare_same: String,
    /// The phases in a comparison: acute, sub-acute, chronic relief.
    pub compare_phases: [String; 3],
    /// Meaningful relief at any time, in a comparison.
    pub compare_any: String,
    /// A chance with this plan instead of the other: `{phase}`, `{a}`, `{b}`.
    pub compare_chance: String,
    /// How long relief typically lasts with this plan instead of the other: `{a}`, `{b}`.
    pub compare_lasts: String,
}

impl Default for SummaryWords {
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        let pair = |one: &str, other: &str| Plural {
            one: s(one),
            other: s(other),
        };
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
            straight_to_chronic: s(
                "{share} may go straight from the first relief to relief lasting months, \
                 without the weeks in between.",
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
            about: s("about {duration}"),
            units: [
                pair("{n} minute", "{n} minutes"),
                pair("{n} hour", "{n} hours"),
                pair("{n} day", "{n} days"),
                pair("{n} week", "{n} weeks"),
                pair("{n} month", "{n} months"),
                pair("{n} year", "{n} years"),
            ],
            decimal: s("."),
            chance: ["about {k} in {n}", "almost everyone", "almost no one"].map(s),
            compare: [
                "Compared with {plan}: {differences}.",
                "Compared with the other plan: {differences}.",
                "The two plans give about the same chances of relief, lasting about as long.",
            ]
            .map(s),
            compare_same: s("Both plans give the same estimate."),
            compare_phases: ["acute relief", "sub-acute relief", "chronic relief"].map(s),
            compare_any: s("any meaningful relief"),
            compare_chance: s("{phase} for {a} instead of {b}"),
            compare_lasts: s("relief typically lasts {a} instead of {b}"),
        }
    }
}

impl SummaryWords {
    /// The English words, made once.
    pub(crate) fn english() -> &'static SummaryWords {
        static ENGLISH: OnceLock<SummaryWords> = OnceLock::new();
        ENGLISH.get_or_init(SummaryWords::default)
    }

    /// A duration in words, the one way every text of the widget says one (the summary, the
    /// tables, the read-out): "40 minutes", "14 days", "8.3 weeks", "23 months", "1.9 years".
    ///
    /// The unit: minutes below an hour, hours below a day, days below 14, weeks below 60 days,
    /// months (30.4375 days) below 730 days, then years. The number: one decimal below 10, whole
    /// from 10 on (whole minutes); below 2.5 minutes, "a few minutes". The plural form is `one`
    /// for exactly 1, as in English, Spanish and German (a language with other rules needs its
    /// own here).
    pub fn duration(&self, days: f64) -> String {
        let days = if days.is_finite() { days.max(0.0) } else { 0.0 };
        let minutes = days * 1440.0;
        if minutes < 2.5 {
            return self.few_minutes.clone();
        }
        let (unit, value) = if days < 1.0 / 24.0 {
            (0, minutes.round())
        } else {
            let (unit, value) = if days < 1.0 {
                (1, days * 24.0)
            } else if days < 14.0 {
                (2, days)
            } else if days < 60.0 {
                (3, days / 7.0)
            } else if days < 730.0 {
                (4, days / 30.4375)
            } else {
                (5, days / 365.25)
            };
            let tenths = (value * 10.0).round() / 10.0;
            (unit, if tenths < 10.0 { tenths } else { value.round() })
        };
        let text = Num::new(value, 1).to_string().replace('.', &self.decimal);
        let forms = &self.units[unit];
        let form = if value == 1.0 {
            &forms.one
        } else {
            &forms.other
        };
        fill(form, &[("n", &text)])
    }

    /// A duration in a sentence, as an approximation: "about 8.3 weeks".
    pub(crate) fn about(&self, days: f64) -> String {
        fill(&self.about, &[("duration", &self.duration(days))])
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

    /// A chance in a comparison: "about 3 in 10" ([`nearest_fraction`]), "almost everyone" from
    /// 95%, "almost no one" below 0.5%.
    pub(crate) fn chance(&self, p: f64) -> String {
        let [template, all, none] = &self.chance;
        if p >= 0.95 {
            all.clone()
        } else if p.is_nan() || p < 0.005 {
            none.clone()
        } else {
            let (k, n) = nearest_fraction(p);
            fill(template, &[("k", &k.to_string()), ("n", &n.to_string())])
        }
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

/// A word in its plural forms (the CLDR categories `one` and `other`).
#[derive(Clone, Debug, PartialEq, Default, serde::Deserialize)]
#[serde(default)]
pub struct Plural {
    /// For exactly one: "{n} week".
    pub one: String,
    /// For any other number: "{n} weeks".
    pub other: String,
}

/// 4-7 sentences on the phases, the path straight from acute to durable relief when at least 1
/// in 20 take it (`NOTABLE_PATH_SHARE`), when relief typically ends, side effects and the
/// disclaimer.
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
        let lasting = w.about(acute.end_days.typical - f.series_end);
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
    if t.paths.acute_chronic >= NOTABLE_PATH_SHARE {
        out.push(fill(
            &w.straight_to_chronic,
            &[("share", &w.share(t.paths.acute_chronic))],
        ));
    }
    let end = &t.relief_end_days;
    let (p50, p90) = (w.about(end.p50), w.about(end.p90));
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

impl Timeline {
    /// The summary in the given words (another language).
    pub fn summary_in(&self, words: &SummaryWords) -> Vec<String> {
        summary(self, &self.summary_facts, words)
    }
}

#[cfg(test)]
mod tests {
    use super::SummaryWords;

    #[test]
    fn durations_read_naturally() {
        let w = SummaryWords::default();
        for (days, text) in [
            (40.0 / 1440.0, "40 minutes"),
            (3.0 / 24.0, "3 hours"),
            (1.0, "1 day"),
            (13.7, "14 days"),
            (47.0, "6.7 weeks"),
            (58.0, "8.3 weeks"),
            (120.0, "3.9 months"),
            (550.0, "18 months"),
            (700.0, "23 months"),
            (800.0, "2.2 years"),
            (365.25, "12 months"),
            (1100.0, "3 years"),
            (f64::NAN, "a few minutes"),
        ] {
            assert_eq!(w.duration(days), text, "{days} days");
        }
        assert_eq!(w.about(58.0), "about 8.3 weeks");
    }
}
