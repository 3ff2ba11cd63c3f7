-- Open leads per owner, kept as state: lead distribution reads one row per team member instead of counting the
-- tenant's leads before every assignment. The lead store changes a row in the same transaction as the lead.
-- The backfill counts the leads an existing installation holds; the open states are those of LeadFilter.OPEN.

CREATE TABLE crm_lead_load (
    tenant_id VARCHAR(64) COLLATE "C" NOT NULL,
    member_id UUID NOT NULL,
    open_leads INTEGER NOT NULL,
    CONSTRAINT pk_crm_lead_load PRIMARY KEY (tenant_id, member_id)
);

INSERT INTO crm_lead_load (tenant_id, member_id, open_leads)
    SELECT tenant_id, owner_id, COUNT(*) FROM crm_lead
    WHERE owner_id IS NOT NULL AND status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'NURTURING')
    GROUP BY tenant_id, owner_id;
