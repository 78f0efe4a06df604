package io.github.cieservlet.benchmarks;

import io.github.cieservlet.saml.SpMetadataFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The signed SP metadata: {@link #first} builds and signs it (what the deployment does once, RSA-2048), and
 * {@link #cached} is what each {@code GET /cie/metadata} costs afterwards (the signed document, as bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MetadataBenchmark {

    private Fixtures fixtures;
    private SpMetadataFactory built;

    @Setup
    public void setUp(BenchmarkParams params) throws Exception {
        fixtures = new Fixtures(2048);
        built = new SpMetadataFactory(fixtures.settings);
        if ("first".equals(Fixtures.measured(params))) {
            Fixtures.warmUp(300, this::first);
        } else {
            Fixtures.warmUp(100_000, this::cached);
        }
    }

    /** @return the signed metadata, built and signed */
    @Benchmark
    public String first() {
        return new SpMetadataFactory(fixtures.settings).signedXml();
    }

    /** @return the signed metadata as served, from the document signed at startup */
    @Benchmark
    public byte[] cached() {
        return built.signedXml().getBytes(StandardCharsets.UTF_8);
    }
}
