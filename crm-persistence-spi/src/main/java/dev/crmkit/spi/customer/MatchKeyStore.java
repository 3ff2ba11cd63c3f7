package dev.crmkit.spi.customer;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The blocking keys of customer matching: for each customer, the keys (a phonetic surname with an initial, a date of
 * birth with a postcode, ...) under which the core looks for customers to compare it with. Keys are opaque text to
 * storage; the core computes them and keeps them current when a customer is registered, changed or merged. Every
 * method is scoped by {@code tenantId}.
 *
 * <p>The lookup pages (keyset), so a caller that follows the cursor sees every customer holding a key, however many
 * there are: matching compares every candidate a key yields instead of the first few.
 */
public interface MatchKeyStore {
    /** The longest key, in characters. */
    int MAX_KEY_LENGTH = 200;

    /**
     * A key two or more customers hold, and how many.
     *
     * @param key the key
     * @param holders how many customers hold it, 2 or more
     */
    record SharedKey(String key, int holders) {
    }

    /** The most keys one customer holds, and the most keys or customers one call takes. */
    int MAX_KEYS = 1000;

    /**
     * Replaces every key of the customer with {@code keys}; an empty set removes them all. Whether the customer exists
     * is not checked. Repeating a call changes nothing.
     *
     * @throws dev.crmkit.model.ValidationException ({@code tenantId}, {@code customerId}, {@code keys}) when one is
     *     missing or malformed, a key is blank or longer than {@link #MAX_KEY_LENGTH}, or there are more than
     *     {@link #MAX_KEYS}; nothing changes
     */
    void replace(String tenantId, UUID customerId, Set<String> keys);

    /**
     * {@link #replace} for up to {@link #MAX_KEYS} customers at once (an import batch), as one batch of statements.
     *
     * @throws dev.crmkit.model.ValidationException as {@link #replace}, on {@code keys[<customer id>]}, or
     *     ({@code keysByCustomer}) when the map is null or has too many customers; nothing changes
     */
    void replaceAll(String tenantId, Map<UUID, Set<String>> keysByCustomer);

    /**
     * Stores the keys of up to {@link #MAX_KEYS} customers that hold none yet, such as the customers an import batch
     * inserts in the same unit: afterwards each holds exactly the keys given, as after {@link #replaceAll}, but
     * without looking for keys to remove first (an adapter may write them as plain inserts). All or nothing; an
     * empty map or an empty set stores nothing.
     *
     * <p>Callers pass only customers that hold no keys. For a customer that does, the outcome is the adapter's: it
     * may replace its keys as {@link #replaceAll} does (the default) or fail the call with a
     * {@link dev.crmkit.model.DuplicateException} when the customer already holds one of the keys given, storing
     * nothing.
     *
     * @throws dev.crmkit.model.ValidationException as {@link #replaceAll}; nothing changes
     */
    default void insertAll(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        replaceAll(tenantId, keysByCustomer);
    }

    /**
     * One page of the (key, customer) pairs whose key is one of {@code keys} (at most {@link #MAX_KEYS} distinct; an
     * empty collection finds none), ordered by key in an order the backend keeps stable (a binary collation) and,
     * within a key, by customer id in {@link dev.crmkit.spi.Ids#ORDER}. Keyset paging: a reader that follows
     * {@code next} until it is absent sees every pair that existed throughout exactly once.
     *
     * @throws dev.crmkit.model.ValidationException ({@code keys}, {@code keys[i]}) when the collection is null, holds null or too many
     *     keys; ({@code page}) when it is null; ({@code cursor}) for a cursor of another query
     */
    Page<MatchKeyRecord> find(String tenantId, Collection<String> keys, PageRequest page);

    /**
     * Up to {@code limit} (1 to {@link #MAX_KEYS}) of the tenant's keys that two or more customers hold, each with
     * how many, in the order of {@link #find} (a binary collation) and strictly after {@code afterKey} (from the first
     * when null): the blocks the bulk duplicate job walks, a batch at a time, without reading the keys only one
     * customer holds into memory. The default, for an adapter written before the job, throws
     * {@link UnsupportedOperationException}.
     *
     * @throws dev.crmkit.model.ValidationException ({@code limit}) when out of range; ({@code afterKey}) when blank
     *     or longer than {@link #MAX_KEY_LENGTH}
     */
    default java.util.List<SharedKey> sharedKeys(String tenantId, String afterKey, int limit) {
        throw new UnsupportedOperationException("this storage cannot list shared match keys");
    }
}
