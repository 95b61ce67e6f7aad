package org.banso.thinktank.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.shared.BansoException;
import org.banso.thinktank.SupplyChain;
import org.banso.thinktank.SupplyChain.Position;
import org.banso.thinktank.SupplyChain.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/thinktank/supply-chain")
@Tag(name = "Think tank: supply chain", description = "R4: semiconductor supply-chain shares and concentration "
        + "(ETO dataset, CC BY-NC 4.0)")
class SupplyChainRestController {

    private final SupplyChain supplyChain;

    SupplyChainRestController(SupplyChain supplyChain) {
        this.supplyChain = supplyChain;
    }

    @GetMapping("/inputs")
    @Operation(summary = "Every input and stage: country shares, the country's share, leader, HHI (signed in)")
    List<Position> positions(@RequestParam(defaultValue = "JPN") String country) {
        return supplyChain.positions(country);
    }

    @GetMapping("/inputs/{id}")
    @Operation(summary = "One input or stage, with a reference an assessment can cite")
    Position position(@PathVariable String id, @RequestParam(defaultValue = "JPN") String country) {
        return supplyChain.position(id, country).orElseThrow(() -> BansoException.notFound("The input"));
    }

    @GetMapping("/profile")
    @Operation(summary = "Strengths (inputs the country leads) and dependences (inputs it lacks, HHI ≥ 2500)")
    Profile profile(@RequestParam(defaultValue = "JPN") String country) {
        return supplyChain.profile(country);
    }
}
