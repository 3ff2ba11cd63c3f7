package dev.crmkit.core.lead;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.Qualification;

/**
 * When a lead's BANT answers (budget, authority, need, timeline) are enough to qualify it. A rule refuses answers that
 * fall short with a {@link ValidationException} that names what is missing, so the rep knows which question to ask
 * next.
 */
final class QualificationRule {
    private final int answersNeeded;

    private QualificationRule(int answersNeeded) {
        this.answersNeeded = answersNeeded;
    }

    /**
     * The rule CRMKit qualifies by: the need is known, and at least three of the four questions have answers. A lead
     * with money and a deadline but no known need is not worth a sales cycle; one unanswered question is normal.
     */
    static QualificationRule bantWithNeed() {
        return new QualificationRule(3);
    }

    /**
     * Checks the answers.
     *
     * @throws ValidationException ({@code qualification.need}) when the need is not known;
     *     ({@code qualification}) when fewer questions than the rule needs are answered
     */
    void check(Qualification answers) {
        if (answers.need() == null) {
            throw new ValidationException("qualification.need", "must be known to qualify the lead");
        }
        if (answers.answered() < answersNeeded) {
            throw new ValidationException("qualification", "needs at least " + answersNeeded + " of budget,"
                    + " authority, need and timeline answered to qualify the lead");
        }
    }
}
