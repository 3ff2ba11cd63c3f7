-- Customer merges repoint the leads linked to the merged customer (LeadStore.moveCustomer) and the contact roles it
-- holds on deals (OpportunityStore.moveAll); without these indexes each would read every row of the tenant.

CREATE INDEX ix_crm_lead_matched ON crm_lead (tenant_id, matched_customer_id);
CREATE INDEX ix_crm_opportunity_contact_person ON crm_opportunity_contact (tenant_id, person_id);
