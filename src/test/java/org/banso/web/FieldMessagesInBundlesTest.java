package org.banso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Constraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Issue 17: a field message, on a page or in an API problem, comes from the bundles in Japanese and in English, never
 * from the validator's built-in English ("must not be blank"): every constraint the application's records and forms
 * carry has its key in both languages, and the API's lookup words a real validation error from them.
 */
class FieldMessagesInBundlesTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private final ResourceBundleMessageSource messages = applicationMessages();

    @Test
    void everyConstraintOnTheApplicationsRecordsAndFormsHasAMessageInJapaneseAndEnglish() throws Exception {
        Set<String> constraints = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        ClassLoader loader = getClass().getClassLoader();
        for (var candidate : scanner.findCandidateComponents("org.banso")) {
            // loaded without running static initializers: the scan also finds test classes whose initializers start
            // servers (an OpenID provider, a mail server) or import the whole class path (ModularityTests), which
            // cost half a minute of this test and left an application running in the test JVM; annotations need
            // no initialized class
            Class<?> type = Class.forName(candidate.getBeanClassName(), false, loader);
            collect(type, constraints);
        }
        // the scan finds the forms' constraints at all (a scan that found none would pass vacuously)
        assertThat(constraints).contains("NotBlank", "Size", "NotNull", "WithinDateBounds");
        List<String> missing = new ArrayList<>();
        for (String constraint : constraints) {
            for (Locale language : LANGUAGES) {
                String text = messages.getMessage(new DefaultMessageSourceResolvable(
                        new String[] {constraint}, null, "\u0000missing"), language);
                if ("\u0000missing".equals(text) || !inBundleOf(constraint, language)) {
                    missing.add(constraint + " (" + language + ")");
                }
            }
        }
        assertThat(missing).as("constraints without a bundle message").isEmpty();
    }

    @Test
    void theApisWordingOfABeanValidationErrorComesFromTheBundleInTheLanguageAsked() {
        FieldErrorMessages wording = new FieldErrorMessages(messages);
        FieldError blank = errorOf(new Named(" ", "ok"), "name");
        FieldError tooLong = errorOf(new Named("x", "x".repeat(11)), "code");
        assertThat(wording.bundleText(blank, Locale.JAPANESE)).isEqualTo("入力してください。");
        assertThat(wording.bundleText(blank, Locale.ENGLISH)).isEqualTo("Enter a value.")
                .isNotEqualTo(blank.getDefaultMessage());
        assertThat(wording.bundleText(tooLong, Locale.JAPANESE)).isEqualTo("10文字以内で入力してください。");
        assertThat(wording.bundleText(tooLong, Locale.ENGLISH)).isEqualTo("Enter at most 10 characters.");
    }

    @Test
    void aConstraintTheBundlesDoNotNameReadsTheGenericMessageNotTheValidatorsEnglish() {
        FieldErrorMessages wording = new FieldErrorMessages(messages);
        FieldError unnamed = new FieldError("named", "name", " ", false, new String[] {"NoSuchConstraint"}, null,
                "must be a no-such-constraint");
        assertThat(wording.bundleText(unnamed, Locale.JAPANESE)).isEqualTo("この値は受け付けられません。");
        assertThat(wording.bundleText(unnamed, Locale.ENGLISH)).isEqualTo("This value is not accepted.");
    }

    record Named(@NotBlank String name, @Size(max = 10) String code) {
    }

    private static FieldError errorOf(Named named, String field) {
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            BeanPropertyBindingResult result = new BeanPropertyBindingResult(named, "named");
            validator.validate(named, result);
            FieldError error = result.getFieldError(field);
            assertThat(error).as("a validation error on " + field).isNotNull();
            return error;
        }
    }

    /** The key is in the language's own file, not found through a fallback to the other language. */
    private static boolean inBundleOf(String key, Locale language) {
        try {
            String suffix = Locale.ENGLISH.equals(language) ? "_en" : "";
            for (String basename : basenames()) {
                var file = new ClassPathResource(basename + suffix + ".properties");
                if (file.exists() && PropertiesLoaderUtils.loadProperties(file).containsKey(key)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(Class<?> type, Set<String> constraints) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                elements.add(component);
                typeArguments(component.getAnnotatedType(), constraints);
            }
        }
        for (var field : type.getDeclaredFields()) {
            typeArguments(field.getAnnotatedType(), constraints);
        }
        for (Method method : type.getDeclaredMethods()) {
            for (Parameter parameter : method.getParameters()) {
                elements.add(parameter);
                typeArguments(parameter.getAnnotatedType(), constraints);
            }
        }
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getAnnotations()) {
                if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                    constraints.add(annotation.annotationType().getSimpleName());
                }
            }
        }
    }

    private static void typeArguments(AnnotatedType type, Set<String> constraints) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                for (Annotation annotation : argument.getAnnotations()) {
                    if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                        constraints.add(annotation.annotationType().getSimpleName());
                    }
                }
                typeArguments(argument, constraints);
            }
        }
    }

    private static List<String> basenames() throws java.io.IOException {
        String configured = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
                .getProperty("spring.messages.basename");
        return List.of(configured.split(","));
    }

    private static ResourceBundleMessageSource applicationMessages() {
        try {
            ResourceBundleMessageSource source = new ResourceBundleMessageSource();
            source.setBasenames(basenames().toArray(String[]::new));
            source.setDefaultEncoding("UTF-8");
            source.setFallbackToSystemLocale(false);
            return source;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
