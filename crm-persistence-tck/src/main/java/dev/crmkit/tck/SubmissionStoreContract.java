package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SubmissionRecord;
import dev.crmkit.spi.forecast.SubmissionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link SubmissionStore}: forecast submissions, append-only and versioned per member, scope and period, with their
 * history in keyset pages, lookup by idempotency key and the forecasts as they stood at a cutoff.
 */
public abstract class SubmissionStoreContract extends ContractSupport {
    private static final String Q1 = "FY2026-Q1";

    private final UUID ana = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID bo = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private final UUID maria = UUID.fromString("f0000000-0000-7000-8000-00000000000c");

    private SubmissionStore submissions() {
        return capability(ForecastStorage.class).submissions();
    }

    private static SubmissionRecord submission(String tenant, UUID member, QuotaScope scope, String period,
            long version, UUID by, String commit, String key, Instant at) {
        return new SubmissionRecord(tenant, UUID.randomUUID(), member, scope, period, version,
                by.equals(member) ? SubmissionKind.SUBMITTED : SubmissionKind.ADJUSTED, by,
                ForecastFigures.of("EUR", commit, commit + "0", commit + "00"), key, at);
    }

    private SubmissionRecord mine(long version, String commit, Instant at) {
        return submission(TENANT, ana, QuotaScope.REP, Q1, version, ana, commit, null, at);
    }

    @Test
    void a_submission_is_stored_and_read_back_by_id_key_and_as_the_latest() {
        SubmissionRecord first = submissions().append(submission(TENANT, ana, QuotaScope.REP, Q1, 1, ana, "100.5",
                "call-1", NOW));

        assertThat(submissions().get(TENANT, first.id())).contains(first);
        assertThat(submissions().get(TENANT, first.id()).orElseThrow().figures().commit())
                .isEqualTo(new BigDecimal("100.5000"));
        assertThat(submissions().findByIdempotencyKey(TENANT, "call-1")).contains(first);
        assertThat(submissions().findByIdempotencyKey(TENANT, "CALL-1")).as("keys compare exactly").isEmpty();
        assertThat(submissions().latest(TENANT, ana, QuotaScope.REP, Q1)).contains(first);
        assertThat(submissions().latest(TENANT, ana, QuotaScope.TEAM, Q1)).isEmpty();
        assertThat(submissions().latest(TENANT, ana, QuotaScope.REP, "FY2026-Q2")).isEmpty();
        assertThat(submissions().get(OTHER_TENANT, first.id())).isEmpty();
        assertThat(submissions().findByIdempotencyKey(OTHER_TENANT, "call-1")).isEmpty();
    }

    @Test
    void a_later_version_supersedes_and_the_earlier_stay_readable() {
        SubmissionRecord v1 = submissions().append(mine(1, "100", NOW));
        SubmissionRecord v2 = submissions().append(submission(TENANT, ana, QuotaScope.REP, Q1, 2, maria, "90",
                null, NOW.plusSeconds(60)));

        assertThat(submissions().latest(TENANT, ana, QuotaScope.REP, Q1)).contains(v2);
        assertThat(v2.kind()).isEqualTo(SubmissionKind.ADJUSTED);
        assertThat(submissions().get(TENANT, v1.id())).contains(v1);
        assertThat(submissions().history(TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(10)).items())
                .containsExactly(v2, v1);
    }

