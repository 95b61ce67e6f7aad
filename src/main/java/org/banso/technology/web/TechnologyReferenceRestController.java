package org.banso.technology.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.technology.TechnologyArea;
import org.banso.technology.TechnologyReference;
import org.banso.technology.VisionTechnology;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Technologies", description = "Technology areas and K Program vision technologies (reference data)")
class TechnologyReferenceRestController {

    private final TechnologyReference reference;

    TechnologyReferenceRestController(TechnologyReference reference) {
        this.reference = reference;
    }

    @GetMapping("/technology-areas")
    @Operation(summary = "The twenty technology areas of the R&D basic guideline (public)")
    List<TechnologyArea> areas() {
        return reference.areas();
    }

    @GetMapping("/technology-areas/{code}")
    TechnologyArea area(@PathVariable String code) {
        return reference.area(code).orElseThrow(() -> BansoException.notFound("The technology area"));
    }

    @PutMapping("/technology-areas/{code}")
    @Operation(summary = "Correct an area's names or source (PROGRAM_OFFICER); the previous revision is kept")
    TechnologyArea correct(@PathVariable String code, @RequestBody TechnologyReference.AreaCorrection correction,
                           @AuthenticationPrincipal BansoUser user) {
        if (correction == null) {
            throw BansoException.invalid("nameJa", "a correction needs at least one field");
        }
        return reference.correctArea(code, correction, user);
    }

    @GetMapping("/vision-technologies")
    @Operation(summary = "Technologies named in the K Program R&D visions (public)")
    List<VisionTechnology> visionTechnologies() {
        return reference.visionTechnologies();
    }
}
