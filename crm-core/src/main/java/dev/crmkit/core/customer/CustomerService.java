package dev.crmkit.core.customer;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The customers of one tenant: registration, profile changes, lifecycle, contact points, custom field values,
 * duplicates and merging, relationships and bulk import. Obtain it from {@code crm.tenant("acme").service(CustomerService.class)};
 * every call is scoped to that tenant and never sees another's customers.
 *
 * <p>Each method is one transaction: it changes storage and records its {@link CustomerEvent events} in the outbox
 * together, or changes nothing. Bad input is rejected with a {@link dev.crmkit.model.ValidationException} naming the
 * field before anything is written. A customer id that was merged into another resolves to the survivor
 * everywhere. Errors are {@link dev.crmkit.model.CrmException} subtypes; concurrent changes to the same customer
 * fail with a {@link dev.crmkit.model.ConflictException} rather than overwrite each other.
 */
public interface CustomerService {

    /**
     * Registers a person or an organization, normalizing its contact points and checking for duplicates under the
     * tenant's policy.
     *
     * @throws dev.crmkit.model.ValidationException for an invalid contact point ({@code contactPoints[i].value}) or
     *     custom field ({@code customFields.<key>}: not defined, wrong type, required and missing)
     * @throws dev.crmkit.model.NotPermittedException under {@link DuplicatePolicy#BLOCK} when a candidate scores at least
     *     the tenant's duplicate threshold
     * @throws dev.crmkit.model.DuplicateException when the external reference is taken
     */
    RegistrationResult register(RegisterCustomer command);

    /**
     * Changes names or the external reference and records {@link CustomerEvent.CustomerUpdated} naming the fields that
     * changed. A change that changes nothing writes nothing.
     *
     * @throws dev.crmkit.model.NotFoundException when the customer does not exist in this tenant
     */
    Customer updateDetails(UpdateDetails command);

    /**
     * Moves the customer along its lifecycle: prospect to customer, customer to former customer, former customer
     * back to customer.
     *
     * @throws dev.crmkit.model.IllegalTransitionException for any other move, naming both stages
     */
    Customer changeStage(UUID customerId, LifecycleStage stage);

    /** Gives the customer to an owner, or to none when {@code ownerId} is null. */
    Customer assignOwner(UUID customerId, UUID ownerId);

    /** Adds a tag (1 to 64 characters); adding a tag the customer has changes nothing and records no event. */
    Customer tag(UUID customerId, String tag);

    /** Removes a tag; removing one the customer does not have changes nothing and records no event. */
    Customer untag(UUID customerId, String tag);

    /**
     * Adds a contact point after normalizing it; the first of its kind becomes primary.
     *
     * @throws dev.crmkit.model.ValidationException ({@code contactPoint.value}) for an invalid one, or when the
     *     customer already has the same normalized value
     */
    ContactPoint addContactPoint(UUID customerId, NewContactPoint contactPoint);

    /**
     * Removes a contact point; when it was primary, the next of its kind becomes primary.
     *
     * @throws dev.crmkit.model.NotFoundException when the customer has no such contact point
     */
    Customer removeContactPoint(UUID customerId, UUID contactPointId);

    /** Makes a contact point the primary one of its kind, and the former primary an ordinary one. */
    Customer setPrimaryContactPoint(UUID customerId, UUID contactPointId);

    /**
     * Sets a custom field value.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customFields.<key>}) when the tenant defines no such field
     *     or the value has another type
     */
    Customer setCustomField(UUID customerId, String key, CustomFieldValue value);

    /**
     * Clears a custom field value; clearing one the customer does not have changes nothing.
     *
     * @throws dev.crmkit.model.ValidationException ({@code customFields.<key>}) when the field is required
     */
    Customer clearCustomField(UUID customerId, String key);

    /**
     * The customer with this id; a merged id gives its survivor.
     *
     * @throws dev.crmkit.model.NotFoundException when there is no such customer in this tenant
     */
    Customer get(UUID customerId);

    /** One page of the live customers matching the criterion, ordered by id, with their contact points. */
    Page<Customer> find(CustomerCriterion criterion, PageRequest page);

