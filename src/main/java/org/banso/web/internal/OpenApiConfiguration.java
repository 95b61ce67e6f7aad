package org.banso.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published description of the REST API at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Every operation may answer a 400 problem (the edge check and strict JSON apply to all) and, when it takes a
     * body, 413; the operations anyone may call without signing in that are throttled answer 429.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
                        : operation.getResponses();
                responses.putIfAbsent("400", problem("validation-failed: malformed or hostile input, wrong JSON "
                        + "types, dates out of range, invalid fields (errors[] names each)"));
                if (operation.getRequestBody() != null) {
                    responses.putIfAbsent("413", problem("payload-too-large"));
                }
                if (path.equals("/api/v1/auth/token") || path.endsWith("/register")) {
                    responses.putIfAbsent("429", problem("rate-limited: too many attempts from this source or for "
                            + "this username; see the Retry-After header (seconds)"));
                }
                operation.setResponses(responses);
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType()));
    }

    @Bean
    OpenAPI bansoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Banso REST API").version("v1").description("""
                        The REST API of Banso (伴走), the information system for Japan's support of R&D in advanced \
                        critical technologies. Base path `/api/v1`; JSON in camelCase; ids are UUID strings; times \
                        ISO-8601 UTC; money integer yen.

                        **Authentication**: `POST /api/v1/auth/token` with `{"username","password"}` answers \
                        `{"token","expiresAt"}`; send `Authorization: Bearer <token>`. Tokens are opaque, expire \
                        (default 8 h) and can be revoked (`DELETE /api/v1/auth/token`). Every failed sign-in \
                        answers the same 401, whether or not the username exists.

                        **Second factor** (issue 18): where `banso.identity.second-factor=required`, accounts of                         government roles, ADMIN, AUDITOR and participants of a council with a designation add                         `"code"` (authenticator app or recovery code) to the token request, else                         `401 second-factor-required`. CONTROLLED content (`GET /items/{id}`, `/items/{id}/content`)                         needs a second factor passed within 15 minutes, else `401 fresh-second-factor-required`:                         `POST /api/v1/auth/second-factor {"code"}` renews it for the presented token. ADMIN-issued                         service tokens have one read-only scope and answer 403 outside it.

                        **Errors** are RFC 9457 `application/problem+json` with `type` = `/problems/<code>` \
                        (validation-failed 400 with an `errors` list of `{field, message}`, unauthenticated 401, \
                        forbidden 403, not-found 404 — also for things that exist but that the caller may not \
                        know of —, payload-too-large 413, unsupported-media-type 415, rate-limited 429 with a \
                        `Retry-After` header in seconds, and the rule codes of each resource). A request that fails \
                        changes nothing. **Language** (issue 17): with `Accept-Language` preferring Japanese (`ja`) \
                        the `title`, the `detail` and each `errors[].message` are Japanese, from the same message \
                        bundles as the pages; with English (`en`), with neither, or without the header they are \
                        English (the default), coded field messages worded from the bundles and the detail the \
                        service's own sentence. `type` and `errors[].code` never change with the language.

                        **Hostile input** is refused at the edge with `400 validation-failed` before anything reads \
                        it: NUL and other control characters (tab and line breaks are text) or bytes that are not \
                        UTF-8 in the path, query, headers, form fields, multipart part and file names, and in any \
                        JSON key or string (`errors[].code` = `invalid-text`). JSON is strict: no coercion between \
                        numbers, strings and booleans, no fractions for integers (money is integer yen: `1.5` is \
                        refused), no duplicate keys (`duplicate`), nothing after the document; the field is named \
                        with `code` = `wrong-type`. Every date must lie between 2000-01-01 and 2200-12-31 \
                        (`date-range`, configurable). A JSON body over 2 MB is `413 payload-too-large`. Errors the \
                        web server itself raises (a request line or path it cannot parse) are problems too.

                        **Sign-in throttling**: failed sign-ins are limited per source address and per username \
                        with back-off (`429 rate-limited`, `Retry-After`); a stranger's failures never lock an \
                        account's owner out. `PUT /api/v1/users/me/password` changes your password and ends every \
                        other session and token.

                        **Limits** (issue #13): a node serves a bounded number of requests at once and answers every \
                        further one, after a short bounded wait for a free slot (300 ms by default), with \
                        `503 service-unavailable` and `Retry-After` (never a time-out); \
                        search pages run from 1 to 50; uploads whose content would expand beyond the limits when \
                        opened (decompression bombs, images announcing too many pixels) are `413 payload-too-large`."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("Opaque token from POST /api/v1/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
