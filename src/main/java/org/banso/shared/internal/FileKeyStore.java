package org.banso.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.banso.shared.KeyStore;
import org.banso.shared.PrivateFiles;
import org.springframework.stereotype.Component;

/**
 * Keys as files: {@code <directory>/<name>/<id>.key} holds the base64 material, {@code <directory>/<name>/current}
 * the id of the current version. Directories are 0700 and files 0600 where the file system knows POSIX permissions;
 * files are written to a temporary name and moved into place, so a crash never leaves half a key.
 */
@Component
class FileKeyStore implements KeyStore {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path directory;

    FileKeyStore(KeysProperties properties) {
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    @Override
    public synchronized Optional<StoredKey> current(String name) {
        Path pointer = keyDirectory(name).resolve("current");
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        return version(name, read(pointer).strip());
    }

    @Override
    public synchronized Optional<StoredKey> version(String name, String id) {
        Path file = keyDirectory(name).resolve(checked(id) + ".key");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new StoredKey(name, id, Base64.getDecoder().decode(read(file).strip())));
    }

    @Override
    public synchronized List<StoredKey> versions(String name) {
        Path dir = keyDirectory(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key")).toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.key$", "");
                version(name, id).ifPresent(keys::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the versions of key " + name, e);
        }
        return keys;
    }

    @Override
    public synchronized StoredKey add(String name, String id, byte[] material) {
        Path dir = keyDirectory(name);
        try {
            PrivateFiles.createDirectory(directory);
            PrivateFiles.createDirectory(dir);
            Path file = dir.resolve(checked(id) + ".key");
            if (Files.exists(file)) {
                throw new IllegalStateException("Key " + name + "/" + id + " exists already");
            }
            PrivateFiles.write(file, (Base64.getEncoder().encodeToString(material) + "\n").getBytes(StandardCharsets.US_ASCII));
            PrivateFiles.write(dir.resolve("current"), (id + "\n").getBytes(StandardCharsets.US_ASCII));
            return new StoredKey(name, id, material);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store key " + name + "/" + id, e);
        }
    }

    private Path keyDirectory(String name) {
        return directory.resolve(checked(name));
    }

    private static String checked(String nameOrId) {
        if (nameOrId == null || !NAME.matcher(nameOrId).matches()) {
            throw new IllegalArgumentException("A key name or id must match " + NAME.pattern());
        }
        return nameOrId;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName(), e);
        }
    }
}
