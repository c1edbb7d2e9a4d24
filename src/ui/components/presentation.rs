//! Presentation mode (issue #6): the results on a projector, one slide at a time — each chart,
//! then the district view — in large type, with the scenario's summary beside it and the
//! playback bar below.
//!
//! It asks for full screen (the Fullscreen API on its own element); where the browser
//! refuses, it stays what it always is, a fixed layer over the whole viewport. Keys: ← / →
//! (and PageUp / PageDown, which clickers send) change the slide, Home / End go to the first
//! or last, Space plays or pauses, Esc leaves; leaving the browser's full screen leaves the
//! mode too. On a focused chart (clicked, or reached with Tab) ← / → and Home / End move the
//! chart's day, as they do on the page; PageUp / PageDown still change the slide. Focus goes
//! into the presentation when it opens and back to the Present button when it closes.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, Shown};
use super::district_map::DistrictMap;
use super::playback_bar::PlaybackBar;
use super::qr_code::QrCode;
use crate::charts::districts::MapIndicator;
use crate::charts::ChartId;
use crate::i18n::{fmt_date, fmt_quantity, Lang, Quantity, Text};
use crate::scenario::params::PARAMS;
use crate::scenario::presets::{self, preset_label};
use crate::scenario::{Date, Scenario};
use crate::sim::ensemble::{Bands, Ranges};
use crate::ui::browser::{self, WindowListener};
use crate::ui::compare::ChartKind;
use crate::ui::fields::NumberSpec;
use crate::ui::playback::{cards_summary, Playback, PlaybackAction};

/// The slides: the charts in page order, then the district view.
pub const SLIDES: usize = ChartId::ALL.len() + 1;

/// Text and lines on a slide's chart, × the page's size (on a screen at least
/// [`ZOOM_FROM_PX`] wide; a phone keeps the page's size).
const CHART_ZOOM: f64 = 1.6;
const ZOOM_FROM_PX: f64 = 900.0;

/// Side of the link's QR code in CSS pixels: scannable from a few rows back on a projector.
const QR_PX: u32 = 220;

/// The changed levers listed at most; the rest are counted.
const MAX_LEVERS: usize = 6;

/// The `data-testid` of the header button that opens the mode (focus returns to it).
pub const PRESENT_BUTTON: &str = "present-button";

#[derive(Properties, Clone, PartialEq)]
pub struct PresentationProps {
    pub a: Shown,
    /// Scenario B, when comparing: drawn on the charts and the district view as on the page.
    #[prop_or_default]
    pub b: Option<Shown>,
    /// The preset scenario A started from.
    pub preset: AttrValue,
    pub slide: usize,
    pub playback: Playback,
    pub onplayback: Callback<PlaybackAction>,
    pub onslide: Callback<usize>,
    pub onclose: Callback<()>,
    pub map_indicator: MapIndicator,
    pub onmap: Callback<MapIndicator>,
    /// The page's current link, shown as a QR code so a class opens the same scenario (the
    /// story link at its step while a story is open).
    pub url: AttrValue,
    /// The story player, while a story is open: its text and question lead the side panel.
    #[prop_or_default]
    pub story: Html,
    /// A story question is waiting for the class's answer: the slide is hidden until then.
    #[prop_or_default]
    pub story_pending: bool,
    /// The ensemble's bands of A, drawn behind A's lines as on the page.
    #[prop_or_default]
    pub bands: Option<Rc<Bands>>,
    /// B's bands behind B's lines, when comparing.
    #[prop_or_default]
    pub bands_b: Option<Rc<Bands>>,
    /// The ensemble's 5–95% range of each card figure of A (shown for the whole run only).
    #[prop_or_default]
    pub ranges: Option<Rc<Ranges>>,
}

/// The levers of `scenario` that differ from its preset: "label: value unit".
fn changed_levers(scenario: &Scenario, preset: &str, lang: Lang) -> Vec<String> {
    let Some(base) = presets::preset(preset) else {
        return Vec::new();
    };
    let mut out: Vec<String> = PARAMS
        .iter()
        .filter(|p| (p.get)(scenario) != (p.get)(&base))
        .map(|p| {
            let spec = NumberSpec::of_param(p);
            let value = spec.display_text((p.get)(scenario));
            let unit = spec.unit_label(lang);
            let label = lang.pick(p.label_zh, p.label_en);
            match lang {
                Lang::Zh => format!("{label}：{value}{unit}"),
                Lang::En if unit.is_empty() => format!("{label}: {value}"),
                Lang::En => format!("{label}: {value} {unit}"),
            }
        })
        .collect();
    let count = |n: usize| n.to_string();
    if scenario.controls != base.controls {
        out.push(format!(
            "{}{}{}",
            Text::ControlIntervals.get(lang),
            lang.pick("：", ": "),
            count(scenario.controls.intervals.len())
        ));
    }
    if scenario.vouchers != base.vouchers {
        out.push(format!(
            "{}{}{}",
            Text::VoucherWaves.get(lang),
            lang.pick("：", ": "),
            count(scenario.vouchers.waves.len())
        ));
    }
    out
}

