/** The transactional outbox: domain events stored with the change that caused them, claimed by relays. */
package dev.crmkit.spi.outbox;
