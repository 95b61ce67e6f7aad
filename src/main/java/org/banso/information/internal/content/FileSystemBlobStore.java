package org.banso.information.internal.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.banso.shared.PrivateFiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Ciphertexts as owner-only files {@code <dir>/<2 hex>/<uuid>}, spread over 256 directories. The default store
 * ({@code banso.information.content.store=file}); several nodes need a directory they all mount, or S3 storage.
 */
@Component
@ConditionalOnProperty(name = "banso.information.content.store", havingValue = "file", matchIfMissing = true)
class FileSystemBlobStore implements BlobStore {

    private final Path directory;

    FileSystemBlobStore(ContentProperties properties) {
        this.directory = properties.blobDirectory().toAbsolutePath().normalize();
    }

    @Override
    public void put(UUID id, byte[] ciphertext) {
        Path file = fileOf(id);
        try {
            PrivateFiles.createDirectory(file.getParent());
            PrivateFiles.write(file, ciphertext);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store blob " + id, e);
        }
    }

    @Override
    public Optional<byte[]> get(UUID id) {
        try {
            return Optional.of(Files.readAllBytes(fileOf(id)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read blob " + id, e);
        }
    }

    @Override
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete blob " + id, e);
        }
    }

    @Override
    public void forEach(Consumer<StoredBlob> visitor) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                try {
                    visitor.accept(new StoredBlob(directory.relativize(file).toString(), idOf(name),
                            Files.getLastModifiedTime(file).toInstant()));
                } catch (IOException vanished) {
                    // deleted meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list blobs", e);
        }
    }

    private Path fileOf(UUID id) {
        String name = id.toString();
        return directory.resolve(name.substring(0, 2)).resolve(name);
    }

    @Override
    public void deleteKey(String key) {
        Path file = directory.resolve(key).normalize();
        if (!file.startsWith(directory) || file.equals(directory)) {
            throw new IllegalArgumentException("Not a blob key");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete blob " + key, e);
        }
    }

    private static UUID idOf(String name) {
        try {
            UUID id = UUID.fromString(name);
            return id.toString().equals(name) ? id : null;
        } catch (IllegalArgumentException temporary) {
            return null;
        }
    }
}
