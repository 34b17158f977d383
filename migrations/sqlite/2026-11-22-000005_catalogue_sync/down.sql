ALTER TABLE procedures DROP COLUMN archived;
ALTER TABLE categories DROP COLUMN archived;
