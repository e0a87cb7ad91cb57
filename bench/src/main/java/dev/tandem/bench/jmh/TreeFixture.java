package dev.tandem.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tandem.bench.jmh.board.Board;
import dev.tandem.bench.jmh.board.Card;
import dev.tandem.bench.jmh.board.CardMeta;
import dev.tandem.bench.jmh.pojo.BoardTree;
import dev.tandem.bench.jmh.pojo.WorldTree;
import dev.tandem.bench.model.Control;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.model.BaseModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The trees the codec benchmarks compare, each built twice with the same values: as Tandem models, and as plain
 * public-field POJOs for Jackson databind in the shape of Tandem's {@code xport()}, so that both sides write and
 * read the same JSON text (up to number layout: databind writes {@code 20.0} where JavaScript writes {@code 20}).
 * {@code TreeFixtureTest} holds the two to that.
 *
 * <ul>
 *   <li>{@link #BOARD}: a board (2 string attributes) with 100 cards, each with 2 strings (some non-ASCII, some with
 *       quotes to escape), an integer, 2 doubles, a boolean and a nested child model (2 strings and a
 *       sub-millisecond timestamp): 201 models, 1,102 values.</li>
 *   <li>{@link #WORLD}: the load benchmark's {@link World} in steady state: a control child (10 values) and 100
 *       entities whose x, y are random doubles (17 significant digits, as the driver writes them) and ts a
 *       sub-millisecond timestamp: 102 models, 310 values, almost all of them doubles.</li>
 * </ul>
 */
public enum TreeFixture {
    BOARD {
        @Override
        public BaseModel newRoot() {
            return new Board();
        }

        @Override
        public BaseModel buildModel() {
            Board board = new Board();
            board.assignId("board");
            board.cards.assignId("cards");
            board.set(Board.TITLE, BOARD_TITLE);
            board.set(Board.THEME, "dark");
            for (int i = 0; i < MEMBERS; i++) {
                Card card = new Card();
                card.assignId("card-" + i);
                card.meta.assignId("meta-" + i);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("text", cardText(i));
                values.put("column", COLUMNS[i % COLUMNS.length]);
                values.put("votes", (long) (i % 7));
                values.put("estimate", estimate(i));
                values.put("position", position(i));
                values.put("done", done(i));
                card.set(values);
                card.meta.set(CardMeta.AUTHOR, AUTHORS[i % AUTHORS.length]);
                card.meta.set(CardMeta.CREATED_AT, createdAt(i));
                card.meta.set(CardMeta.COLOR, COLORS[i % COLORS.length]);
                board.cards.add(card);
            }
            board.registry();
            return board;
        }

        @Override
        public Object buildPojo() {
            BoardTree board = new BoardTree();
            board.id = "board";
            board.attrs = new BoardTree.Attrs();
            board.attrs.title = BOARD_TITLE;
            board.attrs.theme = "dark";
            board.collections = new BoardTree.Collections();
            board.collections.cards = new BoardTree.CardCollection();
            board.collections.cards.id = "cards";
            board.collections.cards.models = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                BoardTree.Card card = new BoardTree.Card();
                card.id = "card-" + i;
                card.attrs = new BoardTree.CardAttrs();
                card.attrs.text = cardText(i);
                card.attrs.column = COLUMNS[i % COLUMNS.length];
                card.attrs.votes = i % 7;
                card.attrs.estimate = estimate(i);
                card.attrs.position = position(i);
                card.attrs.done = done(i);
                card.models = new BoardTree.CardModels();
                card.models.meta = new BoardTree.Meta();
                card.models.meta.id = "meta-" + i;
                card.models.meta.attrs = new BoardTree.MetaAttrs();
                card.models.meta.attrs.author = AUTHORS[i % AUTHORS.length];
                card.models.meta.attrs.createdAt = createdAt(i);
                card.models.meta.attrs.color = COLORS[i % COLORS.length];
                board.collections.cards.models.add(card);
            }
            return board;
        }

        @Override
        public Class<?> pojoClass() {
            return BoardTree.class;
        }
    },

    WORLD {
        @Override
        public BaseModel newRoot() {
            return new World();
        }

        @Override
        public BaseModel buildModel() {
            World world = new World();
            world.assignId("world");
            world.control.assignId("control");
            world.entities.assignId("entities");
            Map<String, Object> control = new LinkedHashMap<>();
            control.put("e", CONTROL_E);
            control.put("r", CONTROL_R);
            control.put("running", true);
            control.put("steps", CONTROL_STEPS);
            control.put("heapUsedBytes", CONTROL_HEAP);
            control.put("elapsedMs", CONTROL_ELAPSED_MS);
            control.put("lateMaxMs", CONTROL_LATE_MAX_MS);
            world.control.set(control);
            double[][] positions = entityPositions();
            for (int i = 0; i < MEMBERS; i++) {
                Entity entity = new Entity();
                entity.assignId("e" + i);
                entity.set(Entity.X, positions[i][0]);
                entity.set(Entity.Y, positions[i][1]);
                entity.set(Entity.TS, entityTs(i));
                world.entities.add(entity);
            }
            world.registry();
            return world;
        }

        @Override
        public Object buildPojo() {
            WorldTree world = new WorldTree();
            world.id = "world";
            world.attrs = new WorldTree.NoAttrs();
            world.models = new WorldTree.Models();
            world.models.control = new WorldTree.Control();
            world.models.control.id = "control";
            WorldTree.ControlAttrs control = new WorldTree.ControlAttrs();
            control.e = CONTROL_E;
            control.r = CONTROL_R;
            control.running = true;
            control.heapSampleRequest = Control.HEAP_SAMPLE_REQUEST.defaultValue();
            control.heapUsedBytes = CONTROL_HEAP;
            control.heapSample = Control.HEAP_SAMPLE.defaultValue();
            control.steps = CONTROL_STEPS;
            control.elapsedMs = CONTROL_ELAPSED_MS;
            control.lateMaxMs = CONTROL_LATE_MAX_MS;
            control.shutdown = Control.SHUTDOWN.defaultValue();
            world.models.control.attrs = control;
            world.collections = new WorldTree.Collections();
            world.collections.entities = new WorldTree.EntityCollection();
            world.collections.entities.id = "entities";
            world.collections.entities.models = new ArrayList<>();
            double[][] positions = entityPositions();
            for (int i = 0; i < MEMBERS; i++) {
                WorldTree.Entity entity = new WorldTree.Entity();
                entity.id = "e" + i;
                entity.attrs = new WorldTree.EntityAttrs();
                entity.attrs.x = positions[i][0];
                entity.attrs.y = positions[i][1];
                entity.attrs.ts = entityTs(i);
                world.collections.entities.models.add(entity);
            }
            return world;
        }

        @Override
        public Class<?> pojoClass() {
            return WorldTree.class;
        }
    };

    /** Cards on the board, entities in the world. */
    public static final int MEMBERS = 100;

    private static final String BOARD_TITLE = "Team board — sprint 42";
    private static final String[] PHRASES = {"Write the README", "Fix the flaky login test",
            "Übersicht der Sprint-Ziele aktualisieren", "Review the \"sync\" protocol changes",
            "Plan the Q3 roadmap — first draft", "Benchmark xport against databind"};
    private static final String[] COLUMNS = {"todo", "doing", "done"};
    private static final String[] AUTHORS = {"ada", "grace", "linus", "margaret", "barbara"};
    private static final String[] COLORS = {"#ffcc00", "#3366ff", "#66cc99", "#ff6666"};
    private static final long CONTROL_E = 10;
    private static final double CONTROL_R = 20.0;
    private static final long CONTROL_STEPS = 1234;
    private static final long CONTROL_HEAP = 48_123_456;
    private static final double CONTROL_ELAPSED_MS = 61_700.25;
    private static final double CONTROL_LATE_MAX_MS = 3.141592653589793;
    private static final double EPOCH_MS = 1_752_000_000_000.0;

    /** A fresh, empty root of this tree's model class (what a client builds before importing). */
    public abstract BaseModel newRoot();

    /** The tree as Tandem models, every node with its id, with a registry (as on a server). */
    public abstract BaseModel buildModel();

    /** The same tree as POJOs of {@link #pojoClass()}. */
    public abstract Object buildPojo();

    public abstract Class<?> pojoClass();

    /**
     * The databind side, configured as well as Jackson allows for this work: jackson-core's fast double parser
     * (which the Tandem codec uses too) and fast double writer; and empty beans allowed (the world's
     * {@code "attrs":{}}).
     */
    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        return JsonMapper.builder(factory).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    }

    private static String cardText(int i) {
        return PHRASES[i % PHRASES.length] + " (#" + i + ")";
    }

    private static double estimate(int i) {
        return 0.5 + (i % 8) * 0.25;
    }

    private static double position(int i) {
        return i * 1.1; // float arithmetic: 3.3000000000000003 and the like, as real positions are
    }

    private static boolean done(int i) {
        return i % 3 == 2;
    }

    private static double createdAt(int i) {
        return EPOCH_MS + i * 60_000.123;
    }

    private static double entityTs(int i) {
        return EPOCH_MS + 61_700.25 + i * 0.0375;
    }

    /** x, y of each entity: uniform in [0, 1000) like the driver's, from a fixed seed. */
    private static double[][] entityPositions() {
        Random random = new Random(42);
        double[][] positions = new double[MEMBERS][2];
        for (double[] position : positions) {
            position[0] = random.nextDouble() * 1000;
            position[1] = random.nextDouble() * 1000;
        }
        return positions;
    }
}
