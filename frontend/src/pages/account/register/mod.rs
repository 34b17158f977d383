//! "Création de compte particulier": the identity form, its recap, then the
//! confirmation that an activation mail was sent.

mod draft;
mod form;
mod recap;

use domain::account::RegistrationAccepted;
use domain::problem::Problem;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::account;
use crate::api::captcha as captcha_api;
use crate::forms::FieldErrors;
use crate::hooks::use_captcha::use_captcha;
use crate::hooks::use_page_title;
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
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    let problem = use_state(|| None::<Problem>);
    let sending = use_state(|| false);
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
        let (draft, step, errors, attempt, captcha, problem) = (
            draft.clone(),
            step.clone(),
            errors.clone(),
            attempt.clone(),
            captcha.clone(),
            problem.clone(),
        );
        Callback::from(move |_: ()| {
            let answer = captcha.answer(&draft.captcha_answer);
            if let Err(invalid) = draft.check(answer.clone()) {
                errors.set(invalid);
                attempt.set(*attempt + 1);
                return;
            }
            errors.set(FieldErrors::default());
            if captcha.is_automatic() {
                step.set(Step::Recap);
                return;
            }
            let (draft, step, errors, attempt, captcha, problem) = (
                draft.clone(),
                step.clone(),
                errors.clone(),
                attempt.clone(),
                captcha.clone(),
                problem.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match captcha_api::check(&answer).await {
                    Ok(()) => step.set(Step::Recap),
                    Err(p) if !p.errors.is_empty() => {
                        captcha.restart();
                        draft.set(Draft {
                            captcha_answer: String::new(),
                            ..(*draft).clone()
                        });
                        errors.set(FieldErrors::from_problem(&p));
                        attempt.set(*attempt + 1);
                    }
                    Err(p) => problem.set(Some(p)),
                }
            });
        })
    };
    let edit = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Form))
    };
    let save = {
        let (draft, step, errors, attempt, problem, sending, captcha) = (
            draft.clone(),
            step.clone(),
            errors.clone(),
            attempt.clone(),
            problem.clone(),
            sending.clone(),
            captcha.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *sending {
                return;
            }
            let request = draft.request(captcha.answer(&draft.captcha_answer));
            problem.set(None);
            sending.set(true);
            let (draft, step, errors, attempt, problem, sending, captcha) = (
                draft.clone(),
                step.clone(),
                errors.clone(),
                attempt.clone(),
                problem.clone(),
                sending.clone(),
                captcha.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let answer = account::register(&request).await;
                sending.set(false);
                match answer {
                    Ok(accepted) => step.set(Step::Done(accepted)),
                    Err(p) if !p.errors.is_empty() => {
                        let invalid = FieldErrors::from_problem(&p);
                        // A captcha is good for one try: a refused one needs a new challenge.
                        if invalid.touches("captcha") {
                            captcha.restart();
                            draft.set(Draft {
                                captcha_answer: String::new(),
                                ..(*draft).clone()
                            });
                        }
                        errors.set(invalid);
                        attempt.set(*attempt + 1);
                        step.set(Step::Form);
                    }
                    Err(p) => problem.set(Some(p)),
                }
            });
        })
    };

    let body = match &*step {
        Step::Form => html! {
            <form::RegistrationForm draft={(*draft).clone()} {on_change} errors={(*errors).clone()}
                attempt={*attempt} captcha={captcha.clone()} on_next={next} on_cancel={cancel} />
        },
        Step::Recap => html! {
            <recap::Recap draft={(*draft).clone()} automatic_check={captcha.is_automatic()}
                problem={(*problem).clone()} sending={*sending}
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
