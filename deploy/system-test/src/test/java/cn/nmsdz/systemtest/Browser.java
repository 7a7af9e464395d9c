package cn.nmsdz.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Debian's /usr/bin/chromedriver.
 *
 * <p>Before the first test it runs {@code deploy/system-test/browser/install-chromium}, which installs both with
 * apt-get when they are missing (root or passwordless sudo); when that fails the tests fail with its output, they are
 * never skipped. Browser and driver are given explicitly, so Selenium Manager never runs and nothing is downloaded.
 * Every browser gets a new empty profile and the flags that work on a closed network (no background connections).
 *
 * <p>When a test fails, a screenshot and the page source of every open window are saved under
 * {@code target/browser/} (with chromedriver's log) before the browsers are closed.
 */
final class Browser implements BeforeAllCallback, AfterEachCallback, TestExecutionExceptionHandler {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path INSTALL = Suite.ROOT.resolve("deploy/system-test/browser/install-chromium");
    static final Path ARTIFACTS = Path.of("target", "browser").toAbsolutePath();
    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium's CDP version; the tests speak
     * WebDriver only, so the warning says nothing about them (a strong reference keeps the level set).
     */
    private static final Logger CDP_VERSION_WARNING = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static boolean installed;
    private static int browsersStarted;

    private final List<ChromeDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        CDP_VERSION_WARNING.setLevel(Level.SEVERE);
        install();
    }

    /** Runs the install script once per test run; fails with its output when it cannot install. */
    static synchronized void install() throws IOException, InterruptedException {
        if (installed) {
            return;
        }
        Path log = Files.createTempFile("install-chromium", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder("bash", INSTALL.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        System.out.println(output.strip() + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        if (!finished || process.exitValue() != 0) {
            throw new IllegalStateException(INSTALL + (finished ? " failed (" + process.exitValue() + ")"
                    : " did not finish in 15 minutes") + ": the browser test needs Debian's chromium and "
                    + "chromium-driver\n" + output);
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(INSTALL + " succeeded but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is not executable\n" + output);
        }
        installed = true;
    }

    /** A new headless Chromium with an empty profile (no cookies, no stored console login); closed after the test. */
    synchronized ChromeDriver open() throws IOException {
        Files.createDirectories(ARTIFACTS);
        Path profile = Files.createTempDirectory("nmsdz-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US",
                // Chromium refuses some ports (ERR_UNSAFE_PORT), 10080 among them: the gateway at offset 2000
                "--explicitly-allowed-ports=" + java.net.URI.create(Suite.GATEWAY).getPort() + ","
                        + java.net.URI.create(Suite.KEYCLOAK).getPort());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(ARTIFACTS.resolve("chromedriver-" + (++browsersStarted) + ".log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        drivers.add(driver);
        return driver;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            saveArtifacts(context.getRequiredTestMethod().getName());
        } catch (RuntimeException | IOException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    /** A screenshot and the page source of every window of every browser of the test, named after it. */
    private synchronized void saveArtifacts(String test) throws IOException {
        Files.createDirectories(ARTIFACTS);
        for (int d = 0; d < drivers.size(); d++) {
            ChromeDriver driver = drivers.get(d);
            int w = 0;
            for (String window : driver.getWindowHandles()) {
                driver.switchTo().window(window);
                String name = test + "-browser" + (d + 1) + "-window" + (++w);
                Path png = ARTIFACTS.resolve(name + ".png");
                Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(ARTIFACTS.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
                System.out.println("saved " + png + " and " + name + ".html (" + driver.getCurrentUrl() + ")");
            }
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws IOException {
        for (ChromeDriver driver : drivers) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.out.println("closing a browser failed: " + e);
            }
        }
        drivers.clear();
        for (Path profile : profiles) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        profiles.clear();
    }
}
