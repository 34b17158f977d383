//! Database rows to the API's profile types.

use std::collections::HashMap;

use domain::ids::PersonId;
use domain::profile::{
    ActivityEnrolment, Address, ChildAuthorisation, ChildContactLine, ChildHealthLine,
    ChildTransport, CivilData, Member, MemberRole, Relation, SchoolEnrolment, SocialData,
};
use domain::request::form::ChildContact;

use crate::config::schooling::ActivitySettings;

/// Civil data of a citizen (staff members have no birth data and no profile).
pub fn civil(p: db::persons::PersonRow) -> Option<CivilData> {
    Some(CivilData {
        civility: p.civility,
        birth_name: p.birth_name,
        usage_name: p.usage_name,
        first_name: p.first_name,
        second_first_name: p.second_first_name,
        third_first_name: p.third_first_name,
        birth_date: p.birth_date?,
        birth_country: p.birth_country?,
        birth_city: p.birth_city?,
        birth_department: p.birth_department,
    })
}

pub fn social(s: db::households::SocialRow) -> SocialData {
    SocialData {
        regime: s.regime,
        reference_tax_income: s.reference_tax_income,
        dependent_children: s.dependent_children,
        caf_holder_name: s.caf_holder_name,
        caf_number: s.caf_number,
        quotient: s.quotient,
        monthly_income: s.monthly_income,
        family_composition: s.family_composition,
        family_quotient: s.family_quotient,
    }
}

pub fn address(a: db::addresses::AddressRow) -> Address {
    Address {
        id: a.id,
        name: a.name,
        country: a.country,
        city: a.city,
        postal_code: a.postal_code,
        street_number: a.street_number,
        street_number_complement: a.street_number_complement,
        street: a.street,
        street_complement: a.street_complement,
        is_default: a.is_default,
    }
}

/// The holder first, then other adults, then children; oldest first within each.
pub fn members(rows: Vec<db::households::MemberRow>) -> Vec<Member> {
    let mut members: Vec<Member> = rows
        .into_iter()
        .map(|m| Member {
            person_id: m.person_id,
            first_name: m.first_name,
            birth_name: m.birth_name,
            role: m.role,
        })
        .collect();
    members.sort_by_key(|m| match m.role {
        MemberRole::AccountHolder => 0,
        MemberRole::Adult => 1,
        MemberRole::Child => 2,
    });
    members
}

/// Relations between members, named; a relation naming somebody outside the household
/// is left out.
pub fn relations(rows: Vec<db::households::RelationRow>, members: &[Member]) -> Vec<Relation> {
    let names: HashMap<_, String> = members
        .iter()
        .map(|m| (m.person_id, m.display_name()))
        .collect();
    rows.into_iter()
        .filter_map(|r| {
            Some(Relation {
                person_name: names.get(&r.person_id)?.clone(),
                related_person_name: names.get(&r.related_person_id)?.clone(),
                person_id: r.person_id,
                related_person_id: r.related_person_id,
                role: r.role,
            })
        })
        .collect()
}

pub fn enrolments(
    rows: Vec<db::households::EnrolmentRow>,
    members: &[Member],
) -> Vec<SchoolEnrolment> {
    let names: HashMap<_, String> = members
        .iter()
        .map(|m| (m.person_id, m.display_name()))
        .collect();
    rows.into_iter()
        .map(|e| SchoolEnrolment {
            child_name: names.get(&e.person_id).cloned().unwrap_or_default(),
            id: e.id,
            person_id: e.person_id,
            school_year: e.school_year,
            establishment: e.establishment,
            level: e.level,
            class_name: e.class_name,
        })
        .collect()
}

/// "Inscriptions aux activités", named as the commune names its activities.
pub fn activities(
    rows: Vec<db::enrolments::EnrolmentRow>,
    members: &[Member],
    activities: &[ActivitySettings],
) -> Vec<ActivityEnrolment> {
    let names = names(members);
    rows.into_iter()
        .map(|e| ActivityEnrolment {
            child_name: names.get(&e.person_id).cloned().unwrap_or_default(),
            activity_name: activities
                .iter()
                .find(|a| a.code == e.activity)
                .map_or_else(|| e.activity.clone(), |a| a.name.clone()),
            person_id: e.person_id,
            school_year: e.school_year,
            activity: e.activity,
        })
        .collect()
}

fn names(members: &[Member]) -> HashMap<PersonId, String> {
    members
        .iter()
        .map(|m| (m.person_id, m.display_name()))
        .collect()
}

pub fn contacts(
    rows: Vec<db::child_records::ContactRow>,
    members: &[Member],
) -> Vec<ChildContactLine> {
    let names = names(members);
    rows.into_iter()
        .map(|c| ChildContactLine {
            person_id: c.person_id,
            child_name: names.get(&c.person_id).cloned().unwrap_or_default(),
            school_year: c.school_year,
            contact: ChildContact {
                last_name: c.last_name,
                first_name: c.first_name,
                relation: c.relation,
                phone: c.phone,
                other_phone: c.other_phone,
                pickup: c.pickup,
                emergency: c.emergency,
            },
        })
        .collect()
}

pub fn authorisations(
    rows: Vec<db::child_records::AuthorisationRow>,
    members: &[Member],
) -> Vec<ChildAuthorisation> {
    let names = names(members);
    rows.into_iter()
        .map(|a| ChildAuthorisation {
            person_id: a.person_id,
            child_name: names.get(&a.person_id).cloned().unwrap_or_default(),
            school_year: a.school_year,
            code: a.code,
            wording: a.wording,
            granted: a.granted,
            given_at: a.given_at.and_utc(),
        })
        .collect()
}

pub fn transports(
    rows: Vec<db::child_records::TransportRow>,
    members: &[Member],
) -> Vec<ChildTransport> {
    let names = names(members);
    rows.into_iter()
        .map(|t| ChildTransport {
            child_name: names.get(&t.person_id).cloned().unwrap_or_default(),
            person_id: t.person_id,
            school_year: t.school_year,
            morning: t.morning,
            evening: t.evening,
        })
        .collect()
}

pub fn health(rows: Vec<db::health::HealthRow>, members: &[Member]) -> Vec<ChildHealthLine> {
    let names = names(members);
    rows.into_iter()
        .map(|h| ChildHealthLine {
            child_name: names.get(&h.person_id).cloned().unwrap_or_default(),
            person_id: h.person_id,
            school_year: h.school_year,
            code: h.code,
            label: h.label,
            value: h.value,
        })
        .collect()
}
