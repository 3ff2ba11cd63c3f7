/**
 * Outgoing messages: the e-mails, text messages, push notifications, call-list entries and direct-mail letters the
 * CRM sends through its message channels, with their delivery state, and the shared send rates that keep a channel
 * under its provider's limit. Start at {@link dev.crmkit.spi.message.MessageStorage}.
 */
package dev.crmkit.spi.message;
