-- A PC reaches a photo or document only when an attachment record of its own site names it:
-- blobs are stored once for all sites (by SHA-256), access goes through the records.
CREATE INDEX records_blob ON records (site_id, ((fields -> 'sha256') ->> 0))
    WHERE entity = 'attachment';
