//! The live strength meter under a new password: the level (Faible / Moyen / Fort) as a
//! bar and as text, and each rule of the policy marked met or not, in words too.

use domain::password::{strength, unmet_rules, PasswordRule, Strength};
use yew::prelude::*;

/// Id of the meter, for the password input's `aria-describedby`.
pub const METER_ID: &str = "password-meter";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub password: AttrValue,
}

#[function_component(PasswordMeter)]
pub fn password_meter(props: &Props) -> Html {
    let level = strength(&props.password);
    let unmet = unmet_rules(&props.password);
    let level_class = match level {
        Strength::Faible => "meter--faible",
        Strength::Moyen => "meter--moyen",
        Strength::Fort => "meter--fort",
    };
    html! {
        <div class="password-meter" id={METER_ID}>
            <p class="meter-goal">{ "Votre mot de passe doit au minimum atteindre le niveau « Moyen »." }</p>
            <div class={classes!("meter-bar", level_class)} aria-hidden="true"><span></span></div>
            <p class="meter-level" aria-live="polite">
                { "Niveau du mot de passe : " }<strong>{ level.label() }</strong>
            </p>
            <ul class="rules">
                { for PasswordRule::ALL.into_iter().map(|rule| {
                    let met = !props.password.is_empty() && !unmet.contains(&rule);
                    html! {
                        <li class={if met { "rule rule--met" } else { "rule rule--unmet" }}>
                            <span class="rule-mark" aria-hidden="true">{ if met { "✓" } else { "✗" } }</span>
                            { rule.label() }
                            <span class="sr-only">{ if met { " : respecté" } else { " : non respecté" } }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
