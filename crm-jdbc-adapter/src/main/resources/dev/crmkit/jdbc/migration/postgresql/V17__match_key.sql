-- Customer matching: the blocking keys each live customer is looked up by (crm_match_key), one row per key and
-- customer; a lookup by key is a range of the primary key, and a customer's keys are replaced through
-- ix_crm_match_key_customer. The core writes them on registration, import, changes and merges. Customers stored
-- before this version get their name key ('n:' and the name_key column) here, so they are found as before;
-- their other keys are written the next time they change (docs/customers.md).

CREATE TABLE crm_match_key (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    match_key VARCHAR(200) COLLATE "C" NOT NULL,
    customer_id UUID NOT NULL,
    CONSTRAINT pk_crm_match_key PRIMARY KEY (tenant_id, match_key, customer_id)
);
CREATE INDEX ix_crm_match_key_customer ON crm_match_key (tenant_id, customer_id);
INSERT INTO crm_match_key (tenant_id, match_key, customer_id)
    SELECT tenant_id, CONCAT('n:', name_key), id FROM crm_customer WHERE merged_into IS NULL AND name_key IS NOT NULL;
INSERT INTO crm_schema_version (version) VALUES (17);
