//! The page's side of guided stories (`crate::story`): which story is open, at which step,
//! what the reader picked on each question, and the story's notices, as a reducer of its own
//! beside the page's `AppState`, so that the story player can be placed by any host (the page,
//! a presentation slide) with the same state.
//!
//! A step's scenario goes into the page's state as a link (`Action::OpenLink` with the step's
//! decoded link): the levers, the charts and the cards then show it as any opened link. While a
//! story is open the address is the story link at its step; leaving the story puts the
//! scenario's own link back.

use std::rc::Rc;

use yew::{Callback, Reducible, UseReducerHandle};

use crate::scenario::link::{self, Decoded, Language};
use crate::story::codec::{self, Source};
use crate::story::{Story, StoryNotice};

/// A story the page shows, and where it came from (what its link holds).
#[derive(Clone, Debug, PartialEq)]
pub struct OpenStory {
    pub story: Story,
    pub source: Source,
}

/// What the reader did with a step's question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Picked this choice (index into the question's choices).
    Choice(usize),
    /// Asked to see the answer without picking.
    ShowMe,
}

/// The story part of the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryState {
    pub open: Option<Rc<OpenStory>>,
    /// The step shown, from 0.
    pub step: usize,
    /// One entry per step of the open story.
    pub picks: Vec<Option<Picked>>,
    /// What the story link or file could not use.
    pub notices: Vec<StoryNotice>,
    /// The Stories menu is open.
    pub menu_open: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoryAction {
    /// Opens a story at a step (from 0), with its notices.
    Open {
        story: Rc<OpenStory>,
        step: usize,
        notices: Vec<StoryNotice>,
    },
    /// Goes to a step (from 0) of the open story.
    Go(usize),
    /// The reader's answer on the current step.
    Pick(Picked),
    /// Leaves the story (its notices go too).
    Close,
    ShowMenu(bool),
    /// Notices of a story that could not be opened, or of one read from a file.
    Notices(Vec<StoryNotice>),
    DismissNotices,
}

impl StoryState {
    /// The story state of the page's address: a story link opens its story at its step.
    pub fn from_address(address: &str) -> StoryState {
        let mut state = StoryState::default();
        if let Some(from) = codec::read_link(address) {
            state.notices = from.notices;
            if let Some(o) = from.opened {
                state.picks = vec![None; o.story.steps.len()];
                state.step = o.step;
                state.open = Some(Rc::new(OpenStory {
                    story: o.story,
                    source: o.source,
                }));
            }
        }
        state
    }

    /// The step's link, decoded, for `Action::OpenLink` (the reader's language is kept).
    pub fn step_link(&self, step: usize) -> Option<Decoded> {
        let s = self.open.as_ref()?.story.steps.get(step)?;
        Some(s.decoded())
    }

    /// The address while a story is open: the story link at its step.
    pub fn query(&self, lang: Option<Language>) -> Option<String> {
        self.open
            .as_ref()
            .filter(|o| o.source != Source::Unlinked)
            .map(|o| codec::query(&o.source, self.step, lang))
    }

    /// The current step has a question and the reader has not answered it yet: the results
    /// stay hidden.
    pub fn pending(&self) -> bool {
        self.open.as_ref().is_some_and(|o| {
            o.story
                .steps
                .get(self.step)
                .is_some_and(|s| s.question.is_some())
                && self.picks.get(self.step).copied().flatten().is_none()
        })
    }

    /// The state after `action`; `None` when nothing changes.
    pub fn apply(&self, action: StoryAction) -> Option<StoryState> {
        let mut next = self.clone();
        match action {
            StoryAction::Open {
                story,
                step,
                notices,
            } => {
                next.picks = vec![None; story.story.steps.len()];
                next.step = step.min(story.story.steps.len().saturating_sub(1));
                next.open = Some(story);
                next.notices = notices;
                next.menu_open = false;
            }
            StoryAction::Go(step) => {
                let count = self.open.as_ref()?.story.steps.len();
                if step >= count {
                    return None;
                }
                next.step = step;
            }
            StoryAction::Pick(p) => {
                let slot = next.picks.get_mut(self.step)?;
                // The first answer counts: the reveal cannot be taken back.
                if slot.is_some() {
                    return None;
                }
                *slot = Some(p);
            }
            StoryAction::Close => {
                next.open = None;
                next.picks.clear();
                next.step = 0;
                next.notices.clear();
            }
            StoryAction::ShowMenu(open) => next.menu_open = open,
            StoryAction::Notices(n) => next.notices = n,
            StoryAction::DismissNotices => next.notices.clear(),
        }
        (next != *self).then_some(next)
    }
}

