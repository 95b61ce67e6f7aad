package org.banso.audit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.banso.audit.AuditEntry;
import org.banso.audit.AuditLog;
import org.banso.audit.EntryFilter;
import org.banso.audit.LogVerifier;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityChoices;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's pages: browse all entries page by page (keyset, {@link #PAGE} at a time), filter them by person
 * (chosen by name) and event kind (named in the page's language), an entry with its inclusion proof, the checkpoint,
 * verify.
 */
@Controller
class AuditPages {

    /** Times in the filter form are Japan time, as the pages show them. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Entries per page: the page holds a readable number; older ones are reached by key ("before"). */
    static final int PAGE = 50;

    private static final Set<String> FILTERS = Set.of("actor", "council", "item", "kind", "from", "to");

    private final AuditLog log;
    private final IdentityManagement identity;

    AuditPages(AuditLog log, IdentityManagement identity) {
        this.log = log;
        this.identity = identity;
    }

    @GetMapping("/audit")
    String entries(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model,
                   @AuthenticationPrincipal BansoUser user, Locale locale) {
        fill(model, filter, binding, user, locale);
        return "audit/log";
    }

    @PostMapping("/audit/verify")
    String verify(Model model, @AuthenticationPrincipal BansoUser user, Locale locale) {
        model.addAttribute("report", log.verify(user));
        fill(model, AuditFilter.NONE, null, user, locale);
        return "audit/log";
    }

    /**
     * The filter form (a GET form, and the links that page through it): each field's shape checked by Bean Validation;
     * a wrong one comes back as typed with its message, and no entries are searched until it is right. The person is
     * chosen by name (the picker posts the id); a council or an item comes from a link.
     */
    record AuditFilter(@Pattern(regexp = ID) String actor, @Pattern(regexp = ID) String council,
                       @Pattern(regexp = ID) String item, @Size(max = 100) String kind,
                       @Pattern(regexp = TIME) String from, @Pattern(regexp = TIME) String to,
                       @Pattern(regexp = "|[0-9]{1,18}") String before) {

        static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

        /** What the form shows again, field by field (the template's {@code form}). */
        Map<String, String> values() {
            Map<String, String> values = new HashMap<>();
            values.put("actor", actor);
            values.put("council", council);
            values.put("item", item);
            values.put("kind", kind == null ? "" : kind);
            values.put("from", from);
            values.put("to", to);
            values.put("before", before);
            return values;
        }
    }

    /** An id, or nothing. */
    private static final String ID = "|\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*";
    /** A local date and time as {@code datetime-local} sends it (Japan time), or nothing. */
    private static final String TIME = "|\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?\\s*";

    @GetMapping("/audit/entries/{index}")
    String entry(@PathVariable long index, Model model, @AuthenticationPrincipal BansoUser user) {
        AuditEntry entry = log.entry(index, user).orElseThrow(() -> BansoException.notFound("The entry"));
        LogVerifier.Checkpoint checkpoint = log.latest();
        model.addAttribute("entry", entry);
        model.addAttribute("actorName", entry.actor() == null ? null
                : identity.user(new UserId(entry.actor())).map(UserView::displayName).orElse(null));
        model.addAttribute("leafHash", LogVerifier.toHex(LogVerifier.leafHash(entry.leaf())));
        model.addAttribute("checkpoint", checkpoint);
        model.addAttribute("checkpointNote", checkpoint.note());
        if (index < checkpoint.size()) {
            List<byte[]> proof = log.inclusionProof(index, checkpoint.size(), user);
            model.addAttribute("proof", proof.stream().map(LogVerifier::toHex).toList());
            model.addAttribute("proofVerified", LogVerifier.verifyInclusion(index, checkpoint.size(),
                    LogVerifier.leafHash(entry.leaf()), proof, checkpoint.root()));
        }
        return "audit/entry";
    }

    private void fill(Model model, AuditFilter filter, BindingResult binding, BansoUser user, Locale locale) {
        // the template's messages by field: what each wrong field needs (an id, a time, an entry number)
        Map<String, String> errors = new HashMap<>();
        if (binding != null) {
            binding.getFieldErrors().forEach(e -> errors.put(e.getField(), switch (e.getField()) {
                case "from", "to" -> "time";
                case "before" -> "index";
                default -> "uuid";
            }));
        }
        Map<String, String> form = filter.values();
        UUID actor = uuid(form, "actor", errors);
        UUID council = uuid(form, "council", errors);
        UUID item = uuid(form, "item", errors);
        Instant from = time(form, "from", errors);
        Instant to = time(form, "to", errors);
        Long before = index(form, "before", errors);
        String kind = form.getOrDefault("kind", "");
        // one more than a page: whether older entries remain, without counting them all
        List<AuditEntry> found = errors.isEmpty()
                ? log.search(new EntryFilter(actor, council, item, kind, from, to, before, PAGE + 1), user)
                : List.of();
        List<AuditEntry> entries = found.size() > PAGE ? found.subList(0, PAGE) : found;
        if (found.size() > PAGE) {
            model.addAttribute("olderHref", link(form, entries.get(entries.size() - 1).index()));
        }
        model.addAttribute("newestHref", before == null ? null : link(form, null));
        List<UserView> people = identity.people(user);
        Map<UUID, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.id().value(), p.displayName()));
        entries.stream().map(AuditEntry::actor).filter(a -> a != null && !names.containsKey(a)).distinct()
                .forEach(a -> names.put(a, identity.user(new UserId(a)).map(UserView::displayName).orElse(null)));
        model.addAttribute("entries", entries);
        model.addAttribute("names", names);
        model.addAttribute("kinds", log.kinds(user));
        model.addAttribute("actorChoices", IdentityChoices.people(people, identity.organizations(), Set.of(), locale,
                "", actor == null ? List.of() : List.of(actor.toString())));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("checkpointNote", log.latestCheckpoint());
        model.addAttribute("verifierKey", log.verifierKey());
    }

    /** This page's filters again, from {@code before} on (the newest entries when null). */
    private static String link(Map<String, String> form, Long before) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
        form.forEach((name, value) -> {
            if (FILTERS.contains(name) && value != null && !value.isBlank()) {
                link.queryParam(name, value);
            }
        });
        if (before != null) {
            link.queryParam("before", before);
        }
        return link.encode().build().toUriString();
    }

    private static Long index(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank() || errors.containsKey(field)) {
            return null;
        }
        try {
            long index = Long.parseLong(value.strip());
            if (index < 0) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            errors.put(field, "index");
            return null;
        }
    }

    private static UUID uuid(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank() || errors.containsKey(field)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "uuid");
            return null;
        }
    }

    private static Instant time(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank() || errors.containsKey(field)) {
            return null;
        }
        try {
            Instant parsed = LocalDateTime.parse(value.strip()).atZone(JAPAN).toInstant();
            if (!org.banso.shared.DateBounds.DEFAULT.contains(parsed)) {
                errors.put(field, "time");
                return null;
            }
            return parsed;
        } catch (java.time.DateTimeException e) {
            errors.put(field, "time");
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditWebConfiguration {

        @Bean
        NavigationItem auditNavigation() {
            return new NavigationItem("nav.audit", "/audit", 800, "AUDITOR");
        }

        /** Hashes only: anyone holding a checkpoint may check it and that the log only grew. */
        @Bean
        PublicEndpoints auditPublicEndpoints() {
            return () -> List.of("/api/v1/audit/checkpoint", "/api/v1/audit/public-key",
                    "/api/v1/audit/proofs/consistency");
        }
    }
}
