/** Custom fields' types and the typed values customers carry. */
package dev.crmkit.model.customfield;
