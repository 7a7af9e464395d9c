package cn.nmsdz.evidence.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Content-addressed store on disk: {@code <directory>/ab/abcdef…} named by the SHA-256 of the bytes.
 * A file is written to a temporary name first and moved into place only when complete, so a crash
 * never leaves a partial file under a content address.
 */
@ApplicationScoped
public class FileSystemDocumentStorage implements DocumentStorage {
    private static final int BUFFER = 64 * 1024;

    final Path directory;

    public FileSystemDocumentStorage(@ConfigProperty(name = "nmsdz.storage.directory") Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public StoredObject put(InputStream content, long maxBytes) throws IOException {
        Path tmpDir = Files.createDirectories(directory.resolve(".incoming"));
        Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hex);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // stored concurrently by another upload of the same bytes: same content, keep that one
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new StoredObject(hex, hex, size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(path);
    }

    Path pathOf(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 key: " + hex);
        }
        return directory.resolve(hex.substring(0, 2)).resolve(hex);
    }
}
