/** The forecast domain's vocabulary that callers and storages share: whom a sales quota is for. */
package dev.crmkit.model.forecast;
