package org.banso.web.internal;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every operation may be refused while the node is at its limit ({@link RequestAdmission}): the description says so,
 * with the {@code Retry-After} header (issue #13).
 */
@Component
class OverloadOpenApi implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey("503")) {
                operation.getResponses().addApiResponse("503", new ApiResponse()
                        .description("service-unavailable: the node serves as many requests as it may at once "
                                + "(banso.web.max-concurrent-requests) and no permit came free within the short "
                                + "bounded wait (banso.web.admission-wait); try again after Retry-After seconds. "
                                + "Nothing was done.")
                        .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                                .schema(new IntegerSchema()))
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new ObjectSchema()))));
            }
        }));
    }
}
