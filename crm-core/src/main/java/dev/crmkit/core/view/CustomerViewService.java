package dev.crmkit.core.view;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * The 360-degree view of a customer for one tenant: one call that gathers profile, contact points, relationships,
 * open follow-ups, contact counts per channel, the leads it came from, what it bought and the newest timeline page
 * ({@link CustomerView}).
 *
 * <p><b>Query count.</b> A view costs at most {@value #STORE_CALLS} store calls whatever the customer's data: one
 * to read the customer, one each for contact points, relationships, the names of the related parties (all of them
 * at once; skipped when there are none), open follow-ups, activity per channel, the leads it was converted from,
 * its purchase totals, its open suspected duplicates and the timeline page. A customer id that was merged costs one more call per merge hop to reach the survivor,
 * whose view is returned. All calls run in one transaction.
 */
public interface CustomerViewService {
    /** The most store calls one view of a live customer costs. */
    int STORE_CALLS = 10;

    /** The most relationships a view shows. */
    int MAX_RELATIONSHIPS = 100;

    /** The most lead origins a view shows. */
    int MAX_ORIGINS = 20;

    /** The most open suspected duplicate pairs a view shows. */
    int MAX_SUSPECTED_DUPLICATES = 20;

    /** The most open follow-ups a view shows. */
    int MAX_OPEN_FOLLOW_UPS = 50;

    /** The timeline page size of {@link #view(UUID)}. */
    int DEFAULT_TIMELINE_SIZE = 20;

    /**
     * The view of a customer with the newest {@value #DEFAULT_TIMELINE_SIZE} interactions.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    CustomerView view(UUID customerId);

    /**
     * The view of a customer with the newest {@code timelineSize} (1 to 1000) interactions.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     * @throws ValidationException when the size is out of range
     */
    CustomerView view(UUID customerId, int timelineSize);
}
