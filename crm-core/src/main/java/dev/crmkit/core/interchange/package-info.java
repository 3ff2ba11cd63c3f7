/**
 * Data interchange: reading and writing the CRM's data in files (CSV with Jackson's CSV module). Kept apart from
 * the domain packages, which never import Jackson; start at {@link dev.crmkit.core.interchange.LeadCsvImport}.
 * Uses the public APIs of {@code lead} and {@code customer}.
 */
package dev.crmkit.core.interchange;
