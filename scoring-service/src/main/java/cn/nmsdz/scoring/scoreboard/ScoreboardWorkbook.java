package cn.nmsdz.scoring.scoreboard;

import cn.nmsdz.scoring.application.ApplicationFlow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The scoreboard as a sheet, in Chinese (排名, 地区, 确认得分 …), every region on one sheet. */
public final class ScoreboardWorkbook {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private ScoreboardWorkbook() {
    }

    public static byte[] write(String title, List<Scoreboard.Row> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("评估排行");
            sheet.createRow(0).createCell(0).setCellValue(title);
            List<String> head = new ArrayList<>(List.of("排名", "地区代码", "地区", "快照编号", "确认得分", "预计得分"));
            List<Scoreboard.Rate> levels = rows.isEmpty() ? List.of() : rows.get(0).firstLevel();
            levels.forEach(l -> head.add(l.code() + " " + l.name() + " 得分率(%)"));
            head.addAll(List.of("是否达标(确认)", "未达标项", "申报状态", "最新证据日期"));
            Row h = sheet.createRow(1);
            for (int i = 0; i < head.size(); i++) {
                h.createCell(i).setCellValue(head.get(i));
            }
            int r = 2;
            for (Scoreboard.Row row : rows) {
                Row x = sheet.createRow(r++);
                int c = 0;
                x.createCell(c++).setCellValue(row.rank());
                x.createCell(c++).setCellValue(row.region());
                x.createCell(c++).setCellValue(row.name());
                x.createCell(c++).setCellValue(row.snapshotNumber() == null ? "无快照" : String.valueOf(row.snapshotNumber()));
                number(x, c++, row.confirmedTotal());
                number(x, c++, row.projectedTotal());
                for (Scoreboard.Rate l : levels) {
                    number(x, c++, row.firstLevel().stream().filter(f -> f.code().equals(l.code()))
                            .map(Scoreboard.Rate::confirmedRate).findFirst().orElse(BigDecimal.ZERO));
                }
                x.createCell(c++).setCellValue(row.confirmedPassed() ? "达标" : "未达标");
                x.createCell(c++).setCellValue(String.join("、", row.failing().stream()
                        .map(f -> "total".equals(f) ? "总分" : f).toList()));
                x.createCell(c++).setCellValue(row.applicationState() == null ? "未申报"
                        : ApplicationFlow.State.valueOf(row.applicationState()).chinese);
                x.createCell(c).setCellValue(row.latestEvidenceAt() == null ? "无" : DAY.format(row.latestEvidenceAt()));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row x, int c, BigDecimal v) {
        x.createCell(c).setCellValue(v == null ? 0 : v.doubleValue());
    }
}
