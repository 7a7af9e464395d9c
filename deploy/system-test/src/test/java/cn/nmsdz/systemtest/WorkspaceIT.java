package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web workspace (issue #16) in a real headless Chromium through the gateway's {@code /}: each demo user logs in on
 * Keycloak's own (Chinese) login page with the authorization code flow + PKCE of the confidential client nmsdz-web,
 * sees exactly the screens its roles allow (the others are refused when typed in), and works: a submitter's figure,
 * submitted through the form and accepted in 审核, moves 创建总览's confirmed total by exactly what the scoring API's
 * simulation says the rule gives for it; an expert gives a verdict; the province sees 平陆县 on its board; a creation
 * office runs its campaign (时间节点, 责任人, stages, liaisons, reminders, 消息) and applies, and the city, the province
 * and the nation decide on the application. Every screen
 * visited is saved as a screenshot under {@code target/browser/workspace/}; a failing test also leaves the page source.
 */
@ExtendWith(Suite.class)
class WorkspaceIT {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SHOTS = Browser.ARTIFACTS.resolve("workspace");
    static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String YC = "500118";
    static final String PL = "140829";
    /** An assessment year of 永川区 that no other test writes, so what moves its total is this test alone. */
    static final int YEAR = 2013;

    @Test
    void theSubmitterHasOnlyTheWorkbench() throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), "yc-market");
        assertEquals(List.of("workbench", "messages"), w.menu());
        w.open("/web/workbench", "部门工作台");
        assertTrue(w.text("#figure-form").contains("数据项"), "the figure form");
        w.shot("workbench");
        // a count in the address that is not a number: the page, saying nothing was counted, not the 404 page
        w.open("/web/workbench?done=template&count=abc", "部门工作台");
        assertEquals("已报送模板中的 0 项数据，等待审核。", w.text("#notice"));
        // a document for indicator 11 (its department leads it): uploaded through the form, listed, downloadable
        String name = "智慧监管工作方案-" + System.nanoTime() + ".txt";
        Path file = Files.createDirectories(SHOTS).resolve(name);
        Files.writeString(file, "永川区智慧监管工作方案（WorkspaceIT）", StandardCharsets.UTF_8);
        new Select(w.driver.findElement(By.id("doc-indicator"))).selectByValue("11");
        w.driver.findElement(By.id("doc-item")).sendKeys("11.3");
        w.driver.findElement(By.id("doc-years")).sendKeys("2025");
        w.driver.findElement(By.id("doc-file")).sendKeys(file.toString());
        w.driver.findElement(By.id("upload-document")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "文件已上传"));
        WebElement document = w.driver.findElement(By.xpath("//table[contains(@class,'evidence')]//tr[.//a[text()='" + name + "']]"));
        assertTrue(document.getText().contains("文件") && document.getText().contains("已提交"), document.getText());
        w.shot("workbench-document");
        // the link downloads the document (as an attachment) through the workspace, with the user's own rights
        String href = document.findElement(By.linkText(name)).getDomAttribute("href");
        Object content = w.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
        assertEquals("永川区智慧监管工作方案（WorkspaceIT）", content);
        // a self-assessment claim for item 11.3 of the assessment year no other test writes
        new Select(w.driver.findElement(By.id("claim-indicator"))).selectByValue("11");
        w.driver.findElement(By.id("claim-item")).sendKeys("11.3");
        WebElement claimYear = w.driver.findElement(By.id("claim-year"));
        claimYear.clear();
        claimYear.sendKeys(String.valueOf(YEAR));
        w.driver.findElement(By.cssSelector("#claim-form input[name=satisfied][value=yes]")).click();
        w.driver.findElement(By.id("claim-comment")).sendKeys("已向国家平台提供接口（WorkspaceIT）");
        w.driver.findElement(By.id("submit-claim")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "自评已提交"));
        WebElement claim = w.driver.findElement(By.xpath("//table[contains(@class,'evidence')]//tr[contains(., '已向国家平台提供接口（WorkspaceIT）')]"));
        assertTrue(claim.getText().contains("自评说明") && claim.getText().contains("指标11 第11.3项（" + YEAR + "年）")
                && claim.getText().contains("符合"), claim.getText());
        w.shot("workbench-claim");
        w.refused("/web/review");
        w.refused("/web/overview");
        w.refused("/web/catalogue");
    }

    /**
     * The 数据填报 template: the clerk downloads the department's workbook, fills it in with Excel (here Apache POI),
     * uploads it; a wrong cell is named by row and column and nothing is stored, a correct file is stored whole.
     */
    @Test
    void theSubmitterReportsFiguresWithTheExcelTemplate() throws Exception {
        Workspace w = Workspace.login(BROWSER.open(), "yc-market");
        w.open("/web/workbench", "部门工作台");
        String href = w.driver.findElement(By.id("template-download")).getDomAttribute("href");
        Object base64 = w.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); },"
                + " e => done('failed: ' + e));", href);
        byte[] template = java.util.Base64.getDecoder().decode((String) base64);
        String metric;
        int year;
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(template))) {
            var sheet = wb.getSheet("数据填报");
            assertEquals(List.of("数据项代码", "数据项", "单位", "统计年度", "数值", "数据来源"), java.util.stream.StreamSupport
                    .stream(sheet.getRow(1).spliterator(), false).map(c -> c.getStringCellValue()).toList());
            assertTrue(sheet.getLastRowNum() >= 3, "the department's figures are listed");
            metric = sheet.getRow(2).getCell(0).getStringCellValue();
            year = (int) sheet.getRow(2).getCell(3).getNumericCellValue();
            assertTrue(sheet.getRow(2).getCell(1).getStringCellValue().codePoints().anyMatch(c -> c > 0x4e00),
                    "the metric's Chinese name");
        }
        String reader = Tokens.user("yc-reviewer");
        java.util.function.IntSupplier count = () -> Integer.parseInt(given().auth().oauth2(reader)
                .get(API + "/regions/" + YC + "/evidence?size=1&kind=OBSERVATION&metric=" + metric + "&year=" + year)
                .then().statusCode(200).extract().header("X-Total-Count"));
        int before = count.getAsInt();

        w.driver.findElement(By.id("template-file")).sendKeys(fill(template, "很多", "区市场监管局（WorkspaceIT 模板）").toString());
        w.driver.findElement(By.id("upload-template")).click();
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(w.text("#error").contains("未报送任何数据") && w.text("#error").contains("第3行“数值”须为数字，而不是“很多”"),
                w.text("#error"));
        w.shot("workbench-template-refused");
        assertEquals(before, count.getAsInt(), "a wrong file stores nothing");

        w.driver.findElement(By.id("template-file")).sendKeys(fill(template, "1234", "区市场监管局（WorkspaceIT 模板）").toString());
        w.driver.findElement(By.id("upload-template")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已报送模板中的 1 项数据"));
        w.shot("workbench-template-stored");
        assertEquals(before + 1, count.getAsInt(), "the file's one figure is stored");
    }

    /** The template with the value and source of its first row filled in, as a file to upload. */
    static Path fill(byte[] template, String value, String source) throws Exception {
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(template))) {
            var row = wb.getSheet("数据填报").getRow(2);
            row.createCell(4).setCellValue(value);
            row.createCell(5).setCellValue(source);
            Path file = Files.createDirectories(SHOTS).resolve("template-" + System.nanoTime() + ".xlsx");
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    @Test
    void theReviewerHasTheOverviewTheIndicatorsAndTheReviewQueue() throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), "yc-reviewer");
        assertEquals(List.of("overview", "indicators", "review", "messages"), w.menu());
        // the page's weight on a first visit (an empty browser cache): the page and everything it loaded, as
        // transferred (gzip) and as decoded
        w.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        w.open("/web/overview", "创建总览");
        w.shot("overview");
        Object weight = w.driver.executeScript("""
                const all = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
                return [all.reduce((s, e) => s + e.transferSize, 0), all.reduce((s, e) => s + e.decodedBodySize, 0)];
                """);
        List<?> bytes = (List<?>) weight;
        long transferred = ((Number) bytes.get(0)).longValue();
        Files.writeString(SHOTS.resolve("overview-weight.txt"), "创建总览: " + transferred / 1024 + " KB transferred, "
                + ((Number) bytes.get(1)).longValue() / 1024 + " KB decoded\n");
        assertTrue(transferred < 400 * 1024, "创建总览 stays light: " + transferred + " bytes");
        w.open("/web/indicators", "指标详情");
        w.shot("indicators");
        w.open("/web/review", "审核");
        w.shot("review");
        // a year in the address that is none shows the default year; an address that names no screen says so
        int defaultYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        w.open("/web/overview?year=abc", "创建总览 · 永川区（" + defaultYear + "年度）");
        w.driver.get(Suite.GATEWAY + "/web/no-such-screen");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertEquals("没有这个页面：地址有误或已不存在，请从菜单进入。", w.text("#problem"));
        w.refused("/web/workbench");
        w.refused("/web/expert");
        w.refused("/web/board");
    }

    /**
     * The workspace is Chinese for everyone, this browser too although it asks for en-US first; a user who picks
     * English with the header's switch gets the frame, the menu, the screens' own words, points and dates and the APIs'
     * answers (verdict reasons, explanations) in English, on that page and the next ones, until the switch goes back.
     */
    @Test
    void theWorkspaceSpeaksEnglishToAUserWhoPicksIt() throws IOException {
        int year = 2011;
        Workspace w = overviewOfAYearOfItsOwn(year, "English", By.id("confirmed-total"));
        assertEquals("zh-CN", w.lang());
        assertEquals("创建总览", w.text("#menu a[data-screen=overview]"));
        assertTrue(w.text("#confirmed-total").endsWith("分"), w.text("#confirmed-total"));
        assertTrue(HAN.matcher(w.text("#reasons")).find(), "the verdict's reasons in Chinese: " + w.text("#reasons"));

        w.driver.findElement(By.id("language")).click();
        w.wait.until(d -> "en".equals(w.lang()));
        assertEquals(Suite.GATEWAY + "/web/overview?year=" + year, w.driver.getCurrentUrl(), "back on the same page");
        w.shot("overview-en");
        assertEquals(List.of("Overview", "Indicators", "Review", "Messages"),
                w.driver.findElements(By.cssSelector("#menu a")).stream().map(WebElement::getText).toList());
        assertEquals("中文", w.text("#language"));
        assertTrue(w.text("#confirmed-total").endsWith(" pts"), w.text("#confirmed-total"));
        for (String part : List.of("#page-title", "#year-form", "#first-level thead", "#downloads", "#application")) {
            String text = w.text(part).replace("永川区", "");
            assertFalse(HAN.matcher(text).find(), part + " in English: " + text);
        }
        // the verdict's reasons as the API writes them in English (the first-level indicators keep their names)
        assertTrue(w.text("#reasons").startsWith("total ") && w.text("#reasons").contains("< 85"), w.text("#reasons"));

        // the choice holds on the next pages: an indicator's explanation, an error page and a refusal
        w.open("/web/indicators?year=" + year + "&indicator=1#i1", "");
        assertEquals("en", w.lang());
        String explanation = w.text("#i1 p.lines");
        assertFalse(explanation.isBlank() || HAN.matcher(explanation).find(), "the explanation in English: " + explanation);
        w.shot("indicators-en");
        w.driver.get(Suite.GATEWAY + "/web/no-such-screen");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertEquals("There is no such page: the address is wrong or no longer exists. Please start from the menu.",
                w.text("#problem"));
        w.driver.get(Suite.GATEWAY + "/web/workbench");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertEquals("Your role may not use this function.", w.text("#problem"));

        // the reviewer's other screens say their own words in English too
        for (String screen : List.of("/web/messages", "/web/review")) {
            w.open(screen, "");
            assertEquals("en", w.lang(), screen);
            assertFalse(HAN.matcher(w.text("#page-title")).find(), screen + " in English: " + w.text("#page-title"));
        }
        w.driver.findElement(By.id("language")).click();
        w.wait.until(d -> "zh-CN".equals(w.lang()));
        assertEquals(Suite.GATEWAY + "/web/review", w.driver.getCurrentUrl());
        assertEquals("审核", w.text("#menu a[data-screen=review]"));
        w.open("/web/overview?year=" + year, "创建总览");
        assertTrue(w.text("#confirmed-total").endsWith("分"), w.text("#confirmed-total"));

        // a link with ?lang=en opened in a browser not signed in: Keycloak's login page is English too
        ChromeDriver fresh = BROWSER.open();
        fresh.get(Suite.GATEWAY + "/web/overview?lang=en");
        new WebDriverWait(fresh, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(fresh.getCurrentUrl().contains("ui_locales=en"), fresh.getCurrentUrl());
        assertEquals("en", fresh.findElement(By.tagName("html")).getDomAttribute("lang"), "Keycloak's login page in English");
    }

    /**
     * A year of a busy creation has scorings by the dozen: the trend's axis labels (第N次 and a date) and every other
     * text of the overview's charts stay inside their charts. A trend of 80 scorings is put on the real page beside
     * the real ones and drawn by the page's own script.
     */
    @Test
    void theChartsKeepTheirTextsInsideHoweverManyScoringsTheYearHas() throws IOException {
        Workspace w = overviewOfAYearOfItsOwn(2006, "走势图", By.cssSelector(".chart[data-chart='trend'] svg"));
        Object drawn = w.driver.executeScript("""
                const labels = [], confirmed = [], projected = [];
                for (let i = 1; i <= 80; i++) {
                  labels.push('第' + (i * 3) + '次 2026年11月30日'); confirmed.push(i); projected.push(i + 2);
                }
                const real = document.querySelector('.chart[data-chart="trend"]');
                const chart = document.createElement('div');
                chart.className = real.className;
                chart.id = 'busy-trend';
                chart.dataset.chart = 'trend';
                const data = document.createElement('script');
                data.type = 'application/json';
                data.textContent = JSON.stringify({labels, confirmed, projected});
                chart.appendChild(data);
                real.parentNode.insertBefore(chart, real.nextSibling);
                document.dispatchEvent(new Event('htmx:afterSwap'));
                return chart.querySelectorAll('svg text').length;
                """);
        assertTrue(((Number) drawn).intValue() > 3, "the busy trend is drawn with its labels: " + drawn);
        w.shot("overview-busy-trend");
        Object outside = w.driver.executeScript("""
                const out = [];
                document.querySelectorAll('.chart').forEach(c => {
                  const box = c.getBoundingClientRect();
                  c.querySelectorAll('svg text').forEach(t => {
                    const r = t.getBoundingClientRect();
                    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1
                        || r.top < box.top - 1 || r.bottom > box.bottom + 1)) {
                      out.push((c.id || c.dataset.chart) + ': ' + t.textContent);
                    }
                  });
                });
                return out;
                """);
        assertEquals(List.of(), outside, "texts drawn outside their chart");
    }

    /**
     * 创建总览 offers the region-year's 评分表, 失分项清单, 自评报告 and 督查通报 as files, fetched with the user's own
     * rights: each link gives its workbook or document under its Chinese name; another region's is refused.
     */
    @Test
    void theOverviewOffersTheFourReportsOfItsRegionAndYear() throws IOException {
        int year = 2007;
        Workspace w = overviewOfAYearOfItsOwn(year, "下载", By.id("downloads"));
        w.shot("overview-downloads");
        // each link fetched as the browser would (the session's cookie): status, type, name and the file's first bytes
        Object fetched = w.driver.executeScript("""
                return Array.from(document.querySelectorAll('#downloads a')).map(a => {
                  const x = new XMLHttpRequest();
                  x.open('GET', a.href, false);
                  x.overrideMimeType('text/plain; charset=x-user-defined');
                  x.send();
                  return [a.textContent, String(x.status), x.getResponseHeader('Content-Type'),
                          decodeURIComponent((x.getResponseHeader('Content-Disposition') || '').split("UTF-8''")[1] || ''),
                          x.responseText.slice(0, 2)];
                });
                """);
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        List<?> files = (List<?>) fetched;
        assertEquals(4, files.size(), String.valueOf(files));
        String[][] expected = {{"评分表（Excel）", xlsx, "评分表-" + YC + "-" + year + "-"},
                {"失分项清单（Excel）", xlsx, "失分项-" + YC + "-" + year + ".xlsx"},
                {"自评报告初稿（Word）", docx, "自评报告-" + YC + "-" + year + "-"},
                {"督查通报（Excel）", xlsx, "督查通报-" + YC + "-" + year + ".xlsx"}};
        for (int i = 0; i < 4; i++) {
            List<?> file = (List<?>) files.get(i);
            assertEquals(expected[i][0], file.get(0));
            assertEquals("200", file.get(1), String.valueOf(file));
            assertTrue(String.valueOf(file.get(2)).startsWith(expected[i][1]), String.valueOf(file));
            assertTrue(String.valueOf(file.get(3)).startsWith(expected[i][2]), String.valueOf(file));
            assertEquals("PK", file.get(4), "an Office file is a zip: " + file);
        }
        w.refused("/web/reports/scorecard?region=140829&year=" + year);
    }

    @Test
    void theExpertHasOnlyExpertReviewAndGivesAVerdict() throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), "expert1");
        assertEquals(List.of("expert", "messages"), w.menu());
        w.refused("/web/overview");
        w.refused("/web/review");
        w.open("/web/expert?region=" + YC + "&year=" + YEAR, "专家评审");
        w.shot("expert");
        // the first item awaiting a verdict: a yes/no for an item, or points for a whole indicator
        WebElement row = w.driver.findElement(By.cssSelector("#awaiting tbody tr[data-indicator]"));
        String indicator = row.getDomAttribute("data-indicator");
        String item = row.getDomAttribute("data-item");
        long before = assessments(indicator);
        WebElement form = row.findElement(By.cssSelector("form.assess-form"));
        List<WebElement> yes = form.findElements(By.cssSelector("input[name=verdict][value=yes]"));
        if (yes.isEmpty()) {
            form.findElement(By.name("points")).sendKeys("1");
        } else {
            yes.get(0).click();
        }
        form.findElement(By.name("comment")).sendKeys("材料齐全，已落实（WorkspaceIT）");
        form.findElement(By.cssSelector("button.assess")).click();
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertEquals("评审意见已提交。", w.text("#notice"));
        w.shot("expert-after-verdict");
        assertEquals(before + 1, assessments(indicator), "one expert assessment stored for indicator " + indicator
                + (item.isEmpty() ? "" : " item " + item));
        assertTrue(w.text("#main").contains("材料齐全，已落实（WorkspaceIT）"), "the verdict is listed as given");
    }

    @Test
    void theProvinceSeesPingluOnItsBoardAndOpensItsOverview() throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), "sx-reader");
        assertEquals(List.of("board"), w.menu());
        w.open("/web/board", "省级看板");
        WebElement pinglu = w.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#board tr[data-region='140829']")));
        assertTrue(pinglu.getText().contains("平陆县"), pinglu.getText());
        assertTrue(w.driver.findElements(By.cssSelector(".chart svg")).size() == 1, "the board's chart is drawn");
        w.shot("board");
        pinglu.findElement(By.linkText("平陆县")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "创建总览 · 平陆县"));
        w.shot("board-pinglu-overview");
        // a year no test gives 平陆县 evidence for: the board says it is not scored yet, not that it failed
        w.open("/web/board?year=2000", "省级看板");
        String unscored = w.driver.findElement(By.cssSelector("#board tr[data-region='140829']")).getText();
        assertTrue(unscored.contains("尚未评分") && !unscored.contains("未达标"), unscored);
        w.refused("/web/overview?region=" + YC);
        w.refused("/web/workbench");
    }

    /**
     * 创建进度: 永川区's creation office sees every department's progress, sets indicator 35's 时间节点 and 责任人 in
     * the form (a date outside the creation's stage is refused in Chinese, naming why, and changes nothing), sends
     * the reminders now (the overdue indicator reaches its 消息) and adds a stage; a department's page lists what it must still deliver and takes a liaison.
     */
    @Test
    void theCreationOfficeSetsADueDateAndAResponsiblePersonAndSendsTheReminders() throws IOException {
        String office = Tokens.user("yc-office");
        // the one stage MalformedInputIT gives 永川区 too, whichever runs first
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(List.of(Map.of("code", "push", "name", "全面推进", "startsOn", "2026-01-01", "endsOn", "2026-12-31")))
                .put(API + "/regions/" + YC + "/stages").then().statusCode(200);
        Workspace w = Workspace.login(BROWSER.open(), "yc-office");
        assertEquals(List.of("overview", "indicators", "campaign", "applications", "messages"), w.menu());
        w.open("/web/campaign?year=" + YEAR, "创建进度");
        assertFalse(w.driver.findElements(By.cssSelector("#departments tbody tr")).isEmpty(), "every department's progress");
        assertTrue(w.text("#stages").contains("全面推进（2026年1月1日—2026年12月31日）"), w.text("#stages"));
        w.shot("campaign");
        String before = given().auth().oauth2(office).get(API + "/regions/" + YC + "/campaign").asString();

        schedule(w, "2027-03-01", "");
        assertTrue(w.text("#error").startsWith("未能保存指标35的时间节点：")
                && w.text("#error").contains("时间节点 2027-03-01 不在阶段“全面推进”（2026-01-01 至 2026-12-31）内")
                && !w.text("#error").contains("the due date"), w.text("#error"));
        assertEquals(before, given().auth().oauth2(office).get(API + "/regions/" + YC + "/campaign").asString(),
                "a refused schedule changes nothing");

        schedule(w, "2026-06-30", "王静");
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已保存指标35的时间节点和责任人。"));
        String row = w.text("#i35");
        assertTrue(row.contains("2026年6月30日") && row.contains("全面推进") && row.contains("王静（023-49880003）"), row);
        w.shot("campaign-scheduled");
        JsonPath campaign = given().auth().oauth2(office).get(API + "/regions/" + YC + "/campaign").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("2026-06-30", campaign.getString("schedules.find { it.indicator == '35' && it.item == null }.dueDate"));
        assertEquals("王静", campaign.getString("schedules.find { it.indicator == '35' && it.item == null }.persons[0].name"));

        // once the progress board has the new date (its event has arrived), it is overdue, and the reminders say so
        WalkingSkeletonIT.await(() -> {
            w.driver.get(Suite.GATEWAY + "/web/campaign?year=" + YEAR);
            return w.text("#i35").contains("已逾期") ? true : null;
        });
        w.driver.findElement(By.id("send-reminders")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "催办提醒"));
        w.open("/web/messages", "消息");
        WebElement reminder = w.driver.findElement(By.xpath("//table[@id='messages']//tr[contains(., '指标35“')"
                + " and contains(., '已逾期，时间节点 2026-06-30')]"));
        assertTrue(reminder.getText().contains("逾期") && !reminder.getText().contains("indicator"), reminder.getText());
        String message = reminder.getDomAttribute("data-id");
        reminder.findElement(By.cssSelector("button.mark-read")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已标为已读。"));
        assertTrue(w.text("#messages tr[data-id='" + message + "']").contains("已读"), "marked read");
        w.shot("messages");
        w.open("/web/campaign?year=" + YEAR, "创建进度");

        // a second stage, in the form's first blank row: it gets a code of its own
        w.driver.findElement(By.cssSelector("#stages-edit summary")).click();
        List<WebElement> names = w.driver.findElements(By.cssSelector("#stages-form input[name=name]"));
        names.get(1).sendKeys("申报验收");
        w.driver.executeScript("arguments[0].value = '2027-01-01'; arguments[1].value = '2027-06-30'",
                w.driver.findElements(By.cssSelector("#stages-form input[name=startsOn]")).get(1),
                w.driver.findElements(By.cssSelector("#stages-form input[name=endsOn]")).get(1));
        w.driver.findElement(By.id("save-stages")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已保存创建阶段。"));
        assertTrue(w.text("#stages").contains("全面推进（2026年1月1日—2026年12月31日）；申报验收（2027年1月1日—2027年6月30日）"),
                w.text("#stages"));
        assertEquals(List.of("push", "stage-1"), given().auth().oauth2(office).get(API + "/regions/" + YC + "/stages")
                .then().statusCode(200).extract().jsonPath().getList("code"));
        // a plan task's target: one that is no number is refused, naming the task and the field, and stores nothing;
        // then saved, and shown with where it stands (the persons the task had stay)
        String task = w.driver.findElement(By.cssSelector("#tasks tbody tr")).getDomAttribute("data-task");
        String number = task.substring(task.indexOf('-') + 1);
        JsonPath stored = plan(office, task);
        saveTask(w, task, "2", "很多", "家");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("任务" + number + "的目标值须为数字，例如 5 或 2.5。", w.text("#error"));
        assertEquals(stored.getString("targetValue"), plan(office, task).getString("targetValue"), "nothing stored");
        saveTask(w, task, "2", "5", "家");
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已保存任务" + number + "的时间节点和目标。"));
        assertEquals("2 / 5 家", w.text("#task-" + task + " .target"));
        w.shot("campaign-task");
        JsonPath after = plan(office, task);
        assertEquals(5.0, after.getDouble("targetValue"));
        assertEquals(2.0, after.getDouble("currentValue"));
        assertEquals(stored.getList("persons"), after.getList("persons"), "its responsible persons stay");

        // the leadership group: a row with a position but no name is refused, naming the row, and stores nothing;
        // a deputy head added in the first blank row is listed, and reaches the API
        w.driver.findElement(By.id("leadership-link")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "领导小组"));
        List<?> members = leadership(office);
        int blank = members.size();
        fillMember(w, blank, "", "区商务委副主任");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("第" + (blank + 1) + "行有职务或单位，但没有姓名。", w.text("#error"));
        assertEquals(members, leadership(office), "nothing stored");
        fillMember(w, blank, "吴刚", "区商务委副主任");
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已保存领导小组。"));
        assertTrue(w.text("#members").contains("副组长 吴刚 区商务委副主任"), w.text("#members"));
        w.shot("campaign-leadership");
        assertEquals(blank + 1, leadership(office).size());
        w.open("/web/campaign?year=" + YEAR, "创建进度");

        // a department's page: what it must still deliver, and a liaison added in its form
        WebElement first = w.driver.findElement(By.cssSelector("#departments tbody tr"));
        String department = first.getDomAttribute("data-department");
        String name = first.findElement(By.tagName("a")).getText();
        first.findElement(By.tagName("a")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "创建进度 · " + name));
        // the form is open while the department has no liaison, folded under 修改联络员 otherwise
        w.driver.executeScript("document.getElementById('liaisons-edit').open = true");
        List<WebElement> liaisons = w.driver.findElements(By.cssSelector("#liaisons-form input[name=name]"));
        liaisons.get(liaisons.size() - 1).sendKeys("周敏");
        List<WebElement> phones = w.driver.findElements(By.cssSelector("#liaisons-form input[name=phone]"));
        phones.get(phones.size() - 1).sendKeys("023-49881111");
        w.driver.findElement(By.id("save-liaisons")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已保存联络员。"));
        assertTrue(w.text("#liaisons").contains("周敏 · 023-49881111"), w.text("#liaisons"));
        w.shot("campaign-department");
        assertTrue(given().auth().oauth2(office).get(API + "/regions/" + YC + "/departments/" + department + "/liaisons")
                .then().statusCode(200).extract().jsonPath().getList("name").contains("周敏"));
    }

    /** Indicator 35's form on 创建进度: the due date in stage push, the first unit's person (none when blank). */
    static void schedule(Workspace w, String due, String person) {
        w.driver.findElement(By.cssSelector("#i35 summary")).click();
        WebElement form = w.driver.findElement(By.cssSelector("#i35 form.schedule-form"));
        w.driver.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("dueDate")), due);
        new Select(form.findElement(By.name("stage"))).selectByValue("push");
        WebElement name = form.findElements(By.name("person")).get(0);
        name.clear();
        name.sendKeys(person);
        WebElement phone = form.findElements(By.name("phone")).get(0);
        phone.clear();
        phone.sendKeys(person.isEmpty() ? "" : "023-49880003");
        form.findElement(By.cssSelector("button.accept")).click();
        w.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("notice")),
                ExpectedConditions.visibilityOfElementLocated(By.id("error"))));
    }

    /**
     * 申报 and 申报审核, each step by its own user in the browser: 平陆县's creation office applies for a year of its
     * own and is refused in Chinese while the score does not pass; it applies for review anyway with a reason; 运城市
     * finds the application in 申报审核 and returns it; the office applies again; the city and 山西省 recommend it and
     * the nation names it. The office then sees each decision, who took it and why in 办理经过.
     */
    /** A task of 永川区's plan as indicator-service holds it (TASK-1, MEASURE-2). */
    static JsonPath plan(String token, String task) {
        String kind = task.substring(0, task.indexOf('-'));
        int number = Integer.parseInt(task.substring(task.indexOf('-') + 1));
        JsonPath campaign = given().auth().oauth2(token).get(API + "/regions/" + YC + "/campaign").then().statusCode(200)
                .extract().jsonPath();
        return new JsonPath(campaign.prettify()).setRootPath("tasks.find { it.kind == '" + kind + "' && it.number == "
                + number + " }");
    }

    /** The members of 永川区's leadership group (none while it has no group). */
    static List<?> leadership(String token) {
        Response group = given().auth().oauth2(token).get(API + "/regions/" + YC + "/leadership-group");
        assertTrue(group.statusCode() == 200 || group.statusCode() == 404, group.asString());
        return group.statusCode() == 404 ? List.of() : group.jsonPath().getList("members");
    }

    /** 领导小组's form: a 副组长 with this name and position in row {@code row}, the list titled if it has no title; saved. */
    static void fillMember(Workspace w, int row, String person, String position) {
        w.driver.executeScript("document.getElementById('leadership-edit').open = true;"
                + "const title = document.getElementById('group-title-input');"
                + "if (!title.value) title.value = '永川区创建工作领导小组名单';"
                + "document.querySelectorAll('#leadership-form select[name=role]')[arguments[0]].value = '副组长';"
                + "document.querySelectorAll('#leadership-form input[name=person]')[arguments[0]].value = arguments[1];"
                + "document.querySelectorAll('#leadership-form input[name=position]')[arguments[0]].value = arguments[2];",
                row, person, position);
        w.driver.findElement(By.id("save-leadership")).click();
    }

    /** 实施方案任务's form of one task: its current value, target and unit, saved. */
    static void saveTask(Workspace w, String task, String current, String target, String unit) {
        WebElement row = w.driver.findElement(By.id("task-" + task));
        row.findElement(By.tagName("summary")).click();
        w.driver.executeScript("arguments[0].value = arguments[3]; arguments[1].value = arguments[4]; "
                + "arguments[2].value = arguments[5]",
                row.findElement(By.name("currentValue")), row.findElement(By.name("targetValue")),
                row.findElement(By.name("targetUnit")), current, target, unit);
        row.findElement(By.cssSelector("form.task-form button")).click();
    }

    @Test
    void anApplicationGoesFromTheCountyThroughTheCityAndTheProvinceToTheNation() throws IOException {
        int year = 2001;
        Response figure = given().auth().oauth2(Tokens.user("pl-market")).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", year, "value", 1234,
                        "source", "平陆县市场监管局（WorkspaceIT 申报）"))
                .post(API + "/regions/" + PL + "/observations");
        assertEquals(201, figure.statusCode(), figure.asString());
        Workspace office = Workspace.login(BROWSER.open(), "pl-office");
        assertEquals(List.of("overview", "indicators", "campaign", "applications", "messages"), office.menu());
        WalkingSkeletonIT.await(() -> {
            office.driver.get(Suite.GATEWAY + "/web/applications?year=" + year);
            return office.driver.findElements(By.id("apply-form")).isEmpty() ? null : true;
        });
        assertEquals("平陆县尚未申报" + year + "年度。", office.text("#no-application"));
        office.shot("applications-none");
        // the score does not pass: without "仍申请评审" the API refuses, in Chinese, and nothing is stored
        office.driver.findElement(By.id("apply")).click();
        office.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(office.text("#error").startsWith("未能申报：") && office.text("#error").contains("未达到合格标准"),
                office.text("#error"));
        assertEquals(List.of(), applications(year).getList("$"));
        office.driver.findElement(By.id("anyway")).click();
        office.driver.findElement(By.id("apply-reason")).sendKeys("部分指标数据待补充，先行申请评估指导（WorkspaceIT）");
        office.driver.findElement(By.id("apply")).click();
        office.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已申报"));
        assertEquals("已申报", office.text("#state"));
        assertEquals("等待市级（运城市）决定。", office.text("#waiting"));
        office.shot("applications-submitted");

        decide("yuncheng-city", year, "RETURNED", "请补充指标9的年报数据（WorkspaceIT）", "已退回");
        office.driver.get(Suite.GATEWAY + "/web/applications?year=" + year);
        assertEquals("已退回", office.text("#state"));
        assertTrue(office.text("#history").contains("请补充指标9的年报数据（WorkspaceIT）"), office.text("#history"));
        office.driver.findElement(By.id("anyway")).click();
        office.driver.findElement(By.id("apply-reason")).sendKeys("已补充年报数据，重新申报（WorkspaceIT）");
        office.driver.findElement(By.id("apply")).click();
        office.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已申报"));

        decide("yuncheng-city", year, "RECOMMENDED_BY_CITY", "材料齐全，同意推荐（WorkspaceIT）", "市级已推荐");
        decide("sx-province", year, "RECOMMENDED_BY_PROVINCE", "经省级评估，同意推荐（WorkspaceIT）", "省级已推荐");
        decide("national", year, "NAMED", "经审核，命名为示范区（WorkspaceIT）", "已命名");

        office.driver.get(Suite.GATEWAY + "/web/applications?year=" + year);
        assertEquals("已命名", office.text("#state"));
        assertTrue(office.driver.findElements(By.id("apply-form")).isEmpty(), "a named application is not applied for again");
        List<String> steps = office.driver.findElements(By.cssSelector("#history tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(6, steps.size(), String.valueOf(steps));
        assertTrue(steps.get(5).contains("国家") && steps.get(5).contains("national") && steps.get(5).contains("已命名")
                && steps.get(5).contains("经审核，命名为示范区（WorkspaceIT）"), steps.get(5));
        office.shot("applications-named");
        office.open("/web/overview?year=" + year, "创建总览");
        assertEquals("申报：已命名（查看办理经过）", office.text("#application"));
        office.open("/web/messages", "消息");
        assertTrue(office.text("#messages").contains("平陆县" + year + "年度申报：国家（CN）决定“已命名”，理由：经审核，命名为示范区（WorkspaceIT）"),
                office.text("#messages"));
        assertEquals("NAMED", applications(year).getString("[0].state"));
        assertEquals(List.of("pl-office", "yuncheng-city", "pl-office", "yuncheng-city", "sx-province", "national"),
                applications(year).getList("[0].history.decidedBy"));
    }

    /**
     * An authority finds 平陆县's application of the year in 申报审核, opens it and decides with a reason; the
     * application then shows its new state, and it has left the authority's list.
     */
    static void decide(String user, int year, String to, String reason, String state) throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), user);
        assertEquals(List.of("board", "decisions", "messages"), w.menu());
        // its 消息 says the application waits for it
        w.open("/web/messages", "消息");
        assertTrue(w.text("#messages").contains("平陆县" + year + "年度申报（"), w.text("#messages"));
        // its board says that applications wait for it, and leads to 申报审核
        w.open("/web/board", "省级看板");
        assertTrue(w.text("#awaiting-decisions").contains("份申报等待本级决定"), w.text("#awaiting-decisions"));
        w.driver.findElement(By.cssSelector("#awaiting-decisions a")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "申报审核"));
        By row = By.cssSelector("#awaiting tr[data-region='" + PL + "'][data-year='" + year + "']");
        w.shot("decisions-" + to);
        w.driver.findElement(row).findElement(By.tagName("a")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "申报 · 平陆县"));
        w.driver.findElement(By.id("reason")).sendKeys(reason);
        w.driver.findElement(By.cssSelector("#decide-form button[value='" + to + "']")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已决定：" + state));
        assertEquals(state, w.text("#state"));
        assertTrue(w.text("#history").contains(reason), w.text("#history"));
        w.shot("decided-" + to);
        w.open("/web/decisions", "申报审核");
        assertTrue(w.driver.findElements(row).isEmpty(), user + " has decided: the application left its list");
    }

    static JsonPath applications(int year) {
        return given().auth().oauth2(Tokens.user("sx-reader")).get(API + "/regions/" + PL + "/applications?year=" + year)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCatalogueAdminComparesVersionsIsAskedBeforeRetiringAndLogsOut() throws IOException {
        Workspace w = Workspace.login(BROWSER.open(), "admin");
        assertEquals(List.of("board", "catalogue"), w.menu());
        // versions in the address that are not numbers: the list without a comparison, not the 404 page
        w.open("/web/catalogue?from=abc&to=1.5", "指标体系");
        assertTrue(w.driver.findElements(By.id("diff")).isEmpty() && w.driver.findElements(By.id("no-diff")).isEmpty()
                && w.driver.findElements(By.id("error")).isEmpty(),
                "no comparison, no error");
        w.open("/web/catalogue", "指标体系");
        WebElement published = w.driver.findElement(By.xpath("//table[@id='versions']//tr[.//td[text()='已发布']]"));
        String version = published.getDomAttribute("data-version");
        w.shot("catalogue");
        new Select(w.driver.findElement(By.id("from"))).selectByValue(version);
        new Select(w.driver.findElement(By.id("to"))).selectByValue(version);
        w.driver.findElement(By.cssSelector("#diff-form button")).click();
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-diff")));
        // 停用 asks first; cancelling leaves the version in force
        w.driver.findElement(By.xpath("//tr[@data-version='" + version + "']//button[text()='停用']")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "确认停用第" + version + "版指标体系"));
        w.shot("catalogue-confirm-retire");
        w.driver.findElement(By.linkText("取消")).click();
        w.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "指标体系"));
        assertEquals("PUBLISHED", given().auth().oauth2(Tokens.user("admin")).get(API + "/systems")
                .then().statusCode(200).extract().jsonPath().getString("find { it.version == " + version + " }.status"));
        // logout ends the session at Keycloak too: the workspace asks for a login again
        w.driver.findElement(By.id("logout")).click();
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        w.shot("signed-out");
        w.driver.get(Suite.GATEWAY + "/");
        w.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(w.driver.getCurrentUrl().startsWith(Suite.KEYCLOAK + "/realms/nmsdz/"), w.driver.getCurrentUrl());
    }

    /**
     * yc-market reports the number of online traders in business for two years or more (indicator 9's numerator, a
     * figure its department is responsible for) through the form; yc-reviewer accepts it in 审核; 创建总览 then shows
     * the confirmed total the scoring API's simulation of exactly that figure gives, and it moved.
     */
    @Test
    void aFigureSubmittedInTheFormAndAcceptedInReviewMovesTheTotalByWhatTheRuleGives() throws IOException {
        String submitter = Tokens.user("yc-market");
        String reviewer = Tokens.user("yc-reviewer");
        // the denominator of indicator 9 for the year, submitted and accepted through the API
        Response operators = given().auth().oauth2(submitter).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", YEAR, "value", 1000, "source", "永川区市场监管局（WorkspaceIT）"))
                .post(API + "/regions/" + YC + "/observations");
        assertEquals(201, operators.statusCode(), operators.asString());
        String id = operators.jsonPath().getString("[0].id") != null ? operators.jsonPath().getString("[0].id")
                : operators.jsonPath().getString("id");
        long denominatorAccepted = given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post(API + "/evidence/" + id + "/review").then().statusCode(200).extract().jsonPath().getLong("position");
        // the snapshot that has read the acceptance
        JsonPath before = WalkingSkeletonIT.await(() -> {
            Response latest = given().auth().oauth2(reviewer).get(API + "/regions/" + YC + "/scores/latest?year=" + YEAR);
            return latest.statusCode() == 200 && latest.jsonPath().getLong("evidencePosition") >= denominatorAccepted
                    ? latest.jsonPath() : null;
        });
        BigDecimal beforeTotal = new BigDecimal(before.getString("confirmed.total"));
        BigDecimal indicator9 = new BigDecimal(before.getString("confirmed.indicators.find { it.code == '9' }.points"));
        // a ratio in the band that gives other points than indicator 9 has now (≥ 50 %: 2 points, 30–50 %: 1 point)
        int figure = indicator9.compareTo(new BigDecimal(2)) == 0 ? 400 : 600;
        BigDecimal expected = new BigDecimal(given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body(Map.of("year", YEAR, "observations", List.of(Map.of("metric", "online_operators_2y", "year", YEAR,
                        "value", figure))))
                .post(API + "/regions/" + YC + "/scores/simulate").then().statusCode(200)
                .extract().jsonPath().getString("confirmed.total"));
        assertNotEquals(0, expected.compareTo(beforeTotal), "the figure changes the total: " + beforeTotal + " → " + expected);

        // 部门工作台: the form, as a person fills it
        Workspace clerk = Workspace.login(BROWSER.open(), "yc-market");
        clerk.open("/web/workbench", "部门工作台");
        WebElement form = clerk.driver.findElement(By.id("figure-form"));
        Select metric = new Select(form.findElement(By.id("metric")));
        metric.selectByValue("online_operators_2y");
        assertTrue(metric.getFirstSelectedOption().getText().contains("（家）")
                || metric.getFirstSelectedOption().getText().contains("（"), "the metric with its unit: "
                + metric.getFirstSelectedOption().getText());
        WebElement year = form.findElement(By.id("figure-year"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        form.findElement(By.id("value")).sendKeys(String.valueOf(figure));
        form.findElement(By.id("source")).sendKeys("永川区市场监管局 经营主体年报（WorkspaceIT）");
        clerk.shot("workbench-form-filled");
        form.findElement(By.id("submit-figure")).click();
        clerk.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已提交"));
        WebElement mine = clerk.driver.findElement(By.xpath(
                "//table[contains(@class,'evidence')]//tr[contains(., '" + YEAR + "年') and contains(., '经营主体年报（WorkspaceIT）')]"));
        assertTrue(mine.getText().contains("已提交"), mine.getText());
        clerk.shot("workbench-submitted");
        String submitted = mine.getDomAttribute("data-id");

        // 审核: the reviewer accepts exactly that figure
        Workspace review = Workspace.login(BROWSER.open(), "yc-reviewer");
        review.open("/web/review", "审核");
        WebElement row = review.driver.findElement(By.cssSelector("#queue tr[data-id='" + submitted + "']"));
        review.shot("review-queue");
        row.findElement(By.cssSelector("button.accept")).click();
        review.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已采纳"));
        assertTrue(review.driver.findElements(By.cssSelector("#queue tr[data-id='" + submitted + "']")).isEmpty(),
                "the accepted figure left the queue");
        assertEquals("ACCEPTED", given().auth().oauth2(reviewer).get(API + "/evidence/" + submitted)
                .then().statusCode(200).extract().jsonPath().getString("state"));

        // 创建总览: the new snapshot's total is the simulated one
        String shown = points(expected);
        String total = WalkingSkeletonIT.await(() -> {
            review.driver.get(Suite.GATEWAY + "/web/overview?year=" + YEAR);
            List<WebElement> t = review.driver.findElements(By.id("confirmed-total"));
            return !t.isEmpty() && t.get(0).getText().equals(shown) ? t.get(0).getText() : null;
        });
        assertEquals(shown, total, "创建总览 moved from " + points(beforeTotal) + " by what indicator 9's rule gives");
        assertTrue(review.driver.findElements(By.cssSelector(".chart svg")).size() == 2, "both charts are drawn");
        review.shot("overview-after-accept");

        // the clerk sees the figure accepted
        clerk.driver.navigate().refresh();
        WebElement accepted = clerk.driver.findElement(By.cssSelector("table.evidence tr[data-id='" + submitted + "']"));
        assertTrue(accepted.getText().contains("已采纳"), accepted.getText());
        clerk.shot("workbench-accepted");
    }

    /** A figure rejected in 审核 with a reason shows in the submitter's list as 已退回 with that reason. */
    @Test
    void aRejectionAndItsReasonReachTheSubmitter() throws IOException {
        Response figure = given().auth().oauth2(Tokens.user("yc-market")).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", YEAR - 1, "value", 987,
                        "source", "永川区市场监管局（WorkspaceIT 退回）"))
                .post(API + "/regions/" + YC + "/observations");
        assertEquals(201, figure.statusCode(), figure.asString());
        String id = figure.jsonPath().getString("[0].id") != null ? figure.jsonPath().getString("[0].id")
                : figure.jsonPath().getString("id");
        Workspace review = Workspace.login(BROWSER.open(), "yc-reviewer");
        review.open("/web/review", "审核");
        WebElement row = review.driver.findElement(By.cssSelector("#queue tr[data-id='" + id + "']"));
        row.findElement(By.cssSelector("input[name=reason]")).sendKeys("与年报数值不符，请核对");
        row.findElement(By.cssSelector("button.reject")).click();
        review.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已退回"));
        review.shot("review-rejected");
        assertEquals("REJECTED", given().auth().oauth2(Tokens.user("yc-reviewer")).get(API + "/evidence/" + id)
                .then().statusCode(200).extract().jsonPath().getString("state"));

        Workspace clerk = Workspace.login(BROWSER.open(), "yc-market");
        clerk.open("/web/workbench", "部门工作台");
        WebElement mine = clerk.driver.findElement(By.cssSelector("table.evidence tr[data-id='" + id + "']"));
        assertTrue(mine.getText().contains("已退回") && mine.getText().contains("与年报数值不符，请核对"), mine.getText());
        clerk.shot("workbench-rejected");
    }

    /**
     * yc-reviewer on 永川区's 创建总览 of {@code year}, once a figure yc-market submits for that year is scored and the
     * page shows {@code until}. Each test takes a year of its own, so no other test's total reads its figure.
     */
    static Workspace overviewOfAYearOfItsOwn(int year, String test, By until) throws IOException {
        Response figure = given().auth().oauth2(Tokens.user("yc-market")).contentType(ContentType.JSON)
                .body(Map.of("metric", "online_operators", "year", year, "value", 1000 + year,
                        "source", "永川区市场监管局（WorkspaceIT " + test + "）"))
                .post(API + "/regions/" + YC + "/observations");
        assertEquals(201, figure.statusCode(), figure.asString());
        Workspace w = Workspace.login(BROWSER.open(), "yc-reviewer");
        WalkingSkeletonIT.await(() -> {
            w.driver.get(Suite.GATEWAY + "/web/overview?year=" + year);
            return w.driver.findElements(until).isEmpty() ? null : true;
        });
        return w;
    }

    /** 85.8分: how the workspace writes points. */
    static String points(BigDecimal total) {
        return total.setScale(1, RoundingMode.HALF_UP).toPlainString() + "分";
    }

    static long assessments(String indicator) {
        return given().auth().oauth2(Tokens.user("expert1"))
                .get(API + "/regions/" + YC + "/evidence?kind=ASSESSMENT&year=" + YEAR + "&indicator=" + indicator + "&size=500")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    /** The workspace in one browser, logged in as one user. */
    static final class Workspace {
        final ChromeDriver driver;
        final WebDriverWait wait;
        final String user;

        private Workspace(ChromeDriver driver, String user) {
            this.driver = driver;
            this.user = user;
            this.wait = new WebDriverWait(driver, WAIT);
        }

        /** The gateway's / → Keycloak's login page (PKCE, client nmsdz-web, in Chinese) → the workspace. */
        static Workspace login(ChromeDriver driver, String user) throws IOException {
            Workspace w = new Workspace(driver, user);
            driver.get(Suite.GATEWAY + "/");
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            String url = driver.getCurrentUrl();
            assertTrue(url.startsWith(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/auth"), url);
            assertTrue(url.contains("client_id=nmsdz-web") && url.contains("code_challenge_method=S256")
                    && url.contains("response_type=code"), "authorization code + PKCE of nmsdz-web: " + url);
            assertEquals("zh-CN", driver.findElement(By.tagName("html")).getDomAttribute("lang"),
                    "Keycloak's login page in Chinese");
            w.shot("login");
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.id("kc-login")).click();
            w.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
            assertTrue(driver.getCurrentUrl().startsWith(Suite.GATEWAY + "/web/"), driver.getCurrentUrl());
            // the tokens stay on the server: the browser holds only the session cookies, which scripts cannot read
            Object cookies = driver.executeScript("return document.cookie");
            assertEquals("", cookies, "no cookie readable by page scripts");
            assertFalse(driver.getPageSource().contains("eyJ"), "no token in the page");
            return w;
        }

        /** The screens the menu offers, in order (their data-screen keys). */
        List<String> menu() {
            return driver.findElements(By.cssSelector("#menu a")).stream().map(a -> a.getDomAttribute("data-screen")).toList();
        }

        void open(String path, String title) {
            driver.get(Suite.GATEWAY + path);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), title));
            assertTrue(driver.findElements(By.id("problem")).isEmpty(), "no error page: " + text("#main"));
        }

        /** A screen not in the user's menu, typed in: a page in Chinese that says no. */
        void refused(String path) {
            driver.get(Suite.GATEWAY + path);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
            assertEquals("您的角色不能使用此功能。", text("#problem"), path);
        }

        String text(String css) {
            return driver.findElement(By.cssSelector(css)).getText();
        }

        /** The page's language (the html element's lang). */
        String lang() {
            return driver.findElement(By.tagName("html")).getDomAttribute("lang");
        }

        /** A screenshot of what the browser shows, kept under target/browser/workspace/. */
        void shot(String name) throws IOException {
            Files.createDirectories(SHOTS);
            Path png = SHOTS.resolve(user + "-" + name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SHOTS.resolve(user + "-" + name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        }
    }
}
