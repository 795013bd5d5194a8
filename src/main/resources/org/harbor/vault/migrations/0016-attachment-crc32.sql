-- The CRC-32 of each attachment's plaintext, computed at attach time beside its SHA-256 (issue 16):
-- a package carries an attachment as a STORED ZIP entry, whose local header must hold the CRC-32
-- before the bytes, instead of pushing it through a Deflater at level 0. Attachments made before
-- this migration have none and go out DEFLATED at level 0 as before.
ALTER TABLE attachments ADD COLUMN crc32 INTEGER CHECK (crc32 IS NULL OR crc32 BETWEEN 0 AND 4294967295);
