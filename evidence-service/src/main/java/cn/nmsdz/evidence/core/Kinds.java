package cn.nmsdz.evidence.core;

import java.util.List;

/** Evidence kinds and review states (the values of the evidence.kind / evidence.state columns). */
public final class Kinds {
    public static final String OBSERVATION = "OBSERVATION";
    public static final String DOCUMENT = "DOCUMENT";
    public static final String CLAIM = "CLAIM";
    public static final String ASSESSMENT = "ASSESSMENT";
    public static final List<String> ALL = List.of(OBSERVATION, DOCUMENT, CLAIM, ASSESSMENT);

    public static final String SUBMITTED = "SUBMITTED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final List<String> STATES = List.of(SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN);

    private Kinds() {
    }
}
