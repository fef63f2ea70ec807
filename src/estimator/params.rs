//! Every number the model uses, with the evidence id it comes from (`shared/evidence.md`) or the
//! word *assumption* where no source gives it. Nothing else in the estimator hard-codes a number
//! that changes the estimate.

use super::choices::{
    Condition, Cyp3a4, Formulation, LiverFunction, Metabolism, PainSensitivity, Route,
};

// ---------------------------------------------------------------------------------------------
// Pharmacokinetics
// ---------------------------------------------------------------------------------------------

/// Central volume, L/kg (`pk-clements`). Chosen over the Domino set (`pk-domino`) because its
/// clearance, V1 x k10 = 1.15 L/kg/h, matches the meta-analysis (`pk-kamp`: 1.13 L/kg/h), while
/// Domino's (1.66 L/kg/h) sits at the top of the 0.9-1.7 spread between sources.
pub(crate) const CLEMENTS_V1_L_PER_KG: f64 = 1.7522;
/// Rate constants per minute (`pk-clements`): k10, k12, k21.
pub(crate) const CLEMENTS_K_PER_MIN: [f64; 3] = [0.0109, 0.0186, 0.0137];

/// Elimination half-life used to turn a reported Tmax into an absorption rate, hours (`pk-label`).
pub(crate) const ELIMINATION_HALF_LIFE_H: f64 = 2.5;

/// A bolus IV dose (`sessionHours` below this) is modelled as a push over this many hours
/// (5 minutes). *Assumption.*
pub(crate) const IV_PUSH_HOURS: f64 = 5.0 / 60.0;
/// An infusion's length when the scenario gives none: 4 hours, as in the daily CRPS infusions of
/// `crps-schwartzman` and the outpatient boosters of `boost-gupta`.
pub(crate) const DEFAULT_INFUSION_HOURS: f64 = 4.0;

/// How long an extravascular dose "lasts" on the dose list (administration), hours. *Assumption.*
pub(crate) const BOLUS_ADMIN_HOURS: f64 = 5.0 / 60.0;

/// Potency relative to racemic ketamine (`pk-esket`). Esketamine PK is taken to be racemic PK
/// (*assumption*: the evidence gives potency, not separate PK).
pub(crate) fn potency(f: Formulation) -> f64 {
    match f {
        Formulation::Racemic => 1.0,
        Formulation::Esketamine => 2.0,
    }
}

/// Route absorption: typical bioavailability, its person-to-person spread (log-normal sigma) and
/// time of peak concentration in hours. IV has no absorption phase.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RouteKinetics {
    /// Typical bioavailability (fraction absorbed).
    pub bioavailability: f64,
    /// Log-normal sigma of bioavailability across people.
    pub bioavailability_sigma: f64,
    /// Time of peak plasma concentration after a dose, hours (`None` for IV).
    pub tmax_h: Option<f64>,
}

/// Bioavailability and absorption per route.
///
/// - IV: complete.
/// - IM: F 0.93, Tmax 5-30 min -> 15 min (`pk-im`); spread sigma 0.1 (*assumption*).
/// - Subcutaneous: no human figure (`pk-sc`): F taken as IM's 0.93 (*assumption*), Tmax 30 min
///   from onset 15-30 min (`pk-sc`, weak); sigma 0.2 (*assumption*).
/// - Intranasal: 11-45% (`pk-nasal-low`, `pk-yanagihara`) -> geometric middle 0.22 with sigma 0.5
///   carrying that spread; Tmax 14-23 min -> 18 min (`pk-yanagihara`).
/// - Sublingual: 0.30 (`pk-rolan` 29%, `pk-chong` 32 +/- 17%, `pk-yanagihara` 30%); sigma 0.5
///   (`pk-chong` SD); Tmax 0.75 h (`pk-rolan`).
/// - Oral: racemic 0.20 (`pk-yanagihara` 20%, `pk-chong` 23 +/- 9%), sigma 0.4 (`pk-chong`);
///   esketamine 0.08 (`pk-fanta`); Tmax 1 h (`pk-chong`).
/// - Continuous subcutaneous infusion: no human bioavailability figure (`pk-sc`), so the
///   subcutaneous injection's 0.93 from IM (`pk-im`) with its sigma 0.2 (*assumption*); over
///   hours to days the 30-min absorption is negligible, so it enters the blood at the infusion's
///   rate, as an IV infusion does (*assumption*).
pub(crate) fn route_kinetics(route: Route, formulation: Formulation) -> RouteKinetics {
    let rk = |bioavailability, bioavailability_sigma, tmax_h| RouteKinetics {
        bioavailability,
        bioavailability_sigma,
        tmax_h,
    };
    match route {
        Route::IvInfusion => rk(1.0, 0.0, None),
        Route::ImInjection => rk(0.93, 0.1, Some(0.25)),
        Route::Subcutaneous => rk(0.93, 0.2, Some(0.5)),
        Route::Intranasal => rk(0.22, 0.5, Some(0.3)),
        Route::Sublingual => rk(0.30, 0.5, Some(0.75)),
        Route::Oral => match formulation {
            Formulation::Racemic => rk(0.20, 0.4, Some(1.0)),
            Formulation::Esketamine => rk(0.08, 0.4, Some(1.0)),
        },
        Route::SubcutaneousInfusion => rk(0.93, 0.2, None),
    }
}

