-- A customer's owner is a team member's id, as a lead's and a deal's owner are; it was the host's user id. An owner
-- that is the user id of a team member of the tenant becomes that member's id; an owner that names no team member is
-- cleared (add such users as team members before migrating to keep them; docs/operations.md says so).
ALTER TABLE crm_customer ADD COLUMN owner_member_id UUID;
UPDATE crm_customer c SET owner_member_id = (SELECT m.id FROM crm_team_member m
    WHERE m.tenant_id = c.tenant_id AND m.user_id = c.owner_id);
DROP INDEX ix_crm_customer_owner;
ALTER TABLE crm_customer DROP COLUMN owner_id;
ALTER TABLE crm_customer ALTER COLUMN owner_member_id RENAME TO owner_id;
CREATE INDEX ix_crm_customer_owner ON crm_customer (tenant_id, owner_id, id);
INSERT INTO crm_schema_version (version) VALUES (12);
