//! The numbers of one part of the registry ([`PARAMS`]), each as a [`NumberField`] with its
//! label, unit, help and source.

use yew::prelude::*;

use super::number_field::NumberField;
use crate::i18n::{Lang, Text};
use crate::scenario::params::{Group, ParamSpec, PARAMS};
use crate::scenario::Scenario;
use crate::ui::fields::NumberSpec;
use crate::ui::state::Edit;

#[derive(Properties, PartialEq, Clone)]
pub struct ParamListProps {
    pub group: Group,
    /// Only keys starting with this (`housing.`), if given.
    #[prop_or_default]
    pub prefix: Option<&'static str>,
    pub scenario: std::rc::Rc<Scenario>,
    pub epoch: u32,
    pub onedit: Callback<Edit>,
}

/// The parameters a list shows, in registry order.
pub fn params_of(
    group: Group,
    prefix: Option<&str>,
) -> impl Iterator<Item = &'static ParamSpec> + '_ {
    PARAMS
        .iter()
        .filter(move |p| p.group == group && prefix.is_none_or(|x| p.key.starts_with(x)))
}

#[component(ParamList)]
pub fn param_list(props: &ParamListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="param-list">
            { for params_of(props.group, props.prefix).map(|p| {
                let key = p.key;
                let onchange = props.onedit.reform(move |value| Edit::Param { key, value });
                let source = if p.source.starts_with("assumption") {
                    format!("{}: {}", Text::Source.get(lang), p.source.replacen("assumption", Text::Assumption.get(lang), 1))
                } else {
                    format!("{}: {}", Text::Source.get(lang), p.source)
                };
                html! {
                    <NumberField
                        key={key}
                        testid={format!("param-{key}")}
                        error_testid={format!("field-error-{key}")}
                        label={lang.pick(p.label_zh, p.label_en)}
                        help={lang.pick(p.help_zh, p.help_en)}
                        help_title={AttrValue::from(source)}
                        spec={NumberSpec::of_param(p)}
                        value={(p.get)(&props.scenario)}
                        epoch={props.epoch}
                        {onchange}
                    />
                }
            }) }
        </div>
    }
}
