-- The SHA-256 and CRC-32 of each attachment blob's payload (the age ciphertext after its header),
-- recorded at attach time (issue 16, ADR 0016): package format 2 ships the payload as it is stored,
-- under a signed index of hashes, so an export copies it without reading it through a hash. Blobs
-- attached before this migration get theirs on their first export (AttachmentService.reader, one
-- pass over those blobs only, recorded for the next export).
ALTER TABLE attachments ADD COLUMN payload_sha256 TEXT CHECK (payload_sha256 IS NULL OR length(payload_sha256) = 64);
ALTER TABLE attachments ADD COLUMN payload_crc32 INTEGER CHECK (payload_crc32 IS NULL OR payload_crc32 BETWEEN 0 AND 4294967295);
