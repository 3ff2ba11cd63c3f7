package dev.crmkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.customer.DuplicateCandidate;
import dev.crmkit.core.customer.MatchReason;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contract of the built-in domains, pinned: every registered event type has a golden file holding the JSON
 * payload of a fixed sample, as the outbox stores it, so a renamed or added record component fails here before a
 * host's consumers see it; {@code docs/events.md} lists exactly the registered types, versions and fields; payloads
 * decode back into their records; and no component is of the kinds personal data would travel in.
 *
 * <p>After a deliberate change of a payload (with a new schema version when it is incompatible), run this test once
 * with {@code -Dcrmkit.events.write=true} to write the golden files anew, and review their diff.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventContractTest {
    private static final Path GOLDEN = Path.of("src/test/resources/events");
    private static final Path EVENTS_DOC = Path.of("..", "docs", "events.md");
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** Component names that would carry personal data: names, contact values, free text. */
    private static final Set<String> PERSONAL = Set.of("name", "displayName", "givenName", "familyName",
            "organizationName", "email", "phone", "address", "street", "city", "postalCode", "value", "summary",
            "title", "subject", "body", "description", "note", "notes", "comment", "reason");

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ContextProbe probe = new ContextProbe();
    private final Crm crm = Crm.builder().storage(storage).module(probe).build();

    @Test
    void every_registered_event_type_has_a_golden_payload_and_the_outbox_writes_exactly_it() throws IOException {
        List<String> differences = new ArrayList<>();
        boolean write = Boolean.getBoolean("crmkit.events.write");
        for (EventDefinition definition : crm.events().definitions()) {
            OutboxEvent row = recorded(sample(definition.javaType()));
            assertThat(row.type()).isEqualTo(definition.type());
            assertThat(row.schemaVersion()).isEqualTo(definition.version());
            Path golden = GOLDEN.resolve(definition.type() + ".v" + definition.version() + ".json");
            JsonNode actual = PRETTY.readTree(row.payload());
            if (write) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, PRETTY.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            } else if (!Files.exists(golden)) {
                differences.add(definition.type() + ": no golden file " + golden);
            } else if (!PRETTY.readTree(Files.readString(golden, StandardCharsets.UTF_8)).equals(actual)) {
                differences.add(definition.type() + ": the payload changed; now " + row.payload());
            }
        }
        assertThat(differences).as("payloads that differ from their golden files (a renamed or added component"
                + " changes what consumers receive: raise the version if it is incompatible, then write the files"
                + " with -Dcrmkit.events.write=true)").isEmpty();
    }

    @Test
    void no_golden_file_is_left_over_from_a_type_that_is_gone() throws IOException {
        Set<String> expected = crm.events().definitions().stream()
                .map(d -> d.type() + ".v" + d.version() + ".json").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void every_payload_decodes_back_into_the_event_it_was_written_from() {
        for (EventDefinition definition : crm.events().definitions()) {
            DomainEvent event = sample(definition.javaType());
            PublishedEvent published = PublishedEvent.of(recorded(event));

            assertThat(crm.events().decode(published)).as(definition.type()).contains(event);
        }
    }

    @Test
    void an_event_of_another_schema_version_is_not_decoded() {
        EventDefinition definition = crm.events().find("customer.registered").orElseThrow();
        OutboxEvent row = recorded(sample(definition.javaType()));
        PublishedEvent newer = new PublishedEvent(row.id(), row.tenantId(), row.aggregateType(), row.aggregateId(),
                row.type(), definition.version() + 1, row.payload(), row.occurredAt(), row.sequence());

        assertThat(crm.events().decode(newer)).isEmpty();
    }

    @Test
    void type_names_start_with_their_aggregate_type_and_are_unique_per_record() {
        for (EventDefinition definition : crm.events().definitions()) {
            DomainEvent event = sample(definition.javaType());
            assertThat(definition.type()).as(definition.javaType().getName())
                    .startsWith(event.aggregateType() + ".")
                    .matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
        }
        assertThat(crm.events().definitions()).extracting(EventDefinition::javaType).doesNotHaveDuplicates();
    }

    @Test
    void no_payload_has_a_component_of_the_kind_personal_data_travels_in() {
        for (EventDefinition definition : crm.events().definitions()) {
            for (RecordComponent component : definition.javaType().getRecordComponents()) {
                assertThat(PERSONAL).as(definition.type() + "." + component.getName())
                        .doesNotContain(component.getName());
            }
        }
    }

    @Test
    void docs_events_md_lists_exactly_the_registered_types_with_their_versions_and_fields() throws IOException {
        Map<String, Documented> documented = documentedEvents(Files.readString(EVENTS_DOC, StandardCharsets.UTF_8));
        Set<String> registered = new TreeSet<>();
        for (EventDefinition definition : crm.events().definitions()) {
            registered.add(definition.type());
            Documented doc = documented.get(definition.type());
            if (doc == null) {
                fail("docs/events.md does not list " + definition.type());
            }
            assertThat(doc.version()).as(definition.type() + " version").isEqualTo(definition.version());
            assertThat(doc.fields()).as(definition.type() + " fields, in payload order")
                    .containsExactlyElementsOf(Stream.of(definition.javaType().getRecordComponents())
                            .map(RecordComponent::getName).toList());
        }
        assertThat(documented.keySet()).as("types docs/events.md lists").containsExactlyInAnyOrderElementsOf(registered);
    }

    /** The documented events: a heading {@code ### `type` (version n)} followed by a table of fields. */
    static Map<String, Documented> documentedEvents(String markdown) {
        Map<String, Documented> events = new LinkedHashMap<>();
        Pattern heading = Pattern.compile("^### `([^`]+)` \\(version (\\d+)\\)$");
        Pattern row = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\|.*");
        String current = null;
        int version = 0;
        List<String> fields = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            Matcher h = heading.matcher(line);
            if (h.matches() || line.startsWith("## ")) {
                if (current != null) {
                    events.put(current, new Documented(version, List.copyOf(fields)));
                }
                current = h.matches() ? h.group(1) : null;
                version = h.matches() ? Integer.parseInt(h.group(2)) : 0;
                fields.clear();
                continue;
            }
            Matcher r = row.matcher(line);
            if (current != null && r.matches()) {
                fields.add(r.group(1));
            }
        }
        if (current != null) {
            events.put(current, new Documented(version, List.copyOf(fields)));
        }
        return events;
    }

    record Documented(int version, List<String> fields) {
    }

    /** Records the event the way a service does and returns the outbox row it became. */
    private OutboxEvent recorded(DomainEvent event) {
        storage.transactions().run(() -> probe.context.events().record(event));
        List<OutboxEvent> claimed = storage.outbox().claim("contract", 1000, Duration.ofMinutes(1), AT);
        storage.outbox().markDelivered("contract", claimed.stream().map(OutboxEvent::id).toList(), AT);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** A fixed sample of an event record: every component a value derived from its type and position. */
    static DomainEvent sample(Class<? extends DomainEvent> type) {
        return (DomainEvent) sampleRecord(type);
    }

    private static Object sampleRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("tenantId") ? "acme"
                    : value(components[i].getType(), components[i].getGenericType(), i + 1);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample of " + type.getName(), e);
        }
    }

    private static final Map<Class<?>, Supplier<Object>> VALUES = Map.of(
            Actor.class, () -> Actor.user("user-17"),
            ReopenRule.class, () -> ReopenRule.withinDays(30),
            Duration.class, () -> Duration.ofMinutes(90).plusNanos(250_000),
            DuplicateCandidate.class, () -> new DuplicateCandidate(
                    UUID.fromString("018f0000-0000-7000-8000-0000000000aa"), 0.85, Set.of(MatchReason.values()[0]),
                    java.util.Map.of(dev.crmkit.core.customer.MatchField.EMAIL, 8.0,
                            dev.crmkit.core.customer.MatchField.FAMILY_NAME, -3.0)));

    private static Object value(Class<?> type, Type generic, int position) {
        if (VALUES.containsKey(type)) {
            return VALUES.get(type).get();
        }
        if (type == String.class) {
            return "text-" + position;
        }
        if (type == UUID.class) {
            return UUID.fromString(String.format("018f0000-0000-7000-8000-%012d", position));
        }
        if (type == Instant.class) {
            return AT.plusSeconds(position);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, position % 28 + 1);
        }
        if (type == int.class) {
            return position;
        }
        if (type == long.class || type == Long.class) {
            return (long) position;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1234.50");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value((Class<?>) element, element, position);
            return type == List.class ? List.of(one) : new LinkedHashSet<>(List.of(one));
        }
        if (type == double.class) {
            return 0.875;
        }
        if (type == Map.class) {
            Type key = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (key instanceof Class<?> keyType && keyType.isEnum()) {
                return Map.of(keyType.getEnumConstants()[0], 2.5);
            }
            return Map.of("interactions", 2, "leads", 1);
        }
        if (type.isRecord()) {
            return sampleRecord(type);
        }
        throw new IllegalStateException("no sample value for " + type.getName() + ": add one to VALUES");
    }

    /** A domain of the test's own that keeps the context events are recorded through. */
    private static final class ContextProbe implements DomainModule {
        DomainContext context;

        @Override
        public String name() {
            return "test.event-contract";
        }

        @Override
        public void install(DomainSetup setup) {
            context = setup.context();
        }
    }
}
