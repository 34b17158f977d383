DROP INDEX enrolments_household;
