import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Gatling 3.13 {@code simulation.log} (binary) and prints where the failures and the slow answers fell (issue
 * #19): totals, failures by message and by request name, and per 10 seconds the requests, failures and latency
 * percentiles — what the HTML report shows only as charts.
 *
 * <pre>java bench/load/SimulationLog.java target/gatling/workingdaysimulation-&lt;timestamp&gt;</pre>
 *
 * With {@code --counts} it prints instead, one per line and tab-separated, what count-acked-writes.sh reads:
 * {@code gatling <version>}, {@code run-start <epoch ms>}, {@code run-end <epoch ms>} (the latest end of any request),
 * {@code truncated 1} for a log cut short, then {@code ok <request name> <count>} and {@code ko <request name> <count>}.
 *
 * The format (Gatling's LogFileDataWriter): a run record, then records of type 1 (request), 2 (user), 3 (group),
 * 4 (error); strings are an int length, the bytes and a coder byte (0 Latin-1, 1 UTF-16), the empty string only its
 * length, the bytes in the JVM's own (little-endian) order; repeated strings as a cached index (negative once known);
 * times as int milliseconds since the run's start.
 */
public final class SimulationLog {

    private record Request(String name, long start, long end, boolean ok, String message) {
    }

    private final DataInputStream in;
    private final Map<Integer, String> cache = new HashMap<>();
    private String version = "?";
    private long start;

    private SimulationLog(DataInputStream in) {
        this.in = in;
    }

    public static void main(String[] args) throws IOException {
        boolean counts = args.length == 2 && args[0].equals("--counts");
        if (args.length != (counts ? 2 : 1)) {
            System.err.println("usage: java SimulationLog.java [--counts] <run directory or simulation.log>");
            System.exit(2);
        }
        Path dir = Path.of(args[args.length - 1]);
        Path log = Files.isDirectory(dir) ? dir.resolve("simulation.log") : dir;
        List<Request> requests = new ArrayList<>();
        boolean truncated = false;
        SimulationLog reader;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(log)))) {
            reader = new SimulationLog(in);
            try {
                reader.read(requests);
            } catch (EOFException cut) {
                // a log still being written (or cut off by a killed run): what was read so far
                truncated = true;
            }
        }
        if (counts) {
            printCounts(reader.version, reader.start, truncated, requests);
        } else {
            if (truncated) {
                System.out.println("(the log ends inside a record: read up to there)");
            }
            print(reader.start, requests);
        }
    }

    private void read(List<Request> requests) throws IOException {
        if (in.readByte() != 0) {
            throw new IOException("not a Gatling simulation.log");
        }
        version = string();
        string(); // the simulation's class
        start = in.readLong();
        string(); // the run's description
        int scenarios = in.readInt();
        for (int i = 0; i < scenarios; i++) {
            string();
        }
        int assertions = in.readInt();
        for (int i = 0; i < assertions; i++) {
            in.skipNBytes(in.readInt());
        }
        while (true) {
            int type;
            try {
                type = in.readByte();
            } catch (EOFException end) {
                return;
            }
            switch (type) {
                case 1 -> {
                    groups();
                    String name = cached();
                    long begin = start + in.readInt();
                    int stop = in.readInt();
                    // a request still running when the log was closed has no end
                    long end = stop == Integer.MIN_VALUE ? begin : start + stop;
                    boolean ok = in.readByte() != 0;
                    requests.add(new Request(name, begin, end, ok, cached()));
                }
                case 2 -> {
                    in.readInt();
                    in.readByte();
                    in.readInt();
                }
                case 3 -> {
                    groups();
                    in.readInt();
                    in.readInt();
                    in.readInt();
                    in.readByte();
                }
                case 4 -> {
                    cached();
                    in.readInt();
                }
                default -> throw new IOException("unknown record type " + type);
            }
        }
    }

    private void groups() throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            cached();
        }
    }

    private String cached() throws IOException {
        int index = in.readInt();
        if (index >= 0) {
            String value = string();
            cache.put(index, value);
            return value;
        }
        return cache.get(-index);
    }

    private String string() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, in.readByte() == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private static void printCounts(String version, long start, boolean truncated, List<Request> requests) {
        Map<String, long[]> counts = new TreeMap<>();
        long end = start;
        for (Request r : requests) {
            counts.computeIfAbsent(r.name(), n -> new long[2])[r.ok() ? 0 : 1]++;
            end = Math.max(end, r.end());
        }
        System.out.println("gatling\t" + version);
        System.out.println("run-start\t" + start);
        System.out.println("run-end\t" + end);
        if (truncated) {
            System.out.println("truncated\t1");
        }
        counts.forEach((name, c) -> {
            System.out.println("ok\t" + name + "\t" + c[0]);
            System.out.println("ko\t" + name + "\t" + c[1]);
        });
    }

    private static void print(long start, List<Request> requests) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        long failed = requests.stream().filter(r -> !r.ok()).count();
        System.out.printf("run started %s UTC: %,d requests, %,d failed (%.2f %%); latency %s%n",
                time.format(Instant.ofEpochMilli(start)), requests.size(), failed,
                requests.isEmpty() ? 0.0 : 100.0 * failed / requests.size(), percentiles(requests));
        Map<String, Integer> messages = new TreeMap<>();
        Map<String, Integer> names = new TreeMap<>();
        for (Request r : requests) {
            if (!r.ok()) {
                messages.merge(r.message().length() > 100 ? r.message().substring(0, 100) : r.message(), 1,
                        Integer::sum);
                names.merge(r.name(), 1, Integer::sum);
            }
        }
        System.out.println("failures by message:");
        messages.forEach((message, count) -> System.out.printf("  %6d  %s%n", count, message));
        System.out.println("failures by request:");
        names.forEach((name, count) -> System.out.printf("  %6d  %s%n", count, name));
        System.out.println("latency by request (ms):");
        Map<String, List<Request>> byName = new TreeMap<>();
        requests.forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
        byName.forEach((name, list) -> System.out.printf("  %-24s %6d  %s%n", name, list.size(), percentiles(list)));
        System.out.println("per 10 s (start of the request, UTC): requests, failed, latency (ms)");
        Map<Long, List<Request>> buckets = new TreeMap<>();
        requests.forEach(r -> buckets.computeIfAbsent((r.start() - start) / 10_000, b -> new ArrayList<>()).add(r));
        buckets.forEach((bucket, list) -> System.out.printf("  %s %5d %5d  %s%n",
                time.format(Instant.ofEpochMilli(start + bucket * 10_000)), list.size(),
                list.stream().filter(r -> !r.ok()).count(), percentiles(list)));
    }

    private static String percentiles(List<Request> requests) {
        long[] millis = requests.stream().mapToLong(r -> r.end() - r.start()).sorted().toArray();
        if (millis.length == 0) {
            return "-";
        }
        return String.format("p50 %d, p95 %d, p99 %d, max %d", at(millis, 0.50), at(millis, 0.95), at(millis, 0.99),
                millis[millis.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
    }
}
