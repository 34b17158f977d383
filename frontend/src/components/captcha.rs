//! "Recopiez les caractères de l'image", and its accessible alternative: a button that
//! lets the browser prove it is not a robot by computation, with visible progress.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_captcha::{CaptchaHandle, CaptchaState};

pub const ALT: &str = "Image à recopier : cliquez pour en obtenir une nouvelle";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub captcha: CaptchaHandle,
    pub answer: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(Captcha)]
pub fn captcha(props: &Props) -> Html {
    let automatic = props.captcha.is_automatic();
    let renew = {
        let renew = props.captcha.renew.clone();
        Callback::from(move |_: MouseEvent| renew.emit(()))
    };
    let solve = {
        let solve = props.captcha.solve.clone();
        Callback::from(move |_: MouseEvent| solve.emit(()))
    };
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let mut describedby = vec!["captcha-hint".to_string()];
    if props.error.is_some() {
        describedby.push("captcha_answer-error".into());
    }

    let picture = match &props.captcha.state {
        CaptchaState::Image { image, .. } => html! {
            <button type="button" class="captcha-image" onclick={renew.clone()}>
                <img src={image.clone()} alt={ALT} />
            </button>
        },
        CaptchaState::Loading => html! {
            <p class="captcha-placeholder">{ "Chargement de l'image…" }</p>
        },
        _ => html! {
            <button type="button" class="button button--secondary" onclick={renew.clone()}>
                { "Afficher une image à recopier" }
            </button>
        },
    };
    let status = match &props.captcha.state {
        CaptchaState::Solving { .. } => "Vérification automatique en cours…".to_string(),
        CaptchaState::Solved { .. } => "Vérification automatique réussie.".to_string(),
        CaptchaState::Failed(message) => message.clone(),
        _ => String::new(),
    };

    html! {
        <div class={classes!("field", "captcha", props.error.as_ref().map(|_| "field--error"))}>
            { picture }
            <p id="captcha-hint" class="hint">
                { "Cliquer sur l'image pour la rendre plus lisible et/ou pour la renouveler." }
            </p>
            <label for="captcha_answer">
                { "Recopiez les caractères de l'image" }
                if !automatic { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            <input
                id="captcha_answer"
                name="captcha_answer"
                type="text"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                value={props.answer.clone()}
                {oninput}
                required={!automatic}
                aria-required={(!automatic).then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={describedby.join(" ")}
                disabled={automatic}
            />
            if let Some(error) = &props.error {
                <p id="captcha_answer-error" class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
            <button type="button" id="captcha-pow" class="button button--link" onclick={solve}
                disabled={matches!(props.captcha.state, CaptchaState::Solving { .. })}>
                { "Je ne peux pas lire l'image : vérification automatique" }
            </button>
            if let CaptchaState::Solving { percent } = props.captcha.state {
                <div class="captcha-progress">
                    <progress id="captcha-progress" max="100" value={percent.to_string()}
                        aria-labelledby="captcha-progress-label">{ format!("{percent} %") }</progress>
                    <span id="captcha-progress-label">{ format!("Vérification automatique : {percent} %") }</span>
                </div>
            }
            <p class={classes!("captcha-status", matches!(props.captcha.state, CaptchaState::Solved { .. }).then_some("success"))}
                role="status">{ status }</p>
        </div>
    }
}
