package org.banso.audit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.audit.AuditEntry;
import org.banso.audit.AuditLog;
import org.banso.audit.EntryFilter;
import org.banso.audit.LogVerifier;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's pages: browse and filter entries, an entry with its inclusion proof, the checkpoint, verify. */
@Controller
class AuditPages {

    /** Times in the filter form are Japan time, as the pages show them. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String entries(@RequestParam Map<String, String> form, Model model, @AuthenticationPrincipal BansoUser user) {
        fill(model, form, user);
        return "audit/log";
    }

    @PostMapping("/audit/verify")
    String verify(@RequestParam Map<String, String> form, Model model, @AuthenticationPrincipal BansoUser user) {
        model.addAttribute("report", log.verify(user));
        fill(model, Map.of(), user);
        return "audit/log";
    }

    @GetMapping("/audit/entries/{index}")
    String entry(@PathVariable long index, Model model, @AuthenticationPrincipal BansoUser user) {
        AuditEntry entry = log.entry(index, user).orElseThrow(() -> BansoException.notFound("The entry"));
        LogVerifier.Checkpoint checkpoint = log.latest();
        model.addAttribute("entry", entry);
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

    private void fill(Model model, Map<String, String> form, BansoUser user) {
        Map<String, String> errors = new HashMap<>();
        UUID actor = uuid(form, "actor", errors);
        UUID council = uuid(form, "council", errors);
        UUID item = uuid(form, "item", errors);
        Instant from = time(form, "from", errors);
        Instant to = time(form, "to", errors);
        String kind = form.getOrDefault("kind", "");
        List<AuditEntry> entries = errors.isEmpty()
                ? log.search(new EntryFilter(actor, council, item, kind, from, to, 200), user)
                : List.of();
        model.addAttribute("entries", entries);
        model.addAttribute("kinds", log.kinds(user));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("checkpointNote", log.latestCheckpoint());
        model.addAttribute("verifierKey", log.verifierKey());
    }

    private static UUID uuid(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
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
        if (value == null || value.isBlank()) {
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
