package org.banso.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * access policy decides each request (action VIEW, logged), and nobody else learns that the item exists. Every other
 * council item the viewer renders (text, PDF, PNG, JPEG) is read there too, its download staying available (issue 17).
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

    @Test
    void r17_aCouncilItemThatIsNotViewOnlyIsReadInTheViewerAndStaysDownloadable() throws Exception {
        String note = api.upload(council, startup, "協議会内の議事メモ", "SAMPLING_DATA", TracingFixtures.seed());

        String itemPage = html(api.page("/items/" + note + "?lang=ja", company));
        assertThat(itemPage).as("read in the browser and download, both offered")
                .contains("id=\"view\"", "/items/" + note + "/view", "/items/" + note + "/content");
        MvcResult viewer = api.page("/items/" + note + "/view?lang=ja", company);
        assertThat(viewer.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(viewer)).contains("id=\"viewer-download\"", "/items/" + note + "/content",
                "/items/" + note + "/view/pages/1.png").doesNotContain("ダウンロードはできません");

        BufferedImage companys = png(note, 1, company);
        BufferedImage startups = png(note, 1, startup);
        assertThat(differing(companys, startups)).as("each reader's own watermark").isPositive();
        assertThat(events.stream(InformationEvents.AccessDecided.class)
                .filter(e -> e.item() != null && e.item().value().toString().equals(note)
                        && e.action() == InformationAction.VIEW && e.permitted()))
                .as("every look is the policy's decision, logged").hasSizeGreaterThanOrEqualTo(4);

        for (Person person : List.of(outsider)) {
            assertThat(api.page("/items/" + note + "/view", person).getResponse().getStatus()).isEqualTo(404);
            assertThat(api.page("/items/" + note + "/view/pages/1.png", person).getResponse().getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void r17_anImageIsOneWatermarkedPageAndTheListingOffersReadingOnlyWhatTheViewerRenders() throws Exception {
        BufferedImage drawing = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawing.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 500);
        g.setColor(new Color(0, 90, 160));
        g.fillRect(80, 80, 300, 200);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(drawing, "png", bytes);
        String figure = api.uploadFile(council, startup, "試作センサの構成図", "SAMPLING_DATA", "figure.png",
                "image/png", bytes.toByteArray());
        String sheet = api.uploadFile(council, startup, "評価データ表", "SAMPLING_DATA", "data.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook());

        MvcResult viewer = api.page("/items/" + figure + "/view?lang=en", company);
        assertThat(viewer.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(viewer)).contains("Page 1 of 1").doesNotContain("rel=\"next\"");
        BufferedImage companys = png(figure, 1, company);
        assertThat(companys.getWidth()).as("a landscape A4 page").isGreaterThan(companys.getHeight());
        assertThat(differing(companys, png(figure, 1, startup))).as("each reader's own watermark").isPositive();
        assertThat(api.page("/items/" + figure + "/view/pages/2.png", company).getResponse().getStatus())
                .isEqualTo(404);

        String listing = html(api.page("/councils/" + council + "/items?lang=ja", company));
        assertThat(listing).as("one click from the listing to the viewer")
                .contains("id=\"read-" + figure + "\"", "href=\"/items/" + figure + "/view\"")
                .doesNotContain("read-" + sheet);
        assertThat(html(api.page("/items/" + sheet + "?lang=ja", company))).doesNotContain("id=\"view\"")
                .contains("/items/" + sheet + "/content");
        assertThat(api.page("/items/" + sheet + "/view", company).getResponse().getStatus()).isEqualTo(415);
        assertThat(html(api.page("/councils/" + council + "/items?lang=ja", outsider))).doesNotContain(figure);
    }

    private BufferedImage png(String item, int page, Person person) throws Exception {
        MvcResult result = api.page("/items/" + item + "/view/pages/" + page + ".png", person);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("評価").createRow(0).createCell(0).setCellValue("感度");
            book.write(out);
            return out.toByteArray();
        }
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
