package org.banso.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.banso.shared.DateBounds;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, so that what a client sends is what a service sees: no coercion between numbers, strings
 * and booleans ({@code "talentCapability": false} into a text, {@code "1"} into a number), no fractions into whole
 * numbers (money is integer yen: {@code 1.5} is refused, never truncated), duplicate keys refused, nothing after the
 * document, and every date within {@link DateBounds}. Each refusal is {@code 400 validation-failed} naming the field
 * (see {@code ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    private static final Set<Class<?>> DATE_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            OffsetDateTime.class, ZonedDateTime.class);

    @Bean
    DateBounds dateBounds(WebProperties properties) {
        return new DateBounds(properties.earliestDate(), properties.latestDate());
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson(DateBounds bounds) {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("banso-date-bounds").setDeserializerModifier(new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                                   BeanDescription.Supplier description,
                                                                   ValueDeserializer<?> deserializer) {
                        return DATE_TYPES.contains(description.getBeanClass())
                                ? new BoundedDateDeserializer(deserializer, bounds) : deserializer;
                    }
                }));
    }

    /** A date outside {@link DateBounds}; the API error handler reports it with the code {@code date-range}. */
    static final class DateOutOfRangeException extends InvalidFormatException {

        private final transient DateBounds bounds;

        DateOutOfRangeException(JsonParser parser, DateBounds bounds, Object value, Class<?> type) {
            super(parser, "must be a date between " + bounds.earliest() + " and " + bounds.latest(), value, type);
            this.bounds = bounds;
        }

        /** The bounds the date fell outside, the arguments of the field message {@code validation.date-range}. */
        DateBounds bounds() {
            return bounds;
        }
    }

    /** Reads a date as usual, then refuses it outside the bounds. */
    private static final class BoundedDateDeserializer extends DelegatingDeserializer {

        private final DateBounds bounds;

        BoundedDateDeserializer(ValueDeserializer<?> delegate, DateBounds bounds) {
            super(delegate);
            this.bounds = bounds;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new BoundedDateDeserializer(delegate, bounds);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (!bounds.containsTemporal(value)) {
                throw new DateOutOfRangeException(parser, bounds, value, handledType());
            }
            return value;
        }
    }
}
