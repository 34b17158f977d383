DROP TABLE request_events;
DROP TABLE requests;
DROP TABLE counters;
ALTER TABLE procedures DROP COLUMN form;
ALTER TABLE procedures DROP COLUMN kind;
ALTER TABLE procedures DROP COLUMN terms;
ALTER TABLE procedures DROP COLUMN duration_minutes;
ALTER TABLE procedures DROP COLUMN description;
