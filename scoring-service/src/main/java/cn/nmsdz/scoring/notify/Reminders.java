package cn.nmsdz.scoring.notify;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.scoring.notify.Notifications.Recipient;
import cn.nmsdz.scoring.projection.CampaignProjectionEntity;
import cn.nmsdz.scoring.progress.ProgressService;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorProgress;
import cn.nmsdz.scoring.progress.ProgressViews.IndicatorRow;
import cn.nmsdz.scoring.progress.ProgressViews.ItemProgress;
import cn.nmsdz.scoring.progress.ProgressViews.TaskProgress;
import cn.nmsdz.scoring.progress.ProgressViews.TaskRow;
import cn.nmsdz.scoring.progress.ProgressViews.Unit;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Daily (and on demand): what is overdue and what falls due within {@code nmsdz.campaign.remind-days} days notifies
 * its departments (lead and responsible) and the region's creation office. One reminder per thing and day.
 */
@ApplicationScoped
public class Reminders {
    private static final Logger LOG = Logger.getLogger(Reminders.class);

    @Inject
    ProgressService progress;

    @Inject
    Notifications notifications;

    @ConfigProperty(name = "nmsdz.campaign.remind-days", defaultValue = "7")
    int remindDays;

    @Scheduled(cron = "${nmsdz.campaign.reminder-cron:0 0 8 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        List<String> regions = QuarkusTransaction.requiringNew().call(() -> CampaignProjectionEntity
                .<CampaignProjectionEntity>listAll().stream().map(c -> c.region).toList());
        for (String region : regions) {
            try {
                run(region, null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "reminders of region %s failed; the next run retries", region);
            }
        }
    }

    /** The reminders of one region for assessment year {@code year} (null: its latest snapshot's, else this year). */
    public int run(String region, Integer year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate today = ProgressService.today();
            int y = year != null ? year : SnapshotEntity.<SnapshotEntity>find("region = ?1 order by year desc", region)
                    .firstResultOptional().map(s -> s.year).orElse(today.getYear());
            Board board = progress.board(region, y, today);
            int raised = 0;
            for (IndicatorRow i : board.indicators()) {
                List<Recipient> to = recipients(i.leadUnits(), i.responsibleUnits());
                boolean itemsOverdue = i.items().stream().anyMatch(ItemProgress::overdue);
                if (i.overdue() && !itemsOverdue) {
                    raised += remind(region, CampaignEventTypes.ITEM_OVERDUE, i, null, i.dueDate(), i.persons(), to, today);
                }
                for (ItemProgress it : i.items()) {
                    if (it.overdue()) {
                        raised += remind(region, CampaignEventTypes.ITEM_OVERDUE, i, it.item(), it.dueDate(), it.persons(), to, today);
                    } else if (!it.delivered() && dueSoon(it.dueDate(), today)) {
                        raised += remind(region, CampaignEventTypes.ITEM_DUE_SOON, i, it.item(), it.dueDate(), it.persons(), to, today);
                    }
                }
                if (!i.overdue() && i.status() == IndicatorProgress.NO_EVIDENCE && dueSoon(i.dueDate(), today)) {
                    raised += remind(region, CampaignEventTypes.ITEM_DUE_SOON, i, null, i.dueDate(), i.persons(), to, today);
                }
            }
            for (TaskRow t : board.tasks()) {
                if (t.state() == TaskProgress.OVERDUE) {
                    List<Recipient> to = new ArrayList<>();
                    t.persons().stream().map(CampaignData.Person::department).distinct().map(Recipient::department).forEach(to::add);
                    to.add(Recipient.role("creation-office"));
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("kind", t.kind());
                    data.put("number", t.number());
                    data.put("dueDate", String.valueOf(t.dueDate()));
                    data.put("targetValue", t.targetValue());
                    data.put("currentValue", t.currentValue());
                    raised += notifications.raise(region, CampaignEventTypes.TASK_OVERDUE, "task/" + t.number(),
                            "任务" + t.number() + "“" + t.title() + "”已逾期（时间节点 " + t.dueDate() + "）/ plan task "
                                    + t.number() + " is overdue",
                            "reminder:" + region + ":task:" + t.kind() + ":" + t.number() + ":" + t.dueDate() + ":" + today, data, to) ? 1 : 0;
                }
            }
            return raised;
        });
    }

    private boolean dueSoon(LocalDate due, LocalDate today) {
        return due != null && !due.isBefore(today) && !due.isAfter(today.plusDays(remindDays));
    }

    private static List<Recipient> recipients(List<Unit> lead, List<Unit> responsible) {
        List<Recipient> to = new ArrayList<>();
        lead.forEach(u -> to.add(Recipient.department(u.code())));
        responsible.forEach(u -> to.add(Recipient.department(u.code())));
        to.add(Recipient.role("creation-office"));
        return to;
    }

    private int remind(String region, String type, IndicatorRow i, String item, LocalDate due, List<CampaignData.Person> persons,
            List<Recipient> to, LocalDate today) {
        boolean overdue = CampaignEventTypes.ITEM_OVERDUE.equals(type);
        String what = "指标" + i.code() + "“" + i.name() + "”" + (item == null ? "" : "子项" + item);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicator", i.code());
        data.put("item", item);
        data.put("dueDate", String.valueOf(due));
        data.put("persons", persons);
        String message = overdue ? what + "已逾期，时间节点 " + due + " / indicator " + i.code() + (item == null ? "" : " item " + item)
                + " is overdue (due " + due + ")"
                : what + "将于 " + due + " 到期 / indicator " + i.code() + (item == null ? "" : " item " + item) + " falls due on " + due;
        return notifications.raise(region, type, "indicator/" + i.code() + (item == null ? "" : "/" + item), message,
                // once a day per thing and due date: a changed due date is reminded anew
                "reminder:" + region + ":" + i.code() + ":" + item + ":" + type + ":" + due + ":" + today, data, to) ? 1 : 0;
    }
}
