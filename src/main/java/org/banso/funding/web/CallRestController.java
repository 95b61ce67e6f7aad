package org.banso.funding.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.funding.Calls;
import org.banso.funding.Calls.ApplicationView;
import org.banso.funding.Calls.AwardTerms;
import org.banso.funding.Calls.CallView;
import org.banso.funding.Calls.NewApplication;
import org.banso.funding.Calls.NewCall;
import org.banso.funding.Calls.ReviewView;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calls", description = "Calls for proposals, applications, reviews with conflict-of-interest declarations, awards")
class CallRestController {

    private final Calls calls;

    CallRestController(Calls calls) {
        this.calls = calls;
    }

    record Declaration(Boolean conflict, String reason) {
    }

    record Score(Integer score, String comment) {
    }

    @PostMapping("/calls")
    @Operation(summary = "Open a call (FUNDING_OFFICER): target technologies, window, budget cap, type")
    ResponseEntity<CallView> open(@RequestBody NewCall request, @AuthenticationPrincipal BansoUser user) {
        CallView call = calls.openCall(request, user);
        return ResponseEntity.created(URI.create("/api/v1/calls/" + call.id())).body(call);
    }

    @GetMapping("/calls")
    List<CallView> calls(@AuthenticationPrincipal BansoUser user) {
        return calls.calls(user);
    }

    @GetMapping("/calls/{id}")
    CallView call(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return calls.call(id, user);
    }

    @PostMapping("/calls/{id}/applications")
    @Operation(summary = "Apply as principal investigator (RESEARCHER): e-Rad number and ORCID checked, indirect "
            + "cost computed, draft open/close plan required; warnings carry duplicate-funding")
    ResponseEntity<ApplicationView> apply(@PathVariable UUID id, @RequestBody NewApplication request,
                                          @AuthenticationPrincipal BansoUser user) {
        ApplicationView application = calls.apply(id, request, user);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id())).body(application);
    }

    @GetMapping("/calls/{id}/applications")
    List<ApplicationView> applications(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return calls.applications(id, user);
    }

    @GetMapping("/applications/{id}")
    ApplicationView application(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return calls.application(id, user);
    }

    @PostMapping("/applications/{id}/declarations")
    @Operation(summary = "A reviewer declares conflicts of interest (once), before scoring")
    ResponseEntity<ReviewView> declare(@PathVariable UUID id, @RequestBody Declaration request,
                                       @AuthenticationPrincipal BansoUser user) {
        if (request.conflict() == null) {
            throw BansoException.invalid("conflict", "must be true or false");
        }
        return ResponseEntity.status(201).body(calls.declare(id, request.conflict(), request.reason(), user));
    }

    @PostMapping("/applications/{id}/reviews")
    @Operation(summary = "Score 1–5 (reviewer without a conflict of interest)")
    ResponseEntity<ReviewView> review(@PathVariable UUID id, @RequestBody Score request,
                                      @AuthenticationPrincipal BansoUser user) {
        if (request.score() == null) {
            throw BansoException.invalid("score", "must be 1–5");
        }
        return ResponseEntity.status(201).body(calls.score(id, request.score(), request.comment(), user));
    }

    @GetMapping("/applications/{id}/reviews")
    List<ReviewView> reviews(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return calls.reviews(id, user);
    }

    @PostMapping("/applications/{id}/award")
    @Operation(summary = "Award (FUNDING_OFFICER): the application becomes a project, budget = direct + indirect")
    ResponseEntity<ProjectView> award(@PathVariable UUID id, @RequestBody AwardTerms terms,
                                      @AuthenticationPrincipal BansoUser user) {
        ProjectView project = calls.award(id, terms, user);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(project);
    }
}
