package org.banso.audit.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.audit.AuditLog;
import org.banso.identity.BansoUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The transparency log: signed checkpoints, entries and Merkle proofs (R17)")
class AuditRestController {

    private static final String TEXT = "text/plain;charset=UTF-8";

    private final AuditLog log;

    AuditRestController(AuditLog log) {
        this.log = log;
    }

    @GetMapping(value = "/checkpoint", produces = TEXT)
    @Operation(summary = "The latest C2SP tlog-checkpoint, a signed note (public)")
    String checkpoint() {
        return log.latestCheckpoint();
    }

    @GetMapping(value = "/public-key", produces = TEXT)
    @Operation(summary = "The note verifier key of the checkpoint signing key (public)")
    String publicKey() {
        return log.verifierKey() + "\n";
    }

    @GetMapping("/entries")
    @Operation(summary = "Entries [from, to) with the exact leaf bytes, base64 (AUDITOR; at most 1000)")
    Map<String, Object> entries(@RequestParam long from, @RequestParam long to,
                                @AuthenticationPrincipal BansoUser user) {
        return Map.of("entries", log.entries(from, to, user).stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", e.index());
            entry.put("leaf", Base64.getEncoder().encodeToString(e.leaf()));
            entry.put("kind", e.kind());
            entry.put("at", e.at());
            return entry;
        }).toList());
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of an entry in the tree of treeSize (AUDITOR)")
    Map<String, Object> inclusion(@RequestParam long index, @RequestParam long treeSize,
                                  @AuthenticationPrincipal BansoUser user) {
        return ordered("index", index, "treeSize", treeSize, log.inclusionProof(index, treeSize, user));
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes (public)")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        return ordered("from", from, "to", to, log.consistencyProof(from, to));
    }

    private static Map<String, Object> ordered(String k1, long v1, String k2, long v2, List<byte[]> proof) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(k1, v1);
        body.put(k2, v2);
        body.put("proof", proof.stream().map(Base64.getEncoder()::encodeToString).toList());
        return body;
    }
}
