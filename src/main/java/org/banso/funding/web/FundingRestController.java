package org.banso.funding.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.banso.funding.AwardInvitations;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.Funding.LedgerFilter;
import org.banso.funding.Funding.NewProject;
import org.banso.funding.FundingViews.Balance;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.FundingViews.FundView;
import org.banso.funding.FundingViews.LedgerEntry;
import org.banso.funding.FundingViews.ProjectView;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.shared.BansoException;
import org.banso.shared.CsvCells;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Funding", description = "The fund ledger (R2), projects (R10) and the council gate (R7)")
class FundingRestController {

    static final String[] CSV_COLUMNS = {"seq", "id", "recorded_at", "kind", "amount_yen", "debit", "credit",
            "project_id", "reverses", "recorded_by", "memo"};

    private final Funding funding;
    private final AwardInvitations awardInvitations;

    FundingRestController(Funding funding, AwardInvitations awardInvitations) {
        this.funding = funding;
        this.awardInvitations = awardInvitations;
    }

    record ConfirmedInvitations(List<UUID> organizationIds) {
    }

    record NewFund(String name, Program program) {
    }

    record NewEntry(EntryKind kind, Long amount, String memo) {
    }

    record Reversal(String memo) {
    }

    record Disbursement(Long amount, String memo) {
    }

