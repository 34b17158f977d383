//! The captcha of the account creation form: an image to copy, or the accessible
//! alternative, a proof-of-work the browser solves by itself while showing progress.

use domain::captcha::{CaptchaAnswer, PowCaptcha};
use gloo_timers::future::TimeoutFuture;
use yew::prelude::*;

use crate::api::captcha;

/// Numbers tried between two repaints: a few milliseconds of work on a cheap phone.
const SLICE: u64 = 5_000;

#[derive(Debug, Clone, PartialEq)]
pub enum CaptchaState {
    Loading,
    Image { id: String, image: String },
    Solving { percent: u8 },
    Solved { id: String, answer: String },
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct CaptchaHandle {
    pub state: CaptchaState,
    pub renew: Callback<()>,
    pub solve: Callback<()>,
}

impl CaptchaHandle {
    /// True once the person chose the automatic check: the image is then not needed.
    pub fn is_automatic(&self) -> bool {
        matches!(
            self.state,
            CaptchaState::Solving { .. } | CaptchaState::Solved { .. }
        )
    }

    /// Gets a new challenge of the kind the person uses.
    pub fn restart(&self) {
        if self.is_automatic() {
            self.solve.emit(());
        } else {
            self.renew.emit(());
        }
    }

    /// The answer to send; empty while there is none, which the domain rules report.
    pub fn answer(&self, typed: &str) -> CaptchaAnswer {
        let (id, answer) = match &self.state {
            CaptchaState::Image { id, .. } => (id.clone(), typed.trim().to_string()),
            CaptchaState::Solved { id, answer } => (id.clone(), answer.clone()),
            _ => (String::new(), String::new()),
        };
        CaptchaAnswer { id, answer }
    }
}

#[hook]
pub fn use_captcha() -> CaptchaHandle {
    let state = use_state(|| CaptchaState::Loading);
    // Each new challenge bumps the generation; answers to older ones are dropped.
    let generation = use_mut_ref(|| 0u32);

    let renew = {
        let (setter, generation) = (state.setter(), generation.clone());
        use_callback((), move |_: (), _| {
            let mine = bump(&generation);
            setter.set(CaptchaState::Loading);
            let (setter, generation) = (setter.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match captcha::image().await {
                    Ok(c) => CaptchaState::Image {
                        id: c.id,
                        image: c.image,
                    },
                    Err(p) => CaptchaState::Failed(p.title),
                };
                if *generation.borrow() == mine {
                    setter.set(next);
                }
            });
        })
    };

    let solve = {
        let (setter, generation) = (state.setter(), generation.clone());
        use_callback((), move |_: (), _| {
            let mine = bump(&generation);
            setter.set(CaptchaState::Solving { percent: 0 });
            let (setter, generation) = (setter.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let current = || *generation.borrow() == mine;
                let next = match captcha::pow().await {
                    Ok(pow) => solve_in_slices(&pow, &setter, &current).await,
                    Err(p) => Some(CaptchaState::Failed(p.title)),
                };
                if let Some(next) = next.filter(|_| current()) {
                    setter.set(next);
                }
            });
        })
    };

    {
        let (renew, generation) = (renew.clone(), generation.clone());
        use_effect_with((), move |_| {
            renew.emit(());
            // Leaving the page stops a running search.
            move || {
                bump(&generation);
            }
        });
    }

    CaptchaHandle {
        state: (*state).clone(),
        renew,
        solve,
    }
}

fn bump(generation: &std::rc::Rc<std::cell::RefCell<u32>>) -> u32 {
    let mut g = generation.borrow_mut();
    *g = g.wrapping_add(1);
    *g
}

/// `None` when a newer challenge replaced this one.
async fn solve_in_slices(
    pow: &PowCaptcha,
    setter: &UseStateSetter<CaptchaState>,
    current: &impl Fn() -> bool,
) -> Option<CaptchaState> {
    let mut from = 0u64;
    loop {
        if !current() {
            return None;
        }
        let to = from.saturating_add(SLICE - 1).min(pow.max_number);
        if let Some(n) = domain::pow::solve_range(&pow.salt, &pow.challenge, from, to) {
            return Some(CaptchaState::Solved {
                id: pow.id.clone(),
                answer: n.to_string(),
            });
        }
        if to >= pow.max_number {
            return Some(CaptchaState::Failed(
                "La vérification automatique n'a pas abouti. Veuillez réessayer.".to_string(),
            ));
        }
        from = to + 1;
        let percent = (u128::from(from) * 100 / (u128::from(pow.max_number) + 1)) as u8;
        setter.set(CaptchaState::Solving { percent });
        TimeoutFuture::new(0).await;
    }
}
