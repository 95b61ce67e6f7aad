package org.banso.council.web;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.banso.council.Invitations;
import org.banso.council.ParticipantRole;
import org.banso.web.DateFormats;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An invitation from the council page (R13, issue 16): the role, the invitee by name, organisation and e-mail (all
 * three, or none for a link shown once), the e-mail's language and the last day the link may be used (Japan time).
 */
record InvitationForm(@NotNull ParticipantRole role, @Size(max = 200) String inviteeName,
                      @Size(max = 200) String inviteeOrganization, @Size(max = 254) @Email String inviteeEmail,
                      @Pattern(regexp = "ja|en") String inviteeLanguage,
                      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {

    static InvitationForm blank(Instant defaultExpiry, String language) {
        return new InvitationForm(null, "", "", "", language,
                LocalDate.ofInstant(defaultExpiry, DateFormats.JAPAN));
    }

    /** Whether the inviter named someone: then all three are required (the module says which is missing). */
    boolean named() {
        return !isBlank(inviteeName) || !isBlank(inviteeOrganization) || !isBlank(inviteeEmail);
    }

    Invitations.Invitee invitee() {
        return named() ? new Invitations.Invitee(inviteeName, inviteeOrganization, inviteeEmail, inviteeLanguage)
                : null;
    }

    /** The link works to the end of the chosen day in Japan. */
    Instant expiresAt() {
        return expiresOn.plusDays(1).atStartOfDay(DateFormats.JAPAN).toInstant();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