impl Reducible for StoryState {
    type Action = StoryAction;

    fn reduce(self: Rc<Self>, action: StoryAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// What the page opens with for `address`: a scenario link as usual, or for a story link the
/// scenario of its step (with the link's language, if it chooses one).
pub fn initial_link(address: &str) -> Decoded {
    let decoded = link::decode(address);
    let story = StoryState::from_address(address);
    match story.step_link(story.step) {
        Some(mut step) => {
            step.state.lang = decoded.state.lang;
            step
        }
        None => decoded,
    }
}

/// The length the Share dialog measures against the scenario link's maximum: a story link has
/// its own, larger maximum, so one within it is never called too long.
pub fn share_len(story: &StoryState, address_len: usize) -> usize {
    if story.open.is_some() && address_len <= codec::MAX_STORY_LINK_LENGTH {
        address_len.min(link::MAX_LINK_LENGTH)
    } else {
        address_len
    }
}

/// Hides the results from keyboard and screen readers too (`inert`) while a question waits
/// for its answer; the page's CSS greys them out (`.story-pending`).
pub fn veil_results(pending: bool) {
    let Some(results) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("main.layout section.results")
            .ok()
            .flatten()
    }) else {
        return;
    };
    if pending {
        let _ = results.set_attribute("inert", "");
        let _ = results.set_attribute("aria-hidden", "true");
    } else {
        let _ = results.remove_attribute("inert");
        let _ = results.remove_attribute("aria-hidden");
    }
}

/// The callbacks the page hands to the Stories menu, the player and the notices.
pub struct StoryCallbacks {
    pub menu: Callback<()>,
    pub close_menu: Callback<()>,
    pub start: Callback<(Rc<OpenStory>, Vec<StoryNotice>)>,
    pub step: Callback<usize>,
    pub pick: Callback<Picked>,
    pub leave: Callback<()>,
    pub dismiss: Callback<()>,
}

/// Wires the story state to the page: a step (or a started story) puts its scenario into the
/// page's state through `open_link` (`Action::OpenLink` on the page).
pub fn callbacks(
    story: &UseReducerHandle<StoryState>,
    dispatch: &Callback<crate::ui::state::Action>,
) -> StoryCallbacks {
    use crate::ui::state::Action;
    let open_link = dispatch.reform(|d: Decoded| Action::OpenLink(Box::new(d)));
    let s = story.clone();
    let menu = Callback::from(move |()| s.dispatch(StoryAction::ShowMenu(!s.menu_open)));
    let s = story.clone();
    let close_menu = Callback::from(move |()| s.dispatch(StoryAction::ShowMenu(false)));
    let s = story.clone();
    let ol = open_link.clone();
    let start = Callback::from(move |(open, notices): (Rc<OpenStory>, Vec<StoryNotice>)| {
        if let Some(first) = open.story.steps.first() {
            ol.emit(first.decoded());
        }
        s.dispatch(StoryAction::Open {
            story: open,
            step: 0,
            notices,
        });
        scroll_to_top();
    });
    let s = story.clone();
    let step = Callback::from(move |n: usize| {
        if let Some(d) = s.step_link(n) {
            open_link.emit(d);
        }
        s.dispatch(StoryAction::Go(n));
    });
    let s = story.clone();
    let pick = Callback::from(move |p: Picked| s.dispatch(StoryAction::Pick(p)));
    let s = story.clone();
    let leave = Callback::from(move |()| s.dispatch(StoryAction::Close));
    let s = story.clone();
    let dismiss = Callback::from(move |()| s.dispatch(StoryAction::DismissNotices));
    StoryCallbacks {
        menu,
        close_menu,
        start,
        step,
        pick,
        leave,
        dismiss,
    }
}

fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
