package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The OpenAPI console (Swagger UI at the gateway's /q/swagger-ui) in a real headless Chromium against the real
 * Keycloak: it lists the three services' APIs with all their operations, refuses calls without login, logs in with
 * the authorization code flow + PKCE of the public client nmsdz-console on Keycloak's own login page, and then calls
 * the API with the user's own rights (200 with real data for the catalogue admin, 403 from the service's rules for an
 * evidence submitter). Nothing is clicked that a person would not click.
 */
@ExtendWith(Suite.class)
class ConsoleIT {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static final String CONSOLE = Suite.GATEWAY + "/q/swagger-ui/";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The definitions in the console's selector (quarkus.swagger-ui.urls.*) and the service each one documents. */
    static final Map<String, String> DEFINITIONS = Map.of(
            "indicator", "indicator-service", "evidence", "evidence-service", "scoring", "scoring-service");
    /** The console's first definition: the gateway's merged document of all three (issue 15). */
    static final String ALL = "all";

    @Test
    void theConsoleListsTheThreeApisWithAllTheirOperations() throws Exception {
        WebDriver browser = BROWSER.open();
        Console console = Console.open(browser);
        List<String> definitions = console.definitions();
        assertEquals(ALL, definitions.get(0), "the spec selector offers the merged document first: " + definitions);
        assertEquals(Set.of(ALL, "indicator", "evidence", "scoring"), new TreeSet<>(definitions),
                "then the three services");
        console.waitForDocument("NMSDZ", "/q/openapi?format=json");
        Set<String> everything = new TreeSet<>();
        DEFINITIONS.values().forEach(service -> everything.addAll(operationsOf(service)));
        assertEquals(everything, console.operations(everything),
                "the console opens on the merged document, with every operation of every service");
        for (Map.Entry<String, String> definition : DEFINITIONS.entrySet()) {
            console.show(definition.getKey(), definition.getValue());
            Set<String> expected = operationsOf(definition.getValue());
            assertTrue(expected.size() >= 5, definition.getValue() + " documents its API: " + expected);
            assertEquals(expected, console.operations(expected), "the console renders every operation of "
                    + definition.getValue());
            // one operation opened: its documentation renders, refusals documented as problem+json
            String first = expected.iterator().next();
            WebElement operation = console.expand(first.split(" ")[0], first.split(" ", 2)[1]);
            String text = console.wait.until(d -> {
                String t = operation.findElement(By.cssSelector(".responses-wrapper")).getText();
                return t.contains("401") ? t : null;
            });
            assertTrue(text.contains("application/problem+json") || text.contains("Unauthorized"), text);
        }
    }

    @Test
    void withoutLoginTheConsoleGets401() throws Exception {
        Console console = Console.open(BROWSER.open());
        Response response = console.execute("GET", "/api/v1/systems", Map.of());
        assertEquals(401, response.status(), response.body());
        assertTrue(response.body().contains("Unauthorized") && response.body().contains("\"status\": 401"),
                "the gateway's problem+json: " + response.body());
        assertNull(response.token(), "no token without login: " + response.curl());
    }

    @Test
    void theCatalogueAdminLogsInOnKeycloakAndReadsTheCatalogue() throws Exception {
        Console console = Console.open(BROWSER.open());
        console.login("admin", "demo");

        Response systems = console.execute("GET", "/api/v1/systems", Map.of());
        assertEquals(200, systems.status(), systems.body());
        assertSentTokenOf("admin", systems);
        assertTrue(systems.body().contains("\"code\": \"NMSDZ\"")
                && systems.body().contains("全国网络市场监管与服务示范区创建评估指标体系")
                && systems.body().contains("PUBLISHED"), "the official catalogue: " + systems.body());

        // the counties of 运城市 (the suite holds hundreds of regions by now: too many for the console to show whole)
        Response regions = console.execute("GET", "/api/v1/regions", Map.of("parent", "140800"));
        assertEquals(200, regions.status(), regions.body());
        assertTrue(regions.body().contains("平陆县") && !regions.body().contains("永川区"), regions.body());
    }

