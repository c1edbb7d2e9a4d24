//! The Yew page. The only part of the crate that touches the DOM.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <main><h1>{ "复苏实验室 Recovery Lab" }</h1></main> }
}

/// Mounts the page on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
