package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.observation.ObservationInput;
import java.util.List;

/**
 * A submission of observations as read by {@link ObservationBatchReader}: its rows, the fingerprint of what it asks
 * for (for Idempotency-Key; null when the request names no key), and whether it was an array (a single object names
 * its fields without an index).
 */
public record ObservationBatch(List<ObservationInput> rows, String fingerprint, boolean array) {
}
