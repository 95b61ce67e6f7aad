package org.banso.thinktank.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.Rankings;
import org.banso.thinktank.ThinkTankEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class RankingService implements Rankings {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final TechnologyRegistry technologies;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RankingService(JdbcClient jdbc, Indicators indicators, TechnologyRegistry technologies, JsonMapper json,
                   ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.technologies = technologies;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    private static boolean mayCompute(BansoUser user) {
        return user != null && (user.hasRole(Role.PROGRAM_OFFICER) || user.hasRole(Role.ANALYST));
    }

    private static boolean mayRead(BansoUser user) {
        return mayCompute(user) || user != null && (user.hasRole(Role.MINISTRY_OFFICIAL)
                || user.hasRole(Role.FUNDING_OFFICER) || user.hasRole(Role.AUDITOR));
    }

    @Override
    @Transactional
    public Ranking compute(RankingRequest request, BansoUser actor) {
        if (!mayCompute(actor)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only program officers and analysts compute rankings.");
        }
        RankingRequest normalized = normalize(request, actor);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Ranking ranking = evaluate(id, normalized, now);
        jdbc.sql("insert into thinktank_ranking (id, title, request, created_at, created_by) values (?, ?, ?::jsonb, ?, ?)")
                .params(id, normalized.title(), json.writeValueAsString(normalized), Timestamp.from(now),
                        actor.id().value())
                .update();
        for (int i = 0; i < ranking.ranked().size(); i++) {
            Ranked r = ranking.ranked().get(i);
            jdbc.sql("""
                    insert into thinktank_ranking_entry (ranking_id, position, technology_id, label, rank, closeness)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, i, r.technologyId() == null ? null : r.technologyId().value(), r.label(), r.rank(),
                            r.closeness())
                    .update();
        }
        events.publishEvent(new ThinkTankEvents.RankingComputed(id, actor.id(), now));
        return ranking;
    }

    /** Validates, fills defaults and derives the indicator criteria, so that the stored request is complete. */
    private RankingRequest normalize(RankingRequest r, BansoUser actor) {
        FieldChecks checks = new FieldChecks().text("title", r.title(), 300);
        String dataset = r.dataset() == null ? Indicators.BUILT_IN : r.dataset();
        String country = r.country() == null ? "Japan" : r.country();
        int year = r.year() == null ? 2018 : r.year();
        int from = r.growthFrom() == null ? year - 5 : r.growthFrom();
        if (from >= year) {
            checks.add(new FieldError("growthFrom", "must be before year"));
        }
        double[][] m = r.comparisons();
        int n = CRITERIA.size();
        Ahp.Result ahp = null;
        if (m == null || m.length != n || java.util.Arrays.stream(m).anyMatch(row -> row == null || row.length != n)) {
            checks.add(new FieldError("comparisons", "must be a 4×4 matrix over " + CRITERIA));
        } else {
            try {
                ahp = Ahp.weigh(m);
                if (!ahp.consistent()) {
                    checks.add(FieldError.coded("comparisons", "ahp-inconsistent", String.format(Locale.ROOT,
                            "are inconsistent: consistency ratio %.3f exceeds %.1f; revise the comparisons",
                            ahp.consistencyRatio(), Ahp.MAX_CONSISTENCY_RATIO),
                            String.format(Locale.ROOT, "%.3f", ahp.consistencyRatio())));
                }
            } catch (IllegalArgumentException e) {
                checks.add(new FieldError("comparisons", e.getMessage()));
            }
        }
        List<Alternative> alternatives = r.alternatives() == null ? List.of() : r.alternatives();
        if (alternatives.size() < 2) {
            checks.add(new FieldError("alternatives", "must list at least two technologies"));
        }
        List<Alternative> complete = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            Alternative a = alternatives.get(i);
            String at = "alternatives[" + i + "]";
            if (a == null) {
                checks.add(new FieldError(at, "is required"));
                continue;
            }
            String label = a.label();
            if (a.technologyId() != null) {
                var technology = technologies.technology(a.technologyId(), actor);
                if (technology.isEmpty()) {
                    checks.add(FieldError.coded(at + ".technologyId", "technology", "must name a registered technology"));
                } else if (label == null || label.isBlank()) {
                    label = technology.get().nameJa();
                }
            }
            if (label == null || label.isBlank()) {
                checks.add(new FieldError(at + ".label", "is required without a technologyId"));
            }
            Double strength = a.japanStrength();
            Double momentum = a.momentumAbroad();
            if (a.field() != null) {
                strength = indicators.indicator(dataset, country, a.field(), year, false)
                        .map(Indicators.Indicator::specialization).orElse(null);
                momentum = momentumAbroad(dataset, country, a.field(), from, year);
                if (strength == null || momentum == null) {
                    checks.add(new FieldError(at + ".field", "has no indicator for " + country + " in " + year));
                }
            } else if (strength == null || momentum == null) {
                checks.add(new FieldError(at + ".field", "is required unless japanStrength and momentumAbroad are given"));
            }
            expert(checks, at + ".socialNeeds", a.socialNeeds());
            expert(checks, at + ".risk", a.risk());
            complete.add(new Alternative(a.technologyId(), label == null ? null : label.strip(), a.field(), strength,
                    momentum, a.socialNeeds(), a.risk()));
        }
        checks.failIfAny();
        return new RankingRequest(r.title().strip(), dataset, country, year, from, m, complete);
    }

    private static void expert(FieldChecks checks, String field, Double value) {
        if (value == null || value < 1 || value > 5) {
            checks.add(new FieldError(field, "must be an expert score from 1 to 5"));
        }
    }

    /** CAGR of the rest of the world's count (world minus the country) in the field. */
    private Double momentumAbroad(String dataset, String country, String field, int from, int to) {
        var world = indicators.indicator(dataset, "World", field, from, false);
        var worldTo = indicators.indicator(dataset, "World", field, to, false);
        var own = indicators.indicator(dataset, country, field, from, false);
        var ownTo = indicators.indicator(dataset, country, field, to, false);
        if (world.isEmpty() || worldTo.isEmpty() || own.isEmpty() || ownTo.isEmpty()
                || world.get().count() == null || worldTo.get().count() == null) {
            return null;
        }
        double a = world.get().count() - (own.get().count() == null ? 0 : own.get().count());
        double b = worldTo.get().count() - (ownTo.get().count() == null ? 0 : ownTo.get().count());
        double cagr = Math.pow(b / a, 1.0 / (to - from)) - 1;
        return Double.isFinite(cagr) ? cagr : null;
    }

    /** TOPSIS on the complete request. Growth can be negative, so criteria are shifted to be positive first. */
    Ranking evaluate(UUID id, RankingRequest r, Instant createdAt) {
        Ahp.Result ahp = Ahp.weigh(r.comparisons());
        List<Alternative> alts = r.alternatives();
        int m = alts.size();
        int n = CRITERIA.size();
        double[][] x = new double[m][n];
        for (int i = 0; i < m; i++) {
            Alternative a = alts.get(i);
            x[i] = new double[]{a.japanStrength(), a.momentumAbroad(), a.socialNeeds(), a.risk()};
        }
        double[][] shifted = shiftPositive(x);
        boolean[] benefit = {true, true, true, true};
        Topsis.Result t = Topsis.rank(shifted, ahp.weights(), benefit);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<Contribution> contributions = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                contributions.add(new Contribution(CRITERIA.get(j), x[i][j], t.weighted()[i][j], t.ideal()[j],
                        t.antiIdeal()[j], t.contributions()[i][j]));
            }
            Alternative a = alts.get(i);
            ranked.add(new Ranked(a.technologyId(), a.label(), a.field(), t.rank()[i], t.closeness()[i],
                    List.copyOf(contributions)));
        }
        ranked.sort(java.util.Comparator.comparingInt(Ranked::rank));
        List<Sensitivity> sensitivity = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (double factor : new double[]{0.9, 1.1}) {
                List<RankChange> changes = Topsis.sensitivity(shifted, ahp.weights(), benefit, j, factor).stream()
                        .map(c -> new RankChange(alts.get(c.alternative()).label(), c.from(), c.to())).toList();
                sensitivity.add(new Sensitivity(CRITERIA.get(j), factor < 1 ? "-10%" : "+10%", changes));
            }
        }
        return new Ranking(id, r.title(), r.dataset(), r.country(), r.year(), r.growthFrom(), CRITERIA,
                ahp.weights(), ahp.lambdaMax(), ahp.consistencyRatio(), List.copyOf(ranked), List.copyOf(sensitivity),
                createdAt);
    }

    /** Vector normalisation needs non-negative values: a column with a negative value is shifted by its minimum. */
    static double[][] shiftPositive(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        if (x.length == 0) {
            return out;
        }
        for (int j = 0; j < x[0].length; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : x) {
                min = Math.min(min, row[j]);
            }
            if (min < 0) {
                for (double[] row : out) {
                    row[j] -= min;
                }
            }
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> rankings(BansoUser viewer) {
        if (!mayRead(viewer)) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, r.title, r.created_at,
                       (select count(*) from thinktank_ranking_entry e where e.ranking_id = r.id) as n
                from thinktank_ranking r order by r.created_at desc""")
                .query((rs, i) -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"), rs.getInt("n"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Ranking> ranking(UUID id, BansoUser viewer) {
        if (!mayRead(viewer)) {
            return Optional.empty();
        }
        return jdbc.sql("select request::text as request, created_at from thinktank_ranking where id = ?").param(id)
                .query((rs, i) -> evaluate(id, json.readValue(rs.getString("request"), RankingRequest.class),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Citation> citations(TechnologyId technology, BansoUser viewer) {
        if (!mayRead(viewer)) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, r.title, r.created_at, e.rank, e.closeness,
                       (select count(*) from thinktank_ranking_entry o where o.ranking_id = r.id) as n
                from thinktank_ranking_entry e join thinktank_ranking r on r.id = e.ranking_id
                where e.technology_id = ? order by r.created_at desc""")
                .param(technology.value())
                .query((rs, i) -> new Citation(rs.getObject("id", UUID.class), rs.getString("title"), rs.getInt("rank"),
                        rs.getInt("n"), rs.getDouble("closeness"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
