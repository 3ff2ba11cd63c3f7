package dev.crmkit.jdbc;

import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer criterion as a parameterized SQL condition on {@code crm_customer c}. Values are always bound;
 * the only names that enter the SQL text are the fixed column names chosen here, and custom field keys are
 * bound too after being checked against {@link CustomFieldValue#KEY}.
 */
final class CriterionSql {
    final StringBuilder sql = new StringBuilder();
    final List<Object> parameters = new ArrayList<>();

    static CriterionSql of(CustomerCriterion criterion) {
        CriterionSql result = new CriterionSql();
        result.append(criterion);
        return result;
    }

    private void append(CustomerCriterion criterion) {
        if (criterion instanceof CustomerCriterion.All) {
            sql.append("1 = 1");
        } else if (criterion instanceof CustomerCriterion.And and) {
            join(and.operands(), " AND ");
        } else if (criterion instanceof CustomerCriterion.Or or) {
            join(or.operands(), " OR ");
        } else if (criterion instanceof CustomerCriterion.Not not) {
            sql.append("NOT (");
            append(not.operand());
            sql.append(')');
        } else if (criterion instanceof CustomerCriterion.KindIs kind) {
            bound("c.kind = ?", kind.kind());
        } else if (criterion instanceof CustomerCriterion.StageIn stages) {
            sql.append("c.lifecycle_stage IN ").append(Database.placeholders(stages.stages().size()));
            parameters.addAll(stages.stages());
        } else if (criterion instanceof CustomerCriterion.OwnedBy owner) {
            // IS NOT NULL keeps the condition two-valued, so NOT of it matches customers without an owner.
            bound("(c.owner_id IS NOT NULL AND c.owner_id = ?)", owner.ownerId());
        } else if (criterion instanceof CustomerCriterion.HasTag tag) {
            bound("EXISTS (SELECT 1 FROM crm_customer_tag t WHERE t.tenant_id = c.tenant_id"
                    + " AND t.customer_id = c.id AND t.tag = ?)", tag.tag());
        } else if (criterion instanceof CustomerCriterion.CreatedBetween between) {
            createdBetween(between);
        } else if (criterion instanceof CustomerCriterion.CustomField field) {
            customField(field);
        } else {
            throw new IllegalArgumentException("unknown criterion " + criterion.getClass().getSimpleName());
        }
    }

    private void join(List<CustomerCriterion> operands, String operator) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            append(operands.get(i));
        }
        sql.append(')');
    }

    private void bound(String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }

    private void createdBetween(CustomerCriterion.CreatedBetween between) {
        sql.append("(1 = 1");
        if (between.from() != null) {
            sql.append(" AND c.created_at >= ?");
            parameters.add(between.from());
        }
        if (between.until() != null) {
            sql.append(" AND c.created_at < ?");
            parameters.add(between.until());
        }
        sql.append(')');
    }

    private void customField(CustomerCriterion.CustomField field) {
        CustomFieldValue.checkKey("key", field.key());
        String column = CustomFieldColumns.column(field.operand().type());
        String operator = switch (field.comparison()) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
        sql.append("EXISTS (SELECT 1 FROM crm_customer_field f WHERE f.tenant_id = c.tenant_id AND f.customer_id = c.id"
                + " AND f.field_key = ? AND f.field_type = ? AND f.").append(column).append(' ').append(operator).append(" ?)");
        parameters.add(field.key());
        parameters.add(field.operand().type());
        parameters.add(CustomFieldColumns.value(field.operand()));
    }
}