/// Clearance multiplier for the reader's metabolism. *Assumption* (0.7x / 1.4x), sized to the
/// conflicting clearances of 0.9-1.7 L/kg/h across sources (`pk-kamp`, `pk-clements`,
/// `pk-domino`).
pub(crate) fn clearance_multiplier(m: Metabolism) -> f64 {
    match m {
        Metabolism::Slow => 0.7,
        Metabolism::Typical => 1.0,
        Metabolism::Fast => 1.4,
    }
}

/// Clearance multiplier for reduced liver function. *Assumption*: no human study of ketamine
/// clearance in liver disease was found (searched: hepatic impairment, cirrhosis); ketamine is
/// cleared almost entirely by hepatic metabolism (`pk-label`), so reduced function is taken as
/// the same 0.7x as a slow metabolism, and the two multiply.
pub(crate) fn liver_clearance_multiplier(l: LiverFunction) -> f64 {
    match l {
        LiverFunction::Normal => 1.0,
        LiverFunction::Reduced => 0.7,
    }
}

/// Exposure (area under the plasma curve) multiplier for a CYP3A4 medicine, by route.
///
/// - Inhibitor, swallowed: 2.6 (`cyp-hagelberg`: clarithromycin raised oral S-ketamine's AUC
///   2.6-fold and its peak 3.6-fold). Not every inhibitor does: itraconazole left oral
///   S-ketamine unchanged (`cyp-itraconazole`). Other routes: 1, unmeasured (*assumption*).
/// - Inducer, swallowed: 0.14 (`cyp-peltoniemi`: rifampicin lowered oral S-ketamine's AUC by
///   86%); other routes: 0.86 (its IV AUC fell by 14%, carried to every route that bypasses the
///   gut, *assumption*).
///
/// Measured with S-ketamine; racemic ketamine is taken to behave alike (*assumption*).
pub(crate) fn cyp3a4_exposure(c: Cyp3a4, route: Route) -> f64 {
    match (c, route) {
        (Cyp3a4::None, _) => 1.0,
        (Cyp3a4::Inhibitor, Route::Oral) => 2.6,
        (Cyp3a4::Inhibitor, _) => 1.0,
        (Cyp3a4::Inducer, Route::Oral) => 0.14,
        (Cyp3a4::Inducer, _) => 0.86,
    }
}

/// Person-to-person spread of clearance (log-normal sigma). *Assumption* covering the spread of
/// 69-90 L/h around 79 L/h (`pk-kamp`) and the 0.9-1.7 L/kg/h conflict between sources.
pub(crate) const CLEARANCE_SIGMA: f64 = 0.25;

// ---------------------------------------------------------------------------------------------
// Pharmacodynamics
// ---------------------------------------------------------------------------------------------

/// The line for "relief": 30% less pain (IMMPACT, Dworkin et al. 2008).
pub(crate) const RELIEF_THRESHOLD: f64 = 30.0;

/// Maximum relief of each effect, percent. *Assumption*: full relief is possible.
pub(crate) const EMAX: f64 = 100.0;

/// Fast (acute) effect: plasma concentration, racemic-equivalent ng/mL, at half-maximal relief.
/// *Assumption calibrated* so that 0.3 mg/kg IV gives relief at 30 min (`acute-motov`) and
/// S-ketamine 0.5 mg/kg over 30 min gives relief for about 3 h (`pd-noppers`); analgesic
/// concentrations are otherwise not in the evidence.
pub(crate) const FAST_EC50_NG_ML: f64 = 150.0;
/// Person-to-person spread of the fast EC50 (log-normal sigma). *Assumption*, the same as
/// the slow EC50's.
pub(crate) const FAST_EC50_SIGMA: f64 = 0.6;

