package org.banso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.banso.support.BansoIntegrationTest;
import org.banso.support.BrowserTestSupport;
import org.banso.support.MutableClock;
import org.banso.support.TestClockConfiguration;
import org.banso.support.TestOidcProvider;
import org.banso.support.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in as organisations do (issue 18), in headless Chromium against the demo: an OpenID Connect provider
 * (Spring Authorization Server, started here on its own port) — redirect with PKCE, the provider's sign-in and
 * consent, the return, the first link by verified e-mail and later sign-ins by subject, an unknown identity, a
 * disabled account and a provider-disabled person refused, unlinking; a passkey registered on the account page and
 * used to sign in through Chromium's virtual authenticator, then revoked; an authenticator app set up with the
 * injected clock, and step-up for controlled content (asked for a CONTROLLED item, not for a COUNCIL one, and again
 * after 15 minutes). Screenshots of each page in Japanese and English; axe-core on each.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserTest extends BrowserTestSupport {

    static final TestOidcProvider provider = TestOidcProvider.start();
    static boolean clientRegistered;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void oidcProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration.test-idp.";
        registry.add(prefix + "client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add(prefix + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add(prefix + "scope", () -> "openid,organization");
        registry.add(prefix + "client-name", () -> "試験用IdP");
        registry.add("spring.security.oauth2.client.provider.test-idp.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void registerClient() {
        if (!clientRegistered) {
            provider.registerClient("http://localhost:" + port + "/login/oauth2/code/test-idp");
            clientRegistered = true;
        }
    }

    @Test
    @Order(1)
    void theLoginPageOffersTheProviderAndPasskeysAndSaysTheDemoSkipsTheSecondFactor() {
        open("/login?lang=ja");
        assertThat(text("#oidc-test-idp")).isEqualTo("試験用IdP でログイン");
        assertThat(text("#passkey-sign-in")).isEqualTo("パスキーでログイン");
        assertThat(text("#login-demo-note")).contains("二要素認証を求めません");
        screenshot("sign-in-login-ja");
        assertNoSeriousViolations("login with sign-in options (ja)");
        open("/login?lang=en");
        assertThat(text("#oidc-test-idp")).isEqualTo("Sign in with 試験用IdP");
        screenshot("sign-in-login-en");
        assertNoSeriousViolations("login with sign-in options (en)");
    }

    @Test
    @Order(2)
    void theRedirectToTheProviderCarriesPkce() throws Exception {
        HttpResponse<Void> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/oauth2/authorization/test-idp")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(provider.issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "code_challenge=", "code_challenge_method=S256", "nonce=",
                        "state=", "scope=openid%20organization");
    }

    @Test
    @Order(3)
    void anOidcSignInLinksByVerifiedEmailOnceThenBySubject_rolesStayBansos() {
        String username = "oidc" + UUID.randomUUID().toString().substring(0, 6);
        UserView account = newAccount(username, username + "@meti.example.jp", Role.MINISTRY_OFFICIAL);
        provider.add(new TestOidcProvider.Person("k.sato", "idp-pass-1", username + "@meti.example.jp", true));

        open("/login?lang=ja");
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
        screenshot("sign-in-provider-login");
        driver.findElement(By.id("username")).sendKeys("k.sato");
        driver.findElement(By.id("password")).sendKeys("idp-pass-1");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("submit-consent")));
        screenshot("sign-in-provider-consent");
        driver.findElement(By.id("organization")).click();
        driver.findElement(By.id("submit-consent")).click();
        await().until(ExpectedConditions.urlToBe(base + "/"));
        assertThat(text(".site-header__user")).isEqualTo(account.displayName());
        assertThat(jdbc.sql("select count(*) from identity_oidc_link where account_id = ? and subject = 'k.sato'")
                .param(account.id().value()).query(Long.class).single()).isEqualTo(1);

        open("/account?lang=ja");
        assertThat(text("#oidc-links")).contains("試験用IdP");
        assertThat(text("#sessions")).contains("組織の認証サービス (試験用IdP)");
        assertThat(text("#second-factor-requirement")).isEqualTo("任意");
        screenshot("sign-in-account-oidc-ja");
        assertNoSeriousViolations("account page after an OIDC sign-in (ja)");

        // later sign-ins are by subject: a changed e-mail at the provider does not matter any more
        provider.add(new TestOidcProvider.Person("k.sato", "idp-pass-1", "renamed@elsewhere.example", true));
        signOutEverywhere();
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlToBe(base + "/"));
        assertThat(text(".site-header__user")).isEqualTo(account.displayName());
        assertThat(identity.user(account.id()).orElseThrow().roles()).containsExactly(Role.MINISTRY_OFFICIAL);
        assertThat(audited("OidcLinked", account.id().value())).isEqualTo(1);
        assertThat(audited("SignedIn", account.id().value())).isEqualTo(2);
    }

    @Test
    @Order(4)
    void unknownIdentitiesDisabledAccountsAndPeopleTheProviderDisabledAreRefused() {
        // a person the provider knows, whose e-mail no Banso account has: never a new account
        provider.add(new TestOidcProvider.Person("stranger", "idp-pass-2", "stranger@example.org", true));
        long accounts = jdbc.sql("select count(*) from identity_account").query(Long.class).single();
        signInAtProvider("stranger", "idp-pass-2", true);
        await().until(ExpectedConditions.urlContains("/login?oidc-refused"));
        assertThat(text("#login-oidc-refused")).contains("対応する伴走のアカウントがありません");
        screenshot("sign-in-oidc-refused-ja");
        assertNoSeriousViolations("login after a refused OIDC sign-in (ja)");
        assertThat(jdbc.sql("select count(*) from identity_account").query(Long.class).single()).isEqualTo(accounts);
        assertThat(jdbc.sql("""
                        select (select count(*) from audit_pending where kind = 'OidcSignInRefused')
                             + (select count(*) from audit_leaf where kind = 'OidcSignInRefused')""")
                .query(Long.class).single()).as("the refusal is audited").isGreaterThanOrEqualTo(1);

        // an e-mail the provider did not verify links nothing
        String username = "unv" + UUID.randomUUID().toString().substring(0, 6);
        newAccount(username, username + "@meti.example.jp", Role.MINISTRY_OFFICIAL);
        provider.add(new TestOidcProvider.Person("unverified", "idp-pass-3", username + "@meti.example.jp", false));
        signInAtProvider("unverified", "idp-pass-3", true);
        await().until(ExpectedConditions.urlContains("/login?oidc-refused"));

        // linked, then disabled in Banso: refused
        String disabledName = "dis" + UUID.randomUUID().toString().substring(0, 6);
        UserView disabled = newAccount(disabledName, disabledName + "@meti.example.jp", Role.MINISTRY_OFFICIAL);
        provider.add(new TestOidcProvider.Person("to-disable", "idp-pass-4", disabledName + "@meti.example.jp", true));
        signInAtProvider("to-disable", "idp-pass-4", true);
        await().until(ExpectedConditions.urlToBe(base + "/"));
        identity.setEnabled(disabled.id(), false, admin());
        // the OIDC session follows the account like a password session (#13): it ends at its next request
        open("/account");
        assertThat(driver.getCurrentUrl()).as("the session of a disabled account ends").contains("/login?ended");
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlContains("/login?oidc-refused"));

        // disabled at the provider: the provider refuses, so no Banso session comes of it
        identity.setEnabled(disabled.id(), true, admin());
        provider.disable("to-disable");
        signOutAtProvider();
        open("/login");
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
        driver.findElement(By.id("username")).sendKeys("to-disable");
        driver.findElement(By.id("password")).sendKeys("idp-pass-4");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(ExpectedConditions.urlContains("/login?error"));
        assertThat(driver.getCurrentUrl()).startsWith(provider.issuer());
        open("/account");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    @Order(5)
    void unlinkingEndsTheLinkAndTheIdentityIsRefusedAfterwards() {
        String username = "unl" + UUID.randomUUID().toString().substring(0, 6);
        newAccount(username, username + "@meti.example.jp", Role.PROGRAM_OFFICER);
        provider.add(new TestOidcProvider.Person("unlinker", "idp-pass-5", username + "@meti.example.jp", true));
        signInAtProvider("unlinker", "idp-pass-5", true);
        await().until(ExpectedConditions.urlToBe(base + "/"));
        open("/account?lang=en");
        submit(By.cssSelector("#oidc-links form button"));
        assertThat(text("#confirm-what")).as("asked first (#17)").contains("The link with", "will be removed");
        submit(By.id("confirm-submit"));
        assertThat(text("#account-saved")).contains("The link was removed");
        assertThat(driver.findElements(By.id("oidc-links"))).isEmpty();
        signOutEverywhere();
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlContains("/login?oidc-refused"));
    }

    @Test
    @Order(6)
    void aPasskeyRegisteredOnTheAccountPageSignsInAloneAndStopsWorkingWhenRevoked() {
        VirtualAuthenticator authenticator = addPasskeyAuthenticator();
        try {
            signIn("researcher", DEMO_PASSWORD);
            open("/account?lang=ja");
            assertThat(text("#no-passkeys")).isEqualTo("パスキーは登録されていません。");
            driver.findElement(By.id("passkey-label")).sendKeys("研究室のノートPC");
            driver.findElement(By.id("passkey-register")).click();
            await().until(ExpectedConditions.urlContains("passkey=added"));
            assertThat(text("#passkeys")).contains("研究室のノートPC");
            assertThat(authenticator.getCredentials()).hasSize(1);
            screenshot("sign-in-account-passkey-ja");
            assertNoSeriousViolations("account page with a passkey (ja)");
            open("/account?lang=en");
            screenshot("sign-in-account-passkey-en");
            assertNoSeriousViolations("account page with a passkey (en)");

            driver.manage().deleteAllCookies();
            open("/login?lang=ja");
            driver.findElement(By.id("passkey-sign-in")).click();
            await().until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(text(".site-header__user")).startsWith("研究 桜");
            open("/account?lang=ja");
            assertThat(text("#sessions")).contains("パスキー");
            assertThat(jdbc.sql("""
                            select count(*) from identity_passkey_credential c
                            join identity_passkey_user u on u.user_handle = c.user_handle
                            join identity_account a on a.id = u.account_id
                            where a.username = 'researcher' and c.last_used_at is not null""")
                    .query(Long.class).single()).isEqualTo(1);

            submit(By.cssSelector("#passkeys form button"));
            assertThat(text("#confirm-what")).as("asked first (#17)").contains("研究室のノートPC");
            submit(By.id("confirm-submit"));
            assertThat(text("#account-saved")).isEqualTo("パスキーを削除しました。");
            driver.manage().deleteAllCookies();
            open("/login?lang=ja");
            driver.findElement(By.id("passkey-sign-in")).click();
            await().until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-error")));
            open("/account");
            assertThat(path()).as("a revoked passkey opens nothing").isEqualTo("/login");
        } finally {
            ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    @Order(7)
    void anAuthenticatorAppIsSetUpAndControlledContentAsksForItAgainAfterFifteenMinutes() {
        UUID controlled = jdbc.sql("select id from information_item where title = ?")
                .param("現地測定データ（2026年秋）").query(UUID.class).single();
        UUID council = jdbc.sql("select id from information_item where title = ?")
                .param("試験運用の中間報告").query(UUID.class).single();
        try {
            setUpTheAppAndStepUp(controlled, council);
        } finally {
            // the demo people are shared by every demo test of this JVM: leave "startup" without an app again
            UUID startup = identity.userByUsername("startup").orElseThrow().id().value();
            jdbc.sql("delete from identity_recovery_code where account_id = ?").param(startup).update();
            jdbc.sql("delete from identity_totp where account_id = ?").param(startup).update();
        }
    }

    private void setUpTheAppAndStepUp(UUID controlled, UUID council) {
        signIn("startup", DEMO_PASSWORD);
        open("/account?lang=ja");
        submit(By.id("enrol-totp"));
        assertThat(path()).isEqualTo("/account/second-factor/totp");
        screenshot("sign-in-totp-setup-ja");
        assertNoSeriousViolations("authenticator app set-up (ja)");
        open("/account/second-factor/totp?lang=en");
        screenshot("sign-in-totp-setup-en");
        assertNoSeriousViolations("authenticator app set-up (en)");
        String secret = text("#totp-secret");
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, clock.instant()));
        submit(By.cssSelector("#totp-confirm [type=submit]"));
        assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        screenshot("sign-in-recovery-codes-en");
        assertNoSeriousViolations("recovery codes (en)");

        // a fresh password session of a person with an authenticator app: COUNCIL opens, CONTROLLED asks
        driver.manage().deleteAllCookies();
        clock.advance(Duration.ofSeconds(31));
        signIn("startup", DEMO_PASSWORD);
        open("/items/" + council + "?lang=ja");
        assertThat(heading()).isEqualTo("試験運用の中間報告");
        open("/items/" + controlled + "?lang=ja");
        assertThat(path()).isEqualTo("/login/second-factor");
        assertThat(heading()).isEqualTo("本人確認");
        screenshot("sign-in-step-up-ja");
        assertNoSeriousViolations("step-up (ja)");
        open("/login/second-factor?step-up&lang=en");
        screenshot("sign-in-step-up-en");
        assertNoSeriousViolations("step-up (en)");
        driver.findElement(By.id("code")).sendKeys(Totp.code(secret, clock.instant()));
        submit(By.cssSelector("#code-form [type=submit]"));
        assertThat(path()).as("back to the item").isEqualTo("/items/" + controlled);
        assertThat(heading()).isEqualTo("現地測定データ（2026年秋）");

        // 14 minutes later it still opens; 16 minutes after the factor it asks again
        clock.advance(Duration.ofMinutes(14));
        open("/items/" + controlled);
        assertThat(path()).isEqualTo("/items/" + controlled);
        clock.advance(Duration.ofMinutes(2));
        open("/items/" + controlled);
        assertThat(path()).isEqualTo("/login/second-factor");
        open("/items/" + council);
        assertThat(path()).as("a COUNCIL item never asks").isEqualTo("/items/" + council);
    }

    // ------------------------------------------------------------------ helpers

    private UserView newAccount(String username, String email, Role role) {
        OrganizationView ministry = identity.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.MINISTRY).findFirst().orElseThrow();
        return identity.createUser(new IdentityManagement.NewUser(username, "連携 " + username, email, ministry.id(),
                Set.of(role), "correct-horse-battery"), admin());
    }

    private long audited(String kind, UUID actor) {
        return jdbc.sql("""
                        select (select count(*) from audit_pending where kind = ? and actor = ?)
                             + (select count(*) from audit_leaf where kind = ? and actor = ?)""")
                .params(kind, actor, kind, actor).query(Long.class).single();
    }

    private BansoUser admin() {
        return identity.userByUsername("admin").orElseThrow().asPrincipal();
    }

    private void signInAtProvider(String username, String password, boolean consent) {
        signOutAtProvider();
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("oidc-test-idp")).click();
        await().until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        if (consent) {
            await().until(d -> d.getCurrentUrl().startsWith(base)
                    || !d.findElements(By.id("submit-consent")).isEmpty());
            if (!driver.findElements(By.id("submit-consent")).isEmpty()) {
                driver.findElement(By.id("organization")).click();
                driver.findElement(By.id("submit-consent")).click();
            }
        }
    }

    /** Forgets the provider's session cookie (it lives on the provider's host). */
    private void signOutAtProvider() {
        driver.get(provider.issuer() + "/login");
        driver.manage().deleteAllCookies();
    }

    /** Ends every Banso session of the signed-in person from the account page; lands on the login page. */
    private void signOutEverywhere() {
        open("/account");
        submit(By.id("sign-out-everywhere"));
        submit(By.id("confirm-submit"));
        await().until(ExpectedConditions.urlContains("/login"));
    }
}
