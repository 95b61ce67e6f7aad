package org.banso.information;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Serialized as the bare UUID string in JSON. */
public record ItemId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ItemId {
        Objects.requireNonNull(value, "value");
    }

    public static ItemId random() {
        return new ItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
