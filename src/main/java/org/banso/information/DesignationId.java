package org.banso.information;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Serialized as the bare UUID string in JSON. */
public record DesignationId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DesignationId {
        Objects.requireNonNull(value, "value");
    }

    public static DesignationId random() {
        return new DesignationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
