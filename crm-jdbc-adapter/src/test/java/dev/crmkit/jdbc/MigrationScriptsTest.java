package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped migration scripts as a host's Flyway would see them: Flyway's versioned-migration file names, the
 * same scripts for every dialect, exactly the ones the built-in migrator applies, and only statements both
 * parsers split the same way (one {@code ;} ending each statement's last line, no procedural blocks).
 */
class MigrationScriptsTest {
    /** Flyway's default naming: prefix V, version of digits separated by dots or underscores, "__", description. */
    private static final Pattern FLYWAY_VERSIONED = Pattern.compile("V\\d+(?:[._]\\d+)*__[A-Za-z0-9_]+\\.sql");

    @Test
    void every_dialect_ships_exactly_the_scripts_the_migrator_applies_under_flyway_names() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            List<String> shipped = scripts(dialect);
            assertThat(shipped).as(dialect + " scripts").allMatch(name -> FLYWAY_VERSIONED.matcher(name).matches());
            assertThat(shipped).as(dialect + " scripts").containsExactlyInAnyOrderElementsOf(SchemaMigrator.SCRIPTS);
        }
    }

    @Test
    void the_migrator_applies_scripts_in_ascending_version_order() {
        List<Integer> versions = SchemaMigrator.SCRIPTS.stream()
                .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void scripts_hold_only_plain_statements_that_flyway_and_the_migrator_split_alike() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            for (String name : scripts(dialect)) {
                String script = Files.readString(folder(dialect).resolve(name), StandardCharsets.UTF_8);
                assertThat(script).as(dialect + "/" + name)
                        .doesNotContain("$$").doesNotContainIgnoringCase("DELIMITER").doesNotContainIgnoringCase("BEGIN");
                List<String> statements = SchemaMigrator.statements(script);
                assertThat(statements).as(dialect + "/" + name).isNotEmpty()
                        .allSatisfy(statement -> assertThat(statement).doesNotContain(";"));
                long terminators = script.lines().map(String::trim)
                        .filter(line -> !line.startsWith("--") && line.endsWith(";")).count();
                assertThat(statements).as(dialect + "/" + name).hasSize((int) terminators);
            }
        }
    }

    @Test
    void every_script_from_version_8_on_records_its_version_for_the_start_up_check() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            for (String name : SchemaMigrator.SCRIPTS) {
                int version = SchemaMigrator.describe(name, "").version();
                if (version < 8) {
                    continue;
                }
                String script = Files.readString(folder(dialect).resolve(name), StandardCharsets.UTF_8);
                assertThat(SchemaMigrator.statements(script)).as(dialect + "/" + name)
                        .contains("INSERT INTO crm_schema_version (version) VALUES (" + version + ")");
            }
        }
    }

    private static List<String> scripts(Dialect dialect) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder(dialect))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path folder(Dialect dialect) throws URISyntaxException {
        URL url = SchemaMigrator.class.getResource("/dev/crmkit/jdbc/migration/" + dialect.migrationFolder());
        assertThat(url).as("migration folder of " + dialect).isNotNull();
        return Path.of(url.toURI());
    }
}
