/**
 * Driven ports other than storage: the interfaces through which CRMKit reaches out to the host's world. The
 * {@link dev.crmkit.core.port.EventListener}, which receives the {@link dev.crmkit.core.port.PublishedEvent}s the
 * outbox relay delivers, with {@link dev.crmkit.core.port.RecordingEventListener} as the in-repository
 * implementation for tests and examples; and the {@link dev.crmkit.core.port.MessageChannel} a host implements to plug
 * in its mail, SMS or push provider, with {@link dev.crmkit.core.port.RecordingMessageChannel} for tests and
 * {@link dev.crmkit.core.port.LoggingMessageChannel} for examples; the host's catalogues the loyalty domain asks,
 * {@link dev.crmkit.core.port.ProductCatalogue} (a product's category and price) and
 * {@link dev.crmkit.core.port.RewardCatalogue} (what a reward costs in points), with
 * {@link dev.crmkit.core.port.InMemoryProductCatalogue} and {@link dev.crmkit.core.port.InMemoryRewardCatalogue} for
 * tests and examples; and the {@link dev.crmkit.core.port.ExchangeRates} by date through which amounts are converted
 * into a reporting currency, with {@link dev.crmkit.core.port.FixedExchangeRates}, a fixed table, as the
 * implementation that ships. Depends on {@code common} (money) and the SPI's outbox and message records only.
 */
package dev.crmkit.core.port;
