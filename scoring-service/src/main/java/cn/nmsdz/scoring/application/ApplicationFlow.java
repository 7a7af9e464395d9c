package cn.nmsdz.scoring.application;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rounds of an application (申报 → 市推荐 → 省评估 → 命名, later 复核) as a table of steps: which state may follow
 * which, and which level decides it. Pure: no database, tested on its own.
 */
public final class ApplicationFlow {

    /** States of an application (SPEC §8). */
    public enum State {
        SUBMITTED("已申报"), RECOMMENDED_BY_CITY("市级已推荐"), RECOMMENDED_BY_PROVINCE("省级已推荐"), RETURNED("已退回"),
        NAMED("已命名"), NOT_NAMED("未命名"), REVIEW_DUE("待复核"), CONFIRMED("复核通过"), REVOKED("已撤销");

        public final String chinese;

        State(String chinese) {
            this.chinese = chinese;
        }
    }

    /** Who acts: the applying region (its creation office), the city above it, its province, the nation (CN). */
    public enum Level {
        COUNTY("申报地区"), CITY("市级"), PROVINCE("省级"), NATION("国家");

        public final String chinese;

        Level(String chinese) {
            this.chinese = chinese;
        }
    }

    /** One allowed transition and the level that makes it. */
    public record Step(State from, State to, Level level) {
    }

    static final List<Step> STEPS = List.of(
            new Step(State.SUBMITTED, State.RECOMMENDED_BY_CITY, Level.CITY),
            new Step(State.SUBMITTED, State.RETURNED, Level.CITY),
            new Step(State.RECOMMENDED_BY_CITY, State.RECOMMENDED_BY_PROVINCE, Level.PROVINCE),
            new Step(State.RECOMMENDED_BY_CITY, State.RETURNED, Level.PROVINCE),
            new Step(State.RECOMMENDED_BY_PROVINCE, State.NAMED, Level.NATION),
            new Step(State.RECOMMENDED_BY_PROVINCE, State.NOT_NAMED, Level.NATION),
            new Step(State.RETURNED, State.SUBMITTED, Level.COUNTY), // resubmitted with a new frozen snapshot
            new Step(State.NAMED, State.REVIEW_DUE, Level.NATION),
            new Step(State.CONFIRMED, State.REVIEW_DUE, Level.NATION),
            new Step(State.REVIEW_DUE, State.CONFIRMED, Level.NATION),
            new Step(State.REVIEW_DUE, State.REVOKED, Level.NATION));

    private ApplicationFlow() {
    }

    /** Why a transition is refused: the state it is in, and what it needs (in English and in Chinese). */
    public record Refusal(String detail, String chinese) {
    }

    /**
     * The step from {@code current} to {@code target} when one of the levels the caller {@code acting} at may make it
     * (a province decides the city's step too for a county directly under it); otherwise the refusal that names the
     * state the application is in and the level (or state) the transition needs.
     */
    public static Outcome decide(State current, State target, java.util.Set<Level> acting) {
        Optional<Step> step = STEPS.stream().filter(s -> s.from() == current && s.to() == target).findFirst();
        if (step.isEmpty()) {
            return new Outcome(null, new Refusal("the application is " + current + " (" + current.chinese + "): "
                    + (next(current).isEmpty() ? "no transition follows it"
                    : "it can go to " + next(current).stream().map(s -> s.to() + " (decided at " + s.level() + " level)")
                            .collect(Collectors.joining(" or ")))
                    + "; " + target + " needs the application to be " + needed(target) + ".",
                    "申报当前为“" + current.chinese + "”："
                    + (next(current).isEmpty() ? "已无后续环节"
                    : "下一步只能是" + next(current).stream().map(s -> "“" + s.to().chinese + "”（由" + s.level().chinese
                            + "决定）").collect(Collectors.joining("或")))
                    + "；“" + target.chinese + "”要求申报处于" + neededChinese(target) + "。"));
        }
        if (!acting.contains(step.get().level())) {
            return new Outcome(null, new Refusal("the application is " + current + " (" + current.chinese + "): " + target
                    + " is decided at " + step.get().level() + " level (" + step.get().level().chinese + "), not by "
                    + (acting.isEmpty() ? "a region that decides no step of this application"
                    : acting.stream().map(l -> l + " level (" + l.chinese + ")").collect(Collectors.joining(" and ")))
                    + ".",
                    "申报当前为“" + current.chinese + "”：“" + target.chinese + "”由" + step.get().level().chinese
                    + "决定，" + (acting.isEmpty() ? "本地区不决定此申报的任何环节"
                    : "本地区只决定" + acting.stream().map(l -> l.chinese).collect(Collectors.joining("和")) + "环节")
                    + "。"));
        }
        return new Outcome(step.get(), null);
    }

    /**
     * Whether an application in this state waits for someone's decision. A named (or confirmed), not named or revoked
     * one waits for nobody: the nation opens a 复核 at a time of its own choosing.
     */
    public static boolean awaitsDecision(State state) {
        return !java.util.EnumSet.of(State.NAMED, State.CONFIRMED, State.NOT_NAMED, State.REVOKED).contains(state);
    }

    /** The steps that may follow a state. */
    public static List<Step> next(State state) {
        return STEPS.stream().filter(s -> s.from() == state).toList();
    }

    private static String needed(State target) {
        List<String> from = STEPS.stream().filter(s -> s.to() == target).map(s -> s.from().name()).distinct().toList();
        return from.isEmpty() ? "new (a first submission is a POST of …/applications)" : String.join(" or ", from);
    }

    private static String neededChinese(State target) {
        List<String> from = STEPS.stream().filter(s -> s.to() == target).map(s -> "“" + s.from().chinese + "”").distinct()
                .toList();
        return from.isEmpty() ? "新申报（首次申报由创建办提交）" : String.join("或", from);
    }

    /** Exactly one of step and refusal is set. */
    public record Outcome(Step step, Refusal refusal) {
        public boolean allowed() {
            return step != null;
        }
    }
}
