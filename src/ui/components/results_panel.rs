//! The results: summary cards, the charts, and the district view.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::district_map::DistrictMap;
use super::summary_cards::SummaryCards;
use crate::charts::districts::MapIndicator;
use crate::charts::ChartId;
use crate::i18n::{Lang, Text};
use crate::scenario::Scenario;
use crate::ui::engine::Results;

#[derive(Properties, Clone)]
pub struct ResultsPanelProps {
    pub results: Rc<Results>,
    pub scenario: Rc<Scenario>,
    pub map_indicator: MapIndicator,
    pub onmap: Callback<MapIndicator>,
}

impl PartialEq for ResultsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
            && Rc::ptr_eq(&self.scenario, &other.scenario)
            && self.map_indicator == other.map_indicator
            && self.onmap == other.onmap
    }
}

#[component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <section class="results" aria-label={Text::Results.get(lang)}>
            <SummaryCards summary={props.results.summary.clone()} project_count={props.scenario.projects.count} />
            <h2 class="section-title">{ Text::Charts.get(lang) }</h2>
            <p class="hint">{ Text::ChartHint.get(lang) }</p>
            <div class="chart-grid">
                { for ChartId::ALL.iter().map(|&id| html! {
                    <ChartCanvas key={id.key()} {id} results={props.results.clone()} scenario={props.scenario.clone()} />
                }) }
            </div>
            <DistrictMap results={props.results.clone()} indicator={props.map_indicator} onselect={props.onmap.clone()} />
        </section>
    }
}
