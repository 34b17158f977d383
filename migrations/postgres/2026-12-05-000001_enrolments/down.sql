DROP TABLE child_authorisations;
DROP TABLE child_contacts;
DROP TABLE enrolments;
ALTER TABLE procedures DROP CONSTRAINT procedures_kind_check;
ALTER TABLE procedures ADD CONSTRAINT procedures_kind_check CHECK (kind IN ('generic', 'personal_data_update', 'social_data_update', 'household_member_addition'));
