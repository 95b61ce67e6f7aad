package org.banso.support;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for the tests that kill a process with -9 (the audit log's crash, the embedded PostgreSQL's orphan and
 * durability): the test JVM's Java, class path and {@code -XX} options, so that flags given to the suite
 * ({@code banso.test.jvm} in {@code pom.xml}, e.g. C1 only and the serial collector) reach the child that starts the
 * application beside the test JVM as well.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** A process running {@code main}'s {@code main(args)}; start it, and kill it, as the test needs. */
    public static ProcessBuilder of(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
