package dev.tandem.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.demo.model.Board;
import dev.tandem.demo.model.Card;
import dev.tandem.demo.server.DemoServer;
import dev.tandem.server.TandemServer;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two real Chromium pages on the demo: what one does, the other shows; the server clock ticks on screen; each
 * page's xport equals the server's; the console stays clean. Takes the README's screenshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserTest {
    /** Longest wait for something to appear in a page. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

    private static TandemServer<Board> server;
    private static WebDriver alice;
    private static WebDriver bob;

    @BeforeAll
    static void start() {
        server = DemoServer.start(0);
        alice = chromium();
        bob = chromium();
        open(alice, "Alice");
        open(bob, "Bob");
    }

    @AfterAll
    static void stop() {
        if (alice != null) {
            alice.quit();
        }
        if (bob != null) {
            bob.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void bothPagesShowTheBoardAndEachOther() {
        waitFor(bob, () -> text(bob, "#members").contains("Alice") && text(bob, "#members").contains("Bob"),
                () -> "members shown: " + text(bob, "#members") + "; status " + ((JavascriptExecutor) bob)
                        .executeScript("return tandem.status();") + "; console " + bob.manage().logs()
                        .get(LogType.BROWSER).getAll());
        assertTrue(text(alice, "#col-todo").contains("Try Tandem"));
        assertEquals("Team board", bob.findElement(By.id("title")).getDomProperty("value"));
    }

    @Test
    @Order(2)
    void aTitleEditInOnePageAppearsInTheOther() {
        WebElement title = alice.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Release 1.0", Keys.ENTER);
        waitFor(bob, () -> "Release 1.0".equals(bob.findElement(By.id("title")).getDomProperty("value")));
        assertEquals("Release 1.0", server.authority().call(board -> board.get(Board.TITLE)));
    }

    @Test
    @Order(3)
    void anAddedCardAppearsInTheOtherPage() {
        alice.findElement(By.id("new-card")).sendKeys("Write release notes");
        alice.findElement(By.id("add-card")).click();
        waitFor(bob, () -> text(bob, "#col-todo").contains("Write release notes"));
    }

    @Test
    @Order(4)
    void aMovedCardMovesInTheOtherPage() {
        waitFor(alice, () -> text(alice, "#col-todo").contains("Write release notes"));
        assertTrue(cardTexts(bob, "col-todo").get(0).startsWith("Try Tandem"), "before: " + cardTexts(bob, "col-todo"));
        clickCardButton(alice, "Write release notes", "up");
        waitFor(bob, () -> cardTexts(bob, "col-todo").get(0).equals("Write release notes"));
        assertEquals("Write release notes", server.authority().call(board -> board.cards.at(0).get(Card.TEXT)));
    }

    @Test
    @Order(5)
    void aVoteAndAColumnChangeAppearInTheOtherPage() {
        clickCardButton(alice, "Write release notes", "vote");
        waitFor(bob, () -> text(bob, "#col-todo").contains("\u25b2 1"));
        clickCardButton(alice, "Write release notes", "right");
        waitFor(bob, () -> text(bob, "#col-doing").contains("Write release notes"));
    }

    @Test
    @Order(6)
    void aRemovedCardDisappearsFromTheOtherPage() {
        clickCardButton(alice, "Try Tandem", "delete");
        waitFor(bob, () -> !text(bob, "#col-todo").contains("Try Tandem"));
        assertEquals((Object) 3, server.authority().call(board -> board.cards.size()));
    }

    @Test
    @Order(7)
    void theServerClockTicksOnScreen() throws InterruptedException {
        String first = text(bob, "#clock");
        waitFor(bob, () -> !text(bob, "#clock").equals(first));
        assertNotEquals("--:--:--", text(bob, "#clock"));
    }

    @Test
    @Order(8)
    void eachPagesXportEqualsTheServersXport() {
        for (WebDriver page : List.of(alice, bob)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                // The clock ticks every second: compare the two at the same seq.
                Object[] serverState = server.authority().call(board -> new Object[] {server.authority().seq(),
                        CODEC.encode(board.xport())});
                @SuppressWarnings("unchecked")
                Map<String, Object> pageState = (Map<String, Object>) ((JavascriptExecutor) page).executeScript(
                        "return {seq: tandem.seq(), xport: tandem.xport()};");
                long pageSeq = ((Number) pageState.get("seq")).longValue();
                if (pageSeq == (Long) serverState[0]) {
                    assertEquals(serverState[1], pageState.get("xport"));
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "page never caught up with the server's seq");
            }
        }
    }

    @Test
    @Order(9)
    void pageCodeCanConnectReadSubscribeAndCommandThroughTheJavaScriptApi() {
        JavascriptExecutor js = (JavascriptExecutor) alice;
        js.executeScript(""
                + "window.apiLog = [];"
                + "var own = connect('');"
                + "own.ready(function() {"
                + "  var root = own.rootId();"
                + "  var cards = own.collectionId(root, 'cards');"
                + "  own.on(cards, 'add', function(name, id) { apiLog.push('add ' + own.get(id, 'text')); });"
                + "  own.add(cards, {text: 'From page code', column: 'done'}, -1, function(error, message, id) {"
                + "    apiLog.push(error ? 'error ' + error : 'ack ' + (id ? 'with id' : 'without id'));"
                + "    own.set(id, {column: 'sideways'}, function(error2) { apiLog.push('refused ' + error2); });"
                + "    own.remove('no-such-id', function(error3) { apiLog.push('refused ' + error3); });"
                + "    own.set(id, 5, function(error4) { apiLog.push('refused ' + error4); });"
                + "  });"
                + "});");
        waitFor(alice, () -> js.executeScript("return apiLog.length;").equals(5L),
                () -> "log: " + js.executeScript("return apiLog;"));
        assertEquals(List.of("add From page code", "ack with id", "refused not-allowed", "refused unknown-id",
                "refused bad-message"), js.executeScript("return apiLog;"));
        waitFor(bob, () -> text(bob, "#col-done").contains("From page code"));
    }

    /**
     * The apply benchmark's own bundle (apply-benchmark.js, on the page the server serves next to the demo;
     * bench/browser-apply.sh reports its figures) on a small count, in a tab of its own: only that it applies every
     * message and ends in the expected state, never how fast.
     */
    @Test
    @Order(10)
    void theApplyBenchmarkBundleEndsInTheExpectedState() {
        String demoTab = alice.getWindowHandle();
        alice.switchTo().newWindow(WindowType.TAB);
        try {
            alice.get("http://localhost:" + server.port() + "/apply-benchmark.html");
            for (int perFrame : new int[] {1, 10}) {
                String result = (String) ((JavascriptExecutor) alice).executeScript(
                        "return benchmarkApply(1000, arguments[0]);", perFrame);
                assertTrue(result.contains("\"check\":\"ok\""), result);
                assertTrue(result.contains("\"treeChanges\":1000,"), result);
            }
        } finally {
            alice.close();
            alice.switchTo().window(demoTab);
        }
    }

    @Test
    @Order(10)
    void theDemoBundleCarriesNoBenchmark() {
        assertEquals("undefined", ((JavascriptExecutor) bob).executeScript("return typeof benchmarkApply;"));
    }

    @Test
    @Order(11)
    void theBrowserConsolesHaveNoErrors() throws Exception {
        screenshot(bob);
        for (WebDriver page : List.of(alice, bob)) {
            List<LogEntry> errors = page.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .collect(Collectors.toList());
            assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).collect(Collectors.toList()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static WebDriver chromium() {
        return HeadlessChromium.start();
    }

    private static void open(WebDriver page, String name) {
        page.get("http://localhost:" + server.port() + "/?name=" + name);
        waitFor(page, () -> "ready".equals(((JavascriptExecutor) page).executeScript(
                "return window.tandem ? tandem.status() : null;")));
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    /**
     * The card texts of one column, read in one script call: the page may redraw a column between two WebDriver
     * calls, which would make elements found by the first one stale.
     */
    @SuppressWarnings("unchecked")
    private static List<String> cardTexts(WebDriver page, String column) {
        return (List<String>) ((JavascriptExecutor) page).executeScript(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' .card .text'))"
                        + ".map(function (e) { return e.innerText.trim(); });", column);
    }

    /** Clicks a card's button, finding it again if the page redrew the card between finding and clicking. */
    private static void clickCardButton(WebDriver page, String cardTextStart, String action) {
        waitFor(page, () -> {
            cardButton(page, cardTextStart, action).click();
            return true;
        });
    }

    private static WebElement cardButton(WebDriver page, String cardTextStart, String action) {
        for (WebElement card : page.findElements(By.cssSelector(".card"))) {
            if (card.findElement(By.cssSelector(".text")).getText().startsWith(cardTextStart)) {
                return card.findElement(By.cssSelector("button[data-action='" + action + "']"));
            }
        }
        throw new AssertionError("no card starting with " + cardTextStart);
    }

    private static void waitFor(WebDriver page, java.util.function.BooleanSupplier condition) {
        waitFor(page, condition, () -> "page text: " + text(page, "body"));
    }

    /** Waits for {@code condition}; on timeout the failure says what the page showed instead. */
    private static void waitFor(WebDriver page, java.util.function.BooleanSupplier condition,
            java.util.function.Supplier<String> state) {
        try {
            // A redraw between two WebDriver calls makes found elements stale: that means "not yet", so try again.
            new WebDriverWait(page, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException timeout) {
            throw new AssertionError("timed out after " + WAIT + "; " + state.get(), timeout);
        }
    }

    private static void screenshot(WebDriver page) throws Exception {
        File shot = ((TakesScreenshot) page).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", "demo.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
