//! Every address of the SPA. The api serves `index.html` for all of them.

use domain::ids::{HouseholdId, MessageId, RequestId};
use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/connexion")]
    Login,
    #[at("/creer-mon-compte")]
    Register,
    #[at("/activation/:token")]
    Activation { token: String },
    #[at("/identifiants-oublies")]
    Forgotten,
    #[at("/reinitialisation/:token")]
    PasswordReset { token: String },
    #[at("/confirmation-courriel/:token")]
    EmailConfirmation { token: String },
    #[at("/demarches/:slug")]
    Procedure { slug: String },
    #[at("/echanges")]
    Exchanges,
    #[at("/echanges/messages/:id")]
    Message { id: MessageId },
    #[at("/agenda")]
    Agenda,
    #[at("/mes-demandes")]
    MyRequests,
    #[at("/mes-demandes/:id")]
    MyRequest { id: RequestId },
    #[at("/mes-demandes/:id/modifier")]
    EditRequest { id: RequestId },
    #[at("/agent/demandes")]
    AgentRequests,
    #[at("/agent/demandes/:id")]
    AgentRequest { id: RequestId },
    #[at("/agent/foyers/:id")]
    AgentHousehold { id: HouseholdId },
    #[at("/agent/justificatifs")]
    AgentDocuments,
    #[at("/agent/agents")]
    AgentStaff,
    #[at("/agent/agenda")]
    AgentAgenda,
    #[at("/agent/agenda/:activity/:unit")]
    AgentUnitDay { activity: String, unit: String },
    #[at("/mon-compte/profil")]
    Profile,
    #[at("/conditions-generales")]
    Terms,
    #[not_found]
    #[at("/page-introuvable")]
    NotFound,
}

/// `/agent/agenda?jour=2026-12-03`: the day of the agents' lists (today without it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayQuery {
    #[serde(default)]
    pub jour: Option<chrono::NaiveDate>,
}

/// `/mes-demandes?brouillon=7`: the draft n° 7 was just saved (the page says so).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftSaved {
    #[serde(default)]
    pub brouillon: Option<i64>,
}

/// `/demarches/fiche-enfant?depuis=12&pour=autre-enfant`: a fiche started from the
/// family's request 12 (for another child, or for the next school year).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StartFrom {
    #[serde(default)]
    pub depuis: Option<i64>,
    #[serde(default)]
    pub pour: Option<Reuse>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reuse {
    /// The fiche of another child: the family's answers.
    #[serde(rename = "autre-enfant")]
    AnotherChild,
    /// The same child's fiche for a new school year: last year's answers.
    #[serde(rename = "nouvelle-annee")]
    NextYear,
}

impl StartFrom {
    pub fn new(request: RequestId, reuse: Reuse) -> StartFrom {
        StartFrom {
            depuis: Some(request.0),
            pour: Some(reuse),
        }
    }
}

/// `?retour=/demarches/fiche-enfant`: where to go back after logging in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReturnTo {
    #[serde(default)]
    pub retour: Option<String>,
}

impl ReturnTo {
    /// Only paths of this site: `//host/...` or `https://...` would send people away.
    pub fn route(&self) -> Route {
        self.retour
            .as_deref()
            .filter(|path| path.starts_with('/') && !path.starts_with("//"))
            .and_then(Route::recognize)
            .filter(|route| !matches!(route, Route::Login | Route::NotFound))
            .unwrap_or(Route::Home)
    }
}
