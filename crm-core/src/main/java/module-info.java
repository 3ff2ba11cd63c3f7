/**
 * CRMKit's domain model and application services: {@code Crm} and its builder, the domains (customers, custom fields,
 * touch points, the 360-degree view, team, leads, opportunities, forecasting, messaging, loyalty, tickets), events and their catalogue, the outbox
 * relay and the due-work scheduler, the ports a host implements (event listeners, message channels), and the module
 * API a host's own domain is written against.
 *
 * <p>Every package is exported except {@code dev.crmkit.core.internal}, which is how {@code Crm} composes the
 * registered domains and is no API. {@code dev.crmkit.spi} is required transitively because the API speaks in its
 * types: a {@code Crm} is built over a {@code Storage}, and every error is one of its {@code CrmException}s. Guava,
 * libphonenumber, Commons Codec (Double Metaphone for customer matching), SLF4J and Jackson are used inside only; none of their types is part of the API. libphonenumber has
 * no module descriptor and is required by the {@code Automatic-Module-Name} its jar declares, which is stable.
 *
 * <p>The built-in domains are service providers of {@code DomainModule}; {@code Crm.builder()} finds them, and any a
 * host's module provides, with {@link java.util.ServiceLoader}. The same list is in
 * {@code META-INF/services/dev.crmkit.core.module.DomainModule} for hosts on the class path.
 */
@SuppressWarnings("requires-automatic") // see above: a stable name
module dev.crmkit.core {
    requires transitive dev.crmkit.spi;
    requires com.google.common;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.apache.commons.codec;
    requires org.slf4j;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.csv;

    exports dev.crmkit.core;
    exports dev.crmkit.core.common;
    exports dev.crmkit.core.customer;
    exports dev.crmkit.core.customfield;
    exports dev.crmkit.core.event;
    exports dev.crmkit.core.forecast;
    exports dev.crmkit.core.interchange;
    exports dev.crmkit.core.lead;
    exports dev.crmkit.core.loyalty;
    exports dev.crmkit.core.messaging;
    exports dev.crmkit.core.module;
    exports dev.crmkit.core.opportunity;
    exports dev.crmkit.core.port;
    exports dev.crmkit.core.scheduling;
    exports dev.crmkit.core.team;
    exports dev.crmkit.core.ticket;
    exports dev.crmkit.core.touchpoint;
    exports dev.crmkit.core.view;

    uses dev.crmkit.core.module.DomainModule;

    provides dev.crmkit.core.module.DomainModule with
            dev.crmkit.core.customer.CustomerModule,
            dev.crmkit.core.customfield.CustomFieldModule,
            dev.crmkit.core.touchpoint.TouchPointModule,
            dev.crmkit.core.view.CustomerViewModule,
            dev.crmkit.core.team.TeamModule,
            dev.crmkit.core.opportunity.OpportunityModule,
            dev.crmkit.core.lead.LeadModule,
            dev.crmkit.core.messaging.MessagingModule,
            dev.crmkit.core.loyalty.LoyaltyModule,
            dev.crmkit.core.forecast.ForecastModule,
            dev.crmkit.core.ticket.TicketModule,
            dev.crmkit.core.ticket.KnowledgeBaseModule,
            dev.crmkit.core.ticket.TicketRoutingModule,
            dev.crmkit.core.ticket.SatisfactionModule,
            dev.crmkit.core.ticket.ServiceReportModule,
            dev.crmkit.core.ticket.TicketTimelineModule;
}
