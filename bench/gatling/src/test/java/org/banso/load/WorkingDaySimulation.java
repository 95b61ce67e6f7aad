package org.banso.load;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A programme's working day against one node (issue #13): {@code banso.users} people at once (default 200) for
 * {@code banso.minutes} minutes (default 10), each pausing 1–5 s between actions as people do, across the roles of
 * the demo profile — researchers of the demo council reading its items, downloading the traced copy, uploading and
 * answering proposals; a ministry official proposing; people on the pages (council items, an item, search, notices,
 * public results); the think tank's analyst on the indicator pages; officers, funding and audit reading their lists.
 * Target: no failed request and a 95th percentile of at most 150 ms (see ../README.md).
 */
public class WorkingDaySimulation extends Simulation {

    private static final int USERS = Integer.getInteger("banso.users", 200);
    private static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("banso.rampSeconds", 60));
    private static final Duration DAY = Duration.ofMinutes(Integer.getInteger("banso.minutes", 10));
    private static final List<String> QUERIES = List.of("量子", "量子センサ", "測定データ", "報告", "quantum", "評価",
            "試験運用", "技術流出", "研究開発", "sensor");

    private final DemoWorld world = DemoWorld.get();

    private final HttpProtocolBuilder protocol = http.baseUrl(DemoWorld.BASE)
            .acceptLanguageHeader("ja,en;q=0.8")
            .userAgentHeader("banso-load/working-day");

    /** An API token for the session's account. */
    private static ChainBuilder apiSignIn(String account) {
        return exec(session -> session.set("account", account))
                .exec(http("sign in (API)").post("/api/v1/auth/token").asJson()
                        .body(StringBody("{\"username\":\"" + account + "\",\"password\":\"" + DemoWorld.PASSWORD
                                + "\"}"))
                        .check(status().is(200), jsonPath("$.token").saveAs("token")));
    }

    /** A page session: the sign-in form with its CSRF token. */
    private static ChainBuilder pageSignIn(String account) {
        return exec(http("sign-in page").get("/login")
                .check(status().is(200), regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
                .exec(http("sign in (page)").post("/login")
                        .formParam("username", account).formParam("password", DemoWorld.PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .disableFollowRedirect()
                        .check(status().is(302)));
    }

    private static String bearer() {
        return "Bearer #{token}";
    }

    private ChainBuilder pick(String name, List<String> values) {
        return exec(session -> session.set(name, values.get(ThreadLocalRandom.current().nextInt(values.size()))));
    }

    private ChainBuilder researcherActions() {
        return randomSwitch().on(
                new Choice.WithWeight(25, exec(http("council items (API)")
                        .get("/api/v1/councils/" + world.council + "/items").header("Authorization", bearer())
                        .check(status().is(200)))),
                new Choice.WithWeight(20, pick("item", world.items).exec(http("item (API)").get("/api/v1/items/#{item}")
                        .header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(15, exec(http("traced copy download")
                        .get("/api/v1/items/" + world.tracedItem + "/content").header("Authorization", bearer())
                        .check(status().is(200), io.gatling.javaapi.http.HttpDsl.header("Banso-Fingerprint")
                                .exists()))),
                new Choice.WithWeight(20, pick("q", QUERIES).exec(http("search (API)").get("/api/v1/search")
                        .queryParam("q", "#{q}").header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(8, exec(http("upload").post("/api/v1/councils/" + world.council + "/items")
                        .header("Authorization", bearer())
                        .bodyPart(StringBodyPart("meta", "{\"title\":\"負荷試験の資料\",\"category\":\"REPORT\"}")
                                .contentType("application/json"))
                        .bodyPart(ByteArrayBodyPart("file", ("測定の記録。量子センサの較正値と試験条件。\n".repeat(30))
                                .getBytes(StandardCharsets.UTF_8)).fileName("note.txt").contentType("text/plain"))
                        .check(status().is(201)))),
                new Choice.WithWeight(12, exec(session -> {
                    String proposal = world.toAnswer.get(session.getString("account")).poll();
                    return proposal == null ? session.remove("proposal") : session.set("proposal", proposal);
                }).doIfOrElse(session -> session.contains("proposal")).then(
                        // 409 proposal-closed: the others' consents adopted it first — a person's ordinary outcome
                        exec(http("answer a proposal").post("/api/v1/proposals/#{proposal}/responses")
                                .header("Authorization", bearer()).asJson()
                                .body(StringBody("{\"response\":\"CONSENT\"}")).check(status().in(200, 409))))
                        .orElse(exec(http("council proposals").get("/api/v1/councils/" + world.council + "/proposals")
                                .header("Authorization", bearer()).check(status().is(200))))));
    }

    private ChainBuilder officialActions() {
        return randomSwitch().on(
                // a refused proposal (503 under overload) leaves nothing to announce or answer
                new Choice.WithWeight(15, exec(session -> session.remove("proposal"))
                        .exec(http("propose").post("/api/v1/councils/" + world.council + "/proposals")
                        .header("Authorization", bearer()).asJson()
                        .body(StringBody("{\"matter\":\"PROMOTION\",\"title\":\"研究開発の推進について\","
                                + "\"body\":\"次回会合までに進捗を共有する。\"}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("proposal")))
                        .doIf(session -> session.contains("proposal")).then(exec(session -> {
                            world.proposed(session.getString("proposal"));
                            return session;
                        })
                        .exec(http("answer own proposal").post("/api/v1/proposals/#{proposal}/responses")
                                .header("Authorization", bearer()).asJson()
                                .body(StringBody("{\"response\":\"CONSENT\"}")).check(status().is(200))))),
                new Choice.WithWeight(25, exec(http("council (API)").get("/api/v1/councils/" + world.council)
                        .header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(20, exec(http("council proposals").get("/api/v1/councils/" + world.council
                        + "/proposals").header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(20, pick("item", world.items).exec(http("item (API)").get("/api/v1/items/#{item}")
                        .header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(20, pick("q", QUERIES).exec(http("search (API)").get("/api/v1/search")
                        .queryParam("q", "#{q}").header("Authorization", bearer()).check(status().is(200)))));
    }

    private ChainBuilder pageActions() {
        return randomSwitch().on(
                new Choice.WithWeight(20, exec(http("council items page").get("/councils/" + world.council + "/items")
                        .check(status().is(200)))),
                new Choice.WithWeight(25, pick("item", world.items).exec(http("item page").get("/items/#{item}")
                        .check(status().is(200)))),
                new Choice.WithWeight(20, pick("q", QUERIES).exec(http("search page").get("/search")
                        .queryParam("q", "#{q}").check(status().is(200)))),
                new Choice.WithWeight(10, exec(http("notices page").get("/notices").check(status().is(200)))),
                new Choice.WithWeight(10, exec(http("public results page").get("/public/results")
                        .check(status().is(200)))),
                new Choice.WithWeight(15, exec(http("home page").get("/").check(status().is(200)))));
    }

    private ChainBuilder thinkTankActions() {
        return randomSwitch().on(
                new Choice.WithWeight(35, exec(http("think tank page").get("/thinktank").check(status().is(200)))),
                new Choice.WithWeight(20, exec(http("supply chain page").get("/thinktank/supply-chain")
                        .check(status().is(200)))),
                new Choice.WithWeight(20, exec(http("rankings page").get("/thinktank/rankings")
                        .check(status().is(200)))),
                new Choice.WithWeight(25, exec(http("technologies page").get("/technologies")
                        .check(status().is(200)))));
    }

    private ChainBuilder officeActions() {
        return randomSwitch().on(
                new Choice.WithWeight(30, exec(http("technologies (API)").get("/api/v1/technologies")
                        .header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(25, exec(http("guideline (API)").get("/api/v1/guidelines/current")
                        .check(status().is(200)))),
                new Choice.WithWeight(25, exec(http("funds (API)").get("/api/v1/funds")
                        .header("Authorization", bearer()).check(status().is(200)))),
                new Choice.WithWeight(20, exec(http("notices (API)").get("/api/v1/notices")
                        .header("Authorization", bearer()).check(status().is(200)))));
    }

    private ChainBuilder day(ChainBuilder actions) {
        return during(DAY.plus(RAMP)).on(exec(actions).pause(Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    private ScenarioBuilder role(String name, ChainBuilder signIn, ChainBuilder actions) {
        // a person whose sign-in was refused tries again a few seconds later, as people do (each failure is counted);
        // one who never gets in goes home only after waiting, so that the closed model does not replace them at once
        return scenario(name).pause(Duration.ZERO, Duration.ofSeconds(2))
                .tryMax(5).on(pause(Duration.ofSeconds(1), Duration.ofSeconds(4)).exec(signIn)).exitHereIfFailed()
                .pause(Duration.ofMillis(200), Duration.ofSeconds(3)).exec(day(actions));
    }

    private PopulationBuilder people(ScenarioBuilder scenario, double share) {
        int n = Math.max(1, (int) Math.round(USERS * share));
        return scenario.injectClosed(rampConcurrentUsers(0).to(n).during(RAMP),
                constantConcurrentUsers(n).during(DAY));
    }

    {
        setUp(
                people(role("startup researchers", apiSignIn("startup"), researcherActions()), 0.20),
                people(role("university researchers", apiSignIn("researcher"), researcherActions()), 0.15),
                people(role("ministry officials", apiSignIn("meti"), officialActions()), 0.15),
                people(role("researchers on the pages", pageSignIn("researcher"), pageActions()), 0.20),
                people(role("think-tank analysts", pageSignIn("analyst"), thinkTankActions()), 0.15),
                people(role("program officers", apiSignIn("officer"), officeActions()), 0.075),
                people(role("funding officers", apiSignIn("funding"), officeActions()), 0.075))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L),
                        global().responseTime().percentile(95).lte(150));
    }
}
