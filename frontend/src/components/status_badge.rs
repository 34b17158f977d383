//! A request's status: its label, after a coloured dot. The dot is decoration; the
//! label says it all, so colour is never the only signal.

use domain::request::RequestStatus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub status: RequestStatus,
}

#[function_component(StatusBadge)]
pub fn status_badge(props: &Props) -> Html {
    let class = format!("status status--{}", props.status.as_str().replace('_', "-"));
    html! {
        <span {class}>
            <span class="status-dot" aria-hidden="true"></span>
            { props.status.label() }
        </span>
    }
}
