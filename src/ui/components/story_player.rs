//! The story player: one step of a guided story (step n of m, its text filled from the run, and
//! for a question step the choices first, then the computed answer and the explanation),
//! Previous / Next, and Leave. It runs the step's own scenarios to decide the answer, so the
//! answer does not change when the reader moves a lever afterwards.
//!
//! The player holds no state of its own: the host keeps a [`StoryState`](crate::ui::story)
//! (which step, what was picked) and applies a step's scenario when `onstep` fires. The page
//! places it above the results; a presentation slide can place it the same way, with the
//! page's own story state and callbacks (`crate::ui::story::callbacks`):
//!
//! ```ignore
//! if let Some(open) = story.open.clone() {
//!     <StoryPlayer story={open} step={story.step}
//!         picked={story.picks.get(story.step).copied().flatten()}
//!         onstep={cbs.step.clone()} onpick={cbs.pick.clone()} />   // no onleave: no Leave button
//! }
//! ```
//!
//! While `story.pending()` the page greys the results out (`.story-pending` on `main.layout`,
//! `crate::ui::story::veil_results`); a slide showing a chart should hide it the same way.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::ChartId;
use crate::i18n::{Lang, Text};
use crate::story::{fill, MetricRef, Of, QuestionKind, StepRuns, StoryNotice};
use crate::ui::story::{OpenStory, Picked};

#[derive(Properties, PartialEq, Clone)]
pub struct StoryPlayerProps {
    pub story: Rc<OpenStory>,
    /// The step shown, from 0.
    pub step: usize,
    /// The reader's answer on this step, if any.
    pub picked: Option<Picked>,
    /// Go to a step (from 0); the host shows that step's scenario.
    pub onstep: Callback<usize>,
    pub onpick: Callback<Picked>,
    /// Leave the story; no Leave button without it.
    #[prop_or_default]
    pub onleave: Option<Callback<()>>,
}

/// The chart a step points at, on the page (`figure[data-chart=…]`).
fn chart_element(key: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("figure[data-chart=\"{key}\"]"))
        .ok()
        .flatten()
}

