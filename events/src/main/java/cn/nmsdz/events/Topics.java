package cn.nmsdz.events;

/** Kafka topics of SPEC §5. Every record is keyed by region code. */
public final class Topics {
    public static final String CATALOGUE = "catalogue.events";
    public static final String EVIDENCE = "evidence.events";
    public static final String SCORE = "score.events";

    private Topics() {
    }
}
