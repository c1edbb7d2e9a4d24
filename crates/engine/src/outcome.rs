//! What one run produces: a daily series of every indicator for each district and the city.

use crate::scenario::{Date, District, DISTRICTS, DISTRICT_COUNT};

/// A daily indicator. `key()` is the snake_case name used in CSV exports and documented in
/// the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indicator {
    /// People newly infected that day.
    NewInfections,
    /// People infected and not yet recovered (E + I + Q).
    ActiveInfections,
    /// Infections since the start.
    CumulativeInfections,
    /// Cases found that day.
    DetectedNew,
    /// Cases found since the start.
    DetectedCumulative,
    /// People in isolation (Q).
    Isolated,
    /// Deaths since the start.
    DeathsCumulative,
    /// OxCGRT-style stringency index, 0–100 (city: population-weighted mean).
    Stringency,
    /// Value added that day, yuan.
    Gdp,
    /// Value added that day with no outbreak and no policy, yuan.
    GdpBaseline,
    /// Retail sales of consumer goods that day (offline + online), yuan.
    RetailSales,
    /// Retail sales that day with no outbreak and no policy, yuan.
    RetailBaseline,
    /// Catering sales that day, yuan.
    Catering,
    /// Cars sold that day.
    CarSalesUnits,
    /// Homes sold that day.
    HomeSalesUnits,
    /// Online sales that day, yuan.
    OnlineSales,
    /// Key-project investment completed, % of the annual plan.
    FaiCompletedPct,
    /// Key projects started (city: of `projects.count`).
    ProjectsStarted,
    /// People employed.
    Employment,
    /// Small firms open, % of all.
    SmesOpenPct,
    /// Policy spending since the start (vouchers, subsidies, relief, testing), yuan.
    FiscalCostCumulative,
    /// The testing part of `FiscalCostCumulative` (PCR tests × cost per test), yuan.
    TestingCostCumulative,
    /// People never infected (S). With `ActiveInfections` (E + I + Q), `Recovered` and
    /// `DeathsCumulative` it adds up to the population.
    Susceptible,
    /// People recovered (R).
    Recovered,
}

impl Indicator {
    pub const ALL: [Indicator; 24] = [
        Indicator::NewInfections,
        Indicator::ActiveInfections,
        Indicator::CumulativeInfections,
        Indicator::DetectedNew,
        Indicator::DetectedCumulative,
        Indicator::Isolated,
        Indicator::DeathsCumulative,
        Indicator::Stringency,
        Indicator::Gdp,
        Indicator::GdpBaseline,
        Indicator::RetailSales,
        Indicator::RetailBaseline,
        Indicator::Catering,
        Indicator::CarSalesUnits,
        Indicator::HomeSalesUnits,
        Indicator::OnlineSales,
        Indicator::FaiCompletedPct,
        Indicator::ProjectsStarted,
        Indicator::Employment,
        Indicator::SmesOpenPct,
        Indicator::FiscalCostCumulative,
        Indicator::TestingCostCumulative,
        Indicator::Susceptible,
        Indicator::Recovered,
    ];
    pub const COUNT: usize = Self::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// The snake_case name in CSV exports.
    pub fn key(self) -> &'static str {
        match self {
            Indicator::NewInfections => "new_infections",
            Indicator::ActiveInfections => "active_infections",
            Indicator::CumulativeInfections => "cumulative_infections",
            Indicator::DetectedNew => "detected_new",
            Indicator::DetectedCumulative => "detected_cumulative",
            Indicator::Isolated => "isolated",
            Indicator::DeathsCumulative => "deaths_cumulative",
            Indicator::Stringency => "stringency",
            Indicator::Gdp => "gdp",
            Indicator::GdpBaseline => "gdp_baseline",
            Indicator::RetailSales => "retail_sales",
            Indicator::RetailBaseline => "retail_baseline",
            Indicator::Catering => "catering",
            Indicator::CarSalesUnits => "car_sales_units",
            Indicator::HomeSalesUnits => "home_sales_units",
            Indicator::OnlineSales => "online_sales",
            Indicator::FaiCompletedPct => "fai_completed_pct",
            Indicator::ProjectsStarted => "projects_started",
            Indicator::Employment => "employment",
            Indicator::SmesOpenPct => "smes_open_pct",
            Indicator::FiscalCostCumulative => "fiscal_cost_cumulative",
            Indicator::TestingCostCumulative => "testing_cost_cumulative",
            Indicator::Susceptible => "susceptible",
            Indicator::Recovered => "recovered",
        }
    }

    pub fn from_key(key: &str) -> Option<Indicator> {
        Self::ALL.iter().copied().find(|i| i.key() == key)
    }
}

