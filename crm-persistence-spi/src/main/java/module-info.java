/**
 * The vocabulary CRMKit's callers and its storages share, and the storage contract for adapter authors, in one jar
 * that needs nothing but {@code java.base}, so any storage can implement it without taking on CRMKit's own
 * dependencies.
 * <ul>
 *   <li>{@code dev.crmkit.model} and {@code dev.crmkit.model.<domain>}: what a user of the core passes and reads:
 *       errors, pages, the shared validation rules, and per domain the values, enums, filters and report rows
 *       (a channel, a report period, a qualification, a lead filter).</li>
 *   <li>{@code dev.crmkit.spi} and {@code dev.crmkit.spi.<domain>}: what only an adapter author implements or
 *       handles: the required core every storage offers ({@code Storage}: transactions, outbox, due work,
 *       idempotency keys), one capability per domain, its stores and the records they persist.</li>
 * </ul>
 * Every package is exported: the model because callers use it, the SPI because adapters implement it.
 */
module dev.crmkit.spi {
    exports dev.crmkit.model;
    exports dev.crmkit.model.customer;
    exports dev.crmkit.model.customfield;
    exports dev.crmkit.model.forecast;
    exports dev.crmkit.model.lead;
    exports dev.crmkit.model.loyalty;
    exports dev.crmkit.model.message;
    exports dev.crmkit.model.opportunity;
    exports dev.crmkit.model.team;
    exports dev.crmkit.model.ticket;
    exports dev.crmkit.model.touchpoint;
    exports dev.crmkit.spi;
    exports dev.crmkit.spi.customer;
    exports dev.crmkit.spi.customfield;
    exports dev.crmkit.spi.forecast;
    exports dev.crmkit.spi.idempotency;
    exports dev.crmkit.spi.lead;
    exports dev.crmkit.spi.loyalty;
    exports dev.crmkit.spi.message;
    exports dev.crmkit.spi.opportunity;
    exports dev.crmkit.spi.outbox;
    exports dev.crmkit.spi.scheduling;
    exports dev.crmkit.spi.team;
    exports dev.crmkit.spi.ticket;
    exports dev.crmkit.spi.touchpoint;
}
