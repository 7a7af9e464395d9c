package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Expert verdicts and self-assessment claims of one region, read for one basis.
 *
 * <p>Per expert only the latest (highest position) verdict carrying the needed answer counts. A yes/no
 * question is satisfied on a strict majority (a tie is not satisfied); points are the mean, rounded
 * half-up to one decimal. An expert verdict decides in both bases. A claim counts only in PROJECTED,
 * only while pending or accepted, and only where no expert verdict exists; the latest claim wins.
 */
final class ExpertPanel {

    enum Source { EXPERT, CLAIM, NONE }

    /** The answer for one item or indicator: who decided, and what. */
    record Judgement(Source source, Boolean satisfied, BigDecimal points, List<InputUsed> inputs, Reason explanation) {
        static Judgement none() {
            return new Judgement(Source.NONE, null, null, List.of(), null);
        }

        boolean decided() {
            return source != Source.NONE;
        }
    }

    private final String region;
    private final Map<String, List<ExpertVerdict>> verdicts = new HashMap<>();
    private final Map<String, List<Claim>> claims = new HashMap<>();

    ExpertPanel(String region, List<ExpertVerdict> allVerdicts, List<Claim> allClaims, Basis basis) {
        this.region = region;
        for (ExpertVerdict v : allVerdicts) {
            if (v != null && v.indicatorCode() != null) {
                verdicts.computeIfAbsent(key(v.indicatorCode(), v.itemCode()), k -> new ArrayList<>()).add(v);
            }
        }
        if (basis == Basis.PROJECTED) {
            for (Claim c : allClaims) {
                if (c != null && c.indicatorCode() != null && EvidenceState.counts(c.state(), Basis.PROJECTED)) {
                    claims.computeIfAbsent(key(c.indicatorCode(), c.itemCode()), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    /** Yes/no answer for an item (itemCode) or a whole indicator (itemCode null). */
    Judgement yesNo(String indicatorCode, String itemCode, String label) {
        Map<String, ExpertVerdict> perExpert = latestPerExpert(indicatorCode, itemCode, v -> v.satisfied() != null);
        if (!perExpert.isEmpty()) {
            int yes = 0;
            List<InputUsed> inputs = new ArrayList<>();
            List<Reason> votes = new ArrayList<>();
            for (ExpertVerdict v : perExpert.values()) {
                boolean s = v.satisfied();
                if (s) {
                    yes++;
                }
                votes.add(Reason.of(s ? "vote.yes" : "vote.no").with("expert", v.expertId()));
                inputs.add(verdictInput(v, s ? BigDecimal.ONE : BigDecimal.ZERO, label));
            }
            int n = perExpert.size();
            boolean satisfied = 2 * yes > n;
            Reason text = Reason.of(satisfied ? "experts.satisfied" : 2 * yes == n ? "experts.tie" : "experts.notSatisfied")
                    .with("item", label).with("yes", yes).with("count", n).parts("votes", votes);
            return new Judgement(Source.EXPERT, satisfied, null, inputs, text);
        }
        if (hasAnyVerdict(indicatorCode, itemCode)) {
            return Judgement.none();
        }
        Claim c = latestClaim(indicatorCode, itemCode, cl -> cl.satisfied() != null);
        if (c != null) {
            boolean s = c.satisfied();
            Reason text = Reason.of(s ? "claim.satisfied" : "claim.notSatisfied").with("item", label)
                    .with("department", c.department()).with("evidence", c.evidenceId()).with("state", String.valueOf(c.state()));
            return new Judgement(Source.CLAIM, s, null,
                    List.of(claimInput(c, s ? BigDecimal.ONE : BigDecimal.ZERO, label)), text);
        }
        return Judgement.none();
    }

    /** Points awarded for an item or a whole indicator: mean of the experts' latest points, one decimal, half-up. */
    Judgement points(String indicatorCode, String itemCode, String label) {
        Map<String, ExpertVerdict> perExpert = latestPerExpert(indicatorCode, itemCode, v -> v.points() != null);
        if (!perExpert.isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            List<InputUsed> inputs = new ArrayList<>();
            List<Reason> awards = new ArrayList<>();
            for (ExpertVerdict v : perExpert.values()) {
                sum = sum.add(v.points());
                awards.add(Reason.of("award").with("expert", v.expertId()).with("points", Numbers.plain(v.points())));
                inputs.add(verdictInput(v, v.points(), label));
            }
            BigDecimal mean = Numbers.mean1(sum, perExpert.size());
            Reason text = Reason.of("experts.points").with("item", label).parts("awards", awards)
                    .with("mean", mean.toPlainString());
            return new Judgement(Source.EXPERT, null, mean, inputs, text);
        }
        if (hasAnyVerdict(indicatorCode, itemCode)) {
            return Judgement.none();
        }
        Claim c = latestClaim(indicatorCode, itemCode, cl -> cl.points() != null);
        if (c != null) {
            Reason text = Reason.of("claim.points").with("item", label).with("department", c.department())
                    .with("evidence", c.evidenceId()).with("state", String.valueOf(c.state()))
                    .with("points", Numbers.plain(c.points()));
            return new Judgement(Source.CLAIM, null, c.points(), List.of(claimInput(c, c.points(), label)), text);
        }
        return Judgement.none();
    }

    private boolean hasAnyVerdict(String indicatorCode, String itemCode) {
        return verdicts.containsKey(key(indicatorCode, itemCode));
    }

    private Map<String, ExpertVerdict> latestPerExpert(String indicatorCode, String itemCode,
                                                       Predicate<ExpertVerdict> carries) {
        Map<String, ExpertVerdict> latest = new HashMap<>();
        for (ExpertVerdict v : verdicts.getOrDefault(key(indicatorCode, itemCode), List.of())) {
            if (!carries.test(v)) {
                continue;
            }
            String expert = Objects.toString(v.expertId(), "");
            latest.merge(expert, v, (a, b) -> b.position() > a.position() ? b : a);
        }
        Map<String, ExpertVerdict> ordered = new LinkedHashMap<>();
        latest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private Claim latestClaim(String indicatorCode, String itemCode, Predicate<Claim> carries) {
        return claims.getOrDefault(key(indicatorCode, itemCode), List.of()).stream()
                .filter(carries)
                .max(Comparator.comparingLong(Claim::position))
                .orElse(null);
    }

    private InputUsed verdictInput(ExpertVerdict v, BigDecimal value, String label) {
        return new InputUsed(v.evidenceId(), region, null, null, v.expertId(), value, "expert " + label);
    }

    private InputUsed claimInput(Claim c, BigDecimal value, String label) {
        return new InputUsed(c.evidenceId(), region, null, null, c.department(), value, "claim " + label);
    }

    private static String key(String indicatorCode, String itemCode) {
        String item = itemCode == null || itemCode.isBlank() ? "" : itemCode.trim();
        return indicatorCode.trim() + "#" + item;
    }
}
