package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.banso.identity.IdentityManagement;
import org.banso.support.ApiScript.Person;
import org.banso.information.tracing.TracingFixtures;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page viewer route (R17): a VIEW_ONLY item is shown to its designation's scope as watermarked page images, the
 * access policy decides each request (action VIEW, logged), and nobody else learns that the item exists.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(TestClockConfiguration.class)
class ItemViewerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    IdentityManagement identity;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    InformationTestSupport api;
    Person official;
    Person startup;
    Person company;
    Person outsider;
    String council;
    String item;

    @BeforeEach
    void world() throws Exception {
        api = new InformationTestSupport(mvc, json, identity);
        InformationTestSupport.World world = api.world();
        official = world.official();
        startup = world.startup();
        company = world.company();
        outsider = world.outsider();
        council = world.council();
        String startupParticipant = world.startupParticipant();
        String ministryParticipant = world.ministryParticipant();
        StringBuilder text = new StringBuilder();
        while (text.length() < 9_000) {
            text.append(TracingFixtures.seed());
        }
        item = api.upload(council, startup, "閲覧のみの資料", "SAMPLING_DATA", text.toString());
        Instant now = clock.instant();
        api.adopt(council, official, InformationTestSupport.designation(List.of(item), null,
                List.of(ministryParticipant, startupParticipant), now.minusSeconds(60), now.plus(Duration.ofDays(30)),
                "VIEW_ONLY", "PUBLIC"), official, startup, company);
    }

    @Test
    void r17_thePersonInScopeSeesWatermarkedPageImagesAndEachRequestIsDecidedByThePolicy() throws Exception {
        MvcResult page = api.page("/items/" + item + "/view?lang=ja", startup);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("閲覧のみの資料", "/items/" + item + "/view/pages/1.png", "alt=\"閲覧のみの資料：1 / ",
                "rel=\"next\"").doesNotContain("/content");

        MvcResult png = api.page("/items/" + item + "/view/pages/1.png", startup);
        assertThat(png.getResponse().getStatus()).isEqualTo(200);
        assertThat(png.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(png.getResponse().getHeader("Cache-Control")).contains("no-store");
        BufferedImage mine = ImageIO.read(new ByteArrayInputStream(png.getResponse().getContentAsByteArray()));
        assertThat(mine.getWidth()).isGreaterThan(800);

        BufferedImage officials = ImageIO.read(new ByteArrayInputStream(api.page("/items/" + item
                + "/view/pages/1.png", official).getResponse().getContentAsByteArray()));
        assertThat(differing(mine, officials)).as("each viewer's own watermark").isPositive();

        assertThat(events.stream(InformationEvents.AccessDecided.class)
                .filter(e -> e.item() != null && e.item().value().toString().equals(item)
                        && e.action() == InformationAction.VIEW && e.permitted()))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(api.page("/items/" + item + "/view/pages/99.png", startup).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.page("/items/" + item + "/view/pages/0.png", startup).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void r17_peopleOutsideTheScopeGetNotFoundForTheViewerAndItsImages() throws Exception {
        for (Person person : List.of(company, outsider)) {
            assertThat(api.page("/items/" + item + "/view", person).getResponse().getStatus()).isEqualTo(404);
            assertThat(api.page("/items/" + item + "/view/pages/1.png", person).getResponse().getStatus())
                    .isEqualTo(404);
        }
        assertThat(events.stream(InformationEvents.AccessDecided.class)
                .filter(e -> e.item() != null && e.item().value().toString().equals(item)
                        && e.action() == InformationAction.VIEW && !e.permitted()))
                .hasSizeGreaterThanOrEqualTo(4);
        int anonymous = api.page("/items/" + item + "/view/pages/1.png", null).getResponse().getStatus();
        assertThat(anonymous).isIn(302, 401);
    }

    private static long differing(BufferedImage a, BufferedImage b) {
        long differing = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
