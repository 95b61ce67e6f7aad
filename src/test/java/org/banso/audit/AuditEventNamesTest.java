package org.banso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.banso.shared.AuditedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The auditor reads the log by the names of its entries' kinds (R17): every kind of audited event has a name in
 * Japanese and in English, so that no page shows an auditor a bare class name.
 */
class AuditEventNamesTest {

    @Test
    void everyKindOfAuditedEventHasANameInJapaneseAndInEnglish() throws IOException {
        Properties app = load("application.properties");
        Properties japanese = new Properties();
        Properties english = new Properties();
        for (String basename : app.getProperty("spring.messages.basename").split(",")) {
            japanese.putAll(load(basename.strip() + ".properties"));
            english.putAll(load(basename.strip() + "_en.properties"));
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditedEvent.class));
        Set<String> kinds = new TreeSet<>();
        for (BeanDefinition event : scanner.findCandidateComponents("org.banso")) {
            if (((AbstractBeanDefinition) event).getResource().getURL().toString().contains("/test-classes/")) {
                continue; // the tests' and benchmarks' own events never reach an auditor
            }
            kinds.add(ClassUtils.getShortName(event.getBeanClassName()).replaceAll(".*\\.", ""));
        }
        assertThat(kinds).as("the scan finds the audited events").hasSizeGreaterThan(40);
        assertThat(kinds).filteredOn(kind -> !japanese.containsKey("audit.event." + kind))
                .as("kinds without a Japanese name").isEmpty();
        assertThat(kinds).filteredOn(kind -> !english.containsKey("audit.event." + kind))
                .as("kinds without an English name").isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditEventNamesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