/// Whether the window is wide enough for the large chart text.
fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= ZOOM_FROM_PX)
}

/// Handles a promise's rejection by doing nothing, so a refusal is not reported as an error.
fn ignore_rejection(p: &js_sys::Promise) {
    // Called at most once; a promise that resolves leaves this small closure behind.
    let ignore = Closure::once(|_: JsValue| {});
    let _ = p.catch(&ignore);
    ignore.forget();
}

/// Asks for full screen on `el`; a refusal (a promise that rejects) is expected and ignored.
fn request_fullscreen(el: &web_sys::Element) -> bool {
    let Ok(f) = js_sys::Reflect::get(el, &JsValue::from_str("requestFullscreen")) else {
        return false;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    match f.call0(el) {
        Ok(result) => {
            if let Some(p) = result.dyn_ref::<js_sys::Promise>() {
                ignore_rejection(p);
            }
            true
        }
        Err(_) => false,
    }
}

/// Leaves full screen if the page is in it.
fn exit_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.fullscreen_element().is_none() {
        return;
    }
    if let Ok(f) = js_sys::Reflect::get(&doc, &JsValue::from_str("exitFullscreen")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            if let Ok(result) = f.call0(&doc) {
                if let Some(p) = result.dyn_ref::<js_sys::Promise>() {
                    ignore_rejection(p);
                }
            }
        }
    }
}

/// Whether a key went to a control that uses it itself (a field, a list, the scrubber).
fn in_control(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

fn on_chart(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.tag_name() == "CANVAS")
}

fn on_button(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.tag_name() == "BUTTON")
}

/// Opens presentation mode with the `p` key anywhere on the page, except while typing, while
/// `enabled` (the mode is closed); when the mode closes, focus goes back to the Present button.
#[hook]
pub fn use_present_key(enabled: bool, onopen: Callback<()>) {
    let was_enabled = use_mut_ref(|| true);
    use_effect_with(enabled, move |&enabled| {
        if enabled && !was_enabled.replace(true) {
            // Run after the presentation left the page, so nothing takes the focus back.
            let button = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector(&format!("[data-testid=\"{PRESENT_BUTTON}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            if let Some(b) = button {
                let _ = b.focus();
            }
        }
        *was_enabled.borrow_mut() = enabled;
        let listener =
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                    .is_some_and(|el| {
                        el.is_content_editable()
                            || matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                    });
                if enabled
                    && !typing
                    && !e.ctrl_key()
                    && !e.meta_key()
                    && !e.alt_key()
                    && e.key().eq_ignore_ascii_case("p")
                {
                    e.prevent_default();
                    onopen.emit(());
                }
            });
        let listener = WindowListener::new(&["keydown"], false, listener);
        move || drop(listener)
    });
}

