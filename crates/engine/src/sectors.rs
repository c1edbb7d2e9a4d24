//! The eight sectors of the economic block and their fixed assumptions: share of value added,
//! how demand reacts to controls and fear, how supply reacts to work stoppages, which demand
//! can wait, how much of the sector is small firms, its share of jobs and its spare capacity.
//! Every number is listed in MODEL.md ("Sectors") with its tag: derived [D] or assumption [A].

/// Number of sectors.
pub const SECTOR_COUNT: usize = 8;

/// A sector; the discriminant is its index in every per-sector array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sector {
    Catering = 0,
    Retail = 1,
    Autos = 2,
    RealEstate = 3,
    Manufacturing = 4,
    Construction = 5,
    OtherServices = 6,
    Agriculture = 7,
}

pub const SECTORS: [Sector; SECTOR_COUNT] = [
    Sector::Catering,
    Sector::Retail,
    Sector::Autos,
    Sector::RealEstate,
    Sector::Manufacturing,
    Sector::Construction,
    Sector::OtherServices,
    Sector::Agriculture,
];

/// Jinzhong 2021 value added by industry, 亿元 (statistical bulletin) [S].
pub const PRIMARY_2021: f64 = 149.3;
pub const SECONDARY_2021: f64 = 943.3;
pub const TERTIARY_2021: f64 = 750.9;

/// Fixed assumptions of one sector.
pub struct SectorSpec {
    pub key: &'static str,
    /// Share of GDP [D]: the sourced primary/secondary/tertiary split, divided within the
    /// secondary and tertiary industries by China's 2021 national shares (NBS) [A].
    pub va_share: f64,
    /// Weight of the dining fall (`economy.dining_drop`) in the demand hit at full controls.
    pub dining_weight: f64,
    /// Weight of the offline-spending fall (`economy.offline_drop`) in the demand hit.
    pub offline_weight: f64,
    /// Weight of fear of infection (`economy.fear_per_doubling`) on the sector's demand.
    pub fear_weight: f64,
    /// Weight of the work stoppage (`projects.stoppage_effect` × stringency) on supply.
    pub stoppage_weight: f64,
    /// Share of demand lost to controls and fear that waits in a backlog (cars, homes, part of
    /// retail) instead of being lost.
    pub deferrable: f64,
    /// How much of the sector is small firms: their closures cut its output by this share.
    pub sme_weight: f64,
    /// Share of the city's jobs [A].
    pub job_share: f64,
    /// Output the sector can reach relative to its normal level, with all its workers at work
    /// [A]: shops and restaurants have seats and shelves to spare for vouchers and the backlog
    /// (2.0); factories, sites and farms only overtime (1.1), so a work stoppage cuts them.
    pub capacity: f64,
}

const fn tertiary(x: f64) -> f64 {
    x * TERTIARY_2021 / (PRIMARY_2021 + SECONDARY_2021 + TERTIARY_2021)
}
const fn secondary(x: f64) -> f64 {
    x * SECONDARY_2021 / (PRIMARY_2021 + SECONDARY_2021 + TERTIARY_2021)
}

