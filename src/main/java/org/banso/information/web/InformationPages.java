package org.banso.information.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.Councils;
import org.banso.council.Proposals;
import org.banso.funding.Funding;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.information.AccessDecision;
import org.banso.information.DesignationId;
import org.banso.information.Handling;
import org.banso.information.InformationAccessPolicy;
import org.banso.information.InformationAction;
import org.banso.information.InformationItems;
import org.banso.information.InformationItems.DesignationView;
import org.banso.information.InformationItems.ItemSummary;
import org.banso.information.InformationItems.ItemView;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.ItemViewing;
import org.banso.information.Marking;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.web.Confirmation;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The information pages: a council's items (marking badges, countdowns, designations, upload form), an item (metadata,
 * versions, download only when the policy permits it, the viewer link for every item the viewer can show), a designation, and the
 * public results. Every decision is the facade's and the policy's (R17); this class asks, never decides.
 */
@Controller
class InformationPages {

    /** The listing's page size ({@code banso.information.listing-page-size}); "next" shows when a page is full. */
    private final int pageSize;

    private final InformationItems items;
    private final InformationAccessPolicy policy;
    private final Councils councils;
    private final Proposals proposals;
    private final IdentityManagement identity;
    private final FieldErrorMessages errorMessages;
    private final Clock clock;
    private final Funding funding;
    private final ItemViewing viewing;

    InformationPages(InformationItems items, InformationAccessPolicy policy, Councils councils, Proposals proposals,
                     IdentityManagement identity, FieldErrorMessages errorMessages, Clock clock, Funding funding,
                     ItemViewing viewing,
                     @org.springframework.beans.factory.annotation.Value("${banso.information.listing-page-size:200}")
                     int pageSize) {
        this.pageSize = pageSize;
        this.items = items;
        this.policy = policy;
        this.councils = councils;
        this.proposals = proposals;
        this.identity = identity;
        this.errorMessages = errorMessages;
        this.clock = clock;
        this.funding = funding;
        this.viewing = viewing;
    }

    @GetMapping("/councils/{id}/items")
    String councilItems(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model,
                        @AuthenticationPrincipal BansoUser user) {
        return itemsPage(new CouncilId(id), page, model, user);
    }