#[component(Presentation)]
pub fn presentation(props: &PresentationProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let root = use_node_ref();
    let wide = use_state_eq(is_wide);
    // Whether this presentation got full screen: only then does leaving it close the mode.
    let entered = use_mut_ref(|| false);
    {
        // Open: focus inside, ask for full screen, follow the browser leaving it.
        // Close: leave full screen ([`use_present_key`] puts focus back on the button).
        let root = root.clone();
        let entered = entered.clone();
        let onclose = props.onclose.clone();
        use_effect_with((), move |_| {
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(el) = root.cast::<HtmlElement>() {
                let _ = el.focus();
                request_fullscreen(&el);
            }
            let watched = entered.clone();
            let listener = Closure::<dyn Fn()>::new(move || {
                let full = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.fullscreen_element())
                    .is_some();
                if full {
                    *watched.borrow_mut() = true;
                } else if watched.replace(false) {
                    onclose.emit(());
                }
            });
            if let Some(d) = &doc {
                let _ = d.add_event_listener_with_callback(
                    "fullscreenchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(d) = &doc {
                    let _ = d.remove_event_listener_with_callback(
                        "fullscreenchange",
                        listener.as_ref().unchecked_ref(),
                    );
                    exit_fullscreen();
                }
            }
        });
    }

    {
        // Large chart text on a wide screen, the page's size on a phone; followed on resize.
        let wide = wide.clone();
        browser::use_window_resize(move || wide.set(is_wide()));
    }

    let slide = props.slide.min(SLIDES - 1);
    let days = props.a.results.outcome.days();
    let last = days.saturating_sub(1);
    let until = props.playback.until(days);

    // Callbacks
    let on_key = {
        let onslide = props.onslide.clone();
        let onclose = props.onclose.clone();
        let onplayback = props.onplayback.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                e.prevent_default();
                onclose.emit(());
                return;
            }
            if in_control(&e) {
                return; // The scrubber and the lists use the arrows themselves.
            }
            if on_chart(&e) && matches!(key.as_str(), "ArrowRight" | "ArrowLeft" | "Home" | "End") {
                return; // A focused chart moves its day with these.
            }
            match key.as_str() {
                "ArrowRight" | "PageDown" => onslide.emit((slide + 1).min(SLIDES - 1)),
                "ArrowLeft" | "PageUp" => onslide.emit(slide.saturating_sub(1)),
                "Home" => onslide.emit(0),
                "End" => onslide.emit(SLIDES - 1),
                " " | "Spacebar" if !on_button(&e) => {
                    onplayback.emit(PlaybackAction::Toggle { last })
                }
                _ => return,
            }
            e.prevent_default();
        })
    };
    let on_prev = props
        .onslide
        .reform(move |_: MouseEvent| slide.saturating_sub(1));
    let on_next = props
        .onslide
        .reform(move |_: MouseEvent| (slide + 1).min(SLIDES - 1));
    let on_close = props.onclose.reform(|_: MouseEvent| ());

    // Helpers
    let zoom = if *wide { CHART_ZOOM } else { 1.0 };
    let (title, stage) = match ChartId::ALL.get(slide) {
        Some(&id) => (
            id.title().get(lang).to_string(),
            html! {
                <ChartCanvas key={id.key()} id={ChartKind::Chart(id)} a={props.a.clone()} b={props.b.clone()} {until} {zoom} bands={props.bands.clone()} bands_b={props.bands_b.clone()} />
            },
        ),
        None => (
            Text::DistrictView.get(lang).to_string(),
            html! {
                <DistrictMap results={props.a.results.clone()} b={props.b.as_ref().map(|b| b.results.clone())}
                    indicator={props.map_indicator}
                    onselect={props.onmap.clone()} {until} />
            },
        ),
    };
    let (summary, _) = cards_summary(&props.a.results, &props.a.scenario, until);
    let q = |quantity, v| fmt_quantity(lang, quantity, v);
    let headline = [
        (
            "infections_total",
            Text::Infections,
            summary.infections_total,
            q(Quantity::People, summary.infections_total),
            Quantity::People,
        ),
        (
            "detected_total",
            Text::Detected,
            summary.detected_total,
            q(Quantity::People, summary.detected_total),
            Quantity::People,
        ),
        (
            "gdp_loss_yuan",
            Text::GdpLoss,
            summary.gdp_loss_yuan,
            q(Quantity::Yuan, summary.gdp_loss_yuan),
            Quantity::Yuan,
        ),
        (
            "jobs_lost_trough",
            Text::JobsLost,
            summary.jobs_lost_trough,
            q(Quantity::People, summary.jobs_lost_trough),
            Quantity::People,
        ),
        (
            "fiscal_cost_yuan",
            Text::FiscalCost,
            summary.fiscal_cost_yuan,
            q(Quantity::Yuan, summary.fiscal_cost_yuan),
            Quantity::Yuan,
        ),
    ];
    let recovery = summary
        .recovery_date
        .as_deref()
        .and_then(|d| d.parse::<Date>().ok())
        .map(|d| fmt_date(lang, d))
        .unwrap_or_else(|| {
            if until.is_some() {
                Text::NotYet
            } else {
                Text::NotRecovered
            }
            .get(lang)
            .to_string()
        });
    let start = props.a.results.outcome.start;
    let as_of = match until {
        Some(d) => format!(
            "{} {}",
            Text::AsOf.get(lang),
            fmt_date(lang, start.add_days(d as i32))
        ),
        None => Text::WholeYear.get(lang).to_string(),
    };
    // The ensemble's 90% range under a card, worded as on the page: of the whole run only.
    let range = |key: &str, fmt: &dyn Fn(f64) -> String, none: &str| -> Html {
        let Some((_, [p5, p95])) = props
            .ranges
            .as_ref()
            .filter(|_| until.is_none())
            .and_then(|r| r.iter().find(|(k, _)| k == key))
        else {
            return Html::default();
        };
        let end = |v: &Option<f64>| v.map_or_else(|| none.to_string(), fmt);
        let text = format!("{} {} – {}", Text::RangeLabel.get(lang), end(p5), end(p95));
        html! { <span class="card-range" data-testid={format!("presentation-range-{key}")}>{ text }</span> }
    };
    let date_of = |v: f64| fmt_date(lang, Date::from_days_since_epoch(v as i32));
    let preset_name = preset_label(&props.preset)
        .map(|(zh, en)| lang.pick(zh, en).to_string())
        .unwrap_or_else(|| props.preset.to_string());
    let levers = changed_levers(&props.a.scenario, &props.preset, lang);
    let more = levers.len().saturating_sub(MAX_LEVERS);

    html! {
        <div class="presentation" ref={root} tabindex="-1" role="dialog" aria-modal="true"
            aria-label={Text::Presentation.get(lang)} data-testid="presentation"
            data-slide={slide.to_string()} onkeydown={on_key}>
            <div class="pres-top">
                <h2 class="pres-title" data-testid="presentation-title">{ title }</h2>
                <span class="pres-count" data-testid="presentation-slide" aria-live="polite">
                    { format!("{} / {SLIDES}", slide + 1) }
                </span>
                <div class="pres-nav">
                    <button type="button" class="btn" data-testid="presentation-prev"
                        disabled={slide == 0} onclick={on_prev}>{ "← " }{ Text::PreviousSlide.get(lang) }</button>
                    <button type="button" class="btn" data-testid="presentation-next"
                        disabled={slide + 1 == SLIDES} onclick={on_next}>{ Text::NextSlide.get(lang) }{ " →" }</button>
                    <button type="button" class="btn" data-testid="presentation-close" onclick={on_close}>
                        { Text::LeavePresentation.get(lang) }
                    </button>
                </div>
            </div>
            <div class="pres-body">
                <div class={classes!("pres-stage", props.story_pending.then_some("veiled"))}
                    aria-hidden={props.story_pending.then_some("true")}>{ stage }</div>
                <aside class="pres-side" data-testid="presentation-summary">
                    if props.story != Html::default() {
                        <div class="pres-story" data-testid="presentation-story">{ props.story.clone() }</div>
                    }
                    <p class="pres-preset">{ Text::Preset.get(lang) }{ lang.pick("：", ": ") }<strong>{ preset_name }</strong></p>
                    <div class="pres-levers">
                        <h3>{ Text::ChangedLevers.get(lang) }</h3>
                        if levers.is_empty() {
                            <p class="muted">{ Text::SameAsPreset.get(lang) }</p>
                        } else {
                            <ul data-testid="presentation-levers">
                                { for levers.iter().take(MAX_LEVERS).map(|l| html! { <li>{ l.clone() }</li> }) }
                                if more > 0 { <li class="muted">{ format!("+{more}") }</li> }
                            </ul>
                        }
                    </div>
                    <p class="pres-asof" data-testid="presentation-as-of">{ as_of }</p>
                    <dl class="pres-cards">
                        { for headline.iter().map(|(key, label, value, shown, quantity)| html! {
                            <div class="pres-card" data-testid={format!("presentation-card-{key}")} data-value={format!("{value}")}>
                                <dt>{ label.get(lang) }</dt>
                                <dd>{ shown.clone() }</dd>
                                { range(key, &|v| q(*quantity, v), "—") }
                            </div>
                        }) }
                        <div class="pres-card" data-testid="presentation-card-recovery_date"
                            data-value={summary.recovery_date.clone().unwrap_or_default()}>
                            <dt>{ Text::RecoveryDate.get(lang) }</dt>
                            <dd>{ recovery }</dd>
                            { range("recovery_date", &date_of, Text::NotRecovered.get(lang)) }
                        </div>
                    </dl>
                    <div class="pres-qr" data-testid="presentation-qr">
                        <QrCode text={props.url.clone()} size={QR_PX} caption={Text::QrScan.get(lang)} />
                    </div>
                </aside>
            </div>
            <div class="pres-bottom">
                <PlaybackBar playback={props.playback} {start} {days}
                    onplayback={props.onplayback.clone()} testid="presentation-playback" />
                <p class="pres-hint">{ Text::PresentHint.get(lang) }</p>
            </div>
        </div>
    }
}
