package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.rest.Language;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * <p>In English the stored body is the snapshot as served (the engine stores its English rendering), so it is copied
 * to the response as it is, without being parsed. In Chinese each is rendered from the reasons it stores. The summary
 * form asks PostgreSQL for the body without its indicator scores (about 1 KB) and renders only that.
 *
 * <p>"Under a region" is a range of the stored region paths (V15): one index, not the whole region table.
 */
@ApplicationScoped
public class SnapshotFeed {
    /** Rows fetched per round trip: a few full snapshots in memory at a time. */
    static final int FETCH = 16;

    private static final String FULL = "select s.id, s.body from snapshot s"
            + " where s.region_path >= ?1 and s.region_path < ?2 and s.id > ?3 order by s.id limit ?4";
    private static final String SUMMARY = "select s.id, jsonb_set(jsonb_set(s.body::jsonb, '{confirmed,indicators}', '[]'),"
            + " '{projected,indicators}', '[]')::text from snapshot s"
            + " where s.region_path >= ?1 and s.region_path < ?2 and s.id > ?3 order by s.id limit ?4";

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

    /** Writes {@code {"snapshots":[…],"next":N}} for the page after {@code after}. */
    void write(OutputStream out, Range range, long after, int limit, boolean summary, Language language) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
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
                        String body = (String) row[1];
                        if (!summary && language == Language.EN) {
                            json.writeRawValue(body);
                        } else {
                            Snapshot stored = EventEnvelope.JSON.readValue(body, Snapshot.class); // as SnapshotService.read
                            Snapshot shown = renderer.render(stored, words.computeIfAbsent(
                                    stored.systemCode() + "/" + stored.systemVersion(),
                                    k -> renderer.words(stored.systemCode(), stored.systemVersion(), language)), language, null);
                            mapper.writeValue(json, summary ? ScoreResource.SnapshotSummary.of(shown) : shown);
                        }
                    }
                }
                json.writeEndArray();
                json.writeNumberField("next", next);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
