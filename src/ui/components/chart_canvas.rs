//! The one component that touches a `<canvas>`: draws a chart with plotters' canvas backend at
//! the device's pixel ratio, redraws when the run, the language or the size changes, and shows
//! the date and values under the pointer (or under the arrow keys) in an overlay. With a
//! scenario B it draws both ([`compare`](crate::ui::compare)); a small button saves the chart
//! as a PNG file.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::chart_table::{fresh_id, ChartTable};
use crate::charts::{Figure, PlotFrame};
use crate::i18n::{Lang, Text};
use crate::scenario::Scenario;
use crate::sim::ensemble::Bands;
use crate::ui::browser;
use crate::ui::canvas_backend::CachedTextCanvas;
use crate::ui::compare::{ChartKind, Run};
use crate::ui::engine::Results;
use crate::ui::visibility::use_on_screen;

/// A run and its scenario, compared by identity.
#[derive(Clone)]
pub struct Shown {
    pub results: Rc<Results>,
    pub scenario: Rc<Scenario>,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        // The results are recomputed only when the scenario changes: same Rc, same chart.
        Rc::ptr_eq(&self.results, &other.results) && Rc::ptr_eq(&self.scenario, &other.scenario)
    }
}

impl Shown {
    fn run(&self) -> Run<'_> {
        Run {
            outcome: &self.results.outcome,
            scenario: &self.scenario,
        }
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ChartCanvasProps {
    pub id: ChartKind,
    pub a: Shown,
    /// Scenario B, drawn over A.
    #[prop_or_default]
    pub b: Option<Shown>,
    /// Playback: draw days up to this one only, on the whole year's axes.
    #[prop_or_default]
    pub until: Option<usize>,
    /// Sizes of text and lines × this (presentation mode draws large).
    #[prop_or(1.0)]
    pub zoom: f64,
    /// Uncertainty bands of A (an ensemble's), drawn behind A's lines.
    #[prop_or_default]
    pub bands: Option<Rc<Bands>>,
    /// Uncertainty bands of B, drawn behind B's lines when comparing.
    #[prop_or_default]
    pub bands_b: Option<Rc<Bands>>,
}

fn build(
    id: ChartKind,
    a: &Shown,
    b: Option<&Shown>,
    bands: [Option<&Rc<Bands>>; 2],
    lang: Lang,
) -> Figure {
    let [bands_a, bands_b] = bands.map(|x| x.map(|x| &**x));
    let b = b.map(Shown::run);
    crate::ui::ensemble::figure_with_bands(
        id,
        a.run(),
        b,
        bands_a,
        bands_b.filter(|_| b.is_some()),
        lang,
    )
}

/// Identity of what is drawn: redraw when it changes.
fn identity(a: &Shown, b: Option<&Shown>, bands: [Option<&Rc<Bands>>; 2]) -> [usize; 4] {
    [
        Rc::as_ptr(&a.results) as usize,
        b.map_or(0, |b| Rc::as_ptr(&b.results) as usize),
        bands[0].map_or(0, |x| Rc::as_ptr(x) as usize),
        bands[1].map_or(0, |x| Rc::as_ptr(x) as usize),
    ]
}

/// Draws `figure` on `canvas`, sized to its CSS box; returns where the plot landed.
fn paint(
    canvas: &HtmlCanvasElement,
    figure: &Figure,
    lang: Lang,
    until: Option<usize>,
    zoom: f64,
) -> Option<PlotFrame> {
    let window = web_sys::window()?;
    let ratio = window.device_pixel_ratio().clamp(1.0, 3.0);
    let (w, h) = (canvas.client_width(), canvas.client_height());
    if w <= 0 || h <= 0 {
        return None; // Folded away; drawn when it shows.
    }
    let (pw, ph) = (
        (w as f64 * ratio).round() as u32,
        (h as f64 * ratio).round() as u32,
    );
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    // Text sizes come from a cache: plotters measures text with a forced layout of the page.
    let backend = CachedTextCanvas::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let frame = figure.draw_until(&root, lang, ratio * zoom, until).ok()?;
    root.present().ok()?;
    Some(frame)
}

#[component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let canvas_ref = use_node_ref();
    let frame: Rc<RefCell<Option<PlotFrame>>> = use_mut_ref(|| None);
    let hover = use_state(|| None::<usize>);
    // Bumped by window resizes, so the chart redraws at its new size.
    let size_tick = use_state(|| 0u32);
    // Off screen, redraws wait until the chart scrolls back in.
    let on_screen = use_on_screen(canvas_ref.clone());

