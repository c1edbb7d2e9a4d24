//! The results: summary cards, the charts, the difference chart when comparing, and the
//! district view.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, Shown};
use super::district_map::DistrictMap;
use super::playback_bar::PlaybackBar;
use super::summary_cards::SummaryCards;
use crate::charts::districts::MapIndicator;
use crate::charts::ChartId;
use crate::i18n::{Lang, Text};
use crate::sim::ensemble::{Bands, Ranges};
use crate::sim::Indicator;
use crate::ui::compare::{ChartKind, DIFF_INDICATORS};
use crate::ui::playback::{cards_summary, Playback, PlaybackAction};

#[derive(Properties, Clone, PartialEq)]
pub struct ResultsPanelProps {
    pub a: Shown,
    /// Scenario B, when comparing.
    #[prop_or_default]
    pub b: Option<Shown>,
    pub map_indicator: MapIndicator,
    pub onmap: Callback<MapIndicator>,
    pub diff_indicator: Indicator,
    pub ondiff: Callback<Indicator>,
    /// Day-by-day playback ([`crate::ui::playback`]).
    #[prop_or_default]
    pub playback: Playback,
    #[prop_or_default]
    pub onplayback: Callback<PlaybackAction>,
    /// The ensemble's bands of A, drawn behind A's lines.
    #[prop_or_default]
    pub bands: Option<Rc<Bands>>,
    /// The ensemble's 5–95% range of each card figure of A.
    #[prop_or_default]
    pub ranges: Option<Rc<Ranges>>,
    /// B's ensemble (same seed and runs), when comparing: bands behind B's lines, ranges
    /// under B's values.
    #[prop_or_default]
    pub bands_b: Option<Rc<Bands>>,
    #[prop_or_default]
    pub ranges_b: Option<Rc<Ranges>>,
    /// Where the ensemble stands (shown under the cards).
    #[prop_or_default]
    pub ensemble_status: Html,
}

#[component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let on_diff = props.ondiff.reform(|e: Event| {
        let key = e.target_unchecked_into::<HtmlSelectElement>().value();
        Indicator::from_key(&key).unwrap_or(Indicator::Gdp)
    });
    let days = props.a.results.outcome.days();
    let until = props.playback.until(days);
    let (summary_a, as_of) = cards_summary(&props.a.results, &props.a.scenario, until);
    let summary_b = props
        .b
        .as_ref()
        .map(|b| cards_summary(&b.results, &b.scenario, until).0);
    // The ensemble's ranges are of the whole run: not beside cards read part-way (playback).
    let ranges = props.ranges.clone().filter(|_| as_of.is_none());
    let ranges_b = props.ranges_b.clone().filter(|_| as_of.is_none());
    let diff = props.b.as_ref().map(|b| {
        html! {
            <section class="diff" aria-labelledby="diff-title">
                <div class="diff-head">
                    <h2 id="diff-title" class="section-title">{ Text::DiffHeading.get(lang) }</h2>
                    <label for="diff-indicator">{ Text::DiffIndicator.get(lang) }</label>
                    <select id="diff-indicator" data-testid="diff-indicator" onchange={on_diff}>
                        { for DIFF_INDICATORS.iter().map(|(ind, text, _)| html! {
                            <option value={ind.key()} selected={*ind == props.diff_indicator}>{ text.get(lang) }</option>
                        }) }
                    </select>
                </div>
                <p class="hint">{ Text::DiffHint.get(lang) }</p>
                <ChartCanvas id={ChartKind::Diff(props.diff_indicator)} a={props.a.clone()} b={Some(b.clone())} {until} />
            </section>
        }
    });
    html! {
        <section class="results" aria-label={Text::Results.get(lang)}>
            <PlaybackBar playback={props.playback} start={props.a.results.outcome.start} {days}
                onplayback={props.onplayback.clone()} />
            <SummaryCards summary={summary_a} b={summary_b} {as_of}
                project_count={props.a.scenario.projects.count} ranges={ranges} {ranges_b} />
            { props.ensemble_status.clone() }
            { diff.unwrap_or_default() }
            <h2 class="section-title">{ Text::Charts.get(lang) }</h2>
            <p class="hint">{ Text::ChartHint.get(lang) }</p>
            <div class="chart-grid">
                { for ChartId::ALL.iter().map(|&id| html! {
                    <ChartCanvas key={id.key()} id={ChartKind::Chart(id)} a={props.a.clone()} b={props.b.clone()} {until} bands={props.bands.clone()} bands_b={props.bands_b.clone()} />
                }) }
            </div>
            <DistrictMap results={props.a.results.clone()} b={props.b.as_ref().map(|b| b.results.clone())} indicator={props.map_indicator} onselect={props.onmap.clone()} {until} />
        </section>
    }
}
