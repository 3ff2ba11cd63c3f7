package dev.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.forecast.Backtest;
import dev.crmkit.core.forecast.BacktestReport;
import dev.crmkit.core.forecast.EtsModel;
import dev.crmkit.core.forecast.FiscalCalendar;
import dev.crmkit.core.forecast.FiscalPeriod;
import dev.crmkit.core.forecast.Forecast;
import dev.crmkit.core.forecast.ForecastLine;
import dev.crmkit.core.forecast.ForecastModule;
import dev.crmkit.core.forecast.ForecastService;
import dev.crmkit.core.forecast.Forecaster;
import dev.crmkit.core.forecast.HoltWinters;
import dev.crmkit.core.forecast.PeriodType;
import dev.crmkit.core.forecast.PipelineForecast;
import dev.crmkit.core.forecast.PredictionInterval;
import dev.crmkit.core.forecast.QuotaAttainment;
import dev.crmkit.core.forecast.SetQuota;
import dev.crmkit.core.forecast.TimeSeries;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.port.ExchangeRate;
import dev.crmkit.core.port.FixedExchangeRates;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.examples.forecast.ForecastReport;
import dev.crmkit.examples.forecast.ForecastReport.ForecastSeries;
import dev.crmkit.examples.forecast.ForecastReport.ModelRow;
import dev.crmkit.examples.forecast.ForecastReport.PipelineCell;
import dev.crmkit.examples.forecast.ForecastReport.QuotaRow;
import dev.crmkit.examples.forecast.ForecastReport.ReportData;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.team.TeamRole;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A sales team's forecast on CRMKit, on embedded H2: three years of won deals with a seasonal year-end rush, an open
 * pipeline for this quarter and the next two in euros and dollars, quotas for the current quarter; then the pipeline forecast
 * by fiscal quarter and category, quota attainment per rep and for the manager's team, and a statistical forecast of
 * the next twelve months' closed-won revenue, written as an HTML report with charts ({@link ForecastReport}).
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class ForecastScenario {
    private static final String TENANT = "northwind-forecast";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    /** Three years and the current quarter's first month. */
    private static final int HISTORY_MONTHS = 37;
    private static final Actor MANAGER = Actor.user("sales-manager");
    /** Each month's won revenue relative to the year's average: quiet summers, a rush before the year ends. */
    private static final double[] SEASON = {0.8, 0.85, 1.05, 0.95, 0.9, 0.85, 0.7, 0.65, 1.0, 1.1, 1.35, 1.8};

    private ForecastScenario() {
    }

    public static void main(String[] args) {
        Path report = Path.of("target", "forecast-report.html");
        run(report);
        System.out.printf("   report written to %s (open it in a browser)%n", report.toAbsolutePath());
    }

    /** Runs the scenario and writes its report to {@code output}; returns the report's numbers. */
    static ReportData run(Path output) {
        ScenarioClock clock = new ScenarioClock(FIRST_MONTH.atDay(1).atStartOfDay(ZONE).toInstant());
        FiscalCalendar calendar = FiscalCalendar.startingIn(Month.JANUARY, FiscalCalendar.YearName.ENDING_YEAR, ZONE);
        LocalDate today = FIRST_MONTH.plusMonths(HISTORY_MONTHS).atDay(10);
        Random noise = new Random(2027);
        FixedExchangeRates rates = FixedExchangeRates.of(List.of(
                ExchangeRate.of("USD", "EUR", FIRST_MONTH.atDay(1), "0.92"),
                ExchangeRate.of("USD", "EUR", today.minusDays(30), "0.95")));
        try (HikariDataSource h2 = embeddedH2();
                Crm crm = Crm.builder()
                        .storage(JdbcStorage.builder().dataSource(h2).migrate(true).build())
                        .clock(clock).defaultPhoneRegion("DE").nodeId("example-node")
                        .module(ForecastModule.builder().calendar(calendar).exchangeRates(rates).build())
                        .build()) {
            TenantCrm sales = crm.tenant(TENANT);

            heading("1. The team: a manager and two reps");
            TeamService team = sales.service(TeamService.class);
            UUID maria = team.add(MemberDetails.of("maria", "Maria Schulz", TeamRole.SALES_MANAGER)).id();
            UUID anja = team.add(MemberDetails.of("anja", "Anja Berger", TeamRole.SALES_REP).withManager(maria)).id();
            UUID ben = team.add(MemberDetails.of("ben", "Ben Okafor", TeamRole.SALES_REP).withManager(maria)).id();
            Map<UUID, String> names = new LinkedHashMap<>();
            names.put(anja, "Anja");
            names.put(ben, "Ben");
            names.put(maria, "Maria (team)");
            System.out.println("   Maria Schulz manages Anja Berger and Ben Okafor");

            heading("2. Three years of won deals");
            UUID customer = sales.service(CustomerService.class)
                    .register(RegisterOrganization.named("Spedition Nord GmbH")).customer().id();
            OpportunityService deals = sales.service(OpportunityService.class);
            int won = history(deals, clock, customer, List.of(anja, ben), noise);
            System.out.printf("   %d deals won from %s to %s%n", won, FIRST_MONTH,
                    FIRST_MONTH.plusMonths(HISTORY_MONTHS - 1));

            heading("3. Today's open pipeline and this quarter's quotas");
            clock.set(today.atTime(9, 0).atZone(ZONE).toInstant());
            int open = openPipeline(deals, customer, List.of(anja, ben), today);
            ForecastService forecast = sales.service(ForecastService.class);
            FiscalPeriod quarter = calendar.period(PeriodType.QUARTER, today);
            forecast.setQuota(SetQuota.forRep(anja, quarter, Money.of("180000", "EUR")));
            forecast.setQuota(SetQuota.forRep(ben, quarter, Money.of("150000", "EUR")));
            System.out.printf("   %d open deals; quotas for %s: Anja 180,000 EUR, Ben 150,000 EUR%n", open,
                    quarter.label());

            heading("4. The pipeline forecast by quarter and category (EUR)");
            PipelineForecast pipeline = forecast.pipeline(PeriodType.QUARTER, today, 3, "EUR");
            List<PipelineCell> cells = new ArrayList<>();
            for (FiscalPeriod period : pipeline.periods()) {
                for (ForecastCategory category : List.of(ForecastCategory.CLOSED, ForecastCategory.COMMIT,
                        ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE)) {
                    ForecastLine line = pipeline.total(period, category);
                    cells.add(new PipelineCell(period.label(), category.name(), line.amount(), line.weightedAmount()));
                    System.out.printf("   %-10s %-9s %3d deals %12s EUR, weighted %12s%n", period.label(), category,
                            line.deals(), line.amount().toPlainString(), line.weightedAmount().toPlainString());
                }
            }

            heading("5. Quota attainment and pipeline coverage for " + quarter.label());
            List<QuotaRow> quotas = new ArrayList<>();
            for (QuotaAttainment a : forecast.attainment(quarter)) {
                String who = names.getOrDefault(a.memberId(), "?");
                quotas.add(new QuotaRow(who, a.quota().amount(), a.closedWon().amount(), a.openPipeline().amount()));
                System.out.printf("   %-13s quota %10s, won %10s, attainment %s, coverage %s%s%n", who,
                        a.quota().amount().toPlainString(), a.closedWon().amount().toPlainString(),
                        a.attainment().map(v -> v.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP)
                                + " %").orElse("-"),
                        a.coverage().map(v -> v.setScale(2, java.math.RoundingMode.HALF_UP) + "x").orElse("-"),
                        a.rolledUp() ? " (rolled up from the reps)" : "");
            }

            heading("6. A statistical forecast of monthly closed-won revenue");
            TimeSeries series = TimeSeries.monthly(monthlyWon(deals, HISTORY_MONTHS));
            EtsModel model = EtsModel.select(series);
            Forecast next = model.forecast(12, 0.8);
            PredictionInterval interval = next.interval(0.8);
            System.out.printf("   model %s (by AICc); next month %.0f EUR, 80 %% interval %.0f to %.0f%n",
                    next.model(), next.mean().get(0), interval.lower().get(0), interval.upper().get(0));
            BacktestReport backtest = Backtest.rollingOrigin(series, 3, 25,
                    List.of(Forecaster.automaticEts(), Forecaster.holtWinters(HoltWinters.Variant.MULTIPLICATIVE),
                            Forecaster.seasonalNaive()));
            backtest.models().forEach(m -> System.out.printf("   backtest %-31s MASE %.2f, sMAPE %.1f %%%n",
                    m.model(), m.mase(), m.smape()));

            List<String> labels = new ArrayList<>();
            for (int i = 0; i < HISTORY_MONTHS + 12; i++) {
                labels.add(FIRST_MONTH.plusMonths(i).toString());
            }
            ReportData data = new ReportData("Northwind forecast, " + quarter.label(), "EUR", cells, quotas,
                    new ForecastSeries(next.model(), labels, series.values(), next.mean(), interval.lower(),
                            interval.upper(), 0.8),
                    backtest.models().stream().map(m -> new ModelRow(m.model(), m.mase(), m.smape())).toList());
            ForecastReport.write(data, output);
            return data;
        }
    }

    /** Won deals month by month: amounts follow the season and a growth of about 12 % a year, with noise. */
    private static int history(OpportunityService deals, ScenarioClock clock, UUID customer, List<UUID> reps,
            Random noise) {
        int won = 0;
        for (int m = 0; m < HISTORY_MONTHS; m++) {
            YearMonth month = FIRST_MONTH.plusMonths(m);
            double growth = Math.pow(1.12, m / 12.0);
            for (int d = 0; d < 3; d++) {
                clock.set(month.atDay(5 + 8 * d).atTime(10, 0).atZone(ZONE).toInstant());
                long amount = Math.round(20_000 * SEASON[month.getMonthValue() - 1] * growth * (0.8 + 0.2 * d)
                        * Math.max(0.5, 1 + 0.15 * noise.nextGaussian()));
                Opportunity deal = deals.open(OpenOpportunity.of(customer, "Deal " + month + "/" + d)
                        .ownedBy(reps.get((m + d) % reps.size()))
                        .withAmount(Money.of(BigDecimal.valueOf(amount), "EUR"))
                        .closingOn(month.atDay(5 + 8 * d)), MANAGER);
                clock.advance(Duration.ofHours(2));
                deals.closeWon(deal.id(), "Signed", MANAGER);
                won++;
            }
        }
        return won;
    }

    /** Open deals for this quarter and the next two, in euros and dollars, at every open stage. */
    private static int openPipeline(OpportunityService deals, UUID customer, List<UUID> reps, LocalDate today) {
        String[] stages = {"negotiation", "proposal", "qualification", "prospecting"};
        int opened = 0;
        for (int i = 0; i < 16; i++) {
            String currency = i % 4 == 3 ? "USD" : "EUR";
            deals.open(OpenOpportunity.of(customer, "Open deal " + i)
                    .inStage(stages[i % stages.length])
                    .ownedBy(reps.get(i % reps.size()))
                    .withAmount(Money.of(BigDecimal.valueOf(15_000L + 5_000L * (i % 5)), currency))
                    .closingOn(today.plusDays(12L + 17L * i)), MANAGER);
            opened++;
        }
        return opened;
    }

    /** The won revenue of each of the first {@code months} months, by the month the deal was won in. */
    private static double[] monthlyWon(OpportunityService deals, int months) {
        double[] sums = new double[months];
        PageRequest page = PageRequest.first(500);
        while (true) {
            Page<Opportunity> result = deals.opportunities(
                    OpportunityFilter.all().withStatuses(Set.of(StageOutcome.WON)), page);
            for (Opportunity o : result.items()) {
                YearMonth month = YearMonth.from(o.closedAt().atZone(ZONE));
                int index = (int) FIRST_MONTH.until(month, java.time.temporal.ChronoUnit.MONTHS);
                if (index >= 0 && index < months) {
                    sums[index] += o.amount().amount().doubleValue();
                }
            }
            if (result.next().isEmpty()) {
                return sums;
            }
            page = page.next(result.next().get());
        }
    }

    private static void heading(String text) {
        System.out.println();
        System.out.println(text);
    }

    private static HikariDataSource embeddedH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:forecast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new HikariDataSource(config);
    }
}
