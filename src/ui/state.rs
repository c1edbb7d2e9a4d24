//! The page's state: a struct, the actions on it, and a pure `apply`. A no-op returns `None`,
//! so the reducer hands back the same `Rc` and nothing re-renders or re-runs.
//!
//! The state is what a link holds (language, seed, scenario A and optionally B, see
//! [`AppState::link_state`]) plus what only this page shows: the notices, the open dialogs,
//! which scenario the levers edit, the saved scenarios read from the browser's storage.

use std::rc::Rc;

use yew::Reducible;

use super::fields::MeasureField;
use super::playback::{Playback, PlaybackAction};
use super::saved::{SavedEntry, SkipReason};
use crate::charts::districts::MapIndicator;
use crate::i18n::Lang;
use crate::scenario::link::{self, Decoded, Language, LinkState, Named, Notice};
use crate::scenario::params::ParamSpec;
use crate::scenario::presets::{self, DEFAULT_PRESET};
use crate::scenario::{ControlInterval, Date, Scenario, Target, VoucherKind, VoucherWave};
use crate::sim::Indicator;

/// Scenario A (the one shown) or B (the one compared with it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    A,
    B,
}

/// Scenario B and where it came from (the value of the compare picker).
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The preset B's link keys are written against.
    pub preset: String,
    pub scenario: Rc<Scenario>,
    /// `copy`, `preset:<name>`, `saved:<storage key>` or `link`.
    pub source: String,
}

/// A note about something the page refused or skipped, other than the link's own notices.
#[derive(Clone, Debug, PartialEq)]
pub enum PageNote {
    /// A saved entry in the browser's storage that cannot be read; it is left where it is.
    SavedSkipped { key: String, reason: SkipReason },
    /// The browser's storage cannot be used (private mode, disabled, full).
    StorageUnavailable { detail: String },
    /// An imported JSON file that is not a valid scenario: why, one line per problem.
    ImportRefused { file: String, problems: Vec<String> },
}

/// Everything the page shows follows from this.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Whether the reader (or the link) chose the language: only then does the link carry it.
    pub lang_chosen: bool,
    /// Seed of the stochastic runs; travels in the link.
    pub seed: u64,
    /// Runs of the ensemble behind the uncertainty bands; travels in the link.
    pub runs: u32,
    /// The preset scenario A started from.
    pub preset: String,
    /// Scenario A.
    pub scenario: Rc<Scenario>,
    /// Scenario B, when comparing.
    pub b: Option<Compared>,
    /// Which scenario the levers edit.
    pub edit_target: Side,
    /// Bumped whenever the scenario is replaced or a list changes shape, so fields drop what
    /// was typed into them and show the scenario's values again.
    pub epoch: u32,
    pub help_open: bool,
    pub share_open: bool,
    pub map_indicator: MapIndicator,
    /// The indicator of the difference chart (B − A).
    pub diff_indicator: Indicator,
    /// What the link that opened the page could not use.
    pub link_notices: Vec<Notice>,
    /// Saved entries skipped, storage problems, refused imports.
    pub notes: Vec<PageNote>,
    /// The saved scenarios, as last read from the browser's storage.
    pub saved: Rc<Vec<SavedEntry>>,
    /// The day the results show and whether it plays (not in the link).
    pub playback: Playback,
    /// Presentation mode's slide when it is open (not in the link).
    pub presentation: Option<usize>,
    /// Whether the ensemble's bands are drawn on the charts (on the page and the slides; not
    /// in the link). The cards' ranges show either way.
    pub bands_shown: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::Zh,
            lang_chosen: false,
            seed: link::DEFAULT_SEED,
            runs: link::DEFAULT_RUNS,
            preset: DEFAULT_PRESET.to_string(),
            scenario: Rc::new(presets::jinzhong_2022()),
            b: None,
            edit_target: Side::A,
            epoch: 0,
            help_open: false,
            share_open: false,
            map_indicator: MapIndicator::Infections,
            diff_indicator: Indicator::Gdp,
            link_notices: Vec::new(),
            notes: Vec::new(),
            saved: Rc::new(Vec::new()),
            playback: Playback::default(),
            presentation: None,
            bands_shown: true,
        }
    }
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// A preset for scenario A.
    LoadPreset(String),
    ResetDefault,
    ShowHelp(bool),
    ShowShare(bool),
    SetMapIndicator(MapIndicator),
    SetDiffIndicator(Indicator),
    /// Runs of the ensemble (clamped to 1..=2000).
    SetRuns(u32),
    /// Edits the scenario the levers edit ([`AppState::edit_target`]).
    Edit(Edit),
    /// A link opened in the address after load (a new fragment, Back to an earlier one):
    /// everything it holds, and what it could not use.
    OpenLink(Box<Decoded>),
    DismissLinkNotice(usize),
    DismissLinkNotices,
    DismissNote(usize),
    AddNotes(Vec<PageNote>),
    /// The scenario the levers edit replaced (a saved scenario, an imported file).
    LoadScenario {
        preset: String,
        scenario: Box<Scenario>,
    },
    /// Scenario B on (`Some`) or off.
    SetCompare(Option<Compared>),
    SetEditTarget(Side),
    /// The saved scenarios as read again from storage, and what was skipped.
    SavedRead {
        entries: Vec<SavedEntry>,
        notes: Vec<PageNote>,
    },
    /// Playback: play, pause, seek, speed, the timer's steps ([`crate::ui::playback`]).
    Playback(PlaybackAction),
    /// Presentation mode on a slide, or closed.
    Present(Option<usize>),
    /// The ensemble's bands on the charts, or not.
    ShowBands(bool),
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

