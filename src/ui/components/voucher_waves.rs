//! Voucher waves: add, remove, and edit each one's kind, budget (万元), start, validity,
//! redemption speed and districts.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::date_field::DateField;
use super::district_picker::DistrictPicker;
use super::number_field::NumberField;
use crate::i18n::{fmt_day_month, fmt_quantity, numbered, Lang, Quantity, Text};
use crate::scenario::{Scenario, VoucherKind};
use crate::ui::fields::WaveNumber;
use crate::ui::state::{Edit, WaveEdit};

fn kind_text(k: VoucherKind) -> Text {
    match k {
        VoucherKind::General => Text::KindGeneral,
        VoucherKind::Catering => Text::KindCatering,
        VoucherKind::Car => Text::KindCar,
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct VoucherWavesProps {
    pub scenario: Rc<Scenario>,
    pub epoch: u32,
    pub onedit: Callback<Edit>,
}

#[component(VoucherWaves)]
pub fn voucher_waves(props: &VoucherWavesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let s = &props.scenario;
    html! {
        <div class="list-editor">
            <h4>{ Text::VoucherWaves.get(lang) }</h4>
            <p class="help">{ Text::VoucherWavesHelp.get(lang) }</p>
            if s.vouchers.waves.is_empty() {
                <p class="empty">{ Text::NoWaves.get(lang) }</p>
            }
            { for s.vouchers.waves.iter().enumerate().map(|(i, w)| {
                let edit = move |e: WaveEdit| Edit::Wave(i, e);
                let idbase = format!("wave-{i}");
                let title = numbered(lang, "第", "Wave", i);
                let title = match lang {
                    Lang::Zh => format!("{title}批"),
                    Lang::En => title,
                };
                let on_kind = props.onedit.reform(move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    let kind = VoucherKind::ALL.into_iter().find(|k| k.id() == v).unwrap_or(VoucherKind::General);
                    edit(WaveEdit::Kind(kind))
                });
                let kind_id = format!("f-{idbase}-kind");
                let sub = format!(
                    "{} · {} · {}",
                    kind_text(w.kind).get(lang),
                    fmt_quantity(lang, Quantity::Yuan, w.budget_yuan),
                    fmt_day_month(lang, w.start)
                );
                html! {
                    <details class="item" open={true} key={format!("{}-{i}", props.epoch)} data-testid={idbase.clone()}>
                        <summary>
                            <span class="item-title">{ title.clone() }</span>
                            <span class="item-sub">{ sub }</span>
                        </summary>
                        <div class="item-body">
                            <div class="field">
                                <label class="field-label" for={kind_id.clone()}>{ Text::WaveKind.get(lang) }</label>
                                <select id={kind_id} data-testid={format!("{idbase}-kind")} onchange={on_kind}>
                                    { for VoucherKind::ALL.iter().map(|&k| html! {
                                        <option value={k.id()} selected={k == w.kind}>{ kind_text(k).get(lang) }</option>
                                    }) }
                                </select>
                            </div>
                            <NumberField
                                testid={format!("{idbase}-budget")}
                                error_testid={format!("field-error-{idbase}-budget")}
                                label={Text::Budget.get(lang)}
                                help={Text::BudgetHelp.get(lang)}
                                spec={WaveNumber::Budget.spec()}
                                value={w.budget_yuan}
                                epoch={props.epoch}
                                onchange={props.onedit.reform(move |v| edit(WaveEdit::Budget(v)))}
                            />
                            <DateField
                                testid={format!("{idbase}-start")}
                                label={Text::WaveStart.get(lang)}
                                value={w.start}
                                min={s.start}
                                max={s.end}
                                epoch={props.epoch}
                                onchange={props.onedit.reform(move |d| edit(WaveEdit::Start(d)))}
                            />
                            <NumberField
                                testid={format!("{idbase}-validity")}
                                error_testid={format!("field-error-{idbase}-validity")}
                                label={Text::Validity.get(lang)}
                                help={Text::ValidityHelp.get(lang)}
                                spec={WaveNumber::Validity.spec()}
                                value={w.validity_days as f64}
                                epoch={props.epoch}
                                onchange={props.onedit.reform(move |v: f64| edit(WaveEdit::Validity(v as u32)))}
                            />
                            <NumberField
                                testid={format!("{idbase}-redemption")}
                                error_testid={format!("field-error-{idbase}-redemption")}
                                label={Text::Redemption.get(lang)}
                                help={Text::RedemptionHelp.get(lang)}
                                spec={WaveNumber::Redemption.spec()}
                                value={w.redemption_days}
                                epoch={props.epoch}
                                onchange={props.onedit.reform(move |v| edit(WaveEdit::Redemption(v)))}
                            />
                            <DistrictPicker
                                idbase={idbase.clone()}
                                value={w.districts.clone()}
                                onchange={props.onedit.reform(move |t| edit(WaveEdit::Districts(t)))}
                            />
                            <button type="button" class="btn danger"
                                data-testid={format!("{idbase}-remove")}
                                aria-label={format!("{} {}", Text::RemoveWave.get(lang), title)}
                                onclick={props.onedit.reform(move |_: MouseEvent| Edit::RemoveWave(i))}>
                                { Text::RemoveWave.get(lang) }
                            </button>
                        </div>
                    </details>
                }
            }) }
            <button type="button" class="btn" data-testid="wave-add"
                onclick={props.onedit.reform(|_: MouseEvent| Edit::AddWave)}>
                { "+ " }{ Text::AddWave.get(lang) }
            </button>
        </div>
    }
}
