package dev.crmkit.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRMKit's module descriptors, checked the way a host on the module path meets them: {@link ModularHost} runs in a
 * JVM of its own with every CRMKit jar and every dependency on the module path (no class path at all), and a host
 * module that imports the core's internal package is handed to the compiler.
 *
 * <p>The rest of the build runs its tests on the class path (docs/decisions/0003-module-descriptors.md); this test is
 * where the descriptors themselves are exercised.
 */
class ModulePathTest {
    private static String modulePath;
    private static Map<String, List<String>> facts;
    private static String output;

    @BeforeAll
    static void run_the_host_program_on_the_module_path() throws IOException, InterruptedException {
        // given every jar of the host program's runtime class path, CRMKit's and their dependencies', as modules
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get("target", "classes").toAbsolutePath().toString());
        entries.add(Files.readString(Paths.get("target", "module-path.txt"), StandardCharsets.UTF_8).strip());
        modulePath = String.join(File.pathSeparator, entries);

        // when the program runs as a named module
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--module-path", modulePath,
                "--module", "dev.crmkit.modulecheck/dev.crmkit.modulecheck.ModularHost")
                .redirectErrorStream(true)
                .start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the host program ends").isTrue();
        output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status; the program printed:%n%s", output).isZero();
        facts = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                facts.computeIfAbsent(line.substring(0, colon), key -> new ArrayList<>())
                        .add(line.substring(colon + 2));
            }
        }
    }

    @Test
    void every_crmkit_jar_is_a_named_module_of_its_own() {
        assertThat(fact("host module")).isEqualTo("dev.crmkit.modulecheck");
        assertThat(fact("core module")).isEqualTo("dev.crmkit.core");
        assertThat(fact("in-memory module")).isEqualTo("dev.crmkit.inmemory");
        assertThat(fact("jdbc module")).isEqualTo("dev.crmkit.jdbc");
        assertThat(fact("spi module")).isEqualTo("dev.crmkit.spi");
    }

    @Test
    void the_core_exports_every_package_but_its_internal_wiring() {
        List<String> packages = List.of(fact("core packages").split(","));
        List<String> exported = List.of(fact("core exported packages").split(","));

        assertThat(packages).contains("dev.crmkit.core", "dev.crmkit.core.customer", "dev.crmkit.core.module",
                "dev.crmkit.core.internal");
        assertThat(exported)
                .as("a package of the core that is neither exported nor internal: add it to crm-core's"
                        + " module-info.java, or move it into dev.crmkit.core.internal")
                .containsExactlyElementsOf(packages.stream()
                        .filter(name -> !name.equals("dev.crmkit.core.internal")).toList());
        assertThat(fact("internal exported to host")).isEqualTo("false");
    }

    @Test
    void a_reflective_call_into_the_internal_package_is_refused() {
        assertThat(fact("reflective call into internal"))
                .startsWith("refused: ")
                .contains("module dev.crmkit.core does not export dev.crmkit.core.internal");
    }

    @Test
    void the_built_in_domains_are_provided_as_services_and_listed_for_the_class_path_alike() {
        assertThat(fact("domain module providers"))
                .as("crm-core's module-info.java provides ... with and META-INF/services/dev.crmkit.core.module"
                        + ".DomainModule list the same built-in domains")
                .isEqualTo(fact("domain module service file"))
                .contains("dev.crmkit.core.customer.CustomerModule", "dev.crmkit.core.lead.LeadModule");
    }

    @Test
    void a_customer_registered_on_the_in_memory_adapter_is_relayed_and_read_back_by_jackson() {
        assertThat(fact("in-memory modules").split(",")).contains("customer", "touchpoint", "lead", "store.visit");
        assertThat(fact("in-memory relay")).isEqualTo("Run[claimed=4, delivered=4, released=0]");
        assertThat(facts.get("in-memory event")).containsExactly(
                "customer.registered v1 -> dev.crmkit.core.customer.CustomerEvent$CustomerRegistered"
                        + " from dev.crmkit.core",
                "customer.contact-point-added v1 -> dev.crmkit.core.customer.CustomerEvent$ContactPointAdded"
                        + " from dev.crmkit.core",
                "interaction.recorded v1 -> dev.crmkit.core.touchpoint.InteractionRecorded from dev.crmkit.core",
                "visit.booked v1 -> dev.crmkit.modulecheck.visit.VisitBooked from dev.crmkit.modulecheck");
    }

    @Test
    void the_jdbc_adapter_migrates_h2_from_its_own_module_and_its_scripts_are_open_to_a_hosts_migration_tool() {
        assertThat(fact("h2 relay")).isEqualTo("Run[claimed=4, delivered=4, released=0]");
        assertThat(facts.get("h2 event")).hasSize(4).allMatch(line -> line.contains(" v1 -> "));
        assertThat(fact("migration script seen by the class loader")).isEqualTo("true");
    }

    @Test
    void the_storage_contract_suite_runs_on_the_module_path() {
        assertThat(facts.get("tck failure")).as("failures of the suite").isNull();
        assertThat(fact("tck")).matches("found=(\\d+) succeeded=\\1 failed=0 skipped=0");
        assertThat(Integer.parseInt(fact("tck").replaceAll("found=(\\d+) .*", "$1"))).isGreaterThan(250);
    }

    @Test
    void the_compiler_refuses_a_host_module_that_imports_the_internal_package(@TempDir Path sources)
            throws IOException {
        // given a host module that uses an exported package, and one that imports the internal package
        Path fine = module(sources.resolve("fine"), "import dev.crmkit.core.module.DomainModule;",
                "Object uses = DomainModule.class;");
        Path sneaky = module(sources.resolve("sneaky"), "import dev.crmkit.core.internal.Modules;",
                "Object uses = Modules.discovered();");

        // when each is compiled against CRMKit's jars on the module path
        List<String> fineErrors = compile(fine);
        List<String> sneakyErrors = compile(sneaky);

        // then the first compiles, and the second is refused because the core does not export the package
        assertThat(fineErrors).isEmpty();
        assertThat(sneakyErrors).anySatisfy(error -> assertThat(error)
                .contains("package dev.crmkit.core.internal is not visible"));
        assertThat(String.join("\n", sneakyErrors))
                .contains("package dev.crmkit.core.internal is declared in module dev.crmkit.core, which does not"
                        + " export it");
    }

    private static Path module(Path root, String importLine, String field) throws IOException {
        Files.createDirectories(root.resolve("host"));
        Files.writeString(root.resolve("module-info.java"), "module host { requires dev.crmkit.core; }\n");
        Files.writeString(root.resolve("host").resolve("Host.java"),
                "package host;\n" + importLine + "\nclass Host { " + field + " }\n");
        return root;
    }

    private static List<String> compile(Path root) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            // nothing from this test's own class path, where the core's classes sit in the unnamed module
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(
                    root.resolve("module-info.java"), root.resolve("host").resolve("Host.java"));
            List<String> options = List.of("--module-path", modulePath, "-d", root.resolve("out").toString(),
                    "-Xdiags:verbose");
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> diagnostic.getMessage(null))
                .collect(Collectors.toList());
    }

    private static String fact(String key) {
        List<String> values = facts.get(key);
        assertThat(values).as("the program's line '%s: ...'; it printed:%n%s", key, output).isNotNull().hasSize(1);
        return values.get(0);
    }
}
