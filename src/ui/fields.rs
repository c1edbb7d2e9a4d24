//! Numbers as the page shows and takes them: the displayed unit (万元, 亿元, %), the range
//! check at the field, and the controls' own numbers that are not in
//! [`PARAMS`](crate::scenario::params::PARAMS) (measure intensities, voucher waves).

use crate::i18n::{out_of_range, Lang, Text};
use crate::scenario::measures::{MeasureSpec, MEASURES};
use crate::scenario::params::{ParamSpec, Unit};
use crate::scenario::validate::{self, Limit};
use crate::scenario::Measures;

/// The range, step and unit of one number field. Stored values are in the base unit (yuan,
/// days, a share 0–1); the field shows them in `unit`'s display unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberSpec {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub integer: bool,
    pub unit: Unit,
}

/// Why a typed number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    NotNumber,
    NotInteger,
    OutOfRange,
}

impl NumberSpec {
    pub fn of_param(p: &ParamSpec) -> NumberSpec {
        NumberSpec {
            min: p.min,
            max: p.max,
            step: p.step,
            integer: p.integer,
            unit: p.unit,
        }
    }

    pub fn of_limit(limit: &Limit, step: f64) -> NumberSpec {
        NumberSpec {
            min: limit.min,
            max: limit.max,
            step,
            integer: limit.integer,
            unit: limit.unit,
        }
    }

    /// Stored → displayed. Shares are multiplied by 100 and yuan divided by 10⁴ or 10⁸;
    /// dividing by an exact power of ten (rather than multiplying by 0.01) keeps typed values
    /// such as 39 → 0.39 exact.
    pub fn to_display(&self, stored: f64) -> f64 {
        match self.unit {
            Unit::Percent => stored * 100.0,
            Unit::WanYuan => stored / 1e4,
            Unit::YiYuan => stored / 1e8,
            _ => stored,
        }
    }

    /// Displayed → stored.
    pub fn to_stored(&self, display: f64) -> f64 {
        match self.unit {
            Unit::Percent => display / 100.0,
            Unit::WanYuan => display * 1e4,
            Unit::YiYuan => display * 1e8,
            _ => display,
        }
    }

    /// Decimals the step needs in the displayed unit.
    fn step_decimals(&self) -> usize {
        let step = self.to_display(self.step).abs();
        (0..=8)
            .find(|&d| {
                let f = 10f64.powi(d as i32);
                ((step * f).round() - step * f).abs() < 1e-6
            })
            .unwrap_or(8)
    }

    /// The displayed text of a stored value: the shortest decimal that reads back to exactly
    /// this value when it is short enough, otherwise rounded two decimals past the step.
    pub fn display_text(&self, stored: f64) -> String {
        let shown = self.to_display(stored);
        let max_decimals = self.step_decimals() + 2;
        for d in 0..=max_decimals {
            let text = format!("{shown:.d$}");
            if let Some(v) = crate::decimal::parse_f64(&text) {
                if self.to_stored(v) == stored {
                    return text;
                }
            }
        }
        let text = format!("{shown:.max_decimals$}");
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        }
    }

    /// Attributes of the slider, in the displayed unit.
    pub fn slider_min(&self) -> String {
        self.display_text(self.min)
    }

    pub fn slider_max(&self) -> String {
        self.display_text(self.max)
    }

    pub fn slider_step(&self) -> String {
        let step = self.to_display(self.step);
        let d = self.step_decimals();
        format!("{step:.d$}")
    }

    /// A typed text → the stored value, or why it is refused. Never clamps. The bounds as
    /// the field writes them read as the bounds themselves (1/90 shows as 0.01111; typing
    /// what the field shows for its minimum gives the minimum, not a refusal).
    pub fn parse(&self, text: &str) -> Result<f64, FieldError> {
        let text = text.trim();
        if text == self.display_text(self.min) {
            return Ok(self.min);
        }
        if text == self.display_text(self.max) {
            return Ok(self.max);
        }
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .map(|c| match c {
                // Full-width digits and signs from a Chinese input method.
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' | '。' => '.',
                '－' => '-',
                _ => c,
            })
            .collect();
        let shown = crate::decimal::parse_f64(&cleaned).ok_or(FieldError::NotNumber)?;
        if !shown.is_finite() {
            return Err(FieldError::NotNumber);
        }
        let stored = self.to_stored(shown);
        if self.integer && stored.fract() != 0.0 {
            return Err(FieldError::NotInteger);
        }
        if !(stored >= self.min && stored <= self.max) {
            return Err(FieldError::OutOfRange);
        }
        Ok(stored)
    }

    /// The unit as shown after the field.
    pub fn unit_label(&self, lang: Lang) -> &'static str {
        lang.pick(self.unit.label_zh(), self.unit.label_en())
    }

    /// The message shown at the field for `error`.
    pub fn message(&self, lang: Lang, error: FieldError) -> String {
        match error {
            FieldError::NotNumber => Text::ErrNotNumber.get(lang).to_string(),
            FieldError::NotInteger => Text::ErrNotInteger.get(lang).to_string(),
            FieldError::OutOfRange => out_of_range(
                lang,
                &self.display_text(self.min),
                &self.display_text(self.max),
                self.unit_label(lang),
            ),
        }
    }
}

