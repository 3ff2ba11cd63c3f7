package dev.crmkit.model.touchpoint;

import java.time.Instant;

/** How many interactions a customer had on one channel, and when the latest took place. */
public record ChannelActivity(Channel channel, long count, Instant lastOccurredAt) {
}
