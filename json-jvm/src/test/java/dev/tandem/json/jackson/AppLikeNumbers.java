package dev.tandem.json.jackson;

import java.util.Random;
import java.util.function.DoubleConsumer;

/**
 * The kinds of doubles applications hold, for the number-text tests: coordinates, millisecond timestamps, cents,
 * multiples of a decimal step, quarters, and values across the whole exponent range, positive and negative.
 */
final class AppLikeNumbers {
    private AppLikeNumbers() {
    }

    /** Calls {@code check} with seven app-like doubles per round, {@code rounds} times. */
    static void each(Random random, int rounds, DoubleConsumer check) {
        for (int i = 0; i < rounds; i++) {
            check.accept(random.nextDouble() * 1000);
            check.accept(1_752_000_000_000.0 + random.nextDouble() * 86_400_000);
            check.accept(random.nextInt(100_000) / 100.0);
            check.accept(i * 1.1);
            check.accept(random.nextInt(100) / 4.0);
            check.accept((random.nextInt(99) + 1) * Math.pow(10, random.nextInt(600) - 300));
            check.accept(-random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
        }
    }
}
