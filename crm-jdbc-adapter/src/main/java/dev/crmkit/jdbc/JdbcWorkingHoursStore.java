package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.team.WorkingHoursRecord;
import dev.crmkit.spi.team.WorkingHoursStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Team members' working hours in {@code crm_team_member_hours}, one row per member, replaced by compare-and-set
 * ({@link JdbcSlots}).
 */
final class JdbcWorkingHoursStore implements WorkingHoursStore {
    private final JdbcSlots<WorkingHoursRecord> slots;

    JdbcWorkingHoursStore(Database db) {
        this.slots = new JdbcSlots<>(db, "working hours", "crm_team_member_hours", List.of("member_id"),
                List.of("zone", "hours"),
                r -> new WorkingHoursRecord(r.text("tenant_id"), r.id("id"), r.number("version"),
                        r.instant("created_at"), r.instant("updated_at"), r.id("member_id"), r.text("zone"),
                        ServiceLevelText.hours(r.text("hours"))));
    }

    @Override
    public WorkingHoursRecord save(WorkingHoursRecord hours, long expectedVersion) {
        Checks.required("hours", hours);
        return slots.save(hours, List.of(hours.memberId()), List.of(hours.zone(), ServiceLevelText.hours(hours.hours())),
                expectedVersion);
    }

    @Override
    public Optional<WorkingHoursRecord> get(String tenantId, UUID memberId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        return slots.get(tenantId, List.of(memberId));
    }

    @Override
    public Map<UUID, WorkingHoursRecord> getAll(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = JdbcTicketRoutingStore.distinctIds("memberIds", memberIds);
        Map<UUID, WorkingHoursRecord> hours = new LinkedHashMap<>();
        slots.getAll(tenantId, distinct).forEach(h -> hours.put(h.memberId(), h));
        return hours;
    }
}