    {
        let size_tick = size_tick.clone();
        browser::use_window_resize(move || size_tick.set(*size_tick + 1));
    }
    {
        let canvas_ref = canvas_ref.clone();
        let frame = frame.clone();
        let (id, a, b, bands, bands_b) = (
            props.id,
            props.a.clone(),
            props.b.clone(),
            props.bands.clone(),
            props.bands_b.clone(),
        );
        let (until, zoom) = (props.until, props.zoom);
        use_effect_with(
            (
                id,
                identity(&a, b.as_ref(), [bands.as_ref(), bands_b.as_ref()]),
                lang,
                *size_tick,
                until,
                zoom.to_bits(),
                on_screen.tick,
            ),
            move |_| {
                if !on_screen.draw_now() {
                    return;
                }
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let figure =
                        build(id, &a, b.as_ref(), [bands.as_ref(), bands_b.as_ref()], lang);
                    *frame.borrow_mut() = paint(&canvas, &figure, lang, until, zoom);
                }
            },
        );
    }

    // Callbacks
    let on_move = {
        let hover = hover.clone();
        let frame = frame.clone();
        let canvas_ref = canvas_ref.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let Some(f) = frame.borrow().clone() else {
                return;
            };
            // The frame is in canvas pixels; the mouse in CSS pixels.
            let css_w = canvas.client_width().max(1) as f64;
            let x = e.offset_x() as f64 * canvas.width() as f64 / css_w;
            let day = f.day_at(x);
            if *hover != day {
                hover.set(day);
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let on_key = {
        let hover = hover.clone();
        let days = props.a.results.outcome.days();
        Callback::from(move |e: KeyboardEvent| {
            let cur = *hover;
            let next = match e.key().as_str() {
                "ArrowRight" => Some(cur.map_or(0, |d| (d + 1).min(days.saturating_sub(1)))),
                "ArrowLeft" => Some(cur.map_or(0, |d| d.saturating_sub(1))),
                "PageUp" => Some(cur.map_or(0, |d| (d + 30).min(days.saturating_sub(1)))),
                "PageDown" => Some(cur.map_or(0, |d| d.saturating_sub(30))),
                "Home" => Some(0),
                "End" => Some(days.saturating_sub(1)),
                "Escape" => None,
                _ => return,
            };
            e.prevent_default();
            hover.set(next);
        })
    };
    let on_blur = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };

    let title = props.id.title(lang);
    let key = props.id.key();
    // The summary under the chart describes the canvas (src/ui/components/chart_table.rs).
    let desc_id = use_memo((), |_| fresh_id("chart-desc"));
    let on_png = {
        let canvas_ref = canvas_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let _ = browser::download_canvas_png(&canvas, &format!("recovery-lab-{key}.png"));
            }
        })
    };
    // During playback the days ahead are not drawn, so they are not read out either.
    let hovered = (*hover).map(|d| props.until.map_or(d, |u| d.min(u)));
    let tooltip = hovered.and_then(|day| {
        let f = frame.borrow().clone()?;
        let canvas = canvas_ref.cast::<HtmlCanvasElement>()?;
        let scale = canvas.client_width().max(1) as f64 / canvas.width().max(1) as f64;
        let x_css = f.x_of(day) * scale;
        let (top, bottom) = (f.top as f64 * scale, f.bottom as f64 * scale);
        let figure = build(
            props.id,
            &props.a,
            props.b.as_ref(),
            [props.bands.as_ref(), props.bands_b.as_ref()],
            lang,
        );
        let (date, rows) = (figure.hover_title(lang, day), figure.hover(lang, day));
        // The box sits right of the line, or left of it past the middle.
        let flip = x_css > canvas.client_width() as f64 * 0.55;
        let box_style = if flip {
            format!("right: calc(100% - {:.1}px + 10px); top: {:.1}px;", x_css, top + 4.0)
        } else {
            format!("left: {:.1}px; top: {:.1}px;", x_css + 10.0, top + 4.0)
        };
        Some(html! {
            <>
                <div class="hover-line" style={format!("left: {x_css:.1}px; top: {top:.1}px; height: {:.1}px;", bottom - top)}></div>
                <div class="tooltip" style={box_style} role="status" aria-live="polite">
                    <div class="tooltip-date">{ date }</div>
                    <table>
                        { for rows.into_iter().map(|r| html! {
                            <tr>
                                <td><span class="swatch" style={format!("background: rgb({},{},{})", r.color.0, r.color.1, r.color.2)}></span>{ r.label }</td>
                                <td class="num">{ r.value }</td>
                            </tr>
                        }) }
                    </table>
                </div>
            </>
        })
    });

    html! {
        <figure class={classes!("chart", props.b.is_some().then_some("compared"))} data-chart={key}>
            <figcaption>
                <h3>{ title.clone() }</h3>
                <button type="button" class="png-btn" data-testid={format!("png-{key}")}
                    title={Text::PngOf.get(lang)} aria-label={format!("{}: {title}", Text::PngOf.get(lang))}
                    onclick={on_png}>{ "PNG" }</button>
            </figcaption>
            <div class="chart-box">
                <canvas
                    ref={canvas_ref}
                    data-testid={format!("chart-{key}")}
                    tabindex="0"
                    role="img"
                    aria-label={format!("{title}. {}", Text::ChartHint.get(lang))}
                    aria-describedby={(*desc_id).clone()}
                    onmousemove={on_move}
                    onmouseleave={on_leave}
                    onkeydown={on_key}
                    onblur={on_blur}
                ></canvas>
                { tooltip.unwrap_or_default() }
            </div>
            <ChartTable id={props.id} a={props.a.clone()} b={props.b.clone()} desc_id={(*desc_id).clone()} />
        </figure>
    }
}
