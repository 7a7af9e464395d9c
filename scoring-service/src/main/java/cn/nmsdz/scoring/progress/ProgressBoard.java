package cn.nmsdz.scoring.progress;

import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.progress.ProgressViews.DepartmentRow;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorProgress;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorRow;
import cn.nmsdz.scoring.progress.ProgressViews.ItemProgress;
import cn.nmsdz.scoring.progress.ProgressViews.TaskProgress;
import cn.nmsdz.scoring.progress.ProgressViews.TaskRow;
import cn.nmsdz.scoring.progress.ProgressViews.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the board from what scoring already holds; plain Java, no framework. The rules (one place):
 * <ul>
 * <li>evidence counts as delivered when SUBMITTED or ACCEPTED (rejected and withdrawn evidence does not); so does a
 * figure of the region itself that the indicator's rule read in the latest snapshot, whoever reported it (the
 * statistics bureau's figures are linked to metrics, not to an indicator or a department);</li>
 * <li>an indicator (or scheduled item) is overdue when its due date lies before {@code asOf} and nothing is delivered
 * for it;</li>
 * <li>status: NO_EVIDENCE, else FULL_POINTS when the snapshot gives the maximum, else AWAITING_REVIEW when evidence
 * waits for a reviewer, else AWAITING_EXPERT, else POINTS_LOST when a snapshot scored it, else ACCEPTED;</li>
 * <li>a department (lead or responsible) owns an indicator's full points in its own row: shared indicators count for
 * each of their departments;</li>
 * <li>a plan task is DONE when its target is reached (current ≥ target) or, without a target, when every indicator
 * linked to it earns full confirmed points; OVERDUE when not done and its due date has passed; else ON_TRACK;</li>
 * <li>departments worst first: most overdue, then most points lost, then most rejected to redo, then code.</li>
 * </ul>
 */
public final class ProgressBoard {
    private ProgressBoard() {
    }

    /** One indicator of the system in force. */
    public record IndicatorDef(String code, String name, BigDecimal maxPoints) {
    }

    /** One piece of evidence as projected. */
    public record Fact(String indicator, String item, String department, String state) {
    }

    /** Owners of one indicator. */
    public record Owners(String indicator, List<String> tasks, List<String> lead, List<String> responsible) {
    }

    public record Inputs(String region, int year, LocalDate asOf, List<IndicatorDef> indicators, Long snapshotNumber,
            Map<String, IndicatorScore> confirmed, Map<String, IndicatorScore> projected, BigDecimal confirmedTotal,
            BigDecimal projectedTotal, Boolean passed, List<Fact> facts, List<Owners> owners,
            Map<String, String> departmentNames, CampaignData campaign, Map<String, OffsetDateTime> lastActivity) {
    }

    static boolean delivered(String state) {
        return ReviewState.SUBMITTED.name().equals(state) || ReviewState.ACCEPTED.name().equals(state);
    }

    /** The indicator's rule read a figure of the region itself (a comparator's figure, the nation's, does not count). */
    static boolean readsOwnFigures(IndicatorScore score, String region) {
        return score != null && score.inputs() != null
                && score.inputs().stream().anyMatch(i -> i.metric() != null && region.equals(i.region()));
    }

