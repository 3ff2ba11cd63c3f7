package dev.crmkit.examples.forecast;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sales forecast report as one self-contained HTML page: the pipeline by forecast category and period, quota
 * attainment per rep, and the statistical forecast of closed-won revenue with its prediction interval, drawn as SVG
 * charts by a script in the page from data embedded in the page. The page loads nothing from the network, so it opens
 * from a file in any browser, and a table under each chart carries the same numbers for a reader without scripts.
 *
 * <p>When the script has drawn a chart it writes the number of marks it drew (bars, lines, bands) into the chart's
 * {@code data-marks} attribute, and {@code data-rendered="ok"} on the body when every chart drew; a failure writes
 * {@code data-rendered="error: ..."}. {@code ForecastReportInChromiumTest} reads those from headless Chromium.
 */
public final class ForecastReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(title|script|data)}}");

    private ForecastReport() {
    }

    /**
     * The report's numbers.
     *
     * @param title the page's heading
     * @param currency the reporting currency every amount is in
     * @param pipeline the pipeline cells, in the order their periods should be shown
     * @param quotas quota and closed-won amount per rep
     * @param forecast the statistical forecast of closed-won revenue
     * @param backtest the accuracy of each model in a rolling-origin backtest, best first
     */
    public record ReportData(String title, String currency, List<PipelineCell> pipeline, List<QuotaRow> quotas,
            ForecastSeries forecast, List<ModelRow> backtest) {
        /** Checks that every part is present and copies the lists. */
        public ReportData {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(currency, "currency");
            pipeline = List.copyOf(pipeline);
            quotas = List.copyOf(quotas);
            Objects.requireNonNull(forecast, "forecast");
            backtest = List.copyOf(backtest);
        }
    }

    /**
     * The open and closed deals of one fiscal period and forecast category.
     *
     * @param period the period's label, such as {@code FY2027 Q1}
     * @param category the forecast category: closed, commit, best case or pipeline
     * @param amount the deals' amount
     * @param weighted their probability-weighted amount
     */
    public record PipelineCell(String period, String category, BigDecimal amount, BigDecimal weighted) {
    }

    /**
     * One rep's quota for the period and what they closed against it.
     *
     * @param rep the rep's display name
     * @param quota the quota
     * @param closedWon the amount closed-won in the period
     * @param openPipeline the amount still open in the period
     */
    public record QuotaRow(String rep, BigDecimal quota, BigDecimal closedWon, BigDecimal openPipeline) {
    }

    /**
     * A monthly series and its forecast.
     *
     * @param model the chosen model's name, such as {@code ETS(M,Ad,M)}
     * @param labels one label per month: the history's months, then the forecast's
     * @param history the observed values
     * @param mean the forecast's means, one per month after the history
     * @param lower the interval's lower bounds
     * @param upper the interval's upper bounds
     * @param level the interval's coverage, such as 0.8
     */
    public record ForecastSeries(String model, List<String> labels, List<Double> history, List<Double> mean,
            List<Double> lower, List<Double> upper, double level) {
        /** Checks that the lists fit together. */
        public ForecastSeries {
            labels = List.copyOf(labels);
            history = List.copyOf(history);
            mean = List.copyOf(mean);
            lower = List.copyOf(lower);
            upper = List.copyOf(upper);
            if (labels.size() != history.size() + mean.size()) {
                throw new IllegalArgumentException("labels: one per month of history and forecast");
            }
            if (lower.size() != mean.size() || upper.size() != mean.size()) {
                throw new IllegalArgumentException("lower, upper: one per forecast month");
            }
        }
    }

    /**
     * One model's backtest accuracy.
     *
     * @param model the model's name
     * @param mase mean absolute scaled error against the seasonal naive forecast
     * @param smape symmetric mean absolute percentage error, in percent
     */
    public record ModelRow(String model, double mase, double smape) {
    }

    /** The page for {@code data}. */
    public static String html(ReportData data) {
        String json = JSON.writeValueAsString(payload(data))
                // the data sits in a script element: a "</" inside a string must not end it
                .replace("</", "<\\/").replace("<!--", "<\\!--");
        Map<String, String> parts = Map.of("title", escape(data.title()),
                "script", resource("forecast-report.js"), "data", json);
        // one pass, so a title that reads like a placeholder stays text
        return PLACEHOLDER.matcher(resource("forecast-report.html"))
                .replaceAll(m -> Matcher.quoteReplacement(parts.get(m.group(1))));
    }

    /** Writes the page for {@code data} to {@code file}, creating its folder, and returns the file. */
    public static Path write(ReportData data, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, html(data), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> payload(ReportData data) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", data.title());
        p.put("currency", data.currency());
        p.put("pipeline", data.pipeline());
        p.put("quotas", data.quotas());
        p.put("forecast", data.forecast());
        p.put("backtest", data.backtest());
        return p;
    }

    private static String resource(String name) {
        try (InputStream in = ForecastReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
