//! Two plans side by side: how their estimates differ, in the summary's words. Facts only, in
//! both directions alike: never which plan is better, never a dose.

use super::summary::SummaryWords;
use super::timeline::Timeline;
use crate::template::fill;

/// One sentence on how plan `a`'s estimate differs from plan `b`'s, named `plan` ("" for none):
/// the chance of each phase where it reads differently, and how long relief typically lasts
/// (half of people's relief has ended by then, the summary's fact; where fewer than half reach
/// relief with either plan, the chance of any relief instead). "Compared with one session: sub-acute relief
/// for about 3 in 10 instead of about 1 in 50; relief typically lasts about 3 weeks instead of
/// about 2 days."
pub fn compare(a: &Timeline, b: &Timeline, plan: &str, w: &SummaryWords) -> String {
    if same_estimate(a, b) {
        return w.compare_same.clone();
    }
    let differences = differences(a, b, w);
    if differences.is_empty() {
        return w.compare[2].clone();
    }
    let [named, unnamed, _] = &w.compare;
    let template = if plan.is_empty() { unnamed } else { named };
    // The reader's name last: braces in it are left as they are.
    fill(
        template,
        &[("differences", &differences.join("; ")), ("plan", plan)],
    )
}

/// Whether two timelines estimate the same: phases, paths, relief and its end.
fn same_estimate(a: &Timeline, b: &Timeline) -> bool {
    a.phases == b.phases
        && a.paths == b.paths
        && a.relief == b.relief
        && a.relief_end_days == b.relief_end_days
}

/// The differences in words, `a` first: each phase's chance, then how long relief lasts.
fn differences(a: &Timeline, b: &Timeline, w: &SummaryWords) -> Vec<String> {
    let chances = |t: &Timeline| {
        let p = &t.phases;
        [
            p.acute.probability,
            p.sub_acute.probability,
            p.chronic.probability,
        ]
    };
    let (pa, pb) = (chances(a), chances(b));
    let mut out = Vec::new();
    for (i, phase) in w.compare_phases.iter().enumerate() {
        out.extend(versus(
            &w.compare_chance,
            phase,
            w.chance(pa[i]),
            w.chance(pb[i]),
        ));
    }
    let reached = |t: &Timeline| t.summary_facts.reached;
    out.extend(if reached(a) >= 0.5 && reached(b) >= 0.5 {
        let about = |t: &Timeline| w.about(t.relief_end_days.p50);
        versus(&w.compare_lasts, "", about(a), about(b))
    } else {
        let chance = |t: &Timeline| w.chance(reached(t));
        versus(&w.compare_chance, &w.compare_any, chance(a), chance(b))
    });
    out
}

/// `template` filled with `phase`, `a` and `b`, when `a` and `b` read differently.
fn versus(template: &str, phase: &str, a: String, b: String) -> Option<String> {
    (a != b).then(|| fill(template, &[("phase", phase), ("a", &a), ("b", &b)]))
}
