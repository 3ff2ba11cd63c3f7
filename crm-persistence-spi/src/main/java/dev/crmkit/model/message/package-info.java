/**
 * What a caller of messaging passes and reads: channel kinds, recipients, message content, origin, status and
 * delivery, and the filter that lists messages.
 */
package dev.crmkit.model.message;