    /**
     * Links a person to an organization with a role.
     *
     * @throws dev.crmkit.model.ValidationException when the first is not a person or the second not an organization
     * @throws dev.crmkit.model.DuplicateException when the person already has this role there
     */
    Relationship link(UUID personId, UUID organizationId, String role);

    /** Ends a relationship. */
    void unlink(UUID relationshipId);

    /** Up to 1000 relationships the customer takes part in, as person or organization, ordered by id. */
    List<Relationship> relationships(UUID customerId);

    /**
     * Finds the groups of live customers that the matching rules connect, across the whole tenant, reading
     * shared e-mails, phones and name keys page by page rather than loading every customer, comparing the customers
     * that share one, and entering the pairs scoring at least the possible threshold in the review queue. Pairs
     * scoring at least the duplicate threshold are joined into groups with a union-find that, with the pairs entered,
     * stays in memory for the whole call: memory grows with the customers that share something. The other blocking
     * keys (phonetic, date of birth, address, identifiers) are not walked.
     *
     * @deprecated memory is not bounded by anything but the tenant; run {@link #runDuplicateJob} (bounded, resumable,
     *     every blocking key), then read the groups page by page with {@link #duplicateGroups(PageRequest)}
     */
    @Deprecated(since = "0.1.0")
    List<DuplicateGroup> findDuplicateGroups();

    /**
     * One page of the duplicate groups in the review queue: the live customers that open pairs scoring at least the
     * tenant's duplicate threshold connect, directly or through each other, each with every reason of those pairs.
     * The queue is filled by registration, import and the bulk job ({@link #runDuplicateJob}); this method compares
     * nothing and writes nothing, and a dismissed pair joins nothing. Groups come in the order of their best pair
     * (highest score first, then pair id, the queue's order); a customer is in one group at most.
     *
     * <p>Keyset paging: a reader that follows {@code next} until it is absent sees every group whose pairs stay as
     * they are meanwhile exactly once; a group whose best pair is rescored, dismissed or merged meanwhile may be seen
     * twice, changed, or not at all. Memory holds the groups one page gathers, never the queue; a page reads the queue's
     * open pairs down to the threshold until it has {@code page.limit()} groups, and each member's open pairs once.
     *
     * @throws dev.crmkit.model.ValidationException ({@code page}) when null; ({@code cursor}) for a cursor this method
     *     did not issue
     */
    Page<DuplicateGroup> duplicateGroups(PageRequest page);

    /**
     * Runs the bulk duplicate job of this tenant, or continues it where a stopped or crashed run left it: walks every
     * blocking key two or more customers hold, then every e-mail address and phone number two or more share, a batch
     * of blocks at a time read from the database in key order, compares the customers of each block with the rules
     * of registration, and enters the pairs scoring at least the possible threshold into the review queue (source
     * {@code BULK_JOB}; a pair open already is rescored, a dismissed one is not entered again). Memory is bounded by
     * a batch (about 2,000 customers), not by the tenant; a key held by more than 1,000 customers is compared window
     * against window, every pair of its holders; an e-mail or phone held by more than 1,000 is not compared as a
     * block (it counts for nothing in a score, as at registration). Each batch's pairs commit in one unit with the
     * job's checkpoint. Groups are not joined here: the open pairs at or above the duplicate threshold are the
     * duplicates ({@link #suspectedDuplicates}).
     *
     * <p>One run per tenant at a time, on any number of nodes: the run holds the job by a lease renewed with every
     * batch (five minutes). A run that finds the job held is refused; a run whose holder crashed takes it over once
     * the lease has passed, and continues after the last committed batch. A run after a finished one starts a new
     * walk.
     *
     * @param afterEachBatch told the progress after every committed batch and once at the end; answering
     *     {@code false} stops the run after that batch (a later run continues from there)
     * @return the progress when the run ended: {@link DuplicateJobProgress#finished()} unless it was stopped
     * @throws dev.crmkit.model.ValidationException ({@code afterEachBatch}) when null
     * @throws dev.crmkit.model.ConflictException (not retryable) when another run holds the job
     * @throws UnsupportedOperationException when the storage adapter predates the job (it keeps no checkpoints)
     */
    DuplicateJobProgress runDuplicateJob(java.util.function.Predicate<DuplicateJobProgress> afterEachBatch);

