package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.scoring.snapshot.Deflated;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.rest.Language;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The provincial pull feed's page, written as it is read (issue 12): rows come from a database cursor a few at a time
 * and each is written before the next is read, so a page of 1,000 full snapshots (≈ 50 MB) never sits in memory.
 *
 * <p>Each is read from its stored form ({@link SnapshotStore#read}) and rendered in the language asked for from the
 * reasons it stores. The summary form reads the summary stored beside each body (V20; for a snapshot stored before, its body skipping the indicator
 * scores with a token filter, so they are never materialised) and renders it.
 *
 * <p>"Under a region" is a range of the stored region paths (V15): one index, not the whole region table.
 */
@ApplicationScoped
public class SnapshotFeed {
    /** Rows fetched per round trip: a few full snapshots in memory at a time. */
    static final int FETCH = 16;
    static final int WRITE_BUFFER = 64 * 1024;

    private static final String PAGE = "select s.id, %s from snapshot s"
            + " where s.region_path >= ?1 and s.region_path < ?2 and s.id > ?3 order by s.id limit ?4";
    /** The stored body: compressed (V21), or the text of a snapshot stored before. */
    private static final String FULL = PAGE.formatted("s.body_deflated, s.body");
    /**
     * The stored summary: compressed (V21), or the text of one stored before (V20), or the body of a snapshot stored
     * before that, which the token filter below cuts.
     */
    private static final String SUMMARY = PAGE.formatted("s.summary_deflated, coalesce(s.summary, s.body)");
    /** Every field but the indicator scores: a summary reads a stored body without materialising its 41 scores. */
    private static final TokenFilter WITHOUT_INDICATORS = new TokenFilter() {
        @Override
        public TokenFilter includeProperty(String name) {
            return "indicators".equals(name) ? null : this;
        }
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    SnapshotRenderer renderer;

    /** The first and the first-after-last path under a region ([from, to) in byte order). */
    record Range(String from, String to) {
        static Range of(String path) {
            return new Range(path, path.substring(0, path.length() - 1) + "0"); // '0' follows '/'
        }
    }

    /** The range of paths of a region and every region below it; an unknown region is its own top. */
    Range under(String code) {
        Object path = em.createNativeQuery("select coalesce((select path from scoring_region where code = ?1),"
                + " '/' || cast(?1 as text) || '/')").setParameter(1, code).getSingleResult();
        return Range.of(path.toString());
    }

    /** A stored body read as SnapshotService.read reads it, but with no indicator scores (an empty list). */
    static Snapshot summaryOf(String body) throws IOException {
        try (JsonParser parser = new FilteringParserDelegate(EventEnvelope.JSON.createParser(body), WITHOUT_INDICATORS,
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            Snapshot s = SnapshotStore.completed(EventEnvelope.JSON.readValue(parser, Snapshot.class), false);
            return new Snapshot(s.id(), s.region(), s.regionName(), s.year(), s.number(), s.systemCode(), s.systemVersion(),
                    s.evidencePosition(), s.projectionSeq(), SnapshotStore.withoutIndicators(s.confirmed()),
                    SnapshotStore.withoutIndicators(s.projected()), s.createdAt());
        }
    }


    /** Writes {@code {"snapshots":[…],"next":N}} for the page after {@code after}. */
    void write(OutputStream out, Range range, long after, int limit, boolean summary, Language language) {
        QuarkusTransaction.requiringNew().run(() -> {
            // 64 KB writes: a full snapshot (50–100 KB) leaves in one or two chunks, not in a dozen of the generator's 8 KB
            OutputStream buffered = new BufferedOutputStream(out, WRITE_BUFFER);
            try (JsonGenerator json = mapper.getFactory().createGenerator(buffered)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeArrayFieldStart("snapshots");
                long next = after;
                Map<String, SnapshotRenderer.Words> words = new HashMap<>();
                @SuppressWarnings("unchecked")
                Stream<Object[]> rows = em.createNativeQuery(summary ? SUMMARY : FULL)
                        .setParameter(1, range.from()).setParameter(2, range.to()).setParameter(3, after)
                        .setParameter(4, limit).setHint("org.hibernate.fetchSize", FETCH).setHint("org.hibernate.readOnly", true)
                        .getResultStream();
                try (rows) {
                    for (Object[] row : (Iterable<Object[]>) rows::iterator) {
                        next = ((Number) row[0]).longValue();
                        String body = row[1] != null ? Deflated.inflate((byte[]) row[1]) : (String) row[2];
                        Snapshot stored = summary ? summaryOf(body) : SnapshotStore.readToRender(body);
                        Snapshot shown = renderer.render(stored, words.computeIfAbsent(
                                stored.systemCode() + "/" + stored.systemVersion(),
                                k -> renderer.words(stored.systemCode(), stored.systemVersion(), language)), language, null);
                        mapper.writeValue(json, summary ? ScoreResource.SnapshotSummary.of(shown) : shown);
                    }
                }
                json.writeEndArray();
                json.writeNumberField("next", next);
                json.writeEndObject();
                json.flush();
                buffered.flush(); // the response stream itself is closed by the framework
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
