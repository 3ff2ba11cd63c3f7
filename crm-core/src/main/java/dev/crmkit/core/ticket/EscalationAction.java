package dev.crmkit.core.ticket;

import java.util.Optional;
import java.util.UUID;

/**
 * A named action an {@link EscalationStep} runs. It decides, and CRMKit carries its decision out in the step's unit:
 * {@link Effect.Notify notify} (records {@link TicketEscalationNotified}, which the host turns into a message through
 * its channels), {@link Effect.RaisePriority raise the priority} one step, or {@link Effect.ReassignToTeam reassign}
 * the ticket to an available member of a team. The built-in actions are in {@link EscalationActions}; a host plugs its
 * own by implementing this interface and listing it in {@link EscalationSettings}.
 *
 * <p>The {@link #name() name} is what steps name and what {@code ticket.escalated} records: lower-case letters, digits
 * and '-', 1 to 50 characters, from a letter. An action must not read or write storage and must answer quickly: it
 * runs inside the unit that escalates the ticket.
 */
public interface EscalationAction {
    /** The action's name; see the type's documentation. */
    String name();

    /**
     * What the action does to the escalating ticket, or empty for nothing (a null answer counts as empty).
     *
     * @param escalating the ticket and its milestone
     */
    Optional<Effect> effect(Escalating escalating);

    /** What an action does to a ticket. */
    sealed interface Effect {
        /** Tell people: records {@link TicketEscalationNotified}, for the host to send through its channels. */
        record Notify() implements Effect {
        }

        /**
         * Raise the ticket's priority one step ({@code LOW} to {@code NORMAL} and so on; an {@code URGENT} ticket
         * stays): records {@code ticket.priority-changed} with {@code override} false and the reason
         * {@value EscalationActions#ESCALATION}.
         */
        record RaisePriority() implements Effect {
        }

        /**
         * Assign the ticket to the first member of the team (in id order) who takes new work now; nothing when the
         * team has none, or the assignee is in it already.
         *
         * @param teamId the team
         */
        record ReassignToTeam(UUID teamId) implements Effect {
            /**
             * Checks the team id.
             *
             * @throws dev.crmkit.model.ValidationException ({@code teamId}) when null
             */
            public ReassignToTeam {
                dev.crmkit.model.Checks.id("teamId", teamId);
            }
        }
    }
}
