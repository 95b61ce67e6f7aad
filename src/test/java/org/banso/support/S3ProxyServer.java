package org.banso.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An S3 server for tests: s3proxy (Maven Central, {@code org.gaul:s3proxy} with its dependencies in one jar) over a
 * directory, on a loopback port, in a JVM of its own — its Jetty 11 cannot share a class path with Boot's Jetty-free
 * Tomcat application without breaking the build's dependency convergence, so the build copies the jar to
 * {@code target/s3proxy/} and never puts it on the class path. One bucket exists: {@link #BUCKET}.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String BUCKET = "banso-test";
    public static final String ACCESS_KEY = "banso-test-access";
    public static final String SECRET_KEY = "banso-test-secret-key";

    private final Process process;
    private final int port;
    private final Path data;

    private S3ProxyServer(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** Starts the server with its objects under {@code directory}; waits (at most 60 s) until it accepts connections. */
    public static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it at generate-test-resources");
        }
        Path data = directory.resolve("objects");
        Files.createDirectories(data.resolve(BUCKET));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data,
                ""));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("s3proxy.log").toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, port, data);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy ended: " + Files.readString(directory.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IllegalStateException("s3proxy did not start within 60 s");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the objects of {@link #BUCKET} lie on disk (to check that only ciphertext arrived). */
    public Path bucketDirectory() {
        return data.resolve(BUCKET);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
