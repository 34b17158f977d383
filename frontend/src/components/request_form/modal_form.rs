//! The form of an "Ajouter …" modal (a person, an address): a native modal `<dialog>`
//! opened and closed with the `open` prop (Échap and "Fermer" report the closing), a
//! draft of text answers started anew at each opening, and the domain's check before the
//! new answer is handed over.

use serde_json::{Map, Value};
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::focus::focus_soon;
use crate::forms::FieldErrors;

pub struct ModalSetup {
    pub open: bool,
    /// The answer being changed, if any.
    pub value: Option<Value>,
    /// What a new draft starts with ("France" as the country).
    pub defaults: Value,
    /// The mistakes in a draft, keyed by the modal's inputs.
    pub check: Callback<Value, FieldErrors>,
    /// The input that takes the focus at the opening.
    pub focus: String,
    pub on_add: Callback<Value>,
    pub on_close: Callback<()>,
}

pub struct ModalForm {
    pub node: NodeRef,
    pub draft: UseStateHandle<Map<String, Value>>,
    pub errors: FieldErrors,
    pub attempt: u32,
    pub onsubmit: Callback<SubmitEvent>,
    pub onclose: Callback<Event>,
    pub close: Callback<MouseEvent>,
}

impl ModalForm {
    /// What an input of the draft types.
    pub fn set(&self, key: &'static str) -> Callback<String> {
        let draft = self.draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            next.insert(key.to_string(), Value::String(text));
            draft.set(next);
        })
    }

    pub fn text(&self, key: &str) -> AttrValue {
        AttrValue::from(super::answers::text(self.draft.get(key)))
    }
}

#[hook]
pub fn use_modal_form(setup: ModalSetup) -> ModalForm {
    let node = use_node_ref();
    let defaults = setup.defaults.clone();
    let start = move |value: Option<&Value>| match value {
        Some(Value::Object(answer)) => answer.clone(),
        _ => defaults.as_object().cloned().unwrap_or_default(),
    };
    let draft = use_state(|| start(setup.value.as_ref()));
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    {
        let (node, draft, errors, value, focus) = (
            node.clone(),
            draft.clone(),
            errors.clone(),
            setup.value.clone(),
            setup.focus.clone(),
        );
        use_effect_with(setup.open, move |open| {
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                if *open && !dialog.open() {
                    draft.set(start(value.as_ref()));
                    errors.set(FieldErrors::default());
                    let _ = dialog.show_modal();
                    focus_soon(format!("#{focus}"));
                } else if !*open && dialog.open() {
                    dialog.close();
                }
            }
        });
    }
    let onsubmit = {
        let (draft, errors, attempt, check, on_add) = (
            draft.clone(),
            errors.clone(),
            attempt.clone(),
            setup.check.clone(),
            setup.on_add.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let answer = cleaned(&draft);
            let found = check.emit(answer.clone());
            if found.is_empty() {
                errors.set(FieldErrors::default());
                on_add.emit(answer);
            } else {
                errors.set(found);
                attempt.set(*attempt + 1);
            }
        })
    };
    // Échap, or "Fermer": the form keeps what it had. The dialog also fires `close` when
    // we close it after an addition; that one is not the person's, and must not move the
    // focus back to the button.
    let onclose = {
        let (on_close, open) = (setup.on_close.clone(), setup.open);
        Callback::from(move |_: Event| {
            if open {
                on_close.emit(())
            }
        })
    };
    let close = {
        let on_close = setup.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    ModalForm {
        node,
        draft,
        errors: (*errors).clone(),
        attempt: *attempt,
        onsubmit,
        onclose,
        close,
    }
}

/// The typed answers, blanks left out.
fn cleaned(draft: &Map<String, Value>) -> Value {
    let kept: Map<String, Value> = draft
        .iter()
        .filter(|(_, v)| v.as_str().is_none_or(|s| !s.trim().is_empty()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(kept)
}