/// A district or the whole city.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    District(District),
    City,
}

impl Area {
    /// Number of areas: the districts plus the city.
    pub const COUNT: usize = DISTRICT_COUNT + 1;

    pub fn index(self) -> usize {
        match self {
            Area::District(d) => d.index(),
            Area::City => DISTRICT_COUNT,
        }
    }

    /// The id used in CSV exports: a district id or `city`.
    pub fn id(self) -> &'static str {
        match self {
            Area::District(d) => d.id(),
            Area::City => "city",
        }
    }

    /// The districts, then the city.
    pub fn all() -> impl Iterator<Item = Area> {
        DISTRICTS
            .iter()
            .map(|d| Area::District(*d))
            .chain(std::iter::once(Area::City))
    }
}

/// Daily series of a run, read by indicator and area: an [`Outcome`] has every one; what an
/// ensemble keeps of a replicate (`ensemble::EnsembleRun`) has those the summary reads.
pub trait Series {
    /// The first day.
    fn start(&self) -> Date;
    /// Number of days.
    fn days(&self) -> usize;
    /// One series, a value a day.
    fn series(&self, indicator: Indicator, area: Area) -> &[f64];
}

impl Series for Outcome {
    fn start(&self) -> Date {
        self.start
    }
    fn days(&self) -> usize {
        self.days
    }
    fn series(&self, indicator: Indicator, area: Area) -> &[f64] {
        Outcome::series(self, indicator, area)
    }
}

/// Every daily series of one run, stored indicator-major in one allocation.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub start: Date,
    days: usize,
    values: Vec<f64>,
}

impl Outcome {
    /// An outcome of `days` days from `start`, all zeros.
    pub fn zeros(start: Date, days: usize) -> Outcome {
        Outcome {
            start,
            days,
            values: vec![0.0; Indicator::COUNT * Area::COUNT * days],
        }
    }

    pub fn days(&self) -> usize {
        self.days
    }

    /// The date of day `i`.
    pub fn date(&self, i: usize) -> Date {
        self.start.add_days(i as i32)
    }

    /// The day index of `date`, if it is inside the run.
    pub fn day_of(&self, date: Date) -> Option<usize> {
        let i = date.days_since(self.start);
        (i >= 0 && (i as usize) < self.days).then_some(i as usize)
    }

    fn offset(&self, indicator: Indicator, area: Area) -> usize {
        (indicator.index() * Area::COUNT + area.index()) * self.days
    }

    pub fn series(&self, indicator: Indicator, area: Area) -> &[f64] {
        let o = self.offset(indicator, area);
        &self.values[o..o + self.days]
    }

    pub fn series_mut(&mut self, indicator: Indicator, area: Area) -> &mut [f64] {
        let o = self.offset(indicator, area);
        &mut self.values[o..o + self.days]
    }

    /// Sets one indicator's values on day `day`: the districts in index order, then the city.
    #[inline]
    pub fn set_day(
        &mut self,
        indicator: Indicator,
        day: usize,
        districts: &[f64; DISTRICT_COUNT],
        city: f64,
    ) {
        let days = self.days;
        let block =
            &mut self.values[indicator.index() * Area::COUNT * days..][..Area::COUNT * days];
        for (k, &v) in districts.iter().enumerate() {
            block[k * days + day] = v;
        }
        block[DISTRICT_COUNT * days + day] = city;
    }

    /// The value of one indicator for one area on day `day`.
    pub fn value(&self, indicator: Indicator, area: Area, day: usize) -> f64 {
        self.series(indicator, area)[day]
    }

    /// The last day's value of one indicator for one area (0 for an empty run).
    pub fn last(&self, indicator: Indicator, area: Area) -> f64 {
        self.series(indicator, area).last().copied().unwrap_or(0.0)
    }

    /// Every value of every series (for invariant checks).
    pub fn all_values(&self) -> &[f64] {
        &self.values
    }
}
