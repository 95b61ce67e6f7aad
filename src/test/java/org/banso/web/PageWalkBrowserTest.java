package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banso.audit.AuditLog;
import org.banso.audit.EntryFilter;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.Councils;
import org.banso.council.Invitations;
import org.banso.council.ParticipantRole;
import org.banso.council.Proposals;
import org.banso.funding.Calls;
import org.banso.funding.FundId;
import org.banso.funding.Funding;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.Program;
import org.banso.guideline.Guidelines;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserView;
import org.banso.information.InformationItems;
import org.banso.information.InformationItems.ItemSummary;
import org.banso.information.internal.leak.LeakInvestigations;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.thinktank.Rankings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 17, "done when": a walk through every page of the application, in Japanese and in English, as a person who
 * may see it. The pages are the application's own {@code GET} page handlers: one this walk neither visits nor lists as
 * not a page fails the test with its path. On each page: no UUID in the visible text, no English word on a Japanese
 * page beyond a short list of proper names and acronyms (machine text — {@code code} elements and what the page marks
 * {@code translate="no"}, such as a signed note — is not language and is not looked at), no serious or critical
 * axe-core violation, the HTTP status 200, and a full-page screenshot under {@code target/screenshots/walk-*.png} for a
 * person to look at.
 * <p>
 * Every finding of every page is collected before the test fails, so one run lists all that is wrong. One browser for
 * both languages (the {@code lang} parameter switches), one sign-in per person and language, axe once per page.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PageWalkBrowserTest extends BrowserTestSupport {

    /** The demo council (DemoInformation): participants who all signed the pledge, items, a designation. */
    private static final String DEMO_COUNCIL = "【架空】量子センサ社会実装協議会";
    private static final String SIGNED_OUT = "";

    /**
     * {@code GET} handlers of page controllers that are not pages a person reads, with why: files (their content is
     * checked by their own tests), picker fragments that htmx puts into a page, redirects, and the error page (shown
     * here through an unknown path).
     */
    private static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/funds/{id}/ledger.csv", "file"), Map.entry("/funds/{id}/ledger.xlsx", "file"),
            Map.entry("/guideline/pdf", "file"), Map.entry("/items/{id}/content", "file"),
            Map.entry("/items/{id}/view/pages/{n}.png", "image of a viewer page"),
            Map.entry("/thinktank/indicators.csv", "file"), Map.entry("/thinktank/indicators.xlsx", "file"),
            Map.entry("/choices/organizations", "picker fragment"), Map.entry("/choices/people", "picker fragment"),
            Map.entry("/choices/items", "picker fragment"), Map.entry("/choices/projects", "picker fragment"),
            Map.entry("/choices/technologies", "picker fragment"),
            Map.entry("/invitations/{token}/login", "redirect to the invitation"),
            Map.entry("/account/confirm", "redirect to the account page"),
            Map.entry("/notifications/{id}/open", "redirect to what the notification is about"),
            Map.entry("/login/second-factor", "only between password and second factor (SignInBrowserTest)"),
            Map.entry("/error", "visited as /no-such-page"));

    /**
     * Latin words a Japanese page may show: acronyms and names of standards and formats, those of the guideline's
     * own technology names (AUV, GPS, VDES), the language switch's "English" (a language is offered in its own name). Names of demo people, organisations, usernames, e-mail
     * addresses, file names, codes and hashes are taken out before the words are looked at.
     */
    private static final Set<String> ALLOWED_WORDS = Set.of("PDF", "CSV", "XLSX", "API", "TOTP", "ORCID", "URL",
            "ID", "UUID", "English", "PNG", "JPEG", "Office", "UTF", "SHA", "JSON", "Markdown", "Excel", "QR", "PIN",
            "RFC", "Merkle", "C2SP", "iCalendar", "JST", "NEDO", "METI", "MEXT", "PI", "OIDC", "Banso", "NCSES", "HHI", "AHP", "TOPSIS",
            "CR", "IT", "AI", "Ctrl", "https", "EU", "AUV", "GPS", "VDES");
    /** Proper names of several words: the programme, the cited publication and dataset, authenticator apps. */
    private static final List<String> ALLOWED_PHRASES = List.of("K Program", "e-Rad", "ORCID iD", "tlog-checkpoint",
            "Science and Engineering Indicators", "ETO Advanced Semiconductor Supply Chain Dataset",
            "Google Authenticator", "Microsoft Authenticator");

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What is not a word though written in Latin letters: addresses, file names, codes with digits, long tokens. */
    private static final Pattern NOT_WORDS = Pattern.compile(String.join("|",
            "\\S+@\\S+", "[\\w./-]+\\.(?:txt|csv|pdf|png|jpg|xlsx|json|ics|md)\\b", "\\b[A-Za-z]*-?\\d[\\w-]*",
            "\\b[A-Z0-9]+(?:-[A-Z0-9]+)+\\b",
            "[A-Za-z0-9+/=_-]{20,}", "https?://\\S+"));
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*[A-Za-z]");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    IdentityManagement identity;
    @Autowired
    Councils councils;
    @Autowired
    Proposals proposals;
    @Autowired
    Invitations invitations;
    @Autowired
    InformationItems items;
    @Autowired
    LeakInvestigations leaks;
    @Autowired
    Funding funding;
    @Autowired
    Calls calls;
    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    Guidelines guidelines;
    @Autowired
    Rankings rankings;
    @Autowired
    AuditLog audit;

    /** A page to visit: the handler's pattern, who visits it (a demo username, or nobody signed in) and its URL. */
    private record Visit(String pattern, String person, String url) {
    }

    @Test
    void everyPageInBothLanguagesShowsNamesNotIdsJapaneseOnJapanesePagesAndNoSeriousAxeViolation() {
        List<Visit> visits = world();
        Set<String> pages = pageHandlers();
        Set<String> walked = new TreeSet<>();
        visits.forEach(v -> walked.add(v.pattern()));
        Set<String> missed = new TreeSet<>(pages);
        missed.removeAll(walked);
        missed.removeAll(NOT_PAGES.keySet());
        assertThat(missed).as("pages the walk does not visit: add them to world()").isEmpty();
        Set<String> stale = new TreeSet<>(walked);
        stale.addAll(NOT_PAGES.keySet());
        stale.removeAll(pages);
        stale.remove("/no-such-page");
        assertThat(stale).as("walked or excluded paths that are no longer handlers").isEmpty();

        Set<String> allowedPhrases = demoNames();
        Map<String, List<String>> problems = new TreeMap<>();
        for (String lang : List.of("ja", "en")) {
            String person = null;
            for (Visit visit : visits) {
                if (!visit.person().equals(person)) {
                    person = visit.person();
                    open("/");
                    driver.manage().deleteAllCookies();
                    if (!person.equals(SIGNED_OUT)) {
                        signIn(person, "admin".equals(person) ? adminPassword : DEMO_PASSWORD);
                    }
                }
                String url = visit.url() + (visit.url().contains("?") ? "&" : "?") + "lang=" + lang;
                open(url);
                waitForLang(lang);
                String name = visit.pattern().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
                screenshot("walk-" + (name.isEmpty() ? "home" : name) + "-" + lang);
                List<String> found = new ArrayList<>();
                Object status = driver.executeScript(
                        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
                long expected = visit.pattern().equals("/no-such-page") ? 404 : 200;
                if (((Number) status).longValue() != expected) {
                    found.add("status " + status + " (expected " + expected + ") at " + path());
                }
                String text = (String) driver.executeScript("return document.body.innerText;");
                // a link's or an e-mail address is not a name (mail bodies in the outbox carry links; test people have UUIDs in theirs)
                Matcher uuid = UUID_PATTERN.matcher(text.replaceAll("https?://\\S+", " ")
                        .replaceAll("\\S+@\\S+", " "));
                while (uuid.find()) {
                    found.add("UUID shown: …" + around(text, uuid.start(), uuid.end()) + "…");
                }
                if (lang.equals("ja")) {
                    // machine text is not language (code, hashes, signed notes, devices: code or translate="no"), and
                    // what the page declares to be in another language (lang="en": an English name, a source's
                    // own English title) is said so to screen readers
                    @SuppressWarnings("unchecked")
                    List<String> machine = (List<String>) driver.executeScript("return Array.from(document.body"
                            + ".querySelectorAll('code, [translate=no], [lang]:not([lang|=ja])'), e => e.innerText);");
                    String words = text;
                    // longest first: a short one ("Banso") must not cut a longer one ("Banso operator") apart
                    machine = new ArrayList<>(machine);
                    machine.sort((a, b) -> b.length() - a.length());
                    for (String m : machine) {
                        words = m.isBlank() ? words : words.replace(m, " ");
                    }
                    Set<String> english = englishWords(words, allowedPhrases);
                    if (!english.isEmpty()) {
                        found.add("English on a Japanese page: " + english);
                    }
                }
                List<String> axe = axeViolations();
                findings.put(url, axe);
                axe.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).map(v -> "axe: " + v)
                        .forEach(found::add);
                if (!found.isEmpty()) {
                    problems.put(url + " as " + (person.isEmpty() ? "nobody" : person), found);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        problems.forEach((page, list) -> {
            report.append(page).append('\n');
            list.forEach(p -> report.append("    ").append(p).append('\n'));
        });
        System.out.println("page walk, " + visits.size() + " pages × 2 languages; problems:\n" + report);
        assertThat(problems).as("pages with UUIDs, English on Japanese pages or serious axe violations:%n%s", report)
                .isEmpty();
    }

    @Test
    void theEnglishHeuristicCatchesRawMessagesButNotNamesCodesOrAcronyms() {
        assertThat(englishWords("同意の確認 Tick the box to accept the pledge.", Set.of()))
                .containsExactly("Tick", "the", "box", "to", "accept", "pledge");
        assertThat(englishWords("closesAt: must be after opensAt", Set.of()))
                .containsExactly("closesAt", "must", "be", "after", "opensAt");
        assertThat(englishWords("送信 Submit", Set.of())).containsExactly("Submit");
        assertThat(englishWords("国 JPN の指標", Set.of())).containsExactly("JPN");
        assertThat(englishWords("経産 花子 (METI official) が PDF と CSV を e-Rad 番号 90050426 で送った。"
                + "meti@demo.banso.invalid measurements.csv W-12345 English", Set.of("経産 花子 (METI official)")))
                .isEmpty();
    }

    /** The paths of the application's page handlers: {@code GET} mappings of its {@code @Controller}s. */
    private Set<String> pageHandlers() {
        Set<String> pages = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            Class<?> type = method.getBeanType();
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (type.getPackageName().startsWith("org.banso.") && get
                    && AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                    && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)) {
                pages.addAll(info.getPatternValues());
                // a file is answered as a ResponseEntity: it must be listed as not a page, with the reason written down
                if (ResponseEntity.class.isAssignableFrom(method.getReturnType().getParameterType())) {
                    info.getPatternValues().forEach(p -> assertThat(NOT_PAGES).as("file %s", p).containsKey(p));
                }
            }
        });
        return pages;
    }

    /**
     * The world the walk needs, made through the modules' facades as the demo people: the demo council (participants,
     * items, an adopted designation, all pledges signed) with an open invitation; a K Program fund with a call, two
     * scored applications, one awarded into a project; a technology; a leak report; the demo guideline and ranking.
     */
    private List<Visit> world() {
        long n = System.nanoTime() % 100_000;
        BansoUser officer = person("officer");
        BansoUser meti = person("meti");
        BansoUser fundingOfficer = person("funding");
        BansoUser researcher = person("researcher");
        BansoUser startup = person("startup");
        BansoUser analyst = person("analyst");
        BansoUser auditor = person("auditor");

        CouncilId council = demoCouncil();
        List<ItemSummary> councilItems = items.items(council, meti);
        ItemSummary report = councilItems.stream().filter(i -> i.title().equals("試験運用の中間報告")).findFirst()
                .orElseThrow();
        UUID designation = items.designations(council, meti).get(0).id().value();
        UUID proposal = proposals.proposals(council, meti).get(0).id().value();
        String invitation = invitations.invite(council, ParticipantRole.COMPANY, meti).token();

        TechnologyId technology = technologies.register(new TechnologyRegistry.NewTechnology("W-" + n,
                "量子慣性センサ " + n, "Quantum inertial sensor " + n, "A09", "航法に用いる量子慣性センサ"), officer).id();
        FundId fund = funding.createFund("画面巡回基金 " + n, Program.K_PROGRAM, officer).id();
        funding.record(fund, EntryKind.APPROPRIATION, 1_000_000_000L, "当初の積立て", officer);
        Instant now = Instant.now();
        UUID call = calls.openCall(new Calls.NewCall(fund, "量子慣性センサの公募 " + n, Calls.CallType.PROJECT,
                List.of(technology), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), 50_000_000L),
                fundingOfficer).id();
        Calls.OpenClosePlan plan = new Calls.OpenClosePlan("センサの較正手順", "協議会の外の者", 24, "製造ノウハウの流出防止");
        UUID awarded = calls.apply(call, new Calls.NewApplication("量子慣性センサの実証 " + n, "90050426",
                "0000-0002-1825-0097", List.of(), 10_000_000L, plan), researcher).id();
        UUID waiting = calls.apply(call, new Calls.NewApplication("量子慣性センサの小型化 " + n, "90050426",
                "0000-0002-1825-0097", List.of(), 8_000_000L, plan), startup).id();
        for (UUID application : List.of(awarded, waiting)) {
            calls.declare(application, false, "", analyst);
            calls.score(application, 4, "計画が明確で、管理の範囲が狭い。", analyst);
        }
        OrganizationView ministry = identity.organizations().stream().filter(o -> o.name().equals("経済産業省"))
                .findFirst().orElseThrow();
        UUID project = calls.award(awarded, new Calls.AwardTerms(technology, List.of(researcher.organizationId()),
                ministry.id(), meti.id(), ministry.id(), "経済産業省が航法装置の実証に用いる"), fundingOfficer).id().value();

        UUID leak = leaks.reportLeak(new LeakInvestigations.NewReport(report.id(), "中間報告の一部が外部の掲示板に掲載された"),
                auditor).id();
        UUID guideline = guidelines.current().orElseThrow().id();
        UUID ranking = rankings.rankings(analyst).get(0).id();
        // an entry about an item, so that the entry page has a council, an item and a person to name
        long entry = audit.search(new EntryFilter(null, null, report.id().value(), null, null, null, 1), auditor)
                .get(0).index();

        String c = "/councils/" + council.value();
        String item = "/items/" + report.id().value();
        List<Visit> visits = new ArrayList<>();
        visits.addAll(List.of(new Visit("/", SIGNED_OUT, "/"), new Visit("/login", SIGNED_OUT, "/login"),
                new Visit("/invitations/{token}", SIGNED_OUT, "/invitations/" + invitation),
                new Visit("/public/results", SIGNED_OUT, "/public/results"),
                new Visit("/technologies/areas", SIGNED_OUT, "/technologies/areas"),
                new Visit("/guideline", SIGNED_OUT, "/guideline")));
        visits.addAll(List.of(new Visit("/councils", "meti", "/councils"), new Visit("/councils/{id}", "meti", c),
                new Visit("/councils/{id}/follow-up", "meti", c + "/follow-up"),
                new Visit("/councils/{id}/items", "meti", c + "/items"), new Visit("/items/{id}", "meti", item),
                new Visit("/items/{id}/view", "meti", item + "/view"),
                new Visit("/designations/{id}", "meti", "/designations/" + designation),
                new Visit("/proposals/{id}", "meti", "/proposals/" + proposal),
                new Visit("/notices", "meti", "/notices"), new Visit("/work", "meti", "/work"),
                new Visit("/notifications", "meti", "/notifications"),
                new Visit("/settings/notifications", "meti", "/settings/notifications"),
                new Visit("/search", "meti", "/search?q=" + "量子"), new Visit("/account", "meti", "/account"),
                new Visit("/account/password", "meti", "/account/password"),
                new Visit("/account/second-factor/totp", "meti", "/account/second-factor/totp"),
                // signed out, an unknown path first asks to sign in: the error page is seen signed in
                new Visit("/no-such-page", "meti", "/no-such-page")));
        visits.addAll(List.of(new Visit("/guidelines", "officer", "/guidelines"),
                new Visit("/guidelines/{id}", "officer", "/guidelines/" + guideline),
                new Visit("/technologies", "officer", "/technologies"),
                new Visit("/technologies/{id}", "officer", "/technologies/" + technology.value()),
                new Visit("/funds", "officer", "/funds"), new Visit("/funds/{id}", "officer", "/funds/" + fund.value())));
        visits.addAll(List.of(new Visit("/calls", "funding", "/calls"),
                new Visit("/calls/{id}", "funding", "/calls/" + call),
                new Visit("/applications/{id}", "funding", "/applications/" + waiting),
                new Visit("/projects", "funding", "/projects"),
                new Visit("/projects/{id}", "funding", "/projects/" + project)));
        visits.addAll(List.of(new Visit("/thinktank", "analyst", "/thinktank"),
                new Visit("/thinktank/supply-chain", "analyst", "/thinktank/supply-chain"),
                new Visit("/thinktank/rankings", "analyst", "/thinktank/rankings"),
                new Visit("/thinktank/rankings/{id}", "analyst", "/thinktank/rankings/" + ranking),
                new Visit("/thinktank/entities", "analyst", "/thinktank/entities")));
        visits.addAll(List.of(new Visit("/audit", "auditor", "/audit"),
                new Visit("/audit/entries/{index}", "auditor", "/audit/entries/" + entry),
                new Visit("/leaks", "auditor", "/leaks"), new Visit("/leaks/{id}", "auditor", "/leaks/" + leak),
                new Visit("/leaks/trace", "auditor", "/leaks/trace")));
        visits.addAll(List.of(new Visit("/admin/organizations", "admin", "/admin/organizations"),
                new Visit("/admin/users", "admin", "/admin/users"),
                new Visit("/admin/outbox", "admin", "/admin/outbox")));
        return visits;
    }

    private CouncilId demoCouncil() {
        return councils.allCouncils(null, 500).stream().filter(s -> s.name().equals(DEMO_COUNCIL))
                .map(CouncilSummary::id).findFirst().orElseThrow();
    }

    private BansoUser person(String username) {
        return identity.userByUsername(username).map(UserView::asPrincipal).orElseThrow();
    }

    /**
     * Names of the people and organisations in the database (the demo's, and those other browser tests sharing this
     * application made): proper names, whatever their script.
     */
    private Set<String> demoNames() {
        Set<String> names = new LinkedHashSet<>();
        identity.users(person("admin")).forEach(u -> {
            names.add(u.displayName());
            names.add(u.username());
        });
        identity.organizations().forEach(o -> {
            names.add(o.name());
        });
        return names;
    }

    /** The Latin words of a text that are neither an allowed word nor part of a demo name, code or address. */
    static Set<String> englishWords(String text, Set<String> names) {
        // names first, whole: a username such as "res-1a2b" must go as one before the codes are cut out of it
        String rest = text.replaceAll("\\S+@\\S+|https?://\\S+", " ");
        List<String> longestFirst = new ArrayList<>(names);
        longestFirst.addAll(ALLOWED_PHRASES);
        longestFirst.sort((a, b) -> b.length() - a.length());
        for (String name : longestFirst) {
            if (!name.isBlank()) {
                rest = rest.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(name) + "(?![A-Za-z0-9])", " ");
            }
        }
        rest = NOT_WORDS.matcher(rest).replaceAll(" ");
        Set<String> words = new LinkedHashSet<>();
        Matcher word = LATIN_WORD.matcher(rest);
        while (word.find()) {
            if (!ALLOWED_WORDS.contains(word.group())) {
                words.add(word.group());
            }
        }
        return words;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 10)).replace('\n', ' ');
    }
}
