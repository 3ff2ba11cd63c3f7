/**
 * Driven ports other than storage: the interfaces through which CRMKit reaches out to the host's world. So far the
 * {@link dev.crmkit.core.port.EventListener}, which receives the {@link dev.crmkit.core.port.PublishedEvent}s the
 * outbox relay delivers, with {@link dev.crmkit.core.port.RecordingEventListener} as the in-repository
 * implementation for tests and examples. Message channels, exchange rates and the product catalogue follow here.
 * Depends on the SPI's outbox records only.
 */
package dev.crmkit.core.port;
