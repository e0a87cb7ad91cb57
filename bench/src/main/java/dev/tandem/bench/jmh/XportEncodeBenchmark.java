package dev.tandem.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.json.JsonObject;
import dev.tandem.model.BaseModel;
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
 * Model tree to JSON text: Tandem's {@code codec.encode(root::xport)} (the text of
 * {@code codec.encode(root.xport())}, streamed without the JSON tree) against Jackson databind's
 * {@code writeValueAsString} of the same tree as POJOs ({@link TreeFixture}; the two texts decode to equal JSON
 * trees, see {@code TreeFixtureTest}). One op is one whole tree. The two {@code tandem…Only} benchmarks are the
 * tree path's two steps ({@code xport()} to a JSON tree, then encoding that tree).
 *
 * <p>Short by default (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement). For numbers to quote, run longer, e.g.
 * <pre>taskset -c 0 java -jar bench/target/tandem-bench.jar XportEncodeBenchmark -f 3 -wi 5 -w 2s -i 10 -r 2s
 *     [-prof gc]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class XportEncodeBenchmark {
    @Param({"BOARD", "WORLD"})
    public TreeFixture tree;

    private final JacksonJsonCodec codec = new JacksonJsonCodec();
    private final ObjectMapper mapper = TreeFixture.newMapper();
    private BaseModel root;
    private Object pojo;
    private JsonObject exported;

    @Setup
    public void setUp() {
        root = tree.buildModel();
        pojo = tree.buildPojo();
        exported = root.xport();
    }

    /** Tandem: the model tree streamed to text ({@code xport(JsonWriter)} into the codec's writer). */
    @Benchmark
    public String tandemXportEncode() {
        return codec.encode(root::xport);
    }

    /** Jackson databind: the POJO tree to text. */
    @Benchmark
    public String databindWrite() throws JsonProcessingException {
        return mapper.writeValueAsString(pojo);
    }

    /** Tandem's first step alone: the model tree to a JSON tree. */
    @Benchmark
    public JsonObject tandemXportOnly() {
        return root.xport();
    }

    /** Tandem's second step alone: a ready JSON tree to text. */
    @Benchmark
    public String tandemEncodeOnly() {
        return codec.encode(exported);
    }
}
