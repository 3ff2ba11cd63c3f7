package dev.crmkit.core.common;

import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every domain service is built from: the storage, the clock, the id generator, the event recorder and the
 * JSON mapper events are written with. {@code Crm.builder()} makes one; a host wiring services by hand can too.
 */
public final class CoreContext {
    private final Storage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final JsonMapper json;
    private final EventRecorder events;

    public CoreContext(Storage storage, Clock clock, IdGenerator ids, JsonMapper json) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.json = Objects.requireNonNull(json, "json");
        this.events = new EventRecorder(storage.outbox(), ids, json);
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    /** The current instant, at the microsecond precision storage keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public IdGenerator ids() {
        return ids;
    }

    public JsonMapper json() {
        return json;
    }

    public EventRecorder events() {
        return events;
    }
}
