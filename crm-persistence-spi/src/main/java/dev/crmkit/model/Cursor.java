package dev.crmkit.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An opaque position in a keyset-paged result: it remembers the sort key of the last row of a page, so the
 * next page starts strictly after it, whatever was inserted or deleted meanwhile.
 *
 * <p>Callers treat the {@link #token() token} as opaque and pass it back unchanged. Adapters build one from the
 * last row's sort-key parts with {@link #of(List)} and read them back with {@link #keys(int)}; a token that was
 * not made this way is rejected with a {@link ValidationException} on the field {@code cursor}.
 */
public record Cursor(String token) {
    private static final int MAX_TOKEN = 1024;

    /**
     * A cursor from a token a store issued.
     *
     * @throws ValidationException ({@code cursor}) when the token is null, blank or longer than 1,024 characters;
     *     whether it belongs to a query is checked by {@link #keys(int)}
     */
    public Cursor {
        Checks.text("cursor", token, MAX_TOKEN);
    }

    /** Encodes the sort-key parts of a row as a cursor. */
    public static Cursor of(List<String> keys) {
        StringBuilder joined = new StringBuilder();
        for (String key : keys) {
            Objects.requireNonNull(key, "cursor key");
            joined.append(key.length()).append(':').append(key);
        }
        return new Cursor(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Decodes the sort-key parts, checking that there are exactly {@code expected} of them. */
    public List<String> keys(int expected) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            List<String> keys = new ArrayList<>();
            int i = 0;
            while (i < joined.length()) {
                int colon = joined.indexOf(':', i);
                int length = Integer.parseInt(joined.substring(i, colon));
                keys.add(joined.substring(colon + 1, colon + 1 + length));
                i = colon + 1 + length;
            }
            if (keys.size() != expected) {
                throw new ValidationException("cursor", "does not belong to this query");
            }
            return keys;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
