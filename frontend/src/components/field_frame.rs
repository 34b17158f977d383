//! The frame shared by the form controls: the label (or legend) with its required star,
//! the hint `<id>-hint`, the control itself and the error message `<id>-error`.

use yew::prelude::*;

/// Where the label goes and what wraps the whole field.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Layout {
    /// `<div class="field">`: label, hint, control, error.
    #[default]
    Stacked,
    /// `<div class="field field--checkbox">`: control, label beside it, hint, error.
    Checkbox,
    /// `<fieldset class="field <class>">` whose legend is the label: legend, hint, control,
    /// error. With `with_id`, the fieldset carries the field's id.
    Fieldset { class: &'static str, with_id: bool },
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The control's id (the label's `for`), and the prefix of `<id>-hint` and `<id>-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub layout: Layout,
    /// The control.
    #[prop_or_default]
    pub children: Html,
}

/// The id of the hint of the field `id`.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// The id of the error message of the field `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The control's `aria-describedby`: its hint, then `extra` ids, then its error; `None`
/// when there is none of them.
pub fn describedby(
    id: &str,
    hint: Option<&AttrValue>,
    extra: Option<&AttrValue>,
    error: Option<&AttrValue>,
) -> Option<String> {
    let ids: Vec<String> = [
        hint.map(|_| hint_id(id)),
        extra.map(|d| d.to_string()),
        error.map(|_| error_id(id)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[function_component(FieldFrame)]
pub fn field_frame(props: &Props) -> Html {
    let id = &props.id;
    let error_class = props.error.as_ref().map(|_| "field--error");
    let star = html! {
        if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
    };
    let label = html! {
        <label for={id.clone()}>
            { props.label.clone() }
            { star.clone() }
        </label>
    };
    let hint = html! {
        if let Some(hint) = &props.hint {
            <p id={hint_id(id)} class="hint">{ hint.clone() }</p>
        }
    };
    let error = html! {
        if let Some(error) = &props.error {
            <p id={error_id(id)} class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
        }
    };
    let control = props.children.clone();
    match props.layout {
        Layout::Stacked => html! {
            <div class={classes!("field", error_class)}>
                { label }{ hint }{ control }{ error }
            </div>
        },
        Layout::Checkbox => html! {
            <div class={classes!("field", "field--checkbox", error_class)}>
                { control }{ label }{ hint }{ error }
            </div>
        },
        Layout::Fieldset { class, with_id } => html! {
            <fieldset id={with_id.then(|| id.clone())} class={classes!("field", class, error_class)}>
                <legend>
                    { props.label.clone() }
                    { star }
                </legend>
                { hint }{ control }{ error }
            </fieldset>
        },
    }
}
