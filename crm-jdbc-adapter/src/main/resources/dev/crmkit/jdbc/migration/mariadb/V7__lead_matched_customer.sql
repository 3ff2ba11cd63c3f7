-- Customer merges repoint the leads linked to the merged customer (LeadStore.moveCustomer); without an index the
-- update would read every lead of the tenant.

CREATE INDEX ix_crm_lead_matched ON crm_lead (tenant_id, matched_customer_id);
