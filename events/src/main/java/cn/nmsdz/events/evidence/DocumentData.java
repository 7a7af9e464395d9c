package cn.nmsdz.events.evidence;

import java.util.List;

/**
 * The stored file of a DOCUMENT evidence: its sanitised name, the media type detected from its content,
 * its size and the SHA-256 of its bytes (hex), by which it is stored and can be verified, and the assessment years it
 * supports (empty when it names none; added after the first release: consumers must accept its absence).
 */
public record DocumentData(String fileName, String mediaType, long sizeBytes, String sha256, List<Integer> years) {
}
