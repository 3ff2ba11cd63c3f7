-- Open leads per owner, kept as state: lead distribution reads one row per team member instead of counting the
-- tenant's leads before every assignment. The lead store changes a row in the same transaction as the lead.
-- The backfill counts the leads an existing installation holds; the open states are those of LeadFilter.OPEN.

CREATE TABLE crm_lead_load (
    tenant_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    member_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    open_leads INTEGER NOT NULL,
    CONSTRAINT pk_crm_lead_load PRIMARY KEY (tenant_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

INSERT INTO crm_lead_load (tenant_id, member_id, open_leads)
    SELECT tenant_id, owner_id, COUNT(*) FROM crm_lead
    WHERE owner_id IS NOT NULL AND status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'NURTURING')
    GROUP BY tenant_id, owner_id;
