package dev.crmkit.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version 7: 48 bits of Unix milliseconds, then 12 bits of a counter that keeps ids from one generator
 * increasing within a millisecond, then 62 random bits.
 */
final class UuidV7Generator implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    UuidV7Generator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            millis = lastMillis;
            counter++;
            if (counter > 0xFFF) {
                millis++;
                counter = 0;
            }
        } else {
            counter = random.nextInt(0x400);
        }
        lastMillis = millis;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
