//! `use_fetch`: what a page loads when it appears, and again whenever `deps` change.
//! `None` while loading, then the answer or its problem.

use std::future::Future;

use domain::problem::Problem;
use yew::prelude::*;

use crate::api::client::ApiResult;

pub type Fetched<T> = UseStateHandle<Option<Result<T, Problem>>>;

#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, fetch: F) -> Fetched<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    let state = use_state(|| None);
    {
        let state = state.clone();
        use_effect_with(deps, move |deps| {
            let answer = fetch(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                state.set(Some(answer.await));
            });
        });
    }
    state
}
