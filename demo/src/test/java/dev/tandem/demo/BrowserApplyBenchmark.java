package dev.tandem.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser apply benchmark (not a test: it asserts nothing about time). Serves the demo's benchmark bundle,
 * {@code static/apply-benchmark.js} (the page's client code and the benchmark, compiled by TeaVM apart from
 * {@code demo.js}), and {@code static/apply-benchmark.html}, a blank page that loads it, from the classpath (plain
 * JDK HTTP server on 127.0.0.1, no WebSocket, no Tandem server, so nothing else runs in the page), opens headless
 * Chromium through Selenium, and calls the bundle's {@code benchmarkApply(messages, perFrame)}: a warm-up, then measured runs with one message per frame and
 * with batched frames. Prints the figures and writes {@code bench/results/browser-apply.json} and a line of
 * {@code bench/results/browser-apply.md}. Run it with {@code bench/browser-apply.sh}.
 *
 * <p>Arguments (all optional): {@code --messages N} (default 200000), {@code --warmup N} (50000),
 * {@code --runs N} (3, the median is reported), {@code --batch N} (10), {@code --out DIR} (bench/results),
 * {@code --note TEXT} (goes into the results, e.g. the commit).
 */
public final class BrowserApplyBenchmark {
    private static final String BUNDLE = "apply-benchmark.js";
    private static final String PAGE = "apply-benchmark.html";

    private BrowserApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int messages = Integer.parseInt(options.getOrDefault("messages", "200000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "10"));
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        String note = options.getOrDefault("note", "");

        byte[] bundle = resource(BUNDLE);
        byte[] page = resource(PAGE);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            boolean script = exchange.getRequestURI().getPath().equals("/" + BUNDLE);
            byte[] body = script ? bundle : page;
            exchange.getResponseHeaders().set("Content-Type", script ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        http.start();
        ChromeDriver browser = chromium();
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            browser.get("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            Capabilities capabilities = browser.getCapabilities();
            String chromium = capabilities.getBrowserName() + " " + capabilities.getBrowserVersion();

            System.out.printf(Locale.ROOT, "%s, %s %d bytes; warm-up %,d messages per mode, then %d runs of %,d%n",
                    chromium, BUNDLE, bundle.length, warmup, runs, messages);
            call(browser, warmup, 1);
            call(browser, warmup, batch);
            List<String> single = new ArrayList<>();
            List<String> batched = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                single.add(report(call(browser, messages, 1)));
                batched.add(report(call(browser, messages, batch)));
            }
            String singleMedian = median(single);
            String batchedMedian = median(batched);
            long singleRate = number(singleMedian, "messagesPerSecond").longValue();
            long batchedRate = number(batchedMedian, "messagesPerSecond").longValue();
            System.out.printf(Locale.ROOT, "median: %,d msgs/s (1 per frame), %,d msgs/s (%d per frame)%n",
                    singleRate, batchedRate, batch);

            String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            Files.createDirectories(out);
            String json = "{\"date\":\"" + date + "\",\"browser\":\"" + chromium + "\",\"note\":\"" + escape(note)
                    + "\",\"bundleBytes\":" + bundle.length + ",\"warmup\":" + warmup + ",\"runs\":" + runs
                    + ",\"single\":{\"median\":" + singleMedian + ",\"all\":[" + String.join(",", single) + "]}"
                    + ",\"batched\":{\"median\":" + batchedMedian + ",\"all\":[" + String.join(",", batched) + "]}}\n";
            Files.writeString(out.resolve("browser-apply.json"), json);
            Path table = out.resolve("browser-apply.md");
            if (!Files.exists(table)) {
                Files.writeString(table, "# Browser apply benchmark\n\n"
                        + "`bench/browser-apply.sh`: the demo page's client code (SyncClient, Replica, demo models,"
                        + " browser JSON codec; its own bundle, apply-benchmark.js) applying `change` messages in"
                        + " headless Chromium, no network;"
                        + " median of the runs. Figures, not assertions.\n\n"
                        + "| date | browser | note | messages | 1 per frame: msgs/s | batched: per frame | batched:"
                        + " msgs/s | check |\n|---|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(table, String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %d | %,d | %s/%s |%n",
                    date, chromium, note.replace("|", "/"), messages, singleRate, batch, batchedRate,
                    text(singleMedian, "check"), text(batchedMedian, "check")), StandardOpenOption.APPEND);
            System.out.println("wrote " + out.resolve("browser-apply.json") + " and " + table);
        } finally {
            browser.quit();
            http.stop(0);
        }
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (InputStream in = BrowserApplyBenchmark.class.getClassLoader().getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("static/" + name + " is not on the classpath; build the demo first");
            }
            return in.readAllBytes();
        }
    }

    private static String call(ChromeDriver browser, int messages, int perFrame) {
        String result = (String) ((JavascriptExecutor) browser).executeScript(
                "return benchmarkApply(arguments[0], arguments[1]);", messages, perFrame);
        if (!"ok".equals(text(result, "check"))) {
            throw new IllegalStateException("the replica's final state is wrong: " + result);
        }
        return result;
    }

    private static String report(String result) {
        System.out.printf(Locale.ROOT, "  %,7d messages, %2d per frame: %8.1f ms = %,9d msgs/s"
                        + "  (JSON.parse alone %.1f ms, codec decode %.1f ms)  check %s%n",
                number(result, "messages").intValue(), number(result, "perFrame").intValue(),
                number(result, "ms").doubleValue(), number(result, "messagesPerSecond").longValue(),
                number(result, "parseMs").doubleValue(), number(result, "decodeMs").doubleValue(),
                text(result, "check"));
        return result;
    }

    private static String median(List<String> results) {
        List<String> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(number(a, "messagesPerSecond").doubleValue(),
                number(b, "messagesPerSecond").doubleValue()));
        return sorted.get(sorted.size() / 2);
    }

    // The results are small flat JSON objects written by ApplyBenchmark: a pattern per field is enough here.
    private static Double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.valueOf(m.group(1));
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static ChromeDriver chromium() {
        return HeadlessChromium.start();
    }
}
