package cn.nmsdz.evidence.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Counts evidence entering each state, by kind ({@code nmsdz_evidence_changes_total{kind,state}}): submissions,
 * acceptances, rejections, withdrawals. Counted once the transaction commits, so a refused batch counts nothing.
 */
@ApplicationScoped
public class EvidenceMetrics {
    /** {@code count} pieces of evidence of {@code kind} entered {@code state} in the transaction that fired it. */
    public record Recorded(String kind, String state, long count) {
    }

    @Inject
    MeterRegistry registry;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Recorded r) {
        Counter.builder("nmsdz.evidence.changes").tag("kind", r.kind()).tag("state", r.state())
                .description("evidence that entered a state, by kind").register(registry).increment(r.count());
    }
}
