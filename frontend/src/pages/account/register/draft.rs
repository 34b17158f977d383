//! What the person typed in "Création de compte particulier", kept as typed (nothing is
//! lost on an error), and its conversion into the API's `RegistrationRequest`, checked
//! with the domain's rules.

use domain::account::RegistrationRequest;
use domain::captcha::CaptchaAnswer;
use domain::civility::Civility;
use validator::Validate;

use crate::components::date_field::DateParts;
use crate::forms::FieldErrors;

/// Input ids and labels, in the order of the form.
pub const FIELDS: [(&str, &str); 13] = [
    ("civility", "Civilité"),
    ("birth_name", "Nom de naissance"),
    ("first_name", "Prénom"),
    ("second_first_name", "2nd prénom"),
    ("third_first_name", "3ème prénom"),
    ("birth_day", "Date de naissance"),
    ("birth_country", "Pays de naissance"),
    ("birth_city", "Commune de naissance"),
    ("birth_department", "Département de naissance"),
    ("email", "Email"),
    ("captcha_answer", "Recopiez les caractères de l'image"),
    ("terms_accepted", "Conditions générales d'utilisation"),
    (
        "privacy_consent",
        "Utilisation des données personnelles (RGPD)",
    ),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub civility: String,
    pub birth_name: String,
    pub first_name: String,
    pub second_first_name: String,
    pub third_first_name: String,
    pub birth_date: DateParts,
    pub birth_country: String,
    pub birth_city: String,
    pub birth_department: String,
    pub email: String,
    pub captcha_answer: String,
    pub terms_accepted: bool,
    pub privacy_consent: bool,
}

impl Default for Draft {
    fn default() -> Draft {
        Draft {
            civility: String::new(),
            birth_name: String::new(),
            first_name: String::new(),
            second_first_name: String::new(),
            third_first_name: String::new(),
            birth_date: DateParts::default(),
            birth_country: "France".to_string(),
            birth_city: String::new(),
            birth_department: String::new(),
            email: String::new(),
            captcha_answer: String::new(),
            terms_accepted: false,
            privacy_consent: false,
        }
    }
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

impl Draft {
    /// The request as it would be sent. A missing civility or date gets a stand-in value
    /// here; [`Draft::check`] reports them.
    pub fn request(&self, captcha: CaptchaAnswer) -> RegistrationRequest {
        let stand_in_date = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        RegistrationRequest {
            civility: Civility::parse(&self.civility).unwrap_or(Civility::Monsieur),
            birth_name: self.birth_name.trim().to_string(),
            first_name: self.first_name.trim().to_string(),
            second_first_name: optional(&self.second_first_name),
            third_first_name: optional(&self.third_first_name),
            birth_date: match self.birth_date.parse() {
                Some(Ok(date)) => date,
                _ => stand_in_date,
            },
            birth_country: self.birth_country.trim().to_string(),
            birth_city: self.birth_city.trim().to_string(),
            birth_department: optional(&self.birth_department),
            email: self.email.trim().to_string(),
            terms_accepted: self.terms_accepted,
            privacy_consent: self.privacy_consent,
            captcha,
        }
    }

    /// The request, or every error the domain rules find in it.
    pub fn check(&self, captcha: CaptchaAnswer) -> Result<RegistrationRequest, FieldErrors> {
        let request = self.request(captcha);
        let mut errors = match request.validate() {
            Ok(()) => FieldErrors::default(),
            Err(invalid) => FieldErrors::from_validation(&invalid),
        };
        if Civility::parse(&self.civility).is_none() {
            errors.push("civility", "required");
        }
        match self.birth_date.parse() {
            None => errors.push("birth_date", "required"),
            Some(Err(code)) => errors.push("birth_date", code),
            Some(Ok(_)) => {}
        }
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(errors)
        }
    }
}
