package org.banso.thinktank.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;
import org.banso.information.InformationItems;
import org.banso.shared.BansoException;
import org.banso.thinktank.Commissions.Commission;
import org.banso.thinktank.Commissions.CommissionRequest;
import org.banso.thinktank.Commissions.Entity;
import org.banso.thinktank.Commissions.EntityRequest;
import org.banso.thinktank.Commissions.RenewalRequest;
import org.banso.thinktank.Commissions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/thinktank")
@Tag(name = "Think tank: entities and commissions", description = "R18")
class CommissionRestController {

    private final Commissions commissions;

    CommissionRestController(Commissions commissions) {
        this.commissions = commissions;
    }

    @PostMapping("/entities")
    @Operation(summary = "Record a research entity (PROGRAM_OFFICER, MINISTRY_OFFICIAL)", description = """
            Each capability is evidence text; the entity is qualified only with all three and \
            confidentialityAgreedAt. Missing evidence is allowed and listed in missing.""")
    ResponseEntity<Entity> register(@RequestBody EntityRequest request, @AuthenticationPrincipal BansoUser user) {
        Entity entity = commissions.registerEntity(request, user);
        return ResponseEntity.created(URI.create("/api/v1/thinktank/entities/" + entity.id())).body(entity);
    }

    @PutMapping("/entities/{id}")
    @Operation(summary = "Replace an entity's evidence and agreement date (PROGRAM_OFFICER, MINISTRY_OFFICIAL)")
    Entity update(@PathVariable UUID id, @RequestBody EntityRequest request, @AuthenticationPrincipal BansoUser user) {
        return commissions.updateEntity(id, request, user);
    }

    @GetMapping("/entities")
    List<Entity> entities(@AuthenticationPrincipal BansoUser user) {
        return commissions.entities(user);
    }

    @GetMapping("/entities/{id}")
    Entity entity(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return commissions.entity(id, user).orElseThrow(() -> BansoException.notFound("The entity"));
    }

    @PostMapping("/commissions")
    @Operation(summary = "Commission research to a qualified entity (MINISTRY_OFFICIAL, PROGRAM_OFFICER)",
            description = "409 entity-not-qualified unless the entity has all three capabilities and the "
                    + "confidentiality agreement. Deliverables fall within the period.")
    ResponseEntity<Commission> commission(@RequestBody CommissionRequest request,
                                          @AuthenticationPrincipal BansoUser user) {
        Commission commission = commissions.commission(request, user);
        return ResponseEntity.created(URI.create("/api/v1/thinktank/commissions/" + commission.id()))
                .body(commission);
    }

    @PostMapping("/commissions/{id}/renewals")
    @Operation(summary = "Renew a commission to a later end (history kept; entity must still be qualified)")
    Commission renew(@PathVariable UUID id, @RequestBody RenewalRequest request,
                     @AuthenticationPrincipal BansoUser user) {
        return commissions.renew(id, request, user);
    }

    @GetMapping("/commissions")
    List<Commission> commissions(@AuthenticationPrincipal BansoUser user) {
        return commissions.commissions(user);
    }

    @PostMapping(value = "/commissions/{id}/deliverables/{deliverableId}/submission",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a deliverable as a REPORT item of a council (R20; the commissioned entity's members)",
            description = "The item is controlled like any other: the uploader must be a pledged member of a current "
                    + "participant of the council. Submitting again adds a version to the same item.")
    Commission submitDeliverable(@PathVariable UUID id, @PathVariable UUID deliverableId,
                                 @RequestParam(required = false) UUID councilId,
                                 @RequestPart("file") MultipartFile file,
                                 @AuthenticationPrincipal BansoUser user) throws java.io.IOException {
        return commissions.submitDeliverable(id, deliverableId, councilId == null ? null : new CouncilId(councilId),
                new InformationItems.Upload(file.getOriginalFilename(), file.getInputStream()), user);
    }

    @GetMapping("/commissions/{id}")
    Commission commission(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return commissions.commission(id, user).orElseThrow(() -> BansoException.notFound("The commission"));
    }
}
