package dev.crmkit.spi.idempotency;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import java.util.Collection;
import java.util.List;

/**
 * The idempotency keys of commands that may be retried, scoped by tenant and by the kind of command. A service
 * records a key in the same unit as the work it keys, and looks it up before it does the work again.
 */
public interface IdempotencyStore {
    /** The most keys {@link #findAll} looks up in one call. */
    int MAX_LOOKUP = 1000;

    /**
     * Records keys, all or nothing.
     *
     * @throws DuplicateException with {@code key() = "idempotencyKey"} when a key is recorded already in its tenant
     *     and scope, or stands twice in the list; nothing is stored
     * @throws ValidationException ({@code keys}) when the list is null or holds nulls
     */
    void recordAll(List<IdempotencyKey> keys);

    /**
     * The keys of this tenant and scope among {@code keys} (at most {@link #MAX_LOOKUP} distinct) that are recorded,
     * in no particular order; keys not recorded are left out. Keys compare exactly, case included.
     */
    List<IdempotencyKey> findAll(String tenantId, String scope, Collection<String> keys);
}
