package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A {@link MessageChannel} that keeps every message handed to it in memory and answers as a test tells it: the
 * in-repository channel for tests. By default it accepts every message under the reference {@code rec-<message id>},
 * the same on every attempt, as a provider that honours idempotency keys would; {@link #answerNext} scripts the next
 * answers, {@link #answering} the rule after them. Thread-safe.
 *
 * <p>{@link #handedOver()} shows every call, repeats included; {@link #sent()} shows each accepted message once, which
 * is what a provider honouring idempotency keys would have sent.
 */
public final class RecordingMessageChannel implements MessageChannel {
    private final Set<ChannelKind> kinds;
    private final List<OutgoingMessage> handedOver = new ArrayList<>();
    private final Set<UUID> sent = new LinkedHashSet<>();
    private final Deque<SendOutcome> scripted = new ArrayDeque<>();
    private Function<OutgoingMessage, SendOutcome> rule = RecordingMessageChannel::acceptUnderItsId;

    private RecordingMessageChannel(Set<ChannelKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    /**
     * A channel for the given kinds that accepts everything.
     *
     * @throws ValidationException ({@code kinds}) when a kind is null
     */
    public static RecordingMessageChannel forKinds(ChannelKind first, ChannelKind... more) {
        Checks.required("kinds", first);
        Checks.noNulls("kinds", Arrays.asList(more));
        return new RecordingMessageChannel(EnumSet.of(first, more));
    }

    private static SendOutcome acceptUnderItsId(OutgoingMessage message) {
        return SendOutcome.accepted("rec-" + message.messageId());
    }

    @Override
    public Set<ChannelKind> kinds() {
        return kinds;
    }

    /** Keeps the message and answers with the next scripted answer, or by the rule. */
    @Override
    public synchronized SendOutcome send(OutgoingMessage message) {
        handedOver.add(message);
        SendOutcome answer = scripted.isEmpty() ? rule.apply(message) : scripted.poll();
        if (answer instanceof SendOutcome.Accepted) {
            sent.add(message.messageId());
        }
        return answer;
    }

    /** Answers the next calls with these outcomes, in order, before the rule applies again. */
    public synchronized RecordingMessageChannel answerNext(SendOutcome... outcomes) {
        Checks.noNulls("outcomes", Arrays.asList(outcomes));
        scripted.addAll(List.of(outcomes));
        return this;
    }

    /** Answers every call after the scripted ones by {@code rule}; the default accepts every message. */
    public synchronized RecordingMessageChannel answering(Function<OutgoingMessage, SendOutcome> rule) {
        this.rule = Checks.required("rule", rule);
        return this;
    }

    /** Every message handed over so far, in call order, repeats included. */
    public synchronized List<OutgoingMessage> handedOver() {
        return List.copyOf(handedOver);
    }

    /** How often the message with this id was handed over. */
    public synchronized int calls(UUID messageId) {
        return (int) handedOver.stream().filter(m -> m.messageId().equals(messageId)).count();
    }

    /** The ids of the messages accepted so far, each once, in the order of their first acceptance. */
    public synchronized List<UUID> sent() {
        return List.copyOf(sent);
    }

    /** Forgets every call and scripted answer, and accepts everything again. */
    public synchronized void clear() {
        handedOver.clear();
        sent.clear();
        scripted.clear();
        rule = RecordingMessageChannel::acceptUnderItsId;
    }
}