    @Test
    void a_version_already_taken_or_skipping_one_is_a_retryable_conflict_and_stores_nothing() {
        SubmissionRecord v1 = submissions().append(mine(1, "100", NOW));

        assertThatThrownBy(() -> submissions().append(mine(1, "200", NOW)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> submissions().append(mine(3, "300", NOW)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> submissions().append(submission(TENANT, bo, QuotaScope.REP, Q1, 2, bo, "1", null,
                NOW))).as("a first submission is version 1").isInstanceOf(ConflictException.class);
        assertThat(submissions().history(TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(10)).items())
                .containsExactly(v1);
        assertThat(submissions().latest(TENANT, bo, QuotaScope.REP, Q1)).isEmpty();
    }

    @Test
    void a_taken_idempotency_key_or_id_is_a_duplicate_and_stores_nothing() {
        SubmissionRecord v1 = submissions().append(submission(TENANT, ana, QuotaScope.REP, Q1, 1, ana, "1", "k",
                NOW));

        assertThatThrownBy(() -> submissions().append(submission(TENANT, bo, QuotaScope.REP, Q1, 1, bo, "2", "k",
                NOW))).isInstanceOfSatisfying(DuplicateException.class,
                        e -> assertThat(e.key()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> submissions().append(new SubmissionRecord(TENANT, v1.id(), bo, QuotaScope.REP, Q1,
                1, SubmissionKind.SUBMITTED, bo, v1.figures(), null, NOW)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(submissions().latest(TENANT, bo, QuotaScope.REP, Q1)).isEmpty();
        submissions().append(submission(OTHER_TENANT, bo, QuotaScope.REP, Q1, 1, bo, "3", "k", NOW));
        assertThat(submissions().findByIdempotencyKey(OTHER_TENANT, "k")).isPresent();
        assertThat(submissions().append(submission(TENANT, bo, QuotaScope.REP, Q1, 1, bo, "4", null, NOW)))
                .as("submissions without key do not clash").isNotNull();
        submissions().append(submission(TENANT, maria, QuotaScope.REP, Q1, 1, maria, "5", null, NOW));
    }

    @Test
    void history_pages_newest_first_neither_skip_nor_repeat_while_submissions_are_appended() {
        for (int v = 1; v <= 5; v++) {
            submissions().append(mine(v, Integer.toString(v), NOW.plusSeconds(v)));
        }
        submissions().append(submission(TENANT, ana, QuotaScope.TEAM, Q1, 1, ana, "9", null, NOW));
        submissions().append(submission(TENANT, ana, QuotaScope.REP, "FY2026-Q2", 1, ana, "9", null, NOW));

        List<Long> seen = new ArrayList<>();
        Page<SubmissionRecord> page = submissions().history(TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(2));
        page.items().forEach(s -> seen.add(s.version()));
        submissions().append(mine(6, "6", NOW.plusSeconds(6)));
        while (page.next().isPresent()) {
            page = submissions().history(TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(2)
                    .next(page.next().get()));
            page.items().forEach(s -> seen.add(s.version()));
        }

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(submissions().history(TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(6)).items())
                .extracting(SubmissionRecord::version).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(submissions().history(OTHER_TENANT, ana, QuotaScope.REP, Q1, PageRequest.first(6)).items())
                .isEmpty();
        assertThatThrownBy(() -> submissions().history(TENANT, ana, QuotaScope.REP, Q1,
                PageRequest.first(2).next(Cursor.of(List.of("x")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void as_of_a_cutoff_each_member_and_scope_has_its_latest_version_submitted_by_then() {
        Instant cutoff = NOW.plus(Duration.ofDays(7));
        submissions().append(mine(1, "100", NOW));
        submissions().append(mine(2, "110", cutoff));
        submissions().append(mine(3, "999", cutoff.plusNanos(1000)));
        submissions().append(submission(TENANT, maria, QuotaScope.TEAM, Q1, 1, maria, "500", null, NOW));
        submissions().append(submission(TENANT, maria, QuotaScope.REP, Q1, 1, maria, "50", null, NOW));
        submissions().append(submission(TENANT, bo, QuotaScope.REP, Q1, 1, bo, "7", null, cutoff.plusSeconds(1)));
        submissions().append(submission(TENANT, bo, QuotaScope.REP, "FY2026-Q2", 1, bo, "8", null, NOW));
        submissions().append(submission(OTHER_TENANT, bo, QuotaScope.REP, Q1, 1, bo, "9", null, NOW));

        assertThat(submissions().asOf(TENANT, Q1, cutoff))
                .extracting(s -> s.memberId() + "/" + s.scope() + "/v" + s.version())
                .containsExactly(ana + "/REP/v2", maria + "/REP/v1", maria + "/TEAM/v1");
        assertThat(submissions().asOf(TENANT, Q1, NOW.minusNanos(1000))).isEmpty();
        assertThat(submissions().asOf(TENANT, "FY2026-Q3", cutoff)).isEmpty();
    }

    @Test
    void a_record_checks_its_kind_against_the_submitter_and_its_figures() {
        assertThatThrownBy(() -> new SubmissionRecord(TENANT, UUID.randomUUID(), ana, QuotaScope.REP, Q1, 1,
                SubmissionKind.SUBMITTED, bo, ForecastFigures.of("EUR", "1", "2", "3"), null, NOW))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("submittedBy"));
        assertThatThrownBy(() -> new SubmissionRecord(TENANT, UUID.randomUUID(), ana, QuotaScope.REP, Q1, 1,
                SubmissionKind.ADJUSTED, ana, ForecastFigures.of("EUR", "1", "2", "3"), null, NOW))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("submittedBy"));
        assertThatThrownBy(() -> new SubmissionRecord(TENANT, UUID.randomUUID(), ana, QuotaScope.REP, "2026-Q1", 1,
                SubmissionKind.SUBMITTED, ana, ForecastFigures.of("EUR", "1", "2", "3"), null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> new SubmissionRecord(TENANT, UUID.randomUUID(), ana, QuotaScope.REP, Q1, 0,
                SubmissionKind.SUBMITTED, ana, ForecastFigures.of("EUR", "1", "2", "3"), null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThatThrownBy(() -> submissions().append(null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("submission"));
    }
}
