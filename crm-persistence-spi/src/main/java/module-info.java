/**
 * The storage contract of CRMKit, for adapter authors: the required core every storage offers ({@code Storage}:
 * transactions, outbox, due work, idempotency keys), one capability per domain, the persisted records, criteria,
 * pages and storage errors. Every package is exported, because every type in it is either implemented by an adapter
 * or passed between an adapter and the core. The module needs nothing but {@code java.base}, so any storage can
 * implement it without taking on CRMKit's own dependencies.
 */
module dev.crmkit.spi {
    exports dev.crmkit.spi;
    exports dev.crmkit.spi.customer;
    exports dev.crmkit.spi.customfield;
    exports dev.crmkit.spi.idempotency;
    exports dev.crmkit.spi.lead;
    exports dev.crmkit.spi.loyalty;
    exports dev.crmkit.spi.message;
    exports dev.crmkit.spi.opportunity;
    exports dev.crmkit.spi.outbox;
    exports dev.crmkit.spi.scheduling;
    exports dev.crmkit.spi.team;
    exports dev.crmkit.spi.touchpoint;
}