    /**
     * The live customers the matching rules say may be the same party as {@code party} (a score of at least the
     * tenant's possible threshold), best score first: the rules registration applies, for other domains (leads) that
     * hold party data of their own. Every customer sharing a blocking key, an e-mail or a phone with the party is
     * compared (see {@link MatchSettings} and docs/customers.md); two queries per 500 candidates, and one lookup of
     * the pairs a reviewer dismissed per 1,000 ids: a candidate whose pair with the party's id was dismissed is left
     * out until the pair is reopened.
     */
    List<DuplicateCandidate> findMatches(PartyProfile party);

    /**
     * The tenant's matching settings (thresholds, weights, the custom fields holding a date of birth and identifiers),
     * as every path that matches customers applies them: for other domains that compare parties of their own with
     * {@link PartyProfile#reasonsToMatch(PartyProfile, MatchSettings)} (lead de-duplication), so that the same rules
     * hold everywhere.
     */
    MatchSettings matchSettings();

    /** The most customers {@link #estimateMatchWeights} samples. */
    int MAX_SAMPLE_CUSTOMERS = 100_000;

    /** The most candidate pairs {@link #estimateMatchWeights} compares. */
    int MAX_SAMPLE_PAIRS = 10_000_000;

    /**
     * Estimates match weights from this tenant's own customers, for the host to review and, if it likes them, store
     * as the tenant's ({@link MatchSettings#withWeights}); nothing is written. Samples up to {@code sampleCustomers}
     * live customers evenly (the same data gives the same sample), compares each with every candidate its blocking
     * keys, e-mails and phones yield (each pair once, up to {@code maxPairs} pairs), and fits the pairs' levels of
     * agreement by expectation-maximisation (two classes, one party and two, fields independent within a class). Each
     * level the sample showed gets the weight {@code log2(m / u)}; the even weight becomes the fitted share's log
     * odds, so a score is the fitted chance that a candidate pair is one party. Memory is bounded by the sample, not
     * the tenant; one pass through the tenant's customers, then the lookups of {@link #findMatchesAll} per 500
     * sampled. The fit assumes duplicates are a minority of the candidate pairs and that fields disagree
     * independently; a tenant with few duplicates gives loose estimates (see each level's pair count).
     *
     * @throws dev.crmkit.model.ValidationException ({@code sampleCustomers}) unless 1 to
     *     {@link #MAX_SAMPLE_CUSTOMERS}; ({@code maxPairs}) unless 1 to {@link #MAX_SAMPLE_PAIRS}
     */
    MatchWeightEstimate estimateMatchWeights(int sampleCustomers, int maxPairs);

    /** The most parties {@link #findMatchesAll} takes in one call. */
    int MAX_PARTIES = 1000;

    /**
     * {@link #findMatches} for many parties at once, for bulk capture: the blocking keys of the whole list looked up
     * together (a page per 1,000 keys and rows), e-mails and phones per 200 values, then two queries per 500
     * candidates, and a lookup of dismissed pairs per 1,000 ids (as {@link #findMatches}). Every party's id is a key
     * of the result (an empty list when nothing matches); parties are matched
     * with stored customers only, not with each other. At most {@link #MAX_PARTIES} parties with distinct ids. Every
     * holder of a blocking key is compared; an e-mail or phone is read up to 1,000 holders, and a value shared that
     * widely counts for nothing in a score anyway.
     *
     * @throws dev.crmkit.model.ValidationException ({@code parties}) when the list is null, holds nulls, repeats an
     *     id or is too long
     */
    java.util.Map<UUID, List<DuplicateCandidate>> findMatchesAll(List<PartyProfile> parties);

    /**
     * Merges {@code mergedId} into {@code survivorId}: the survivor keeps its id and gains the other's contact
     * points (without repeating values), tags, missing custom field values, interactions, tasks, relationships and
     * opportunities, the contact roles the merged person holds on deals, and the leads linked to or converted into
     * the merged customer; the merged customer then resolves to the survivor. The merged customer's open suspected
     * duplicate pairs leave the queue: the one with the survivor as merged, the others as closed. One transaction.
     *
     * @throws dev.crmkit.model.ValidationException when both ids name the same customer, or when a registered domain's
     *     part refuses to move its rows (its documentation says when; the merge then changes nothing)
     */
    Customer merge(UUID survivorId, UUID mergedId, Actor actor);

