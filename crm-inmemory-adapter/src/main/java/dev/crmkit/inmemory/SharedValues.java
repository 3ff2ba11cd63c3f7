package dev.crmkit.inmemory;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.customer.SharedValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Pages of values shared by two or more customers, ordered by value (Java's code-unit order). */
final class SharedValues {
    private SharedValues() {
    }

    static Page<SharedValue> page(Map<String, Set<UUID>> byValue, PageRequest page) {
        return Paging.page(
                byValue.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> new SharedValue(e.getKey(), e.getValue())),
                (a, b) -> a.value().compareTo(b.value()), page, 1,
                v -> List.of(v.value()),
                keys -> v -> v.value().compareTo(keys.get(0)) > 0);
    }
}
