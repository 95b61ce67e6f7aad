package org.banso.thinktank.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.technology.TechnologyId;
import org.banso.thinktank.Rankings;
import org.banso.thinktank.Rankings.Citation;
import org.banso.thinktank.Rankings.Ranking;
import org.banso.thinktank.Rankings.RankingRequest;
import org.banso.thinktank.Rankings.Summary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/thinktank/rankings")
@Tag(name = "Think tank: rankings", description = "R19: AHP weights, TOPSIS ranking, explanation, sensitivity")
class RankingRestController {

    private final Rankings rankings;

    RankingRestController(Rankings rankings) {
        this.rankings = rankings;
    }

    @PostMapping
    @Operation(summary = "Rank technologies (PROGRAM_OFFICER, ANALYST)", description = """
            comparisons: 4×4 reciprocal AHP matrix over JAPAN_STRENGTH, MOMENTUM_ABROAD, SOCIAL_NEEDS, RISK; \
            a consistency ratio above 0.1 is refused (400 validation-failed, field comparisons). \
            alternatives: {technologyId?, label?, field (indicator field, e.g. semiconductors), socialNeeds 1..5, \
            risk 1..5}; JAPAN_STRENGTH = the country's specialization index in the field at year, \
            MOMENTUM_ABROAD = CAGR of the rest of the world's count from growthFrom to year.""")
    ResponseEntity<Ranking> compute(@RequestBody RankingRequest request, @AuthenticationPrincipal BansoUser user) {
        Ranking ranking = rankings.compute(request, user);
        return ResponseEntity.created(URI.create("/api/v1/thinktank/rankings/" + ranking.id())).body(ranking);
    }

    @GetMapping
    List<Summary> rankings(@AuthenticationPrincipal BansoUser user) {
        return rankings.rankings(user);
    }

    @GetMapping("/{id}")
    Ranking ranking(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return rankings.ranking(id, user).orElseThrow(() -> BansoException.notFound("The ranking"));
    }

    @GetMapping("/technologies/{technologyId}")
    @Operation(summary = "A technology's place in every ranking, for its assessment to cite")
    List<CitationView> citations(@PathVariable UUID technologyId, @AuthenticationPrincipal BansoUser user) {
        return rankings.citations(new TechnologyId(technologyId), user).stream()
                .map(c -> new CitationView(c, c.reference())).toList();
    }

    record CitationView(Citation citation, String reference) {
    }
}
