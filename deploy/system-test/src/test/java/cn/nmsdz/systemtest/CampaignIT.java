package cn.nmsdz.systemtest;

import static cn.nmsdz.systemtest.WalkingSkeletonIT.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A creation week in 平陆县 (issue #13), through the gateway with real tokens: the creation office (pl-office) sets the
 * creation's stages, due dates and responsible persons; the market regulator (pl-market) submits evidence for two of its
 * indicators (24, 25) and misses the deadline of a third (26); the reviewer rejects one submission (25). The board and
 * the department's own list show exactly that; the overdue item notifies pl-market's inbox and is delivered, signed, to
 * a webhook receiver this test runs, also after the receiver was down; the 督查通报 opens with Apache POI, worst first.
 * Indicators 24–26 belong to 县市场监督管理局 alone and no other test submits evidence for them in 平陆县.
 */
@ExtendWith(Suite.class)
class CampaignIT {
    static final String API = Suite.GATEWAY + "/api/v1";
    static final String PL = "140829";
    static final String MARKET = "140829-market-supervision";
    static final String SECRET = "campaign-it-secret-" + UUID.randomUUID();

    /** A webhook receiver on a fixed local port, stopped and started again by the test. */
    static final class Receiver {
        final int port;
        /** this run's path: a subscription of an earlier run on the same suite may call the same port */
        final String path = "/hook/" + UUID.randomUUID();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer server;

        Receiver(int port) {
            this.port = port;
        }

        void start() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean ours = exchange.getRequestURI().getPath().equals(path);
                if (ours) {
                    bodies.add(new String(body, StandardCharsets.UTF_8));
                    signatures.add(exchange.getRequestHeaders().getFirst("X-NMSDZ-Signature"));
                }
                byte[] answer = (ours ? "ok" : "not here").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(ours ? 200 : 404, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            server.stop(0);
        }
    }

    @Test
    void aCreationWeekInPinglu() throws Exception {
        String office = Tokens.user("pl-office");
        String clerk = Tokens.user("pl-market");
        String reviewer = Tokens.user("pl-reviewer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear();
        // a different past due date per run, so a rerun on the same suite is reminded anew
        LocalDate missed = today.minusDays(1 + (System.nanoTime() & 63));
        LocalDate later = today.plusDays(30);

        // Monday: the office sets the creation's stages and, for its decomposition, due dates and responsible persons
        given().auth().oauth2(office).contentType(ContentType.JSON).body(List.of(
                        Map.of("code", "launch", "name", "启动部署", "startsOn", today.minusDays(200).toString(),
                                "endsOn", today.minusDays(101).toString()),
                        Map.of("code", "push", "name", "全面推进", "startsOn", today.minusDays(100).toString(),
                                "endsOn", today.plusDays(100).toString())))
                .put(API + "/regions/" + PL + "/stages").then().statusCode(200).body("code", equalTo(List.of("launch", "push")));
        schedule(office, "24", later, "李明", "0359-3522124").then().statusCode(200)
                .body("dueDate", equalTo(later.toString())).body("persons[0].name", equalTo("李明"));
        schedule(office, "25", later, "李明", "0359-3522124").then().statusCode(200);
        // a person's name starting with '=' must stay text in the 督查通报
        schedule(office, "26", missed, "=HYPERLINK(\"http://x\")王芳", "0359-3522126").then().statusCode(200);
        // a due date outside the creation's stages is refused, naming the field; nothing changes
        schedule(office, "26", today.plusDays(400), "王芳", null).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("/dueDate"));
        given().auth().oauth2(office).get(API + "/regions/" + PL + "/organisation/history?subject=schedule 26&limit=1")
                .then().statusCode(200).body("[0].actor", equalTo("pl-office"))
                .body("[0].after", org.hamcrest.Matchers.containsString(missed.toString()));
        // the 永川 office changes nothing in 平陆
        schedule(Tokens.user("yc-office"), "26", later, "赵六", null).then().statusCode(403);
        given().auth().oauth2(office).get(API + "/regions/" + PL + "/campaign").then().statusCode(200)
                .body("schedules.find { it.indicator == '26' }.dueDate", equalTo(missed.toString()));

        // a plan task with a number in its text gets its target; the market regulator's liaison; the group's office
        given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("dueDate", later.toString(), "stage", "push",
                        "targetValue", 5, "targetUnit", "家", "currentValue", 2))
                .put(API + "/regions/" + PL + "/plan/tasks/1").then().statusCode(200).body("targetValue", equalTo(5));
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(List.of(Map.of("name", "赵敏", "phone", "0359-3522100", "contact", "13800000000")))
                .put(API + "/regions/" + PL + "/departments/" + MARKET + "/liaisons").then().statusCode(200);
        given().auth().oauth2(clerk).get(API + "/regions/" + PL + "/departments/" + MARKET + "/liaisons").then().statusCode(200)
                .body("[0].name", equalTo("赵敏"));
        Map<String, Object> group = given().auth().oauth2(office).get(API + "/regions/" + PL + "/leadership-group")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(office).contentType(ContentType.JSON).body(group).put(API + "/regions/" + PL + "/leadership-group")
                .then().statusCode(200).body("title", equalTo(group.get("title")));

        // the OA system of 平陆 subscribes to overdue items and rejections
        Receiver receiver;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            receiver = new Receiver(probe.getLocalPort());
        }
        receiver.start();
        String subscription = given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.port + receiver.path,
                        "eventTypes", List.of("cn.nmsdz.campaign.item-overdue.v1", "cn.nmsdz.campaign.evidence-rejected.v1"),
                        "region", PL, "secret", SECRET))
                .post(API + "/webhooks").then().statusCode(201).body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .extract().path("id");
        given().auth().oauth2(office).get(API + "/webhooks").then().statusCode(200)
                .body("find { it.id == '" + subscription + "' }.url", startsWith("http://127.0.0.1:"))
                .body("find { it.id == '" + subscription + "' }", not(org.hamcrest.Matchers.hasKey("secret")));

        // Wednesday: the market regulator submits evidence for 24 and 25; the reviewer rejects 25 (counted from what the
        // board said before, so a rerun on the same suite checks the same)
        JsonPath before = given().auth().oauth2(office).get(API + "/regions/" + PL + "/progress?year=" + year)
                .then().statusCode(200).extract().jsonPath();
        int submitted24 = before.getInt("indicators.find { it.code == '24' }.submitted");
        int rejected25 = before.getInt("indicators.find { it.code == '25' }.rejected");
        String doc24 = document(clerk, "24");
        String doc25 = document(clerk, "25");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "材料不全"))
                .post(API + "/evidence/" + doc25 + "/review").then().statusCode(200).body("state", equalTo("REJECTED"));

        // the board shows exactly that
        JsonPath board = await(() -> {
            JsonPath b = given().auth().oauth2(office).get(API + "/regions/" + PL + "/progress?year=" + year)
                    .then().statusCode(200).extract().jsonPath();
            return "NO_EVIDENCE".equals(b.getString("indicators.find { it.code == '25' }.status"))
                    && b.getInt("indicators.find { it.code == '25' }.rejected") == rejected25 + 1
                    && b.getInt("indicators.find { it.code == '24' }.submitted") == submitted24 + 1
                    && "AWAITING_REVIEW".equals(b.getString("indicators.find { it.code == '24' }.status"))
                    // the campaign arrives on catalogue.events, the evidence on evidence.events: wait for both
                    && missed.toString().equals(b.getString("indicators.find { it.code == '26' }.dueDate"))
                    && b.get("tasks.find { it.kind == 'TASK' && it.number == 1 }.targetValue") != null ? b : null;
        });
        assertEquals(false, board.getBoolean("indicators.find { it.code == '24' }.overdue"));
        assertEquals(false, board.getBoolean("indicators.find { it.code == '25' }.overdue"));
        assertEquals("NO_EVIDENCE", board.getString("indicators.find { it.code == '26' }.status"));
        assertEquals(true, board.getBoolean("indicators.find { it.code == '26' }.overdue"));
        assertEquals(missed.toString(), board.getString("indicators.find { it.code == '26' }.dueDate"));
        assertEquals("ON_TRACK", board.getString("tasks.find { it.kind == 'TASK' && it.number == 1 }.state"), "2 of 5, due later");
        assertEquals(5, board.getInt("tasks.find { it.kind == 'TASK' && it.number == 1 }.targetValue"));
        assertEquals(2, board.getInt("tasks.find { it.kind == 'TASK' && it.number == 1 }.currentValue"));
        assertEquals(MARKET, board.getString("departments[0].code"), "the department with the missed deadline comes first");
        assertEquals(1, board.getInt("departments[0].overdue"));
        assertTrue(board.getInt("departments[0].rejectedToRedo") >= 1);
        assertTrue(board.getInt("departments[0].awaitingReview") >= 1);
        assertTrue(board.getString("departments[0].lastActivity") != null);
        // the department's own list: what it must still deliver, by when (the missed one first)
        JsonPath own = given().auth().oauth2(clerk).get(API + "/regions/" + PL + "/progress/departments/" + MARKET + "?year=" + year)
                .then().statusCode(200).extract().jsonPath();
        List<String> toDeliver = own.getList("toDeliver.code");
        assertTrue(toDeliver.contains("26") && toDeliver.contains("25"), "26 and 25 still to deliver: " + toDeliver);
        assertTrue(toDeliver.indexOf("26") < toDeliver.indexOf("25"), "earliest due date first: " + toDeliver);
        assertTrue(!own.getList("toDeliver.code").contains("24"));
        assertEquals(1, own.getInt("department.overdue"));
        // …and only its own
        given().auth().oauth2(clerk).get(API + "/regions/" + PL + "/progress/departments/140829-statistics?year=" + year)
                .then().statusCode(403);
        given().auth().oauth2(clerk).get(API + "/regions/" + PL + "/progress?year=" + year).then().statusCode(403);

        // the rejection reached the receiver while it was up
        await(() -> receiver.bodies.stream().anyMatch(b -> b.contains("evidence-rejected") && b.contains(doc25)) ? true : null);

        // Thursday: the receiver is down when the reminders run
        receiver.stop();
        int notified = given().auth().oauth2(office).post(API + "/regions/" + PL + "/reminders?year=" + year)
                .then().statusCode(200).extract().path("notified");
        assertTrue(notified >= 1);
        // pl-market's inbox has the overdue item
        given().auth().oauth2(clerk).get(API + "/notifications").then().statusCode(200)
                .body("find { it.type == 'cn.nmsdz.campaign.item-overdue.v1' && it.subject == 'indicator/26' }.message",
                        org.hamcrest.Matchers.containsString(missed.toString()));
        long inboxId = given().auth().oauth2(clerk).get(API + "/notifications?unread=true").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.subject == 'indicator/26' }.id");
        // the failed attempt is in the delivery log
        await(() -> given().auth().oauth2(office).get(API + "/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.eventType == 'cn.nmsdz.campaign.item-overdue.v1' && it.state == 'PENDING' "
                        + "&& it.attempts >= 1 }").isEmpty() ? null : true);
        // scoring-service restarts meanwhile: the pending delivery is a stored row, so it is not lost
        Suite.run("restart", "scoring-service");
        receiver.start();
        String overdue = await(() -> receiver.bodies.stream()
                .filter(b -> b.contains("cn.nmsdz.campaign.item-overdue.v1") && b.contains("\"indicator\":\"26\""))
                .findFirst().orElse(null), 90);
        // every delivery is signed with the subscription's secret, and each event id arrives once
        for (int i = 0; i < receiver.bodies.size(); i++) {
            assertEquals("sha256=" + hmac(SECRET, receiver.bodies.get(i)), receiver.signatures.get(i));
        }
        List<String> ids = receiver.bodies.stream().map(b -> JsonPath.from(b).getString("id")).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "each event id once: " + ids);
        assertEquals("1.0", JsonPath.from(overdue).getString("specversion"));
        assertEquals(PL, JsonPath.from(overdue).getString("data.region"));
        given().auth().oauth2(office).get(API + "/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .body("find { it.eventId == '" + JsonPath.from(overdue).getString("id") + "' }.state", equalTo("DELIVERED"));
        receiver.stop();
        // mark read
        given().auth().oauth2(clerk).post(API + "/notifications/" + inboxId + "/read").then().statusCode(204);
        given().auth().oauth2(clerk).get(API + "/notifications?unread=true").then().statusCode(200)
                .body("id", not(hasItem((int) inboxId)));

        // Friday: the 督查通报 opens with Apache POI and lists the departments worst first
        byte[] xlsx = given().auth().oauth2(office).get(API + "/regions/" + PL + "/progress.xlsx?year=" + year)
                .then().statusCode(200).contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("督查通报");
            assertEquals("责任单位", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("县市场监督管理局", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(1, (int) sheet.getRow(2).getCell(7).getNumericCellValue(), "逾期事项");
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                assertEquals(0, (int) sheet.getRow(r).getCell(7).getNumericCellValue(), "only 县市场监督管理局 is overdue");
            }
            Sheet overdueSheet = wb.getSheet("逾期事项");
            Row row26 = null;
            for (int r = 2; r <= overdueSheet.getLastRowNum(); r++) {
                if ("26".equals(overdueSheet.getRow(r).getCell(1).getStringCellValue())) {
                    row26 = overdueSheet.getRow(r);
                }
            }
            assertTrue(row26 != null, "indicator 26 is on the overdue sheet");
            assertEquals(missed.toString(), row26.getCell(4).getStringCellValue());
            assertEquals(CellType.STRING, row26.getCell(7).getCellType());
            assertEquals("=HYPERLINK(\"http://x\")王芳", row26.getCell(7).getStringCellValue());
        }
    }

    static io.restassured.response.Response schedule(String token, String indicator, LocalDate due, String person, String phone) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("department", MARKET, "name", person));
        if (phone != null) {
            p.put("phone", phone);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("dueDate", due.toString(), "stage", "push", "persons", List.of(p)))
                .put(API + "/regions/" + PL + "/decomposition/" + indicator + "/schedule");
    }

    static String document(String token, String indicator) {
        byte[] pdf = ("%PDF-1.4\n% CampaignIT " + UUID.randomUUID() + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return given().auth().oauth2(token).config(EvidenceIT.UTF8_MULTIPART)
                .multiPart("file", "材料.pdf", pdf, "application/pdf").multiPart("indicator", indicator)
                .post(API + "/regions/" + PL + "/documents").then().statusCode(201).extract().path("id");
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