/// The sector table, in [`Sector`] order.
pub const SPECS: [SectorSpec; SECTOR_COUNT] = [
    SectorSpec {
        key: "catering",
        va_share: tertiary(0.03),
        dining_weight: 1.0,
        offline_weight: 0.0,
        fear_weight: 1.0,
        stoppage_weight: 0.0,
        deferrable: 0.0,
        sme_weight: 0.9,
        job_share: 0.05,
        capacity: 2.0,
    },
    SectorSpec {
        key: "retail",
        va_share: tertiary(0.16),
        dining_weight: 0.0,
        offline_weight: 1.0,
        fear_weight: 1.0,
        stoppage_weight: 0.0,
        deferrable: 0.3,
        sme_weight: 0.7,
        job_share: 0.12,
        capacity: 2.0,
    },
    SectorSpec {
        key: "autos",
        va_share: tertiary(0.02),
        dining_weight: 0.0,
        offline_weight: 1.0,
        fear_weight: 1.0,
        stoppage_weight: 0.0,
        deferrable: 1.0,
        sme_weight: 0.3,
        job_share: 0.01,
        capacity: 2.0,
    },
    SectorSpec {
        key: "real_estate",
        va_share: tertiary(0.13),
        dining_weight: 0.0,
        offline_weight: 1.0,
        fear_weight: 1.0,
        stoppage_weight: 0.0,
        deferrable: 1.0,
        sme_weight: 0.2,
        job_share: 0.02,
        capacity: 2.0,
    },
    SectorSpec {
        key: "manufacturing",
        va_share: secondary(0.85),
        dining_weight: 0.0,
        offline_weight: 0.0,
        fear_weight: 0.0,
        stoppage_weight: 0.5,
        deferrable: 0.0,
        sme_weight: 0.2,
        job_share: 0.22,
        capacity: 1.1,
    },
    SectorSpec {
        key: "construction",
        va_share: secondary(0.15),
        dining_weight: 0.0,
        offline_weight: 0.0,
        fear_weight: 0.0,
        stoppage_weight: 1.0,
        deferrable: 0.0,
        sme_weight: 0.3,
        job_share: 0.09,
        capacity: 1.1,
    },
    SectorSpec {
        key: "other_services",
        va_share: tertiary(0.66),
        dining_weight: 0.0,
        offline_weight: 0.5,
        fear_weight: 0.5,
        stoppage_weight: 0.0,
        deferrable: 0.0,
        sme_weight: 0.6,
        job_share: 0.27,
        capacity: 1.5,
    },
    SectorSpec {
        key: "agriculture",
        va_share: PRIMARY_2021 / (PRIMARY_2021 + SECONDARY_2021 + TERTIARY_2021),
        dining_weight: 0.0,
        offline_weight: 0.0,
        fear_weight: 0.0,
        stoppage_weight: 0.2,
        deferrable: 0.0,
        sme_weight: 0.0,
        job_share: 0.22,
        capacity: 1.1,
    },
];

/// Shares of retail sales of consumer goods (社会消费品零售总额): catering 10.6% and cars 10.0%
/// as in China's 2021 figures (NBS: 4.69 and 4.41 of 44.08 trillion yuan) [D]; goods are the rest.
pub const RETAIL_CATERING_SHARE: f64 = 0.106;
pub const RETAIL_AUTOS_SHARE: f64 = 0.100;
pub const RETAIL_GOODS_SHARE: f64 = 1.0 - RETAIL_CATERING_SHARE - RETAIL_AUTOS_SHARE;
/// Share of goods sold online in a normal year [A] (China 2021: about 31% of goods; lower for a
/// less urban prefecture).
pub const ONLINE_GOODS_SHARE: f64 = 0.15;
/// Mean price of a car, yuan [A].
pub const CAR_PRICE_YUAN: f64 = 150_000.0;
/// New homes sold per 1,000 residents a year [A].
pub const HOMES_PER_1000_RESIDENTS: f64 = 6.0;
/// Mean price of a home, yuan [A] (about 7,000 yuan/m² × 100 m²).
pub const HOME_PRICE_YUAN: f64 = 700_000.0;
/// Days over which home purchases pulled forward by the subsidy are given back [A].
pub const HOUSING_PAYBACK_DAYS: f64 = 180.0;
/// Where general vouchers are spent: catering, the rest goods [A] (the sources: mostly
/// catering, food and drink).
pub const GENERAL_VOUCHER_CATERING_SHARE: f64 = 0.4;
/// Revenue loss a small firm absorbs from its margin without drawing on its cash [A].
pub const SME_MARGIN: f64 = 0.1;
/// Log-scale spread σ of SMEs' cash runway [D]: a log-normal through the survey's two points
/// (40% out of cash within 30 days, 80% within 90) has σ = ln 3 / (z₀.₈ − z₀.₄) ≈ 1.0.
pub const SME_RUNWAY_SIGMA: f64 = 1.0;
/// Short-run elasticity of jobs to output [A]; jobs of closed firms are lost in full.
pub const JOB_OUTPUT_ELASTICITY: f64 = 0.3;
/// The transmission split of Eichenbaum, Rebelo & Trabandt (2021) [S]: consumption, work, other.
pub const ACTIVITY_CONSUMPTION: f64 = 1.0 / 6.0;
pub const ACTIVITY_WORK: f64 = 1.0 / 6.0;
pub const ACTIVITY_OTHER: f64 = 2.0 / 3.0;
/// The highest fear-driven fall in demand [A].
pub const FEAR_CAP: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up() {
        let va: f64 = SPECS.iter().map(|s| s.va_share).sum();
        assert!((va - 1.0).abs() < 1e-12, "{va}");
        let jobs: f64 = SPECS.iter().map(|s| s.job_share).sum();
        assert!((jobs - 1.0).abs() < 1e-12, "{jobs}");
        for (i, s) in SECTORS.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
    }
}
