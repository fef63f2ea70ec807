//! The sources behind the model's numbers, by the ids used in `shared/evidence.md`.

use super::timeline::Source;

/// Every source the estimator can cite.
pub const SOURCES: &[Source] = &[
    Source {
        id: "pk-label",
        citation: "Ketalar prescribing information",
    },
    Source {
        id: "pk-kamp",
        citation: "Kamp et al. 2020, Anesthesiology",
    },
    Source {
        id: "pk-domino",
        citation: "Domino et al. 1984 (parameters as coded in opentiva)",
    },
    Source {
        id: "pk-clements",
        citation: "Clements & Nimmo 1981, Br J Anaesth 53:27",
    },
    Source {
        id: "pk-yanagihara",
        citation: "Yanagihara et al. 2003, Biopharm Drug Dispos",
    },
    Source {
        id: "pk-rolan",
        citation: "Rolan et al. 2014, Br J Clin Pharmacol",
    },
    Source {
        id: "pk-chong",
        citation: "Chong et al. 2006, Pain Med",
    },
    Source {
        id: "pk-im",
        citation: "Label summaries citing Clements 1982 (secondary)",
    },
    Source {
        id: "pk-fanta",
        citation: "Fanta et al. 2015, Eur J Clin Pharmacol",
    },
    Source {
        id: "pk-norket",
        citation: "Reviews of norketamine (secondary)",
    },
    Source {
        id: "pk-nasal-low",
        citation: "Pharmacotherapy 2022;42:298 (review)",
    },
    Source {
        id: "pk-esket",
        citation: "Peltoniemi et al. 2016, Clin Pharmacokinet",
    },
    Source {
        id: "pk-sc",
        citation: "No human bioavailability figure found (secondary, weak)",
    },
    Source {
        id: "pd-dahan",
        citation: "Dahan et al. 2011, Eur J Pain",
    },
    Source {
        id: "pd-noppers",
        citation: "Noppers et al. 2011, Eur J Pain",
    },
    Source {
        id: "crps-sigtermans",
        citation: "Sigtermans et al. 2009, Pain 145:304",
    },
    Source {
        id: "crps-schwartzman",
        citation: "Schwartzman et al. 2009, Pain",
    },
    Source {
        id: "guide-2018",
        citation: "Cohen et al. 2018, Reg Anesth Pain Med",
    },
    Source {
        id: "crps-goebel",
        citation: "Goebel et al. 2015 (secondary)",
    },
    Source {
        id: "crps-mangnus",
        citation: "Mangnus et al. 2021 (secondary)",
    },
    Source {
        id: "crps-correll",
        citation: "Correll et al. 2004, Pain Med (secondary)",
    },
    Source {
        id: "crps-kiefer",
        citation: "Kiefer et al. 2008, Pain Med (secondary)",
    },
    Source {
        id: "mixed-orhurhu",
        citation: "Orhurhu et al. 2019, Anesth Analg",
    },
    Source {
        id: "mixed-patil",
        citation: "Patil & Anitescu 2012, Pain Med",
    },
    Source {
        id: "mixed-tankha",
        citation: "Tankha et al. 2025, Reg Anesth Pain Med",
    },
    Source {
        id: "mixed-corriger",
        citation: "Corriger et al. 2022, Pain",
    },
    Source {
        id: "acute-motov",
        citation: "Motov et al. 2015",
    },
    Source {
        id: "boost-gupta",
        citation: "Gupta 2018, Medscape (secondary)",
    },
    Source {
        id: "boost-clinic",
        citation: "Clinic pages (anecdotal)",
    },
    Source {
        id: "boost-correll",
        citation: "Correll et al. 2004 (secondary, weak)",
    },
    Source {
        id: "maint-marchetti",
        citation: "Marchetti et al. 2015, Eur J Pain (doi 10.1002/ejp.624)",
    },
    Source {
        id: "maint-maudlin",
        citation: "Maudlin, Gibson & Aggarwal, Intern Med J (medRxiv 10.1101/2020.07.13.20153247)",
    },
    Source {
        id: "maint-kapural",
        citation: "Kapural et al. 2010, Pain Physician (PMID 20648208)",
    },
    Source {
        id: "sc-zekry",
        citation: "Zekry, Gibson & Aggarwal 2016, J Pain Palliat Care Pharmacother 30:91",
    },
    Source {
        id: "sc-rate",
        citation: "Maudlin et al., summary of the unit's protocol (secondary)",
    },
    Source {
        id: "cyp-hagelberg",
        citation: "Hagelberg et al. 2010, Eur J Pain 14:625 (clarithromycin)",
    },
    Source {
        id: "cyp-itraconazole",
        citation: "Peltoniemi et al. 2011, Clin Pharmacol Ther 90:296 (itraconazole, ticlopidine)",
    },
    Source {
        id: "cyp-peltoniemi",
        citation: "Peltoniemi et al. 2012, Basic Clin Pharmacol Toxicol 111:325 (rifampicin)",
    },
    Source {
        id: "immpact",
        citation: "Dworkin et al. 2008, J Pain (IMMPACT)",
    },
];

/// The sources with these ids, in the table's order.
pub(crate) fn cite(ids: &[&str]) -> Vec<Source> {
    SOURCES
        .iter()
        .filter(|s| ids.contains(&s.id))
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cite_finds_known_ids() {
        assert_eq!(cite(&["pd-dahan", "nope"]).len(), 1);
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in SOURCES.iter().enumerate() {
            assert!(SOURCES[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
    }
}
