DROP TABLE booking_events;
DROP TABLE unit_days;
DROP TABLE bookings;
