ALTER TABLE accounts DROP COLUMN pending_email;
