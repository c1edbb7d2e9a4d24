//! One number: a typed input and a slider side by side, its unit, its one-line help, and a
//! message at the field when a typed value is refused. A refused value never reaches the
//! scenario, which keeps its last valid value; nothing is clamped.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::fields::NumberSpec;

#[derive(Properties, Clone)]
pub struct NumberFieldProps {
    /// `data-testid` of the typed input; the slider's is this plus `-range`.
    pub testid: AttrValue,
    /// `data-testid` of the message at the field.
    pub error_testid: AttrValue,
    pub label: AttrValue,
    pub help: AttrValue,
    /// Hover text of the help line (the number's source).
    #[prop_or_default]
    pub help_title: Option<AttrValue>,
    pub spec: NumberSpec,
    /// The scenario's value, in the stored unit.
    pub value: f64,
    /// Fields drop a typed draft when this changes (a preset was loaded).
    pub epoch: u32,
    /// A valid value, in the stored unit. Not compared (see the `PartialEq` below): a field's
    /// callback must do the same for as long as its other props, `epoch` included, stay equal.
    pub onchange: Callback<f64>,
}

/// Every prop but the callback. Parents make their callbacks anew on each render (`reform`), so
/// comparing them would render every field of the levers again whenever any value moves: a
/// slider drag redrew some 130 fields per move (BENCHMARKS.md "Where the time of a move
/// goes"). The callbacks only ever capture what identifies the field (a parameter's key, a
/// list index), and a list that changes shape bumps `epoch`.
impl PartialEq for NumberFieldProps {
    fn eq(&self, other: &Self) -> bool {
        self.testid == other.testid
            && self.error_testid == other.error_testid
            && self.label == other.label
            && self.help == other.help
            && self.help_title == other.help_title
            && self.spec == other.spec
            && self.value.to_bits() == other.value.to_bits()
            && self.epoch == other.epoch
    }
}

#[component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // What the reader typed, kept while it differs from what the scenario shows.
    let draft = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);

    // Helpers
    {
        // A new value from elsewhere (slider, preset) replaces a draft that doesn't read as it.
        let draft = draft.clone();
        let error = error.clone();
        let spec = props.spec;
        use_effect_with((props.value.to_bits(), props.epoch), move |(bits, _)| {
            let value = f64::from_bits(*bits);
            let keeps = draft
                .as_ref()
                .is_some_and(|t| spec.parse(t).ok() == Some(value));
            if !keeps && (draft.is_some() || error.is_some()) {
                draft.set(None);
                error.set(None);
            }
        });
    }

    // Callbacks
    let on_type = {
        let draft = draft.clone();
        let error = error.clone();
        let spec = props.spec;
        let onchange = props.onchange.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match spec.parse(&text) {
                Ok(v) => {
                    error.set(None);
                    onchange.emit(v);
                }
                Err(err) => error.set(Some(spec.message(lang, err))),
            }
            draft.set(Some(text));
        })
    };
    let on_blur = {
        // Leaving a valid field shows the value as the page writes it.
        let draft = draft.clone();
        let error = error.clone();
        Callback::from(move |_: FocusEvent| {
            if error.is_none() {
                draft.set(None);
            }
        })
    };
    let on_slide = {
        let spec = props.spec;
        let onchange = props.onchange.clone();
        let draft = draft.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(v) = spec.parse(&text) {
                draft.set(None);
                error.set(None);
                onchange.emit(v);
            }
        })
    };

    let spec = props.spec;
    let shown = match &*draft {
        Some(t) => t.clone(),
        None => spec.display_text(props.value),
    };
    let id = format!("f-{}", props.testid);
    let help_id = format!("{id}-help");
    let err_id = format!("{id}-err");
    let described = if error.is_some() {
        format!("{help_id} {err_id}")
    } else {
        help_id.clone()
    };
    let unit = spec.unit_label(lang);
    let range_label = format!("{} ({})", props.label, Text::Slider.get(lang));
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label class="field-label" for={id.clone()}>{ props.label.clone() }</label>
            <div class="field-controls">
                <input
                    class="num"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id={id.clone()}
                    data-testid={props.testid.clone()}
                    value={shown}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described}
                    oninput={on_type}
                    onblur={on_blur}
                />
                <span class="unit">{ unit }</span>
                <input
                    class="range"
                    type="range"
                    min={spec.slider_min()}
                    max={spec.slider_max()}
                    step={spec.slider_step()}
                    value={spec.display_text(props.value)}
                    aria-label={range_label}
                    data-testid={format!("{}-range", props.testid)}
                    oninput={on_slide}
                />
            </div>
            <p class="help" id={help_id} title={props.help_title.clone()}>{ props.help.clone() }</p>
            if let Some(msg) = &*error {
                <p class="field-error" id={err_id} role="alert" data-testid={props.error_testid.clone()}>
                    { msg.clone() }
                    { " " }
                    <span class="kept">
                        { format!("{} {}{}", Text::KeptValue.get(lang), spec.display_text(props.value), unit_suffix(lang, unit)) }
                    </span>
                </p>
            }
        </div>
    }
}

fn unit_suffix(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::En if !unit.is_empty() && unit != "%" => format!(" {unit}"),
        _ => unit.to_string(),
    }
}
