package org.plenary.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plenary.cli.Main;
import org.plenary.scenario.ScenarioLoader;
import picocli.CommandLine;

/**
 * The explorer in a real browser: Debian's chromium driven by chromium-driver (both installed by
 * scripts/install-browser.sh, which .ci/run calls). It enters an invalid value and sees the CLI's
 * message beside the field, plays ten rounds, withdraws China, sees the views change and no longer
 * offers to withdraw China, plays to the end, exports the scenario and checks that plenary run on the
 * export gives the outcomes the page showed; meanwhile no two labels overlap and the page holds a
 * connection open only while rounds play. A headless chromium's screenshot of the page completes and
 * shows the assembly, and so does the first paint with every API request blocked. The screenshots are
 * kept in target/explorer-screenshot.png and target/explorer-headless.png. Skipped, saying why, only
 * where no browser is installed.
 */
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target/explorer-screenshot.png");
    static final Path HEADLESS_SCREENSHOT = Path.of("target/explorer-headless.png");
    static final Path BODIES_SCREENSHOT = Path.of("target/explorer-bodies.png");
    static final String WINDOW = "--window-size=1500,1000";
    /** Pixels of a bloc's colour (far from grey) the plane shows at round 0: its 29 delegations, not an empty frame. */
    static final int MIN_COLOURED_PIXELS = 2000;

    @TempDir
    Path dir;

    private ExplorerServer server;
    private ChromeDriver driver;
    /** The page's requests not yet finished, by Chrome's request id, as its network log tells. */
    private final Map<String, String> inFlight = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no " + CHROMIUM + " and " + DRIVER + ": the browser test needs Debian's chromium and chromium-driver"
                        + " (scripts/install-browser.sh installs them as root)");
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL)), 2), 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                WINDOW, "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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
        assertEquals(Set.of(), requestsInFlight(), "an idle page holds no connection open");

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
        assertTrue(requestsInFlight().stream().anyMatch(url -> url.endsWith("/api/stream")),
                "rounds are pushed over the event stream while playing: " + requestsInFlight());
        click("pause");
        wait.until(d -> driver.findElement(By.id("pause")).getAttribute("disabled") != null);
        wait.until(d -> requestsInFlight().isEmpty()); // paused: the stream is closed, the network idle
        while (round() < 10) {
            int before = round();
            click("step");
            wait.until(d -> round() > before);
        }
        assertTrue(round() >= 10, "played ten rounds");
        // China: the scenario's own events concern the United States only.
        assertTrue(chinaClass().contains("active"), chinaClass());
        String drafts = text("drafts");

        Select delegation = new Select(driver.findElement(By.id("delegation")));
        delegation.selectByValue("CHN");
        assertEquals("Withdraw CHN", text("withdraw"));
        click("withdraw");
        wait.until(d -> chinaClass().contains("withdrawn"));
        assertWithdrawn("CHN");
        delegation.selectByValue("USA");
        assertTrue(driver.findElement(By.id("withdraw")).isDisplayed(), "the scenario withdraws the US at round 12");
        assertEquals("Withdraw USA", text("withdraw"));
        int round = round();
        assertTrue(round >= 10);
        assertEquals("round " + round + ": withdraw CHN", driver.findElement(By.cssSelector("#events li")).getText(),
                "the withdrawal is an event of the round shown");
        assertTrue(text("plane").contains("CHN (withdrawn)"));
        assertTrue(!text("drafts").equals(drafts), "China no longer objects nor pulls the drafts:\n" + text("drafts"));
        assertLabelsApart(15);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        setSpeed(50);
        click("play");
        wait.until(d -> text("round").endsWith("(end)"));
        wait.until(d -> requestsInFlight().isEmpty()); // the end: the stream is closed
        assertLabelsApart(15);
        assertWithdrawn("USA");
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

    /**
     * Issue 21: a scenario without bodies shows nothing of them; seoul-statement shows each item's body and
     * procedure, the moves between bodies, each body's members by role (a role highlights its members on the
     * plane), the figures of each body's rule, and withdraws a delegation from one body only.
     */
    @Test
    void standardsBodiesShowOnlyForAScenarioThatHasThem() throws Exception {
        server.close();
        server = ExplorerServer.start(new ExplorerSession(new ScenarioCatalog(List.of(ExplorerServerTest.SMALL,
                ExplorerBodiesTest.SEOUL)), 2), 0);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(server.address());
        wait.until(d -> text("round").startsWith("Round 0 / 60"));
        assertFalse(driver.findElement(By.id("bodies-view")).isDisplayed(), "no bodies panel without bodies");
        assertFalse(driver.findElement(By.id("body-row")).isDisplayed());
        assertEquals(List.of(), driver.findElements(By.cssSelector("#drafts .item-body, #drafts .rule")));

        new Select(driver.findElement(By.id("scenario"))).selectByIndex(1);
        wait.until(d -> text("scenario-name").equals("seoul-statement"));
        assertTrue(driver.findElement(By.id("bodies-view")).isDisplayed());
        assertEquals(List.of("in itu-t (itu-t-aap)", "in sc42 (iso-iec)", "in ietf (ietf)"), texts("#drafts .item-body .body"));
        assertTrue(text("drafts").contains("committee stage: to the ballot once no objection is sustained"));

        // The P-members of SC 42 (data/sc42-members.csv), and only they, stand out on the plane.
        org.plenary.scenario.Scenario seoul = ScenarioLoader.load(ExplorerBodiesTest.SEOUL, List.of()).scenario();
        List<String> pMembers = seoul.delegations().stream().map(org.plenary.scenario.Scenario.Delegation::id)
                .filter(id -> "P".equals(seoul.bodies().roles().getOrDefault(id, Map.of()).get("sc42"))).toList();
        driver.findElement(By.cssSelector("button.role[data-body=sc42][data-role=P]")).click();
        wait.until(d -> !text("highlight-note").isEmpty());
        assertEquals(new TreeSet<>(pMembers), new TreeSet<>(driver.findElements(By.cssSelector("#plane circle.highlighted"))
                .stream().map(c -> c.getAttribute("data-id")).toList()));
        assertTrue(text("highlight-note").startsWith("highlighted: " + pMembers.size() + " P of sc42"));

        // Forum shifting moves items: every move the model made shows on its item and in the list of moves.
        while (round() < 20) {
            int before = round();
            click("step");
            wait.until(d -> round() > before);
        }
        JsonNode moves = new ExplorerHttp(server).ok(new ExplorerHttp(server).get("/api/state")).get("moves");
        assertFalse(moves.isEmpty(), "seoul-statement's replication 1 moves items by round 20");
        for (JsonNode move : moves) {
            String line = "moved from " + move.get("from").asText() + " to " + move.get("to").asText() + " by "
                    + move.get("by").asText() + " in round " + move.get("round").asText();
            String card = fresh(() -> driver.findElement(By.cssSelector("#drafts .item[data-item='"
                    + move.get("item").asText() + "']")).getText());
            assertTrue(card.contains(line) && card.contains("in " + move.get("to").asText() + " ("), card);
            assertTrue(texts("#moves li").contains("round " + move.get("round").asText() + ": " + move.get("item").asText()
                    + " from " + move.get("from").asText() + " to " + move.get("to").asText() + " by "
                    + move.get("by").asText()), text("moves"));
        }
        assertTrue(text("drafts").contains("rough consensus: "), text("drafts"));

        // The USA leaves SC 42 only: it stays in the IETF, and can come back.
        new Select(driver.findElement(By.id("delegation"))).selectByValue("USA");
        new Select(driver.findElement(By.id("body-choice"))).selectByValue("sc42");
        assertEquals("USA is a P-member", text("body-membership"));
        click("withdraw-body");
        wait.until(d -> text("body-membership").equals("USA has left it (P by the scenario)"));
        assertTrue(driver.findElement(By.id("rejoin-body")).isDisplayed());
        assertFalse(driver.findElement(By.id("withdraw-body")).isDisplayed());
        assertTrue(texts("#events li").contains("round 20: withdraw USA from body sc42"), text("events"));
        new Select(driver.findElement(By.id("body-choice"))).selectByValue("ietf");
        assertEquals("USA is a participant", text("body-membership"));
        assertTrue(driver.findElement(By.id("disengage-row")).isDisplayed());
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), BODIES_SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        // Withdrawn from the whole assembly, it is offered only to come back.
        click("withdraw");
        wait.until(d -> text("withdrawn").equals("USA has withdrawn"));
        assertFalse(driver.findElement(By.id("disengage-row")).isDisplayed());
        assertFalse(driver.findElement(By.id("salience-row")).isDisplayed());
        assertFalse(driver.findElement(By.id("withdraw-body")).isDisplayed());
        assertEquals("Rejoin the assembly (re-engage fully)", text("reengage"));

        // Back to the assembly without bodies: nothing of them is left on the page.
        new Select(driver.findElement(By.id("scenario"))).selectByIndex(0);
        wait.until(d -> text("scenario-name").equals("small-assembly"));
        assertFalse(driver.findElement(By.id("bodies-view")).isDisplayed());
        assertFalse(driver.findElement(By.id("body-row")).isDisplayed());
        assertEquals(List.of(), driver.findElements(By.cssSelector("#drafts .item-body, #plane circle.highlighted")));
    }

    private List<String> texts(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aHeadlessScreenshotCompletesAndTheFirstPaintShowsTheAssembly() throws Exception {
        // A headless browser's screenshot with a virtual-time budget waits until no request is in flight:
        // it never completes while the page holds a connection open.
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", WINDOW, "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--virtual-time-budget=5000", "--screenshot=" + HEADLESS_SCREENSHOT.toAbsolutePath(), server.address())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = chromium.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            chromium.destroyForcibly().waitFor();
        }
        assertTrue(finished, "the headless screenshot did not complete in 90 s: the page never went idle");
        assertEquals(0, chromium.exitValue(), () -> readOrEmpty(log));

        // The first paint needs no request: with the API blocked the page still shows round 0 of the assembly.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/*")));
        driver.get(server.address());
        assertEquals("Round 0 / 60", text("round"));
        assertEquals(ScenarioLoader.load(ExplorerServerTest.SMALL, List.of()).scenario().delegations().size(),
                driver.findElements(By.cssSelector("#plane circle.delegation")).size());
        assertEquals(3, driver.findElements(By.cssSelector("#drafts .item")).size());
        WebElement plane = driver.findElement(By.id("plane"));
        int painted = colouredPixels(ImageIO.read(new ByteArrayInputStream(plane.getScreenshotAs(OutputType.BYTES))));
        assertTrue(painted >= MIN_COLOURED_PIXELS, "the first paint's plane has " + painted + " coloured pixels");

        // The headless screenshot shows the plane where this browser, at the same width, draws it.
        BufferedImage shot = ImageIO.read(HEADLESS_SCREENSHOT.toFile());
        Rectangle area = plane.getRect();
        int shown = colouredPixels(shot.getSubimage(area.x, area.y, area.width, area.height));
        assertTrue(shown >= MIN_COLOURED_PIXELS, "the headless screenshot's plane has " + shown + " coloured pixels");
    }

    /** Pixels far from grey (a bloc's colour, not the frame, grid, text or a withdrawn delegation). */
    private static int colouredPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** "Withdraw X" is not offered once X has withdrawn; the page says so, and so does the delegation list. */
    private void assertWithdrawn(String id) {
        Select delegation = new Select(driver.findElement(By.id("delegation")));
        delegation.selectByValue(id);
        assertFalse(driver.findElement(By.id("withdraw")).isDisplayed(), "Withdraw " + id + " is still offered");
        assertEquals(id + " has withdrawn", text("withdrawn"));
        String option = delegation.getFirstSelectedOption().getText();
        assertTrue(option.startsWith(id + " – ") && option.endsWith(" (withdrawn)"), option);
    }

    /** No two texts of the plane overlap, and at least {@code atLeast} delegations are labelled. */
    private void assertLabelsApart(int atLeast) {
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) driver.executeScript("""
                const texts = [...document.querySelectorAll('#plane text')];
                const boxes = texts.map((t) => t.getBoundingClientRect());
                const overlapping = [];
                boxes.forEach((a, i) => boxes.forEach((b, j) => {
                  if (i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                    overlapping.push(texts[i].textContent + ' / ' + texts[j].textContent);
                  }
                }));
                return [overlapping, document.querySelectorAll('#plane text.label').length];""");
        assertEquals(List.of(), found.get(0), "overlapping texts on the plane");
        long labelled = (Long) found.get(1);
        assertTrue(labelled >= atLeast, labelled + " delegations labelled");
    }

    /** The URLs of the page's requests still in flight (network idle: none), from Chrome's network log. */
    private Set<String> requestsInFlight() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = ExplorerHttp.JSON.readTree(entry.getMessage()).get("message");
                String id = message.path("params").path("requestId").asText();
                switch (message.get("method").asText()) {
                    case "Network.requestWillBeSent" ->
                            inFlight.put(id, message.get("params").get("request").get("url").asText());
                    case "Network.loadingFinished", "Network.loadingFailed" -> inFlight.remove(id);
                    default -> { }
                }
            } catch (IOException e) {
                throw new AssertionError("Chrome's network log is not JSON: " + entry.getMessage(), e);
            }
        }
        return new TreeSet<>(inFlight.values());
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
