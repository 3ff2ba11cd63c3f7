package dev.crmkit.core.team;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamRecord;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.team.WorkingHoursRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link TeamService} over the storage contract. */
final class StoredTeams implements TeamService {
    /** The deepest management chain followed; deeper ones are refused when set and cut when read. */
    static final int MAX_CHAIN = 50;

    private final DomainContext context;
    private final Storage storage;
    private final TeamStorage teamStorage;
    private final String tenantId;

    StoredTeams(DomainContext context, String tenantId) {
        this.context = context;
        this.storage = context.storage();
        this.teamStorage = this.storage.capability(TeamStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    @Override
    public TeamMember add(MemberDetails details) {
        Checks.required("details", details);
        Instant now = context.now();
        TeamMemberRecord candidate = record(context.ids().next(), 1, now, now, details, Availability.ACTIVE, null);
        return inTransaction(() -> {
            checkReferences(candidate);
            TeamMemberRecord stored = teamStorage.teamMembers().insert(candidate);
            context.events().record(new TeamMemberAdded(tenantId, stored.id(), stored.userId(), stored.role(),
                    stored.teamId(), stored.managerId(), stored.capacity(), now));
            return TeamMember.of(stored);
        });
    }

    @Override
    public TeamMember update(UUID memberId, MemberDetails details) {
        Checks.id("memberId", memberId);
        Checks.required("details", details);
        Instant now = context.now();
        // validate the details before reading anything, so bad input fails the same way for any member id
        record(memberId, 1, now, now, details, Availability.ACTIVE, null);
        return inTransaction(() -> {
            TeamMemberRecord before = memberRecord(memberId);
            TeamMemberRecord changed = record(memberId, before.version(), before.createdAt(), now, details,
                    before.availability(), before.awayUntil());
            checkReferences(changed);
            TeamMemberRecord stored = teamStorage.teamMembers().update(changed, before.version());
            context.events().record(new TeamMemberChanged(tenantId, memberId, stored.role(), stored.teamId(),
                    stored.managerId(), stored.capacity(), now));
            return TeamMember.of(stored);
        });
    }

    @Override
    public TeamMember setAway(UUID memberId, Instant until) {
        Checks.id("memberId", memberId);
        Instant back = Checks.instant("until", until);
        Instant now = context.now();
        if (!back.isAfter(now)) {
            throw new ValidationException("until", "must lie in the future");
        }
        return inTransaction(() -> {
            TeamMemberRecord before = memberRecord(memberId);
            if (before.availability() == Availability.DEACTIVATED) {
                throw new IllegalTransitionException("team member", Availability.DEACTIVATED, Availability.AWAY);
            }
            return changeAvailability(before, Availability.AWAY, back, now);
        });
    }

    @Override
    public TeamMember activate(UUID memberId) {
        Checks.id("memberId", memberId);
        return inTransaction(() -> changeAvailability(memberRecord(memberId), Availability.ACTIVE, null,
                context.now()));
    }

    @Override
    public TeamMember deactivate(UUID memberId) {
        Checks.id("memberId", memberId);
        return inTransaction(() -> changeAvailability(memberRecord(memberId), Availability.DEACTIVATED, null,
                context.now()));
    }

    private TeamMember changeAvailability(TeamMemberRecord before, Availability availability, Instant awayUntil,
            Instant now) {
        if (before.availability() == availability && Objects.equals(before.awayUntil(), awayUntil)) {
            return TeamMember.of(before);
        }
        TeamMemberRecord stored = teamStorage.teamMembers().update(new TeamMemberRecord(tenantId, before.id(),
                before.version(), before.createdAt(), now, before.userId(), before.displayName(), before.role(),
                before.teamId(), before.managerId(), before.skills(), before.languages(), before.territories(),
                before.seniority(), before.capacity(), availability, awayUntil), before.version());
        context.events().record(new TeamMemberAvailabilityChanged(tenantId, before.id(), before.availability(),
                availability, awayUntil, now));
        return TeamMember.of(stored);
    }

    @Override
    public TeamMember member(UUID memberId) {
        Checks.id("memberId", memberId);
        return teamStorage.teamMembers().get(tenantId, memberId).map(TeamMember::of)
                .orElseThrow(() -> new NotFoundException("team member", memberId));
    }

    @Override
    public TeamMember memberByUserId(String userId) {
        Checks.userId("userId", userId);
        // the user id is the host's opaque id, so it may name the member in the message
        return teamStorage.teamMembers().findByUserId(tenantId, userId).map(TeamMember::of)
                .orElseThrow(() -> new NotFoundException("team member with user id", userId));
    }

    @Override
    public Page<TeamMember> members(MemberFilter filter, PageRequest page) {
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<TeamMemberRecord> records = teamStorage.teamMembers().find(tenantId, filter, page);
        return new Page<>(records.items().stream().map(TeamMember::of).toList(), records.next());
    }

    @Override
    public Page<TeamMember> availableMembers(MemberFilter filter, Instant at, PageRequest page) {
        Checks.required("filter", filter);
        return members(filter.available(Checks.instant("at", at)), page);
    }

    @Override
    public List<TeamMember> managementChain(UUID memberId) {
        Checks.id("memberId", memberId);
        return inTransaction(() -> {
            TeamMemberRecord member = memberRecord(memberId);
            List<TeamMember> chain = new ArrayList<>();
            Set<UUID> seen = new HashSet<>(Set.of(memberId));
            UUID next = member.managerId();
            while (next != null && seen.add(next) && chain.size() < MAX_CHAIN) {
                Optional<TeamMemberRecord> manager = teamStorage.teamMembers().get(tenantId, next);
                if (manager.isEmpty()) {
                    break;
                }
                chain.add(TeamMember.of(manager.get()));
                next = manager.get().managerId();
            }
            return chain;
        });
    }

    @Override
    public Team createTeam(String name, UUID managerId) {
        Instant now = context.now();
        TeamRecord candidate = teamRecord(context.ids().next(), 1, now, now, name, managerId);
        return inTransaction(() -> {
            checkManagerExists(managerId);
            TeamRecord stored = teamStorage.teams().insert(candidate);
            context.events().record(new TeamCreated(tenantId, stored.id(), stored.managerId(), now));
            return Team.of(stored);
        });
    }

    @Override
    public Team updateTeam(UUID teamId, String name, UUID managerId) {
        Checks.id("teamId", teamId);
        Instant now = context.now();
        teamRecord(teamId, 1, now, now, name, managerId);
        return inTransaction(() -> {
            TeamRecord before = teamStorage.teams().get(tenantId, teamId)
                    .orElseThrow(() -> new NotFoundException("team", teamId));
            checkManagerExists(managerId);
            TeamRecord stored = teamStorage.teams().update(teamRecord(teamId, before.version(), before.createdAt(), now,
                    name, managerId), before.version());
            context.events().record(new TeamChanged(tenantId, teamId, stored.managerId(), now));
            return Team.of(stored);
        });
    }

    @Override
    public Team team(UUID teamId) {
        Checks.id("teamId", teamId);
        return teamStorage.teams().get(tenantId, teamId).map(Team::of)
                .orElseThrow(() -> new NotFoundException("team", teamId));
    }

    @Override
    public Page<Team> teams(PageRequest page) {
        Checks.required("page", page);
        Page<TeamRecord> records = teamStorage.teams().list(tenantId, page);
        return new Page<>(records.items().stream().map(Team::of).toList(), records.next());
    }

    // ---- validation ---------------------------------------------------------------------------------------

    private TeamMemberRecord record(UUID id, long version, Instant createdAt, Instant now, MemberDetails d,
            Availability availability, Instant awayUntil) {
        Checks.required("details.role", d.role());
        return new TeamMemberRecord(tenantId, id, version, createdAt, now, Checks.userId("userId", d.userId()),
                Text.required("displayName", d.displayName(), 200), d.role(), d.teamId(), d.managerId(),
                trimmed("skills", d.skills()), languageTags(d.languages()), trimmed("territories", d.territories()),
                d.seniority(), d.capacity(), availability, awayUntil);
    }

    private TeamRecord teamRecord(UUID id, long version, Instant createdAt, Instant now, String name, UUID managerId) {
        return new TeamRecord(tenantId, id, version, createdAt, now, Text.required("name", name, 100), managerId);
    }

    private static Set<String> trimmed(String field, Set<String> values) {
        Checks.noNulls(field, values);
        Set<String> result = new HashSet<>();
        for (String value : values) {
            result.add(Text.required(field + "[]", value, 64));
        }
        return result;
    }

    /** Well-formed BCP 47 tags in canonical case ({@code pt-br} → {@code pt-BR}). */
    private static Set<String> languageTags(Set<String> tags) {
        Checks.noNulls("languages", tags);
        Set<String> result = new HashSet<>();
        for (String tag : tags) {
            Checks.text("languages[]", tag, 35);
            try {
                Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
                String canonical = locale.toLanguageTag();
                if (locale.getLanguage().isEmpty() || "und".equals(canonical)) {
                    throw new ValidationException("languages[]", "must name a language");
                }
                result.add(canonical);
            } catch (IllformedLocaleException e) {
                throw new ValidationException("languages[]", "must be a BCP 47 language tag such as de or pt-BR");
            }
        }
        return result;
    }

    private void checkReferences(TeamMemberRecord member) {
        if (member.teamId() != null && teamStorage.teams().get(tenantId, member.teamId()).isEmpty()) {
            throw new ValidationException("teamId", "names no team of this tenant");
        }
        if (member.managerId() == null) {
            return;
        }
        UUID next = member.managerId();
        for (int depth = 0; next != null; depth++) {
            if (next.equals(member.id())) {
                throw new ValidationException("managerId", "would make the member manage itself through its reports");
            }
            if (depth >= MAX_CHAIN) {
                throw new ValidationException("managerId", "makes a management chain deeper than " + MAX_CHAIN);
            }
            Optional<TeamMemberRecord> manager = teamStorage.teamMembers().get(tenantId, next);
            if (manager.isEmpty()) {
                if (depth == 0) {
                    throw new ValidationException("managerId", "names no team member of this tenant");
                }
                return;
            }
            next = manager.get().managerId();
        }
    }

    private void checkManagerExists(UUID managerId) {
        if (managerId != null && teamStorage.teamMembers().get(tenantId, managerId).isEmpty()) {
            throw new ValidationException("managerId", "names no team member of this tenant");
        }
    }

    @Override
    public MemberWorkingHours setWorkingHours(UUID memberId, WorkingHours hours, long expectedVersion) {
        Checks.id("memberId", memberId);
        Checks.required("hours", hours);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (none stored yet) or more");
        }
        Instant now = context.now();
        return inTransaction(() -> {
            memberRecord(memberId);
            WorkingHoursRecord saved = teamStorage.workingHours().save(new WorkingHoursRecord(tenantId,
                    context.ids().next(), 1, now, now, memberId, hours.zone().getId(), hours.week()), expectedVersion);
            context.events().record(new TeamMemberWorkingHoursSet(tenantId, memberId, saved.version(), saved.zone(),
                    saved.hours().size(), now));
            return workingHours(saved);
        });
    }

    @Override
    public MemberWorkingHours workingHours(UUID memberId) {
        Checks.id("memberId", memberId);
        memberRecord(memberId);
        return teamStorage.workingHours().get(tenantId, memberId).map(StoredTeams::workingHours)
                .orElseThrow(() -> new NotFoundException("working hours of team member", memberId));
    }

    @Override
    public boolean isWorking(UUID memberId, Instant at) {
        Checks.id("memberId", memberId);
        Checks.required("at", at);
        memberRecord(memberId);
        return teamStorage.workingHours().get(tenantId, memberId).map(h -> workingHours(h).hours().isInside(at))
                .orElse(true);
    }

    @Override
    public List<TeamMember> working(List<TeamMember> members, Instant at) {
        Checks.noNulls("members", members);
        Checks.required("at", at);
        List<TeamMember> working = new ArrayList<>();
        for (int from = 0; from < members.size(); from += PageRequest.MAX_LIMIT) {
            List<TeamMember> page = members.subList(from, Math.min(members.size(), from + PageRequest.MAX_LIMIT));
            Map<UUID, WorkingHoursRecord> hours = teamStorage.workingHours().getAll(tenantId,
                    page.stream().map(TeamMember::id).toList());
            page.stream().filter(m -> !hours.containsKey(m.id()) || workingHours(hours.get(m.id())).hours()
                    .isInside(at)).forEach(working::add);
        }
        return working;
    }

    private static MemberWorkingHours workingHours(WorkingHoursRecord r) {
        return new MemberWorkingHours(r.memberId(), r.version(), r.updatedAt(),
                new WorkingHours(java.time.ZoneId.of(r.zone()), r.hours()));
    }

    private TeamMemberRecord memberRecord(UUID memberId) {
        return teamStorage.teamMembers().get(tenantId, memberId)
                .orElseThrow(() -> new NotFoundException("team member", memberId));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
