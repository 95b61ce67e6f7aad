package org.banso.council.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.banso.council.ConsentDecision;
import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.Matter;
import org.banso.council.ProposalResponse;
import org.banso.council.TaskKind;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationKind;
import org.banso.web.DateFormats;
import org.banso.web.WithinDateBounds;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The council pages' smaller forms (issue 17): the shape of each field; the rules (who may consent, answer, ask,
 * schedule, assign, request or answer; R5, R9, R11, R13, R14) stay the council module's, whose refusals land on the
 * same fields. Field names are unique on their page, so that the error summary's links reach the right input.
 */
final class CouncilForms {

    private CouncilForms() {
    }

    /** R5: a required researcher's answer to the council's establishment. */
    record ConsentForm(@NotNull ConsentDecision decision) {
    }

    /** R14: a representative's answer to the current revision; an objection gives its reason (the module's rule). */
    record ResponseForm(@NotNull ProposalResponse response, @Size(max = 5000) String reason) {
    }

    /** A question or an answer in a proposal's discussion. */
    record QuestionForm(@NotBlank @Size(max = 2000) String text) {
    }

    /**
     * R13: a newcomer's organisation and account, registered through an invitation. The password is never sent back
     * to the page.
     */
    record RegistrationForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String nameEn,
                            @NotNull OrganizationKind kind, @Pattern(regexp = "|[0-9]{13}") String corporateNumber,
                            @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
                            @NotBlank @Email @Size(max = 320) String email,
                            @NotBlank @Size(max = 128) String password) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "", null, "", "", "", "", "");
        }

        IdentityManagement.Newcomer newcomer() {
            return new IdentityManagement.Newcomer(new IdentityManagement.NewOrganization(name, nameEn, kind,
                    corporateNumber), username, displayName, email, password);
        }
    }

    /** R8: a meeting with up to three agenda items, times in Japan. */
    record MeetingForm(@NotBlank @Size(max = 300) String meetingTitle,
                       @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                       LocalDateTime startsAt,
                       @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                       LocalDateTime endsAt,
                       @Size(max = 300) String place, @Size(max = 1000) String link,
                       Matter agendaMatter1, @Size(max = 300) String agendaTitle1,
                       Matter agendaMatter2, @Size(max = 300) String agendaTitle2,
                       Matter agendaMatter3, @Size(max = 300) String agendaTitle3) {

        static MeetingForm empty() {
            return new MeetingForm("", null, null, "", "", null, "", null, "", null, "");
        }

        /** The agenda lines with a title, in order. */
        List<AgendaItem> agenda() {
            List<AgendaItem> agenda = new ArrayList<>();
            add(agenda, agendaMatter1, agendaTitle1);
            add(agenda, agendaMatter2, agendaTitle2);
            add(agenda, agendaMatter3, agendaTitle3);
            return agenda;
        }

        private static void add(List<AgendaItem> agenda, Matter matter, String title) {
            if (title != null && !title.isBlank()) {
                agenda.add(new AgendaItem(matter, title, null));
            }
        }

        Instant startsAtInstant() {
            return startsAt == null ? null : startsAt.atZone(DateFormats.JAPAN).toInstant();
        }

        Instant endsAtInstant() {
            return endsAt == null ? null : endsAt.atZone(DateFormats.JAPAN).toInstant();
        }
    }

    /**
     * R9: an action item following an adopted proposal, assigned to a participant; or a support request
     * (regulatory relaxation, international standardisation) for a ministry taking part.
     */
    record TaskForm(@NotNull TaskKind taskKind, UUID proposalId, UUID assigneeParticipantId,
                    UUID responsibleMinistryId, @NotBlank @Size(max = 300) String taskTitle,
                    @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate taskDue) {

        static TaskForm empty() {
            return new TaskForm(TaskKind.ACTION_ITEM, null, null, null, "", null);
        }
    }

    /** R11: materials requested from a participant (the think tank or another), with a due date. */
    record MaterialRequestForm(@NotNull UUID addresseeParticipantId, @NotBlank @Size(max = 300) String materialTitle,
                               @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate materialDue) {

        static MaterialRequestForm empty() {
            return new MaterialRequestForm(null, "", null);
        }
    }

    /** R11: the addressee's answer: the council's items that fulfil the request, or a reason for declining. */
    record MaterialAnswerForm(@NotNull @Pattern(regexp = "fulfil|decline") String action, List<UUID> itemIds,
                              @Size(max = 5000) String reason) {

        MaterialAnswerForm {
            itemIds = itemIds == null ? List.of() : itemIds.stream().filter(java.util.Objects::nonNull).toList();
        }

        boolean declines() {
            return "decline".equals(action);
        }
    }
}
