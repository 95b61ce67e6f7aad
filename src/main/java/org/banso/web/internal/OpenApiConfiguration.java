package org.banso.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published description of the REST API at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI bansoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Banso REST API").version("v1").description("""
                        The REST API of Banso (伴走), the information system for Japan's support of R&D in advanced \
                        critical technologies. Base path `/api/v1`; JSON in camelCase; ids are UUID strings; times \
                        ISO-8601 UTC; money integer yen.

                        **Authentication**: `POST /api/v1/auth/token` with `{"username","password"}` answers \
                        `{"token","expiresAt"}`; send `Authorization: Bearer <token>`. Tokens are opaque, expire \
                        (default 8 h) and can be revoked (`DELETE /api/v1/auth/token`). Repeated failed sign-ins \
                        lock a username for a while; every failure answers the same 401.

                        **Second factor** (issue 18): where `banso.identity.second-factor=required`, accounts of                         government roles, ADMIN, AUDITOR and participants of a council with a designation add                         `"code"` (authenticator app or recovery code) to the token request, else                         `401 second-factor-required`. CONTROLLED content (`GET /items/{id}`, `/items/{id}/content`)                         needs a second factor passed within 15 minutes, else `401 fresh-second-factor-required`:                         `POST /api/v1/auth/second-factor {"code"}` renews it for the presented token. ADMIN-issued                         service tokens have one read-only scope and answer 403 outside it.

                        **Errors** are RFC 9457 `application/problem+json` with `type` = `/problems/<code>` \
                        (validation-failed 400 with an `errors` list of `{field, message}`, unauthenticated 401, \
                        forbidden 403, not-found 404 — also for things that exist but that the caller may not \
                        know of —, unsupported-media-type 415, and the rule codes of each resource). A request \
                        that fails changes nothing."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("Opaque token from POST /api/v1/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
