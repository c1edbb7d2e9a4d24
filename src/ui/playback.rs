//! Day-by-day playback of the year (issue #6): which day the results show, whether it plays
//! and how fast, and the timer that moves it.
//!
//! The playback lives in the page's state, not in the link: a shared link always opens on the
//! whole year. Playing never reruns the engine: the charts draw the memoised run up to the
//! day, and the cards summarise it as of that day (`sim::as_of`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::scenario::Scenario;
use crate::sim::as_of::summarize_as_of;
use crate::sim::Summary;
use crate::ui::components::summary_cards::CardsAsOf;
use crate::ui::engine::Results;

/// The speeds offered, in days per second.
pub const SPEEDS: [u32; 5] = [2, 5, 10, 20, 40];

/// The speed a page starts with: a year in about half a minute.
pub const DEFAULT_SPEED: u32 = 10;

/// The timer never fires more often than this: faster speeds move several days a step.
const MIN_STEP_MS: u32 = 50;

/// Where the playback stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Playback {
    /// The last day shown (an index into the run); `None` shows the whole year.
    pub day: Option<usize>,
    pub playing: bool,
    /// Days per second.
    pub speed: u32,
    /// The day the current stretch of playing started from, and a counter that changes
    /// whenever playing starts, the speed changes or the reader moves the day: the timer
    /// restarts from there.
    pub run_from: (usize, u32),
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            day: None,
            playing: false,
            speed: DEFAULT_SPEED,
            run_from: (0, 0),
        }
    }
}

/// What the playback bar, the keyboard and the timer can do. `last` is the run's last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaybackAction {
    /// Play (from the first day when the whole year or the last day is shown), or pause.
    Toggle {
        last: usize,
    },
    /// The reader chose a day (the scrubber); playing goes on from there.
    Seek {
        day: usize,
        last: usize,
    },
    /// The timer reached `day`; playing stops on the last day.
    Tick {
        day: usize,
        last: usize,
    },
    SetSpeed(u32),
    /// Back to the whole year.
    ShowAll,
}

impl Playback {
    /// The state after `action` (the same value when nothing changes).
    pub fn apply(self, action: PlaybackAction) -> Playback {
        let mut next = self;
        let restart = |p: &mut Playback, from: usize| p.run_from = (from, p.run_from.1 + 1);
        match action {
            PlaybackAction::Toggle { last } => {
                if self.playing {
                    next.playing = false;
                } else {
                    let from = match self.day {
                        Some(d) if d < last => d,
                        _ => 0,
                    };
                    next.day = Some(from);
                    next.playing = true;
                    restart(&mut next, from);
                }
            }
            PlaybackAction::Seek { day, last } => {
                let day = day.min(last);
                next.day = Some(day);
                if day >= last {
                    next.playing = false;
                }
                restart(&mut next, day);
            }
            PlaybackAction::Tick { day, last } => {
                if !self.playing {
                    return self; // A tick from a timer being stopped.
                }
                let day = day.min(last);
                next.day = Some(day);
                next.playing = day < last;
            }
            PlaybackAction::SetSpeed(speed) => {
                if !SPEEDS.contains(&speed) || speed == self.speed {
                    return self;
                }
                next.speed = speed;
                restart(&mut next, self.day.unwrap_or(0));
            }
            PlaybackAction::ShowAll => {
                next.day = None;
                next.playing = false;
            }
        }
        next
    }

    /// The day shown, clamped to a run of `days` days; `None` for the whole year.
    pub fn until(&self, days: usize) -> Option<usize> {
        self.day.map(|d| d.min(days.saturating_sub(1)))
    }
}

/// How often the timer fires for `speed` days per second, and how many days one step moves
/// at most (the step is read from the clock, so a busy page skips days rather than slowing).
pub fn step_ms(speed: u32) -> u32 {
    (1000 / speed.max(1)).max(MIN_STEP_MS)
}

/// Plays: while `playback.playing`, a timer moves the day on by the clock from where playing
/// started, and stops at `last`. Restarts when the speed or the starting point changes.
#[hook]
pub fn use_playback_timer(playback: Playback, last: usize, ontick: Callback<PlaybackAction>) {
    use_effect_with(
        (playback.playing, playback.speed, playback.run_from, last),
        move |&(playing, speed, (from, _), last)| {
            let window = web_sys::window();
            let mut handle = None;
            let mut listener = None;
            if playing {
                let started = js_sys::Date::now();
                let tick = Closure::<dyn Fn()>::new(move || {
                    let elapsed = js_sys::Date::now() - started;
                    let days = (elapsed * speed as f64 / 1000.0).floor().max(1.0) as usize;
                    ontick.emit(PlaybackAction::Tick {
                        day: from + days,
                        last,
                    });
                });
                handle = window.as_ref().and_then(|w| {
                    w.set_interval_with_callback_and_timeout_and_arguments_0(
                        tick.as_ref().unchecked_ref(),
                        step_ms(speed) as i32,
                    )
                    .ok()
                });
                listener = Some(tick);
            }
            move || {
                if let (Some(w), Some(h)) = (window, handle) {
                    w.clear_interval_with_handle(h);
                }
                drop(listener);
            }
        },
    );
}

/// The cards' summary of a shown run during playback: as of `day`, or the whole year's.
pub fn cards_summary(
    results: &Results,
    scenario: &Scenario,
    day: Option<usize>,
) -> (Summary, Option<CardsAsOf>) {
    match day {
        None => (results.summary.clone(), None),
        Some(day) => {
            let as_of =
                summarize_as_of(scenario, &results.outcome, &results.counterfactual_gdp, day);
            (
                as_of.summary,
                Some(CardsAsOf {
                    date: as_of.date,
                    pending: as_of.pending_check_dates,
                }),
            )
        }
    }
}
