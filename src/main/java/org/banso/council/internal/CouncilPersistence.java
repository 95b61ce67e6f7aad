package org.banso.council.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.banso.council.CouncilId;
import org.banso.council.Designation;
import org.banso.council.InvitationId;
import org.banso.council.MaterialRequestId;
import org.banso.council.MeetingId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.council.TaskId;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the council's aggregates are stored by Spring Data JDBC: typed ids as the UUID columns they are, a proposal's
 * designation as the jsonb it is, and aggregates marked stored once saved. These are the application's only Spring
 * Data JDBC conversions so far; a second module storing aggregates the same way would move the id converters next
 * to the ids' owners.
 */
@Configuration(proxyBeanMethods = false)
class CouncilPersistence {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect, JsonMapper json) {
        return JdbcCustomConversions.of(dialect, List.of(
                writing(CouncilId.class, CouncilId::value), reading(CouncilId.class, CouncilId::new),
                writing(ParticipantId.class, ParticipantId::value), reading(ParticipantId.class, ParticipantId::new),
                writing(ProposalId.class, ProposalId::value), reading(ProposalId.class, ProposalId::new),
                writing(InvitationId.class, InvitationId::value), reading(InvitationId.class, InvitationId::new),
                writing(MeetingId.class, MeetingId::value), reading(MeetingId.class, MeetingId::new),
                writing(TaskId.class, TaskId::value), reading(TaskId.class, TaskId::new),
                writing(MaterialRequestId.class, MaterialRequestId::value),
                reading(MaterialRequestId.class, MaterialRequestId::new),
                writing(UserId.class, UserId::value), reading(UserId.class, UserId::new),
                writing(OrganizationId.class, OrganizationId::value),
                reading(OrganizationId.class, OrganizationId::new),
                new DesignationToJsonb(json), new JsonbToDesignation(json)));
    }

    /** Spring Data does not know that a saved aggregate is no longer new: it is told here. */
    @Bean
    AfterSaveCallback<Aggregate<?, ?>> aggregatesAreStoredOnceSaved() {
        return aggregate -> {
            aggregate.markStored();
            return aggregate;
        };
    }

    private static <T> GenericConverter writing(Class<T> type, Function<T, UUID> value) {
        return new WritingId<>(type, value);
    }

    private static <T> GenericConverter reading(Class<T> type, Function<UUID, T> creator) {
        return new ReadingId<>(type, creator);
    }

    /** A typed id written as its UUID (a generic converter, because a lambda cannot tell Spring Data its types). */
    @WritingConverter
    record WritingId<T>(Class<T> type, Function<T, UUID> value) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, UUID.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : value.apply(type.cast(source));
        }
    }

    /** A UUID column read as its typed id. */
    @ReadingConverter
    record ReadingId<T>(Class<T> type, Function<UUID, T> creator) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(UUID.class, type));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : creator.apply((UUID) source);
        }
    }

    /** A proposal revision's designation (API.md) is kept as jsonb, as it always was. */
    @WritingConverter
    static final class DesignationToJsonb implements Converter<Designation, PGobject> {
        private final JsonMapper json;

        DesignationToJsonb(JsonMapper json) {
            this.json = json;
        }

        @Override
        public PGobject convert(Designation designation) {
            PGobject value = new PGobject();
            value.setType("jsonb");
            try {
                value.setValue(json.writeValueAsString(designation));
            } catch (SQLException e) {
                throw new IllegalStateException("A jsonb value always takes text", e);
            }
            return value;
        }
    }

    @ReadingConverter
    static final class JsonbToDesignation implements Converter<PGobject, Designation> {
        private final JsonMapper json;

        JsonbToDesignation(JsonMapper json) {
            this.json = json;
        }

        @Override
        public Designation convert(PGobject value) {
            return value.getValue() == null ? null : json.readValue(value.getValue(), Designation.class);
        }
    }
}
