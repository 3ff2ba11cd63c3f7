/**
 * Data interchange: reading and writing the CRM's data in files (CSV with Jackson's CSV module). Kept apart from
 * the domain packages, which never import Jackson; start at {@link dev.crmkit.core.interchange.LeadCsvImport}, or at
 * {@link dev.crmkit.core.interchange.MessageListCsv} for call lists and direct-mail files. Uses the public APIs of
 * {@code lead}, {@code customer} and {@code messaging}.
 */
package dev.crmkit.core.interchange;
