package dev.tandem.bench;

import dev.tandem.json.JsonObject;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every load-side benchmark process does around its work, so that it always ends by itself: a hard time limit
 * ({@code --hardLimit} seconds, exit code 2 when reached), then its result as one JSON line on stdout and in
 * {@code --out}.
 */
final class BenchProcess {
    /** The work of one process: arguments in, result out. */
    @FunctionalInterface
    interface Work {
        JsonObject run(Arguments arguments) throws Exception;
    }

    private BenchProcess() {
    }

    static void run(String[] args, String name, int defaultHardLimitSeconds, Work work) throws Exception {
        Arguments arguments = new Arguments(args);
        int hardLimit = arguments.integer("hardLimit", defaultHardLimitSeconds);
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(hardLimit * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(name + ": hard limit reached");
            System.exit(2);
        }, "hard-limit");
        limit.setDaemon(true);
        limit.start();
        String line = new JacksonJsonCodec().encode(work.run(arguments));
        System.out.println(line);
        String out = arguments.text("out", null);
        if (out != null) {
            Files.writeString(Path.of(out), line + "\n");
        }
        System.exit(0);
    }
}
