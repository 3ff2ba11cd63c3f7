package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test setup's own promise: a backend skipped for want of its URL is announced on the console, once. */
class TestDatabasesTest {
    @Test
    void a_missing_url_is_announced_once_naming_the_variable() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        String variable = "CRMKIT_TEST_EXAMPLE_URL_" + System.nanoTime();

        assertThat(TestDatabases.announceSkip(variable, out)).isTrue();
        assertThat(TestDatabases.announceSkip(variable, out)).as("a second class of the same backend").isFalse();

        assertThat(console.toString(StandardCharsets.UTF_8).lines()).singleElement()
                .satisfies(line -> assertThat(line).contains(variable, "SKIPPED"));
    }
}
