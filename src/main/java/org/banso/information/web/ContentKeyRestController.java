package org.banso.information.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.information.ContentKeys;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/content-keys")
@Tag(name = "Information", description = "Controlled information (R12, R15–R17, R20)")
class ContentKeyRestController {

    private final ContentKeys keys;

    ContentKeyRestController(ContentKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/rotation")
    @Operation(summary = "Rotate the key-encryption key of content at rest and re-wrap every data key (ADMIN)")
    ContentKeys.Rotation rotate(@AuthenticationPrincipal BansoUser user) {
        return keys.rotate(user);
    }
}
