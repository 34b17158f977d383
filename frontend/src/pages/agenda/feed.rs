//! "Mon agenda sur mon téléphone": a secret address of the household's bookings for a
//! phone's calendar, shown once when made; a new one replaces it; it can be revoked.

use domain::agenda::CalendarFeed;
use yew::prelude::*;

use crate::api::agenda;
use crate::components::problem_alert::ProblemAlert;
use crate::dates::local_date_time;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[function_component(Feed)]
pub fn feed() -> Html {
    let session = use_session();
    let reload = use_state(|| 0u32);
    let made = use_state(|| None::<CalendarFeed>);
    let submit = use_submit();
    let authed = session.authed();
    let status = use_fetch(*reload, move |_| {
        let authed = authed.clone();
        async move { agenda::feed(&authed).await }
    });
    // Both buttons change the feed, then read its state again.
    let change = |renewing: bool| {
        let (submit, authed, made, reload) = (
            submit.clone(),
            session.authed(),
            made.clone(),
            reload.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            let (authed, made, reload) = (authed.clone(), made.clone(), reload.clone());
            submit.send(
                async move {
                    match renewing {
                        true => agenda::renew_feed(&authed).await.map(Some),
                        false => agenda::revoke_feed(&authed).await.map(|()| None),
                    }
                },
                move |feed| {
                    let shown = feed.is_some();
                    made.set(feed);
                    reload.set(*reload + 1);
                    if shown {
                        crate::focus::focus_soon("#feed-url");
                    }
                },
            );
        })
    };
    let (renew, revoke) = (change(true), change(false));
    let since = match &*status {
        Some(Ok(s)) => s.created_at,
        _ => None,
    };
    html! {
        <section class="card" aria-labelledby="feed-title">
            <h2 id="feed-title">{ "Mes réservations dans l'agenda de mon téléphone" }</h2>
            <p>{ "Une adresse secrète permet à l'agenda de votre téléphone (ou de votre messagerie) de s'abonner aux réservations de votre foyer. Ne la communiquez qu'aux personnes de confiance : elle donne accès à ces réservations." }</p>
            <ProblemAlert problem={submit.problem()} />
            if let Some(feed) = &*made {
                <p class="notice-line" role="status">{ "Voici l'adresse à copier dans votre agenda. Elle ne sera plus affichée : gardez-la, ou créez-en une nouvelle." }</p>
                <p><input type="text" readonly=true class="feed-url" id="feed-url" aria-label="Adresse de l'abonnement"
                    value={feed.url.clone()} /></p>
            } else if let Some(at) = since {
                <p id="feed-since">{ format!("Une adresse est active depuis le {}.", local_date_time(&at)) }</p>
            }
            <div class="actions">
                <button type="button" class="button" id="feed-create" disabled={submit.sending()} onclick={renew}>
                    { if since.is_some() { "Créer une nouvelle adresse (l'ancienne ne marchera plus)" } else { "Créer l'adresse d'abonnement" } }
                </button>
                if since.is_some() {
                    <button type="button" class="button button--secondary" id="feed-revoke" disabled={submit.sending()} onclick={revoke}>
                        { "Supprimer l'adresse" }
                    </button>
                }
            </div>
        </section>
    }
}
