//! The Yew page. The only part of the crate that touches the DOM.
//!
//! The state lives in one reducer ([`state`]); the engine runs in a memo keyed by the
//! scenario ([`engine`]), so it runs once per change and never for a no-op; the components
//! ([`components`]) draw what follows. The language travels down as a context.
//!
//! The address bar is the scenario: the page opens the link in its address
//! (`scenario::link::decode`) and keeps the address equal to the state's link with
//! `history.replaceState`, never adding history entries.

pub mod address;
mod bench;
pub mod browser;
pub mod canvas_backend;
pub mod compare;
pub mod components;
pub mod deflate;
pub mod engine;
pub mod ensemble;
pub mod ensemble_worker;
pub mod fields;
pub mod playback;
pub mod saved;
pub mod state;
pub mod story;
pub mod story_files;
pub mod visibility;

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use components::chart_canvas::Shown;
use components::ensemble_status::{ensemble_status, EnsembleStatusProps};
use components::error_banner::ErrorBanner;
use components::header::Header;
use components::help_panel::HelpPanel;
use components::lever_panel::LeverPanel;
use components::link_notices::LinkNotices;
use components::page_notes::PageNotes;
use components::presentation::{self, Presentation};
use components::results_panel::ResultsPanel;
use components::share_dialog::ShareDialog;
use components::story_menu::StoryMenu;
use components::story_player::{StoryNotices, StoryPlayer};
use components::toolbar::Toolbar;
use engine::{EngineError, Results};
use state::{Action, AppState, Compared, PageNote, Side};
use story::StoryState;

use crate::export;
use crate::i18n::{Lang, Text};
use crate::scenario::link::{self, LinkState, Named};
use crate::scenario::validate::validate;
use crate::scenario::{presets, Scenario};
use crate::sim::without_fiscal_levers;

type Run = Rc<Result<Rc<Results>, EngineError>>;

/// An `Rc` compared by identity: a memo dependency that changes only when its producer reran.
struct SameRc<T>(Rc<T>);

impl<T> PartialEq for SameRc<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Wide enough to open the lever groups at first; narrower screens start folded.
const WIDE_PX: f64 = 720.0;

fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_none_or(|w| w >= WIDE_PX)
}

/// The state the page opens with: the link in the address, if any.
fn initial_state() -> AppState {
    // A story link opens its step's scenario.
    AppState::from_link(story::initial_link(&browser::address_link()), Lang::Zh)
}

/// What the compare picker shows for the current scenario B.
fn compare_value(state: &AppState) -> String {
    state
        .b
        .as_ref()
        .map_or_else(|| "off".to_string(), |b| b.source.clone())
}

/// Scenario B for a compare picker value; `None` for "off", unknown values keep B as it is.
fn compared_for(state: &AppState, value: &str) -> Option<Option<Compared>> {
    let named = |preset: String, scenario: Scenario| Compared {
        preset,
        scenario: Rc::new(scenario),
        source: value.to_string(),
    };
    if value == "off" {
        return Some(None);
    }
    if value == "copy" {
        return Some(Some(named(state.preset.clone(), (*state.scenario).clone())));
    }
    if let Some(name) = value.strip_prefix("preset:") {
        return presets::preset(name).map(|s| Some(named(name.to_string(), s)));
    }
    if let Some(key) = value.strip_prefix("saved:") {
        return state
            .saved
            .iter()
            .find(|e| e.key == key)
            .map(|e| Some(named(e.named.preset.clone(), e.named.scenario.clone())));
    }
    None
}

/// A scenario file's text read as a scenario, or why not (one line per problem).
fn read_scenario_json(text: &str) -> Result<Scenario, Vec<String>> {
    let scenario: Scenario = crate::json::from_str(text).map_err(|e| vec![e.to_string()])?;
    validate(&scenario)
        .map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
    Ok(scenario)
}

