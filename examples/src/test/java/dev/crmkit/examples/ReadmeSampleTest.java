package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first program, exactly as the README shows it, compiled against this build and run on embedded H2: if
 * the API it uses changes, or it stops printing what it promises, this test fails before a new user finds out.
 */
class ReadmeSampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String PLACEHOLDER = "/* your pool (HikariCP, ...) over H2, PostgreSQL or MariaDB */";
    private static final String IMPORTS = String.join("\n",
            "import com.zaxxer.hikari.HikariDataSource;",
            "import dev.crmkit.core.*;",
            "import dev.crmkit.core.customer.*;",
            "import dev.crmkit.core.touchpoint.*;",
            "import dev.crmkit.core.view.*;",
            "import dev.crmkit.jdbc.*;",
            "import dev.crmkit.model.touchpoint.*;",
            "import java.time.*;",
            "import javax.sql.DataSource;");

    @Test
    void the_readmes_first_program_compiles_runs_and_prints_its_events(@TempDir Path dir) throws Exception {
        // given: the README's sample with its data source made an embedded H2 pool
        String sample = firstJavaBlock(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(sample).contains(PLACEHOLDER);
        String program = IMPORTS + "\n\npublic class ReadmeSample {\n    public static void run() throws Exception {\n"
                + sample.replace(PLACEHOLDER, "new HikariDataSource(h2())") + "\n    }\n\n"
                + "    static com.zaxxer.hikari.HikariConfig h2() {\n"
                + "        var config = new com.zaxxer.hikari.HikariConfig();\n"
                + "        config.setJdbcUrl(\"jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1\");\n"
                + "        return config;\n    }\n}\n";
        Path source = dir.resolve("ReadmeSample.java");
        Files.writeString(source, program, StandardCharsets.UTF_8);

        // when: it is compiled against this build's class path and run
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-classpath", classPath(), "-d", dir.toString(),
                source.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        String output = run(dir);

        // then: it printed the view and, thanks to close(), the events of what it did
        assertThat(output).contains("Ada Lovelace: 1 touch point(s)")
                .contains("event customer.registered")
                .contains("event interaction.recorded")
                .contains("event follow-up.scheduled");
    }

    private static String firstJavaBlock(String markdown) {
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(block.find()).as("the README has a java block").isTrue();
        return block.group(1);
    }

    /** The test class path: Surefire names it in a property of its own, since it may start the JVM from a jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String run(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method run = loader.loadClass("ReadmeSample").getMethod("run");
            run.invoke(null);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
