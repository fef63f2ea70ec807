//! The dose schedule implied by a scenario: when each dose starts and ends, and how it enters
//! the blood (route, bioavailability, potency) for a typical person.

use super::params::{
    clearance_multiplier, cyp3a4_exposure, liver_clearance_multiplier, potency, route_kinetics,
    RouteKinetics, BOLUS_ADMIN_HOURS,
};
use super::pk::{Disposition, DoseCurve, Input};
use super::scenario::Scenario;
use super::timeline::Dose;

/// The schedule and the per-dose inputs shared by everyone in the population.
#[derive(Clone, Debug)]
pub(crate) struct Regimen {
    /// Every dose, series first, then boosters or maintenance doses (all of them, even past the
    /// horizon), in time order.
    pub doses: Vec<Dose>,
    /// How many of `doses` belong to the initial series.
    pub series: usize,
    /// How many of `doses` (the series and the boosters) each person is walked through dose by
    /// dose; the maintenance doses after them are periodic and worked out in closed form.
    pub walked: usize,
    /// Days between maintenance doses (0 without a schedule).
    pub maintenance_interval: f64,
    /// Days over which a dose feeds the slow effect: the infusion for IV, 0 (an impulse) for
    /// absorbed routes, whose absorption takes hours against a slow half-life of days.
    pub feed_days: f64,
    /// Hours from a dose's start to its concentration peak.
    pub peak_hours: f64,
    /// Dose per session, mg/kg.
    pub dose_mg_per_kg: f64,
    /// Route bioavailability and absorption.
    pub kinetics: RouteKinetics,
    /// Potency relative to racemic ketamine.
    pub potency: f64,
    /// Clearance multiplier for the reader's metabolism and liver function, divided by the
    /// exposure change of a CYP3A4 medicine (exposure scales as `1 / clearance`).
    pub clearance: f64,
    /// One dose's concentration curve.
    pub dose_curve: DoseCurve,
    /// Timeline length, days.
    pub horizon: f64,
    /// Days between session starts in the series.
    pub series_interval: f64,
    /// Days between booster starts (the first booster comes this long after the last session).
    pub booster_interval: f64,
}

impl Regimen {
    /// Lays out the series (session `i` at `i * sessionIntervalDays`), the boosters (booster
    /// `j` at `boosterEveryDays * j` after the last session's start) and the maintenance doses
    /// (dose `j` at `maintenanceEveryHours * j` after the last session's start, while before the
    /// stop day).
    #[inline(never)]
    pub(crate) fn new(s: &Scenario) -> Regimen {
        let kinetics = route_kinetics(s.route(), s.formulation());
        let infusion_hours = s.infusion_hours();
        let input = Input::for_route(&kinetics, infusion_hours);
        let admin_days = if s.route().is_bolus() {
            BOLUS_ADMIN_HOURS
        } else {
            infusion_hours
        } / 24.0;
        let interval = s.session_interval_days().get();
        let every = s.booster_every_days().get();
        let series = s.sessions() as usize;
        let last_series = interval * (series as f64 - 1.0);
        let mut doses = Vec::with_capacity(series + s.boosters() as usize);
        for i in 0..series {
            let start = interval * i as f64;
            doses.push(Dose {
                start_days: start,
                end_days: start + admin_days,
                booster: false,
                maintenance: false,
            });
        }
        for j in 1..=s.boosters() {
            let start = last_series + every * f64::from(j);
            doses.push(Dose {
                start_days: start,
                end_days: start + admin_days,
                booster: true,
                maintenance: false,
            });
        }
        let walked = doses.len();
        let maintenance_interval = s.maintenance_every_hours().get() / 24.0;
        if s.has_maintenance() {
            let end = s.maintenance_end_day();
            // Doses strictly before the stop day; validation guarantees at least one.
            let count = ((end - last_series) / maintenance_interval).ceil().max(1.0) as usize - 1;
            doses.reserve(count);
            for j in 1..=count {
                let start = last_series + maintenance_interval * j as f64;
                doses.push(Dose {
                    start_days: start,
                    end_days: start + admin_days,
                    booster: false,
                    maintenance: true,
                });
            }
        }
        let clearance = clearance_multiplier(s.metabolism())
            * liver_clearance_multiplier(s.liver_function())
            / cyp3a4_exposure(s.cyp3a4(), s.route());
        Regimen {
            doses,
            series,
            walked,
            maintenance_interval,
            feed_days: if s.route().is_bolus() {
                0.0
            } else {
                infusion_hours / 24.0
            },
            peak_hours: input.peak_hours(),
            dose_mg_per_kg: s.dose_mg_per_kg().get(),
            kinetics,
            potency: potency(s.formulation()),
            clearance,
            dose_curve: Disposition::clements().dose_curve(input),
            horizon: s.horizon_days().get(),
            series_interval: interval,
            booster_interval: every,
        }
    }

    /// When the slow effect's input from dose `i` ends, days.
    pub(crate) fn feed_end(&self, i: usize) -> f64 {
        self.doses[i].start_days + self.feed_days
    }

    /// End of the last walked dose (series and boosters), days: where relief ends for someone
    /// who never reaches it (maintenance doses that bring no relief do not extend it).
    pub(crate) fn last_walked_end(&self) -> f64 {
        self.doses[self.walked - 1].end_days
    }

    /// Maintenance doses (after the walked ones).
    pub(crate) fn maintenance_count(&self) -> usize {
        self.doses.len() - self.walked
    }

    /// Concentration (ng/mL) of a typical person per mg/kg *absorbed*, typical clearance, summed
    /// over all doses given before `t_days`. Doses more than three days back contribute nothing
    /// measurable (slower disposition half-life about 3 h, `pk-clements`).
    pub(crate) fn unit_concentration(&self, t_days: f64) -> f64 {
        // Doses are in time order: those started within the last three days (plus a feed).
        let after = self.doses.partition_point(|d| d.start_days < t_days);
        let from = self
            .doses
            .partition_point(|d| d.start_days <= t_days - 3.0 - self.feed_days);
        self.doses[from.min(after)..after]
            .iter()
            .map(|d| self.dose_curve.at((t_days - d.start_days) * 24.0))
            .sum()
    }
}
