package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.server.TandemServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load tool's measured clients, against a real server: every change counted once per client, nothing lost. */
class RawLoadClientsTest {
    private static final int CLIENTS = 3;

    private TandemServer<World> server;
    private RawLoadClients load;

    @BeforeEach
    void start() throws Exception {
        World world = new World();
        for (int i = 0; i < World.ENTITY_COUNT; i++) {
            Entity entity = new Entity();
            entity.assignId("e" + i);
            world.entities.add(entity);
        }
        server = TandemServer.builder(world).host("127.0.0.1").port(0).start();
        load = new RawLoadClients(server.port());
        load.connect(CLIENTS);
    }

    @AfterEach
    void stop() throws Exception {
        load.stop();
        server.close();
    }

    @Test
    void countsEveryChangeOncePerClientInsideTheWindowOnly() throws Exception {
        change(0, 5);                       // before the window: applied, not counted
        waitForUpdates(5 * CLIENTS);
        load.startWindow();
        change(5, 40);                      // 40 changes in 8 batches of 5
        RawLoadClients.Counts counts = waitForUpdates(40 * CLIENTS);
        assertEquals(CLIENTS, counts.joined());
        assertEquals(CLIENTS, counts.fullState());
        assertEquals(40L * CLIENTS, counts.updates());
        assertEquals(40L * CLIENTS, counts.latency().samples());
        assertEquals(40L, counts.firstClientUpdates());
        assertTrue(counts.frames() >= 8L * CLIENTS, "one frame per server task per client at least: " + counts);
        assertTrue(counts.bytes() > 40L * CLIENTS * 20, "payload bytes counted: " + counts);
        assertTrue(counts.firstClientDeflatedBytes() > 0 && counts.firstClientDeflatedBytes() < counts.bytes()
                / CLIENTS, "deflated size of the first client's frames: " + counts);
        assertTrue(counts.errors().isEmpty(), counts.errors().toString());
        RawLoadClients.Counts after = load.counts();
        assertEquals(counts.updates(), after.updates());
    }

    /** Changes entities {@code from} … {@code from + count - 1} (ids modulo 100), five per authority task. */
    private void change(int from, int count) {
        for (int batch = 0; batch < count; batch += 5) {
            int first = from + batch;
            server.authority().update(root -> {
                for (int i = first; i < first + 5; i++) {
                    Entity entity = root.entities.get("e" + (i % World.ENTITY_COUNT));
                    entity.set(Map.of("x", (double) i, "ts", (double) Instant.now().toEpochMilli()));
                }
            });
        }
    }

    private RawLoadClients.Counts waitForUpdates(long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        RawLoadClients.Counts counts = load.counts();
        while (counts.updates() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            counts = load.counts();
        }
        return counts;
    }
}