/// Runs a scenario (and its counterfactual without fiscal levers), each memoised.
#[hook]
fn use_run(scenario: Option<Rc<Scenario>>) -> Option<Run> {
    let counterfactual = use_memo(scenario.as_ref().map(|s| without_fiscal_levers(s)), |s| {
        s.as_ref().and_then(engine::counterfactual)
    });
    let results: Rc<Option<Run>> =
        use_memo((scenario, SameRc(counterfactual.clone())), |(s, cf)| {
            s.as_ref()
                .map(|s| Rc::new(engine::compute(s, cf.0.as_ref().as_ref()).map(Rc::new)))
        });
    (*results).clone()
}

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let wide = use_memo((), |_| is_wide());
    let lang = state.lang;

    // The engine: rerun only when a scenario changes; each counterfactual without fiscal
    // levers only when that changes.
    let results = use_run(Some(state.scenario.clone())).expect("scenario A is always run");
    let results_b = use_run(state.b.as_ref().map(|b| b.scenario.clone()));
    // The uncertainty bands of A (and then of B, when comparing), in web workers, once the
    // input settles.
    let ensemble_view = ensemble::use_ensemble(
        results.is_ok().then(|| state.scenario.clone()),
        match (&state.b, results_b.as_deref()) {
            (Some(b), Some(Ok(_))) => Some(b.scenario.clone()),
            _ => None,
        },
        state.seed,
        state.runs,
    );

    let link = state.link();
    // Guided stories: which story and step, and what was answered.
    let story = use_reducer(|| StoryState::from_address(&browser::address_link()));
    // While a story is open, the address is the story link at its step.
    let address = story
        .query(state.link_state().lang)
        .unwrap_or_else(|| link.clone());
    {
        // The address follows the state, replacing the current entry (during a slider drag
        // once it rests for 250 ms, see `address`).
        address::use_address(address.clone());
    }
    {
        // Until a question is answered, the results stay hidden (and out of the tab order).
        use_effect_with(story.pending(), |pending| {
            story::veil_results(*pending);
        });
    }
    {
        // The saved scenarios: read once, and again when another tab of the page changes them.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let (entries, notes) = saved::load_all();
            dispatch.dispatch(Action::SavedRead { entries, notes });
            let listener =
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                    // `key` is null when the whole storage was cleared.
                    if e.key().is_none_or(|k| k.starts_with(saved::KEY_PREFIX)) {
                        let (entries, notes) = saved::load_all();
                        dispatch.dispatch(Action::SavedRead { entries, notes });
                    }
                });
            let listener = browser::WindowListener::new(&["storage"], false, listener);
            move || drop(listener)
        });
    }
    {
        // A link put in the address without a reload (a new #fragment, or Back to one).
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                let decoded = link::decode(&browser::address_link_fragment_first());
                dispatch.dispatch(Action::OpenLink(Box::new(decoded)));
            });
            let listener =
                browser::WindowListener::new(&["hashchange", "popstate"], false, listener);
            move || drop(listener)
        });
    }
    {
        use_effect_with(lang, |lang| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.html_lang());
                }
                doc.set_title(&format!(
                    "{} · {}",
                    Text::AppName.get(*lang),
                    Text::AppName.get(match lang {
                        Lang::Zh => Lang::En,
                        Lang::En => Lang::Zh,
                    })
                ));
            }
        });
    }

    // Callbacks
    let dispatch = state.dispatcher().to_callback();
    let onplayback = dispatch.reform(Action::Playback);
    {
        // Playback's timer: moves the shown day on while playing (never reruns the engine).
        let last = match &*results {
            Ok(r) => r.outcome.days().saturating_sub(1),
            Err(_) => 0,
        };
        playback::use_playback_timer(state.playback, last, onplayback.clone());
    }
    let onpresent = dispatch.reform(|_: ()| Action::Present(Some(0)));
    // Presentation mode shows only with results: with an engine error the page stays usable.
    let presenting_now = state.presentation.is_some() && results.is_ok();
    presentation::use_present_key(!presenting_now, onpresent.clone());
    let onedit = dispatch.reform(Action::Edit);
    let onpreset = dispatch.reform(Action::LoadPreset);
    let onlang = dispatch.reform(Action::SetLang);
    let onhelp = dispatch.reform(Action::ShowHelp);
    let onshare = dispatch.reform(|_: ()| Action::ShowShare(true));
    let onmap = dispatch.reform(Action::SetMapIndicator);
    let ondiff = dispatch.reform(Action::SetDiffIndicator);
    let onreset = dispatch.reform(|_| Action::ResetDefault);
    let onclosehelp = dispatch.reform(|_| Action::ShowHelp(false));
    let onclose_share = dispatch.reform(|_| Action::ShowShare(false));
    let on_notice = dispatch.reform(Action::DismissLinkNotice);
    let on_notices = dispatch.reform(|_| Action::DismissLinkNotices);
    let on_note = dispatch.reform(Action::DismissNote);
    let on_add_note = dispatch.reform(|n: PageNote| Action::AddNotes(vec![n]));
    let on_target = dispatch.reform(Action::SetEditTarget);
    let on_saved_changed = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            let (entries, notes) = saved::load_all();
            dispatch.emit(Action::SavedRead { entries, notes });
        })
    };
    let on_load_saved = dispatch.reform(|e: saved::SavedEntry| Action::LoadScenario {
        preset: e.named.preset,
        scenario: Box::new(e.named.scenario),
    });
    let on_compare = {
        let state = state.clone();
        Callback::from(move |value: String| {
            if let Some(b) = compared_for(&state, &value) {
                state.dispatch(Action::SetCompare(b));
            }
        })
    };
    let on_import = {
        let state = state.clone();
        Callback::from(move |(file, text): (String, Result<String, String>)| {
            match text
                .map_err(|e| vec![e])
                .and_then(|t| read_scenario_json(&t))
            {
                Ok(scenario) => {
                    let preset = match (&state.b, state.edit_target) {
                        (Some(b), Side::B) => b.preset.clone(),
                        _ => state.preset.clone(),
                    };
                    state.dispatch(Action::LoadScenario {
                        preset,
                        scenario: Box::new(scenario),
                    });
                }
                Err(problems) => state.dispatch(Action::AddNotes(vec![PageNote::ImportRefused {
                    file,
                    problems,
                }])),
            }
        })
    };
    let on_export_json = {
        let state = state.clone();
        Callback::from(move |()| {
            let (name, scenario) = match (&state.b, state.edit_target) {
                (Some(b), Side::B) => ("b", b.scenario.clone()),
                _ => ("a", state.scenario.clone()),
            };
            let json = crate::json::to_string_pretty(&*scenario);
            let _ = browser::download_text(
                &format!("{json}\n"),
                &format!("recovery-lab-scenario-{name}.json"),
                "application/json",
            );
        })
    };
    let on_export_csv = {
        let a = results.clone();
        let b = results_b.clone();
        Callback::from(move |()| {
            let Ok(a) = a.as_ref() else {
                return;
            };
            let mut runs: Vec<(&str, &crate::sim::Outcome)> = vec![("A", &a.outcome)];
            if let Some(Ok(b)) = b.as_deref() {
                runs.push(("B", &b.outcome));
            }
            let mut text = String::new();
            if export::write_csv_scenarios(&runs, &mut text).is_ok() {
                let _ = browser::download_text(&text, "recovery-lab.csv", "text/csv");
            }
        })
    };

    let story_cb = story::callbacks(&story, &dispatch);
    let link_a = link::encode(&LinkState {
        lang: None,
        seed: state.seed,
        runs: state.runs,
        a: Named {
            preset: state.preset.clone(),
            scenario: (*state.scenario).clone(),
        },
        b: None,
    });
    let shown_b = match (&state.b, results_b.as_deref()) {
        (Some(b), Some(Ok(r))) => Some(Shown {
            results: r.clone(),
            scenario: b.scenario.clone(),
        }),
        _ => None,
    };
    let current = ensemble_view.is_of(&state.scenario, state.seed, state.runs);
    let bands = ensemble_view
        .bands
        .clone()
        .filter(|_| current && state.bands_shown);
    let ranges = ensemble_view.ranges.clone().filter(|_| current);
    let ensemble_b = state
        .b
        .as_ref()
        .and_then(|b| ensemble_view.b_of(&state.scenario, &b.scenario, state.seed, state.runs));
    let bands_b = ensemble_b
        .and_then(|v| v.bands.clone())
        .filter(|_| state.bands_shown);
    let ranges_b = ensemble_b.and_then(|v| v.ranges.clone());
    let ensemble_status = ensemble_status(
        &EnsembleStatusProps {
            view: ensemble_view.clone(),
            scenario: state.scenario.clone(),
            seed: state.seed,
            runs: state.runs,
            onruns: dispatch.reform(Action::SetRuns),
            bands_shown: state.bands_shown,
            onbands: dispatch.reform(Action::ShowBands),
        },
        lang,
    );
    let body = match (&*results, results_b.as_deref()) {
        (Ok(r), None | Some(Ok(_))) => html! {
            <ResultsPanel a={Shown { results: r.clone(), scenario: state.scenario.clone() }} b={shown_b.clone()}
                map_indicator={state.map_indicator} {onmap}
                diff_indicator={state.diff_indicator} {ondiff}
                playback={state.playback} onplayback={onplayback.clone()}
                bands={bands.clone()} ranges={ranges.clone()} bands_b={bands_b.clone()} {ranges_b} {ensemble_status} />
        },
        (Err(e), _) | (_, Some(Err(e))) => html! { <ErrorBanner error={e.clone()} {onreset} /> },
    };
    // A story open during presentation mode leads the side panel (no Leave there: Esc first).
    let presented_story = match (&story.open, state.presentation) {
        (Some(open), Some(_)) => html! {
            <StoryPlayer story={open.clone()} step={story.step}
                picked={story.picks.get(story.step).copied().flatten()}
                onstep={story_cb.step.clone()} onpick={story_cb.pick.clone()} />
        },
        _ => Html::default(),
    };
    let presenting = match (state.presentation, &*results) {
        (Some(slide), Ok(r)) => html! {
            <Presentation a={Shown { results: r.clone(), scenario: state.scenario.clone() }}
                b={shown_b.clone()} preset={state.preset.clone()} {slide} {bands} {bands_b} {ranges}
                url={format!("{}?{address}", browser::page_address())}
                story={presented_story} story_pending={story.pending()}
                playback={state.playback} onplayback={onplayback.clone()}
                onslide={dispatch.reform(|s: usize| Action::Present(Some(s)))}
                onclose={dispatch.reform(|_: ()| Action::Present(None))}
                map_indicator={state.map_indicator} onmap={dispatch.reform(Action::SetMapIndicator)} />
        },
        _ => Html::default(),
    };
    let edited = state.edited().clone();
    let editing_b = state.b.is_some() && state.edit_target == Side::B;
    html! {
        <ContextProvider<Lang> context={lang}>
            // Behind presentation mode the page is inert: Tab stays in the presentation.
            <div class="app" data-testid="app" data-ready="1" lang={lang.html_lang()}
                inert={presenting_now}>
                <Header preset={state.preset.clone()} help_open={state.help_open} {onpreset} {onlang} {onhelp} {onshare} {onpresent}
                    onstories={Some(story_cb.menu.clone())} stories_open={story.menu_open} />
                <Toolbar compare={compare_value(&state)} edit_target={state.edit_target}
                    saved={state.saved.clone()} link_a={link_a}
                    oncompare={on_compare} onedittarget={on_target}
                    onexportcsv={on_export_csv} onexportjson={on_export_json} onimport={on_import}
                    onsavedchanged={on_saved_changed} onloadsaved={on_load_saved} onnote={on_add_note} />
                <LinkNotices notices={state.link_notices.clone()} ondismiss={on_notice} ondismissall={on_notices} />
                <PageNotes notes={state.notes.clone()} ondismiss={on_note} />
                <StoryNotices notices={story.notices.clone()} ondismiss={story_cb.dismiss.clone()} />
                if story.menu_open {
                    <StoryMenu onstart={story_cb.start.clone()} onclose={story_cb.close_menu.clone()} />
                }
                if let Some(open) = story.open.clone() {
                    <StoryPlayer story={open} step={story.step}
                        picked={story.picks.get(story.step).copied().flatten()}
                        onstep={story_cb.step.clone()} onpick={story_cb.pick.clone()}
                        onleave={Some(story_cb.leave.clone())} />
                }
                if state.help_open {
                    <HelpPanel onclose={onclosehelp} />
                }
                if state.share_open {
                    <ShareDialog url={format!("{}?{address}", browser::page_address())}
                        query_len={story::share_len(&story, address.len())} onclose={onclose_share} />
                }
                <main class={classes!("layout", editing_b.then_some("editing-b"), story.pending().then_some("story-pending"))}>
                    <LeverPanel scenario={edited} epoch={state.epoch} open={*wide} {onedit}
                        side={state.b.is_some().then_some(state.edit_target)} />
                    { body }
                </main>
            </div>
            { presenting }
        </ContextProvider<Lang>>
    }
}

