//! `use_submit`: the states every form goes through when it is sent — busy while the
//! answer is awaited (a second click does nothing), the rules broken before sending,
//! the fields the server refused (with a new `attempt` so the error summary takes the
//! focus again), or a problem for the whole form.

use std::future::Future;

use domain::problem::Problem;
use yew::prelude::*;

use crate::api::client::ApiResult;
use crate::forms::{FieldErrors, Inputs};

#[derive(Clone, PartialEq)]
pub struct Submit {
    errors: UseStateHandle<FieldErrors>,
    attempt: UseStateHandle<u32>,
    problem: UseStateHandle<Option<Problem>>,
    sending: UseStateHandle<bool>,
    /// Where the focus goes back after a success or a problem: a button disabled while
    /// sending drops it.
    refocus: Option<String>,
    inputs: Inputs,
}

impl Submit {
    /// Puts the focus back on `selector` once the answer is in (not on field errors: the
    /// error summary takes it).
    pub fn refocusing(mut self, selector: impl Into<String>) -> Submit {
        self.refocus = Some(selector.into());
        self
    }

    /// Shows the errors of fields under inputs whose ids differ from the API's names.
    pub fn on_inputs(mut self, inputs: Inputs) -> Submit {
        self.inputs = inputs;
        self
    }

    pub fn errors(&self) -> &FieldErrors {
        &self.errors
    }

    /// Grows at each refused try (for [`crate::components::error_summary::ErrorSummary`]).
    pub fn attempt(&self) -> u32 {
        *self.attempt
    }

    pub fn problem(&self) -> Option<Problem> {
        (*self.problem).clone()
    }

    pub fn sending(&self) -> bool {
        *self.sending
    }

    /// Forgets the last try's errors (the form changed shape under them).
    pub fn clear(&self) {
        self.errors.set(FieldErrors::default());
        self.problem.set(None);
    }

    /// Starts a try: `false` when one is under way already.
    pub fn begin(&self) -> bool {
        if *self.sending {
            return false;
        }
        self.problem.set(None);
        self.sending.set(true);
        true
    }

    /// The rules the form broke before anything was sent, by the API's field names.
    pub fn invalid(&self, errors: FieldErrors) {
        self.sending.set(false);
        self.errors.set(errors.on(self.inputs));
        self.attempt.set(*self.attempt + 1);
    }

    /// Awaits `answer`: `on_ok` gets a success, the server's field errors go to the
    /// fields and any other problem to the form's alert.
    pub fn send<T: 'static>(
        &self,
        answer: impl Future<Output = ApiResult<T>> + 'static,
        on_ok: impl FnOnce(T) + 'static,
    ) {
        let this = self.clone();
        this.errors.set(FieldErrors::default());
        wasm_bindgen_futures::spawn_local(async move {
            let answer = answer.await;
            this.sending.set(false);
            let refocus = || {
                if let Some(selector) = &this.refocus {
                    let selector = selector.clone();
                    crate::focus::focus_soon(selector);
                }
            };
            match answer {
                Ok(value) => {
                    // First, so that `on_ok` may send the focus elsewhere (a status).
                    refocus();
                    on_ok(value);
                }
                Err(p) if !p.errors.is_empty() => {
                    this.errors
                        .set(FieldErrors::from_problem(&p).on(this.inputs));
                    this.attempt.set(*this.attempt + 1);
                }
                Err(p) => {
                    this.problem.set(Some(p));
                    refocus();
                }
            }
        });
    }
}

#[hook]
pub fn use_submit() -> Submit {
    Submit {
        errors: use_state(FieldErrors::default),
        attempt: use_state(|| 0u32),
        problem: use_state(|| None::<Problem>),
        sending: use_state(|| false),
        refocus: None,
        inputs: Inputs::Named,
    }
}
