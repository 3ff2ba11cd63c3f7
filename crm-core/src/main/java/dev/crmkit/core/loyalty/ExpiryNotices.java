package dev.crmkit.core.loyalty;

import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.SendMessage;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notice of a coming expiry ({@link ExpiryNoticeSettings}). {@link PointsExpiry#afterPosting} schedules its due
 * work next to the expiry's: under a fixed policy one per lot ({@link #LOT_DUE}, keyed by the lot, the membership and
 * the expiry in the payload), under an activity-based one the membership's one notice ({@link #INACTIVITY_DUE}, keyed by
 * the membership), moved with every activity. When the work runs it checks again: nothing when the membership is gone
 * or closed, the programme's policy is no longer of that kind, the points expired already, or nothing is left to
 * expire (spent, or moved by a merge); an activity-based notice whose expiry moved on moves itself on. Otherwise it
 * records {@link ExpiryNotified} (when the member has a contact point of the settings' channel), and the relay of that
 * event sends the message ({@link #send}).
 *
 * <p><b>Once per lot, or per membership and expiry date.</b> The handler runs in a unit of its own and writes an
 * idempotency key of scope {@value #SCOPE} (the lot; the membership and the last activity) in the unit that records the
 * event: a second run, on this node or another, finds it, or fails on its unique key and rolls back.
 */
final class ExpiryNotices implements DueWorkHandler {
    /** The due work of a lot's notice, keyed by the lot's entry. */
    static final String LOT_DUE = "loyalty.lot-expiry-notice";
    /** The due work of a membership's notice under an activity-based policy, keyed by the membership. */
    static final String INACTIVITY_DUE = "loyalty.inactivity-expiry-notice";
    /** The idempotency scope of notices; also the messages' origin code. */
    static final String SCOPE = "loyalty.expiry-notice";

    private final DomainContext context;
    private final ExpiryNoticeSettings settings;

    ExpiryNotices(DomainContext context, ExpiryNoticeSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        if (!settings.notifies(work.tenantId())) {
            return;
        }
        context.storage().transactions().run(() -> {
            if (work.kind().equals(LOT_DUE)) {
                String[] payload = work.payload().split(" ");
                lot(work.tenantId(), UUID.fromString(payload[0]), UUID.fromString(work.key()),
                        Instant.parse(payload[1]));
            } else {
                inactive(work.tenantId(), UUID.fromString(work.key()));
            }
        });
    }

    private void lot(String tenantId, UUID membershipId, UUID lotEntryId, Instant expiresAt) {
        PointsExpiry expiry = new PointsExpiry(context, tenantId, settings);
        Optional<MembershipRecord> member = open(tenantId, membershipId);
        if (member.isEmpty() || expiry.policy(member.get()).kind() != ExpiryKind.FIXED
                || expired(tenantId, lotEntryId)) {
            return;
        }
        long left = context.storage(LoyaltyStorage.class).ledger().lots(tenantId, membershipId, lotEntryId)
                .remaining();
        notify(member.get(), lotEntryId, lotEntryId.toString(), ExpiryKind.FIXED, left, expiresAt);
    }

    private void inactive(String tenantId, UUID membershipId) {
        PointsExpiry expiry = new PointsExpiry(context, tenantId, settings);
        Optional<MembershipRecord> member = open(tenantId, membershipId);
        if (member.isEmpty()) {
            return;
        }
        ExpiryPolicy policy = expiry.policy(member.get());
        Optional<LedgerEntryRecord> last = expiry.lastActivity(membershipId);
        if (policy.kind() != ExpiryKind.ACTIVITY || last.isEmpty() || expired(tenantId, last.get().id())) {
            return;
        }
        Instant expiresAt = PointsExpiry.after(last.get().postedAt(), policy);
        Instant due = settings.noticeAt(expiresAt);
        if (due.isAfter(context.now())) {
            context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), INACTIVITY_DUE,
                    membershipId.toString(), due, null));
            return;
        }
        notify(member.get(), last.get().id(), membershipId + ":" + last.get().id(), ExpiryKind.ACTIVITY,
                member.get().redeemablePoints(), expiresAt);
    }

    private void notify(MembershipRecord member, UUID lotEntryId, String key, ExpiryKind policy, long points,
            Instant expiresAt) {
        Instant now = context.now();
        if (points <= 0 || !expiresAt.isAfter(now)) {
            return;
        }
        Storage storage = context.storage();
        String tenantId = member.tenantId();
        if (address(tenantId, member.customerId()).isEmpty()) {
            return;   // nowhere to send it on the settings' channel
        }
        if (!storage.idempotency().findAll(tenantId, SCOPE, List.of(key)).isEmpty()) {
            return;   // notified already: the work ran again
        }
        try {
            storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, SCOPE, key, member.id(), now)));
        } catch (DuplicateException e) {
            return;   // another node notified a moment ago
        }
        context.events().record(new ExpiryNotified(tenantId, member.id(), member.customerId(), lotEntryId, policy,
                points, expiresAt, now));
    }

    private Optional<MembershipRecord> open(String tenantId, UUID membershipId) {
        return context.storage(LoyaltyStorage.class).memberships().get(tenantId, membershipId)
                .filter(m -> m.status() != MembershipStatus.CLOSED);
    }

    private boolean expired(String tenantId, UUID entryId) {
        return context.storage(LoyaltyStorage.class).ledger().findByIdempotencyKey(tenantId, "expiry:" + entryId)
                .isPresent();
    }

    /**
     * Sends the notice the event asks for, through the messaging domain: to the member at the primary contact point of
     * the settings' channel, else the first by id, under the idempotency key {@code
     * loyalty-expiry-notice-<membershipId>-<lotEntryId>}, so a second delivery of the event sends nothing more. A
     * member without such a contact point is not sent one.
     */
    void send(ExpiryNotified notified, TenantServices tenant) {
        Optional<String> address = address(notified.tenantId(), notified.customerId());
        if (address.isEmpty()) {
            return;
        }
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(notified.expiresAt().atOffset(ZoneOffset.UTC));
        String text = notified.redeemablePoints() + " of your points expire on " + date
                + " unless you use them before.";
        SendMessage message = settings.channel() == ChannelKind.SMS
                ? SendMessage.sms(notified.customerId(), address.get(), text)
                : SendMessage.email(notified.customerId(), address.get(), "Your points expire on " + date, text);
        tenant.service(MessageService.class).send(message.from(SCOPE, notified.membershipId())
                .withIdempotencyKey("loyalty-expiry-notice-" + notified.membershipId() + "-" + notified.lotEntryId()));
    }

    /** The member's primary contact point of the settings' channel, else the first by id. */
    private Optional<String> address(String tenantId, UUID customerId) {
        ContactPointKind kind = settings.channel() == ChannelKind.SMS ? ContactPointKind.PHONE : ContactPointKind.EMAIL;
        return context.storage(CustomerStorage.class).contactPoints().forCustomer(tenantId, customerId).stream()
                .filter(c -> c.kind() == kind)
                .min(Comparator.comparing((ContactPointRecord c) -> !c.primary()).thenComparing(ContactPointRecord::id))
                .map(ContactPointRecord::value);
    }
}
