package org.banso.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;

/**
 * The administrators' and the account page's forms: the shape of each field; the rules (check digit, username
 * format, password policy, a registered organization) stay the identity service's, whose refusals land on the same
 * fields.
 */
final class AdminForms {

    private AdminForms() {
    }

    /** A corporate number is optional; when typed it is 13 digits (the check digit is the service's). */
    record OrganizationForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String nameEn,
                            @NotNull OrganizationKind kind, @Pattern(regexp = "|[0-9]{13}") String corporateNumber) {

        static OrganizationForm empty() {
            return new OrganizationForm("", "", null, "");
        }
    }

    /** An account an administrator creates; the password is never sent back to the page. */
    record UserForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
                    @NotBlank @Size(max = 320) String email, @NotNull UUID organizationId,
                    @NotEmpty List<Role> roles, @NotBlank @Size(max = 128) String password) {

        static UserForm empty() {
            return new UserForm("", "", "", null, List.of(), "");
        }
    }

    /** The person's own password change; the new one typed twice. */
    record PasswordForm(@NotBlank @Size(max = 128) String currentPassword,
                        @NotBlank @Size(max = 128) String newPassword,
                        @NotBlank @Size(max = 128) String confirmPassword) {

        static PasswordForm empty() {
            return new PasswordForm("", "", "");
        }
    }

    /** The six digits an authenticator app shows, typed to confirm its set-up. */
    record TotpCodeForm(@NotBlank @Pattern(regexp = "[0-9]{6}") String code) {
    }
}
