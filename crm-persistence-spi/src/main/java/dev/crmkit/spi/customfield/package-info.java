/** Typed custom fields: per-tenant definitions and the values customers carry. */
package dev.crmkit.spi.customfield;
