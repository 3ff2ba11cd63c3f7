/**
 * The vocabulary every CRMKit caller speaks: the {@link dev.crmkit.model.CrmException errors} every call may
 * throw (each names the field or record and the reason, never personal data), keyset {@link dev.crmkit.model.Page
 * pages} with their {@link dev.crmkit.model.PageRequest requests} and {@link dev.crmkit.model.Cursor cursors}, and
 * {@link dev.crmkit.model.Checks}, the validation rules both the core and every storage apply.
 *
 * <p>The packages {@code dev.crmkit.model.<domain>} hold each domain's values, enums, filters and report rows. They
 * live in the SPI jar because the storage contract speaks them too; a user of the core never needs anything from
 * {@code dev.crmkit.spi}.
 */
package dev.crmkit.model;