/// Writes a visible notice into the page when the program panics, with a link back to the
/// default scenario: a blank page is never the answer. Both languages, as the state that
/// knew the reader's language may be what failed.
pub fn show_panic_notice(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let Ok(notice) = doc.create_element("div") else {
        return;
    };
    notice.set_id("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("data-testid", "panic-notice");
    let _ = notice.set_attribute("class", "panic-notice");
    let (zh, en) = Text::PanicNotice.pair();
    let (rzh, ren) = Text::ResetDefault.pair();
    let href = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into());
    let heading = doc.create_element("strong").ok();
    if let Some(h) = heading {
        h.set_text_content(Some(&format!("{zh} {en}")));
        let _ = notice.append_child(&h);
    }
    if let Ok(detail) = doc.create_element("code") {
        detail.set_text_content(Some(&message.chars().take(300).collect::<String>()));
        let _ = notice.append_child(&detail);
    }
    if let Ok(link) = doc.create_element("a") {
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("data-testid", "panic-reset");
        link.set_text_content(Some(&format!("{rzh} · {ren}")));
        let _ = notice.append_child(&link);
    }
    if let Some(body) = doc.body() {
        let _ = body.insert_before(&notice, body.first_child().as_ref());
    }
}

/// Through Yew's own setter: the renderer installs its default hook (console only) unless a
/// custom one was set this way.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_notice(&info.to_string());
    }));
}

/// Mounts the page on `<div id="app">` (or `<body>` if there is none).
pub fn start() {
    // In a web worker (the ensemble's, which loads this same module) there is no page.
    if web_sys::window().is_none() {
        return;
    }
    install_panic_hook();
    // A story link: the built-in stories' files are fetched first (the page keeps "Loading"
    // until then), so the page opens at the story's step as with any story link. If a file
    // does not come, the page opens without it and says so (`StoryProblem::NotLoaded`).
    if story_files::may_open_builtin(&browser::address_link()) {
        wasm_bindgen_futures::spawn_local(async {
            let _ = story_files::load_all().await;
            mount();
        });
    } else {
        mount();
    }
}

fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::Element>().ok());
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
