//! A request's conversation, oldest first: who wrote, when, and whether the other side
//! has read it ("Lu le …" / "Non lu"), in words.

use domain::message::{Message, MessageSender};
use yew::prelude::*;

use crate::dates::local_date_time;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub messages: Vec<Message>,
}

/// "Lu le 01/12/2026 à 10:02" or "Non lu".
pub fn read_state(message: &Message) -> String {
    match &message.read_at {
        Some(at) => format!("Lu le {}", local_date_time(at)),
        None => "Non lu".to_string(),
    }
}

#[function_component(MessageThread)]
pub fn message_thread(props: &Props) -> Html {
    html! {
        <ol class="thread" aria-label="Conversation">
            { for props.messages.iter().map(|m| {
                let side = match m.sender {
                    MessageSender::TownHall => "thread-item thread-item--town-hall",
                    MessageSender::Family => "thread-item thread-item--family",
                };
                html! {
                    <li key={m.id.get()} class={side} id={format!("message-{}", m.id)}>
                        <p class="thread-meta">
                            <strong>{ m.author.clone() }</strong>
                            { format!(" — {}", local_date_time(&m.sent_at)) }
                        </p>
                        <p class="thread-subject">{ m.subject.clone() }</p>
                        <p class="thread-body">{ m.body.clone() }</p>
                        <p class="hint">{ read_state(m) }</p>
                    </li>
                }
            }) }
        </ol>
    }
}