    @Test
    void aSubmitterLoggedInOnTheConsoleHasOnlyItsOwnRights() throws Exception {
        Console console = Console.open(BROWSER.open());
        console.login("yc-market", "demo");
        // logged in: reading works with the submitter's token ...
        Response regions = console.execute("GET", "/api/v1/regions/{code}", Map.of("code", "500118"));
        assertEquals(200, regions.status(), regions.body());
        assertTrue(regions.body().contains("永川区"), regions.body());
        assertSentTokenOf("yc-market", regions);
        // ... but publishing a catalogue needs catalogue-admin: indicator-service's own refusal, not a CORS or
        // login failure (those have no problem body or say 401)
        Response publish = console.execute("POST", "/api/v1/systems/{code}/publish",
                Map.of("code", "NMSDZ", "version", "1"));
        assertEquals(403, publish.status(), publish.body());
        assertSentTokenOf("yc-market", publish);
        assertTrue(publish.body().contains("\"status\": 403")
                && publish.body().contains("your roles do not allow this operation")
                && publish.body().contains("/api/v1/systems/NMSDZ/publish"), publish.body());
    }

    /** The console sent the token Keycloak issued to nmsdz-console for {@code username} at the login. */
    static void assertSentTokenOf(String username, Response response) throws Exception {
        JwtClaims token = response.token();
        assertTrue(token != null, "the console sends the user's token: " + response.curl());
        assertEquals(username, token.getStringClaimValue("preferred_username"), token.toJson());
        assertEquals("nmsdz-console", token.getStringClaimValue("azp"), token.toJson());
        assertEquals(Suite.KEYCLOAK + "/realms/nmsdz", token.getIssuer(), token.toJson());
        assertTrue(token.getAudience().contains("nmsdz-api"), token.toJson());
    }

    /** The "METHOD path" of every operation of a service's OpenAPI document, as the gateway serves it. */
    static Set<String> operationsOf(String service) {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON)
                .get(Suite.GATEWAY + "/openapi/" + service + "?format=json")
                .then().statusCode(200).extract().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /** What the console shows after Execute: the status, the response (body and headers) and the curl command. */
    record Response(int status, String body, String curl) {
        /** The claims of the bearer token the console sent, or null when it sent none. */
        JwtClaims token() throws InvalidJwtException {
            Matcher bearer = Pattern.compile("Authorization: Bearer ([A-Za-z0-9_.-]+)").matcher(curl);
            return bearer.find() ? JwtClaims.parse(SecurityIT.part(bearer.group(1), 1)) : null;
        }
    }

    /** The Swagger UI page, driven like a person would: select, click, type, read what is shown. */
    static final class Console {
        final WebDriver driver;
        final WebDriverWait wait;

        private Console(WebDriver driver) {
            this.driver = driver;
            this.wait = new WebDriverWait(driver, WAIT);
            // Swagger UI re-renders while documents load and requests run: look again instead of failing
            this.wait.ignoring(StaleElementReferenceException.class);
        }

        static Console open(WebDriver driver) {
            Console console = new Console(driver);
            driver.get(CONSOLE);
            console.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#select option")));
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock")));
            return console;
        }

        List<String> definitions() {
            return new Select(driver.findElement(By.id("select"))).getOptions().stream()
                    .map(WebElement::getText).toList();
        }

        /** Selects a definition and waits until the document of {@code service} is rendered. */
        void show(String definition, String service) {
            new Select(driver.findElement(By.id("select"))).selectByVisibleText(definition);
            // the title is the service's own (indicator-service: "NMSDZ indicator-service", the others "… API")
            waitForDocument(service, "/openapi/" + service);
        }

        /** Waits until the document at {@code url}, whose title contains {@code title}, is rendered. */
        void waitForDocument(String title, String url) {
            wait.until(d -> d.findElements(By.cssSelector(".info .title")).stream()
                    .anyMatch(t -> t.getText().contains(title)));
            wait.until(d -> d.findElements(By.cssSelector(".info .url")).stream()
                    .anyMatch(u -> u.getText().strip().equals(url)));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock")));
        }

        /** The operations the page shows once they are {@code expected} (or what it shows after waiting for that). */
        Set<String> operations(Set<String> expected) {
            try {
                return wait.until(d -> {
                    Set<String> shown = operations();
                    return shown.equals(expected) ? shown : null;
                });
            } catch (TimeoutException e) {
                return operations();
            }
        }

        /** The operations the page shows, as "METHOD path". */
        Set<String> operations() {
            Set<String> shown = new TreeSet<>();
            for (WebElement op : driver.findElements(By.cssSelector(".opblock"))) {
                String method = op.findElement(By.cssSelector(".opblock-summary-method")).getText().strip();
                String path = op.findElement(By.cssSelector(".opblock-summary-path")).getDomAttribute("data-path");
                shown.add(method + " " + path);
            }
            return shown;
        }

