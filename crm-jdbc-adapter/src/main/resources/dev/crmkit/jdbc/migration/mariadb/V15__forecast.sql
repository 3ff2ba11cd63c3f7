-- Forecasting: the pipeline forecast groups won deals by close instant (ix_crm_opportunity_closed, V4) and open deals
-- by expected close date, which this index serves.

CREATE INDEX ix_crm_opportunity_expected_close ON crm_opportunity (tenant_id, status, expected_close_date);

INSERT INTO crm_schema_version (version) VALUES (15);
