package dev.crmkit.model.ticket;

import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * How satisfied the customers who answered in a period were, for one group of a report (an agent, a team, the
 * tenant): sums the database adds up, from which the average and the share of satisfied customers follow exactly.
 *
 * @param groupId   the agent's or team's id; null for the tenant's row, and for the row of tickets without one
 * @param responses how many responses, 1 or more
 * @param scoreSum  the sum of their scores
 * @param satisfied how many scored 4 or 5
 */
public record SatisfactionSummary(UUID groupId, long responses, long scoreSum, long satisfied) {
    /**
     * Checks that the sums are possible for scores from 1 to 5.
     *
     * @throws ValidationException ({@code responses}) when they are not
     */
    public SatisfactionSummary {
        if (responses < 1 || satisfied < 0 || satisfied > responses || scoreSum < responses
                || scoreSum > 5 * responses) {
            throw new ValidationException("responses", "must be 1 or more, with a score sum and satisfied count they allow");
        }
    }

    /** The average score, rounded half up to two decimals. */
    public BigDecimal averageScore() {
        return BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(responses), 2, RoundingMode.HALF_UP);
    }

    /** The satisfied responses in percent of all (the CSAT score), rounded half up to one decimal. */
    public BigDecimal satisfiedPercent() {
        return BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
    }
}
