/**
 * The forecast domain's vocabulary that callers and storages share: whom a sales quota or a forecast submission is
 * for ({@link dev.crmkit.model.forecast.QuotaScope}), a submission's figures and who made it.
 */
package dev.crmkit.model.forecast;
