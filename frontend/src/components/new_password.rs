//! Choosing a password: the policy sentence of the manual, the two inputs and the live
//! strength meter. Used at activation, at reset and on the profile.

use yew::prelude::*;

use crate::components::field::TextField;
use crate::components::password_meter::{PasswordMeter, METER_ID};

pub const POLICY: &str = "Veuillez créer votre mot de passe (Le mot de passe doit contenir au minimum 8 caractères avec un caractère majuscule, un caractère minuscule et un chiffre. Les caractères accentués ne sont pas acceptés. Les symboles suivants sont acceptés ! + @ # $ % ^ & * ())";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub password: AttrValue,
    pub confirmation: AttrValue,
    pub on_password: Callback<String>,
    pub on_confirmation: Callback<String>,
    #[prop_or_default]
    pub password_error: Option<AttrValue>,
    #[prop_or_default]
    pub confirmation_error: Option<AttrValue>,
    #[prop_or(AttrValue::Static("Mot de passe"))]
    pub label: AttrValue,
}

#[function_component(NewPassword)]
pub fn new_password(props: &Props) -> Html {
    html! {
        <>
            <p id="password-policy" class="hint">{ POLICY }</p>
            <TextField id="password" label={props.label.clone()} input_type="password"
                value={props.password.clone()} oninput={props.on_password.clone()} required=true
                autocomplete="new-password" error={props.password_error.clone()}
                describedby={format!("password-policy {METER_ID}")} />
            <PasswordMeter password={props.password.clone()} />
            <TextField id="password_confirmation" label="Répéter votre mot de passe" input_type="password"
                value={props.confirmation.clone()} oninput={props.on_confirmation.clone()} required=true
                autocomplete="new-password" error={props.confirmation_error.clone()} />
        </>
    }
}
