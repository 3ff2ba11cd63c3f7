package dev.crmkit.spi.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.StoredRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A deal being worked, won or lost.
 *
 * <ul>
 *   <li>{@code name}: 1 to 200 characters. {@code customerId}, {@code pipelineId}: required.</li>
 *   <li>{@code stageKey}: a key of the pipeline's stages; {@code status} is that stage's outcome.</li>
 *   <li>{@code amount} with {@code currency} (ISO 4217): both set or both null; the amount is non-negative, at
 *       most four places, kept at scale 4.</li>
 *   <li>{@code probability}: 0 to 100. {@code expectedCloseDate}, {@code ownerId} (a team member): optional.</li>
 *   <li>{@code lineItems}: at most 200, in order, priced in {@code currency} (so a deal with line items has one).
 *       {@code contacts}: at most 100 person-role pairs. {@code competitors}: at most 50 names of 1 to 100
 *       characters, kept sorted.</li>
 *   <li>{@code sourceLeadId}, {@code leadSource} (a code of 1 to 64 characters such as {@code web-form}): where the
 *       deal came from, optional.</li>
 *   <li>{@code stageEnteredAt}: when it reached its current stage. {@code closedAt}: set exactly when the status is
 *       not open. {@code closeReason}: at most 500 characters, only on a closed deal.</li>
 * </ul>
 */
public record OpportunityRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String name,
        UUID customerId,
        UUID pipelineId,
        String stageKey,
        StageOutcome status,
        BigDecimal amount,
        String currency,
        int probability,
        ForecastCategory forecastCategory,
        LocalDate expectedCloseDate,
        UUID ownerId,
        List<LineItemRecord> lineItems,
        Set<OpportunityContact> contacts,
        Set<String> competitors,
        UUID sourceLeadId,
        String leadSource,
        Instant stageEnteredAt,
        Instant closedAt,
        String closeReason) implements StoredRecord {
    /** The most line items a deal may have. */
    public static final int MAX_LINE_ITEMS = 200;
    /** The most contact roles a deal may have. */
    public static final int MAX_CONTACTS = 100;
    /** The most competitors a deal may name. */
    public static final int MAX_COMPETITORS = 50;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * The line items and contacts are copied, the competitors sorted, and the amount kept at scale 4; the optional
     * instants are truncated too.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public OpportunityRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("name", name, 200);
        Checks.id("customerId", customerId);
        Checks.id("pipelineId", pipelineId);
        Checks.text("stageKey", stageKey, 64);
        Checks.required("status", status);
        amount = Checks.optionalAmount("amount", amount);
        currency = Checks.optionalCurrency("currency", currency);
        if ((amount == null) != (currency == null)) {
            throw new ValidationException("currency", "must be set exactly when the amount is");
        }
        if (probability < 0 || probability > 100) {
            throw new ValidationException("probability", "must be 0 to 100");
        }
        Checks.required("forecastCategory", forecastCategory);
        lineItems = List.copyOf(Checks.noNulls("lineItems", lineItems));
        if (lineItems.size() > MAX_LINE_ITEMS) {
            throw new ValidationException("lineItems", "must hold at most " + MAX_LINE_ITEMS + " items");
        }
        if (!lineItems.isEmpty() && currency == null) {
            throw new ValidationException("currency", "is required for a deal with line items");
        }
        contacts = Set.copyOf(Checks.noNulls("contacts", contacts));
        if (contacts.size() > MAX_CONTACTS) {
            throw new ValidationException("contacts", "must hold at most " + MAX_CONTACTS + " roles");
        }
        Checks.noNulls("competitors", competitors);
        if (competitors.size() > MAX_COMPETITORS) {
            throw new ValidationException("competitors", "must hold at most " + MAX_COMPETITORS + " names");
        }
        competitors.forEach(c -> Checks.text("competitors[]", c, 100));
        competitors = Collections.unmodifiableSortedSet(new TreeSet<>(competitors));
        Checks.optionalText("leadSource", leadSource, 64);
        if (leadSource != null && leadSource.isBlank()) {
            throw new ValidationException("leadSource", "must not be blank");
        }
        stageEnteredAt = Checks.instant("stageEnteredAt", stageEnteredAt);
        closedAt = Checks.optionalInstant("closedAt", closedAt);
        if ((status == StageOutcome.OPEN) != (closedAt == null)) {
            throw new ValidationException("closedAt", "must be set exactly when the deal is closed");
        }
        Checks.optionalText("closeReason", closeReason, 500);
        if (closeReason != null && status == StageOutcome.OPEN) {
            throw new ValidationException("closeReason", "is only for closed deals");
        }
    }
}
