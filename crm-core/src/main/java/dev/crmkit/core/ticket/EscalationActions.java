package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketPriority;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in {@link EscalationAction}s. {@link #notifyPeople()} and {@link #raisePriority()} are available to every
 * tenant's steps; {@link #reassignToNextTier(List)} needs the host's ordering of support tiers and is listed in
 * {@link EscalationSettings#withActions(List)}.
 */
public final class EscalationActions {
    /** The name of {@link #notifyPeople()}. */
    public static final String NOTIFY = "notify";
    /** The reason code of the priority change {@link #raisePriority()} records. */
    public static final String ESCALATION = "escalation";
    /** The name of {@link #raisePriority()}. */
    public static final String RAISE_PRIORITY = "raise-priority";
    /** The name of {@link #reassignToNextTier(List)}. */
    public static final String REASSIGN_NEXT_TIER = "reassign-next-tier";

    private EscalationActions() {
    }

    /** {@value #NOTIFY}: records {@link TicketEscalationNotified} for the host to send. */
    public static EscalationAction notifyPeople() {
        return named(NOTIFY, e -> Optional.of(new EscalationAction.Effect.Notify()));
    }

    /** {@value #RAISE_PRIORITY}: raises the priority one step; an {@code URGENT} ticket stays as it is. */
    public static EscalationAction raisePriority() {
        return named(RAISE_PRIORITY, e -> e.ticket().priority() == TicketPriority.URGENT ? Optional.empty()
                : Optional.of(new EscalationAction.Effect.RaisePriority()));
    }

    /**
     * {@value #REASSIGN_NEXT_TIER}: reassigns the ticket to the support tier after its assignee's team, the tiers being
     * teams from first line to last; an unassigned ticket (or one whose assignee is in no tier's team) goes to the
     * first tier, one in the last tier stays. A simple ordering until routing by skill chooses better.
     *
     * @param tiers the tiers' team ids, first line first: 1 to 20, none twice
     * @throws ValidationException ({@code tiers}) when null, empty, too many, holding null or a team twice
     */
    public static EscalationAction reassignToNextTier(List<UUID> tiers) {
        Checks.noNulls("tiers", tiers);
        if (tiers.isEmpty() || tiers.size() > 20 || new HashSet<>(tiers).size() != tiers.size()) {
            throw new ValidationException("tiers", "must be 1 to 20 teams, none twice");
        }
        List<UUID> order = List.copyOf(tiers);
        return named(REASSIGN_NEXT_TIER, e -> {
            int at = e.assigneeTeamId() == null ? -1 : order.indexOf(e.assigneeTeamId());
            return at == order.size() - 1 ? Optional.empty()
                    : Optional.of(new EscalationAction.Effect.ReassignToTeam(order.get(at + 1)));
        });
    }

    private static EscalationAction named(String name,
            java.util.function.Function<Escalating, Optional<EscalationAction.Effect>> decide) {
        return new EscalationAction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Effect> effect(Escalating escalating) {
                return decide.apply(escalating);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
