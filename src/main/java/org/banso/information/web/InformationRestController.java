package org.banso.information.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;
import org.banso.information.DesignationId;
import org.banso.information.InformationItems;
import org.banso.information.InformationItems.Content;
import org.banso.information.InformationItems.DesignationView;
import org.banso.information.InformationItems.ItemSummary;
import org.banso.information.InformationItems.ItemView;
import org.banso.information.InformationItems.NewItem;
import org.banso.information.InformationItems.Upload;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.shared.BansoException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md § Information. Every decision is the facade's and its access policy's (R17); this class only translates. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Information", description = "Council items, designations, markings, downloads (R12, R15–R17, R20)")
class InformationRestController {

    private final InformationItems items;

    InformationRestController(InformationItems items) {
        this.items = items;
    }

    /** The {@code meta} part of an upload. */
    record ItemMeta(String title, ItemCategory category, UUID projectId) {
    }

    @PostMapping(path = "/councils/{id}/items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Store an item in a council (a pledged member of a current participant: the provider)",
            description = "Multipart: part `file` (media type sniffed from the bytes; over the limit → 413 "
                    + "payload-too-large) and part `meta` JSON {title, category, projectId}.")
    ResponseEntity<ItemView> upload(@PathVariable UUID id, @RequestPart("meta") ItemMeta meta,
                                    @RequestPart("file") MultipartFile file,
                                    @AuthenticationPrincipal BansoUser user) throws IOException {
        NewItem item = meta == null ? null : new NewItem(meta.title(), meta.category(), meta.projectId());
        ItemView view = items.upload(new CouncilId(id), item, upload(file), user);
        return ResponseEntity.created(URI.create("/api/v1/items/" + view.id())).body(view);
    }

    @PostMapping(path = "/items/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a version (a pledged member of the provider participant)")
    ResponseEntity<ItemView> addVersion(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                                        @AuthenticationPrincipal BansoUser user) throws IOException {
        ItemView view = items.addVersion(new ItemId(id), upload(file), user);
        return ResponseEntity.created(URI.create("/api/v1/items/" + view.id())).body(view);
    }

    @GetMapping("/councils/{id}/items")
    @Operation(summary = "What the caller may see of a council's items, newest first",
            description = "403 pledge-required for a member who has not signed the current pledge; 404 for others.")
    List<ItemSummary> councilItems(@PathVariable UUID id,
                                   @Parameter(description = "0-based page, at most 10000") @RequestParam(defaultValue = "0") int page,
                                   @AuthenticationPrincipal BansoUser user) {
        return items.items(new CouncilId(id), user, page);
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "An item's metadata and versions; marking computed from designations and the clock now")
    ItemView item(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return items.open(new ItemId(id), user);
    }

    @GetMapping("/items/{id}/content")
    @Operation(summary = "The bytes (latest or given version)", description = """
            CONTROLLED + DOWNLOAD_TRACED: a per-recipient fingerprinted copy with header Banso-Fingerprint; \
            VIEW_ONLY items → 403 forbidden (page viewer only).""")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                                   @AuthenticationPrincipal BansoUser user) {
        Content content = items.download(new ItemId(id), version, user);
        return ContentDownloads.attachment(content, ContentDownloads.declaredType(content));
    }

    @PostMapping("/items/{id}/publish")
    @Operation(summary = "A research result becomes PUBLIC (R16)",
            description = "409 item-designated while a designation in force or to come covers it.")
    ItemView publish(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return items.publish(new ItemId(id), user);
    }

    @GetMapping("/public/results")
    @Operation(summary = "Published research results and released items (no sign-in)")
    List<ItemSummary> publicResults() {
        return items.publicResults();
    }

    @GetMapping("/notices")
    @Operation(summary = "Notices of the councils the caller may read (R16 releases), newest first, at most 50",
            description = "Each notice names only the items the access policy lets the caller see now (R17); a "
                    + "notice with none left is not listed.")
    List<InformationItems.Notice> notices(@AuthenticationPrincipal BansoUser user) {
        return items.notices(user);
    }

    @GetMapping("/designations/{id}")
    @Operation(summary = "A designation: target, scope, period, handling, after-period, rationale (R15)")
    DesignationView designation(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return items.designation(new DesignationId(id), user);
    }

    @GetMapping("/councils/{id}/designations")
    @Operation(summary = "A council's designations, newest first (its pledged members)")
    List<DesignationView> designations(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return items.designations(new CouncilId(id), user);
    }

    private static Upload upload(MultipartFile file) throws IOException {
        if (file == null) {
            throw BansoException.invalid("file", "must be given");
        }
        return new Upload(file.getOriginalFilename(), file.getInputStream());
    }
}
