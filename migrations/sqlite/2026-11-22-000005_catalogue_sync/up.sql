-- The catalogue follows the configuration at every start; what it no longer lists is
-- archived, not deleted: old requests still name their procedure.
ALTER TABLE categories ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE procedures ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
