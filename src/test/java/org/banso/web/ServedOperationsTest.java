package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.banso.support.HttpProbe;
import org.banso.support.HttpProbe.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operators rely on, against the served application over loopback rather than MockMvc: Prometheus metrics for an
 * administrator's bearer token as the README lists them, refused to everyone else; redirects that never repeat the
 * Host header a client sent.
 */
@BansoIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServedOperationsTest {

    @LocalServerPort
    int port;

    @Test
    void prometheusAnswersAnAdministratorAndNobodyElse() throws Exception {
        HttpProbe http = new HttpProbe(port);
        String admin = http.token("admin", ApiAccounts.ADMIN_PASSWORD);
        for (String accept : new String[] {"*/*", "text/plain", "application/openmetrics-text"}) {
            Answer metrics = http.raw(("GET /actuator/prometheus HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + admin + "\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                    .getBytes());
            assertThat(metrics.status()).as(accept + ": " + metrics.text()).isEqualTo(200);
            assertThat(metrics.text()).as(accept).contains("jvm_memory_used_bytes");
        }
        Answer anonymous = http.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem("/problems/unauthenticated")).isTrue();
    }

    @Test
    void theSignInRedirectNeverRepeatsTheHostHeader() throws Exception {
        HttpProbe http = new HttpProbe(port);
        Answer answer = http.raw(("GET /admin/users HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n").getBytes());
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login").doesNotContain("evil.example");
    }
}
