DROP TABLE attendances;
ALTER TABLE booking_events DROP COLUMN reason;
