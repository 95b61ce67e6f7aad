package org.banso.council;

import java.util.Optional;

/** Reading the module's enums from text that comes from outside (forms, JSON strings). */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name.strip())) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
