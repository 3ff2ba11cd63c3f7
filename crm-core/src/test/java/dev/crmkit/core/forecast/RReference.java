package dev.crmkit.core.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference outputs of R ({@code src/test/resources/forecast/reference.R}): the series shipped with R, and what
 * {@code stats::HoltWinters} and {@code forecast::ets} made of them. Long CSV, one number per line.
 */
final class RReference {
    private final Map<String, List<Double>> numbers = new LinkedHashMap<>();
    private final Set<String> cases = new LinkedHashSet<>();

    private RReference(String file) {
        try (InputStream in = RReference.class.getResourceAsStream("/forecast/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("series,")) {
                    continue;
                }
                int last = line.lastIndexOf(',');
                int index = line.lastIndexOf(',', last - 1);
                int key = line.lastIndexOf(',', index - 1);
                String seriesAndCase = line.substring(0, key);
                cases.add(seriesAndCase);
                numbers.computeIfAbsent(seriesAndCase + "|" + line.substring(key + 1, index), k -> new ArrayList<>())
                        .add(Double.parseDouble(line.substring(last + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RReference series() {
        return new RReference("series.csv");
    }

    static RReference holtWinters() {
        return new RReference("holtwinters.csv");
    }

    static RReference ets() {
        return new RReference("ets.csv");
    }

    /** Every "series,case" of the file, in file order. */
    List<String> cases() {
        return List.copyOf(cases);
    }

    boolean has(String seriesAndCase, String key) {
        return numbers.containsKey(seriesAndCase + "|" + key);
    }

    List<Double> values(String seriesAndCase, String key) {
        List<Double> values = numbers.get(seriesAndCase + "|" + key);
        if (values == null) {
            throw new IllegalArgumentException("no " + key + " for " + seriesAndCase);
        }
        return values;
    }

    double value(String seriesAndCase, String key) {
        return values(seriesAndCase, key).get(0);
    }

    /** A series of R's datasets, with its frequency as the seasonal period. */
    static TimeSeries data(String name) {
        RReference data = series();
        String c = name + ",data";
        return new TimeSeries(data.values(c, "x"), (int) data.value(c, "frequency"));
    }
}
