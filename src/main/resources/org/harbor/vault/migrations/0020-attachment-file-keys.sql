-- The age file key of each attachment blob (16 bytes), recorded at attach time (issue 16, ADR 0016
-- amendment): a package of format 2 rewraps each blob's file key to the office, and unwrapping it
-- again from the blob's header with the vault's blob identity cost an X25519 agreement per blob at
-- every export. The key is no more secret than that identity, which this database already holds.
-- Blobs attached before this migration have none and are unwrapped at export as before.
ALTER TABLE attachments ADD COLUMN file_key BLOB CHECK (file_key IS NULL OR length(file_key) = 16);
