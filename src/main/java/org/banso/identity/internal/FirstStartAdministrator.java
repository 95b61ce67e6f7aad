package org.banso.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.banso.shared.BansoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the {@code admin} account. Its password comes from {@code BANSO_ADMIN_PASSWORD}; when that
 * is unset, one is generated and printed once, here, because nobody could sign in otherwise.
 */
@Component
@Order(0)
class FirstStartAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdministrator.class);

    private final IdentityService identity;
    private final IdentityProperties properties;

    FirstStartAdministrator(IdentityService identity, IdentityProperties properties) {
        this.identity = identity;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.userExists("admin")) {
            return;
        }
        boolean generated = properties.adminPassword().isBlank();
        String password = generated ? generatePassword() : properties.adminPassword();
        try {
            identity.createInitialAdmin(password);
        } catch (BansoException e) {
            String reasons = e.errors().stream().map(err -> err.field() + " " + err.message())
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new IllegalStateException("BANSO_ADMIN_PASSWORD is not acceptable: " + reasons, e);
        }
        if (generated) {
            log.warn("""

                    ==================================================================
                     First start: created the administrator account.
                       username: admin
                       password: {}
                     This password is shown only this once. Set BANSO_ADMIN_PASSWORD
                     before the first start to choose it yourself.
                    ==================================================================""", password);
        } else {
            log.info("First start: created the administrator account 'admin' with the password from "
                    + "BANSO_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
