-- Loyalty expiry: each programme's expiry policy, versioned with the rest of its rules. NONE (0 months) keeps the
-- programmes stored before this version as they were: their points never expire.
ALTER TABLE crm_loyalty_programme ADD COLUMN expiry_kind VARCHAR(20) DEFAULT 'NONE' NOT NULL;
ALTER TABLE crm_loyalty_programme ADD COLUMN expiry_months INTEGER DEFAULT 0 NOT NULL;
INSERT INTO crm_schema_version (version) VALUES (24);
