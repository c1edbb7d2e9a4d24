//! The page's state: a struct, the actions on it, and a pure `apply`. A no-op returns `None`,
//! so the reducer hands back the same `Rc` and nothing re-renders or re-runs.

use std::rc::Rc;

use yew::Reducible;

use super::fields::MeasureField;
use crate::charts::districts::MapIndicator;
use crate::i18n::Lang;
use crate::scenario::params::ParamSpec;
use crate::scenario::presets::{self, DEFAULT_PRESET};
use crate::scenario::{ControlInterval, Date, Scenario, Target, VoucherKind, VoucherWave};

/// Everything the page shows follows from this.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The preset the scenario started from.
    pub preset: String,
    pub scenario: Rc<Scenario>,
    /// Bumped whenever the scenario is replaced or a list changes shape, so fields drop what
    /// was typed into them and show the scenario's values again.
    pub epoch: u32,
    pub help_open: bool,
    pub map_indicator: MapIndicator,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::Zh,
            preset: DEFAULT_PRESET.to_string(),
            scenario: Rc::new(presets::jinzhong_2022()),
            epoch: 0,
            help_open: false,
            map_indicator: MapIndicator::Infections,
        }
    }
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    LoadPreset(String),
    ResetDefault,
    ShowHelp(bool),
    SetMapIndicator(MapIndicator),
    Edit(Edit),
}

/// A change to the scenario. Values arrive already checked at the field.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Param { key: &'static str, value: f64 },
    AddInterval,
    RemoveInterval(usize),
    Interval(usize, IntervalEdit),
    ZoningEnabled(bool),
    ZoningMeasure(MeasureField, f64),
    AddWave,
    RemoveWave(usize),
    Wave(usize, WaveEdit),
    HousingStart(Date),
    ReliefStart(Date),
}

#[derive(Clone, Debug, PartialEq)]
pub enum IntervalEdit {
    Start(Date),
    End(Date),
    Districts(Target),
    Measure(MeasureField, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum WaveEdit {
    Kind(VoucherKind),
    Budget(f64),
    Start(Date),
    Validity(u32),
    Redemption(f64),
    Districts(Target),
}

impl Edit {
    /// Whether the edit changes the number or order of list items (fields are re-keyed).
    fn reshapes(&self) -> bool {
        matches!(
            self,
            Edit::AddInterval | Edit::RemoveInterval(_) | Edit::AddWave | Edit::RemoveWave(_)
        )
    }

    /// Applies the edit to `s`. Out-of-bounds indices and unknown keys change nothing.
    pub fn apply_to(&self, s: &mut Scenario) {
        match self {
            Edit::Param { key, value } => {
                if let Some(p) = ParamSpec::find(key) {
                    if p.accepts(*value) {
                        (p.set)(s, *value);
                    }
                }
            }
            Edit::AddInterval => {
                let start = clamp_date(s, Date::ymd(s.start.to_ymd().0, 3, 1));
                s.controls.intervals.push(ControlInterval {
                    start,
                    end: clamp_date(s, start.add_days(13)),
                    districts: Target::All,
                    measures: presets::no_measures(),
                });
            }
            Edit::RemoveInterval(i) => {
                if *i < s.controls.intervals.len() {
                    s.controls.intervals.remove(*i);
                }
            }
            Edit::Interval(i, e) => {
                if let Some(iv) = s.controls.intervals.get_mut(*i) {
                    match e {
                        IntervalEdit::Start(d) => iv.start = *d,
                        IntervalEdit::End(d) => iv.end = *d,
                        IntervalEdit::Districts(t) => iv.districts = t.clone(),
                        IntervalEdit::Measure(f, v) => f.set(&mut iv.measures, *v),
                    }
                }
            }
            Edit::ZoningEnabled(on) => s.controls.zoning.enabled = *on,
            Edit::ZoningMeasure(f, v) => f.set(&mut s.controls.zoning.measures, *v),
            Edit::AddWave => {
                let start = clamp_date(s, Date::ymd(s.start.to_ymd().0, 5, 1));
                s.vouchers.waves.push(VoucherWave {
                    kind: VoucherKind::General,
                    budget_yuan: 1e7,
                    start,
                    validity_days: 30,
                    redemption_days: 10.0,
                    districts: Target::All,
                });
            }
            Edit::RemoveWave(i) => {
                if *i < s.vouchers.waves.len() {
                    s.vouchers.waves.remove(*i);
                }
            }
            Edit::Wave(i, e) => {
                if let Some(w) = s.vouchers.waves.get_mut(*i) {
                    match e {
                        WaveEdit::Kind(k) => w.kind = *k,
                        WaveEdit::Budget(b) => w.budget_yuan = *b,
                        WaveEdit::Start(d) => w.start = *d,
                        WaveEdit::Validity(v) => w.validity_days = *v,
                        WaveEdit::Redemption(r) => w.redemption_days = *r,
                        WaveEdit::Districts(t) => w.districts = t.clone(),
                    }
                }
            }
            Edit::HousingStart(d) => s.housing.start = *d,
            Edit::ReliefStart(d) => s.relief.start = *d,
        }
    }
}

/// `d` moved inside the run.
fn clamp_date(s: &Scenario, d: Date) -> Date {
    d.max(s.start).min(s.end)
}

impl AppState {
    /// The state after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::ShowHelp(open) => next.help_open = open,
            Action::SetMapIndicator(m) => next.map_indicator = m,
            Action::LoadPreset(name) => {
                let scenario = presets::preset(&name)?;
                if name == self.preset && *self.scenario == scenario {
                    return None;
                }
                next.preset = name;
                next.scenario = Rc::new(scenario);
                next.epoch += 1;
            }
            Action::ResetDefault => {
                next.preset = DEFAULT_PRESET.to_string();
                next.scenario = Rc::new(presets::jinzhong_2022());
                next.epoch += 1;
            }
            Action::Edit(edit) => {
                let mut s = (*self.scenario).clone();
                edit.apply_to(&mut s);
                if s == *self.scenario {
                    return None;
                }
                if edit.reshapes() {
                    next.epoch += 1;
                }
                next.scenario = Rc::new(s);
            }
        }
        (next != *self).then_some(next)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}
