import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A round-robin TCP proxy for the two-node load run (issue #19), on loopback only: each accepted connection goes to
 * the next node in turn; a node that refuses the connection is skipped (so a killed node loses only the requests in
 * flight on it). No session affinity: a person's connections land on either node.
 *
 * <pre>java bench/load/RoundRobinProxy.java 8080 8081 8082    # listen on 8080, forward to 8081 and 8082</pre>
 */
public final class RoundRobinProxy {

    public static void main(String[] args) throws IOException {
        int listen = Integer.parseInt(args[0]);
        List<Integer> nodes = java.util.Arrays.stream(args).skip(1).map(Integer::parseInt).toList();
        AtomicLong next = new AtomicLong();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(listen, 1000, loopback)) {
            System.out.println("proxy on " + loopback.getHostAddress() + ":" + listen + " -> " + nodes);
            while (true) {
                Socket client = server.accept();
                daemon(() -> forward(client, nodes, next, loopback));
            }
        }
    }

    private static void forward(Socket client, List<Integer> nodes, AtomicLong next, InetAddress loopback) {
        Socket upstream = null;
        for (int tries = 0; tries < nodes.size() && upstream == null; tries++) {
            int port = nodes.get((int) (next.getAndIncrement() % nodes.size()));
            try {
                Socket candidate = new Socket();
                candidate.connect(new InetSocketAddress(loopback, port), 1000);
                upstream = candidate;
            } catch (IOException refused) {
                // that node is down: the next one
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