/// Slow (sub-acute) effect compartment EC50, racemic-equivalent ng/mL: S-ketamine 10.5 ng/mL
/// (`pd-dahan`) x 2 for racemic (`pk-esket`).
pub(crate) const SLOW_EC50_NG_ML: f64 = 21.0;
/// Spread of the slow EC50: the reported 4.4-21.2 ng/mL (`pd-dahan`) read as a 10th-90th
/// percentile range between people: ln(21.2/4.4)/2.56 = 0.61.
pub(crate) const SLOW_EC50_SIGMA: f64 = 0.61;
/// Hill coefficient of the slow effect. *Calibrated assumption*: no source reports it; a curve
/// shallower than 1 lets one model reproduce both the shorter (`crps-mangnus`) and the longer
/// (`crps-schwartzman`) reports.
pub(crate) const SLOW_HILL: f64 = 0.7;
/// Onset/offset half-life of the slow effect, days (`pd-dahan`: 10.9 +/- 4.0, 5.3-20.5).
pub(crate) const SLOW_HALF_LIFE_DAYS: f64 = 10.9;
/// Its spread (log-normal sigma): 4.0 / 10.9 (`pd-dahan`).
pub(crate) const SLOW_HALF_LIFE_SIGMA: f64 = 0.37;

/// Share of people whose pain responds to the slow effect at all, by condition.
///
/// - CRPS 0.75: *calibrated* so that about two thirds reach sub-acute relief after the 100-h
///   infusion (`pd-dahan`: 67% responders on ketamine).
/// - Neuropathic 0.6: *assumption*, as mixed pain (no duration study in the evidence).
/// - Mixed chronic 0.6: *calibrated assumption*; a small pooled effect for up to 2 weeks
///   (`mixed-orhurhu`), relief about 3 weeks after outpatient series (`mixed-patil`), 20-46%
///   improved after a short series (`mixed-tankha`).
/// - Fibromyalgia 0.2: 2/12 vs 0/12 with >50% relief at week 1 (`pd-noppers`), severe course
///   mostly in fibromyalgia (`mixed-corriger`).
pub(crate) fn slow_responder_share(c: Condition) -> f64 {
    match c {
        Condition::Crps => 0.75,
        Condition::Neuropathic => 0.6,
        Condition::MixedChronic => 0.6,
        Condition::Fibromyalgia => 0.2,
    }
}

/// EC50 multiplier for the reader's pain sensitivity. *Assumption* (no source measures it):
/// more sensitive people need more drug for the same relative relief.
pub(crate) fn ec50_multiplier(s: PainSensitivity) -> f64 {
    match s {
        PainSensitivity::Low => 0.75,
        PainSensitivity::Typical => 1.0,
        PainSensitivity::High => 1.35,
    }
}

// ---------------------------------------------------------------------------------------------
// Durable (chronic) relief
// ---------------------------------------------------------------------------------------------

/// Highest share of people reaching durable relief at very high exposure, by condition.
///
/// - CRPS 0.55: open-label remission 54-65% (`crps-correll`, `crps-kiefer`) discounted toward the
///   controlled trials that lose significance by week 12 (`crps-sigtermans`); 20% still relieved
///   at 3 months (`crps-goebel`). *Calibrated assumption.*
/// - Neuropathic 0.3, mixed chronic 0.25: *assumption*; mixed-pain series leave 20-46% improved
///   at 6 months uncontrolled (`mixed-tankha`) but pain barely moves at 12 months
///   (`mixed-corriger`).
/// - Fibromyalgia 0.1: no difference from placebo at week 8 (`pd-noppers`).
pub(crate) fn chronic_max_share(c: Condition) -> f64 {
    match c {
        Condition::Crps => 0.55,
        Condition::Neuropathic => 0.3,
        Condition::MixedChronic => 0.25,
        Condition::Fibromyalgia => 0.1,
    }
}

/// Exposure (series effect-site equivalent over the person's slow EC50) at which durable relief
/// reaches half its maximum share. *Calibrated assumption*: near the maximum for multi-day
/// infusions (`pd-dahan`: exposure about 7; `crps-schwartzman`: about 1.5), rare after a single
/// short infusion (`pd-noppers`: about 0.1).
pub(crate) const CHRONIC_HALF_EXPOSURE: f64 = 0.5;
/// Steepness of that relation (Hill coefficient). *Assumption.*
pub(crate) const CHRONIC_HILL: f64 = 1.5;
/// Median length of durable relief after it takes over, days: chosen so that the mean end is
/// about 9.4 months after the series (`crps-correll`). *Calibrated assumption.*
pub(crate) const CHRONIC_MEDIAN_DAYS: f64 = 120.0;
/// Its spread (log-normal sigma). *Assumption.*
pub(crate) const CHRONIC_SIGMA: f64 = 0.9;
/// Relief during durable relief, percent: uniform between these. *Assumption* ("pain-free" in
/// `crps-correll`, "full remission" in `crps-kiefer`, moderate in controlled data).
pub(crate) const CHRONIC_RELIEF_RANGE: (f64, f64) = (35.0, 70.0);

