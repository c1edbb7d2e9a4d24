//! A QR code of a text (a link), drawn client-side as inline SVG from [`crate::qr`]: dark
//! modules on a white square with its quiet zone, whatever the page's colours, so phones scan
//! it from a screen or a projector. A text too long for any QR code shows a message instead.
//!
//! ```ignore
//! <QrCode text={url} />                                   // 240 px, default label
//! <QrCode text={url} size={480} caption={"Scan to open"} /> // presentation mode
//! ```

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::qr::{self, QrFailure, MAX_QR_BYTES};

/// Side of the drawn code in CSS pixels when `size` is not given.
pub const DEFAULT_QR_PX: u32 = 240;

#[derive(Properties, PartialEq, Clone)]
pub struct QrCodeProps {
    /// What the code holds, exactly (the whole link).
    pub text: AttrValue,
    /// Side of the square in CSS pixels, quiet zone included (default [`DEFAULT_QR_PX`]).
    /// The code never gets wider than its container.
    #[prop_or_default]
    pub size: Option<u32>,
    /// Visible line under the code (none by default).
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    /// The code's accessible name (default: "QR code of this link" in the page's language).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let encoded = use_memo(props.text.clone(), |text| {
        qr::encode(text).map(|m| (m.outer_width(), m.svg_path(), m.version(), m.level()))
    });
    let px = props.size.unwrap_or(DEFAULT_QR_PX).to_string();
    let caption = props
        .caption
        .as_ref()
        .map(|c| html! { <figcaption class="qr-caption">{ c.clone() }</figcaption> });
    match &*encoded {
        Ok((side, path, version, level)) => {
            let label = props
                .label
                .clone()
                .unwrap_or_else(|| Text::QrLabel.get(lang).into());
            let view_box = format!("0 0 {side} {side}");
            html! {
                <figure class="qr" data-testid="qr-code" data-qr-version={version.to_string()}
                    data-qr-level={level.to_string()}>
                    <svg class="qr-svg" xmlns="http://www.w3.org/2000/svg" role="img"
                        aria-label={label} viewBox={view_box} width={px.clone()} height={px}
                        shape-rendering="crispEdges">
                        <rect width="100%" height="100%" fill="#ffffff" />
                        <path d={path.clone()} fill="#000000" />
                    </svg>
                    { for caption }
                </figure>
            }
        }
        Err(failure) => {
            let message = match failure {
                QrFailure::TooLong { bytes } => Text::QrTooLong
                    .get(lang)
                    .replace("{n}", &bytes.to_string())
                    .replace("{max}", &MAX_QR_BYTES.to_string()),
                QrFailure::Empty => Text::QrEmpty.get(lang).to_string(),
            };
            html! {
                <p class="note warn qr-failed" role="note" data-testid="qr-too-long">{ message }</p>
            }
        }
    }
}