    /** The council's items page; an upload form sent back refused is already in the model, with its errors. */
    private String itemsPage(CouncilId council, int page, Model model, BansoUser user) {
        List<ItemSummary> list = items.items(council, user, Math.max(0, page));
        CouncilView view = councils.council(council, user);
        Instant now = clock.instant();
        Map<String, Long> daysLeft = new HashMap<>();
        list.forEach(s -> {
            if (s.controlledUntil() != null) {
                daysLeft.put(s.id().toString(), daysUntil(now, s.controlledUntil()));
            }
        });
        model.addAttribute("council", view);
        model.addAttribute("readable", viewing.renderable(list.stream().map(ItemSummary::id).toList()));
        model.addAttribute("projectNames", projectNames(view, user));
        model.addAttribute("items", list);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", pageSize);
        model.addAttribute("daysLeft", daysLeft);
        model.addAttribute("designations", items.designations(council, user));
        model.addAttribute("categories", ItemCategory.values());
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", new UploadForm("", null, null, null));
        }
        return "information/items";
    }

    /**
     * The council's projects by title, for the upload form: each title the funding module shows this person; a
     * project it does not show them stays unnamed (the page numbers it), never an id.
     */
    private Map<UUID, String> projectNames(CouncilView council, BansoUser user) {
        Map<UUID, String> names = new HashMap<>();
        for (UUID project : council.projectIds()) {
            try {
                names.put(project, funding.project(new ProjectId(project), user).title());
            } catch (BansoException hidden) {
                // not the person's to read: the option is numbered instead
            }
        }
        return names;
    }

    /**
     * An item uploaded from the council's page (R12, R17: the facade and its policy decide). Refused — a field, the
     * file's size or type — the page comes back with what was typed, each message by its field; the file must be chosen
     * again, since no browser lets a page refill a file input, and the page says so.
     */
    @PostMapping("/councils/{id}/items")
    String upload(@PathVariable UUID id, @Valid @ModelAttribute("uploadForm") UploadForm form, BindingResult binding,
                  Model model, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        UploadForm typed = Forms.typed(form, UploadForm.class, binding, model);
        requireFile(typed.file(), binding);
        return Forms.submit(binding, () -> {
            ItemView item = items.upload(new CouncilId(id), new InformationItems.NewItem(typed.title(),
                    typed.category(), typed.projectId()), upload(typed.file()), user);
            redirect.addFlashAttribute("saved", "information.uploaded");
            return "redirect:/items/" + item.id();
        }, InformationPages::fileRefusal, () -> itemsPage(new CouncilId(id), 0, model, user));
    }

    /** An upload's title, category and project (chosen by title), and its file. */
    record UploadForm(@NotBlank @Size(max = 300) String title, @NotNull ItemCategory category, UUID projectId,
                      MultipartFile file) {
    }

    /** A new version's file. */
    record VersionForm(MultipartFile file) {
    }

    /** No file chosen is the field's mistake, named beside it. */
    private static void requireFile(MultipartFile file, BindingResult binding) {
        if ((file == null || file.isEmpty()) && !binding.hasFieldErrors("file")) {
            Forms.rejectValue(binding, "file", "validation.file-required", null, "must be given");
        }
    }

    /** A refusal of the stored content (too large, a type not accepted) is the file's; the rest by their fields. */
    private static Forms.Refusal fileRefusal(BansoException refusal) {
        return Forms.refusal(refusal).onField(ProblemCode.PAYLOAD_TOO_LARGE, "file")
                .onField(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "file");
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        return itemPage(new ItemId(id), model, user);
    }

    /** An item's page; a version form sent back refused is already in the model, with its errors. */
    private String itemPage(ItemId id, Model model, BansoUser user) {
        InformationItems.ItemPage page = items.itemPage(id, user);
        ItemView item = page.item();
        Instant now = clock.instant();
        model.addAttribute("item", item);
        model.addAttribute("mayDownload", page.mayDownload());
        model.addAttribute("mayAddVersion", page.mayAddVersion());
        model.addAttribute("mayPublish", page.mayPublish());
        model.addAttribute("viewOnly", item.marking() == Marking.CONTROLLED && item.handling() == Handling.VIEW_ONLY);
        // every item the viewer renders can be read in the browser, whatever its handling (issue 17)
        model.addAttribute("mayRead", viewing.readable(item.id(), user));
        model.addAttribute("daysLeft", item.controlledUntil() == null ? null : daysUntil(now, item.controlledUntil()));
        Map<String, String> names = new HashMap<>();
        item.versions().forEach(v -> identity.user(v.uploadedBy())
                .ifPresent(u -> names.put(u.id().toString(), u.displayName())));
        model.addAttribute("names", names);
        if (!model.containsAttribute("versionForm")) {
            model.addAttribute("versionForm", new VersionForm(null));
        }
        return "information/item";
    }

    /** A new version of an item. Refused, the item page comes back with the reason beside the file input. */
    @PostMapping("/items/{id}/versions")
    String addVersion(@PathVariable UUID id, @ModelAttribute("versionForm") VersionForm form, BindingResult binding,
                      Model model, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        MultipartFile file = form == null ? null : form.file();
        requireFile(file, binding);
        return Forms.submit(binding, () -> {
            items.addVersion(new ItemId(id), upload(file), user);
            redirect.addFlashAttribute("saved", "information.versionAdded");
            return "redirect:/items/" + id;
        }, InformationPages::fileRefusal, () -> itemPage(new ItemId(id), model, user));
    }

    /**
     * Publishing a research result puts it on the public page for anyone (R16) and cannot be taken back, so it is
     * first confirmed on a page naming the item and its council; the result names the item.
     */
    @PostMapping("/items/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                   String confirmed, HttpServletRequest request, Model model,
                   @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        InformationItems.ItemPage page = items.itemPage(new ItemId(id), user);
        String title = page.item().title();
        if (!Confirmation.confirmed(confirmed) && page.mayPublish()) {
            String council = councils.council(page.item().councilId(), user).name();
            model.addAttribute("confirmation", new Confirmation(Forms.text("information.confirm.publish.title"),
                    Forms.text("information.confirm.publish.what", title),
                    Forms.text("information.confirm.publish.whom", title, council),
                    Forms.text("information.confirm.publish.irreversible"), "/items/" + id + "/publish",
                    Confirmation.values(request.getParameterMap()),
                    Forms.text("information.confirm.publish.submit", title), "/items/" + id));
            return Confirmation.VIEW;
        }
        return errorMessages.attempt(redirect, "redirect:/items/" + id, () -> {
            items.publish(new ItemId(id), user);
            redirect.addFlashAttribute("savedText", Forms.text("information.publishedNotice", title));
            return "redirect:/items/" + id;
        });
    }

    @GetMapping("/items/{id}/content")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                                    @AuthenticationPrincipal BansoUser user) {
        return ContentDownloads.attachment(items.download(new ItemId(id), version, user),
                MediaType.APPLICATION_OCTET_STREAM);
    }

    @GetMapping("/designations/{id}")
    String designation(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        DesignationView designation = items.designation(new DesignationId(id), user);
        CouncilView council = councils.council(designation.councilId(), user);
        Map<String, String> names = new HashMap<>();
        for (ParticipantView p : council.participants()) {
            identity.organization(p.organizationId()).ifPresent(o -> names.put(p.id().toString(), o.name()));
        }
        Map<String, String> titles = new HashMap<>();
        Instant now = clock.instant();
        for (ItemId item : designation.itemIds()) {
            if (permits(user, InformationAction.METADATA, item, now)) {
                titles.put(item.toString(), items.item(item, user).title());
            }
        }
        model.addAttribute("designation", designation);
        model.addAttribute("council", council);
        model.addAttribute("names", names);
        model.addAttribute("titles", titles);
        model.addAttribute("proposalTitle", proposalTitle(designation, user));
        model.addAttribute("daysLeft", daysUntil(now, designation.periodEnd()));
        return "information/designation";
    }

    /** The adopting proposal's title as the council module shows it to this person, or null. */
    private String proposalTitle(DesignationView designation, BansoUser user) {
        try {
            return proposals.proposal(designation.proposalId(), user).title();
        } catch (BansoException e) {
            return null;
        }
    }

    @GetMapping("/notices")
    String notices(@AuthenticationPrincipal BansoUser user, Model model) {
        List<InformationItems.Notice> notices = items.notices(user);
        Map<String, String> councilNames = new HashMap<>();
        if (!notices.isEmpty()) {
            councils.councils(user).forEach(c -> councilNames.put(c.id().toString(), c.name()));
        }
        model.addAttribute("notices", notices);
        model.addAttribute("councilNames", councilNames);
        return "information/notices";
    }

    @GetMapping("/public/results")
    String publicResults(Model model) {
        model.addAttribute("items", items.publicResults());
        return "information/public-results";
    }

    private boolean permits(BansoUser user, InformationAction action, ItemId item, Instant now) {
        AccessDecision decision = policy.decide(user, action, item, now);
        return decision.permitted();
    }

    /** Whole days left, rounded up: "released in 1 day" until the last millisecond. */
    static long daysUntil(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return millis <= 0 ? 0 : (millis + Duration.ofDays(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
    }

    private static InformationItems.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw BansoException.invalid("file", "must be given");
        }
        try {
            return new InformationItems.Upload(file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw BansoException.invalid("file", "could not be read");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem publicResultsNavigation() {
            return new NavigationItem("nav.publicResults", "/public/results", 45, NavigationItem.PUBLIC);
        }

        @Bean
        NavigationItem noticesNavigation() {
            return new NavigationItem("nav.notices", "/notices", 46, NavigationItem.SIGNED_IN);
        }
    }

}