    @PostMapping("/funds")
    @Operation(summary = "Create a fund (PROGRAM_OFFICER)")
    ResponseEntity<FundView> createFund(@RequestBody NewFund request, @AuthenticationPrincipal BansoUser user) {
        FundView fund = funding.createFund(request.name(), request.program(), user);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + fund.id())).body(fund);
    }

    @GetMapping("/funds")
    List<FundView> funds(@AuthenticationPrincipal BansoUser user) {
        return funding.funds(user);
    }

    @GetMapping("/funds/{id}")
    FundView fund(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return funding.fund(new FundId(id), user);
    }

    @PostMapping("/funds/{id}/ledger")
    @Operation(summary = "Record an appropriation or a return to the treasury (PROGRAM_OFFICER), integer yen")
    ResponseEntity<LedgerEntry> record(@PathVariable UUID id, @RequestBody NewEntry request,
                                       @AuthenticationPrincipal BansoUser user) {
        if (request.kind() == null) {
            throw BansoException.invalid("kind", "must be APPROPRIATION or RETURN");
        }
        LedgerEntry entry = funding.record(new FundId(id), request.kind(), amount(request.amount()), request.memo(),
                user);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/ledger/" + entry.id())).body(entry);
    }

    @PostMapping("/funds/{id}/ledger/{entryId}/reversal")
    @Operation(summary = "Reverse an entry with a new entry referencing it (PROGRAM_OFFICER)")
    ResponseEntity<LedgerEntry> reverse(@PathVariable UUID id, @PathVariable UUID entryId,
                                        @RequestBody(required = false) Reversal request,
                                        @AuthenticationPrincipal BansoUser user) {
        LedgerEntry entry = funding.reverse(new FundId(id), entryId, request == null ? null : request.memo(), user);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + id + "/ledger/" + entry.id())).body(entry);
    }

    @GetMapping("/funds/{id}/ledger")
    @Operation(summary = "Ledger entries, newest first; filters kind, projectId; limit ≤ 1000")
    List<LedgerEntry> ledger(@PathVariable UUID id, @RequestParam(required = false) EntryKind kind,
                             @RequestParam(required = false) UUID projectId,
                             @RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal BansoUser user) {
        return funding.ledger(new FundId(id), filter(kind, projectId, limit), user);
    }

    @GetMapping(value = "/funds/{id}/ledger.csv", produces = "text/csv")
    @Operation(summary = "The ledger as CSV (UTF-8 with BOM for spreadsheet programs)")
    ResponseEntity<byte[]> ledgerCsv(@PathVariable UUID id, @RequestParam(required = false) EntryKind kind,
                                     @RequestParam(required = false) UUID projectId,
                                     @AuthenticationPrincipal BansoUser user) {
        List<LedgerEntry> entries = funding.ledger(new FundId(id), filter(kind, projectId, 1000), user);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".csv\"")
                .body(csv(entries).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/funds/{id}/ledger.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The ledger as an XLSX workbook (one sheet, amounts as numbers)")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable UUID id, @RequestParam(required = false) EntryKind kind,
                                      @RequestParam(required = false) UUID projectId,
                                      @AuthenticationPrincipal BansoUser user) {
        List<LedgerEntry> entries = funding.ledger(new FundId(id), filter(kind, projectId, 1000), user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-" + id + ".xlsx\"")
                .body(LedgerWorkbook.of(entries));
    }

    static String csv(List<LedgerEntry> entries) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            for (LedgerEntry e : entries) {
                printer.printRecord(e.seq(), e.id(), e.recordedAt(), e.kind(), e.amount(), e.debitAccount(),
                        e.creditAccount(), e.projectId() == null ? "" : e.projectId(),
                        e.reverses() == null ? "" : e.reverses(), e.recordedBy(), CsvCells.text(e.memo()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    @GetMapping("/funds/{id}/balance")
    @Operation(summary = "Balances derived from the ledger: appropriated = allocated + available")
    Balance balance(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return funding.balance(new FundId(id), user);
    }

    @PostMapping("/projects")
    @Operation(summary = "Award a project (FUNDING_OFFICER): allocates its budget; a K Program project gets a council")
    ResponseEntity<ProjectView> award(@RequestBody NewProject request, @AuthenticationPrincipal BansoUser user) {
        ProjectView project = funding.award(request, user);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(project);
    }

    @GetMapping("/projects")
    List<ProjectView> projects(@AuthenticationPrincipal BansoUser user) {
        return funding.projects(user);
    }

    @GetMapping("/projects/{id}")
    ProjectView project(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return funding.project(new ProjectId(id), user);
    }

    @GetMapping("/projects/{id}/invitations")
    @Operation(summary = "The people a K Program award knows, proposed for named invitations to its council "
            + "(the awarding officer only; 404 otherwise)")
    AwardInvitations.ProposedInvitations proposedInvitations(@PathVariable UUID id,
                                                             @AuthenticationPrincipal BansoUser user) {
        return awardInvitations.proposed(new ProjectId(id), user);
    }

    @PostMapping("/projects/{id}/invitations")
    @Operation(summary = "Invite the confirmed organizations' people by name and e-mail (the awarding officer, once); "
            + "400 validation-failed on organizationIds, 409 conflict when sent already")
    ResponseEntity<List<AwardInvitations.ProposedInvitee>> invite(@PathVariable UUID id,
                                                                  @RequestBody ConfirmedInvitations request,
                                                                  @AuthenticationPrincipal BansoUser user) {
        List<OrganizationId> organizations = request == null || request.organizationIds() == null ? List.of()
                : request.organizationIds().stream().filter(java.util.Objects::nonNull).map(OrganizationId::new)
                        .toList();
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(awardInvitations.invite(new ProjectId(id), organizations, user));
    }

    @PostMapping("/projects/{id}/activate")
    @Operation(summary = "Activate (FUNDING_OFFICER); 409 council-not-established for K Program (R7)")
    ProjectView activate(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return funding.activate(new ProjectId(id), user);
    }

    @PostMapping("/projects/{id}/disbursements")
    @Operation(summary = "Disburse from the project's allocation (FUNDING_OFFICER); 409 council-not-established, "
            + "409 insufficient-funds")
    ResponseEntity<LedgerEntry> disburse(@PathVariable UUID id, @RequestBody Disbursement request,
                                         @AuthenticationPrincipal BansoUser user) {
        LedgerEntry entry = funding.disburse(new ProjectId(id), amount(request.amount()), request.memo(), user);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + entry.fundId() + "/ledger/" + entry.id()))
                .body(entry);
    }

    private static LedgerFilter filter(EntryKind kind, UUID projectId, int limit) {
        return new LedgerFilter(kind, projectId == null ? null : new ProjectId(projectId), limit);
    }

    private static long amount(Long amount) {
        if (amount == null || amount <= 0) {
            throw BansoException.invalid("amount", "must be a positive number of yen");
        }
        return amount;
    }

}
