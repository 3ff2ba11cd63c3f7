package dev.crmkit.core.customer;

/**
 * Why one row of an import was not stored.
 *
 * @param row the row's number, counting from 1 in the order the rows were read
 * @param field the offending field path, such as {@code contactPoints[0].value}, or {@code externalRef} for a duplicate
 * @param reason why, without the rejected value
 */
public record ImportError(long row, String field, String reason) {
}
