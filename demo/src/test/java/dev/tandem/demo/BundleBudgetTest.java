package dev.tandem.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The demo bundle's gzipped size stays under a budget, so that a change which makes TeaVM pull in a big piece of the
 * Java class library (the double-to-text code is ~13 KB gzipped, and came back once through
 * {@code new HashSet<>(Arrays.asList(…))}) fails the build instead of being found later. The budget is the 40 KB
 * target itself (see README, "Bundle sizes"): what grows the bundle past it has to pay for itself elsewhere.
 */
class BundleBudgetTest {
    /** Today's demo.js is 39.6 KB gzipped (gzip -9); the budget leaves about 430 bytes for small changes. */
    static final int DEMO_BUNDLE_BUDGET_GZIP_BYTES = 40_000;

    @Test
    void theDemoBundleStaysUnderItsBudget() throws IOException {
        Path bundle = Path.of("target", "classes", "static", "demo.js");
        assertTrue(Files.exists(bundle), "the TeaVM build writes " + bundle);
        int gzipped = gzippedSize(Files.readAllBytes(bundle));
        assertTrue(gzipped <= DEMO_BUNDLE_BUDGET_GZIP_BYTES, "demo.js is " + gzipped + " bytes gzipped, over the budget of "
                + DEMO_BUNDLE_BUDGET_GZIP_BYTES + ": look for what TeaVM newly reaches (build with"
                + " -Dtandem.js.minifying=false and compare the function names)");
    }

    private static int gzippedSize(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(content);
        }
        return out.size();
    }
}
