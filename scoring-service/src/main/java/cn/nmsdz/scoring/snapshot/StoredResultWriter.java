package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.Reason;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.SecondLevelScore;
import cn.nmsdz.scoring.domain.model.Verdict;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a score result in its stored form straight through a JSON generator: the very bytes {@link SnapshotStore#STORED}'s
 * data binding writes for the result without its indicators' English lines (non-ASCII as escapes, nulls and empty
 * reason arguments and parts left out), checked on random results of the official catalogue
 * ({@code StoredResultWriterTest}). Data binding looked up and called each record component by reflection: that was
 * most of writing a body and a quarter of the snapshot workers' CPU in a rescoring (docs/BENCHMARKS.md §12). A
 * component added to a result's records must be written here too: the test fails until it is.
 */
final class StoredResultWriter {

    private static final SerializableString BASIS = name("basis");
    private static final SerializableString TOTAL = name("total");
    private static final SerializableString MAX_TOTAL = name("maxTotal");
    private static final SerializableString FIRST_LEVEL = name("firstLevel");
    private static final SerializableString INDICATORS = name("indicators");
    private static final SerializableString VERDICT = name("verdict");
    private static final SerializableString CODE = name("code");
    private static final SerializableString NAME = name("name");
    private static final SerializableString NUMBER = name("number");
    private static final SerializableString RULE_KIND = name("ruleKind");
    private static final SerializableString POINTS = name("points");
    private static final SerializableString MAX_POINTS = name("maxPoints");
    private static final SerializableString RATE = name("rate");
    private static final SerializableString CHILDREN = name("children");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString INPUTS = name("inputs");
    private static final SerializableString EXPLANATION = name("explanation");
    private static final SerializableString MISSING = name("missing");
    private static final SerializableString AWAITING_EXPERT = name("awaitingExpert");
    private static final SerializableString REASONS = name("reasons");
    private static final SerializableString MISSING_TEXT = name("missingText");
    private static final SerializableString ARGS = name("args");
    private static final SerializableString PARTS = name("parts");
    private static final SerializableString PASSED = name("passed");
    private static final SerializableString BECAUSE = name("because");
    private static final SerializableString EVIDENCE_ID = name("evidenceId");
    private static final SerializableString REGION = name("region");
    private static final SerializableString METRIC = name("metric");
    private static final SerializableString YEAR = name("year");
    private static final SerializableString SUBJECT = name("subject");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString ROLE = name("role");

    private StoredResultWriter() {
    }

