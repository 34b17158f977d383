// Hand-written: both backends use 64-bit ids and UTC `timestamp` columns.

diesel::table! {
    categories (id) {
        id -> BigInt,
        position -> Integer,
        name -> Text,
        created_at -> Timestamp,
        archived -> Bool,
    }
}

diesel::table! {
    procedures (id) {
        id -> BigInt,
        category_id -> BigInt,
        position -> Integer,
        slug -> Text,
        title -> Text,
        summary -> Text,
        created_at -> Timestamp,
        description -> Text,
        duration_minutes -> Nullable<Integer>,
        terms -> Nullable<Text>,
        kind -> Text,
        form -> Text,
        archived -> Bool,
    }
}

diesel::table! {
    persons (id) {
        id -> BigInt,
        civility -> Text,
        birth_name -> Text,
        usage_name -> Nullable<Text>,
        first_name -> Text,
        second_first_name -> Nullable<Text>,
        third_first_name -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        birth_country -> Nullable<Text>,
        birth_city -> Nullable<Text>,
        birth_department -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        sex -> Nullable<Text>,
    }
}

diesel::table! {
    accounts (id) {
        id -> BigInt,
        person_id -> BigInt,
        email -> Text,
        login -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        role -> Text,
        status -> Text,
        terms_accepted_at -> Timestamp,
        privacy_consent_at -> Timestamp,
        created_at -> Timestamp,
        activated_at -> Nullable<Timestamp>,
        pending_email -> Nullable<Text>,
    }
}

