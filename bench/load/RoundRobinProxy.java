import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A round-robin TCP proxy for the two-node load run (issue #19), on loopback only: each accepted connection goes to
 * the next <em>ready</em> node in turn, as a production balancer does: every node's {@code /actuator/health/readiness}
 * is polled every {@value #POLL_MILLIS} ms, and a node that is not ready (still warming up, its search index catching
 * up) or does not answer for {@value #DOWN_AFTER} polls in a row gets no new connection until a poll finds it ready
 * again — one slow probe of a busy node must not send all the load to the other one, which would then be the slow
 * one (the first version flapped so under load). A node that refuses a connection is skipped at once and counts as
 * not ready (so a killed node loses only the requests in flight on it). If no node is ready, every node is tried. No
 * session affinity: a person's connections land on either node.
 *
 * <pre>java bench/load/RoundRobinProxy.java 8080 8081 8082    # listen on 8080, forward to 8081 and 8082</pre>
 */
public final class RoundRobinProxy {

    private static final int POLL_MILLIS = 500;
    /** Failed polls in a row before a node that still accepts connections counts as not ready. */
    private static final int DOWN_AFTER = 3;
    /** Nodes whose readiness answered 200 at the last poll. */
    private static final Set<Integer> READY = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws IOException {
        int listen = Integer.parseInt(args[0]);
        List<Integer> nodes = java.util.Arrays.stream(args).skip(1).map(Integer::parseInt).toList();
        AtomicLong next = new AtomicLong();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        daemon(() -> pollReadiness(nodes, loopback));
        try (ServerSocket server = new ServerSocket(listen, 1000, loopback)) {
            System.out.println("proxy on " + loopback.getHostAddress() + ":" + listen + " -> " + nodes);
            while (true) {
                Socket client = server.accept();
                daemon(() -> forward(client, nodes, next, loopback));
            }
        }
    }

    private static void pollReadiness(List<Integer> nodes, InetAddress loopback) {
        java.util.Map<Integer, Integer> failedInARow = new java.util.HashMap<>();
        while (true) {
            for (int port : nodes) {
                boolean ready;
                try {
                    HttpURLConnection probe = (HttpURLConnection) new URL("http", loopback.getHostAddress(), port,
                            "/actuator/health/readiness").openConnection();
                    probe.setConnectTimeout(1000);
                    probe.setReadTimeout(2000);
                    ready = probe.getResponseCode() == 200;
                    probe.disconnect();
                } catch (java.net.ConnectException refused) {
                    failedInARow.put(port, DOWN_AFTER);
                    ready = false;
                } catch (IOException e) {
                    ready = false;
                }
                int failed = ready ? 0 : failedInARow.merge(port, 1, Integer::sum);
                if (ready) {
                    failedInARow.put(port, 0);
                }
                boolean changed = ready ? READY.add(port) : failed >= DOWN_AFTER && READY.remove(port);
                if (changed) {
                    System.out.println(java.time.Instant.now() + " node " + port + (ready ? " ready" : " not ready"));
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void forward(Socket client, List<Integer> nodes, AtomicLong next, InetAddress loopback) {
        Socket upstream = null;
        boolean anyReady = !READY.isEmpty();
        for (int tries = 0; tries < nodes.size() && upstream == null; tries++) {
            int port = nodes.get((int) (next.getAndIncrement() % nodes.size()));
            if (anyReady && !READY.contains(port)) {
                continue;
            }
            try {
                Socket candidate = new Socket();
                candidate.connect(new InetSocketAddress(loopback, port), 1000);
                upstream = candidate;
            } catch (IOException refused) {
                // that node is down: not ready until its probe answers again; the next one
                READY.remove(port);
            }
        }
        if (upstream == null) {
            close(client);
            return;
        }
        Socket node = upstream;
        Thread back = daemon(() -> pump(node, client));
        pump(client, node);
        try {
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A started daemon thread (Java 17: no Thread.ofPlatform()). */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // either side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