fn lang_of(l: Language) -> Lang {
    match l {
        Language::Zh => Lang::Zh,
        Language::En => Lang::En,
    }
}

fn language_of(l: Lang) -> Language {
    match l {
        Lang::Zh => Language::Zh,
        Lang::En => Language::En,
    }
}

impl AppState {
    /// The state a link opens: the link's language (else `lang`, the reader's), seed and
    /// scenarios, and its notices.
    pub fn from_link(decoded: Decoded, lang: Lang) -> AppState {
        let mut state = AppState {
            lang,
            ..AppState::default()
        };
        state.open_link(decoded);
        state
    }

    fn open_link(&mut self, decoded: Decoded) {
        let Decoded { state, notices } = decoded;
        if let Some(l) = state.lang {
            self.lang = lang_of(l);
            self.lang_chosen = true;
        }
        self.seed = state.seed;
        self.runs = state.runs;
        self.preset = state.a.preset;
        self.scenario = Rc::new(state.a.scenario);
        self.b = state.b.map(|b| Compared {
            source: "link".to_string(),
            preset: b.preset,
            scenario: Rc::new(b.scenario),
        });
        if self.b.is_none() {
            self.edit_target = Side::A;
        }
        self.link_notices = notices;
        self.epoch += 1;
    }

    /// What the link of this state holds.
    pub fn link_state(&self) -> LinkState {
        LinkState {
            lang: self.lang_chosen.then(|| language_of(self.lang)),
            seed: self.seed,
            runs: self.runs,
            a: Named {
                preset: self.preset.clone(),
                scenario: (*self.scenario).clone(),
            },
            b: self.b.as_ref().map(|b| Named {
                preset: b.preset.clone(),
                scenario: (*b.scenario).clone(),
            }),
        }
    }

    /// The query string of this state's link (without `?`).
    pub fn link(&self) -> String {
        link::encode(&self.link_state())
    }

    /// The scenario the levers edit.
    pub fn edited(&self) -> &Rc<Scenario> {
        match (&self.b, self.edit_target) {
            (Some(b), Side::B) => &b.scenario,
            _ => &self.scenario,
        }
    }

    /// The state after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => {
                next.lang = lang;
                next.lang_chosen = true;
            }
            Action::ShowHelp(open) => next.help_open = open,
            Action::ShowShare(open) => next.share_open = open,
            Action::Playback(p) => next.playback = self.playback.apply(p),
            Action::Present(slide) => next.presentation = slide,
            Action::ShowBands(on) => next.bands_shown = on,
            Action::SetMapIndicator(m) => next.map_indicator = m,
            Action::SetDiffIndicator(i) => next.diff_indicator = i,
            Action::SetRuns(n) => next.runs = n.clamp(1, link::MAX_RUNS),
            Action::OpenLink(decoded) => {
                let before = self.link();
                next.open_link(*decoded);
                // The address this page just wrote, read back: nothing to open.
                if next.link() == before && next.link_notices.is_empty() {
                    return None;
                }
            }
            Action::DismissLinkNotice(i) => {
                if i >= next.link_notices.len() {
                    return None;
                }
                next.link_notices.remove(i);
            }
            Action::DismissLinkNotices => next.link_notices.clear(),
            Action::DismissNote(i) => {
                if i >= next.notes.len() {
                    return None;
                }
                next.notes.remove(i);
            }
            Action::AddNotes(notes) => {
                for n in notes {
                    if !next.notes.contains(&n) {
                        next.notes.push(n);
                    }
                }
            }
            Action::LoadScenario { preset, scenario } => {
                let preset = if presets::preset(&preset).is_some() {
                    preset
                } else {
                    DEFAULT_PRESET.to_string()
                };
                match (&mut next.b, self.edit_target) {
                    (Some(b), Side::B) => {
                        b.preset = preset;
                        b.scenario = Rc::new(*scenario);
                    }
                    _ => {
                        next.preset = preset;
                        next.scenario = Rc::new(*scenario);
                    }
                }
                next.epoch += 1;
            }
            Action::SetCompare(b) => {
                if b.is_none() {
                    next.edit_target = Side::A;
                }
                next.b = b;
                next.epoch += 1;
            }
            Action::SetEditTarget(side) => {
                let side = if next.b.is_some() { side } else { Side::A };
                if side == self.edit_target {
                    return None;
                }
                next.edit_target = side;
                next.epoch += 1;
            }
            Action::SavedRead { entries, notes } => {
                next.saved = Rc::new(entries);
                for n in notes {
                    if !next.notes.contains(&n) {
                        next.notes.push(n);
                    }
                }
            }
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
                next.b = None;
                next.edit_target = Side::A;
                next.epoch += 1;
            }
            Action::Edit(edit) => {
                let current = self.edited();
                let mut s = (**current).clone();
                edit.apply_to(&mut s);
                if s == **current {
                    return None;
                }
                if edit.reshapes() {
                    next.epoch += 1;
                }
                match (&mut next.b, self.edit_target) {
                    (Some(b), Side::B) => b.scenario = Rc::new(s),
                    _ => next.scenario = Rc::new(s),
                }
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
