package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.banso.search.SearchKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is encrypted at rest: controlled text never reaches the disk in the clear (R17). */
class EncryptedDirectoryTests {

    private static final String MARKER = "秘密標識XQZ7734controlled";

    @TempDir
    Path dir;

    private static byte[] key() {
        byte[] k = new byte[32];
        new SplittableRandom(42).nextBytes(k);
        return k;
    }

    @Test
    void aMarkerFromAControlledItemNeverAppearsInAnyIndexFileEvenAfterMergesAndReopen() throws IOException {
        try (SearchEngine engine = new SearchEngine(new EncryptedDirectory(FSDirectory.open(dir), key()), 1)) {
            for (int i = 0; i < 300; i++) {
                engine.put(item("i" + i, "報告書 " + i + " " + MARKER + " 研究開発の成果 controlled report " + i));
                if (i % 50 == 49) {
                    engine.commit();
                }
            }
            engine.forceMerge(1);
            engine.commit();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        List<byte[]> needles = new ArrayList<>();
        for (String s : List.of(MARKER, "XQZ7734", "秘密標識", "研究開発", "xqz7734controlled")) {
            needles.add(s.getBytes(StandardCharsets.UTF_8));
            needles.add(s.getBytes(StandardCharsets.UTF_16LE));
            needles.add(s.getBytes(StandardCharsets.UTF_16BE));
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                assertThat(indexOf(bytes, needle)).as(file + " contains " + new String(needle, StandardCharsets.UTF_8))
                        .isEqualTo(-1);
            }
        }
        // reopened through the encrypted directory, the index is whole and searchable
        try (EncryptedDirectory encrypted = new EncryptedDirectory(FSDirectory.open(dir), key());
             CheckIndex check = new CheckIndex(encrypted)) {
            check.setChecksumsOnly(false);
            assertThat(check.checkIndex().clean).isTrue();
        }
        try (SearchEngine engine = new SearchEngine(new EncryptedDirectory(FSDirectory.open(dir), key()))) {
            assertThat(engine.search(engine.textQuery("XQZ7734controlled"), 0, 10, false).total()).isEqualTo(300);
            assertThat(engine.search(engine.textQuery("報告書 研究開発"), 0, 10, false).total()).isEqualTo(300);
            engine.delete(SearchKind.ITEM, "i3");
            engine.commit();
            assertThat(engine.search(engine.textQuery("XQZ7734controlled"), 0, 10, false).total()).isEqualTo(299);
        }
    }

    @Test
    void theScanWouldFindTheMarkerInAnIndexWrittenWithoutEncryption() throws IOException {
        // control for the test above: the scan is able to see the marker when the files are plain
        try (SearchEngine engine = new SearchEngine(FSDirectory.open(dir), 1)) {
            for (int i = 0; i < 300; i++) {
                engine.put(item("i" + i, "報告書 " + i + " " + MARKER + " 研究開発の成果 controlled report " + i));
            }
            engine.commit();
        }
        boolean found = false;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                found |= indexOf(Files.readAllBytes(file), "xqz7734controlled".getBytes(StandardCharsets.UTF_8)) >= 0;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void randomReadsSlicesAndClonesReturnThePlaintextAtEveryPosition() throws IOException {
        SplittableRandom random = new SplittableRandom(20261125);
        byte[] plain = new byte[100_003];
        random.nextBytes(plain);
        try (EncryptedDirectory encrypted = new EncryptedDirectory(FSDirectory.open(dir), key())) {
            long checksum;
            try (IndexOutput out = encrypted.createOutput("f.bin", IOContext.DEFAULT)) {
                int i = 0;
                while (i < plain.length) {
                    int n = Math.min(plain.length - i, random.nextInt(1, 5000));
                    if (n == 1) {
                        out.writeByte(plain[i]);
                    } else {
                        out.writeBytes(plain, i, n);
                    }
                    i += n;
                }
                assertThat(out.getFilePointer()).isEqualTo(plain.length);
                checksum = out.getChecksum();
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(plain);
            assertThat(checksum).as("CRC32 over plaintext").isEqualTo(crc.getValue());
            assertThat(encrypted.fileLength("f.bin")).isEqualTo(plain.length);
            byte[] raw = Files.readAllBytes(dir.resolve("f.bin"));
            assertThat(raw.length).isEqualTo(plain.length + EncryptedDirectory.HEADER);
            try (IndexInput in = encrypted.openInput("f.bin", IOContext.DEFAULT)) {
                for (int c = 0; c < 500; c++) {
                    IndexInput source = in;
                    long base = 0;
                    long length = plain.length;
                    int what = random.nextInt(3);
                    if (what == 1) {
                        source = in.clone();
                    } else if (what == 2) {
                        base = random.nextLong(plain.length);
                        length = random.nextLong(plain.length - base + 1);
                        source = in.slice("s", base, length);
                        if (random.nextBoolean() && length > 0) {
                            long inner = random.nextLong(length);
                            long innerLength = random.nextLong(length - inner + 1);
                            source = source.slice("ss", inner, innerLength).clone();
                            base += inner;
                            length = innerLength;
                        }
                    }
                    assertThat(source.length()).isEqualTo(length);
                    if (length == 0) {
                        continue;
                    }
                    long at = random.nextLong(length);
                    int n = (int) Math.min(length - at, random.nextInt(1, 3000));
                    source.seek(at);
                    byte[] read = new byte[n];
                    source.readBytes(read, 0, n);
                    byte[] expected = java.util.Arrays.copyOfRange(plain, (int) (base + at), (int) (base + at + n));
                    assertThat(read).as("case %d at %d+%d len %d", c, base, at, n).isEqualTo(expected);
                }
            }
        }
    }

    private static IndexDocument item(String id, String text) {
        return new IndexDocument(SearchKind.ITEM, id, null, text, "c1", "REPORT", Set.of("d1"), false, false);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
