package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.banso.support.ApiAccounts;
import org.banso.support.BrowserTestSupport;
import org.banso.support.ClusterNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Page sessions in the database (profile {@code cluster}, Spring Session JDBC) with two nodes on one PostgreSQL and
 * no session affinity (issue #19): a person signed in on node A is signed in on node B; a passkey is registered on A
 * (its options kept in the database session between the two requests of the ceremony) and signs in on B. Both
 * nodes serve on localhost, so Chromium sends the one session cookie to either, as it would to one address behind
 * a load balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeysOnTwoNodesBrowserTest extends BrowserTestSupport {

    private Path dir;
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int portA;
    private int portB;
    private String username;

    @BeforeAll
    void startTwoNodes() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "passkeys-two-nodes-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
                .start();
        nodeA = start("a", true);
        nodeB = start("b", false);
        portA = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
        portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        port = portA;
        username = person(nodeA);
    }

    @AfterAll
    void stopTwoNodes() {
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            if (node.isActive()) {
                node.close();
            }
        }
        try {
            postgres.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ConfigurableApplicationContext start(String node, boolean mayCreateKeys) {
        return ClusterNodes.start(postgres, dir, node, dir.resolve("keys"), mayCreateKeys,
                List.of("--banso.information.content.blob-directory=" + dir.resolve("blobs")));
    }

    /** A researcher with a password, created as the first administrator would on node A. */
    private static String person(ConfigurableApplicationContext node) {
        IdentityManagement identity = node.getBean(IdentityManagement.class);
        BansoUser admin = identity.userByUsername("admin").orElseThrow().asPrincipal();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrganizationView org = identity.registerOrganization(new IdentityManagement.NewOrganization(
                "二ノード大学" + suffix, "Two-node University " + suffix, OrganizationKind.UNIVERSITY, null), admin);
        String name = "nodes-" + suffix;
        identity.createUser(new IdentityManagement.NewUser(name, "節点 花子", name + "@example.jp", org.id(),
                Set.of(Role.RESEARCHER), ApiAccounts.PASSWORD), admin);
        return name;
    }

    private void on(int nodePort) {
        base = "http://localhost:" + nodePort;
    }

    private long pageSessions() {
        return nodeA.getBean(JdbcClient.class).sql("select count(*) from identity_page_session")
                .query(Long.class).single();
    }

    @Test
    @Order(1)
    void aPersonSignedInOnNodeAIsSignedInOnNodeBAndSigningOutOnBEndsItOnA() {
        on(portA);
        signIn(username, ApiAccounts.PASSWORD);
        assertThat(text(".site-header__user")).startsWith("節点 花子");
        assertThat(pageSessions()).as("the session is kept in the database").isPositive();

        on(portB);
        open("/account?lang=ja");
        assertThat(path()).as("node B knows the session node A made").isEqualTo("/account");
        assertThat(text(".site-header__user")).startsWith("節点 花子");
        screenshot("two-nodes-account-on-b-ja");

        submit(By.cssSelector("form[action$='/logout'] button"));
        on(portA);
        open("/account");
        assertThat(path()).as("signed out on B is signed out on A").isEqualTo("/login");
    }

    @Test
    @Order(2)
    void aPasskeyRegisteredOnNodeASignsInOnNodeB() {
        VirtualAuthenticator authenticator = addPasskeyAuthenticator();
        try {
            on(portA);
            signIn(username, ApiAccounts.PASSWORD);
            open("/account?lang=ja");
            driver.findElement(By.id("passkey-label")).sendKeys("二台目の端末");
            driver.findElement(By.id("passkey-register")).click();
            await().until(ExpectedConditions.urlContains("passkey=added"));
            assertThat(text("#passkeys")).contains("二台目の端末");
            assertThat(authenticator.getCredentials()).hasSize(1);

            driver.manage().deleteAllCookies();
            on(portB);
            open("/login?lang=ja");
            driver.findElement(By.id("passkey-sign-in")).click();
            await().until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(text(".site-header__user")).startsWith("節点 花子");

            on(portA);
            open("/account?lang=ja");
            assertThat(path()).as("the passkey session from B serves on A").isEqualTo("/account");
            assertThat(text("#sessions")).contains("パスキー");
            screenshot("two-nodes-passkey-session-on-a-ja");
        } finally {
            ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        }
    }
}
