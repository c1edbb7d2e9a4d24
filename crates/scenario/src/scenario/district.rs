//! Jinzhong's 11 county-level divisions, their ids (used in links, JSON and CSV), names and
//! 2020-census populations.

use crate::json::{self, FromJson, ToJson, Value};
use std::fmt;
use std::str::FromStr;

/// Number of districts the engine simulates.
pub const DISTRICT_COUNT: usize = 11;

/// One of Jinzhong's county-level divisions. The discriminant is its index in every
/// per-district array of the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum District {
    Yuci = 0,
    Taigu = 1,
    Qi = 2,
    Pingyao = 3,
    Lingshi = 4,
    Jiexiu = 5,
    Shouyang = 6,
    Xiyang = 7,
    Heshun = 8,
    Zuoquan = 9,
    Yushe = 10,
}

/// All districts in index order.
pub const DISTRICTS: [District; DISTRICT_COUNT] = [
    District::Yuci,
    District::Taigu,
    District::Qi,
    District::Pingyao,
    District::Lingshi,
    District::Jiexiu,
    District::Shouyang,
    District::Xiyang,
    District::Heshun,
    District::Zuoquan,
    District::Yushe,
];

/// Residents of Shouyang, Heshun and Yushe together (2020 census); only their sum is sourced.
pub const SHOUYANG_HESHUN_YUSHE: u32 = 433_683;

impl District {
    pub fn index(self) -> usize {
        self as usize
    }

    /// The id used in links, JSON and CSV exports.
    pub fn id(self) -> &'static str {
        match self {
            District::Yuci => "yuci",
            District::Taigu => "taigu",
            District::Qi => "qi",
            District::Pingyao => "pingyao",
            District::Lingshi => "lingshi",
            District::Jiexiu => "jiexiu",
            District::Shouyang => "shouyang",
            District::Xiyang => "xiyang",
            District::Heshun => "heshun",
            District::Zuoquan => "zuoquan",
            District::Yushe => "yushe",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            District::Yuci => "榆次区",
            District::Taigu => "太谷区",
            District::Qi => "祁县",
            District::Pingyao => "平遥县",
            District::Lingshi => "灵石县",
            District::Jiexiu => "介休市",
            District::Shouyang => "寿阳县",
            District::Xiyang => "昔阳县",
            District::Heshun => "和顺县",
            District::Zuoquan => "左权县",
            District::Yushe => "榆社县",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            District::Yuci => "Yuci",
            District::Taigu => "Taigu",
            District::Qi => "Qi",
            District::Pingyao => "Pingyao",
            District::Lingshi => "Lingshi",
            District::Jiexiu => "Jiexiu",
            District::Shouyang => "Shouyang",
            District::Xiyang => "Xiyang",
            District::Heshun => "Heshun",
            District::Zuoquan => "Zuoquan",
            District::Yushe => "Yushe",
        }
    }

    /// Residents, 2020 census. Shouyang, Heshun and Yushe are estimates: their sourced sum
    /// ([`SHOUYANG_HESHUN_YUSHE`]) split 3 : 2 : 2, Shouyang being the largest of the three
    /// counties (see MODEL.md, "Population").
    pub fn population(self) -> f64 {
        match self {
            District::Yuci => 904_518.0,
            District::Taigu => 322_099.0,
            District::Qi => 254_535.0,
            District::Pingyao => 450_697.0,
            District::Lingshi => 246_491.0,
            District::Jiexiu => 432_095.0,
            District::Xiyang => 190_861.0,
            District::Zuoquan => 144_519.0,
            District::Shouyang => 185_865.0,
            District::Heshun | District::Yushe => 123_909.0,
        }
    }

    /// True where the population is an estimate rather than a census figure.
    pub fn population_is_estimate(self) -> bool {
        matches!(
            self,
            District::Shouyang | District::Heshun | District::Yushe
        )
    }

    /// Position on the page's tile map: (column, row), roughly north-east to south-west as the
    /// districts lie on the map.
    pub fn tile(self) -> (u8, u8) {
        match self {
            District::Shouyang => (2, 0),
            District::Yuci => (1, 1),
            District::Xiyang => (3, 1),
            District::Taigu => (1, 2),
            District::Heshun => (3, 2),
            District::Qi => (0, 2),
            District::Yushe => (2, 3),
            District::Zuoquan => (3, 3),
            District::Pingyao => (0, 3),
            District::Jiexiu => (0, 4),
            District::Lingshi => (1, 4),
        }
    }
}

impl fmt::Display for District {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for District {
    type Err = String;
    fn from_str(s: &str) -> Result<District, String> {
        DISTRICTS
            .iter()
            .copied()
            .find(|d| d.id() == s)
            .ok_or_else(|| {
                format!(
                    "unknown district \"{}\"",
                    s.chars().take(40).collect::<String>()
                )
            })
    }
}

impl FromJson for District {
    /// Its id (`"yuci"`, …); an unknown one is refused with the list of ids.
    fn from_json(v: &Value) -> Result<District, json::Error> {
        super::file::name_index(v, "district", &DISTRICTS.map(District::id)).map(|i| DISTRICTS[i])
    }
}

impl ToJson for District {
    fn to_json(&self) -> Value {
        self.id().to_json()
    }
}

/// Total residents of the city.
pub fn city_population() -> f64 {
    DISTRICTS.iter().map(|d| d.population()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn populations_add_up_to_the_census() {
        assert_eq!(city_population(), 3_379_498.0);
        let residual: f64 = [District::Shouyang, District::Heshun, District::Yushe]
            .iter()
            .map(|d| d.population())
            .sum();
        assert_eq!(residual, SHOUYANG_HESHUN_YUSHE as f64);
    }

    #[test]
    fn ids_round_trip_and_indices_match() {
        for (i, d) in DISTRICTS.iter().enumerate() {
            assert_eq!(d.index(), i);
            assert_eq!(d.id().parse::<District>().unwrap(), *d);
        }
    }
}
