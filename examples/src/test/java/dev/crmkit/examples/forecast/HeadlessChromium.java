package dev.crmkit.examples.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, run as a process that loads a page, lets its scripts run and prints the DOM they left. Without a
 * Chromium the calling test is skipped with a message saying how to enable it, except on CI ({@code CI=true}), where a
 * missing browser is an error: {@code .ci/run} installs Debian's {@code chromium} package, so CI always runs the test.
 */
public final class HeadlessChromium {
    /** The variable that names a Chromium binary when it is not on one of the usual paths. */
    static final String VARIABLE = "CRMKIT_CHROMIUM";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/snap/bin/chromium");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The machine's Chromium; skips the calling test when there is none, fails on CI. */
    public static HeadlessChromium require() {
        Optional<Path> found = Stream.concat(Stream.ofNullable(System.getenv(VARIABLE)), CANDIDATES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String how = "install Chromium (Debian: apt-get install chromium) or set " + VARIABLE
                    + " to a Chromium binary to run the browser test of the forecast report";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("no Chromium found, but CI=true requires the browser test: " + how);
            }
            assumeTrue(false, how);
        }
        return new HeadlessChromium(found.get());
    }

    /** Loads {@code page}, gives its scripts up to ten seconds of virtual time, and returns the DOM as HTML. */
    public String renderedDom(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("crmkit-chromium");
        Path out = Files.createTempFile("crmkit-dom", ".html");
        Path err = Files.createTempFile("crmkit-chromium", ".log");
        try {
            // the flags keep Chromium off the network (this machine's is closed) and away from the user's profile
            Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within 120 s");
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || dom.isBlank()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return dom;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
