//! Plain-English sentences for readers, and the duration wording they use.

use super::timeline::{Phases, Timeline};

/// A duration in words a reader understands: "about 40 minutes", "about 3 hours",
/// "about 5 days", "about 6 weeks", "about 4 months", "about 1.5 years".
pub fn human_duration(days: f64) -> String {
    let days = if days.is_finite() { days.max(0.0) } else { 0.0 };
    let about = |n: f64, unit: &str| {
        let plural = if n == 1.0 { "" } else { "s" };
        format!("about {n} {unit}{plural}")
    };
    let minutes = days * 1440.0;
    if minutes < 2.5 {
        "a few minutes".into()
    } else if minutes < 55.0 {
        about((minutes / 5.0).round().max(1.0) * 5.0, "minute")
    } else if days < 1.0 {
        about((days * 24.0).round().max(1.0), "hour")
    } else if days < 13.5 {
        about(days.round(), "day")
    } else if days < 8.0 * 7.0 {
        about((days / 7.0).round(), "week")
    } else if days < 23.5 * 30.44 {
        about((days / 30.44).round(), "month")
    } else {
        about((days / 365.25 * 2.0).round() / 2.0, "year")
    }
}

/// "About 7 in 10 people feel", "Fewer than 1 in 10 people feel", "Almost everyone feels".
fn people(p: f64, (verb, verbs): (&str, &str)) -> String {
    let tenths = (p * 10.0).round();
    if p >= 0.95 {
        format!("Almost everyone {verbs}")
    } else if tenths < 1.0 {
        format!("Fewer than 1 in 10 people {verb}")
    } else {
        format!("About {tenths} in 10 people {verb}")
    }
}

/// How the summary refers to the scenario's doses.
pub(crate) struct Wording {
    /// "infusion" or "dose".
    pub dose_word: &'static str,
    /// "the series", "the infusion" or "the dose".
    pub after: &'static str,
    /// End of the initial series' last dose, days.
    pub series_end: f64,
    /// Share of people who reach 30% relief at some point.
    pub reached: f64,
    /// Whether there are boosters.
    pub boosters: bool,
}

/// 4-6 sentences on the phases, when relief typically ends, side effects and the disclaimer.
pub(crate) fn summary(t: &Timeline, w: &Wording) -> Vec<String> {
    let Phases {
        acute,
        sub_acute,
        chronic,
    } = &t.phases;
    let dose = w.dose_word;
    let mut out = Vec::new();
    if acute.probability > 0.0 {
        let lasting = human_duration(acute.end_days.typical - w.series_end);
        out.push(format!(
            "{} meaningful relief (at least 30% less pain) during each {dose} and for {lasting} \
             after it.",
            people(acute.probability, ("feel", "feels"))
        ));
    } else {
        out.push(format!(
            "Few people are expected to feel meaningful relief (at least 30% less pain) during \
             a {dose} like this."
        ));
    }
    if sub_acute.probability >= 0.1 {
        out.push(format!(
            "{} relief for days to weeks after {} (typically until about day {}).",
            people(sub_acute.probability, ("may keep", "may keep")),
            w.after,
            sub_acute.end_days.typical.round()
        ));
    } else {
        out.push(format!(
            "Relief rarely lasts more than a day or two after {}.",
            w.after
        ));
    }
    if chronic.probability > 0.0 {
        out.push(format!(
            "{} relief lasting months (typically until about day {}), but this rests on small, \
             uncontrolled studies.",
            people(chronic.probability, ("may have", "may have")),
            chronic.end_days.typical.round()
        ));
    }
    let end = &t.relief_end_days;
    out.push(if w.reached < 0.5 {
        format!(
            "More than half of people are not expected to reach meaningful relief this way; for \
             1 in 10, relief lasts beyond {} after the first {dose}.",
            human_duration(end.p90)
        )
    } else {
        format!(
            "{}alf of people's relief has ended by {} after the first {dose}; for 1 in 10 it lasts \
             beyond {}.",
            if w.boosters { "Counting the relief each booster brings back, h" } else { "H" },
            human_duration(end.p50),
            human_duration(end.p90)
        )
    });
    out.push(
        "Side effects such as dizziness, nausea or feeling detached usually fade within a few \
         hours of each dose."
            .into(),
    );
    out.push("This is an educational estimate, not medical advice.".into());
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
