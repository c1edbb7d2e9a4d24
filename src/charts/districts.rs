//! The district view's numbers: one figure per district for the tile map, and its colours.

use super::style::{sequential, Rgb};
use crate::i18n::{Quantity, Text};
use crate::scenario::{DISTRICTS, DISTRICT_COUNT};
use crate::sim::{Area, Indicator, Outcome};

/// What the tile map is coloured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapIndicator {
    Infections,
    Detected,
    PeakIsolated,
    MaxStringency,
    GdpLossPct,
    SmesOpenEnd,
}

impl MapIndicator {
    pub const ALL: [MapIndicator; 6] = [
        MapIndicator::Infections,
        MapIndicator::Detected,
        MapIndicator::PeakIsolated,
        MapIndicator::MaxStringency,
        MapIndicator::GdpLossPct,
        MapIndicator::SmesOpenEnd,
    ];

    /// The value of the `<select>` option.
    pub fn key(self) -> &'static str {
        match self {
            MapIndicator::Infections => "infections",
            MapIndicator::Detected => "detected",
            MapIndicator::PeakIsolated => "peak_isolated",
            MapIndicator::MaxStringency => "max_stringency",
            MapIndicator::GdpLossPct => "gdp_loss_pct",
            MapIndicator::SmesOpenEnd => "smes_open_end",
        }
    }

    pub fn from_key(key: &str) -> Option<MapIndicator> {
        Self::ALL.iter().copied().find(|m| m.key() == key)
    }

    pub fn text(self) -> Text {
        match self {
            MapIndicator::Infections => Text::MapInfections,
            MapIndicator::Detected => Text::MapDetected,
            MapIndicator::PeakIsolated => Text::MapPeakIsolated,
            MapIndicator::MaxStringency => Text::MapMaxStringency,
            MapIndicator::GdpLossPct => Text::MapGdpLossPct,
            MapIndicator::SmesOpenEnd => Text::MapSmesOpenEnd,
        }
    }

    pub fn quantity(self) -> Quantity {
        match self {
            MapIndicator::Infections | MapIndicator::Detected | MapIndicator::PeakIsolated => {
                Quantity::People
            }
            MapIndicator::MaxStringency => Quantity::Index,
            MapIndicator::GdpLossPct | MapIndicator::SmesOpenEnd => Quantity::Percent,
        }
    }

    /// The figure of each district, in [`DISTRICTS`] order.
    pub fn values(self, outcome: &Outcome) -> [f64; DISTRICT_COUNT] {
        self.values_until(outcome, None)
    }

    /// The figure of each district as of the end of day `until` (the whole run for `None`):
    /// totals on that day, peaks and GDP lost over the days so far, firms open that day.
    pub fn values_until(self, outcome: &Outcome, until: Option<usize>) -> [f64; DISTRICT_COUNT] {
        let shown = until.map_or(usize::MAX, |d| d.saturating_add(1));
        let mut out = [0.0; DISTRICT_COUNT];
        for (slot, &d) in out.iter_mut().zip(DISTRICTS.iter()) {
            let area = Area::District(d);
            let s = |i| {
                let all = outcome.series(i, area);
                &all[..all.len().min(shown)]
            };
            let last = |i| s(i).last().copied().unwrap_or(0.0);
            let max = |i| s(i).iter().copied().fold(0.0f64, f64::max);
            *slot = match self {
                MapIndicator::Infections => last(Indicator::CumulativeInfections),
                MapIndicator::Detected => last(Indicator::DetectedCumulative),
                MapIndicator::PeakIsolated => max(Indicator::Isolated),
                MapIndicator::MaxStringency => max(Indicator::Stringency),
                MapIndicator::GdpLossPct => {
                    let base: f64 = s(Indicator::GdpBaseline).iter().sum();
                    let gdp: f64 = s(Indicator::Gdp).iter().sum();
                    if base > 0.0 {
                        (base - gdp) / base * 100.0
                    } else {
                        0.0
                    }
                }
                MapIndicator::SmesOpenEnd => last(Indicator::SmesOpenPct),
            };
        }
        out
    }

    /// The colour scale's range for these values: 0 to the largest (100 for stringency),
    /// or hugging the values for the share of firms open, where all are near 100.
    pub fn domain(self, values: &[f64]) -> (f64, f64) {
        let max = values.iter().copied().fold(0.0f64, f64::max);
        match self {
            MapIndicator::MaxStringency => (0.0, 100.0),
            MapIndicator::SmesOpenEnd => {
                let min = values.iter().copied().fold(100.0f64, f64::min);
                (min.min(max - 1e-9), max)
            }
            _ => (0.0, max),
        }
    }

    /// The tile colour of `value` within `domain`. For firms open, fewer is darker.
    pub fn colour(self, value: f64, domain: (f64, f64)) -> Rgb {
        let (lo, hi) = domain;
        let t = if hi > lo {
            (value - lo) / (hi - lo)
        } else {
            0.0
        };
        match self {
            MapIndicator::SmesOpenEnd => sequential(1.0 - t),
            _ => sequential(t),
        }
    }
}
