package cn.nmsdz.indicator.domain.validation;

import java.util.Objects;

/**
 * One thing wrong with an indicator system document.
 *
 * @param pointer JSON Pointer (RFC 6901) into the document as serialised, e.g.
 *                {@code /firstLevel/0/children/1/indicators/3/rule/bands/1}; {@code ""} is the
 *                whole document. A pointer may name a member that is absent but required
 *                (e.g. {@code .../rule/thresholdByZone/NORTHEAST}).
 * @param message what is wrong, for a person
 */
public record Violation(String pointer, String message) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