#[component(StoryPlayer)]
pub fn story_player(props: &StoryPlayerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let story = &props.story.story;
    let count = story.steps.len();
    let index = props.step.min(count.saturating_sub(1));
    let step = &story.steps[index];

    // The step's own runs decide its answer and fill its texts.
    let runs: Rc<StepRuns> = {
        let step = step.clone();
        (*use_memo((props.story.clone(), index), move |_| Rc::new(step.run()))).clone()
    };

    // The chart the step is about stands out on the page.
    {
        let chart = step.chart.clone();
        use_effect_with(chart, |chart| {
            if let Some(el) = chart.as_deref().and_then(chart_element) {
                let _ = el.set_attribute("data-story-focus", "");
            }
            let chart = chart.clone();
            move || {
                if let Some(el) = chart.as_deref().and_then(chart_element) {
                    let _ = el.remove_attribute("data-story-focus");
                }
            }
        });
    }
    // Once answered, keyboard and screen-reader users land on the answer.
    let answer_ref = use_node_ref();
    {
        let answer_ref = answer_ref.clone();
        use_effect_with((index, props.picked.is_some()), move |(_, answered)| {
            if *answered {
                if let Some(el) = answer_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let n = index + 1;
    let step_of = Text::StoryStepOf
        .get(lang)
        .replace("{n}", &n.to_string())
        .replace("{m}", &count.to_string());
    let go = |to: usize| props.onstep.reform(move |_: MouseEvent| to);
    let dots = (0..count).map(|i| {
        let label = Text::StoryStepOf
            .get(lang)
            .replace("{n}", &(i + 1).to_string())
            .replace("{m}", &count.to_string());
        html! {
            <li>
                <button type="button" class={classes!("story-dot", (i == index).then_some("on"))}
                    data-testid={format!("story-dot-{}", i + 1)} aria-label={label}
                    aria-current={(i == index).then_some("step")} onclick={go(i)}>
                    { i + 1 }
                </button>
            </li>
        }
    });

    let question = step.question.as_ref().map(|q| {
        let answer = q.answer(&runs);
        let answered = props.picked.is_some();
        let choices = q.choices.iter().enumerate().map(|(i, c)| {
            let picked = props.picked == Some(Picked::Choice(i));
            let right = answered && answer.correct == Some(i);
            let wrong = answered && picked && answer.correct != Some(i);
            let onclick = props.onpick.reform(move |_: MouseEvent| Picked::Choice(i));
            let mut marks = Vec::new();
            if right {
                marks.push(Text::StoryCorrect.get(lang));
            }
            if picked {
                marks.push(Text::StoryYourPick.get(lang));
            }
            html! {
                <button type="button"
                    class={classes!("story-choice", right.then_some("right"), wrong.then_some("wrong"), picked.then_some("picked"))}
                    data-testid={format!("story-choice-{}", i + 1)}
                    data-correct={if right { "1" } else { "0" }}
                    aria-pressed={if picked { "true" } else { "false" }}
                    disabled={answered} {onclick}>
                    <span>{ c.label.get(lang) }</span>
                    if !marks.is_empty() {
                        <span class="story-mark">{ format!(" · {}", marks.join(lang.pick("，", ", "))) }</span>
                    }
                </button>
            }
        });
        let reveal = props.picked.map(|p| {
            let verdict = match (p, answer.correct) {
                (_, None) => Text::StoryUndecided.get(lang).to_string(),
                (Picked::Choice(i), Some(c)) if i == c => Text::StoryRight.get(lang).to_string(),
                (Picked::Choice(_), Some(c)) => format!(
                    "{}{}{}{}",
                    Text::StoryWrong.get(lang),
                    lang.pick("", " "),
                    Text::StoryAnswerIs.get(lang),
                    q.choices[c].label.get(lang)
                ),
                (Picked::ShowMe, Some(c)) => format!(
                    "{}{}",
                    Text::StoryAnswerIs.get(lang),
                    q.choices[c].label.get(lang)
                ),
            };
            let numbers = MetricRef::parse(&q.metric).ok().map(|m| {
                let fmt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| m.format(lang, v));
                let sep = lang.pick("；", "; ");
                let mut parts = vec![format!("A {}", fmt(answer.a))];
                if runs.b.is_some() {
                    parts.push(format!("B {}", fmt(answer.b)));
                }
                if q.kind == QuestionKind::Range && q.of == Some(Of::D) {
                    parts.push(format!("{} {}", Text::StoryDifference.get(lang), fmt(answer.value)));
                }
                format!("{}{}{}{}", Text::StoryComputed.get(lang), m.label(lang), lang.pick("：", ": "), parts.join(sep))
            });
            let outcome = match (p, answer.correct) {
                (Picked::Choice(i), Some(c)) if i == c => "right",
                (Picked::Choice(_), Some(_)) => "wrong",
                (Picked::ShowMe, Some(_)) => "shown",
                (_, None) => "undecided",
            };
            html! {
                <div class="story-answer" ref={answer_ref.clone()} tabindex="-1" role="status"
                    data-testid="story-answer" data-outcome={outcome}>
                    <p class="story-verdict"><strong>{ verdict }</strong></p>
                    if let Some(numbers) = numbers {
                        <p class="story-numbers" data-testid="story-numbers">{ numbers }</p>
                    }
                    if let Some(explain) = &q.explain {
                        <p data-testid="story-explain">{ fill(explain.get(lang), &runs, lang) }</p>
                    }
                </div>
            }
        });
        let show_me = props.onpick.reform(|_: MouseEvent| Picked::ShowMe);
        let sides_note = match (q.kind, q.of) {
            (QuestionKind::Range, Some(Of::A)) => Some("A"),
            (QuestionKind::Range, Some(Of::B)) => Some("B"),
            (QuestionKind::Range, Some(Of::D)) => Some("B − A"),
            _ => None,
        };
        html! {
            <div class="story-question" role="group" aria-labelledby="story-prompt" data-testid="story-question">
                <p class="story-predict">{ Text::StoryPredict.get(lang) }</p>
                <p id="story-prompt" class="story-prompt" data-testid="story-prompt">
                    { q.prompt.get(lang) }
                    if let Some(side) = sides_note {
                        <span class="story-of">{ format!(" ({side})") }</span>
                    }
                </p>
                <div class="story-choices">{ for choices }</div>
                if answered {
                    { reveal.unwrap_or_default() }
                } else {
                    <div class="story-pending">
                        <button type="button" class="btn" data-testid="story-show-me" onclick={show_me}>
                            { Text::StoryShowMe.get(lang) }
                        </button>
                        <span class="hint-inline">{ Text::StoryHidden.get(lang) }</span>
                    </div>
                }
            </div>
        }
    });

    let see_chart = step.chart.as_deref().and_then(|key| {
        let id = ChartId::ALL.into_iter().find(|c| c.key() == key)?;
        let key = key.to_string();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(el) = chart_element(&key) {
                el.scroll_into_view();
                if let Some(canvas) = el
                    .query_selector("canvas")
                    .ok()
                    .flatten()
                    .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = canvas.focus();
                }
            }
        });
        Some(html! {
            <button type="button" class="btn story-see-chart" data-testid="story-see-chart" {onclick}>
                { format!("{}{}", Text::StorySeeChart.get(lang), id.title().get(lang)) }
            </button>
        })
    });
    let last = index + 1 == count;
    let leave = props.onleave.as_ref().map(|cb| {
        let onclick = cb.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class="btn" data-testid="story-leave" {onclick}>{ Text::StoryLeave.get(lang) }</button>
        }
    });

    html! {
        <section class="story-player" data-testid="story-player" aria-labelledby="story-title"
            data-story={story.id.clone()} data-step={n.to_string()} data-steps={count.to_string()}>
            <div class="story-head">
                <div>
                    <p class="story-kicker">{ Text::StoriesTitle.get(lang) }</p>
                    <h2 id="story-title" data-testid="story-title">{ story.title.get(lang) }</h2>
                </div>
                { leave.unwrap_or_default() }
            </div>
            <nav class="story-progress" aria-label={Text::StorySteps.get(lang)}>
                <span class="story-step-of" data-testid="story-step-of">{ step_of }</span>
                <ol class="story-dots">{ for dots }</ol>
            </nav>
            <div class="story-body" aria-live="polite">
                <p class="story-text" data-testid="story-text">{ fill(step.text.get(lang), &runs, lang) }</p>
                { question.unwrap_or_default() }
            </div>
            <div class="story-nav">
                <button type="button" class="btn" data-testid="story-prev" disabled={index == 0}
                    onclick={go(index.saturating_sub(1))}>{ Text::StoryPrev.get(lang) }</button>
                <button type="button" class="btn primary" data-testid="story-next" disabled={last}
                    onclick={go(index + 1)}>{ Text::StoryNext.get(lang) }</button>
                { see_chart.unwrap_or_default() }
            </div>
            if last {
                <p class="hint-inline" data-testid="story-end">{ Text::StoryEnd.get(lang) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct StoryNoticesProps {
    pub notices: Vec<StoryNotice>,
    pub ondismiss: Callback<()>,
}

/// What a story link or file could not use, in the page's language.
#[component(StoryNotices)]
pub fn story_notices(props: &StoryNoticesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    if props.notices.is_empty() {
        return Html::default();
    }
    let dismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="link-notices story-notices" role="status" data-testid="story-notices">
            <div class="story-notices-head">
                <strong>{ Text::StoryNoticesTitle.get(lang) }</strong>
                <button type="button" class="btn" data-testid="story-notices-dismiss" onclick={dismiss}>
                    { Text::Close.get(lang) }
                </button>
            </div>
            <ul>
                { for props.notices.iter().map(|n| html! {
                    <li data-testid="story-notice">{ n.message(lang == Lang::Zh) }</li>
                }) }
            </ul>
        </section>
    }
}
