//! The measures of a control interval or of the zoning rule: five intensities, mass testing
//! (every k days, coverage), tracing and checkpoints.

use yew::prelude::*;

use super::number_field::NumberField;
use crate::i18n::{Lang, Text};
use crate::scenario::Measures;
use crate::ui::fields::MeasureField;

#[derive(Properties, PartialEq, Clone)]
pub struct MeasuresEditorProps {
    /// Prefix of the fields' test ids (`interval-0` gives `interval-0-dine_in`).
    pub idbase: AttrValue,
    pub measures: Measures,
    pub epoch: u32,
    pub onchange: Callback<(MeasureField, f64)>,
}

#[component(MeasuresEditor)]
pub fn measures_editor(props: &MeasuresEditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="measures">
            <h5>{ Text::Measures.get(lang) }</h5>
            { for MeasureField::ALL.iter().map(|&f| {
                let onchange = props.onchange.reform(move |v| (f, v));
                let testid = format!("{}-{}", props.idbase, f.key());
                html! {
                    <NumberField
                        testid={testid.clone()}
                        error_testid={format!("field-error-{testid}")}
                        label={f.label().get(lang)}
                        help={f.help().get(lang)}
                        spec={f.spec()}
                        value={f.get(&props.measures)}
                        epoch={props.epoch}
                        {onchange}
                    />
                }
            }) }
        </div>
    }
}
