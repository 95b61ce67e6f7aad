package org.banso.search.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene {@link Directory} that keeps every file encrypted at rest with AES-256 in counter mode (the index holds
 * the text of controlled items, which must never be on disk in the clear). Each file starts with a header of a magic
 * number and a random 16-byte initial counter; byte {@code p} of the plaintext is encrypted with the key stream
 * block {@code iv + p / 16}, so any position can be read without reading what precedes it. Lucene sees plaintext
 * lengths, positions and checksums (the CRC32 of a file is computed over the plaintext, as {@code CodecUtil}
 * expects). Counter mode gives confidentiality, not integrity; Lucene's own checksums catch corruption.
 */
final class EncryptedDirectory extends FilterDirectory {

    static final int MAGIC = 0x42534531; // "BSE1"
    static final int HEADER = 4 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    EncryptedDirectory(Directory in, byte[] key256) {
        super(in);
        if (key256.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key256, "AES");
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new EncryptingOutput(in.createOutput(name, context), key);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return new EncryptingOutput(in.createTempOutput(prefix, suffix, context), key);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        try {
            if (raw.length() < HEADER || raw.readInt() != MAGIC) {
                throw new IOException("Not an encrypted index file: " + name);
            }
            byte[] iv = new byte[16];
            raw.readBytes(iv, 0, 16);
            return new DecryptingInput("encrypted(" + raw + ")", raw, key, iv, 0, raw.length() - HEADER, false);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        return Math.max(0, in.fileLength(name) - HEADER);
    }

    static Cipher ctr(SecretKeySpec key, byte[] iv, long position) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter(iv, position / 16)));
            int skip = (int) (position % 16);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available", e);
        }
    }

    /** {@code iv + block} as a 128-bit big-endian number, as the JDK's counter mode increments it. */
    static byte[] counter(byte[] iv, long block) {
        byte[] out = iv.clone();
        long carry = block;
        for (int i = 15; i >= 0 && carry != 0; i--) {
            long sum = (out[i] & 0xFFL) + (carry & 0xFFL);
            out[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return out;
    }

    /** Encrypts as it writes; the checksum and the file pointer are over the plaintext. */
    static final class EncryptingOutput extends IndexOutput {

        private final IndexOutput out;
        private final Cipher cipher;
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[8192];
        private final byte[] encrypted = new byte[8192];
        private int buffered;
        private long written;

        EncryptingOutput(IndexOutput out, SecretKeySpec key) throws IOException {
            super("encrypted(" + out + ")", out.getName());
            this.out = out;
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            out.writeInt(MAGIC);
            out.writeBytes(iv, 0, 16);
            this.cipher = ctr(key, iv, 0);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            if (buffered == buffer.length) {
                flushBuffer();
            }
            buffer[buffered++] = b;
            written++;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            while (length > 0) {
                if (buffered == buffer.length) {
                    flushBuffer();
                }
                int n = Math.min(length, buffer.length - buffered);
                System.arraycopy(b, offset, buffer, buffered, n);
                buffered += n;
                offset += n;
                length -= n;
                written += n;
            }
        }

        private void flushBuffer() throws IOException {
            if (buffered == 0) {
                return;
            }
            crc.update(buffer, 0, buffered);
            try {
                int n = cipher.update(buffer, 0, buffered, encrypted, 0);
                out.writeBytes(encrypted, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not encrypt", e);
            }
            buffered = 0;
        }

        @Override
        public long getFilePointer() {
            return written;
        }

        @Override
        public long getChecksum() throws IOException {
            flushBuffer();
            return crc.getValue();
        }

        @Override
        public void close() throws IOException {
            try {
                flushBuffer();
            } finally {
                out.close();
            }
        }
    }

    /** Decrypts the window {@code [offset, offset + length)} of the plaintext at any position. */
    static final class DecryptingInput extends BufferedIndexInput {

        private final SecretKeySpec key;
        private final byte[] iv;
        private final long offset;
        private final long length;
        private IndexInput raw;
        private boolean clone;
        private byte[] scratch = new byte[0];

        DecryptingInput(String description, IndexInput raw, SecretKeySpec key, byte[] iv, long offset, long length,
                        boolean clone) {
            super(description, BufferedIndexInput.BUFFER_SIZE);
            this.raw = raw;
            this.key = key;
            this.iv = iv;
            this.offset = offset;
            this.length = length;
            this.clone = clone;
        }

        @Override
        protected void readInternal(ByteBuffer b) throws IOException {
            long position = getFilePointer();
            int n = b.remaining();
            if (position + n > length) {
                throw new EOFException("read past EOF: " + this + " position " + position + " + " + n + " > " + length);
            }
            if (scratch.length < n) {
                scratch = new byte[n];
            }
            long plainPosition = offset + position;
            raw.seek(HEADER + plainPosition);
            raw.readBytes(scratch, 0, n);
            try {
                int done = ctr(key, iv, plainPosition).doFinal(scratch, 0, n, scratch, 0);
                b.put(scratch, 0, done);
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not decrypt", e);
            }
        }

        @Override
        protected void seekInternal(long pos) throws IOException {
            if (pos > length) {
                throw new EOFException("seek past EOF: " + this + " " + pos + " > " + length);
            }
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public IndexInput slice(String sliceDescription, long sliceOffset, long sliceLength) throws IOException {
            if (sliceOffset < 0 || sliceLength < 0 || sliceOffset + sliceLength > length) {
                throw new IllegalArgumentException("slice out of bounds: " + sliceDescription);
            }
            return new DecryptingInput(sliceDescription, raw.clone(), key, iv, offset + sliceOffset, sliceLength,
                    true);
        }

        @Override
        public DecryptingInput clone() {
            DecryptingInput copy = (DecryptingInput) super.clone();
            copy.raw = raw.clone();
            copy.clone = true;
            copy.scratch = new byte[0];
            return copy;
        }

        @Override
        public void close() throws IOException {
            if (!clone) {
                raw.close();
            }
        }
    }
}