    public static Board compute(Inputs in) {
        Map<String, Owners> owners = new HashMap<>();
        in.owners().forEach(o -> owners.put(o.indicator(), o));
        Map<String, CampaignData.Schedule> indicatorSchedule = new HashMap<>();
        Map<String, List<CampaignData.Schedule>> itemSchedules = new HashMap<>();
        for (CampaignData.Schedule s : in.campaign().schedules()) {
            if (s.item() == null) {
                indicatorSchedule.put(s.indicator(), s);
            } else {
                itemSchedules.computeIfAbsent(s.indicator(), k -> new ArrayList<>()).add(s);
            }
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (IndicatorDef def : in.indicators()) {
            Owners o = owners.get(def.code());
            if (o == null) {
                continue; // not decomposed in this region: nobody to chase
            }
            List<Fact> facts = in.facts().stream().filter(f -> def.code().equals(f.indicator())).toList();
            int submitted = (int) facts.stream().filter(f -> ReviewState.SUBMITTED.name().equals(f.state())).count();
            int accepted = (int) facts.stream().filter(f -> ReviewState.ACCEPTED.name().equals(f.state())).count();
            int rejected = (int) facts.stream().filter(f -> ReviewState.REJECTED.name().equals(f.state())).count();
            IndicatorScore c = in.confirmed().get(def.code());
            IndicatorScore p = in.projected().get(def.code());
            IndicatorProgress status;
            if (submitted + accepted == 0 && !readsOwnFigures(c, in.region()) && !readsOwnFigures(p, in.region())) {
                status = IndicatorProgress.NO_EVIDENCE;
            } else if (c != null && c.points().compareTo(c.maxPoints()) >= 0) {
                status = IndicatorProgress.FULL_POINTS;
            } else if (submitted > 0) {
                status = IndicatorProgress.AWAITING_REVIEW;
            } else if (c != null && c.awaitingExpert() != null && !c.awaitingExpert().isEmpty()) {
                status = IndicatorProgress.AWAITING_EXPERT;
            } else if (c != null) {
                status = IndicatorProgress.POINTS_LOST;
            } else {
                status = IndicatorProgress.ACCEPTED;
            }
            CampaignData.Schedule s = indicatorSchedule.get(def.code());
            boolean overdue = s != null && s.dueDate() != null && s.dueDate().isBefore(in.asOf())
                    && status == IndicatorProgress.NO_EVIDENCE;
            List<ItemProgress> items = new ArrayList<>();
            for (CampaignData.Schedule is : itemSchedules.getOrDefault(def.code(), List.of())) {
                boolean itemDelivered = facts.stream().anyMatch(f -> is.item().equals(f.item()) && delivered(f.state()));
                boolean itemOverdue = is.dueDate() != null && is.dueDate().isBefore(in.asOf()) && !itemDelivered;
                items.add(new ItemProgress(is.item(), is.dueDate(), itemOverdue, itemDelivered, persons(is)));
                overdue |= itemOverdue;
            }
            rows.add(new IndicatorRow(def.code(), def.name(), def.maxPoints(), c == null ? null : c.points(),
                    p == null ? null : p.points(), status, s == null ? null : s.dueDate(), s == null ? null : s.stage(),
                    overdue, units(o.lead(), in.departmentNames()), units(o.responsible(), in.departmentNames()),
                    s == null ? List.of() : persons(s), submitted, accepted, rejected, items));
        }
        List<DepartmentRow> departments = departments(in, rows);
        return new Board(in.region(), in.year(), in.asOf(), in.snapshotNumber(), in.confirmedTotal(), in.projectedTotal(),
                in.passed(), rows, departments, tasks(in, rows));
    }

    private static List<DepartmentRow> departments(Inputs in, List<IndicatorRow> rows) {
        Map<String, List<IndicatorRow>> owned = new LinkedHashMap<>();
        for (IndicatorRow r : rows) {
            List<Unit> all = new ArrayList<>(r.leadUnits());
            all.addAll(r.responsibleUnits());
            all.stream().map(Unit::code).distinct().forEach(d -> owned.computeIfAbsent(d, k -> new ArrayList<>()).add(r));
        }
        List<DepartmentRow> result = new ArrayList<>();
        for (Map.Entry<String, List<IndicatorRow>> e : owned.entrySet()) {
            String d = e.getKey();
            List<IndicatorRow> mine = e.getValue();
            BigDecimal possible = sum(mine, IndicatorRow::maxPoints);
            BigDecimal confirmed = sum(mine, IndicatorRow::points);
            BigDecimal projected = sum(mine, IndicatorRow::projectedPoints);
            BigDecimal lost = in.snapshotNumber() == null ? BigDecimal.ZERO : possible.subtract(confirmed);
            int overdue = 0;
            for (IndicatorRow r : mine) {
                overdue += r.items().stream().filter(ItemProgress::overdue).count();
                if (r.overdue() && r.items().stream().noneMatch(ItemProgress::overdue)) {
                    overdue++;
                }
            }
            List<Fact> own = in.facts().stream().filter(f -> d.equals(f.department())).toList();
            int awaiting = (int) own.stream().filter(f -> ReviewState.SUBMITTED.name().equals(f.state())).count();
            int redo = (int) own.stream().filter(f -> ReviewState.REJECTED.name().equals(f.state()))
                    .filter(f -> own.stream().noneMatch(g -> delivered(g.state()) && Objects.equals(g.indicator(), f.indicator())
                            && Objects.equals(g.item(), f.item())))
                    .count();
            result.add(new DepartmentRow(d, in.departmentNames().getOrDefault(d, d), mine.size(), possible, confirmed,
                    projected, lost, overdue, awaiting, redo, in.lastActivity().get(d)));
        }
        result.sort(WORST_FIRST);
        return result;
    }

    /** Most overdue, then most points lost, then most rejected to redo, then code. */
    public static final Comparator<DepartmentRow> WORST_FIRST = Comparator.comparingInt(DepartmentRow::overdue).reversed()
            .thenComparing(DepartmentRow::pointsLost, Comparator.reverseOrder())
            .thenComparing(Comparator.comparingInt(DepartmentRow::rejectedToRedo).reversed())
            .thenComparing(DepartmentRow::code);

    private static List<TaskRow> tasks(Inputs in, List<IndicatorRow> rows) {
        Map<String, IndicatorRow> byCode = new HashMap<>();
        rows.forEach(r -> byCode.put(r.code(), r));
        List<TaskRow> result = new ArrayList<>();
        for (CampaignData.Task t : in.campaign().tasks()) {
            boolean done;
            if (t.targetValue() != null) {
                done = t.currentValue() != null && t.currentValue().compareTo(t.targetValue()) >= 0;
            } else {
                List<IndicatorRow> linked = in.owners().stream()
                        .filter(o -> "TASK".equals(t.kind()) && o.tasks().contains(String.valueOf(t.number())))
                        .map(o -> byCode.get(o.indicator())).filter(Objects::nonNull).toList();
                done = !linked.isEmpty() && linked.stream().allMatch(r -> r.status() == IndicatorProgress.FULL_POINTS);
            }
            TaskProgress state = done ? TaskProgress.DONE
                    : t.dueDate() != null && t.dueDate().isBefore(in.asOf()) ? TaskProgress.OVERDUE : TaskProgress.ON_TRACK;
            result.add(new TaskRow(t.kind(), t.number(), t.title(), t.dueDate(), t.stage(), state, t.targetValue(),
                    t.targetUnit(), t.currentValue(), t.persons() == null ? List.of() : t.persons()));
        }
        return result;
    }

    private static List<CampaignData.Person> persons(CampaignData.Schedule s) {
        return s.persons() == null ? List.of() : s.persons();
    }

    private static List<Unit> units(List<String> codes, Map<String, String> names) {
        return codes.stream().map(c -> new Unit(c, names.getOrDefault(c, c))).toList();
    }

    private static BigDecimal sum(List<IndicatorRow> rows, java.util.function.Function<IndicatorRow, BigDecimal> f) {
        return rows.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
