package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceReportStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ServiceReports} over the storage contract. */
final class StoredServiceReports implements ServiceReports {
    private final DomainContext context;
    private final ServiceReportStore reports;
    private final String tenantId;

    StoredServiceReports(DomainContext context, String tenantId) {
        this.context = context;
        this.reports = context.storage(ServiceReportStorage.class).serviceReports();
        this.tenantId = tenantId;
    }

    @Override
    public List<MilestoneTimes> milestoneTimes(Instant from, Instant to) {
        return reports.milestoneTimes(tenantId, Checks.instant("from", from), Checks.instant("to", to));
    }

    @Override
    public List<BacklogCell> backlog() {
        return backlog(DEFAULT_AGE_BOUNDS);
    }

    @Override
    public List<BacklogCell> backlog(List<Duration> ageBounds) {
        return reports.backlog(tenantId, context.now(), ServiceReportStore.ageBounds(ageBounds));
    }

    @Override
    public List<SatisfactionSummary> satisfactionByAgent(Instant from, Instant to) {
        period(from, to);
        // a storage without surveys has nothing to report; the reports do not need the satisfaction domain to run
        return context.storage().capability(SatisfactionStorage.class)
                .map(s -> s.surveys().summary(tenantId, from, to, SatisfactionGrouping.AGENT)).orElse(List.of());
    }

    @Override
    public Optional<BigDecimal> deflectionPercent(Instant from, Instant to) {
        period(from, to);
        List<ArticleDeflection> articles = context.storage().capability(KnowledgeBaseStorage.class)
                .map(k -> k.articles().deflection(tenantId, from, to, context.now())).orElse(List.of());
        long views = articles.stream().mapToLong(ArticleDeflection::views).sum();
        long deflected = articles.stream().mapToLong(ArticleDeflection::deflected).sum();
        return views == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(deflected * 100)
                .divide(BigDecimal.valueOf(views), 1, RoundingMode.HALF_UP));
    }

    private static void period(Instant from, Instant to) {
        if (!Checks.instant("to", to).isAfter(Checks.instant("from", from))) {
            throw new ValidationException("to", "must be after from");
        }
    }
}
