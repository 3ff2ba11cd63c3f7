package dev.crmkit.jdbc;

import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.sql.SQLException;

/** Which typed column of {@code crm_customer_field} holds each type of custom field value. */
final class CustomFieldColumns {
    private CustomFieldColumns() {
    }

    static String column(CustomFieldType type) {
        return switch (type) {
            case TEXT -> "text_value";
            case NUMBER -> "number_value";
            case DATE -> "date_value";
            case BOOLEAN -> "boolean_value";
        };
    }

    static Object value(CustomFieldValue value) {
        if (value instanceof CustomFieldValue.Text text) {
            return text.value();
        }
        if (value instanceof CustomFieldValue.Number number) {
            return number.value();
        }
        if (value instanceof CustomFieldValue.Date date) {
            return date.value();
        }
        return ((CustomFieldValue.Bool) value).value();
    }

    static CustomFieldValue read(Row row) throws SQLException {
        CustomFieldType type = row.enumValue(CustomFieldType.class, "field_type");
        return switch (type) {
            case TEXT -> new CustomFieldValue.Text(row.text("text_value"));
            case NUMBER -> new CustomFieldValue.Number(row.decimal("number_value"));
            case DATE -> new CustomFieldValue.Date(row.date("date_value"));
            case BOOLEAN -> new CustomFieldValue.Bool(row.flag("boolean_value"));
        };
    }
}
