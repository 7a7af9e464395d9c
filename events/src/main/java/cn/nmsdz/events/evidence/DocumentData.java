package cn.nmsdz.events.evidence;

/**
 * The stored file of a DOCUMENT evidence: its sanitised name, the media type detected from its content,
 * its size and the SHA-256 of its bytes (hex), by which it is stored and can be verified.
 */
public record DocumentData(String fileName, String mediaType, long sizeBytes, String sha256) {
}
