package org.banso.council.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.Councils;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequests;
import org.banso.council.Matter;
import org.banso.council.Meetings;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.ProposalStatus;
import org.banso.council.Proposals;
import org.banso.council.TaskId;
import org.banso.council.TaskKind;
import org.banso.council.Tasks;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.shared.BansoException;
import org.banso.web.FieldErrorMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A council's follow-up in the pages: meetings (R8), action items and support requests (R9), material requests (R11). */
@Controller
class FollowUpPages {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Councils councils;
    private final Proposals proposals;
    private final Meetings meetings;
    private final Tasks tasks;
    private final MaterialRequests materials;
    private final CouncilMemberships memberships;
    private final CouncilNames names;
    private final FieldErrorMessages errorMessages;

    FollowUpPages(Councils councils, Proposals proposals, Meetings meetings, Tasks tasks, MaterialRequests materials,
                  CouncilMemberships memberships, CouncilNames names, FieldErrorMessages errorMessages) {
        this.councils = councils;
        this.proposals = proposals;
        this.meetings = meetings;
        this.tasks = tasks;
        this.materials = materials;
        this.memberships = memberships;
        this.names = names;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/councils/{id}/follow-up")
    String followUp(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        model.addAttribute("council", council);
        model.addAttribute("meetings", meetings.meetings(councilId, user));
        model.addAttribute("tasks", tasks.tasks(councilId, user));
        model.addAttribute("materials", materials.requests(councilId, user));
        model.addAttribute("names", names.of(council));
        CouncilMembership me = memberships.membership(councilId, user.id()).orElseThrow();
        model.addAttribute("me", me);
        model.addAttribute("competent", me.role() == ParticipantRole.COMPETENT_MINISTRY);
        model.addAttribute("adopted", proposals.proposals(councilId, user).stream()
                .filter(p -> p.status() == ProposalStatus.ADOPTED).toList());
        model.addAttribute("ministries", council.participants().stream().filter(p -> p.role().isMinistry()).toList());
        model.addAttribute("matters", Matter.values());
        return "council/follow-up";
    }

    @PostMapping("/councils/{id}/meetings")
    String scheduleMeeting(@PathVariable UUID id, @RequestParam Map<String, String> form,
                           @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            List<AgendaItem> agenda = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String title = form.get("agendaTitle" + i);
                if (title != null && !title.isBlank()) {
                    agenda.add(new AgendaItem(parse(form.get("agendaMatter" + i), Matter::valueOf), title, null));
                }
            }
            meetings.schedule(new CouncilId(id), new Meetings.NewMeeting(form.get("title"),
                    japanTime(form.get("startsAt")), japanTime(form.get("endsAt")), form.get("place"),
                    form.get("link"), agenda), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/councils/{id}/tasks")
    String createTask(@PathVariable UUID id, @RequestParam Map<String, String> form,
                      @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            TaskKind kind = TaskKind.named(form.get("kind")).orElse(null);
            boolean action = kind == TaskKind.ACTION_ITEM;
            UUID proposal = parse(form.get("proposalId"), UUID::fromString);
            UUID assignee = parse(form.get("assigneeParticipantId"), UUID::fromString);
            UUID ministry = parse(form.get("responsibleMinistryId"), UUID::fromString);
            tasks.create(new CouncilId(id), new Tasks.NewTask(kind,
                    action && proposal != null ? new ProposalId(proposal) : null,
                    action && assignee != null ? new ParticipantId(assignee) : null,
                    !action && ministry != null ? new OrganizationId(ministry) : null, form.get("title"),
                    form.get("description"), parse(form.get("dueDate"), LocalDate::parse)), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/tasks/{taskId}/done")
    String taskDone(@PathVariable UUID taskId, @RequestParam UUID council, @AuthenticationPrincipal BansoUser user,
                    RedirectAttributes redirect) {
        String back = "redirect:/councils/" + council + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            tasks.complete(new TaskId(taskId), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/councils/{id}/material-requests")
    String requestMaterials(@PathVariable UUID id, @RequestParam Map<String, String> form,
                            @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            UUID addressee = parse(form.get("addresseeParticipantId"), UUID::fromString);
            materials.request(new CouncilId(id), new MaterialRequests.NewMaterialRequest(
                    addressee == null ? null : new ParticipantId(addressee), form.get("title"),
                    form.get("description"), parse(form.get("dueDate"), LocalDate::parse)), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/material-requests/{requestId}/answer")
    String answerMaterials(@PathVariable UUID requestId, @RequestParam UUID council,
                           @RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user,
                           RedirectAttributes redirect) {
        String back = "redirect:/councils/" + council + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            MaterialRequestId request = new MaterialRequestId(requestId);
            if ("decline".equals(form.get("action"))) {
                materials.decline(request, form.get("reason"), user);
            } else {
                List<UUID> items = new ArrayList<>();
                for (String item : form.getOrDefault("itemIds", "").split("[\\s,]+")) {
                    if (!item.isBlank()) {
                        UUID parsed = parse(item, UUID::fromString);
                        if (parsed == null) {
                            throw BansoException.invalid("itemIds", "Give information item ids.");
                        }
                        items.add(parsed);
                    }
                }
                materials.fulfil(request, items, user);
            }
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    /** A blank or malformed value is absent; the module then says what is missing. */
    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant japanTime(String local) {
        LocalDateTime time = parse(local, LocalDateTime::parse);
        return time == null ? null : time.atZone(JAPAN).toInstant();
    }
}
