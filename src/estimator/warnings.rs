//! Where a scenario leans on weak or no evidence, and which sources its numbers come from.

use super::choices::{
    Condition, Cyp3a4, Formulation, LiverFunction, Metabolism, OpioidUse, PainSensitivity, Route,
};
use super::params::{IV_PUSH_HOURS, SC_DAILY_CAP_MG_PER_KG};
use super::scenario::Scenario;
use super::timeline::Warning;

fn warn(code: &'static str, message: impl Into<String>) -> Warning {
    Warning {
        code,
        message: message.into(),
    }
}

/// The caveats for a scenario. `chronic_probability` is the share reaching durable relief.
pub(crate) fn warnings(
    s: &Scenario,
    chronic_probability: f64,
    doses_past_horizon: usize,
) -> Vec<Warning> {
    let mut w = Vec::new();
    let route = s.route();
    if !matches!(route, Route::IvInfusion | Route::SubcutaneousInfusion) {
        w.push(warn(
            "routeWithoutDurationStudy",
            format!(
                "No study in the evidence measured how long relief lasts after a {route}; the \
                 estimate carries intravenous findings over through plasma exposure."
            ),
        ));
    }
    match route {
        Route::Oral | Route::Sublingual => w.push(warn(
            "norketamineNotModelled",
            "Swallowed and under-the-tongue doses reach the blood poorly (about 8-30%) and turn \
             largely into norketamine (16.5 times the exposure after oral S-ketamine), whose \
             share of relief is unknown and not modelled: oral use for lasting relief is outside \
             the evidence.",
        )),
        Route::Intranasal => w.push(warn(
            "intranasalUncertain",
            "Nasal bioavailability ranges from 11% to 45% between small studies; the estimate \
             carries that spread as uncertainty.",
        )),
        Route::Subcutaneous => w.push(warn(
            "subcutaneousUnmeasured",
            "No human bioavailability figure was found for subcutaneous ketamine; it is assumed \
             to behave like an intramuscular injection.",
        )),
        Route::SubcutaneousInfusion => {
            w.push(warn(
                "subcutaneousInfusionUncontrolled",
                "Continuous subcutaneous infusion rests on one uncontrolled series (70 people, 3-7 \
                 days, pain about 28% lower); no human bioavailability figure was found, so it is \
                 assumed to be that of an intramuscular injection.",
            ));
            let daily = s.dose_mg_per_kg().get() / s.infusion_hours() * 24.0;
            if daily > SC_DAILY_CAP_MG_PER_KG {
                w.push(warn(
                    "subcutaneousAboveDailyCap",
                    "This rate gives more than the unit whose protocol sets these rates allowed \
                     in a day: 500 mg, about 7 mg/kg for a 70-kg adult.",
                ));
            }
        }
        Route::IvInfusion | Route::ImInjection => {}
    }
    if route.is_bolus() && s.session_hours().get() > 0.0 {
        w.push(warn(
            "sessionHoursIgnored",
            format!("sessionHours only applies to intravenous infusions; a {route} is modelled as a single dose."),
        ));
    }
    if s.is_iv_push() {
        w.push(warn(
            "pushAsFiveMinutes",
            "An intravenous dose shorter than 5 minutes is modelled as given over 5 minutes.",
        ));
    }
    let rate = s.dose_mg_per_kg().get() / s.infusion_hours().max(IV_PUSH_HOURS);
    if route == Route::IvInfusion && rate > 1.0 && s.session_hours().get() >= 24.0 {
        w.push(warn(
            "anaestheticDose",
            "Multi-day infusions above 1 mg/kg per hour are anaesthetic doses, studied only in \
             intensive care in one small open-label series.",
        ));
    }
    match s.condition() {
        Condition::Crps => {}
        Condition::Fibromyalgia => w.push(warn(
            "fibromyalgiaWeak",
            "In fibromyalgia, relief in the one controlled study tracked the drug in the blood \
             and was no better than placebo by week 8.",
        )),
        Condition::Neuropathic => w.push(warn(
            "neuropathicExtrapolated",
            "No duration study for neuropathic pain other than CRPS is in the evidence; how many \
             people respond is an assumption between CRPS and mixed chronic pain.",
        )),
        Condition::MixedChronic => w.push(warn(
            "mixedPainWeak",
            "For mixed chronic pain the pooled benefit is small (about 2 points out of 10 for up \
             to 2 weeks) and most trials are at high risk of bias.",
        )),
    }
    if s.boosters() > 0 {
        w.push(warn(
            "boostersUncontrolled",
            "No controlled trial shows that boosters lengthen relief; booster schedules come from \
             clinic practice and one small retrospective series.",
        ));
    }
    if s.has_maintenance() {
        w.push(warn(
            "maintenanceUncontrolled",
            "Relief during regular dosing rests on uncontrolled series of selected patients: \
             swallowed doses helped 44% and partly helped 20% of 51 people; under-the-tongue \
             doses were given to 29 people already known to respond. No controlled trial.",
        ));
        w.push(warn(
            "maintenanceAfterStopUnmeasured",
            "No study measured how long relief lasts after regular dosing stops: the estimate \
             lets the slow effect fade (half-life about 11 days) and does not count these doses \
             toward relief lasting months.",
        ));
    }
    if chronic_probability > 0.0 {
        w.push(warn(
            "durableReliefOpenLabel",
            "Relief lasting months rests on small open-label studies whose remission rates \
             (54-65%) far exceed controlled trials, which lose significance by week 12.",
        ));
    }
    if s.formulation() == Formulation::Esketamine {
        w.push(warn(
            "esketaminePotencyOnly",
            "Esketamine is modelled as twice as potent as racemic ketamine with the same \
             handling by the body.",
        ));
    }
    if s.metabolism() != Metabolism::Typical || s.pain_sensitivity() != PainSensitivity::Typical {
        w.push(warn(
            "personalFactorsAssumed",
            "How metabolism and pain sensitivity change relief is an assumption of this model, \
             not a measured effect.",
        ));
    }
    if s.liver_function() == LiverFunction::Reduced {
        w.push(warn(
            "liverUnmeasured",
            "No study of ketamine clearance in liver disease was found: reduced liver function is \
             modelled as 30% slower clearance, an assumption, and its effect on how long relief \
             lasts was never measured.",
        ));
    }
    match s.cyp3a4() {
        Cyp3a4::None => {}
        Cyp3a4::Inhibitor => w.push(warn(
            "cyp3a4Inhibitor",
            "Clarithromycin raised swallowed S-ketamine's exposure 2.6-fold in 10 healthy \
             volunteers, but itraconazole, another inhibitor, changed nothing; other routes were \
             not studied and are left unchanged. The effect on how long relief lasts was never \
             measured.",
        )),
        Cyp3a4::Inducer => w.push(warn(
            "cyp3a4Inducer",
            "Rifampicin lowered swallowed S-ketamine's exposure by 86% and intravenous by 14% in \
             11 healthy volunteers. The effect on how long relief lasts was never measured.",
        )),
    }
    if s.opioid_use() == OpioidUse::LongTermHighDose {
        w.push(warn(
            "opioidsNoDifference",
            "In one small matched study of people on long-term high-dose opioids, 3-6 weekly \
             infusions left pain no different from controls at six months. The estimate does not \
             change with opioid use: its effect on how long relief lasts was never measured.",
        ));
    }
    if doses_past_horizon > 0 {
        w.push(warn(
            "dosesPastHorizon",
            format!("{doses_past_horizon} dose(s) fall after the end of the timeline and are not shown."),
        ));
    }
    w
}

