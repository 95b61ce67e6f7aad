package org.banso.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.banso.support.ApiScript.Person;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser tests of e-mails share: a real SMTP server (GreenMail, loopback) and the application on a port
 * chosen before it starts, so that the links in the e-mails ({@code banso.notification.base-url}) are the very
 * addresses the browser opens; the moved clock; and a council established by a ministry official with a university
 * researcher (the PI) as its required consenter, built through the real API.
 * <p>
 * The annotations, properties and servers are the subclasses' common ones, so that they share one cached
 * application: the SMTP server therefore lives as long as the test JVM, not as long as one class.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@Import(TestClockConfiguration.class)
abstract class MailBrowserTestSupport extends BrowserTestSupport {

    private static final int HTTP_PORT = MailCapture.freePort();
    protected static final GreenMail SMTP = new GreenMail(new ServerSetup(MailCapture.freePort(), "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop, "greenmail-stop"));
    }

    @DynamicPropertySource
    static void mailServerAndAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("banso.notification.base-url", () -> "http://localhost:" + HTTP_PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("banso.notification.send-interval", () -> "200ms");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcClient jdbc;

    protected NotificationTestSupport api;
    protected Person official;
    protected Person pi;

    @BeforeEach
    void officialAndResearcher() throws Exception {
        api = new NotificationTestSupport(mvc, json, jdbc);
        official = api.official();
        pi = api.researcher("UNIVERSITY");
    }

    /** Established with the PI as required consenter; the official has signed the pledge. */
    protected String establishedCouncil(String name) throws Exception {
        return api.establishedCouncil(official, name, pi);
    }

    /** The first mail to the address whose subject contains the text (waits, bounded, for the sending job). */
    protected static MimeMessage awaitMail(String address, String subject) throws Exception {
        return MailCapture.awaitMail(SMTP, address, subject);
    }

    protected static MimeMessage awaitMail(Person person, String subject) throws Exception {
        return awaitMail(person.username() + "@example.jp", subject);
    }
}