    /**
     * One page of the review queue: the open suspected duplicate pairs, highest score first and, at equal scores, by
     * pair id; only those of {@code customerId} (a merged customer's id names its survivor) when it is not null.
     * Matching puts a pair in the queue when registration (under {@link DuplicatePolicy#WARN}, or below the duplicate
     * threshold under {@link DuplicatePolicy#BLOCK}), an import (below the duplicate threshold),
     * {@link #findDuplicateGroups()} or the bulk job ({@link #runDuplicateJob}) scores two customers at least the
     * possible threshold; a pair found again while
     * open is rescored, not repeated.
     *
     * @throws dev.crmkit.model.ValidationException ({@code page}) when null, ({@code cursor}) for a cursor of another
     *     query
     * @throws dev.crmkit.model.NotFoundException when {@code customerId} names no customer of this tenant
     */
    Page<DuplicatePair> suspectedDuplicates(UUID customerId, PageRequest page);

    /**
     * A suspected duplicate pair, whatever its status.
     *
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such pair
     */
    DuplicatePair suspectedDuplicate(UUID pairId);

    /**
     * Dismisses an open pair: the two are different parties. Matching never suggests the pair again
     * ({@link #findMatches}, registration, import, {@link #findDuplicateGroups()}, {@link #runDuplicateJob}) unless a
     * reviewer {@linkplain #reopenDuplicate reopens} it. The reason is kept with the pair, not put in the event.
     *
     * @param expectedVersion the pair's version the reviewer saw
     * @throws dev.crmkit.model.ValidationException ({@code reason}) when blank or longer than 500 characters;
     *     ({@code pairId}, {@code actor}) when null
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such pair
     * @throws dev.crmkit.model.ConflictException when the pair's version is no longer {@code expectedVersion}: it was
     *     rescored or decided meanwhile (of two reviewers deciding at once, one wins); nothing changes
     * @throws dev.crmkit.model.IllegalTransitionException when the pair is not open
     */
    DuplicatePair dismissDuplicate(UUID pairId, long expectedVersion, String reason, Actor actor);

    /**
     * Puts a dismissed pair back in the queue.
     *
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such pair
     * @throws dev.crmkit.model.ConflictException when the pair's version is no longer {@code expectedVersion}
     * @throws dev.crmkit.model.IllegalTransitionException when the pair is not dismissed
     */
    DuplicatePair reopenDuplicate(UUID pairId, long expectedVersion, Actor actor);

    /**
     * Resolves an open pair by merging its other customer into {@code survivorId}, one of its two, through
     * {@link #merge}: the pair becomes merged, and the merged customer's other open pairs are closed. One transaction.
     *
     * @return the survivor
     * @throws dev.crmkit.model.ValidationException ({@code survivorId}) when it is not one of the pair's customers
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such pair
     * @throws dev.crmkit.model.ConflictException when the pair's version is no longer {@code expectedVersion}; nothing
     *     changes
     * @throws dev.crmkit.model.IllegalTransitionException when the pair is not open
     */
    Customer mergeDuplicate(UUID pairId, long expectedVersion, UUID survivorId, Actor actor);

    /**
     * Imports customers in batches, each batch one transaction written with bulk inserts. Rows that fail validation
     * or duplicate another row or a stored customer (same external reference, e-mail or phone, or a score of at least
     * the duplicate threshold under the matching rules) are reported and skipped; the others are stored. Imported customers record {@link CustomerEvent.CustomerRegistered} events.
     */
    ImportReport importCustomers(Iterator<? extends RegisterCustomer> rows, ImportProgress progress);

    /** {@link #importCustomers(Iterator, ImportProgress)} over a stream, which it closes. */
    default ImportReport importCustomers(Stream<? extends RegisterCustomer> rows, ImportProgress progress) {
        Checks.required("rows", rows);
        try (rows) {
            return importCustomers(rows.iterator(), progress);
        }
    }
}
