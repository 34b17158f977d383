//! `use_fetch`: what a page loads when it appears, and again whenever `deps` change.
//! `None` while loading, then the answer or its problem. Only the answer to the latest
//! `deps` is kept: a slow answer to an earlier filter never replaces a newer one.

use std::future::Future;

use domain::problem::Problem;
use yew::prelude::*;

use crate::api::client::ApiResult;

pub type Fetched<T> = UseStateHandle<Option<Result<T, Problem>>>;

/// The last answer stays on screen while it is loaded again (a reload after a change).
#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, fetch: F) -> Fetched<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    use_fetch_with(deps, fetch, false)
}

/// Back to "loading" whenever `deps` change: they ask for something else (another
/// procedure, another filter), and the last answer would mislead.
#[hook]
pub fn use_fetch_fresh<T, D, F, Fut>(deps: D, fetch: F) -> Fetched<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    use_fetch_with(deps, fetch, true)
}

#[hook]
fn use_fetch_with<T, D, F, Fut>(deps: D, fetch: F, forget: bool) -> Fetched<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    let state = use_state(|| None);
    let latest = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with(deps, move |deps| {
            let generation = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            if forget && generation > 1 {
                state.set(None);
            }
            let answer = fetch(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = answer.await;
                if *latest.borrow() == generation {
                    state.set(Some(answer));
                }
            });
        });
    }
    state
}
