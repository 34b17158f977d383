//! The Agenda's tables (bookings, places per unit and day, history), beside `schema.rs`.

diesel::table! {
    bookings (id) {
        id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        activity -> Text,
        unit -> Text,
        day -> Date,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    unit_days (activity, unit, day) {
        activity -> Text,
        unit -> Text,
        day -> Date,
        booked -> Integer,
    }
}

diesel::table! {
    booking_events (id) {
        id -> BigInt,
        booking_id -> BigInt,
        household_id -> BigInt,
        person_id -> BigInt,
        action -> Text,
        author_id -> Nullable<BigInt>,
        by_agent -> Bool,
        at -> Timestamp,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    attendances (booking_id) {
        booking_id -> BigInt,
        attendance -> Text,
        reason -> Nullable<Text>,
        recorded_by -> BigInt,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    calendar_feeds (household_id) {
        household_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(booking_events -> bookings (booking_id));
diesel::joinable!(attendances -> bookings (booking_id));
diesel::allow_tables_to_appear_in_same_query!(
    bookings,
    unit_days,
    booking_events,
    calendar_feeds,
    attendances
);
