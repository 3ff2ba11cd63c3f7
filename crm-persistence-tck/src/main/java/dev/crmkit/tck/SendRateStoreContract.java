package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.RatePermit;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The promises of {@link SendRateStore}: the generic cell rate algorithm, shared by every caller. */
public abstract class SendRateStoreContract extends ContractSupport {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private SendRateStore rates() {
        return capability(MessageStorage.class).sendRates();
    }

    private int granted(String limit, Duration interval, int burst, Instant at, int takes) {
        int granted = 0;
        for (int i = 0; i < takes; i++) {
            if (rates().take(limit, interval, burst, at).granted()) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void a_fresh_limit_grants_its_burst_at_once_then_refuses_until_the_next_interval() {
        assertThat(granted("email", SECOND, 3, NOW, 3)).isEqualTo(3);

        assertThat(rates().take("email", SECOND, 3, NOW)).isEqualTo(RatePermit.refusedUntil(NOW.plus(SECOND)));
        assertThat(rates().take("email", SECOND, 3, NOW.plusMillis(999))).isEqualTo(
                RatePermit.refusedUntil(NOW.plus(SECOND)));
        assertThat(rates().take("email", SECOND, 3, NOW.plus(SECOND))).isEqualTo(RatePermit.grant());
        assertThat(rates().take("email", SECOND, 3, NOW.plus(SECOND)))
                .isEqualTo(RatePermit.refusedUntil(NOW.plus(SECOND).plus(SECOND)));
    }

    @Test
    void a_refused_take_spends_nothing() {
        rates().take("sms", SECOND, 1, NOW);
        for (int i = 0; i < 5; i++) {
            assertThat(rates().take("sms", SECOND, 1, NOW.plusMillis(100 * i)).granted()).isFalse();
        }

        assertThat(rates().take("sms", SECOND, 1, NOW.plus(SECOND)).granted()).isTrue();
    }

    @Test
    void after_a_quiet_spell_the_burst_is_available_again_and_no_more() {
        granted("email", SECOND, 3, NOW, 3);

        assertThat(granted("email", SECOND, 3, NOW.plus(Duration.ofHours(1)), 10)).isEqualTo(3);
    }

    @Test
    void permits_follow_the_interval_at_microsecond_precision() {
        Duration interval = Duration.ofNanos(1_500_000);
        assertThat(rates().take("push", interval, 1, NOW).granted()).isTrue();

        assertThat(rates().take("push", interval, 1, NOW.plusNanos(1_499_000)))
                .isEqualTo(RatePermit.refusedUntil(NOW.plusNanos(1_500_000)));
        assertThat(rates().take("push", interval, 1, NOW.plusNanos(1_500_999)).granted()).isTrue();
    }

    @Test
    void over_any_span_at_most_burst_plus_span_over_interval_permits_are_granted() {
        Duration interval = Duration.ofMillis(100);
        int granted = 0;
        for (int tick = 0; tick <= 100; tick++) {
            granted += granted("email", interval, 5, NOW.plusMillis(10L * tick), 3);
        }

        // 1,000 ms span: the burst of 5 plus one permit per 100 ms
        assertThat(granted).isEqualTo(5 + 10);
    }

    @Test
    void limits_are_independent_and_their_names_compare_exactly() {
        granted("email", SECOND, 1, NOW, 1);

        assertThat(rates().take("EMAIL", SECOND, 1, NOW).granted()).isTrue();
        assertThat(rates().take("email.2", SECOND, 1, NOW).granted()).isTrue();
        assertThat(rates().take("email", SECOND, 1, NOW).granted()).isFalse();
    }

    @Test
    void a_permit_taken_inside_a_unit_that_rolls_back_stays_taken() {
        assertThatThrownBy(() -> storage().transactions().run(() -> {
            assertThat(rates().take("email", SECOND, 1, NOW).granted()).isTrue();
            throw new IllegalStateException("the caller's unit fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rates().take("email", SECOND, 1, NOW).granted()).isFalse();
    }

    @Test
    void takes_at_once_from_many_threads_never_grant_more_than_the_burst() throws Exception {
        int threads = 6;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        if (rates().take("shared", SECOND, 7, NOW).granted()) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(granted).hasValue(7);
    }

    @Test
    void bad_arguments_are_refused_naming_the_argument() {
        assertField(() -> rates().take(null, SECOND, 1, NOW), "limit");
        assertField(() -> rates().take("", SECOND, 1, NOW), "limit");
        assertField(() -> rates().take("x".repeat(65), SECOND, 1, NOW), "limit");
        assertField(() -> rates().take("email", null, 1, NOW), "interval");
        assertField(() -> rates().take("email", Duration.ZERO, 1, NOW), "interval");
        assertField(() -> rates().take("email", Duration.ofNanos(999), 1, NOW), "interval");
        assertField(() -> rates().take("email", Duration.ofDays(1).plusNanos(1000), 1, NOW), "interval");
        assertField(() -> rates().take("email", SECOND, 0, NOW), "burst");
        assertField(() -> rates().take("email", SECOND, SendRateStore.MAX_BURST + 1, NOW), "burst");
        assertField(() -> rates().take("email", SECOND, 1, null), "now");

        assertThat(rates().take("email", SECOND, 1, NOW).granted()).isTrue();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