/// One number of a [`Measures`] set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureField {
    Schools,
    DineIn,
    NonEssential,
    Gatherings,
    SealedZones,
    TestingEvery,
    TestingCoverage,
    TracingRate,
    Checkpoints,
}

impl MeasureField {
    pub const ALL: [MeasureField; 9] = [
        MeasureField::Schools,
        MeasureField::DineIn,
        MeasureField::NonEssential,
        MeasureField::Gatherings,
        MeasureField::SealedZones,
        MeasureField::TestingEvery,
        MeasureField::TestingCoverage,
        MeasureField::TracingRate,
        MeasureField::Checkpoints,
    ];

    /// The measure's entry in the registry ([`MEASURES`] lists them in the same order).
    pub fn measure(self) -> &'static MeasureSpec {
        &MEASURES[self as usize]
    }

    /// The field's name in the scenario JSON, used in test ids (`interval-0-dine_in`).
    pub fn key(self) -> &'static str {
        self.measure().key
    }

    pub fn label(self) -> Text {
        match self {
            MeasureField::Schools => Text::Schools,
            MeasureField::DineIn => Text::DineIn,
            MeasureField::NonEssential => Text::NonEssential,
            MeasureField::Gatherings => Text::Gatherings,
            MeasureField::SealedZones => Text::SealedZones,
            MeasureField::TestingEvery => Text::TestingEvery,
            MeasureField::TestingCoverage => Text::TestingCoverage,
            MeasureField::TracingRate => Text::TracingRate,
            MeasureField::Checkpoints => Text::Checkpoints,
        }
    }

    pub fn help(self) -> Text {
        match self {
            MeasureField::Schools => Text::SchoolsHelp,
            MeasureField::DineIn => Text::DineInHelp,
            MeasureField::NonEssential => Text::NonEssentialHelp,
            MeasureField::Gatherings => Text::GatheringsHelp,
            MeasureField::SealedZones => Text::SealedZonesHelp,
            MeasureField::TestingEvery => Text::TestingEveryHelp,
            MeasureField::TestingCoverage => Text::TestingCoverageHelp,
            MeasureField::TracingRate => Text::TracingRateHelp,
            MeasureField::Checkpoints => Text::CheckpointsHelp,
        }
    }

    /// The range `scenario::validate` checks (its `LIMITS`), with a slider step.
    pub fn spec(self) -> NumberSpec {
        let m = self.measure();
        NumberSpec::of_limit(m.limit, m.step)
    }

    pub fn get(self, m: &Measures) -> f64 {
        (self.measure().get)(m)
    }

    pub fn set(self, m: &mut Measures, v: f64) {
        (self.measure().set)(m, v)
    }
}

/// The numbers of a voucher wave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaveNumber {
    Budget,
    Validity,
    Redemption,
}

impl WaveNumber {
    /// The range `scenario::validate` checks. The budget is typed in 万元 whatever unit the
    /// limit names, as planners budget waves in 万元.
    pub fn spec(self) -> NumberSpec {
        match self {
            WaveNumber::Budget => NumberSpec {
                unit: Unit::WanYuan,
                ..NumberSpec::of_limit(&validate::WAVE_BUDGET_YUAN, 1e6)
            },
            WaveNumber::Validity => NumberSpec::of_limit(&validate::WAVE_VALIDITY_DAYS, 1.0),
            WaveNumber::Redemption => NumberSpec::of_limit(&validate::WAVE_REDEMPTION_DAYS, 1.0),
        }
    }
}
