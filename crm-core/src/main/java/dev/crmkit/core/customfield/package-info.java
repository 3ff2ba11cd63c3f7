/**
 * Custom fields: the typed attributes (text, number, date, boolean) a tenant adds to its customers, such as a
 * loyalty number or a preferred branch. A field must be defined here before customers can carry a value for it;
 * the customer domain checks values against these definitions.
 *
 * <p>Start at {@link dev.crmkit.core.customfield.CustomFieldService}, reached through
 * {@code Crm.tenant(id).service(CustomFieldService.class)}. Uses {@code common} and the storage SPI only.
 */
package dev.crmkit.core.customfield;
