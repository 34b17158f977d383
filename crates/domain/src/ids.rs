//! Ids of the portal's records, one type each: a request id cannot be passed where a
//! person id is expected. On the wire and in the spec they are plain integers; in the
//! database (with the `diesel` feature) `BIGINT` columns on every backend.

/// Declares an id newtype over `i64`.
macro_rules! id_type {
    ($( $(#[$attr:meta])* $name:ident ),+ $(,)?) => {$(
        $(#[$attr])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(value_type = i64, example = 42))]
        #[cfg_attr(feature = "diesel", derive(diesel::AsExpression, diesel::FromSqlRow))]
        #[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::BigInt))]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        /// Read from a path or a form (`/demandes/42`).
        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB> for $name
        where
            DB: diesel::backend::Backend,
            i64: diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                <i64 as diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB>>::from_sql(bytes)
                    .map($name)
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::BigInt, DB> for $name
        where
            DB: diesel::backend::Backend,
            i64: diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <i64 as diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>>::to_sql(&self.0, out)
            }
        }
    )+};
}

id_type! {
    /// An account: a citizen's, an agent's or an administrator's.
    AccountId,
    /// A household ("foyer").
    HouseholdId,
    /// A person of a household (an adult or a child).
    PersonId,
    /// A request ("demande").
    RequestId,
    /// An address of a household.
    AddressId,
    /// A child's school enrolment.
    EnrolmentId,
    /// A procedure of the catalogue ("démarche").
    ProcedureId,
    /// A category of the catalogue.
    CategoryId,
    /// A document a household provided ("justificatif").
    DocumentId,
    /// A message between the town hall and a family.
    MessageId,
    /// A file attached to a message.
    AttachmentId,
    /// A booking of a unit for a day ("réservation").
    BookingId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_integers_on_the_wire() {
        assert_eq!(serde_json::to_string(&RequestId(7)).unwrap(), "7");
        assert_eq!(
            serde_json::from_str::<PersonId>("12").unwrap(),
            PersonId(12)
        );
        assert!(serde_json::from_str::<PersonId>("\"12\"").is_err());
        assert_eq!("42".parse::<RequestId>().unwrap(), RequestId(42));
        assert_eq!(RequestId(42).to_string(), "42");
    }
}
