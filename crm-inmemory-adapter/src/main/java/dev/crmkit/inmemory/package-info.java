/**
 * The storage SPI in process memory. Start at {@link dev.crmkit.inmemory.InMemoryStorage}; it is what the core's
 * tests and the quick-start examples run on, and it passes the whole {@code crm-persistence-tck} suite.
 */
package dev.crmkit.inmemory;
