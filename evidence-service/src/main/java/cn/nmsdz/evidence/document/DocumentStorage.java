package cn.nmsdz.evidence.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document bytes live, outside the database row. Content-addressed: the key is the SHA-256
 * of the bytes, so storing the same file twice keeps one copy, and a key always names the same bytes.
 * The local default is a directory on disk ({@link FileSystemDocumentStorage}); an object store can
 * implement the same port.
 */
public interface DocumentStorage {

    /**
     * Streams the content into the store while hashing it.
     *
     * @param maxBytes the content is refused (and nothing kept) beyond this size
     * @throws TooLargeException when the content is larger than maxBytes
     */
    StoredObject put(InputStream content, long maxBytes) throws IOException;

    /** The bytes stored under a key. */
    InputStream open(String key) throws IOException;

    /** @param key the content's SHA-256 (hex); sha256 and size describe the stored bytes */
    record StoredObject(String key, String sha256, long size) {
    }

    class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
