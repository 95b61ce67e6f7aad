import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Gatling 3.12+ binary {@code simulation.log} and prints, one per line, tab-separated: {@code run-start <epoch
 * ms>}, {@code run-end <epoch ms>} (the latest end of any request), then {@code ok <request name> <count>} and
 * {@code ko <request name> <count>} for every request name. Used by count-acked-writes.sh (issue #19); run with the
 * JDK's single-file launcher: {@code java bench/load/GatlingLogCounts.java target/gatling/<run>/simulation.log}.
 *
 * <p>The format is Gatling's own (io.gatling.core.stats.writer.LogFileDataWriter, read by the charts module's
 * LogFileReader): a run record, then user, request, group and error records, each behind a one-byte header; strings
 * are a length, the bytes and the String coder (0 Latin-1, 1 UTF-16), and names repeat as a cached index.
 */
public final class GatlingLogCounts {

    private static final byte RUN = 0;
    private static final byte REQUEST = 1;
    private static final byte USER = 2;
    private static final byte GROUP = 3;
    private static final byte ERROR = 4;

    private final DataInputStream in;
    private final Map<Integer, String> cache = new HashMap<>();

    private GatlingLogCounts(DataInputStream in) {
        this.in = in;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java GatlingLogCounts.java <simulation.log>");
            System.exit(2);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            new GatlingLogCounts(in).print();
        }
    }

    private void print() throws IOException {
        if (in.readByte() != RUN) {
            throw new IOException("not a Gatling binary simulation.log (no run record first)");
        }
        String version = string();
        string(); // simulation class
        long start = in.readLong();
        string(); // run description
        int scenarios = in.readInt();
        for (int i = 0; i < scenarios; i++) {
            string();
        }
        int assertions = in.readInt();
        for (int i = 0; i < assertions; i++) {
            in.skipNBytes(in.readInt());
        }
        Map<String, long[]> counts = new TreeMap<>();
        long end = start;
        boolean truncated = false;
        while (true) {
            int header = in.read();
            if (header < 0) {
                break;
            }
            try {
                switch ((byte) header) {
                    case USER -> {
                        in.readInt();
                        in.readBoolean();
                        in.readInt();
                    }
                    case REQUEST -> {
                        int groups = in.readInt();
                        for (int i = 0; i < groups; i++) {
                            cached();
                        }
                        String name = cached();
                        in.readInt(); // start, relative to the run's start
                        int stop = in.readInt();
                        boolean ok = in.readBoolean();
                        cached(); // message
                        counts.computeIfAbsent(name, n -> new long[2])[ok ? 0 : 1]++;
                        if (stop != Integer.MIN_VALUE) {
                            end = Math.max(end, start + stop);
                        }
                    }
                    case GROUP -> {
                        int groups = in.readInt();
                        for (int i = 0; i < groups; i++) {
                            cached();
                        }
                        in.readInt();
                        in.readInt();
                        in.readInt();
                        in.readBoolean();
                    }
                    case ERROR -> {
                        cached();
                        in.readInt();
                    }
                    default -> throw new IOException("unknown record header " + header + " (Gatling " + version + ")");
                }
            } catch (EOFException e) {
                truncated = true; // a run cut short: what was written is still counted
                break;
            }
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

    private String string() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        byte coder = in.readByte();
        return new String(bytes, coder == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private String cached() throws IOException {
        int index = in.readInt();
        if (index >= 0) {
            String value = string();
            cache.put(index, value);
            return value;
        }
        String value = cache.get(-index);
        if (value == null) {
            throw new IOException("cached string " + -index + " missing");
        }
        return value;
    }
}
