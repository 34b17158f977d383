//! "Conditions générales d'utilisation": what the portal is, what it keeps and why, the
//! one cookie it sets, and how to reach the town hall. Linked from the registration form
//! (which asks to accept them) and from every page's footer.

use yew::prelude::*;

use crate::hooks::{use_commune, use_page_title};

#[function_component(Terms)]
pub fn terms() -> Html {
    use_page_title("Conditions générales d'utilisation");
    let name = use_commune().name();
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Conditions générales d'utilisation" }</h1>
            <section class="card" aria-labelledby="terms-object">
                <h2 id="terms-object">{ "Objet du portail" }</h2>
                <p>{ format!(
                    "Le portail des démarches en ligne de la {name} permet aux habitants de créer un compte, \
                     de gérer les informations de leur foyer et d'adresser des demandes à la mairie, \
                     qui les traite et y répond en ligne. Son utilisation est gratuite et facultative : \
                     chaque démarche peut aussi être faite au guichet de la mairie."
                ) }</p>
            </section>
            <section class="card" aria-labelledby="terms-account">
                <h2 id="terms-account">{ "Votre compte" }</h2>
                <p>{ "Le compte est personnel. Vous vous engagez à fournir des informations exactes et à garder votre mot de passe secret. Toute démarche faite avec votre compte est réputée faite par vous. En cas de doute sur la sécurité de votre compte, changez votre mot de passe depuis « Mon compte » ou contactez la mairie." }</p>
            </section>
            <section class="card" aria-labelledby="terms-data">
                <h2 id="terms-data">{ "Données personnelles" }</h2>
                <p>{ format!(
                    "Les informations que vous saisissez sont traitées par la {name}, responsable du traitement, \
                     pour instruire vos demandes et gérer les services auxquels votre foyer est inscrit. \
                     Elles ne sont communiquées qu'aux agents habilités de la mairie et ne sont ni vendues ni \
                     utilisées à des fins commerciales."
                ) }</p>
                <p>{ "Conformément au règlement général sur la protection des données (RGPD), vous pouvez accéder à vos données, les faire rectifier ou demander leur effacement lorsque la loi le permet, en adressant une demande à la mairie. Vous pouvez aussi saisir la CNIL." }</p>
            </section>
            <section class="card" aria-labelledby="terms-cookies">
                <h2 id="terms-cookies">{ "Cookies" }</h2>
                <p>{ "Le portail ne dépose qu'un seul cookie, strictement nécessaire : il garde votre session ouverte après votre connexion et disparaît quand vous vous déconnectez. Aucun cookie de mesure d'audience ni de publicité n'est utilisé." }</p>
            </section>
            <section class="card" aria-labelledby="terms-contact">
                <h2 id="terms-contact">{ "Nous contacter" }</h2>
                <p>{ format!("Pour toute question sur le portail ou sur vos données, adressez-vous à l'accueil de la {name} ou faites une demande en ligne depuis le portail.") }</p>
            </section>
        </div>
    }
}
