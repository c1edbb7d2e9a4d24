//! The Stories menu: the built-in stories (title, steps, questions) to start, and "Open story
//! file" for a teacher's own JSON: the page checks it, lists what it could not use, and shows
//! the story's link (with a copy button) before it starts.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::story::codec::{self, Source, MAX_STORY_LINK_LENGTH};
use crate::story::{builtin, from_json, Story, StoryNotice};
use crate::ui::components::qr_code::QrCode;
use crate::ui::story::OpenStory;
use crate::ui::{browser, deflate, story_files};

#[derive(Properties, PartialEq, Clone)]
pub struct StoryMenuProps {
    /// Start a story at its first step, with the notices of its file.
    pub onstart: Callback<(Rc<OpenStory>, Vec<StoryNotice>)>,
    pub onclose: Callback<()>,
}

/// A story file as read: the file's name, the story (if usable) and what was left out.
#[derive(Clone, PartialEq)]
struct FileRead {
    name: String,
    story: Option<Rc<OpenStory>>,
    notices: Vec<StoryNotice>,
    /// Why the file could not be read at all (as text).
    error: Option<String>,
    /// The link is being made (the browser compresses the story).
    making: bool,
}

/// The built-in stories' files (fetched when the menu first opens, `ui::story_files`).
#[derive(Clone, PartialEq)]
enum Builtins {
    Loading,
    Ready,
    /// Why (a short English detail, shown with the translated message).
    Failed(String),
}

fn counts(lang: Lang, story: &Story) -> String {
    let q = story.steps.iter().filter(|s| s.question.is_some()).count();
    Text::StoryStepsCount
        .get(lang)
        .replace("{n}", &story.steps.len().to_string())
        .replace("{q}", &q.to_string())
}

