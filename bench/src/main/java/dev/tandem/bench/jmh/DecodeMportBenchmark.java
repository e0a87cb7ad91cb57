package dev.tandem.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.IdPolicy;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON text to a model tree: Tandem's {@code root.mport(codec.decode(text))} against Jackson databind's
 * {@code readValue(text, PojoTree.class)}. Both read the same text, Tandem's own export of the
 * {@link TreeFixture} tree; one op is one whole tree.
 *
 * <p>What is fair: databind builds a new object graph each op, so the headline Tandem benchmark,
 * {@link #tandemDecodeMport}, builds a new model tree each op, exactly as a client takes its initial state: a fresh
 * root, its id registry ({@code IdPolicy.ASSIGNED}, what {@code Replica} creates), then decode and import (which
 * validates every value against the schema, indexes every id and fires events). {@link #tandemDecodeMportExisting}
 * re-imports into a tree already equal to the text (a reconnecting client: everything compared, nothing changes);
 * {@link #tandemDecodeOnly} is the text to JSON tree step alone.
 *
 * <p>Short by default (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement). For numbers to quote, run longer, e.g.
 * <pre>taskset -c 0 java -jar bench/target/tandem-bench.jar DecodeMportBenchmark -f 3 -wi 5 -w 2s -i 10 -r 2s
 *     [-prof gc]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeMportBenchmark {
    @Param({"BOARD", "WORLD"})
    public TreeFixture tree;

    private final JacksonJsonCodec codec = new JacksonJsonCodec();
    private final ObjectMapper mapper = TreeFixture.newMapper();
    private String text;
    private Class<?> pojoClass;
    private BaseModel existing;

    @Setup
    public void setUp() {
        text = codec.encode(tree.buildModel().xport());
        pojoClass = tree.pojoClass();
        existing = tree.newRoot();
        existing.registry(IdPolicy.ASSIGNED);
        existing.mport(codec.decode(text));
    }

    /** Tandem: text to a new model tree, as a client's initial state. */
    @Benchmark
    public BaseModel tandemDecodeMport() {
        BaseModel root = tree.newRoot();
        root.registry(IdPolicy.ASSIGNED);
        root.mport(codec.decode(text));
        return root;
    }

    /**
     * Tandem: the same, with {@code root.mport(text, codec)}, which on the JVM reads the text straight into the
     * import plan (jackson-core's parser through {@code JsonReader}), without the JSON tree. Same validation, ids
     * and events.
     */
    @Benchmark
    public BaseModel tandemMportText() {
        BaseModel root = tree.newRoot();
        root.registry(IdPolicy.ASSIGNED);
        root.mport(text, codec);
        return root;
    }

    /** Jackson databind: text to a new POJO tree. */
    @Benchmark
    public Object databindRead() throws JsonProcessingException {
        return mapper.readValue(text, pojoClass);
    }

    /** Tandem, re-importing into a tree that already equals the text. */
    @Benchmark
    public BaseModel tandemDecodeMportExisting() {
        existing.mport(codec.decode(text));
        return existing;
    }

    /** Tandem's first step alone: text to a JSON tree. */
    @Benchmark
    public JsonValue tandemDecodeOnly() {
        return codec.decode(text);
    }
}
