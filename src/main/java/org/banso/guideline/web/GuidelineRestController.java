package org.banso.guideline.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.guideline.GuidelineModel.Measure;
import org.banso.guideline.GuidelineModel.MeasureStatus;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Section;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/guidelines")
@Tag(name = "Guideline", description = "The R&D basic guideline: versions, sections, support measures (R1)")
class GuidelineRestController {

    private final Guidelines guidelines;
    private final GuidelinePdfs pdfs;

    GuidelineRestController(Guidelines guidelines, GuidelinePdfs pdfs) {
        this.guidelines = guidelines;
        this.pdfs = pdfs;
    }

    record StatusRequest(MeasureStatus status) {
    }

    @GetMapping("/current")
    @Operation(summary = "The guideline in force (public)")
    Version current() {
        return guidelines.current().orElseThrow(() -> BansoException.notFound("A guideline in force"));
    }

    @GetMapping(value = "/current.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The guideline in force as a PDF in Japanese (public)")
    ResponseEntity<byte[]> currentPdf() {
        return pdfs.currentPdf();
    }

    @GetMapping
    @Operation(summary = "Versions: in force and superseded for everyone, drafts too for program officers")
    List<Version> versions(@AuthenticationPrincipal BansoUser user) {
        return guidelines.versions(user);
    }

    @GetMapping("/{id}")
    Version version(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return guidelines.version(id, user).orElseThrow(() -> BansoException.notFound("The guideline version"));
    }

    @PostMapping
    @Operation(summary = "Create a draft version (PROGRAM_OFFICER)",
            description = "basedOnId (optional) copies the sections and measures of an existing version.")
    ResponseEntity<Version> draft(@RequestBody NewVersion request, @AuthenticationPrincipal BansoUser user) {
        Version version = guidelines.draft(request, user);
        return ResponseEntity.created(URI.create("/api/v1/guidelines/" + version.id())).body(version);
    }

    @PostMapping("/{id}/sections")
    @Operation(summary = "Add a section to a draft (PROGRAM_OFFICER)")
    ResponseEntity<Section> section(@PathVariable UUID id, @RequestBody NewSection request,
                                    @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(201).body(guidelines.addSection(id, request, user));
    }

    @PostMapping("/{id}/measures")
    @Operation(summary = "Add a support measure to a draft (PROGRAM_OFFICER)", description = """
            kind ∈ INFORMATION_PROVISION, FUNDING, HUMAN_RESOURCES, OTHER; responsibleMinistryId names an \
            organization of kind MINISTRY; technologyIds link registered technologies.""")
    ResponseEntity<Measure> measure(@PathVariable UUID id, @RequestBody NewMeasure request,
                                    @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(201).body(guidelines.addMeasure(id, request, user));
    }

    @PutMapping("/measures/{measureId}/status")
    @Operation(summary = "Change a measure's status (PROGRAM_OFFICER); the history is kept")
    Measure status(@PathVariable UUID measureId, @RequestBody StatusRequest request,
                   @AuthenticationPrincipal BansoUser user) {
        return guidelines.changeMeasureStatus(measureId, request == null ? null : request.status(), user);
    }

    @PostMapping("/{id}/enforce")
    @Operation(summary = "Put a draft in force, superseding the version in force (PROGRAM_OFFICER)",
            description = "R1: 409 guideline-incomplete unless the draft has measures of information provision, "
                    + "funding and human-resource development.")
    Version enforce(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return guidelines.enforce(id, user);
    }
}
