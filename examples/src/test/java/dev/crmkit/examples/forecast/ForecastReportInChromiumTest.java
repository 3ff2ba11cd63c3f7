package dev.crmkit.examples.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.examples.forecast.ForecastReport.ForecastSeries;
import dev.crmkit.examples.forecast.ForecastReport.ModelRow;
import dev.crmkit.examples.forecast.ForecastReport.PipelineCell;
import dev.crmkit.examples.forecast.ForecastReport.QuotaRow;
import dev.crmkit.examples.forecast.ForecastReport.ReportData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast report opened in headless Chromium: its script must draw every chart from the embedded data, one
 * mark per non-empty pipeline cell and per rep with a quota, and the history, mean and interval of the forecast.
 */
public class ForecastReportInChromiumTest {
    private static final Pattern RENDERED = Pattern.compile("<body[^>]*data-rendered=\"([^\"]*)\"");

    @TempDir
    Path dir;

    static ReportData sample() {
        return new ReportData("Forecast </script><b>FY2027</b>", "EUR",
                List.of(cell("Q1", "CLOSED", "120000", "120000"), cell("Q1", "COMMIT", "80000", "64000"),
                        cell("Q1", "PIPELINE", "0", "0"), cell("Q2", "BEST_CASE", "50000", "25000"),
                        cell("Q2", "PIPELINE", "90000", "18000")),
                List.of(new QuotaRow("Ana", amount("100000"), amount("70000"), amount("40000")),
                        new QuotaRow("Ben", amount("150000"), amount("160000"), amount("0")),
                        new QuotaRow("Cleo </td>", amount("0"), amount("0"), amount("5000"))),
                new ForecastSeries("ETS(A,N,A)", List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05"),
                        List.of(10.0, 12.0, 11.0), List.of(11.5, 11.7), List.of(9.0, 8.5), List.of(14.0, 14.9), 0.8),
                List.of(new ModelRow("ETS(A,N,A)", 0.81, 7.2), new ModelRow("seasonal naive", 1.0, 9.9)));
    }

    @Test
    void every_chart_draws_one_mark_per_figure_in_chromium() throws Exception {
        // given the report of sample data, with markup in its title and a rep's name
        HeadlessChromium chromium = HeadlessChromium.require();
        Path page = ForecastReport.write(sample(), dir.resolve("report.html"));

        // when Chromium opens it
        String dom = chromium.renderedDom(page);

        // then every chart drew: four non-empty pipeline cells, two reps with a quota, band + mean + history
        assertThat(rendered(dom)).isEqualTo("ok");
        assertThat(marks(dom, "chart-pipeline")).isEqualTo(4);
        assertThat(marks(dom, "chart-quota")).isEqualTo(2);
        assertThat(marks(dom, "chart-forecast")).isEqualTo(3);
        assertThat(count(dom, "<rect[^>]*class=\"bar\"")).isEqualTo(6);
        assertThat(dom).contains("class=\"band\"", "class=\"mean\"", "class=\"history\"");
        // and the data stayed data: the title's markup is text, the tables hold the names and figures
        assertThat(dom).contains("Forecast &lt;/script&gt;&lt;b&gt;FY2027&lt;/b&gt;").doesNotContain("<b>FY2027</b>");
        assertThat(dom).contains("<td>Cleo &lt;/td&gt;</td>", "<td>70 %</td>", "<td>1.33x</td>", "<td>reached</td>");
    }

    @Test
    void a_page_whose_script_does_not_run_is_reported_as_not_drawn() throws Exception {
        // given the same page with its drawing script cut out
        HeadlessChromium chromium = HeadlessChromium.require();
        String html = ForecastReport.html(sample());
        int start = html.lastIndexOf("<script>");
        Path page = dir.resolve("broken.html");
        Files.writeString(page, html.substring(0, start) + "</body></html>", StandardCharsets.UTF_8);

        // when Chromium opens it
        String dom = chromium.renderedDom(page);

        // then the check this test relies on sees that nothing drew
        assertThat(rendered(dom)).isEqualTo("pending");
        assertThat(marks(dom, "chart-pipeline")).isZero();
    }

    private static String rendered(String dom) {
        Matcher m = RENDERED.matcher(dom);
        assertThat(m.find()).as("body with data-rendered in %s", dom).isTrue();
        return m.group(1);
    }

    public static int marks(String dom, String chartId) {
        Matcher m = Pattern.compile("id=\"" + chartId + "\"[^>]*data-marks=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("chart %s", chartId).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long count(String dom, String regex) {
        return Pattern.compile(regex).matcher(dom).results().count();
    }

    private static PipelineCell cell(String period, String category, String amount, String weighted) {
        return new PipelineCell(period, category, amount(amount), amount(weighted));
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
