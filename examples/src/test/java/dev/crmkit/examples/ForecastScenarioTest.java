package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.examples.forecast.ForecastReport.ReportData;
import dev.crmkit.examples.forecast.ForecastReportInChromiumTest;
import dev.crmkit.examples.forecast.HeadlessChromium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast scenario end to end on embedded H2: the pipeline forecast, the quotas and the statistical forecast it
 * prints, and the report it writes, opened in headless Chromium, where every chart must draw one mark per figure.
 */
class ForecastScenarioTest {
    @TempDir
    Path dir;

    @Test
    void the_forecast_scenario_prints_its_numbers_and_its_report_draws_in_chromium() throws Exception {
        // given
        Path page = dir.resolve("forecast-report.html");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ReportData data;

        // when
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            data = ForecastScenario.run(page);
        } finally {
            System.setOut(original);
        }

        // then the story is told
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("111 deals won from 2024-01 to 2027-01")
                .contains("quotas for FY2027-Q1")
                .containsPattern("FY2027-Q1  CLOSED +3 deals")
                .contains("(rolled up from the reps)")
                .containsPattern("model ETS\\([AM],[NA]d?,[NAM]\\) \\(by AICc\\)")
                .contains("backtest seasonal naive");
        // the team's closed-won is its reps' together, in the report as printed
        assertThat(data.quotas()).extracting(q -> q.rep()).containsExactly("Maria (team)", "Anja", "Ben");
        assertThat(data.quotas().get(0).closedWon())
                .isEqualByComparingTo(data.quotas().get(1).closedWon().add(data.quotas().get(2).closedWon()));
        assertThat(data.forecast().history()).hasSize(37);
        assertThat(data.forecast().mean()).hasSize(12);

        // and the report draws: a bar per non-empty pipeline cell, a bar per quota, the forecast's three marks
        HeadlessChromium chromium = HeadlessChromium.require();
        String dom = chromium.renderedDom(page);
        long cells = data.pipeline().stream().filter(c -> c.amount().compareTo(BigDecimal.ZERO) > 0).count();
        assertThat(dom).contains("data-rendered=\"ok\"");
        assertThat(ForecastReportInChromiumTest.marks(dom, "chart-pipeline")).isEqualTo(cells).isGreaterThan(0);
        assertThat(ForecastReportInChromiumTest.marks(dom, "chart-quota")).isEqualTo(3);
        assertThat(ForecastReportInChromiumTest.marks(dom, "chart-forecast")).isEqualTo(3);
    }
}
