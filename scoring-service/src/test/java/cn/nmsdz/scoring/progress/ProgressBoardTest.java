package cn.nmsdz.scoring.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.progress.ProgressBoard.Fact;
import cn.nmsdz.scoring.progress.ProgressBoard.IndicatorDef;
import cn.nmsdz.scoring.progress.ProgressBoard.Owners;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.progress.ProgressViews.DepartmentRow;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorProgress;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorRow;
import cn.nmsdz.scoring.progress.ProgressViews.TaskProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The board's rules on a small region: statuses, overdue, department sums and order, plan tasks. */
class ProgressBoardTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static IndicatorScore score(String code, String points, String max, List<String> awaitingExpert) {
        return new IndicatorScore(code, Integer.parseInt(code), "指标" + code, "items", new BigDecimal(points), new BigDecimal(max),
                IndicatorStatus.values()[0], List.of(), List.of(), List.of(), awaitingExpert, List.of(), List.of());
    }

    static Board board(boolean withSnapshot) {
        List<IndicatorDef> defs = List.of(new IndicatorDef("1", "指标1", new BigDecimal("2")),
                new IndicatorDef("2", "指标2", new BigDecimal("3")), new IndicatorDef("3", "指标3", new BigDecimal("4")),
                new IndicatorDef("4", "指标4", new BigDecimal("5")), new IndicatorDef("5", "指标5", new BigDecimal("1")),
                new IndicatorDef("6", "未分解", new BigDecimal("1")));
        List<Owners> owners = List.of(new Owners("1", List.of("1"), List.of("a"), List.of()),
                new Owners("2", List.of(), List.of("a"), List.of("b")), new Owners("3", List.of(), List.of(), List.of("b")),
                new Owners("4", List.of(), List.of("b"), List.of()), new Owners("5", List.of("2"), List.of("a"), List.of()));
        List<Fact> facts = List.of(new Fact("1", null, "a", "ACCEPTED"), new Fact("2", null, "a", "SUBMITTED"),
                new Fact("3", null, "b", "REJECTED"), new Fact("4", null, "b", "ACCEPTED"), new Fact("5", null, "a", "ACCEPTED"));
        Map<String, IndicatorScore> confirmed = new HashMap<>();
        if (withSnapshot) {
            confirmed.put("1", score("1", "2", "2", List.of()));
            confirmed.put("2", score("2", "0", "3", List.of()));
            confirmed.put("3", score("3", "0", "4", List.of()));
            confirmed.put("4", score("4", "1", "5", List.of("4.1")));
            confirmed.put("5", score("5", "0", "1", List.of()));
        }
        CampaignData campaign = new CampaignData("R", List.of(), List.of(
                new CampaignData.Schedule("3", null, TODAY.minusDays(1), null, List.of(new CampaignData.Person("b", "王五", null))),
                new CampaignData.Schedule("2", null, TODAY.minusDays(1), null, List.of()),
                new CampaignData.Schedule("4", "4.2", TODAY.minusDays(3), null, List.of())),
                List.of(new CampaignData.Task("TASK", 1, "任务1", TODAY.minusDays(1), null, List.of(), null, null, null),
                        new CampaignData.Task("TASK", 2, "任务2", TODAY.minusDays(1), null, List.of(), new BigDecimal("5"), "家",
                                new BigDecimal("2")),
                        new CampaignData.Task("TASK", 3, "任务3", TODAY.plusDays(9), null, List.of(), new BigDecimal("5"), "家",
                                new BigDecimal("5"))));
        return ProgressBoard.compute(new ProgressBoard.Inputs("R", 2026, TODAY, defs, withSnapshot ? 7L : null, confirmed, Map.of(),
                null, null, null, facts, owners, Map.of("a", "甲局", "b", "乙局"), campaign, Map.of()));
    }

    static IndicatorRow row(Board b, String code) {
        return b.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void statusesComeFromEvidenceAndTheLatestSnapshot() {
        Board b = board(true);
        assertEquals(List.of("1", "2", "3", "4", "5"), b.indicators().stream().map(IndicatorRow::code).toList(),
                "only decomposed indicators");
        assertEquals(IndicatorProgress.FULL_POINTS, row(b, "1").status());
        assertEquals(IndicatorProgress.AWAITING_REVIEW, row(b, "2").status());
        assertEquals(IndicatorProgress.NO_EVIDENCE, row(b, "3").status(), "rejected evidence does not count");
        assertEquals(IndicatorProgress.AWAITING_EXPERT, row(b, "4").status());
        assertEquals(IndicatorProgress.POINTS_LOST, row(b, "5").status());
        assertEquals(IndicatorProgress.ACCEPTED, row(board(false), "5").status(), "accepted, not scored yet");
    }

    /**
     * An indicator scored from figures that no department linked to it (the statistics bureau's): its points are
     * evidence delivered, not 无材料, and it is not overdue; the nation's comparator figure alone is not the region's.
     */
    @Test
    void theRegionsOwnFiguresReadByTheRuleAreEvidenceDelivered() {
        List<IndicatorDef> defs = List.of(new IndicatorDef("1", "指标1", new BigDecimal("2")),
                new IndicatorDef("2", "指标2", new BigDecimal("2")));
        List<Owners> owners = List.of(new Owners("1", List.of(), List.of("a"), List.of()),
                new Owners("2", List.of(), List.of("a"), List.of()));
        InputUsed own = new InputUsed("e1", "R", "online_retail_growth", 2026, "统计局", BigDecimal.ONE, "value");
        InputUsed nation = new InputUsed("e2", "CN", "online_retail_growth", 2026, "国家统计局", BigDecimal.ONE,
                "comparator.level");
        IndicatorScore fromFigures = new IndicatorScore("1", 1, "指标1", "yearly_comparison", new BigDecimal("2"),
                new BigDecimal("2"), IndicatorStatus.values()[0], List.of(own, nation), List.of(), List.of(), List.of(),
                List.of(), List.of());
        IndicatorScore nationOnly = new IndicatorScore("2", 2, "指标2", "yearly_comparison", BigDecimal.ZERO,
                new BigDecimal("2"), IndicatorStatus.values()[0], List.of(nation), List.of(), List.of(), List.of(),
                List.of(), List.of());
        CampaignData campaign = new CampaignData("R", List.of(), List.of(
                new CampaignData.Schedule("1", null, TODAY.minusDays(1), null, List.of()),
                new CampaignData.Schedule("2", null, TODAY.minusDays(1), null, List.of())), List.of());
        Board b = ProgressBoard.compute(new ProgressBoard.Inputs("R", 2026, TODAY, defs, 7L,
                Map.of("1", fromFigures, "2", nationOnly), Map.of(), null, null, null, List.of(), owners,
                Map.of("a", "甲局"), campaign, Map.of()));
        assertEquals(IndicatorProgress.FULL_POINTS, row(b, "1").status());
        assertEquals(false, row(b, "1").overdue());
        assertEquals(IndicatorProgress.NO_EVIDENCE, row(b, "2").status());
        assertEquals(true, row(b, "2").overdue());
        assertEquals(1, b.departments().get(0).overdue());
    }

    @Test
    void overdueMeansDuePassedWithNothingDelivered() {
        Board b = board(true);
        assertEquals(false, row(b, "2").overdue(), "submitted evidence is delivered");
        assertEquals(true, row(b, "3").overdue());
        assertEquals(true, row(b, "4").overdue(), "its item 4.2 has nothing");
        assertEquals(true, row(b, "4").items().get(0).overdue());
    }

    @Test
    void departmentsSumWhatTheyOwnAndTheWorstComesFirst() {
        Board b = board(true);
        assertEquals(List.of("b", "a"), b.departments().stream().map(DepartmentRow::code).toList());
        DepartmentRow worst = b.departments().get(0);
        assertEquals(3, worst.indicatorsOwned());
        assertEquals(new BigDecimal("12"), worst.pointsPossible());
        assertEquals(new BigDecimal("1"), worst.pointsConfirmed());
        assertEquals(new BigDecimal("11"), worst.pointsLost());
        assertEquals(2, worst.overdue());
        assertEquals(1, worst.rejectedToRedo());
        DepartmentRow a = b.departments().get(1);
        assertEquals(1, a.awaitingReview());
        assertEquals(new BigDecimal("4"), a.pointsLost());
    }

    @Test
    void planTasksAreDoneOnTrackOrOverdue() {
        Board b = board(true);
        assertEquals(List.of(TaskProgress.DONE, TaskProgress.OVERDUE, TaskProgress.DONE),
                b.tasks().stream().map(ProgressViews.TaskRow::state).toList(),
                "1: its only indicator has full points; 2: 2 of 5 and past due; 3: target reached");
        assertEquals(TaskProgress.OVERDUE, board(false).tasks().get(0).state(), "no snapshot: not done, and past due");
    }
}
