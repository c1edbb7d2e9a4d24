//! A date input that refuses dates outside the run or before another date, with a message at
//! the field; the scenario keeps its last valid date.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{fmt_date, Lang, Text};
use crate::scenario::Date;

#[derive(Properties, Clone)]
pub struct DateFieldProps {
    pub testid: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    pub value: Date,
    /// The run's first and last day.
    pub min: Date,
    pub max: Date,
    /// Refuse dates before this one (an interval's end before its start).
    #[prop_or_default]
    pub not_before: Option<Date>,
    pub epoch: u32,
    /// Not compared, as [`NumberField`](super::number_field::NumberField)'s: it only captures
    /// what identifies the field, and a list that changes shape bumps `epoch`.
    pub onchange: Callback<Date>,
}

impl PartialEq for DateFieldProps {
    fn eq(&self, other: &Self) -> bool {
        self.testid == other.testid
            && self.label == other.label
            && self.help == other.help
            && self.value == other.value
            && self.min == other.min
            && self.max == other.max
            && self.not_before == other.not_before
            && self.epoch == other.epoch
    }
}

#[component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let draft = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);

    // Helpers
    {
        let draft = draft.clone();
        let error = error.clone();
        use_effect_with((props.value, props.epoch), move |(value, _)| {
            let keeps = draft
                .as_ref()
                .is_some_and(|t| t.parse::<Date>().ok() == Some(*value));
            if !keeps && (draft.is_some() || error.is_some()) {
                draft.set(None);
                error.set(None);
            }
        });
    }

    // Callbacks
    let on_change = {
        let draft = draft.clone();
        let error = error.clone();
        let (min, max, not_before) = (props.min, props.max, props.not_before);
        let onchange = props.onchange.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let checked = match text.parse::<Date>() {
                Err(_) => Err(Text::ErrBadDate.get(lang).to_string()),
                Ok(d) if d < min || d > max => {
                    let (head, a, b) = (
                        Text::ErrOutsideRun.get(lang),
                        fmt_date(lang, min),
                        fmt_date(lang, max),
                    );
                    Err(match lang {
                        Lang::Zh => format!("{head}（{a}–{b}）。"),
                        Lang::En => format!("{head} ({a} – {b})."),
                    })
                }
                Ok(d) if not_before.is_some_and(|b| d < b) => {
                    Err(Text::ErrEndBeforeStart.get(lang).to_string())
                }
                Ok(d) => Ok(d),
            };
            match checked {
                Ok(d) => {
                    error.set(None);
                    draft.set(None);
                    onchange.emit(d);
                }
                Err(msg) => {
                    error.set(Some(msg));
                    draft.set(Some(text));
                }
            }
        })
    };

    let id = format!("f-{}", props.testid);
    let err_id = format!("{id}-err");
    let shown = draft
        .as_ref()
        .cloned()
        .unwrap_or_else(|| props.value.to_string());
    html! {
        <div class={classes!("field", "date-field", error.is_some().then_some("has-error"))}>
            <label class="field-label" for={id.clone()}>{ props.label.clone() }</label>
            <input
                type="date"
                id={id.clone()}
                data-testid={props.testid.clone()}
                min={props.min.to_string()}
                max={props.max.to_string()}
                value={shown}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| err_id.clone())}
                onchange={on_change}
            />
            if let Some(help) = &props.help {
                <p class="help">{ help.clone() }</p>
            }
            if let Some(msg) = &*error {
                <p class="field-error" id={err_id} role="alert" data-testid={format!("field-error-{}", props.testid)}>
                    { msg.clone() }
                </p>
            }
        </div>
    }
}