/// Evidence ids behind this scenario's numbers.
pub(crate) fn source_ids(s: &Scenario, chronic_probability: f64) -> Vec<&'static str> {
    let mut ids = vec![
        "pk-clements",
        "pk-label",
        "pk-kamp",
        "pd-dahan",
        "immpact",
        "guide-2018",
    ];
    ids.extend(match s.route() {
        Route::IvInfusion => &[][..],
        Route::ImInjection => &["pk-im"][..],
        Route::Subcutaneous => &["pk-sc", "pk-im"][..],
        Route::Intranasal => &["pk-yanagihara", "pk-nasal-low"][..],
        Route::Sublingual => &["pk-rolan", "pk-chong", "pk-yanagihara"][..],
        Route::Oral => &["pk-chong", "pk-yanagihara", "pk-fanta", "pk-norket"][..],
        Route::SubcutaneousInfusion => &["pk-sc", "pk-im", "sc-zekry", "sc-rate"][..],
    });
    if s.formulation() == Formulation::Esketamine {
        ids.push("pk-esket");
    }
    ids.extend(["acute-motov", "pd-noppers", "crps-sigtermans"]);
    ids.extend(match s.condition() {
        Condition::Crps => &["crps-goebel", "crps-schwartzman", "crps-mangnus"][..],
        Condition::Fibromyalgia => &["mixed-corriger"][..],
        Condition::Neuropathic | Condition::MixedChronic => {
            &["mixed-orhurhu", "mixed-tankha", "mixed-corriger"][..]
        }
    });
    if chronic_probability > 0.0 {
        ids.extend(["crps-correll", "crps-kiefer"]);
    }
    if s.boosters() > 0 {
        ids.extend(["boost-gupta", "boost-clinic", "boost-correll"]);
    }
    if s.has_maintenance() {
        ids.extend(["maint-marchetti", "maint-maudlin"]);
    }
    ids.extend(match s.cyp3a4() {
        Cyp3a4::None => &[][..],
        Cyp3a4::Inhibitor => &["cyp-hagelberg", "cyp-itraconazole"][..],
        Cyp3a4::Inducer => &["cyp-peltoniemi"][..],
    });
    if s.opioid_use() == OpioidUse::LongTermHighDose {
        ids.push("maint-kapural");
    }
    ids
}