diesel::table! {
    account_tokens (id) {
        id -> BigInt,
        account_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    used_refresh_tokens (refresh_hash) {
        refresh_hash -> Text,
        session_id -> BigInt,
        used_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        account_id -> BigInt,
        refresh_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttles (identifier) {
        identifier -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    captcha_challenges (id) {
        id -> BigInt,
        public_id -> Text,
        kind -> Text,
        answer -> Text,
        salt -> Nullable<Text>,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    households (id) {
        id -> BigInt,
        holder_person_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    household_members (household_id, person_id) {
        household_id -> BigInt,
        person_id -> BigInt,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contacts (person_id) {
        person_id -> BigInt,
        landline -> Nullable<Text>,
        mobile -> Nullable<Text>,
        work_phone -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    addresses (id) {
        id -> BigInt,
        person_id -> BigInt,
        name -> Text,
        country -> Text,
        city -> Text,
        postal_code -> Text,
        street_number -> Nullable<Text>,
        street_number_complement -> Nullable<Text>,
        street -> Text,
        street_complement -> Nullable<Text>,
        is_default -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    household_social_data (household_id) {
        household_id -> BigInt,
        regime -> Nullable<Text>,
        reference_tax_income -> Nullable<BigInt>,
        dependent_children -> Nullable<Integer>,
        caf_holder_name -> Nullable<Text>,
        caf_number -> Nullable<Text>,
        quotient -> Nullable<Integer>,
        monthly_income -> Nullable<BigInt>,
        family_composition -> Nullable<Text>,
        family_quotient -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    relations (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        related_person_id -> BigInt,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    school_enrolments (id) {
        id -> BigInt,
        person_id -> BigInt,
        school_year -> Text,
        establishment -> Text,
        level -> Text,
        class_name -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    enrolments (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        activity -> Text,
        school_year -> Text,
        request_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    child_contacts (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        school_year -> Text,
        position -> Integer,
        last_name -> Text,
        first_name -> Text,
        relation -> Text,
        phone -> Text,
        other_phone -> Nullable<Text>,
        pickup -> Bool,
        emergency -> Bool,
        request_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    child_authorisations (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        school_year -> Text,
        code -> Text,
        wording -> Text,
        granted -> Bool,
        given_at -> Timestamp,
        request_id -> BigInt,
    }
}

diesel::table! {
    child_transport (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        school_year -> Text,
        morning -> Bool,
        evening -> Bool,
        request_id -> BigInt,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    child_health (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        school_year -> Text,
        position -> Integer,
        code -> Text,
        label -> Text,
        value -> Text,
        request_id -> BigInt,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    staff_permissions (account_id, permission) {
        account_id -> BigInt,
        permission -> Text,
        granted_by -> BigInt,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    health_access_log (id) {
        id -> BigInt,
        account_id -> BigInt,
        household_id -> BigInt,
        request_id -> Nullable<BigInt>,
        context -> Text,
        accessed_at -> Timestamp,
    }
}

diesel::table! {
    counters (name) {
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    requests (id) {
        id -> BigInt,
        number -> BigInt,
        procedure_id -> BigInt,
        household_id -> BigInt,
        account_id -> BigInt,
        person_id -> Nullable<BigInt>,
        status -> Text,
        answers -> Text,
        agent_account_id -> Nullable<BigInt>,
        refusal_reason -> Nullable<Text>,
        created_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    request_events (id) {
        id -> BigInt,
        request_id -> BigInt,
        actor_account_id -> Nullable<BigInt>,
        from_status -> Nullable<Text>,
        to_status -> Text,
        comment -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> Nullable<BigInt>,
        document_type -> Text,
        status -> Text,
        file_kind -> Text,
        object_key -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        document_date -> Nullable<Date>,
        uploaded_by -> BigInt,
        uploaded_at -> Timestamp,
        valid_until -> Nullable<Date>,
        reviewed_by -> Nullable<BigInt>,
        reviewed_at -> Nullable<Timestamp>,
        refusal_reason -> Nullable<Text>,
        request_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    document_requests (id) {
        id -> BigInt,
        request_id -> BigInt,
        document_type -> Text,
        person_id -> Nullable<BigInt>,
        asked_by -> BigInt,
        asked_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> BigInt,
        request_id -> BigInt,
        sender -> Text,
        author_account_id -> Nullable<BigInt>,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    message_attachments (id) {
        id -> BigInt,
        message_id -> Nullable<BigInt>,
        uploaded_by -> BigInt,
        file_name -> Text,
        file_kind -> Text,
        object_key -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        uploaded_at -> Timestamp,
        filed_document_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(used_refresh_tokens -> sessions (session_id));
diesel::joinable!(procedures -> categories (category_id));
diesel::joinable!(accounts -> persons (person_id));
diesel::joinable!(account_tokens -> accounts (account_id));
diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(household_members -> households (household_id));
diesel::joinable!(household_members -> persons (person_id));
diesel::joinable!(addresses -> persons (person_id));
diesel::joinable!(contacts -> persons (person_id));
diesel::joinable!(school_enrolments -> persons (person_id));
diesel::joinable!(enrolments -> persons (person_id));
diesel::joinable!(child_contacts -> persons (person_id));
diesel::joinable!(child_authorisations -> persons (person_id));
diesel::joinable!(child_transport -> persons (person_id));
diesel::joinable!(child_health -> persons (person_id));
diesel::joinable!(health_access_log -> accounts (account_id));
diesel::joinable!(household_social_data -> households (household_id));
diesel::joinable!(requests -> procedures (procedure_id));
diesel::joinable!(request_events -> requests (request_id));
diesel::joinable!(document_requests -> requests (request_id));
diesel::joinable!(messages -> requests (request_id));
diesel::joinable!(message_attachments -> messages (message_id));

diesel::allow_tables_to_appear_in_same_query!(
    categories,
    child_authorisations,
    child_contacts,
    child_transport,
    child_health,
    staff_permissions,
    health_access_log,
    enrolments,
    procedures,
    persons,
    accounts,
    account_tokens,
    sessions,
    login_throttles,
    used_refresh_tokens,
    captcha_challenges,
    outbox,
    households,
    household_members,
    contacts,
    addresses,
    household_social_data,
    relations,
    school_enrolments,
    counters,
    requests,
    request_events,
    documents,
    document_requests,
    messages,
    message_attachments,
);
