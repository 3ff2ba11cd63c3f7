package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import dev.crmkit.spi.ticket.BusinessCalendarStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Business-hours calendars in {@code crm_business_calendar}, one row per tenant and scope key ({@code tenant} for the
 * tenant's default, else the team's id), replaced by compare-and-set ({@link JdbcSlots}).
 */
final class JdbcBusinessCalendarStore implements BusinessCalendarStore {
    private static final String TENANT = "tenant";

    private final JdbcSlots<BusinessCalendarRecord> slots;

    JdbcBusinessCalendarStore(Database db) {
        this.slots = new JdbcSlots<>(db, "business calendar", "crm_business_calendar", List.of("scope_key"),
                List.of("team_id", "zone", "hours", "holidays"),
                r -> new BusinessCalendarRecord(r.text("tenant_id"), r.id("id"), r.number("version"),
                        r.instant("created_at"), r.instant("updated_at"), r.id("team_id"), r.text("zone"),
                        ServiceLevelText.hours(r.text("hours")), ServiceLevelText.holidays(r.text("holidays"))));
    }

    @Override
    public BusinessCalendarRecord save(BusinessCalendarRecord c, long expectedVersion) {
        Checks.required("calendar", c);
        return slots.save(c, List.of(scope(c.teamId())), java.util.Arrays.asList(c.teamId(), c.zone(),
                ServiceLevelText.hours(c.hours()), ServiceLevelText.holidays(c.holidays())), expectedVersion);
    }

    @Override
    public Optional<BusinessCalendarRecord> get(String tenantId, UUID teamId) {
        Checks.tenantId("tenantId", tenantId);
        return slots.get(tenantId, List.of(scope(teamId)));
    }

    private static String scope(UUID teamId) {
        return teamId == null ? TENANT : teamId.toString();
    }
}