        WebElement operation(String method, String path) {
            By by = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' opblock-"
                    + method.toLowerCase() + " ')][.//*[@data-path='" + path + "']]");
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        }

        /** Opens an operation (if it is not open) and returns it. */
        WebElement expand(String method, String path) {
            WebElement op = operation(method, path);
            WebElement control = op.findElement(By.cssSelector(".opblock-summary-control"));
            if (!"true".equals(control.getDomAttribute("aria-expanded"))) {
                control.click();
            }
            wait.until(d -> op.findElements(By.cssSelector(".opblock-body")).isEmpty() ? null : true);
            return op;
        }

        /** Try it out → fill the parameters → Execute; the status and body the console shows. */
        Response execute(String method, String path, Map<String, String> parameters) {
            WebElement op = expand(method, path);
            WebElement tryOut = wait.until(d -> op.findElements(By.cssSelector(".try-out__btn")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            if (tryOut.getText().strip().equals("Try it out")) {
                tryOut.click();
            }
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                WebElement input = wait.until(ExpectedConditions.elementToBeClickable(op.findElement(By.cssSelector(
                        "tr[data-param-name='" + parameter.getKey() + "'] input"))));
                input.clear();
                input.sendKeys(parameter.getValue());
            }
            WebElement execute = wait.until(ExpectedConditions.elementToBeClickable(
                    op.findElement(By.cssSelector("button.execute"))));
            execute.click();
            WebElement status = wait.until(d -> op.findElements(
                    By.cssSelector(".live-responses-table .response .response-col_status")).stream()
                    .filter(WebElement::isDisplayed).filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
            String body = op.findElement(By.cssSelector(".live-responses-table .response .response-col_description"))
                    .getText();
            String curl = op.findElement(By.cssSelector(".curl-command")).getText();
            String url = op.findElement(By.cssSelector(".request-url")).getText();
            assertTrue(url.contains(Suite.GATEWAY + "/api/v1/"), "the console calls the API through the gateway: " + url);
            return new Response(Integer.parseInt(status.getText().strip().split("\\s+")[0]), body, curl);
        }

        /**
         * Authorize → the authorization code flow (PKCE) of nmsdz-console → Keycloak's login page in the popup the
         * console opens → back in the console, authorized.
         */
        void login(String username, String password) {
            String console = driver.getWindowHandle();
            driver.findElement(By.cssSelector(".auth-wrapper .btn.authorize")).click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
            // the openIdConnect scheme offers every grant of the realm's discovery document: take authorization_code
            WebElement flow = wait.until(d -> dialog.findElements(By.cssSelector(".auth-container")).stream()
                    .filter(c -> c.getText().contains("authorization_code")).findFirst().orElse(null));
            WebElement clientId = flow.findElement(By.cssSelector("input[data-name='clientId'], #client_id"));
            assertEquals("nmsdz-console", clientId.getDomProperty("value"), "the console's client is preset");
            Set<String> before = driver.getWindowHandles();
            flow.findElement(By.cssSelector("button.authorize")).click();
            String popup = wait.until(d -> d.getWindowHandles().stream().filter(h -> !before.contains(h))
                    .findFirst().orElse(null));
            driver.switchTo().window(popup);
            WebDriverWait keycloak = new WebDriverWait(driver, Duration.ofSeconds(60));
            keycloak.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertTrue(driver.getCurrentUrl().startsWith(Suite.KEYCLOAK + "/realms/nmsdz/protocol/openid-connect/auth"),
                    "Keycloak's login page of realm nmsdz: " + driver.getCurrentUrl());
            assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256")
                    && driver.getCurrentUrl().contains("client_id=nmsdz-console")
                    && driver.getCurrentUrl().contains("response_type=code"), "code flow with PKCE: "
                    + driver.getCurrentUrl());
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
            // oauth2-redirect.html hands the code to the console and closes the popup
            keycloak.until(d -> d.getWindowHandles().size() == before.size());
            driver.switchTo().window(console);
            // the console exchanged the code (with its verifier) for a token: the flow now offers Logout
            wait.until(d -> dialog.findElements(By.cssSelector(".auth-container")).stream()
                    .filter(c -> c.getText().contains("authorization_code"))
                    .anyMatch(c -> c.getText().contains("Logout")));
            dialog.findElement(By.cssSelector("button.close-modal")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-wrapper .btn.authorize.locked")));
        }
    }
}
