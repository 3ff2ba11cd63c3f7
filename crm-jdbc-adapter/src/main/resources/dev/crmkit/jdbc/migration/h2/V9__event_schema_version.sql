-- Every event carries the version of its payload's schema beside its stable type name; the events written before
-- this version are all of schema version 1.
ALTER TABLE crm_outbox ADD COLUMN schemaversion INTEGER DEFAULT 1 NOT NULL;
INSERT INTO crm_schema_version (version) VALUES (9);
