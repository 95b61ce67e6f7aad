package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * A key defined in two bundles is answered from the first in {@code spring.messages.basename} only, so the other
 * text is dead and, when it differs, misleads whoever edits it (the two texts of {@code problem.not-found}).
 */
class MessageBundlesTest {

    @Test
    void everyMessageKeyIsDefinedInOneBundleOnlyPerLanguage() throws IOException {
        Properties application = load("/application.properties");
        String[] basenames = application.getProperty("spring.messages.basename").split(",");
        for (String suffix : List.of("", "_en")) {
            Map<String, String> definedIn = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            for (String basename : basenames) {
                String bundle = "/" + basename.strip() + suffix + ".properties";
                for (String key : load(bundle).stringPropertyNames()) {
                    String first = definedIn.putIfAbsent(key, bundle);
                    if (first != null) {
                        duplicates.add(key + " in " + first + " and " + bundle);
                    }
                }
            }
            assertThat(duplicates).as("language '%s'", suffix).isEmpty();
            assertThat(definedIn).as("bundles read").containsKey("problem.not-found");
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
