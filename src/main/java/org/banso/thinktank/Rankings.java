package org.banso.thinktank;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.technology.TechnologyId;

/**
 * R19: technologies ranked by TOPSIS on four criteria weighted by AHP. The criteria, in the order of the pairwise
 * comparison matrix: JAPAN_STRENGTH (the country's specialization index in the technology's field), MOMENTUM_ABROAD
 * (growth of the rest of the world's count in that field over the window, CAGR), SOCIAL_NEEDS (expert input 1…5),
 * RISK (leakage and dependence risk, expert input 1…5). All four are benefit criteria: more of each makes support
 * more urgent. Program officers and analysts compute rankings; government and think-tank roles read them.
 */
public interface Rankings {

    List<String> CRITERIA = List.of("JAPAN_STRENGTH", "MOMENTUM_ABROAD", "SOCIAL_NEEDS", "RISK");

    /** {@code validation-failed} when the comparisons are inconsistent (CR > 0.1). */
    Ranking compute(RankingRequest request, BansoUser actor);

    List<Summary> rankings(BansoUser viewer);

    Optional<Ranking> ranking(UUID id, BansoUser viewer);

    /** What an assessment of the technology can cite: its place in every ranking, newest first. */
    List<Citation> citations(TechnologyId technology, BansoUser viewer);

    /**
     * @param comparisons 4×4 reciprocal pairwise comparisons of {@link #CRITERIA} (Saaty's 1…9 scale)
     * @param growthFrom  first year of the growth window; it ends at {@code year}
     */
    record RankingRequest(String title, String dataset, String country, Integer year, Integer growthFrom,
                          double[][] comparisons, List<Alternative> alternatives) {
    }

    /**
     * A technology to rank. {@code field} names the indicator field that measures it; {@code japanStrength} and
     * {@code momentumAbroad} may be given instead of a field.
     */
    record Alternative(TechnologyId technologyId, String label, String field, Double japanStrength,
                       Double momentumAbroad, Double socialNeeds, Double risk) {
    }

    record Ranking(UUID id, String title, String dataset, String country, int year, int growthFrom,
                   List<String> criteria, double[] weights, double lambdaMax, double consistencyRatio,
                   List<Ranked> ranked, List<Sensitivity> sensitivity, Instant createdAt) {
    }

    record Ranked(TechnologyId technologyId, String label, String field, int rank, double closeness,
                  List<Contribution> contributions) {
    }

    /** One criterion's part in a rank: the raw value, its weighted normalised value and its pull toward the ideal. */
    record Contribution(String criterion, double value, double weighted, double ideal, double antiIdeal,
                        double contribution) {
    }

    /** Ranks that change when one criterion's weight moves by {@code change} (−10 % or +10 %). */
    record Sensitivity(String criterion, String change, List<RankChange> changes) {
    }

    record RankChange(String label, int from, int to) {
    }

    record Summary(UUID id, String title, int alternatives, Instant createdAt) {
    }

    record Citation(UUID rankingId, String title, int rank, int of, double closeness, Instant createdAt) {

        /** A reference an assessment can record as its think-tank input. */
        public String reference() {
            return "think-tank ranking " + rankingId + ": rank " + rank + " of " + of;
        }
    }
}
