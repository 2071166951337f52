package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plenary.cli.Main;
import picocli.CommandLine;

/**
 * The explorer in a real browser: Debian's chromium driven by chromium-driver (both installed by
 * scripts/install-browser.sh, which .ci/run calls). It enters an invalid value and sees the CLI's
 * message beside the field, plays ten rounds, withdraws China, sees the views change, plays to the
 * end, exports the scenario and checks that plenary run on the export gives the outcomes the page
 * showed. The page's screenshot is kept in target/explorer-screenshot.png. Skipped, saying why, only
 * where no browser is installed.
 */
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target/explorer-screenshot.png");

    @TempDir
    Path dir;

    private ExplorerServer server;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no " + CHROMIUM + " and " + DRIVER + ": the browser test needs Debian's chromium and chromium-driver"
                        + " (scripts/install-browser.sh installs them as root)");
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL)), 2), 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1000", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void playWithdrawExportAndRerun() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the views are redrawn as rounds arrive
        driver.get(server.address());
        wait.until(d -> text("round").startsWith("Round 0 / 60"));
        assertEquals("small-assembly", text("scenario-name"));

        // An invalid value gets the CLI's message beside its field, and changes nothing.
        WebElement majority = driver.findElement(By.id("f-decision_majority"));
        majority.clear();
        majority.sendKeys("2");
        click("apply");
        WebElement error = driver.findElement(By.cssSelector(".field[data-path='decision.majority'] .error"));
        wait.until(d -> !error.getText().isEmpty());
        assertEquals("--set decision.majority=2: decision.majority: out of range: must be in [0.5, 1], got 2",
                error.getText());
        majority.clear();
        majority.sendKeys("0.5");

        setSpeed(5);
        click("play");
        wait.until(d -> round() >= 3);
        click("pause");
        wait.until(d -> driver.findElement(By.id("pause")).getAttribute("disabled") != null);
        while (round() < 10) {
            int before = round();
            click("step");
            wait.until(d -> round() > before);
        }
        assertTrue(round() >= 10, "played ten rounds");
        // China: the scenario's own events concern the United States only.
        assertTrue(chinaClass().contains("active"), chinaClass());
        String drafts = text("drafts");

        new Select(driver.findElement(By.id("delegation"))).selectByValue("CHN");
        click("withdraw");
        wait.until(d -> chinaClass().contains("withdrawn"));
        int round = round();
        assertTrue(round >= 10);
        assertEquals("round " + round + ": withdraw CHN", driver.findElement(By.cssSelector("#events li")).getText(),
                "the withdrawal is an event of the round shown");
        assertTrue(text("plane").contains("CHN (withdrawn)"));
        assertTrue(!text("drafts").equals(drafts), "China no longer objects nor pulls the drafts:\n" + text("drafts"));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        setSpeed(50);
        click("play");
        wait.until(d -> text("round").endsWith("(end)"));
        List<String> shown = driver.findElements(By.cssSelector("#drafts .item .state")).stream()
                .map(WebElement::getText).toList();

        click("export");
        wait.until(d -> !driver.findElement(By.id("export-yaml")).getAttribute("value").isEmpty());
        Path exported = dir.resolve("explored.yaml");
        Files.writeString(exported, driver.findElement(By.id("export-yaml")).getAttribute("value"));
        Path results = dir.resolve("results");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute("run", exported.toString(), "--replications", "1", "--keep", "none",
                "--out", results.toString()), err::toString);
        List<String> outcomes = ExplorerHttp.runFile(results, "outcomes.csv");
        assertEquals(shown.size() + 1, outcomes.size());
        for (int m = 0; m < shown.size(); m++) {
            String[] row = outcomes.get(m + 1).split(",", -1);
            String expected = row[2] + (row[3].isEmpty() ? "" : " in round " + row[3]);
            assertEquals(expected, shown.get(m), "item " + row[1]);
        }
    }

    private void setSpeed(int speed) {
        ((JavascriptExecutor) driver).executeScript("const s = document.getElementById('speed'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input'));", speed);
    }

    private void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    private String text(String id) {
        return fresh(() -> driver.findElement(By.id(id)).getText());
    }

    private String chinaClass() {
        return fresh(() -> driver.findElement(By.cssSelector("#plane circle[data-id=CHN]")).getAttribute("class"));
    }

    /** Reads the page again when a redraw replaced the element between finding and reading it. */
    private static String fresh(java.util.function.Supplier<String> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private int round() {
        return Integer.parseInt(text("round").split(" ")[1]);
    }
}
