//! "Création de compte particulier": the identity form, its recap, then the
//! confirmation that an activation mail was sent.

mod draft;
mod form;
mod recap;

use domain::account::RegistrationAccepted;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::account;
use crate::api::captcha as captcha_api;
use crate::forms::FieldErrors;
use crate::hooks::use_captcha::{use_captcha, CaptchaHandle};
use crate::hooks::use_page_title;
use crate::hooks::use_submit::use_submit;
use crate::route::Route;
use draft::Draft;

#[derive(Clone, PartialEq)]
enum Step {
    Form,
    Recap,
    Done(RegistrationAccepted),
}

#[function_component(Register)]
pub fn register() -> Html {
    use_page_title("Création de compte particulier");
    let draft = use_state(Draft::default);
    let step = use_state(|| Step::Form);
    // "Suivant" and "Valider" share it: a refused recap returns to the form's errors.
    let submit = use_submit();
    let captcha = use_captcha();
    let navigator = use_navigator();

    // Each step change moves the focus to the step's title.
    {
        let first = use_mut_ref(|| true);
        let kind = std::mem::discriminant(&*step);
        use_effect_with(kind, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("step-title"))
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
                {
                    let _ = el.focus();
                }
            }
        });
    }

    let cancel = Callback::from(move |_: MouseEvent| {
        if let Some(navigator) = &navigator {
            navigator.push(&Route::Home);
        }
    });
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |next: Draft| draft.set(next))
    };
    // "Suivant": the form's rules, then the typed captcha (checked now, so that a
    // mistake shows where it was typed rather than after the recap).
    let next = {
        let (draft, step, submit, captcha) =
            (draft.clone(), step.clone(), submit.clone(), captcha.clone());
        Callback::from(move |_: ()| {
            if !submit.begin() {
                return;
            }
            let answer = captcha.answer(&draft.captcha_answer);
            if let Err(invalid) = draft.check(answer.clone()) {
                submit.invalid(invalid);
                return;
            }
            let (draft, step, captcha) = (draft.clone(), step.clone(), captcha.clone());
            let automatic = captcha.is_automatic();
            submit.send(
                async move {
                    if automatic {
                        return Ok(());
                    }
                    let checked = captcha_api::check(&answer).await;
                    if checked.as_ref().is_err_and(|p| !p.errors.is_empty()) {
                        restart(&captcha, &draft);
                    }
                    checked
                },
                move |()| step.set(Step::Recap),
            );
        })
    };
    let edit = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Form))
    };
    let save = {
        let (draft, step, submit, captcha) =
            (draft.clone(), step.clone(), submit.clone(), captcha.clone());
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            let request = draft.request(captcha.answer(&draft.captcha_answer));
            let (draft, step, captcha) = (draft.clone(), step.clone(), captcha.clone());
            let done = step.clone();
            submit.send(
                async move {
                    let answer = account::register(&request).await;
                    if let Err(p) = &answer {
                        if !p.errors.is_empty() {
                            // A captcha is good for one try: a refused one needs a new challenge.
                            if FieldErrors::from_problem(p).touches("captcha") {
                                restart(&captcha, &draft);
                            }
                            step.set(Step::Form);
                        }
                    }
                    answer
                },
                move |accepted| done.set(Step::Done(accepted)),
            );
        })
    };

    let body = match &*step {
        Step::Form => html! {
            <form::RegistrationForm draft={(*draft).clone()} {on_change} errors={submit.errors().clone()}
                attempt={submit.attempt()} problem={submit.problem()}
                sending={submit.sending()} captcha={captcha.clone()} on_next={next} on_cancel={cancel} />
        },
        Step::Recap => html! {
            <recap::Recap draft={(*draft).clone()} automatic_check={captcha.is_automatic()}
                problem={submit.problem()} sending={submit.sending()}
                on_cancel={cancel} on_edit={edit} on_save={save} />
        },
        Step::Done(accepted) => html! {
            <section class="card" aria-labelledby="step-title">
                <h2 id="step-title" tabindex="-1">{ "Demande enregistrée" }</h2>
                <div class="alert alert--success" role="status"><p>{ accepted.message.clone() }</p></div>
                <p><Link<Route> to={Route::Home}>{ "Retour à l'accueil" }</Link<Route>></p>
            </section>
        },
    };
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Création de compte particulier" }</h1>
            { body }
        </div>
    }
}

/// A new challenge, and the typed answer to the old one forgotten.
fn restart(captcha: &CaptchaHandle, draft: &UseStateHandle<Draft>) {
    captcha.restart();
    draft.set(Draft {
        captcha_answer: String::new(),
        ..(**draft).clone()
    });
}
