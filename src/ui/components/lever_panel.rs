//! The levers, grouped as the article groups them: 防控, 消费券与补贴, 项目投资, 助企纾困, and
//! 高级 (epidemic and economic assumptions). Each group is a `<details>` so a phone can fold
//! what it doesn't need.

use std::rc::Rc;

use yew::prelude::*;

use super::date_field::DateField;
use super::interval_editor::IntervalEditor;
use super::param_list::ParamList;
use super::plan_table::PlanTable;
use super::voucher_waves::VoucherWaves;
use super::zoning_editor::ZoningEditor;
use crate::i18n::{Lang, Text};
use crate::scenario::params::Group;
use crate::scenario::Scenario;
use crate::ui::state::{Edit, Side};

#[derive(Properties, PartialEq, Clone)]
pub struct LeverPanelProps {
    pub scenario: Rc<Scenario>,
    pub epoch: u32,
    /// Open the groups at first (wide screens); phones start folded.
    pub open: bool,
    pub onedit: Callback<Edit>,
    /// When comparing: which scenario the levers edit.
    #[prop_or_default]
    pub side: Option<Side>,
}

#[component(LeverPanel)]
pub fn lever_panel(props: &LeverPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let s = &props.scenario;
    let list = |group: Group, prefix: Option<&'static str>| {
        html! {
            <ParamList {group} {prefix} scenario={s.clone()} epoch={props.epoch} onedit={props.onedit.clone()} />
        }
    };
    let group = |id: &'static str, title: Text, body: Html| {
        html! {
            <details class="group" open={props.open} data-testid={format!("group-{id}")}>
                <summary><h3>{ title.get(lang) }</h3></summary>
                <div class="group-body">{ body }</div>
            </details>
        }
    };
    html! {
        <section class="levers" aria-labelledby="levers-title">
            <h2 id="levers-title" class="section-title">
                { Text::Levers.get(lang) }
                { match props.side {
                    Some(Side::A) => html! { <span class="side-tag a" data-testid="levers-side">{ format!(" · {}", Text::ScenarioA.get(lang)) }</span> },
                    Some(Side::B) => html! { <span class="side-tag b" data-testid="levers-side">{ format!(" · {}", Text::ScenarioB.get(lang)) }</span> },
                    None => html! {},
                } }
            </h2>
            { group("controls", Text::GroupControls, html! {
                <>
                    <IntervalEditor scenario={s.clone()} epoch={props.epoch} onedit={props.onedit.clone()} />
                    <ZoningEditor scenario={s.clone()} epoch={props.epoch} onedit={props.onedit.clone()} />
                </>
            }) }
            { group("vouchers", Text::GroupVouchers, html! {
                <>
                    <VoucherWaves scenario={s.clone()} epoch={props.epoch} onedit={props.onedit.clone()} />
                    <h4>{ Text::ResponseParams.get(lang) }</h4>
                    { list(Group::Vouchers, Some("vouchers.")) }
                    <h4>{ Text::HousingSubsidy.get(lang) }</h4>
                    { list(Group::Vouchers, Some("housing.")) }
                    <DateField
                        testid="housing-start"
                        label={Text::HousingStart.get(lang)}
                        help={AttrValue::from(Text::HousingStartHelp.get(lang))}
                        value={s.housing.start}
                        min={s.start}
                        max={s.end}
                        epoch={props.epoch}
                        onchange={props.onedit.reform(Edit::HousingStart)}
                    />
                </>
            }) }
            { group("projects", Text::GroupProjects, html! {
                <>
                    { list(Group::Projects, None) }
                    <PlanTable projects={s.projects.clone()} year={s.start.to_ymd().0} />
                </>
            }) }
            { group("relief", Text::GroupRelief, html! {
                <>
                    { list(Group::Relief, None) }
                    <DateField
                        testid="relief-start"
                        label={Text::ReliefStart.get(lang)}
                        help={AttrValue::from(Text::ReliefStartHelp.get(lang))}
                        value={s.relief.start}
                        min={s.start}
                        max={s.end}
                        epoch={props.epoch}
                        onchange={props.onedit.reform(Edit::ReliefStart)}
                    />
                </>
            }) }
            { group("advanced", Text::GroupAdvanced, html! {
                <>
                    <h4>{ Text::GroupEpidemic.get(lang) }</h4>
                    { list(Group::Epidemic, None) }
                    <h4>{ Text::GroupEconomy.get(lang) }</h4>
                    { list(Group::Economy, None) }
                </>
            }) }
        </section>
    }
}
