package cn.nmsdz.scoring.explain;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.scoring.domain.engine.Explainer;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.Reason;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.domain.model.Verdict;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.support.rest.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Renders a snapshot's explanations, missing inputs and verdict reasons in the language asked for, from the
 * reasons it stores, with the metric names of its own catalogue version and the regions' names.
 *
 * <p>English is what the snapshot stores (the engine renders English with codes). A snapshot stored before reasons
 * were kept has only those English lines: for Chinese it is recomputed from the catalogue version and evidence it
 * names (as {@code POST …/recompute} does), and every line whose recomputed English equals the stored English takes
 * the recomputed reasons; a line that does not (the projection no longer gives the same) keeps its stored English.
 */
@ApplicationScoped
public class SnapshotRenderer {
    private static final Logger LOG = Logger.getLogger(SnapshotRenderer.class);

    /** The snapshot in the language asked for; {@code recomputed} is asked only for an old snapshot read in Chinese. */
    public Snapshot render(Snapshot s, Language language, Supplier<Snapshot> recomputed) {
        if (s == null) {
            return null;
        }
        return render(s, words(s.systemCode(), s.systemVersion(), language), language, recomputed);
    }

    /** As {@link #render(Snapshot, Language, Supplier)} with the words of its catalogue version already looked up. */
    public Snapshot render(Snapshot s, Words words, Language language, Supplier<Snapshot> recomputed) {
        Snapshot again = null;
        if (language == Language.ZH && lacksReasons(s)) {
            try {
                again = recomputed == null ? null : recomputed.get();
            } catch (RuntimeException e) {
                LOG.infof("snapshot %s of %s cannot be recomputed for its Chinese explanation: %s", s.number(), s.region(),
                        e.getMessage());
            }
        }
        return new Snapshot(s.id(), s.region(), s.regionName(), s.year(), s.number(), s.systemCode(), s.systemVersion(),
                s.evidencePosition(), s.projectionSeq(),
                render(s.confirmed(), words, again == null ? null : again.confirmed()),
                render(s.projected(), words, again == null ? null : again.projected()), s.createdAt());
    }

    /** The explainer and pass standard of one catalogue version in one language. */
    public record Words(Explainer explainer, PassStandard standard) {
    }

    public Words words(String systemCode, int systemVersion, Language language) {
        Optional<CatalogueSystemEntity> catalogue = CatalogueSystemEntity.<CatalogueSystemEntity>findByIdOptional(
                new CatalogueSystemEntity.Key(systemCode, systemVersion));
        PassStandard standard = catalogue.map(c -> c.system().passStandard()).orElse(null);
        if (language == Language.EN) {
            return new Words(Explainer.english(), standard);
        }
        Map<String, String> metrics = new HashMap<>();
        catalogue.or(CatalogueSystemEntity::current).ifPresent(c -> {
            for (MetricDefinition m : c.system().metrics() == null ? List.<MetricDefinition>of() : c.system().metrics()) {
                if (m != null && m.code() != null && m.name() != null) {
                    metrics.put(m.code(), m.name());
                }
            }
        });
        Map<String, String> regions = new HashMap<>();
        return new Words(new Explainer(language.locale(), new Explainer.Vocabulary() {
            @Override
            public String metric(String code) {
                return metrics.getOrDefault(code, code);
            }

            @Override
            public String region(String code) {
                return regions.computeIfAbsent(code, SnapshotRenderer::regionName);
            }
        }), standard);
    }

    static String regionName(String code) {
        if (RegionCodes.NATION.equals(code)) {
            return "全国";
        }
        RegionEntity r = RegionEntity.findById(code);
        return r == null || r.name == null ? code : r.name;
    }

    private static boolean lacksReasons(Snapshot s) {
        return lacks(s.confirmed()) || lacks(s.projected());
    }

    private static boolean lacks(ScoreResult r) {
        return r != null && ((r.verdict() != null && r.verdict().because() == null)
                || r.indicators().stream().anyMatch(i -> i.reasons() == null));
    }

    private static ScoreResult render(ScoreResult r, Words words, ScoreResult again) {
        if (r == null) {
            return null;
        }
        Explainer explainer = words.explainer();
        Map<String, IndicatorScore> recomputed = new HashMap<>();
        if (again != null) {
            again.indicators().forEach(i -> recomputed.put(i.code(), i));
        }
        Function<IndicatorScore, IndicatorScore> one = i -> {
            List<Reason> reasons = i.reasons();
            if (reasons == null) {
                IndicatorScore same = recomputed.get(i.code());
                reasons = same != null && Objects.equals(same.explanation(), i.explanation()) ? same.reasons() : null;
            }
            List<String> lines = reasons == null ? i.explanation() : explainer.render(reasons);
            List<String> missing = i.missing() == null ? List.of() : i.missing().stream().map(explainer::missing).toList();
            return new IndicatorScore(i.code(), i.number(), i.name(), i.ruleKind(), i.points(), i.maxPoints(), i.status(),
                    i.inputs(), lines, i.missing(), i.awaitingExpert(), reasons, missing);
        };
        return new ScoreResult(r.basis(), r.total(), r.maxTotal(), r.firstLevel(),
                r.indicators().stream().map(one).toList(), render(r, words));
    }

    private static Verdict render(ScoreResult r, Words words) {
        Verdict v = r.verdict();
        if (v == null) {
            return null;
        }
        List<Reason> because = v.because();
        if (because == null && words.standard() != null) {
            // an old snapshot: its reasons follow from its stored numbers; used when they give the stored English
            Verdict derived = ScoringEngine.verdict(words.standard(), r.total(), r.firstLevel());
            because = Objects.equals(derived.reasons(), v.reasons()) ? derived.because() : null;
        }
        return new Verdict(v.passed(), because == null ? v.reasons() : words.explainer().render(because), because);
    }
}
