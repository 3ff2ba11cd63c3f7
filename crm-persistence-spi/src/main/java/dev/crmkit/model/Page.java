package dev.crmkit.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paged result. {@code next} is present exactly when the page is full, so a reader
 * that follows it reaches an empty page at the end; a page that is not full is always the last one.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    /**
     * A page of {@code items}, copied so the page cannot change, and {@code next}, where a null {@code next} means
     * there is no further page.
     *
     * @throws NullPointerException when {@code items} is null or holds null
     */
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    /** A page with no rows and no next cursor. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    /** Whether a further page may hold rows. */
    public boolean hasNext() {
        return next.isPresent();
    }
}
