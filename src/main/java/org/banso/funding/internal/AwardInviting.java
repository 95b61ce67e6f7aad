package org.banso.funding.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.Invitations;
import org.banso.council.ParticipantRole;
import org.banso.funding.AwardInvitations;
import org.banso.funding.Program;
import org.banso.funding.ProjectId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a K Program award knows, proposed for named invitations to its council (issue 16). The list is computed
 * from the project as awarded and from identity's directory each time it is asked, and again when it is sent, so that
 * what is sent is never more than what the awarding officer saw: the confirmed organizations that are still on it.
 * Sending goes through the council module's {@link Invitations#inviteAll}, which mails every invitee in the same
 * transaction, and is recorded on the project so that it happens once.
 */
@Service
class AwardInviting implements AwardInvitations {

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final Invitations invitations;
    private final Clock clock;

    AwardInviting(JdbcClient jdbc, IdentityManagement identity, Invitations invitations, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.invitations = invitations;
        this.clock = clock;
    }

    private record Awarded(UUID council, UserId principalInvestigator, List<OrganizationId> organizations,
                           OrganizationId competentMinistry, OrganizationId lead, UserId awardedBy, Instant sentAt) {
    }

    @Override
    @Transactional(readOnly = true)
    public ProposedInvitations proposed(ProjectId project, BansoUser actor) {
        Awarded awarded = awarded(project, actor, false);
        return new ProposedInvitations(invitees(awarded), awarded.sentAt());
    }

    @Override
    @Transactional
    public List<ProposedInvitee> invite(ProjectId project, List<OrganizationId> organizationIds, BansoUser actor) {
        Awarded awarded = awarded(project, actor, true);
        if (awarded.sentAt() != null) {
            throw new BansoException(ProblemCode.CONFLICT, "The invitations of this award were sent already.");
        }
        Set<OrganizationId> confirmed = organizationIds == null ? Set.of() : new LinkedHashSet<>(organizationIds);
        List<ProposedInvitee> chosen = invitees(awarded).stream().filter(ProposedInvitee::invitable)
                .filter(i -> confirmed.contains(i.organizationId())).toList();
        if (chosen.isEmpty()) {
            throw BansoException.invalidCoded("organizationIds", "required",
                    "must name at least one proposed organization whose person has an e-mail address");
        }
        invitations.inviteAll(new org.banso.council.CouncilId(awarded.council()), chosen.stream()
                .map(i -> new Invitations.NamedInvitation(i.role(), new Invitations.Invitee(i.personName(),
                        i.organizationName(), i.email(), officersLanguage()))).toList(), actor);
        jdbc.sql("update funding_project set invitations_sent_at = ?, invitations_sent_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor.id().value(), project.value()).update();
        return chosen;
    }

    /**
     * The awarding officer's page language: an invitee who chose a language in their settings gets the mail in theirs
     * (the notification module asks), anyone else in the language the officer works in.
     */
    private static String officersLanguage() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "ja";
    }

    /** The awarding officer's K Program project with a council; anything else is {@code not-found}. */
    private Awarded awarded(ProjectId project, BansoUser actor, boolean lock) {
        Optional<Awarded> found = project == null || actor == null ? Optional.empty() : jdbc.sql("""
                        select council_id, principal_investigator_id, organization_ids, competent_ministry_id,
                               social_implementation_lead_id, awarded_by, invitations_sent_at, program
                        from funding_project where id = ?""" + (lock ? " for update" : ""))
                .param(project.value())
                .query((rs, n) -> Program.K_PROGRAM.name().equals(rs.getString("program"))
                        && rs.getObject("council_id") != null ? new Awarded(
                        rs.getObject("council_id", UUID.class),
                        new UserId(rs.getObject("principal_investigator_id", UUID.class)),
                        java.util.Arrays.stream((UUID[]) rs.getArray("organization_ids").getArray())
                                .map(OrganizationId::new).toList(),
                        new OrganizationId(rs.getObject("competent_ministry_id", UUID.class)),
                        new OrganizationId(rs.getObject("social_implementation_lead_id", UUID.class)),
                        new UserId(rs.getObject("awarded_by", UUID.class)),
                        rs.getTimestamp("invitations_sent_at") == null ? null
                                : rs.getTimestamp("invitations_sent_at").toInstant()) : null)
                .optional();
        return found.filter(a -> a.awardedBy().equals(actor.id()))
                .orElseThrow(() -> BansoException.notFound("The project"));
    }

    /** One entry per organization, in the order of the issue's list; the competent ministry is a participant. */
    private List<ProposedInvitee> invitees(Awarded awarded) {
        List<ProposedInvitee> list = new ArrayList<>();
        Set<OrganizationId> seen = new LinkedHashSet<>();
        seen.add(awarded.competentMinistry());
        identity.user(awarded.principalInvestigator()).ifPresent(pi -> identity.organization(pi.organizationId())
                .filter(o -> seen.add(o.id())).ifPresent(o -> list.add(entry(Part.PRINCIPAL_INVESTIGATOR, o,
                        roleOf(o.kind(), false), Optional.of(pi)))));
        for (OrganizationId id : awarded.organizations()) {
            identity.organization(id).filter(o -> seen.add(o.id())).ifPresent(o -> {
                ParticipantRole role = roleOf(o.kind(), false);
                list.add(entry(Part.CO_RESEARCHER, o, role, contact(o, role)));
            });
        }
        identity.organization(awarded.lead()).filter(o -> seen.add(o.id())).ifPresent(o -> {
            ParticipantRole role = roleOf(o.kind(), true);
            list.add(entry(Part.SOCIAL_IMPLEMENTATION_LEAD, o, role, contact(o, role)));
        });
        identity.user(awarded.awardedBy()).ifPresent(officer -> identity.organization(officer.organizationId())
                .filter(o -> seen.add(o.id())).ifPresent(o -> list.add(entry(Part.FUNDING_AGENCY, o,
                        ParticipantRole.FUNDING_AGENCY, Optional.of(officer)))));
        return list;
    }

    private static ProposedInvitee entry(Part part, OrganizationView organization, ParticipantRole role,
                                         Optional<UserView> person) {
        String email = person.map(UserView::email).filter(e -> e != null && e.contains("@")).orElse(null);
        return new ProposedInvitee(part, organization.id(), organization.name(), role,
                person.map(UserView::id).orElse(null), person.map(UserView::displayName).orElse(null), email);
    }

    /** The first enabled account of the organization that could take the role (R13), by username for stability. */
    private Optional<UserView> contact(OrganizationView organization, ParticipantRole role) {
        return identity.usersOf(organization.id()).stream().filter(UserView::enabled)
                .filter(u -> role.invitesAccountWith(u.roles()))
                .min(java.util.Comparator.comparing(UserView::username));
    }

    /** The role an organization of this kind takes in the council (R6). */
    static ParticipantRole roleOf(OrganizationKind kind, boolean socialImplementationLead) {
        return switch (kind) {
            case UNIVERSITY -> ParticipantRole.UNIVERSITY;
            case STARTUP -> ParticipantRole.STARTUP;
            case COMPANY -> ParticipantRole.COMPANY;
            case THINK_TANK -> ParticipantRole.THINK_TANK;
            case FUNDING_AGENCY -> ParticipantRole.FUNDING_AGENCY;
            case MINISTRY -> socialImplementationLead ? ParticipantRole.NEEDS_MINISTRY
                    : ParticipantRole.RELATED_MINISTRY;
            default -> ParticipantRole.RESEARCHER;
        };
    }
}
