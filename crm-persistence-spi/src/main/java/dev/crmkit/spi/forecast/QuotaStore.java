package dev.crmkit.spi.forecast;

import dev.crmkit.model.forecast.QuotaScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sales quotas, one per tenant, member, scope and period, replaced by compare-and-set on the version so that of two
 * changes racing on two nodes exactly one is stored and the other learns it. Scoped by tenant in every call.
 */
public interface QuotaStore {
    /**
     * Stores {@code quota} as the quota of its member, scope and period if the stored one is at
     * {@code expectedVersion}, or, with {@code expectedVersion} 0, if there is none yet. The stored quota is at
     * version {@code expectedVersion + 1} whatever version {@code quota} carries; replacing keeps the stored
     * {@code id} and {@code createdAt} and takes amount, currency and {@code updatedAt} from {@code quota}. Returns
     * the stored record, as {@link #get} reads it back.
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when negative, ({@code quota}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion}
     *     (another change stored first, a racing first quota included, or there is none to replace); nothing changes
     */
    QuotaRecord save(QuotaRecord quota, long expectedVersion);

    /** The quota of the member, scope and period, or empty. */
    Optional<QuotaRecord> get(String tenantId, UUID memberId, QuotaScope scope, String period);

    /**
     * Every quota of the period, ordered by member in {@code Ids.ORDER}, then scope ({@code REP} first). A period's
     * quotas are one per member and scope at most, so they come whole.
     */
    List<QuotaRecord> forPeriod(String tenantId, String period);
}
