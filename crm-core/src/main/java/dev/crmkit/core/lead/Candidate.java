package dev.crmkit.core.lead;

import dev.crmkit.core.team.TeamMember;
import dev.crmkit.model.Checks;

/**
 * A team member a lead may go to, with the number of open leads they own now. The distributor offers only
 * candidates who are available and below their capacity, so no strategy can break those rules.
 */
public record Candidate(TeamMember member, int openLeads) {
    /** @throws dev.crmkit.model.ValidationException ({@code member}) when the member is null */
    public Candidate {
        Checks.required("member", member);
    }

    /** How many more open leads the member can take. */
    public int spareCapacity() {
        return member.capacity() - openLeads;
    }
}
