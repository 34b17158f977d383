DROP TABLE school_enrolments;
DROP TABLE relations;
DROP TABLE household_social_data;
DROP TABLE addresses;
DROP TABLE contacts;
DROP TABLE household_members;
DROP TABLE households;
ALTER TABLE persons DROP COLUMN sex;
