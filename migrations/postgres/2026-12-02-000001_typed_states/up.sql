-- Every status, role and kind column accepts only the values of its Rust enum.
ALTER TABLE procedures ADD CONSTRAINT procedures_kind_check CHECK (kind IN ('generic', 'personal_data_update', 'social_data_update', 'household_member_addition'));
ALTER TABLE persons ADD CONSTRAINT persons_civility_check CHECK (civility IN ('monsieur', 'madame'));
ALTER TABLE persons ADD CONSTRAINT persons_sex_check CHECK (sex IN ('male', 'female'));
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('citizen', 'agent', 'admin'));
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check CHECK (status IN ('pending', 'active', 'disabled'));
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('activation', 'password_reset', 'email_change'));
ALTER TABLE captcha_challenges ADD CONSTRAINT captcha_challenges_kind_check CHECK (kind IN ('image', 'pow'));
ALTER TABLE household_members ADD CONSTRAINT household_members_role_check CHECK (role IN ('account_holder', 'adult', 'child'));
ALTER TABLE relations ADD CONSTRAINT relations_role_check CHECK (role IN ('legal_guardian', 'partner', 'child', 'other'));
ALTER TABLE requests ADD CONSTRAINT requests_status_check CHECK (status IN ('draft', 'submitted', 'in_progress', 'closed', 'refused'));
ALTER TABLE request_events ADD CONSTRAINT request_events_from_status_check CHECK (from_status IN ('draft', 'submitted', 'in_progress', 'closed', 'refused'));
ALTER TABLE request_events ADD CONSTRAINT request_events_to_status_check CHECK (to_status IN ('draft', 'submitted', 'in_progress', 'closed', 'refused'));
