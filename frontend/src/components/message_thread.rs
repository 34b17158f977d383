//! A request's conversation, oldest first: who wrote, when, and whether the other side
//! has read it ("Lu le …" / "Non lu"), in words, and the files attached.

use domain::message::{Attachment, Message, MessageSender};
use yew::prelude::*;

use crate::components::attachments::AttachmentList;
use crate::dates::local_date_time;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub messages: Vec<Message>,
    /// The agents' side: files download through their endpoint, and each of the
    /// family's files gets `family_file` after it.
    #[prop_or_default]
    pub agent: bool,
    #[prop_or_default]
    pub family_file: Option<Callback<Attachment, Html>>,
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
                        <AttachmentList attachments={m.attachments.clone()} agent={props.agent}
                            after={(m.sender == MessageSender::Family).then(|| props.family_file.clone()).flatten()} />
                        <p class="hint">{ read_state(m) }</p>
                    </li>
                }
            }) }
        </ol>
    }
}
