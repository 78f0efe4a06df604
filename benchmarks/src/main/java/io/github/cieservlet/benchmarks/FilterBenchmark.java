package io.github.cieservlet.benchmarks;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.web.CieAuthenticationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link CieAuthenticationFilter}, through its public class, on a request of a logged-in citizen for a
 * protected page: what the filter adds to every such request (the chain behind it does nothing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {

    private CieAuthenticationFilter filter;
    private MinimalServlet.Request request;
    private HttpServletResponse response;
    private Blackhole blackhole;
    private final FilterChain chain = (req, res) -> blackhole.consume(req);

    @Setup
    public void setUp(Blackhole hole) throws Exception {
        blackhole = hole;
        Fixtures fixtures = new Fixtures(2048);
        Map<String, Object> attributes = new HashMap<>();
        ServletContext context = MinimalServlet.context(attributes, new HashMap<>());
        attributes.put(CieServiceProvider.CONTEXT_ATTRIBUTE, new CieServiceProvider(fixtures.settings, fixtures.clock,
                FilterBenchmark.class.getClassLoader(), List.of()));
        attributes.put(CieUrls.CONTEXT_ATTRIBUTE, new CieUrls(fixtures.settings.endpoints().path("")));
        filter = new CieAuthenticationFilter();
        filter.init(MinimalServlet.filterConfig(context));
        MinimalServlet.Session session = new MinimalServlet.Session(context);
        session.setAttribute(CieIdentity.SESSION_ATTRIBUTE, fixtures.consume(fixtures.validator()));
        request = new MinimalServlet.Request(context, "/area-riservata/index.jsp", session);
        response = MinimalServlet.response();
        Fixtures.warmUp(200_000, this::authenticated);
        filter.doFilter(request, response, (req, res) -> {
            if (((jakarta.servlet.http.HttpServletRequest) req).getUserPrincipal() == null) {
                throw new IllegalStateException("the filter did not let the logged-in citizen through");
            }
        });
    }

    /** One authenticated request through the filter. */
    @Benchmark
    public void authenticated() throws Exception {
        request.reset();
        filter.doFilter(request, response, chain);
    }
}
