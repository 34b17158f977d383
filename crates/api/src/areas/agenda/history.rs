//! "Historique des actions pour la personne sélectionnée pour cette période": +/−, the day
//! concerned, the activity (unit), when, and who (the parent, an agent, or the town hall
//! when a place freed).

use std::collections::HashMap;

use domain::agenda::{AgendaQuery, BookingEvent};
use domain::ids::{AccountId, PersonId};

use super::offer;
use super::person;
use crate::areas::requests::views::display_name;
use crate::config::Settings;
use crate::error::ApiResult;

pub fn history(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: PersonId,
    query: &AgendaQuery,
) -> ApiResult<Vec<BookingEvent>> {
    super::rules::period_days(query)?;
    let person = person::of_household(conn, account, id)?;
    let rows = db::bookings::events(conn, person.household, id, query.from, query.to)?;
    let mut authors: HashMap<AccountId, String> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let author = match row.author {
            Some(account) => match authors.get(&account) {
                Some(name) => name.clone(),
                None => {
                    let name = author_name(conn, account)?;
                    authors.insert(account, name.clone());
                    name
                }
            },
            None => "Mairie (liste d'attente)".to_string(),
        };
        let activity = offer::find(settings, &row.activity, &row.unit)
            .map(|o| o.title())
            .unwrap_or_else(|_| format!("{} ({})", row.activity, row.unit));
        out.push(BookingEvent {
            action: row.action,
            day: row.day,
            activity,
            at: row.at.and_utc(),
            author,
            by_agent: row.by_agent,
            reason: row.reason,
        });
    }
    Ok(out)
}

fn author_name(conn: &mut db::Conn, account: AccountId) -> ApiResult<String> {
    let Some(row) = db::accounts::find(conn, account)? else {
        return Ok(String::new());
    };
    Ok(db::persons::find(conn, row.person_id)?
        .map(|p| display_name(&p.first_name, &p.birth_name))
        .unwrap_or_default())
}
