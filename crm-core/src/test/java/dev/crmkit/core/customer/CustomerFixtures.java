package dev.crmkit.core.customer;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Customers, tenants and storage set up the way the customer tests need them. */
final class CustomerFixtures {
    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private CustomerFixtures() {
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** A fresh in-memory CRMKit reading German national phone numbers, under the given duplicate policy. */
    static World world(DuplicatePolicy policy) {
        InMemoryStorage storage = new InMemoryStorage();
        TestClock clock = new TestClock();
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy(policy).importBatchSize(3).build()).build();
        return new World(storage, clock, crm, crm.tenant("acme"));
    }

    /** A fresh in-memory CRMKit reading German national phone numbers, with this customer module. */
    static World world(CustomerModule.Builder module) {
        InMemoryStorage storage = new InMemoryStorage();
        TestClock clock = new TestClock();
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .defaultPhoneRegion("DE").module(module.build()).build();
        return new World(storage, clock, crm, crm.tenant("acme"));
    }

    /** A surname whose Double Metaphone code differs for every number below 1,000 (consonants only count). */
    static String surname(int n) {
        String consonants = "bklmnrstfj";
        StringBuilder name = new StringBuilder();
        int rest = n;
        for (int i = 0; i < 3; i++) {
            name.append(consonants.charAt(rest % 10)).append('a');
            rest /= 10;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A fresh world under the WARN policy. */
    static World world() {
        return world(DuplicatePolicy.WARN);
    }

    /** One storage, one clock, one Crm and the tenant {@code acme}. */
    record World(InMemoryStorage storage, TestClock clock, Crm crm, TenantCrm acme) {
        CustomerService customers() {
            return acme.service(CustomerService.class);
        }

        /** Every event written so far, in order, claimed (so each call sees only the events since the last). */
        List<OutboxEvent> drainOutbox() {
            List<OutboxEvent> events = storage.outbox().claim("test", 1000, Duration.ofMinutes(5), clock.instant());
            storage.outbox().markDelivered("test", events.stream().map(OutboxEvent::id).toList(), clock.instant());
            return events;
        }

        /** Adds a sales rep to the tenant's team and returns the member id, which may own customers. */
        UUID owner(String userId) {
            return acme.service(TeamService.class).add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP)).id();
        }

        /** Defines the custom fields the fixtures use: loyalty_number (text), lifetime_value (number, required). */
        World withCustomFields() {
            acme.service(CustomFieldService.class).define(DefineCustomField.optional("loyalty_number", "Loyalty number", CustomFieldType.TEXT));
            acme.service(CustomFieldService.class).define(DefineCustomField.required("lifetime_value", "Lifetime value", CustomFieldType.NUMBER));
            return this;
        }
    }

    /** A shopper who signed up in the web shop, typing her contact details a little carelessly. */
    static RegisterPerson webShopPerson() {
        return RegisterPerson.named("Anna", "Müller")
                .withEmail("  Anna.Mueller@Example.COM ")
                .withPhone("030 1234567")
                .withContactPoint(NewContactPoint.postal(berlinAddress()))
                .withTag("webshop")
                .withExternalRef("WS-1001");
    }

    /** The same shopper as the shop's call centre typed her in: other spelling, same phone. */
    static RegisterPerson callCentrePerson() {
        return RegisterPerson.named("Anna", "Mueller").withPhone("+49 30 1234567");
    }

    /** A buyer at a supplier, met at a trade fair. */
    static RegisterPerson tradeFairContact() {
        return RegisterPerson.named("Jonas", "Becker")
                .withEmail("jonas.becker@supplier.example")
                .withOrganizationName("Supplier GmbH");
    }

    /** A business customer. */
    static RegisterOrganization supplierCompany() {
        return RegisterOrganization.named("Supplier GmbH").withEmail("info@supplier.example").withPhone("+49 89 4444444");
    }

    static PostalAddress berlinAddress() {
        return new PostalAddress("Friedrichstraße 12", "Berlin", null, "10117", "DE");
    }

    static CustomFieldValue number(String value) {
        return new CustomFieldValue.Number(new BigDecimal(value));
    }
}
