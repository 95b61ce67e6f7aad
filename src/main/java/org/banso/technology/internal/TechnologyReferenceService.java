package org.banso.technology.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyArea;
import org.banso.technology.TechnologyEvents;
import org.banso.technology.TechnologyReference;
import org.banso.technology.VisionTechnology;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TechnologyReferenceService implements TechnologyReference {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TechnologyReferenceService(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TechnologyArea> areas() {
        return jdbc.sql("select * from technology_area order by code").query(TechnologyReferenceService::area).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TechnologyArea> area(String code) {
        return jdbc.sql("select * from technology_area where code = ?").param(code)
                .query(TechnologyReferenceService::area).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<VisionTechnology> visionTechnologies() {
        return jdbc.sql("select * from technology_vision_technology order by vision, position")
                .query(TechnologyReferenceService::visionTechnology).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VisionTechnology> visionTechnology(UUID id) {
        return jdbc.sql("select * from technology_vision_technology where id = ?").param(id)
                .query(TechnologyReferenceService::visionTechnology).optional();
    }

    private static VisionTechnology visionTechnology(ResultSet rs, int row) throws SQLException {
        return new VisionTechnology(rs.getObject("id", UUID.class), rs.getInt("vision"), rs.getString("domain_ja"),
                rs.getString("domain_en"), rs.getString("name_ja"), rs.getString("name_en"),
                rs.getBoolean("confirmed_in_source"));
    }

    @Override
    @Transactional
    public TechnologyArea correctArea(String code, AreaCorrection correction, BansoUser actor) {
        if (actor == null || !actor.hasRole(Role.PROGRAM_OFFICER)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only a program officer may correct reference data.");
        }
        TechnologyArea current = area(code).orElseThrow(() -> BansoException.notFound("The technology area"));
        List<FieldError> errors = new ArrayList<>();
        String nameJa = text("nameJa", correction.nameJa(), current.nameJa(), errors);
        String nameEn = text("nameEn", correction.nameEn(), current.nameEn(), errors);
        String source = text("source", correction.source(), current.source(), errors);
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The correction is not valid.", errors);
        }
        boolean confirmed = correction.confirmedInSource() == null ? current.confirmedInSource()
                : correction.confirmedInSource();
        jdbc.sql("""
                update technology_area set name_ja = ?, name_en = ?, source = ?, confirmed_in_source = ?,
                                           updated_at = ?, updated_by = ?
                where code = ?""")
                .params(nameJa, nameEn, source, confirmed, Timestamp.from(clock.instant()), actor.id().value(), code)
                .update();
        TechnologyArea corrected = area(code).orElseThrow();
        events.publishEvent(new TechnologyEvents.TechnologyAreaCorrected(code, corrected.revision(), actor.id(),
                clock.instant()));
        return corrected;
    }

    private static String text(String field, String value, String current, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            errors.add(FieldError.coded(field, "length", "must be 1–200 characters", 1, 200));
        }
        return stripped;
    }

    private static TechnologyArea area(ResultSet rs, int row) throws SQLException {
        return new TechnologyArea(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
                rs.getString("source"), rs.getBoolean("confirmed_in_source"), rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
