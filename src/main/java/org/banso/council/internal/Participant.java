package org.banso.council.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organization taking part in a council with its role (R6), answering through its representative (R14), with the
 * members who act for it. Proposals, tasks, material requests and designations refer to it by id, which is why it is
 * an aggregate of its own rather than a part of the council. Leaving is recorded, never deleted.
 */
@Table("council_participant")
class Participant extends Aggregate<Participant, ParticipantId> {

    @Id
    private final ParticipantId id;
    private final CouncilId councilId;
    private final OrganizationId organizationId;
    private final ParticipantRole role;
    private final UserId representativeId;
    private final Instant joinedAt;
    private final UserId joinedBy;
    private Instant leftAt;
    private UserId leftBy;
    @MappedCollection(idColumn = "participant_id")
    private final Set<Member> members;

    @PersistenceCreator
    Participant(ParticipantId id, CouncilId councilId, OrganizationId organizationId, ParticipantRole role,
                UserId representativeId, Instant joinedAt, UserId joinedBy, Instant leftAt, UserId leftBy,
                Set<Member> members) {
        this.id = id;
        this.councilId = councilId;
        this.organizationId = organizationId;
        this.role = role;
        this.representativeId = representativeId;
        this.joinedAt = joinedAt;
        this.joinedBy = joinedBy;
        this.leftAt = leftAt;
        this.leftBy = leftBy;
        this.members = new LinkedHashSet<>(members);
    }

    /** A person acting for the participant; the representative is always one. */
    @Table("council_participant_member")
    record Member(UserId userId, Instant addedAt) {
    }

    /** Made by {@link Council#admit} and the invitation verbs, which check what the council and the link allow. */
    static Participant join(CouncilId council, OrganizationId organization, ParticipantRole role,
                            UserId representative, Set<UserId> members, UserId by, Instant now) {
        Set<Member> people = new LinkedHashSet<>();
        people.add(new Member(representative, now));
        members.stream().filter(m -> !m.equals(representative)).forEach(m -> people.add(new Member(m, now)));
        Participant participant = new Participant(ParticipantId.random(), council, organization, role,
                representative, now, by, null, null, people);
        participant.registerEvent(new CouncilEvents.ParticipantJoined(council, participant.id, organization, role,
                by, now));
        return participant.markNew();
    }

    /** Another person of the organization acts for it from now on; false when they already do. */
    boolean addMember(UserId person, Instant now) {
        if (isMember(person)) {
            return false;
        }
        members.add(new Member(person, now));
        registerEvent(new CouncilEvents.MemberAdded(councilId, id, person, person, now));
        return true;
    }

    /**
     * The participant leaves through its representative, or the competent ministry removes it. The competent
     * ministry itself cannot leave: its council is dissolved instead. Access ends at once (R12).
     */
    void leave(CouncilMembership actor, UserId by, Instant now) {
        requireMayLeave(actor);
        leftAt = now;
        leftBy = by;
        registerEvent(new CouncilEvents.ParticipantLeft(councilId, id, by, now));
    }

    /** Refuses as {@link #leave} would, changing nothing: its confirmation page asks this before it is shown. */
    void requireMayLeave(CouncilMembership actor) {
        if (hasLeft()) {
            throw BansoException.notFound("The participant");
        }
        boolean itself = actor.participant().equals(id) && actor.representative();
        if (!itself && actor.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "A participant leaves through its representative, or is removed by the competent ministry.");
        }
        if (role == ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "The competent ministry cannot leave its council; dissolve the council instead.");
        }
    }

    boolean isMember(UserId person) {
        return members.stream().anyMatch(m -> m.userId().equals(person));
    }

    boolean hasLeft() {
        return leftAt != null;
    }

    @Override
    public ParticipantId getId() {
        return id;
    }

    ParticipantId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    OrganizationId organizationId() {
        return organizationId;
    }

    ParticipantRole role() {
        return role;
    }

    UserId representativeId() {
        return representativeId;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    /** Members in the order they were added. */
    List<UserId> memberIds() {
        return members.stream().sorted(Comparator.comparing(Member::addedAt)
                .thenComparing(m -> m.userId().value())).map(Member::userId).toList();
    }
}
