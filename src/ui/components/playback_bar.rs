//! The playback bar: play / pause, the speed, a scrubber over the days of the run with the
//! date it stands on, and "show the whole year". Used above the results and in presentation
//! mode. Every control is a native button, select or range input, so it works by keyboard.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{fmt_date, Lang, Text};
use crate::scenario::Date;
use crate::ui::playback::{Playback, PlaybackAction, SPEEDS};

#[derive(Properties, PartialEq, Clone)]
pub struct PlaybackBarProps {
    pub playback: Playback,
    /// The run's first date and number of days.
    pub start: Date,
    pub days: usize,
    pub onplayback: Callback<PlaybackAction>,
    /// Prefix of the `data-testid`s (`playback`, or `presentation-playback`).
    #[prop_or(AttrValue::Static("playback"))]
    pub testid: AttrValue,
}

#[component(PlaybackBar)]
pub fn playback_bar(props: &PlaybackBarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let last = props.days.saturating_sub(1);
    let p = props.playback;
    let until = p.until(props.days);
    let id = |what: &str| format!("{}-{what}", props.testid);

    // Callbacks
    let on_play = props
        .onplayback
        .reform(move |_: MouseEvent| PlaybackAction::Toggle { last });
    let on_scrub = props.onplayback.reform(move |e: InputEvent| {
        let day = e
            .target_unchecked_into::<HtmlInputElement>()
            .value()
            .parse::<usize>()
            .unwrap_or(last);
        PlaybackAction::Seek { day, last }
    });
    let on_speed = props.onplayback.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        PlaybackAction::SetSpeed(v.parse().unwrap_or(0))
    });
    let on_all = props
        .onplayback
        .reform(|_: MouseEvent| PlaybackAction::ShowAll);

    let shown = until.unwrap_or(last);
    let date_text = match until {
        Some(d) => fmt_date(lang, props.start.add_days(d as i32)),
        None => Text::WholeYear.get(lang).to_string(),
    };
    let (icon, label) = if p.playing {
        ("❚❚", Text::Pause)
    } else {
        ("▶", Text::Play)
    };
    html! {
        <div class={classes!("playback", until.is_some().then_some("active"))} role="group"
            aria-label={Text::Playback.get(lang)} data-testid={id("bar")}
            data-day={until.map(|d| d.to_string()).unwrap_or_default()}
            data-playing={if p.playing { "1" } else { "0" }}>
            <button type="button" class="btn primary play" data-testid={id("play")}
                aria-pressed={if p.playing { "true" } else { "false" }} onclick={on_play}>
                <span aria-hidden="true">{ icon }</span>{ " " }{ label.get(lang) }
            </button>
            <label class="inline speed">
                { Text::PlaybackSpeed.get(lang) }
                <select data-testid={id("speed")} onchange={on_speed}>
                    { for SPEEDS.iter().map(|&s| html! {
                        <option value={s.to_string()} selected={s == p.speed}>
                            { format!("{s} {}", Text::DaysPerSecond.get(lang)) }
                        </option>
                    }) }
                </select>
            </label>
            <input type="range" class="scrub" data-testid={id("scrubber")}
                aria-label={Text::PlaybackDay.get(lang)}
                min="0" max={last.to_string()} step="1" value={shown.to_string()}
                aria-valuetext={date_text.clone()} oninput={on_scrub} />
            <output class="playback-date" data-testid={id("date")}
                data-value={until.map(|d| props.start.add_days(d as i32).to_string()).unwrap_or_default()}
                aria-live="off">{ date_text }</output>
            <button type="button" class="btn" data-testid={id("all")} disabled={until.is_none()}
                onclick={on_all}>{ Text::ShowWholeYear.get(lang) }</button>
        </div>
    }
}
