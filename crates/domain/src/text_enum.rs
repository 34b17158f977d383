//! `text_enum!`: a closed set of values (a status, a role, a kind) stored as text. One
//! declaration gives the enum, its stable text (`as_str`, serde, the database column),
//! `parse` and `ALL`; with the `diesel` feature it maps to a `Text` column on every
//! backend, where an unknown stored value is an error, never a default.
//!
//! The text of a value is the `snake_case` of its name (serde's and utoipa's
//! `rename_all`, which cannot read a per-variant literal passed through a macro); the
//! tests below check every enum declared with it.

macro_rules! text_enum {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $( $(#[$vattr:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "diesel", derive(diesel::AsExpression, diesel::FromSqlRow))]
        #[cfg_attr(feature = "diesel", diesel(sql_type = diesel::sql_types::Text))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vattr])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The stored and serialised form.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }

            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|v| v.as_str() == value)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let text =
                    <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(
                        bytes,
                    )?;
                $name::parse(&text).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " `{}` stored"), text).into()
                })
            }
        }

        #[cfg(feature = "diesel")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }
    };
}

pub(crate) use text_enum;

#[cfg(test)]
mod tests {
    text_enum! {
        /// A test set.
        pub enum Colour {
            Red = "red",
            /// Documented.
            DarkBlue = "dark_blue",
        }
    }

    fn agree<T>(all: &[T], as_str: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        for &value in all {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json, as_str(value), "{value:?}");
            assert_eq!(parse(as_str(value)), Some(value));
            assert_eq!(serde_json::from_value::<T>(json).unwrap(), value);
        }
        assert_eq!(parse("not-a-value"), None);
    }

    #[test]
    fn text_serde_and_parse_agree_for_every_enum() {
        use crate::account::{AccountStatus, TokenPurpose};
        use crate::auth::Role;
        use crate::captcha::CaptchaKind;
        use crate::catalogue::ProcedureKind;
        use crate::civility::{Civility, Sex};
        use crate::profile::{MemberRole, RelationRole};
        use crate::request::RequestStatus;
        agree(&Colour::ALL, Colour::as_str, Colour::parse);
        agree(&Role::ALL, Role::as_str, Role::parse);
        agree(
            &AccountStatus::ALL,
            AccountStatus::as_str,
            AccountStatus::parse,
        );
        agree(
            &TokenPurpose::ALL,
            TokenPurpose::as_str,
            TokenPurpose::parse,
        );
        agree(&CaptchaKind::ALL, CaptchaKind::as_str, CaptchaKind::parse);
        agree(
            &ProcedureKind::ALL,
            ProcedureKind::as_str,
            ProcedureKind::parse,
        );
        agree(&Civility::ALL, Civility::as_str, Civility::parse);
        agree(&Sex::ALL, Sex::as_str, Sex::parse);
        agree(&MemberRole::ALL, MemberRole::as_str, MemberRole::parse);
        agree(
            &RelationRole::ALL,
            RelationRole::as_str,
            RelationRole::parse,
        );
        agree(
            &RequestStatus::ALL,
            RequestStatus::as_str,
            RequestStatus::parse,
        );
        assert!(serde_json::from_value::<Colour>("Red".into()).is_err());
    }
}
