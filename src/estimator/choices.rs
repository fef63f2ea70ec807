//! The scenario's choices: route, formulation, condition, metabolism, pain sensitivity and the
//! underlying-health factors (liver function, CYP3A4 medicines, long-term opioid use), with their
//! serde names (camelCase: `"ivInfusion"`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How the dose is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Route {
    /// Intravenous infusion over `sessionHours`.
    #[default]
    IvInfusion,
    /// Intramuscular injection.
    ImInjection,
    /// Subcutaneous injection.
    Subcutaneous,
    /// Nasal spray.
    Intranasal,
    /// Under the tongue (lozenge or troche).
    Sublingual,
    /// Swallowed.
    Oral,
    /// Continuous subcutaneous infusion over `sessionHours` (hours to 7 days, `sc-zekry`).
    SubcutaneousInfusion,
}

/// Which ketamine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Formulation {
    /// The usual 50:50 mixture of R- and S-ketamine.
    #[default]
    Racemic,
    /// S-ketamine alone, about twice as potent (`pk-esket`).
    Esketamine,
}

/// The pain condition being treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Condition {
    /// Complex regional pain syndrome.
    #[default]
    Crps,
    /// Fibromyalgia.
    Fibromyalgia,
    /// Other neuropathic pain.
    Neuropathic,
    /// Mixed or other chronic pain.
    MixedChronic,
}

/// How quickly the person clears ketamine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Metabolism {
    /// Slower clearance than most.
    Slow,
    /// Typical clearance.
    #[default]
    Typical,
    /// Faster clearance than most.
    Fast,
}

/// How sensitive the person is to pain (and so to the drug's relief).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum PainSensitivity {
    /// Less sensitive than most.
    Low,
    /// Typical.
    #[default]
    Typical,
    /// More sensitive than most.
    High,
}

/// How well the liver works (ketamine is cleared almost entirely by the liver).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum LiverFunction {
    /// No known liver disease.
    #[default]
    Normal,
    /// Reduced liver function (e.g. cirrhosis): slower clearance, an *assumption* (no human
    /// figure found).
    Reduced,
}

/// A regular medicine that changes CYP3A4, the enzyme that turns ketamine into norketamine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Cyp3a4 {
    /// Neither.
    #[default]
    None,
    /// A strong inhibitor such as clarithromycin (`cyp-hagelberg`).
    Inhibitor,
    /// An inducer such as rifampicin (`cyp-peltoniemi`).
    Inducer,
}

/// Long-term opioid use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum OpioidUse {
    /// None, or not long-term at high doses.
    #[default]
    None,
    /// Long-term, high-dose opioid use (`maint-kapural`).
    LongTermHighDose,
}

impl Route {
    /// Plain-English name, e.g. "intravenous infusion".
    pub fn describe(self) -> &'static str {
        match self {
            Route::IvInfusion => "intravenous infusion",
            Route::ImInjection => "intramuscular injection",
            Route::Subcutaneous => "subcutaneous injection",
            Route::Intranasal => "nasal spray",
            Route::Sublingual => "under-the-tongue dose",
            Route::Oral => "swallowed dose",
            Route::SubcutaneousInfusion => "continuous subcutaneous infusion",
        }
    }

    /// True for routes given as a single dose rather than over `sessionHours`.
    pub fn is_bolus(self) -> bool {
        !matches!(self, Route::IvInfusion | Route::SubcutaneousInfusion)
    }

    /// True for the routes a regular maintenance schedule (`maintenanceEveryHours`) is used with:
    /// swallowed, under the tongue and nasal spray (`maint-marchetti`, `maint-maudlin`).
    /// Infusions repeat as boosters instead.
    pub fn allows_maintenance(self) -> bool {
        matches!(self, Route::Oral | Route::Sublingual | Route::Intranasal)
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}
