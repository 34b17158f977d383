-- A household's enrolments are read on every agenda view: found by household, not by a scan.
CREATE INDEX enrolments_household ON enrolments (household_id, person_id);
