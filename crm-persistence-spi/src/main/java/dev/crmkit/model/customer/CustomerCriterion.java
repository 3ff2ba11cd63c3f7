package dev.crmkit.model.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A condition on live customers, composed as a tree; the storage evaluates it where the data lives (the JDBC
 * adapter turns it into parameterized SQL). Every backend must give the same answer for the same tree and
 * data; the TCK checks that against {@link #test(CustomerRecord)}, the reference meaning of each node.
 *
 * <p>A field comparison matches only customers that have a value for the field; {@link Not} of it therefore
 * also matches those without one. Text and boolean fields support {@link Comparison#EQ} and
 * {@link Comparison#NE} only; text compares exactly, case included.
 */
public sealed interface CustomerCriterion {
    /** The reference meaning of this criterion for one record. */
    boolean test(CustomerRecord customer);

    /** Every live customer. */
    static CustomerCriterion all() {
        return new All();
    }

    /** Matches every customer. */
    record All() implements CustomerCriterion {
        @Override
        public boolean test(CustomerRecord customer) {
            return true;
        }
    }

    /** Matches when every one of at least one operand matches. */
    record And(List<CustomerCriterion> operands) implements CustomerCriterion {
        /** @throws ValidationException ({@code operands}) when the list is null, empty or holds null; it is copied */
        public And {
            operands = List.copyOf(Checks.noNulls("operands", operands));
            if (operands.isEmpty()) {
                throw new ValidationException("operands", "must not be empty");
            }
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return operands.stream().allMatch(o -> o.test(customer));
        }
    }

    /** Matches when any one of at least one operand matches. */
    record Or(List<CustomerCriterion> operands) implements CustomerCriterion {
        /** @throws ValidationException ({@code operands}) when the list is null, empty or holds null; it is copied */
        public Or {
            operands = List.copyOf(Checks.noNulls("operands", operands));
            if (operands.isEmpty()) {
                throw new ValidationException("operands", "must not be empty");
            }
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return operands.stream().anyMatch(o -> o.test(customer));
        }
    }

    /** Matches when the operand does not. */
    record Not(CustomerCriterion operand) implements CustomerCriterion {
        /** @throws ValidationException ({@code operand}) when the operand is null */
        public Not {
            Checks.required("operand", operand);
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return !operand.test(customer);
        }
    }

    /** Matches customers of the given kind. */
    record KindIs(PartyKind kind) implements CustomerCriterion {
        /** @throws ValidationException ({@code kind}) when the kind is null */
        public KindIs {
            Checks.required("kind", kind);
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return customer.kind() == kind;
        }
    }

    /** Matches customers in any of the given, at least one, lifecycle stages. */
    record StageIn(Set<LifecycleStage> stages) implements CustomerCriterion {
        /** @throws ValidationException ({@code stages}) when the set is null, empty or holds null; it is copied */
        public StageIn {
            stages = Set.copyOf(Checks.noNulls("stages", stages));
            if (stages.isEmpty()) {
                throw new ValidationException("stages", "must not be empty");
            }
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return stages.contains(customer.lifecycleStage());
        }
    }

    /** Matches customers owned by the given team member. */
    record OwnedBy(UUID ownerId) implements CustomerCriterion {
        /** @throws ValidationException ({@code ownerId}) when the owner id is null */
        public OwnedBy {
            Checks.required("ownerId", ownerId);
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return ownerId.equals(customer.ownerId());
        }
    }

    /** Matches customers carrying the tag, compared exactly. */
    record HasTag(String tag) implements CustomerCriterion {
        /** @throws ValidationException ({@code tag}) unless the tag is 1 to 64 characters, not blank */
        public HasTag {
            Checks.text("tag", tag, 64);
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return customer.tags().contains(tag);
        }
    }

    /** Matches customers created at or after {@code from} (if given) and strictly before {@code until} (if given). */
    record CreatedBetween(Instant from, Instant until) implements CustomerCriterion {
        /** Either end may be null (open); both are truncated to microseconds, as stored creation times are. */
        public CreatedBetween {
            from = Checks.optionalInstant("from", from);
            until = Checks.optionalInstant("until", until);
        }

        @Override
        public boolean test(CustomerRecord customer) {
            return (from == null || !customer.createdAt().isBefore(from))
                    && (until == null || customer.createdAt().isBefore(until));
        }
    }

    /** How a custom field compares with a value. */
    enum Comparison {
        /** The value equals the operand: numbers and dates by value, text and booleans exactly. */
        EQ,
        /** The value does not equal the operand (a customer without the field matches neither EQ nor NE). */
        NE,
        /** The value is less than the operand; numbers and dates only. */
        LT,
        /** The value is less than or equal to the operand; numbers and dates only. */
        LE,
        /** The value is greater than the operand; numbers and dates only. */
        GT,
        /** The value is greater than or equal to the operand; numbers and dates only. */
        GE;

        boolean holds(int compareResult) {
            return switch (this) {
                case EQ -> compareResult == 0;
                case NE -> compareResult != 0;
                case LT -> compareResult < 0;
                case LE -> compareResult <= 0;
                case GT -> compareResult > 0;
                case GE -> compareResult >= 0;
            };
        }
    }

    /**
     * Matches customers whose custom field {@code key} has a value of the operand's type that compares as asked.
     * Ordering comparisons are allowed for numbers and dates only.
     */
    record CustomField(String key, Comparison comparison, CustomFieldValue operand) implements CustomerCriterion {
        /**
         * @throws ValidationException ({@code key}) when the key does not match {@link CustomFieldValue#KEY};
         *     ({@code comparison}, {@code operand}) when either is null; ({@code comparison}) for an ordering
         *     comparison on a text or boolean operand
         */
        public CustomField {
            CustomFieldValue.checkKey("key", key);
            Checks.required("comparison", comparison);
            Checks.required("operand", operand);
            boolean ordered = operand.type() == CustomFieldType.NUMBER || operand.type() == CustomFieldType.DATE;
            if (!ordered && comparison != Comparison.EQ && comparison != Comparison.NE) {
                throw new ValidationException("comparison", "only EQ and NE apply to " + operand.type() + " fields");
            }
        }

        @Override
        public boolean test(CustomerRecord customer) {
            CustomFieldValue value = customer.customFields().get(key);
            if (value == null || value.type() != operand.type()) {
                return false;
            }
            return comparison.holds(compare(value, operand));
        }

        private static int compare(CustomFieldValue a, CustomFieldValue b) {
            if (a instanceof CustomFieldValue.Number x && b instanceof CustomFieldValue.Number y) {
                return x.value().compareTo(y.value());
            }
            if (a instanceof CustomFieldValue.Date x && b instanceof CustomFieldValue.Date y) {
                return x.value().compareTo(y.value());
            }
            return a.equals(b) ? 0 : 1;
        }
    }
}
