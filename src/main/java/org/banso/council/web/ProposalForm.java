package org.banso.council.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.banso.council.CouncilItems.DesignationInForce;
import org.banso.council.CouncilProjects.DraftPlan;
import org.banso.council.Designation;
import org.banso.council.InformationTerms;
import org.banso.council.Matter;
import org.banso.shared.BansoException;
import org.banso.web.DateFormats;
import org.banso.web.FieldOrder;
import org.banso.web.Forms;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The proposal form of the pages — a new proposal or an amendment — with its designation editor (R8, R14–R16), as the
 * page posts it: dates and times in Japan time, a designation's period as whole days (the end date included), people
 * and items by id behind names. The hidden {@code *At} fields carry the exact instants of the revision the form was
 * filled from, so that a date left unchanged keeps its instant to the millisecond.
 *
 * @param target            what the revision designates: nothing, items by title, or a rule; null when the page did
 *                          not send the editor (an amendment then keeps the current revision's terms)
 * @param liftsDesignationId a designation of the council this proposal ends early ({@link LiftMode#END}) or narrows
 *                          ({@link LiftMode#NARROW}: the designation edited here replaces it)
 */
@FieldOrder({"matter", "title", "body", "deadlineDate", "deadlineTime", "liftMode", "target", "itemIds", "ruleCategory",
    "ruleProjectId", "scope", "periodStart", "periodEnd", "handling", "afterPeriod", "rationaleSocialImplementation",
    "rationaleLeakagePrevention", "rationaleInnovation", "rationaleParticipationIncentive", "reviewWindowDays"})
record ProposalForm(
        @NotNull Matter matter,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 50000) String body,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineDate,
        @DateTimeFormat(pattern = "HH:mm") LocalTime deadlineTime,
        Instant deadlineAt,
        Target target,
        List<UUID> itemIds,
        String ruleCategory,
        UUID ruleProjectId,
        List<UUID> scope,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
        Instant periodStartAt,
        Instant periodEndAt,
        String handling,
        String afterPeriod,
        @Size(max = 4000) String rationaleSocialImplementation,
        @Size(max = 4000) String rationaleLeakagePrevention,
        @Size(max = 4000) String rationaleInnovation,
        @Size(max = 4000) String rationaleParticipationIncentive,
        UUID liftsDesignationId,
        LiftMode liftMode,
        @Min(1) Integer reviewWindowDays) {

    static final ZoneId JAPAN = DateFormats.JAPAN;
    /** A deadline given without a time of day: the end of office hours. */
    static final LocalTime DEFAULT_DEADLINE_TIME = LocalTime.of(17, 0);

    enum Target { NONE, ITEMS, RULE }

    enum LiftMode { END, NARROW }

    ProposalForm {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** A blank new proposal; its deadline two weeks ahead at 17:00, as a suggestion. */
    static ProposalForm blank(Instant now) {
        return new ProposalForm(null, null, null, LocalDate.ofInstant(now, JAPAN).plusDays(14),
                DEFAULT_DEADLINE_TIME, null, Target.NONE, List.of(), null, null, List.of(), null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /**
     * "Propose from this draft" (R7): the application's open/close plan as an INFORMATION_MANAGEMENT proposal whose
     * designation is drafted from it — the project's research results as the target, every current participant in
     * scope, the plan's months from today, open afterwards (R16), the plan's reason as the leakage rationale. The
     * people proposing check and complete it.
     */
    static ProposalForm fromDraft(String title, String text, DraftPlan plan, UUID project, List<UUID> participants,
                                  Instant now) {
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        boolean withPlan = plan != null;
        return new ProposalForm(Matter.INFORMATION_MANAGEMENT, title, text, today.plusDays(14),
                DEFAULT_DEADLINE_TIME, null, withPlan ? Target.RULE : Target.NONE, List.of(),
                withPlan ? "RESEARCH_RESULT" : null, withPlan ? project : null, participants,
                withPlan ? today : null,
                withPlan && plan.months() != null ? today.plusMonths(plan.months()).minusDays(1) : null, null, null,
                null, withPlan ? "PUBLIC" : null, null, withPlan ? plan.reason() : null, null, null, null, null,
                null);
    }

    /** Ending or narrowing one of the council's designations (R16): the editor starts from it as it stands. */
    static ProposalForm forLift(DesignationInForce lifted, String title, Instant now) {
        Designation d = lifted.designation();
        return withTerms(Matter.INFORMATION_MANAGEMENT, title, "", LocalDate.ofInstant(now, JAPAN).plusDays(14),
                DEFAULT_DEADLINE_TIME, null, d, lifted.id(), LiftMode.END, null);
    }

    /** An amendment starts from the current revision: everything pre-filled, so that sending it unchanged keeps it. */
    static ProposalForm amending(Matter matter, String title, String body, Instant deadline, InformationTerms terms) {
        return withTerms(matter, title, body, deadline == null ? null : LocalDate.ofInstant(deadline, JAPAN),
                deadline == null ? null : LocalTime.ofInstant(deadline, JAPAN).withSecond(0).withNano(0), deadline,
                terms.designation(),
                terms.liftsDesignationId(), terms.liftsDesignationId() == null ? null
                        : terms.designation() == null ? LiftMode.END : LiftMode.NARROW, terms.reviewWindowDays());
    }

    private static ProposalForm withTerms(Matter matter, String title, String body, LocalDate deadlineDate,
                                          LocalTime deadlineTime, Instant deadlineAt, Designation d,
                                          UUID lifts, LiftMode mode, Integer reviewWindowDays) {
        if (d == null) {
            return new ProposalForm(matter, title, body, deadlineDate, deadlineTime, deadlineAt, Target.NONE,
                    List.of(), null, null, List.of(), null, null, null, null, null, null, null, null, null, null,
                    lifts, mode, reviewWindowDays);
        }
        Designation.Rationale r = d.rationale();
        boolean rule = d.rule() != null;
        return new ProposalForm(matter, title, body, deadlineDate, deadlineTime, deadlineAt,
                rule ? Target.RULE : Target.ITEMS, d.itemIds(), rule ? d.rule().category() : null,
                rule ? d.rule().projectId() : null, d.scopeParticipantIds(), startDate(d.periodStart()),
                endDate(d.periodEnd()), d.periodStart(), d.periodEnd(), d.handling(), d.afterPeriod(),
                r == null ? null : r.socialImplementation(), r == null ? null : r.leakagePrevention(),
                r == null ? null : r.innovation(), r == null ? null : r.participationIncentive(), lifts, mode,
                reviewWindowDays);
    }

    /** The day a period starts on, in Japan. */
    static LocalDate startDate(Instant start) {
        return start == null ? null : LocalDate.ofInstant(start, JAPAN);
    }

    /** The last day of a period, in Japan: a period ends when that day does. */
    static LocalDate endDate(Instant end) {
        return end == null ? null : LocalDate.ofInstant(end.minusNanos(1), JAPAN);
    }

    /** The response deadline asked for: the date and time in Japan (17:00 when no time is given), null when none. */
    Instant deadline() {
        if (deadlineDate == null) {
            return null;
        }
        LocalTime at = deadlineTime == null ? DEFAULT_DEADLINE_TIME : deadlineTime;
        Instant asked = deadlineDate.atTime(at).atZone(JAPAN).toInstant();
        if (deadlineAt != null && deadlineDate.equals(LocalDate.ofInstant(deadlineAt, JAPAN))
                && at.equals(LocalTime.ofInstant(deadlineAt, JAPAN).withSecond(0).withNano(0))) {
            return deadlineAt;
        }
        return asked;
    }

    /** Whether the deadline is the one the form was filled with (an amendment then keeps it). */
    boolean deadlineUnchanged() {
        return deadlineAt != null && deadlineAt.equals(deadline());
    }

    boolean designates() {
        return target == Target.ITEMS || target == Target.RULE;
    }

    /**
     * What the revision decides about information. {@code hiddenItems}: items of the current designation the person
     * cannot see (and so could not tick); they stay in it.
     */
    InformationTerms terms(Set<UUID> hiddenItems) {
        boolean lifting = liftsDesignationId != null && liftMode != null;
        Designation designation = lifting && liftMode == LiftMode.END ? null
                : designates() ? designation(hiddenItems, lifting && liftMode == LiftMode.NARROW) : null;
        return new InformationTerms(designation, lifting ? liftsDesignationId : null, reviewWindowDays);
    }

    private Designation designation(Set<UUID> hiddenItems, boolean narrowing) {
        List<UUID> items = new ArrayList<>();
        Designation.Rule rule = null;
        if (target == Target.ITEMS) {
            Set<UUID> all = new LinkedHashSet<>(itemIds);
            all.addAll(hiddenItems);
            items.addAll(all);
        } else {
            rule = new Designation.Rule(blankToNull(ruleCategory), ruleProjectId);
        }
        Instant start = narrowing ? null : instantOrDay(periodStartAt, periodStart, false);
        Instant end = instantOrDay(periodEndAt, periodEnd, true);
        return new Designation(items, rule, scope, start, end, blankToNull(handling), blankToNull(afterPeriod),
                new Designation.Rationale(rationaleSocialImplementation, rationaleLeakagePrevention,
                        rationaleInnovation, rationaleParticipationIncentive));
    }

    /** The day's instant (its start, or for an end the next day's start), or the exact one the form came with. */
    private static Instant instantOrDay(Instant exact, LocalDate day, boolean end) {
        if (day == null) {
            return null;
        }
        if (exact != null && day.equals(end ? endDate(exact) : startDate(exact))) {
            return exact;
        }
        return (end ? day.plusDays(1) : day).atStartOfDay(JAPAN).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * What the page itself requires when the proposal designates (the domain checks the same again, and more): a
     * target, a scope, the period, handling, after-period and the four rationales; an end not before the start.
     */
    void checkShape(Errors errors) {
        boolean editsDesignation = designates() && !(liftsDesignationId != null && liftMode == LiftMode.END);
        if (liftsDesignationId != null && liftMode == null) {
            Forms.rejectValue(errors, "liftMode", "validation.required");
        }
        if (liftsDesignationId != null && liftMode == LiftMode.NARROW && !designates()) {
            Forms.rejectValue(errors, "target", "validation.narrowing-needs-designation");
        }
        if (!editsDesignation) {
            return;
        }
        if (target == Target.ITEMS && itemIds.isEmpty()) {
            Forms.rejectValue(errors, "itemIds", "validation.designation-target");
        }
        if (target == Target.RULE && blankToNull(ruleCategory) == null) {
            Forms.rejectValue(errors, "ruleCategory", "validation.required");
        }
        if (scope.isEmpty()) {
            Forms.rejectValue(errors, "scope", "validation.required");
        }
        boolean narrowing = liftsDesignationId != null && liftMode == LiftMode.NARROW;
        if (periodStart == null && !narrowing && !errors.hasFieldErrors("periodStart")) {
            Forms.rejectValue(errors, "periodStart", "validation.required");
        }
        if (periodEnd == null && !errors.hasFieldErrors("periodEnd")) {
            Forms.rejectValue(errors, "periodEnd", "validation.required");
        }
        if (!narrowing && periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            Forms.rejectValue(errors, "periodEnd", "validation.designation-period-order");
        }
        if (blankToNull(handling) == null) {
            Forms.rejectValue(errors, "handling", "validation.required");
        }
        if (blankToNull(afterPeriod) == null) {
            Forms.rejectValue(errors, "afterPeriod", "validation.required");
        }
        requiredText(errors, "rationaleSocialImplementation", rationaleSocialImplementation);
        requiredText(errors, "rationaleLeakagePrevention", rationaleLeakagePrevention);
        requiredText(errors, "rationaleInnovation", rationaleInnovation);
        requiredText(errors, "rationaleParticipationIncentive", rationaleParticipationIncentive);
    }

    private static void requiredText(Errors errors, String field, String value) {
        if ((value == null || value.isBlank()) && !errors.hasFieldErrors(field)) {
            Forms.rejectValue(errors, field, "validation.required");
        }
    }

    /** A refusal of the module's, its fields named as this form names them. */
    static Forms.Refusal refusal(BansoException refusal) {
        Forms.Refusal onForm = Forms.refusal(refusal);
        for (BansoException.FieldError error : refusal.errors()) {
            if (error.field() != null) {
                onForm.rename(error.field(), formField(error.field()));
            }
        }
        return onForm;
    }

    /** The form's field for a field the domain named in a refusal. */
    static String formField(String domainField) {
        return switch (Objects.requireNonNullElse(domainField, "")) {
            case "designation", "designation.itemIds" -> "itemIds";
            case "designation.rule", "designation.rule.category" -> "ruleCategory";
            case "designation.rule.projectId" -> "ruleProjectId";
            case "designation.scopeParticipantIds" -> "scope";
            case "designation.periodStart" -> "periodStart";
            case "designation.periodEnd" -> "periodEnd";
            case "designation.handling" -> "handling";
            case "designation.afterPeriod" -> "afterPeriod";
            case "designation.rationale.socialImplementation" -> "rationaleSocialImplementation";
            case "designation.rationale.leakagePrevention" -> "rationaleLeakagePrevention";
            case "designation.rationale.innovation" -> "rationaleInnovation";
            case "designation.rationale.participationIncentive" -> "rationaleParticipationIncentive";
            case "responseDeadline" -> "deadlineDate";
            case "liftsDesignationId" -> "liftMode";
            default -> domainField;
        };
    }
}
