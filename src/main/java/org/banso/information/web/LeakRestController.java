package org.banso.information.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.information.ItemId;
import org.banso.information.internal.leak.LeakInvestigations;
import org.banso.information.internal.leak.LeakInvestigations.Decision;
import org.banso.information.internal.leak.LeakInvestigations.Investigation;
import org.banso.information.internal.leak.LeakInvestigations.NewReport;
import org.banso.information.internal.leak.LeakInvestigations.Penalty;
import org.banso.information.internal.leak.LeakInvestigations.PenaltyChange;
import org.banso.information.internal.leak.LeakInvestigations.Report;
import org.banso.information.internal.leak.LeakInvestigations.ReportSummary;
import org.banso.information.internal.leak.LeakInvestigations.Trace;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/leaks")
@Tag(name = "Leaks", description = "Tracing leaked copies to their recipients, leak reports, investigations and "
        + "penalties (R17; AUDITOR, the penalty table also ADMIN; anyone else gets 404)")
class LeakRestController {

    private final LeakInvestigations leaks;

    LeakRestController(LeakInvestigations leaks) {
        this.leaks = leaks;
    }

    @PostMapping(value = "/trace", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @Operation(summary = "Find the recipient of a leaked file (multipart 'file') or pasted text (field 'text')")
    Map<String, Object> trace(@RequestParam(required = false) MultipartFile file,
                              @RequestParam(required = false) String text,
                              @AuthenticationPrincipal BansoUser user) {
        Trace trace = leaks.trace(leaked(file, text), user)
                .orElseThrow(() -> BansoException.notFound("A traced copy"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemId", trace.itemId());
        body.put("recipientUserId", trace.recipientUserId());
        body.put("downloadedAt", trace.downloadedAt());
        body.put("fingerprint", trace.fingerprint());
        return body;
    }

    @GetMapping("/penalties")
    @Operation(summary = "The penalty table with maxima and sources")
    List<Penalty> penalties(@AuthenticationPrincipal BansoUser user) {
        return leaks.penalties(user);
    }

    @PutMapping("/penalties/{code}")
    @Operation(summary = "Correct a penalty: names, maximum, source (ADMIN; the previous revision is kept)")
    Penalty changePenalty(@PathVariable String code, @RequestBody PenaltyChange change,
                          @AuthenticationPrincipal BansoUser user) {
        return leaks.changePenalty(code, change, user);
    }

    @GetMapping("/reports")
    @Operation(summary = "Leak reports, newest first")
    List<ReportSummary> reports(@AuthenticationPrincipal BansoUser user) {
        return leaks.reports(user);
    }

    @PostMapping("/reports")
    @Operation(summary = "Report a leak: the item if known, a description, optionally a fingerprint found by a trace")
    ResponseEntity<Report> report(@RequestBody ReportRequest request, @AuthenticationPrincipal BansoUser user) {
        Report report = leaks.reportLeak(new NewReport(request.itemId(), request.description(),
                request.fingerprint()), user);
        return ResponseEntity.created(URI.create("/api/v1/leaks/reports/" + report.id())).body(report);
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "A report with its investigations and decision")
    Report report(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return leaks.report(id, user);
    }

    @PostMapping("/reports/{id}/investigations")
    @Operation(summary = "Attach a trace result: a fingerprint, or the leaked text in 'text'")
    Report investigate(@PathVariable UUID id, @RequestBody InvestigationRequest request,
                       @AuthenticationPrincipal BansoUser user) {
        byte[] text = request.text() == null ? null : request.text().getBytes(StandardCharsets.UTF_8);
        return leaks.investigate(id, new Investigation(request.fingerprint(), text, request.note()), user);
    }

    @PostMapping("/reports/{id}/decision")
    @Operation(summary = "Decide the penalty, within the penalty table's maximum (once)")
    Report decide(@PathVariable UUID id, @RequestBody Decision request, @AuthenticationPrincipal BansoUser user) {
        return leaks.decide(id, request, user);
    }

    /** The uploaded file, else the pasted text; empty when neither (the service says what that means). */
    static byte[] leaked(MultipartFile file, String text) {
        try {
            if (file != null && !file.isEmpty()) {
                return file.getBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    record ReportRequest(ItemId itemId, String description, String fingerprint) {
    }

    record InvestigationRequest(String fingerprint, String text, String note) {
    }

}
