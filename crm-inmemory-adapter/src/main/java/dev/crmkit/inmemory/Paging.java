package dev.crmkit.inmemory;

import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Keyset paging over rows sorted in memory: a page starts strictly after the cursor's sort key. */
final class Paging {
    private Paging() {
    }

    /**
     * One page of {@code rows} in {@code order}. {@code keyOf} gives a row's sort key as cursor parts;
     * {@code isAfter} turns the cursor's parts into a test for rows that sort strictly after it.
     */
    static <T> Page<T> page(Stream<T> rows, Comparator<T> order, PageRequest request, int keyParts,
            Function<T, List<String>> keyOf, Function<List<String>, Predicate<T>> isAfter) {
        Stream<T> sorted = rows.sorted(order);
        if (request.after() != null) {
            sorted = sorted.filter(isAfter.apply(request.after().keys(keyParts)));
        }
        List<T> items = new ArrayList<>();
        sorted.limit(request.limit()).forEach(items::add);
        Optional<Cursor> next = items.size() == request.limit()
                ? Optional.of(Cursor.of(keyOf.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** Parses an id from a cursor part, as a cursor error when it is not one. */
    static java.util.UUID id(String part) {
        try {
            return java.util.UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw new dev.crmkit.model.ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
