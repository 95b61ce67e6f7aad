package org.banso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.banso.support.BrowserTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A test class whose name matches neither surefire's nor failsafe's patterns is skipped without a word — that is how
 * two property classes never ran. This check reads the patterns configured in {@code pom.xml} (Maven's defaults
 * where none are) and fails the build for every class under {@code src/test/java} with a test method (any annotation
 * JUnit marks {@link Testable}: {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory},
 * also in {@code @Nested} classes) that neither plugin would run, or that both would. Classes that drive Chromium
 * ({@link BrowserTestSupport}) belong to failsafe.
 */
class EveryTestClassRunsTest {

    private static final Path SOURCES = Path.of("src", "test", "java");
    private static final List<String> SUREFIRE_DEFAULT_INCLUDES = List.of("**/Test*.java", "**/*Test.java",
            "**/*Tests.java", "**/*TestCase.java");
    private static final List<String> FAILSAFE_DEFAULT_INCLUDES = List.of("**/IT*.java", "**/*IT.java",
            "**/*ITCase.java");
    private static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    /** The include and exclude patterns of one plugin, relative to the test sources (as surefire matches them). */
    record Patterns(String plugin, List<String> includes, List<String> excludes) {

        boolean runs(String path) {
            return includes.stream().anyMatch(p -> matches(p, path)) && excludes.stream().noneMatch(p -> matches(p, path));
        }

        /** Maven's {@code **}{@code /} also matches no directory at all; NIO's glob needs one, so try both. */
        private static boolean matches(String pattern, String path) {
            if (pattern.startsWith("%regex[")) {
                throw new IllegalStateException("regex patterns are not understood by this check: " + pattern);
            }
            String glob = pattern.replace(".class", ".java");
            Path candidate = Path.of(path);
            return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(candidate)
                    || glob.startsWith("**/")
                    && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(candidate);
        }
    }

    @Test
    void everyClassWithTestsIsRunBySurefireOrFailsafeExactlyOnce() throws Exception {
        Patterns surefire = patterns("maven-surefire-plugin", SUREFIRE_DEFAULT_INCLUDES);
        Patterns failsafe = patterns("maven-failsafe-plugin", FAILSAFE_DEFAULT_INCLUDES);
        List<String> testClasses = testClasses();
        assertThat(testClasses).as("test classes found under " + SOURCES).hasSizeGreaterThan(20)
                .contains("org/banso/EveryTestClassRunsTest.java");

        List<String> neverRun = new ArrayList<>();
        List<String> runTwice = new ArrayList<>();
        List<String> browserInSurefire = new ArrayList<>();
        for (String path : testClasses) {
            boolean bySurefire = surefire.runs(path);
            boolean byFailsafe = failsafe.runs(path);
            if (!bySurefire && !byFailsafe) {
                neverRun.add(path);
            }
            if (bySurefire && byFailsafe) {
                runTwice.add(path);
            }
            if (bySurefire && BrowserTestSupport.class.isAssignableFrom(load(path))) {
                browserInSurefire.add(path);
            }
        }
        assertThat(neverRun).as("classes with tests that match no surefire or failsafe pattern (%s, %s): rename "
                + "them to *Test, *Tests or *IT", surefire, failsafe).isEmpty();
        assertThat(runTwice).as("classes both surefire and failsafe would run").isEmpty();
        assertThat(browserInSurefire).as("browser tests run in failsafe (name them *BrowserTest)").isEmpty();
    }

    @Test
    void aClassNamedLikeTheOldPropertyClassesIsCaught() throws Exception {
        // the two classes that once never ran: the check must see that no pattern takes them
        Patterns surefire = patterns("maven-surefire-plugin", SUREFIRE_DEFAULT_INCLUDES);
        Patterns failsafe = patterns("maven-failsafe-plugin", FAILSAFE_DEFAULT_INCLUDES);
        for (String path : List.of("org/banso/funding/internal/FundLedgerProperties.java",
                "org/banso/information/internal/InformationPolicyProperties.java")) {
            assertThat(surefire.runs(path) || failsafe.runs(path)).as(path).isFalse();
        }
        assertThat(surefire.runs("org/banso/web/BrowserTest.java")).isFalse();
        assertThat(failsafe.runs("org/banso/web/BrowserTest.java")).isTrue();
        assertThat(surefire.runs("org/banso/search/internal/JapaneseRetrievalTests.java")).isTrue();
    }

    /** The top-level classes under the test sources that have a test method, as paths like {@code org/banso/X.java}. */
    private static List<String> testClasses() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String path = SOURCES.relativize(file).toString().replace('\\', '/');
                if (path.endsWith("package-info.java")) {
                    continue;
                }
                Class<?> type = load(path);
                if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface() && !type.isAnnotation()
                        && hasTests(type)) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (AnnotationSupport.isAnnotated(method, Testable.class)) {
                    return true;
                }
            }
        }
        for (Class<?> inner : type.getDeclaredClasses()) {
            if (AnnotationSupport.isAnnotated(inner, Nested.class) && hasTests(inner)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String path) {
        String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
        try {
            return Class.forName(name, false, EveryTestClassRunsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled test class missing for " + path, e);
        }
    }

    /** The plugin's includes and excludes from the pom's build plugins, or the defaults where it configures none. */
    private static Patterns patterns(String artifactId, List<String> defaultIncludes) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element build = child(pom.getDocumentElement(), "build");
        Element plugins = build == null ? null : child(build, "plugins");
        List<String> includes = List.of();
        List<String> excludes = List.of();
        if (plugins != null) {
            for (Element plugin : children(plugins, "plugin")) {
                Element id = child(plugin, "artifactId");
                Element configuration = child(plugin, "configuration");
                if (id != null && artifactId.equals(id.getTextContent().trim()) && configuration != null) {
                    includes = texts(child(configuration, "includes"), "include");
                    excludes = texts(child(configuration, "excludes"), "exclude");
                }
            }
        }
        return new Patterns(artifactId, includes.isEmpty() ? defaultIncludes : includes,
                excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes);
    }

    private static List<String> texts(Element parent, String name) {
        return parent == null ? List.of() : children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
