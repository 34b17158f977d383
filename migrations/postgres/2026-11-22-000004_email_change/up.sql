ALTER TABLE accounts ADD COLUMN pending_email TEXT;
