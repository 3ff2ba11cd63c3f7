package dev.crmkit.model;

import java.util.Optional;

/**
 * Which page to read: at most {@code limit} rows (1 to {@value #MAX_LIMIT}) strictly after {@code after},
 * or from the start when {@code after} is null.
 */
public record PageRequest(int limit, Cursor after) {
    /** The largest page any store returns in one call. */
    public static final int MAX_LIMIT = 1000;

    /**
     * A request for at most {@code limit} rows after {@code after}, or from the start when {@code after} is null.
     *
     * @throws ValidationException ({@code limit}) unless the limit is 1 to {@value #MAX_LIMIT}
     */
    public PageRequest {
        Checks.limit("limit", limit, MAX_LIMIT);
    }

    /** The first page of the given size. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The page of the same size after the given cursor. */
    public PageRequest next(Cursor cursor) {
        return new PageRequest(limit, cursor);
    }

    /** The cursor to start after, if any. */
    public Optional<Cursor> afterCursor() {
        return Optional.ofNullable(after);
    }
}
