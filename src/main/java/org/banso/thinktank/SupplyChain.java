package org.banso.thinktank;

import java.util.List;
import java.util.Optional;

/**
 * R4: dependence and strength in the semiconductor supply chain, from the ETO Advanced Semiconductor Supply Chain
 * dataset (CC BY-NC 4.0, Emerging Technology Observatory, CSET). Per input and stage: country shares (%, country-level
 * rows; the aggregate Various countries is shown but neither leads nor counts in the concentration), the leading
 * country, and the Herfindahl–Hirschman index {@code HHI = Σ share²} (0…10 000). A strength is an input the country
 * leads; a dependence is an input the country does not provide at all whose supply is highly concentrated
 * ({@code HHI ≥ 2 500}).
 */
public interface SupplyChain {

    double CONCENTRATED_HHI = 2500;
    String ATTRIBUTION = "Emerging Technology Observatory, Advanced Semiconductor Supply Chain Dataset "
            + "(CSET, Georgetown University), CC BY-NC 4.0";

    /** Inputs and stages with country shares, most concentrated first. */
    List<Position> positions(String country);

    Optional<Position> position(String inputId, String country);

    Profile profile(String country);

    record Share(String country, String countryName, Double share) {
    }

    /**
     * @param stage   the stage the input belongs to (through the dataset's goes-into and type-of links), if known
     * @param share   the country's share; {@code null} when absent or present without a figure
     * @param present whether the country provides the input at all
     */
    record Position(String id, String name, String type, String stage, Integer year, List<Share> shares,
                    String country, Double share, boolean present, String leader, Double leaderShare, Double hhi,
                    String reference) {
    }

    record Profile(String country, List<Position> strengths, List<Position> dependences, String attribution) {
    }
}
