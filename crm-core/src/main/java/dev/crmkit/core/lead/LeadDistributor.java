package dev.crmkit.core.lead;

import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadRotationRecord;
import dev.crmkit.spi.lead.LeadStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the eligible candidates for a lead and lets the tenant's strategy choose among them. Eligible means: in
 * the pool (the tenant, or one team; the pool's roles), available now, and below capacity. Each assignment saves
 * the pool's rotation with the version it read, which serializes concurrent distributors of one pool: the second
 * gets a conflict instead of acting on counts that are no longer true.
 *
 * <p>That holds only because the rotation is read <em>before</em> the open-lead counts. Every assignment of the pool
 * saves the rotation in the unit that stores its lead and the lead's count, so a count read after the rotation is at
 * least as new as the rotation's version: an assignment committed between the two reads has moved the version on,
 * and the save over the old version conflicts. Read the other way round (counts first, as until issue 13), such an
 * assignment went unseen in the counts but not in the version, the save passed on stale counts, and a rep of capacity
 * 1 received two leads on PostgreSQL ({@code CapacityOnTwoNodesTest}). At MariaDB's REPEATABLE READ both reads came
 * from one snapshot and agreed; CRMKit's units there now run at READ COMMITTED, like PostgreSQL's.
 */
final class LeadDistributor {
    private static final int PAGE = 500;

    private final Storage storage;

    private final LeadStorage leadStorage;
    private final String tenantId;
    private final LeadSettings settings;
    private final TeamService team;

    LeadDistributor(Storage storage, String tenantId, LeadSettings settings, TeamService team) {
        this.storage = storage;
        this.leadStorage = this.storage.capability(LeadStorage.class).orElseThrow();
        this.tenantId = tenantId;
        this.settings = settings;
        this.team = team;
    }

    /** Whether the tenant distributes automatically at all. */
    boolean isAutomatic() {
        return settings.distribution() != null;
    }

    /** The member the strategy chooses for the lead, never {@code excluded}; empty when nobody can take it. */
    Optional<UUID> choose(Lead lead, Instant now, UUID excluded) {
        if (!isAutomatic()) {
            return Optional.empty();
        }
        // the rotation before the counts: see the class comment
        Optional<LeadRotationRecord> rotation = leadStorage.leads().rotation(tenantId, settings.pool());
        List<Candidate> candidates = eligible(now, excluded);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        UUID last = rotation.map(LeadRotationRecord::lastMemberId).orElse(null);
        Optional<UUID> chosen = settings.distribution().choose(lead, candidates, last);
        if (chosen.isEmpty()) {
            return chosen;
        }
        if (candidates.stream().noneMatch(c -> c.member().id().equals(chosen.get()))) {
            throw new IllegalStateException("the distribution strategy chose a member it was not offered");
        }
        leadStorage.leads().saveRotation(new LeadRotationRecord(tenantId, settings.pool(), chosen.get(), 1),
                rotation.map(LeadRotationRecord::version).orElse(0L));
        return chosen;
    }

    /**
     * A run of assignments for a batch of new leads: the pool, its open-lead counts and its rotation read once,
     * then each {@link Run#choose} decides as {@link #choose} would with the earlier choices of the run counted,
     * and {@link Run#save} stores the rotation once, by compare-and-set on the version read here.
     */
    Run run(Instant now) {
        if (!isAutomatic()) {
            return new Run(List.of(), null, 0);
        }
        // the rotation before the counts: see the class comment
        Optional<LeadRotationRecord> rotation = leadStorage.leads().rotation(tenantId, settings.pool());
        List<Candidate> candidates = eligible(now, null);
        if (candidates.isEmpty()) {
            return new Run(List.of(), null, 0);
        }
        return new Run(candidates, rotation.map(LeadRotationRecord::lastMemberId).orElse(null),
                rotation.map(LeadRotationRecord::version).orElse(0L));
    }

    /** One batch's assignments; see {@link #run}. Not thread-safe: one batch, one thread. */
    final class Run {
        private final List<Candidate> candidates;
        private final long version;
        private final UUID read;
        private UUID last;
        private boolean chosen;
        private boolean saved;

        private Run(List<Candidate> candidates, UUID last, long version) {
            this.candidates = new ArrayList<>(candidates);
            this.read = last;
            this.last = last;
            this.version = version;
        }

        /** The member the strategy chooses for the lead given the run's earlier choices; empty when nobody can. */
        Optional<UUID> choose(Lead lead) {
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            Optional<UUID> choice = settings.distribution().choose(lead, List.copyOf(candidates), last);
            if (choice.isEmpty()) {
                return choice;
            }
            int at = -1;
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).member().id().equals(choice.get())) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new IllegalStateException("the distribution strategy chose a member it was not offered");
            }
            Candidate taking = candidates.get(at);
            Candidate after = new Candidate(taking.member(), taking.openLeads() + 1);
            if (after.spareCapacity() > 0) {
                candidates.set(at, after);
            } else {
                candidates.remove(at);
            }
            last = choice.get();
            chosen = true;
            return choice;
        }

        /**
         * Stores the rotation if the run chose anyone.
         *
         * @throws dev.crmkit.model.ConflictException when another assignment of the pool saved it since the run read
         *     it; nothing changes
         */
        void save() {
            if (chosen) {
                leadStorage.leads().saveRotation(new LeadRotationRecord(tenantId, settings.pool(), last, 1), version);
                saved = true;
            }
        }

        /**
         * Puts the rotation back as the run read it, after {@link #save} stored choices whose leads will not be
         * stored (the batch is decided again), so round robin skips nobody. Inside the run's transaction, which holds
         * the rotation since the save, so it cannot conflict.
         */
        void undo() {
            if (saved) {
                leadStorage.leads().saveRotation(new LeadRotationRecord(tenantId, settings.pool(), read, 1),
                        version + 1);
                saved = false;
            }
        }
    }

    /** The pool's members available at {@code now} and below capacity, in id order, with their open leads. */
    List<Candidate> eligible(Instant now, UUID excluded) {
        MemberFilter filter = MemberFilter.everyone().withRoles(settings.poolRoles());
        if (settings.poolTeamId() != null) {
            filter = filter.inTeam(settings.poolTeamId());
        }
        List<TeamMember> members = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<TeamMember> page = team.availableMembers(filter, now, request);
            page.items().stream().filter(m -> !m.id().equals(excluded)).forEach(members::add);
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        if (members.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> open = leadStorage.leads().openCountsByOwner(tenantId,
                members.stream().map(TeamMember::id).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (TeamMember member : members) {
            Candidate candidate = new Candidate(member, open.getOrDefault(member.id(), 0));
            if (candidate.spareCapacity() > 0) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /**
     * Whether the member can take one more lead now, for an assignment by hand, serialized with distribution and with
     * other manual assignments as a distribution is: the pool's rotation is read before the member's count and saved
     * back with the version read (its last member unchanged), so an assignment committed in between makes this unit's
     * save conflict instead of taking the member past capacity.
     */
    boolean reserveForManualAssignment(TeamMember member, Instant now) {
        Optional<LeadRotationRecord> rotation = leadStorage.leads().rotation(tenantId, settings.pool());
        if (!canTake(member, now)) {
            return false;
        }
        leadStorage.leads().saveRotation(new LeadRotationRecord(tenantId, settings.pool(),
                rotation.map(LeadRotationRecord::lastMemberId).orElse(member.id()), 1),
                rotation.map(LeadRotationRecord::version).orElse(0L));
        return true;
    }

    /** Whether the member can take one more lead now: available, in the pool's roles, below capacity. */
    private boolean canTake(TeamMember member, Instant now) {
        if (!member.availableAt(now)) {
            return false;
        }
        int open = leadStorage.leads().openCountsByOwner(tenantId, List.of(member.id())).getOrDefault(member.id(), 0);
        return open < member.capacity();
    }
}