    /** The result in its stored form, as JSON bytes ({@code null} for none). */
    static byte[] write(ScoreResult result) {
        ByteArrayBuilder out = new ByteArrayBuilder(16 * 1024);
        try (JsonGenerator json = SnapshotStore.STORED.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            result(json, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    private static void result(JsonGenerator json, ScoreResult r) throws IOException {
        if (r == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, BASIS, r.basis() == null ? null : r.basis().name());
        number(json, TOTAL, r.total());
        number(json, MAX_TOTAL, r.maxTotal());
        if (r.firstLevel() != null) {
            json.writeFieldName(FIRST_LEVEL);
            json.writeStartArray();
            for (FirstLevelScore f : r.firstLevel()) {
                firstLevel(json, f);
            }
            json.writeEndArray();
        }
        if (r.indicators() != null) {
            json.writeFieldName(INDICATORS);
            json.writeStartArray();
            for (IndicatorScore i : r.indicators()) {
                indicator(json, i);
            }
            json.writeEndArray();
        }
        if (r.verdict() != null) {
            json.writeFieldName(VERDICT);
            verdict(json, r.verdict());
        }
        json.writeEndObject();
    }

    private static void firstLevel(JsonGenerator json, FirstLevelScore f) throws IOException {
        if (f == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, CODE, f.code());
        string(json, NAME, f.name());
        number(json, POINTS, f.points());
        number(json, MAX_POINTS, f.maxPoints());
        number(json, RATE, f.rate());
        if (f.children() != null) {
            json.writeFieldName(CHILDREN);
            json.writeStartArray();
            for (SecondLevelScore s : f.children()) {
                if (s == null) {
                    json.writeNull();
                    continue;
                }
                json.writeStartObject();
                string(json, CODE, s.code());
                string(json, NAME, s.name());
                number(json, POINTS, s.points());
                number(json, MAX_POINTS, s.maxPoints());
                number(json, RATE, s.rate());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** An indicator; with reasons, without its English lines, which are rendered again from them when read. */
    private static void indicator(JsonGenerator json, IndicatorScore i) throws IOException {
        if (i == null) {
            json.writeNull();
            return;
        }
        boolean englishLines = i.reasons() == null;
        json.writeStartObject();
        string(json, CODE, i.code());
        json.writeFieldName(NUMBER);
        json.writeNumber(i.number());
        string(json, NAME, i.name());
        string(json, RULE_KIND, i.ruleKind());
        number(json, POINTS, i.points());
        number(json, MAX_POINTS, i.maxPoints());
        string(json, STATUS, i.status() == null ? null : i.status().name());
        if (i.inputs() != null) {
            json.writeFieldName(INPUTS);
            json.writeStartArray();
            for (InputUsed input : i.inputs()) {
                input(json, input);
            }
            json.writeEndArray();
        }
        if (englishLines) {
            strings(json, EXPLANATION, i.explanation());
        }
        if (i.missing() != null) {
            json.writeFieldName(MISSING);
            json.writeStartArray();
            for (MissingInput m : i.missing()) {
                missing(json, m);
            }
            json.writeEndArray();
        }
        strings(json, AWAITING_EXPERT, i.awaitingExpert());
        reasons(json, REASONS, i.reasons());
        if (englishLines) {
            strings(json, MISSING_TEXT, i.missingText());
        }
        json.writeEndObject();
    }

    private static void input(JsonGenerator json, InputUsed input) throws IOException {
        if (input == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, EVIDENCE_ID, input.evidenceId());
        string(json, REGION, input.region());
        string(json, METRIC, input.metric());
        if (input.year() != null) {
            json.writeFieldName(YEAR);
            json.writeNumber(input.year());
        }
        string(json, SUBJECT, input.subject());
        number(json, VALUE, input.value());
        string(json, ROLE, input.role());
        json.writeEndObject();
    }

    private static void missing(JsonGenerator json, MissingInput m) throws IOException {
        if (m == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, METRIC, m.metric());
        string(json, REGION, m.region());
        json.writeFieldName(YEAR);
        json.writeNumber(m.year());
        json.writeEndObject();
    }

    private static void verdict(JsonGenerator json, Verdict v) throws IOException {
        json.writeStartObject();
        json.writeFieldName(PASSED);
        json.writeBoolean(v.passed());
        strings(json, REASONS, v.reasons());
        reasons(json, BECAUSE, v.because());
        json.writeEndObject();
    }

    private static void reasons(JsonGenerator json, SerializableString field, List<Reason> reasons) throws IOException {
        if (reasons != null) {
            json.writeFieldName(field);
            reasonList(json, reasons);
        }
    }

    private static void reasonList(JsonGenerator json, List<Reason> reasons) throws IOException {
        json.writeStartArray();
        for (Reason reason : reasons) {
            reason(json, reason);
        }
        json.writeEndArray();
    }

    /** A reason, its empty arguments and parts left out (read back as empty). */
    private static void reason(JsonGenerator json, Reason reason) throws IOException {
        if (reason == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, CODE, reason.code());
        if (!reason.args().isEmpty()) {
            json.writeFieldName(ARGS);
            json.writeStartObject();
            for (Map.Entry<String, String> arg : reason.args().entrySet()) {
                json.writeFieldName(arg.getKey());
                json.writeString(arg.getValue());
            }
            json.writeEndObject();
        }
        if (!reason.parts().isEmpty()) {
            json.writeFieldName(PARTS);
            json.writeStartObject();
            for (Map.Entry<String, List<Reason>> part : reason.parts().entrySet()) {
                json.writeFieldName(part.getKey());
                if (part.getValue() == null) {
                    json.writeNull();
                } else {
                    reasonList(json, part.getValue());
                }
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, SerializableString field, List<String> values) throws IOException {
        if (values != null) {
            json.writeFieldName(field);
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
    }

    private static void string(JsonGenerator json, SerializableString field, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            json.writeString(value);
        }
    }

    private static void number(JsonGenerator json, SerializableString field, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            json.writeNumber(value);
        }
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
