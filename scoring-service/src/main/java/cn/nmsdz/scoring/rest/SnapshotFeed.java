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
import jakarta.persistence.Query;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of snapshots written as they are read: the provincial pull feed (issue 12) and a region-year's history. A
 * page is read {@link #FETCH} snapshots at a time ({@link #FETCH_SUMMARIES} summaries), each chunk in a short
 * transaction of its own, and written before the next is read, so a page of 1,000 full snapshots (over 100 MB) never
 * sits in memory and no database connection waits on a slow client.
 *
 * <p>Each is read from its stored form ({@link SnapshotStore#read}) and rendered in the language asked for from the
 * reasons it stores. The summary form reads the summary stored beside each body (V20; for a snapshot stored before, its body skipping the indicator
 * scores with a token filter, so they are never materialised) and renders it.
 *
 * <p>"Under a region" is a range of the stored region paths (V15): one index, not the whole region table.
 */
@ApplicationScoped
public class SnapshotFeed {
    /** Snapshots read and rendered per transaction: a few full snapshots in memory at a time. */
    public static final int FETCH = 16;
    /**
     * Summaries per transaction: a summary is ~3 KB (a snapshot stored before V20 has none, and its body stands in:
     * 64 of those are ~6 MB). With 16 a time, Hibernate's per-query work (result mapping from the JDBC metadata) and
     * the transaction's commit were a fifth of scoring-service's CPU on a page of summaries (BENCHMARKS §22).
     */
    public static final int FETCH_SUMMARIES = 64;
    static final int WRITE_BUFFER = 64 * 1024;

    /** The stored body: compressed (V21), or the text of a snapshot stored before. */
    private static final String FULL = "s.body_deflated, s.body";
    /**
     * The stored summary: compressed (V21), or the text of one stored before (V20), or the body of a snapshot stored
     * before that, which the token filter below cuts.
     */
    private static final String SUMMARY = "s.summary_deflated, coalesce(s.summary, s.body)";
    /** The feed's page: the snapshots under a range of region paths after an id, in id order. */
    private static final String UNDER = "select s.id, %s from snapshot s"
            + " where s.region_path >= ?1 and s.region_path < ?2 and s.id > ?3 order by s.id limit ?4";
    /** A page of a region-year's history, newest first: the snapshots numbered from ?3 down to ?4. */
    private static final String HISTORY = "select s.number, %s from snapshot s"
            + " where s.region = ?1 and s.year = ?2 and s.number <= ?3 and s.number >= ?4 order by s.number desc";
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
        String query = UNDER.formatted(summary ? SUMMARY : FULL);
        write(out, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("snapshots");
            Map<String, SnapshotRenderer.Words> words = new HashMap<>();
            long next = after;
            for (int left = limit; left > 0; ) {
                int asked = Math.min(summary ? FETCH_SUMMARIES : FETCH, left);
                List<Rendered> chunk = read(query, List.of(range.from(), range.to(), next, asked), summary, language,
                        words);
                for (Rendered r : chunk) {
                    mapper.writeValue(json, r.snapshot());
                    next = r.cursor();
                }
                // a short chunk is the end of what there is
                left = chunk.size() < asked ? 0 : left - asked;
            }
            json.writeEndArray();
            json.writeNumberField("next", next);
            json.writeEndObject();
        });
    }

    /**
     * Writes a page of a region-year's history, newest first, as a JSON array: {@code GET /regions/{code}/scores}, the
     * snapshots {@link #historyNumbers} found. Those numbers come first because the page's cursor (the last number of
     * a full page) goes in headers, before the body; the body is bounded by them, so a snapshot stored in between
     * cannot push one out of the page past the cursor.
     */
    void writeHistory(OutputStream out, String region, int year, List<Long> numbers, boolean summary,
            Language language) {
        String query = HISTORY.formatted(summary ? SUMMARY : FULL);
        write(out, json -> {
            json.writeStartArray();
            Map<String, SnapshotRenderer.Words> words = new HashMap<>();
            int chunk = summary ? FETCH_SUMMARIES : FETCH;
            for (int from = 0; from < numbers.size(); from += chunk) {
                List<Long> some = numbers.subList(from, Math.min(from + chunk, numbers.size()));
                for (Rendered r : read(query, List.of(region, year, some.get(0), some.get(some.size() - 1)), summary,
                        language, words)) {
                    mapper.writeValue(json, r.snapshot());
                }
            }
            json.writeEndArray();
        });
    }

    /** The numbers of the page {@link #writeHistory} writes: a few bytes each, to know before writing whether it is full. */
    List<Long> historyNumbers(String region, int year, long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = em.createNativeQuery("select s.number from snapshot s"
                        + " where s.region = ?1 and s.year = ?2 and s.number < ?3 order by s.number desc limit ?4")
                .setParameter(1, region).setParameter(2, year).setParameter(3, after).setParameter(4, limit)
                .getResultList();
        return numbers.stream().map(Number::longValue).toList();
    }

    /** A snapshot rendered for a page, and its row's cursor (the feed's id, the history's number). */
    private record Rendered(long cursor, Object snapshot) {
    }

    private interface Page {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Lets {@code page} write through a JSON generator on 64 KB writes: a full snapshot (50–100 KB) leaves in one or
     * two chunks, not in a dozen of the generator's 8 KB.
     */
    private void write(OutputStream out, Page page) {
        OutputStream buffered = new BufferedOutputStream(out, WRITE_BUFFER);
        try (JsonGenerator json = mapper.getFactory().createGenerator(buffered)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            page.write(json);
            json.flush();
            buffered.flush(); // the response stream itself is closed by the framework
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads (a cursor column, then the stored form's two) and renders up to {@link #FETCH} snapshots (summaries:
     * {@link #FETCH_SUMMARIES}) in a short transaction of their own. A page is written a chunk at a time between
     * these: neither the whole page (a page of 1,000 full snapshots is over 100 MB of JSON; held whole, three at once
     * took the service's heap) nor a database connection is held while a slow client reads.
     */
    private List<Rendered> read(String query, List<Object> parameters, boolean summary, Language language,
            Map<String, SnapshotRenderer.Words> words) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query q = em.createNativeQuery(query).setHint("org.hibernate.readOnly", true);
            for (int i = 0; i < parameters.size(); i++) {
                q.setParameter(i + 1, parameters.get(i));
            }
            List<Rendered> rendered = new ArrayList<>();
            for (Object row : q.getResultList()) {
                Object[] columns = (Object[]) row;
                String body = columns[1] != null ? Deflated.inflate((byte[]) columns[1]) : (String) columns[2];
                Snapshot stored = summary ? summaryOf(body) : SnapshotStore.readToRender(body);
                Snapshot shown = renderer.render(stored, words.computeIfAbsent(
                        stored.systemCode() + "/" + stored.systemVersion(),
                        k -> renderer.words(stored.systemCode(), stored.systemVersion(), language)), language, null);
                rendered.add(new Rendered(((Number) columns[0]).longValue(),
                        summary ? ScoreResource.SnapshotSummary.of(shown) : shown));
            }
            return rendered;
        });
    }
}
