//! The Yew page. The only part of the crate that touches the DOM.
//!
//! The state lives in one reducer ([`state`]); the engine runs in a memo keyed by the
//! scenario ([`engine`]), so it runs once per change and never for a no-op; the components
//! ([`components`]) draw what follows. The language travels down as a context.

pub mod components;
pub mod engine;
pub mod fields;
pub mod state;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use components::error_banner::ErrorBanner;
use components::header::Header;
use components::help_panel::HelpPanel;
use components::lever_panel::LeverPanel;
use components::results_panel::ResultsPanel;
use engine::{EngineError, Results};
use state::{Action, AppState};

use crate::i18n::{Lang, Text};
use crate::sim::without_fiscal_levers;

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

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let wide = use_memo((), |_| is_wide());
    let lang = state.lang;

    // The engine: rerun only when the scenario changes; the counterfactual without fiscal
    // levers only when that changes.
    let counterfactual = use_memo(without_fiscal_levers(&state.scenario), |s| {
        engine::counterfactual(s)
    });
    let results: Rc<Result<Rc<Results>, EngineError>> = use_memo(
        (state.scenario.clone(), SameRc(counterfactual.clone())),
        |(s, cf)| engine::compute(s, cf.0.as_ref().as_ref()).map(Rc::new),
    );

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
    let onedit = dispatch.reform(Action::Edit);
    let onpreset = dispatch.reform(Action::LoadPreset);
    let onlang = dispatch.reform(Action::SetLang);
    let onhelp = dispatch.reform(Action::ShowHelp);
    let onmap = dispatch.reform(Action::SetMapIndicator);
    let onreset = dispatch.reform(|_| Action::ResetDefault);
    let onclosehelp = dispatch.reform(|_| Action::ShowHelp(false));

    let body = match &*results {
        Ok(r) => html! {
            <ResultsPanel results={r.clone()} scenario={state.scenario.clone()}
                map_indicator={state.map_indicator} {onmap} />
        },
        Err(e) => html! { <ErrorBanner error={e.clone()} {onreset} /> },
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            <div class="app" data-testid="app" data-ready="1" lang={lang.html_lang()}>
                <Header preset={state.preset.clone()} help_open={state.help_open} {onpreset} {onlang} {onhelp} />
                if state.help_open {
                    <HelpPanel onclose={onclosehelp} />
                }
                <main class="layout">
                    <LeverPanel scenario={state.scenario.clone()} epoch={state.epoch} open={*wide} {onedit} />
                    { body }
                </main>
            </div>
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
    install_panic_hook();
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