// ---------------------------------------------------------------------------------------------
// Side effects
// ---------------------------------------------------------------------------------------------

/// Side effects are expected from a dose's start until this long after its concentration peak,
/// hours: one elimination half-life (`pk-label`); "they fade within hours" (evidence: side
/// effects, `crps-sigtermans`). *Assumption.*
pub(crate) const SIDE_EFFECT_TAIL_H: f64 = 2.5;

// ---------------------------------------------------------------------------------------------
// Input bounds (what the evidence covers)
// ---------------------------------------------------------------------------------------------

/// Smallest dose per session, mg/kg, for any route.
pub(crate) const MIN_DOSE_MG_PER_KG: f64 = 0.05;
/// Intravenous infusion rate range, mg/kg/h: from S-ketamine 3 mg/h per 70 kg (`crps-mangnus`,
/// 0.04 mg/kg/h) to anaesthetic 7 mg/kg/h (`crps-kiefer`). A push (`sessionHours` below 5 min)
/// counts as given over 5 minutes.
pub(crate) const IV_RATE_RANGE: (f64, f64) = (0.04, 7.0);
/// Longest session, hours: 7 days (`crps-mangnus`).
pub(crate) const MAX_SESSION_HOURS: f64 = 168.0;
/// Continuous subcutaneous infusion rate range, mg/kg/h: titrated from 0.1 to 1.2 (`sc-rate`).
pub(crate) const SC_RATE_RANGE: (f64, f64) = (0.1, 1.2);
/// The same unit's cap of 500 mg a day (`sc-rate`), per kg for a 70-kg adult (*assumption*: the
/// model has no body weight): above it, a warning.
pub(crate) const SC_DAILY_CAP_MG_PER_KG: f64 = 500.0 / 70.0;
/// Shortest continuous subcutaneous infusion, hours. *Assumption*: shorter is an injection
/// (`subcutaneous`); the series in the evidence ran 3-7 days (`sc-zekry`).
pub(crate) const MIN_SC_INFUSION_HOURS: f64 = 1.0;
/// Shortest time between maintenance doses, hours: four intakes a day (`maint-marchetti`: 3-4).
pub(crate) const MAINTENANCE_EVERY_RANGE_H: (f64, f64) = (6.0, 168.0);
/// Most ketamine a day on a maintenance schedule, mg/kg: the top of `maint-marchetti`'s effective
/// oral doses (1.5-3.0 mg/kg a day); `maint-maudlin`'s mean 216 mg a day is about the same for a
/// 70-kg adult.
pub(crate) const MAX_MAINTENANCE_MG_PER_KG_DAY: f64 = 3.0;
/// Doses of a maintenance schedule whose concentration peak is a sample of the relief curve
/// (besides the last one); later ones are sampled at their troughs (see `curve.rs`).
pub(crate) const MAINTENANCE_PEAK_SAMPLES: usize = 12;

/// Largest single dose for routes that are not an IV infusion, mg/kg. *Assumption*: no duration
/// study uses these routes, so the bound keeps the absorbed dose (bioavailability x dose) at or
/// below about 1 mg/kg, the top of the analgesic range and half the anaesthetic IV dose
/// (`pk-label`).
pub(crate) fn max_bolus_dose(route: Route) -> f64 {
    match route {
        Route::IvInfusion | Route::SubcutaneousInfusion => f64::INFINITY,
        Route::ImInjection | Route::Subcutaneous => 1.0,
        Route::Intranasal => 3.0,
        Route::Sublingual | Route::Oral => 3.0,
    }
}

/// Sessions in the initial series (`crps-schwartzman`: 10; `boost-clinic`: 6 in 12 days).
pub(crate) const MAX_SESSIONS: u32 = 30;
/// Boosters: monthly for the longest horizon. *Assumption.*
pub(crate) const MAX_BOOSTERS: u32 = 36;
/// Days between sessions of the series.
pub(crate) const SESSION_INTERVAL_RANGE: (f64, f64) = (1.0, 60.0);
/// Days between boosters (`boost-gupta`: twice a week to every 3 months).
pub(crate) const BOOSTER_INTERVAL_RANGE: (f64, f64) = (3.0, 120.0);
/// Timeline length, days.
pub(crate) const HORIZON_RANGE: (f64, f64) = (7.0, 1095.0);

// ---------------------------------------------------------------------------------------------
// Paths through the phases
// ---------------------------------------------------------------------------------------------

/// Share of people on the acute-to-chronic path (sub-acute skipped) from which the summary says
/// so: 1 in 20, the smallest share its "about k in 10" wording rounds to 1 in 10.
pub(crate) const NOTABLE_PATH_SHARE: f64 = 0.05;
