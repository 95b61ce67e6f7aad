package org.banso.council.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.Councils;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequestStatus;
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
import org.banso.council.web.CouncilForms.MaterialAnswerForm;
import org.banso.council.web.CouncilForms.MaterialRequestForm;
import org.banso.council.web.CouncilForms.MeetingForm;
import org.banso.council.web.CouncilForms.TaskForm;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A council's follow-up in the pages: meetings (R8), action items and support requests (R9), material requests and
 * their answers (R11). Each form is bound to its record (issue 17); refused, the page comes back with the form as typed,
 * the error summary above it and each message by its field.
 */
@Controller
class FollowUpPages {

    private final Councils councils;
    private final Proposals proposals;
    private final Meetings meetings;
    private final Tasks tasks;
    private final MaterialRequests materials;
    private final CouncilMemberships memberships;
    private final CouncilNames names;
    private final FieldErrorMessages errorMessages;
    private final ObjectProvider<CouncilItems> items;

    FollowUpPages(Councils councils, Proposals proposals, Meetings meetings, Tasks tasks, MaterialRequests materials,
                  CouncilMemberships memberships, CouncilNames names, FieldErrorMessages errorMessages,
                  ObjectProvider<CouncilItems> items) {
        this.items = items;
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
        return page(model, new CouncilId(id), user);
    }

    /** The follow-up page; a form sent back refused is already in the model, with its errors. */
    private String page(Model model, CouncilId councilId, BansoUser user) {
        CouncilView council = councils.council(councilId, user);
        model.addAttribute("council", council);
        model.addAttribute("meetings", meetings.meetings(councilId, user));
        model.addAttribute("tasks", tasks.tasks(councilId, user));
        List<MaterialRequestView> requests = materials.requests(councilId, user);
        model.addAttribute("materials", requests);
        model.addAttribute("names", names.of(council));
        CouncilMembership me = memberships.membership(councilId, user.id()).orElseThrow();
        model.addAttribute("me", me);
        model.addAttribute("competent", me.role() == ParticipantRole.COMPETENT_MINISTRY);
        model.addAttribute("adopted", proposals.proposals(councilId, user).stream()
                .filter(p -> p.status() == ProposalStatus.ADOPTED).toList());
        model.addAttribute("ministries", council.participants().stream().filter(p -> p.role().isMinistry()).toList());
        model.addAttribute("matters", Matter.values());
        boolean answering = requests.stream()
                .anyMatch(r -> r.status() == MaterialRequestStatus.REQUESTED
                        && r.addresseeParticipantId().equals(me.participant()));
        // an addressee answers with the council's items they may see, chosen by title (never typed ids)
        CouncilItems port = items.getIfAvailable();
        model.addAttribute("answerItems", answering && port != null ? port.choices(councilId, user) : List.of());
        if (!model.containsAttribute("meetingForm")) {
            model.addAttribute("meetingForm", MeetingForm.empty());
        }
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", TaskForm.empty());
        }
        if (!model.containsAttribute("materialRequestForm")) {
            model.addAttribute("materialRequestForm", MaterialRequestForm.empty());
        }
        return "council/follow-up";
    }

    /** R8: a meeting with its agenda. Refused, the page comes back with the form as typed, each message by its field. */
    @PostMapping("/councils/{id}/meetings")
    String scheduleMeeting(@PathVariable UUID id, @Valid @ModelAttribute("meetingForm") MeetingForm form,
                           BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                           RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            meetings.schedule(councilId, new Meetings.NewMeeting(form.meetingTitle(), form.startsAtInstant(),
                    form.endsAtInstant(), form.place(), form.link(), form.agenda()), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return "redirect:/councils/" + id + "/follow-up";
        }, e -> Forms.refusal(e).rename("title", "meetingTitle").rename("agenda[0].matter", "agendaMatter1")
                .rename("agenda[1].matter", "agendaMatter2").rename("agenda[2].matter", "agendaMatter3")
                .rename("agenda[0].title", "agendaTitle1").rename("agenda[1].title", "agendaTitle2")
                .rename("agenda[2].title", "agendaTitle3"), () -> page(model, councilId, user));
    }

    /** R9: an action item or a support request. Refused, the page comes back with the form as typed. */
    @PostMapping("/councils/{id}/tasks")
    String createTask(@PathVariable UUID id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult binding,
                      Model model, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            boolean action = form.taskKind() == TaskKind.ACTION_ITEM;
            tasks.create(councilId, new Tasks.NewTask(form.taskKind(),
                    action && form.proposalId() != null ? new ProposalId(form.proposalId()) : null,
                    action && form.assigneeParticipantId() != null
                            ? new ParticipantId(form.assigneeParticipantId()) : null,
                    !action && form.responsibleMinistryId() != null
                            ? new OrganizationId(form.responsibleMinistryId()) : null,
                    form.taskTitle(), null, form.taskDue()), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return "redirect:/councils/" + id + "/follow-up";
        }, e -> Forms.refusal(e).rename("kind", "taskKind").rename("title", "taskTitle")
                .rename("dueDate", "taskDue"), () -> page(model, councilId, user));
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

    /** R11: materials requested from a participant. Refused, the page comes back with the form as typed. */
    @PostMapping("/councils/{id}/material-requests")
    String requestMaterials(@PathVariable UUID id,
                            @Valid @ModelAttribute("materialRequestForm") MaterialRequestForm form,
                            BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                            RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            materials.request(councilId, new MaterialRequests.NewMaterialRequest(
                    new ParticipantId(form.addresseeParticipantId()), form.materialTitle(), null,
                    form.materialDue()), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return "redirect:/councils/" + id + "/follow-up";
        }, e -> Forms.refusal(e).rename("title", "materialTitle").rename("dueDate", "materialDue"),
                () -> page(model, councilId, user));
    }

    /**
     * R11: the addressee provides the council's items that answer the request (chosen by title), or declines with a
     * reason. Refused, the page comes back with the answer as typed on the request's own row.
     */
    @PostMapping("/material-requests/{requestId}/answer")
    String answerMaterials(@PathVariable UUID requestId, @RequestParam UUID council,
                           @Valid @ModelAttribute("materialAnswerForm") MaterialAnswerForm form,
                           BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                           RedirectAttributes redirect) {
        MaterialAnswerForm answer = Forms.typed(form, MaterialAnswerForm.class, binding, model);
        if (!binding.hasErrors() && !answer.declines() && answer.itemIds().isEmpty()) {
            Forms.rejectValue(binding, "itemIds", "validation.material-items");
        }
        return Forms.submit(binding, () -> {
            MaterialRequestId request = new MaterialRequestId(requestId);
            if (answer.declines()) {
                materials.decline(request, answer.reason(), user);
            } else {
                materials.fulfil(request, answer.itemIds(), user);
            }
            redirect.addFlashAttribute("saved", "followup.saved");
            return "redirect:/councils/" + council + "/follow-up";
        }, () -> {
            model.addAttribute("refusedRequest", requestId);
            return page(model, new CouncilId(council), user);
        });
    }

}
