//! What an ensemble keeps of each stochastic replicate ([`EnsembleRun`]): a [`DaySink`] that
//! writes only the series the ensemble reads. It lives with the engine so that, like the daily
//! model, it is compiled for speed: it is written on every day of every replicate.

use crate::engine::{self, DaySink};
use crate::outcome::{Area, Indicator, Series};
use crate::scenario::{Date, Scenario, DISTRICT_COUNT};

/// The district series an [`EnsembleRun`] keeps: those the summary reads.
pub const DISTRICT_SERIES: [Indicator; 3] = [
    Indicator::CumulativeInfections,
    Indicator::DetectedCumulative,
    Indicator::Isolated,
];

/// What an ensemble keeps of one replicate: every city series, and the district series the
/// summary reads (cumulative infections, cases found, people isolated). A run writes these
/// alone instead of a whole [`Outcome`](crate::outcome::Outcome) (24 indicators × 12 areas).
#[derive(Clone, Debug, PartialEq)]
pub struct EnsembleRun {
    start: Date,
    days: usize,
    /// [indicator][day].
    city: Vec<f64>,
    /// [`DISTRICT_SERIES`] index][district][day].
    districts: Vec<f64>,
}

impl EnsembleRun {
    /// Room for a run of `scenario`, all zeros.
    pub fn new(scenario: &Scenario) -> EnsembleRun {
        let days = engine::days_of(scenario);
        EnsembleRun {
            start: scenario.start,
            days,
            city: vec![0.0; Indicator::COUNT * days],
            districts: vec![0.0; DISTRICT_SERIES.len() * DISTRICT_COUNT * days],
        }
    }

    /// The city's series of `indicator`.
    pub fn city(&self, indicator: Indicator) -> &[f64] {
        &self.city[indicator.index() * self.days..][..self.days]
    }
}

impl Series for EnsembleRun {
    fn start(&self) -> Date {
        self.start
    }

    fn days(&self) -> usize {
        self.days
    }

    /// Any city series; of the districts, the [`DISTRICT_SERIES`] only (others panic).
    fn series(&self, indicator: Indicator, area: Area) -> &[f64] {
        match area {
            Area::City => self.city(indicator),
            Area::District(d) => {
                let k = DISTRICT_SERIES
                    .iter()
                    .position(|&x| x == indicator)
                    .expect("an ensemble run keeps the district series the summary reads");
                &self.districts[(k * DISTRICT_COUNT + d.index()) * self.days..][..self.days]
            }
        }
    }
}

impl DaySink for EnsembleRun {
    fn day(
        &mut self,
        day: usize,
        districts: &[[f64; DISTRICT_COUNT]; Indicator::COUNT],
        city: &[f64; Indicator::COUNT],
    ) {
        let days = self.days;
        for (k, &v) in city.iter().enumerate() {
            self.city[k * days + day] = v;
        }
        for (k, ind) in DISTRICT_SERIES.iter().enumerate() {
            for (i, &v) in districts[ind.index()].iter().enumerate() {
                self.districts[(k * DISTRICT_COUNT + i) * days + day] = v;
            }
        }
    }
}