#[component(StoryMenu)]
pub fn story_menu(props: &StoryMenuProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let file = use_state(|| None::<FileRead>);
    let copied = use_state(|| None::<bool>);
    let link_input = use_node_ref();
    let panel = use_node_ref();
    let all_loaded = || builtin::loaded().len() == builtin::IDS.len();
    let listed = use_state(|| {
        if all_loaded() {
            Builtins::Ready
        } else {
            Builtins::Loading
        }
    });
    // Each press of "Try again" fetches what is still missing.
    let attempt = use_state(|| 0u32);
    {
        let listed = listed.clone();
        use_effect_with(*attempt, move |_| {
            if !all_loaded() {
                listed.set(Builtins::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    listed.set(match story_files::load_all().await {
                        Ok(()) => Builtins::Ready,
                        Err(e) => Builtins::Failed(e),
                    });
                });
            }
        });
    }
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            // Closed: keyboard users are back on the Stories button.
            || {
                if let Some(b) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| {
                        d.query_selector("[data-testid=\"stories-button\"]")
                            .ok()
                            .flatten()
                    })
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = b.focus();
                }
            }
        });
    }
    let on_key = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                onclose.emit(());
            }
        })
    };
    let close = props.onclose.reform(|_: MouseEvent| ());
    let on_file = {
        let file = file.clone();
        let copied = copied.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = file.clone();
            copied.set(None);
            browser::read_chosen_file(&input, move |name, text| {
                let text = match text {
                    Ok(text) => text,
                    Err(e) => {
                        file.set(Some(FileRead {
                            name,
                            story: None,
                            notices: Vec::new(),
                            error: Some(e),
                            making: false,
                        }));
                        return;
                    }
                };
                let read = from_json(&text);
                let Some(story) = read.story else {
                    file.set(Some(FileRead {
                        name,
                        story: None,
                        notices: read.notices,
                        error: None,
                        making: false,
                    }));
                    return;
                };
                let json = story.to_json();
                let shown = move |source: Source, making: bool| FileRead {
                    name: name.clone(),
                    story: Some(Rc::new(OpenStory {
                        story: story.clone(),
                        source,
                    })),
                    notices: read.notices.clone(),
                    error: None,
                    making,
                };
                file.set(Some(shown(Source::Unlinked, true)));
                wasm_bindgen_futures::spawn_local(async move {
                    let source = match deflate::deflate_raw(json.as_bytes()).await {
                        Ok(packed) => Source::Inline(codec::inline_value_of_deflated(&packed)),
                        Err(_) => Source::Unlinked,
                    };
                    file.set(Some(shown(source, false)));
                });
            });
            // The same file can be chosen again after an edit.
            input.set_value("");
        })
    };

    let builtins = builtin::loaded().into_iter().map(|s| {
        let open = Rc::new(OpenStory {
            story: s.clone(),
            source: Source::Builtin(s.id.clone()),
        });
        let onclick = props
            .onstart
            .reform(move |_: MouseEvent| (open.clone(), Vec::new()));
        html! {
            <li class="story-item" data-testid={format!("story-item-{}", s.id)}>
                <div>
                    <strong>{ s.title.get(lang) }</strong>
                    <span class="hint-inline">{ counts(lang, s) }</span>
                </div>
                <button type="button" class="btn primary" data-testid={format!("story-start-{}", s.id)} {onclick}>
                    { Text::StoryStart.get(lang) }
                </button>
            </li>
        }
    });

    let file_view = (*file).as_ref().map(|f| {
        let notices = (!f.notices.is_empty()).then(|| {
            html! {
                <ul class="story-file-notices" data-testid="story-file-notices">
                    { for f.notices.iter().map(|n| html! { <li>{ n.message(lang == Lang::Zh) }</li> }) }
                </ul>
            }
        });
        // Start the story with the file's notices.
        let start = |open: &Rc<OpenStory>| {
            let open = open.clone();
            let notices = f.notices.clone();
            props
                .onstart
                .reform(move |_: MouseEvent| (open.clone(), notices.clone()))
        };
        let body = match &f.story {
            Some(open) if open.source == Source::Unlinked => {
                let start = start(open);
                html! {
                    <div class="story-file" data-testid="story-file">
                        <p><strong data-testid="story-file-title">{ open.story.title.get(lang) }</strong>
                            <span class="hint-inline">{ counts(lang, &open.story) }</span></p>
                        if f.making {
                            <p class="hint-inline" role="status">{ "…" }</p>
                        } else {
                            <p class="note warn" data-testid="story-file-no-link">{ Text::StoryNoLink.get(lang) }</p>
                        }
                        { notices.clone().unwrap_or_default() }
                        <button type="button" class="btn primary" data-testid="story-file-start" disabled={f.making} onclick={start}>
                            { Text::StoryStart.get(lang) }
                        </button>
                    </div>
                }
            }
            Some(open) => {
                let url = format!(
                    "{}?{}",
                    browser::page_address(),
                    codec::query(&open.source, 0, None)
                );
                let len = url.len();
                let url_qr = AttrValue::from(url.clone());
                let on_copy = {
                    let copied = copied.clone();
                    let input = link_input.clone();
                    let url = url.clone();
                    Callback::from(move |_: MouseEvent| {
                        let copied = copied.clone();
                        browser::copy_text(&url, input.cast::<HtmlInputElement>(), move |ok| {
                            copied.set(Some(ok))
                        });
                    })
                };
                let start = start(open);
                html! {
                    <div class="story-file" data-testid="story-file">
                        <p><strong data-testid="story-file-title">{ open.story.title.get(lang) }</strong>
                            <span class="hint-inline">{ counts(lang, &open.story) }</span></p>
                        <label class="field-label" for="story-file-link">{ Text::StoryLink.get(lang) }</label>
                        <div class="share-row">
                            <input id="story-file-link" ref={link_input.clone()} type="text" readonly=true class="share-link"
                                data-testid="story-file-link" value={url} />
                            <button type="button" class="btn" data-testid="story-file-copy" onclick={on_copy}>
                                { Text::StoryCopyLink.get(lang) }
                            </button>
                        </div>
                        <p class="copy-status" role="status" aria-live="polite">
                            { match *copied {
                                Some(true) => Text::Copied.get(lang),
                                Some(false) => Text::CopyFailed.get(lang),
                                None => "",
                            } }
                        </p>
                        if len > MAX_STORY_LINK_LENGTH {
                            <p class="note warn" data-testid="story-link-too-long">
                                { Text::StoryLinkTooLong.get(lang).replace("{max}", &MAX_STORY_LINK_LENGTH.to_string()) }
                            </p>
                        } else {
                            // The QR code says itself when the link is too long for one.
                            <div class="share-qr"><QrCode text={url_qr} caption={Text::QrScan.get(lang)} /></div>
                        }
                        { notices.unwrap_or_default() }
                        <button type="button" class="btn primary" data-testid="story-file-start" onclick={start}>
                            { Text::StoryStart.get(lang) }
                        </button>
                    </div>
                }
            }
            None => html! {
                <div class="story-file refused" role="alert" data-testid="story-file-refused">
                    <p><strong>{ format!("{} {}", f.name, Text::StoryRefused.get(lang)) }</strong></p>
                    if let Some(e) = &f.error {
                        <p>{ e.clone() }</p>
                    }
                    { notices.unwrap_or_default() }
                </div>
            },
        };
        body
    });

    html! {
        <section id="stories" ref={panel} tabindex="-1" class="help-panel story-menu" data-testid="story-menu"
            aria-labelledby="stories-title" onkeydown={on_key}>
            <div class="help-head">
                <h2 id="stories-title">{ Text::StoriesTitle.get(lang) }</h2>
                <button type="button" class="btn" data-testid="story-menu-close" onclick={close}>
                    { Text::Close.get(lang) }
                </button>
            </div>
            <p>{ Text::StoriesIntro.get(lang) }</p>
            <ul class="story-list" aria-busy={(*listed == Builtins::Loading).to_string()}>
                { for builtins }
                { match &*listed {
                    Builtins::Ready => Html::default(),
                    Builtins::Loading => html! {
                        <li class="story-item hint-inline" role="status" data-testid="story-list-loading">
                            { Text::StoriesLoading.get(lang) }
                        </li>
                    },
                    Builtins::Failed(detail) => {
                        let retry = {
                            let attempt = attempt.clone();
                            Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
                        };
                        html! {
                            <li class="story-item note warn" role="alert" data-testid="story-list-failed">
                                <span>{ Text::StoriesLoadFailed.get(lang).replace("{detail}", detail) }</span>
                                <button type="button" class="btn" data-testid="story-list-retry" onclick={retry}>
                                    { Text::StoriesRetry.get(lang) }
                                </button>
                            </li>
                        }
                    }
                } }
            </ul>
            <div class="story-open-file">
                <label class="btn file-btn">
                    { Text::StoryOpenFile.get(lang) }
                    <input type="file" accept=".json,application/json" data-testid="story-open-file" onchange={on_file} />
                </label>
                <span class="hint-inline">{ Text::StoryFileHint.get(lang) }</span>
            </div>
            { file_view.unwrap_or_default() }
        </section>
    }
}
