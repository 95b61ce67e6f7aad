package org.banso.audit.internal;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.banso.shared.AuditedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an audited event into its leaf: RFC 8785 JSON of {@code {kind, at, ...components}} (ids as strings, times
 * ISO-8601 in UTC), plus the columns the auditor filters by. Only plain values are accepted — ids, enums, strings,
 * booleans, integers, instants and collections or records of those — so that nothing unexpected (a document, a
 * float) slips into the permanent log.
 */
final class AuditLeaves {

    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private AuditLeaves() {
    }

    /** A leaf and its index columns. */
    record Leaf(byte[] leaf, String kind, Instant at, UUID actor, UUID council, UUID item) {
    }

    static Leaf of(AuditedEvent event) {
        Class<?> type = event.getClass();
        if (!type.isRecord()) {
            throw new IllegalArgumentException("An audited event must be a record: " + type.getName());
        }
        ObjectNode object = nodes.objectNode();
        String kind = type.getSimpleName();
        object.put("kind", kind);
        object.put("at", iso(event.at()));
        UUID actor = null;
        UUID user = null;
        UUID council = null;
        UUID item = null;
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (name.equals("at") || name.equals("kind")) {
                continue;
            }
            Object value = read(component, event);
            object.set(name, node(value));
            switch (name) {
                case "by", "actor" -> actor = actor == null ? uuid(value) : actor;
                case "user" -> user = uuid(value);
                case "council", "councilId" -> council = uuid(value);
                case "item", "itemId" -> item = uuid(value);
                default -> {
                }
            }
        }
        return new Leaf(CanonicalJson.bytes(object), kind, event.at(), actor != null ? actor : user, council, item);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of an audited event", e);
        }
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String s) {
            return nodes.stringNode(s);
        }
        if (value instanceof UUID u) {
            return nodes.stringNode(u.toString());
        }
        if (value instanceof java.time.LocalDate d) {
            return nodes.stringNode(d.toString());
        }
        if (value instanceof Instant i) {
            return nodes.stringNode(iso(i));
        }
        if (value instanceof Enum<?> e) {
            return nodes.stringNode(e.name());
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = nodes.arrayNode();
            collection.stream().map(AuditLeaves::node)
                    // sets have no order; sort so that the same event always gives the same leaf
                    .sorted((a, b) -> value instanceof java.util.List ? 0 : a.toString().compareTo(b.toString()))
                    .forEach(array::add);
            return array;
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("Audited events carry records, not maps");
        }
        UUID id = typedId(value);
        if (id != null) {
            return nodes.stringNode(id.toString());
        }
        if (value.getClass().isRecord()) {
            ObjectNode object = nodes.objectNode();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                object.set(component.getName(), node(read(component, value)));
            }
            return object;
        }
        throw new IllegalArgumentException("An audited event may not carry a " + value.getClass().getSimpleName()
                + " (floating-point numbers and free-form objects are refused)");
    }

    /** A typed id: a record whose one component is a UUID. */
    private static UUID typedId(Object value) {
        if (value != null && value.getClass().isRecord()) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            if (components.length == 1 && components[0].getType() == UUID.class) {
                return (UUID) read(components[0], value);
            }
        }
        return null;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : typedId(value);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
