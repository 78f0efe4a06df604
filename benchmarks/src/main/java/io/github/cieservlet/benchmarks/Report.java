package io.github.cieservlet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of this module in interleaved rounds (each round runs them all once, one fork each, so
 * the figures compared in a ratio are measured minutes apart at most, under the same machine load), then prints
 * a Markdown table and lines in a stable format for scripts:
 * <pre>
 * machine cpu="..." cores=2 jdk="..." load-before=... load-after=...
 * figure acs=533.1 us/op cpu=541000 ns/op alloc=242000 B/op
 * ratio acs/floor=1.60
 * </pre>
 * Each figure is the median over the rounds of the per-round means: wall time, process CPU time
 * ({@link CpuTimeProfiler}) and allocation per operation; each ratio the median of the per-round ratios of CPU
 * time per operation, which depends far less than wall time on what else the machine runs. {@code --quick} (about two minutes): one round, short iterations. Full: three rounds. The startup
 * benchmarks run after the rounds, one shot per fresh JVM in several forks (their figure is the mean).
 */
public final class Report {

    private final int rounds;
    private final ChainedOptionsBuilder options;
    private final ChainedOptionsBuilder startupOptions;
    private final Map<String, List<Double>> scores = new LinkedHashMap<>();
    private final Map<String, List<Double>> allocations = new LinkedHashMap<>();
    private final Map<String, List<Double>> cpuTimes = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    private Report(boolean quick) {
        this.rounds = quick ? 1 : 3;
        String benchmarks = Report.class.getPackageName() + ".";
        this.options = new OptionsBuilder()
                .include(benchmarks + "(Acs|Filter|Login|Metadata)Benchmark.*")
                .forks(1)
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .addProfiler("gc")
                .addProfiler(CpuTimeProfiler.class)
                .jvmArgsAppend("-Xms512m", "-Xmx512m", "-Dslf4j.internal.verbosity=ERROR")
                .verbosity(VerboseMode.SILENT);
        // once per fresh JVM, as a deployment sees it: no warm-up, one shot per fork
        this.startupOptions = new OptionsBuilder()
                .include(benchmarks + "StartupBenchmark.*")
                .forks(quick ? 3 : 5)
                .warmupIterations(0)
                .measurementIterations(1)
                .addProfiler("gc")
                .jvmArgsAppend("-Dslf4j.internal.verbosity=ERROR")
                .verbosity(VerboseMode.SILENT);
    }

    /**
     * @param args {@code --quick} for the short run
     * @throws RunnerException when JMH fails
     * @throws IOException when /proc cannot be read
     */
    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = List.of(args).contains("--quick");
        Report report = new Report(quick);
        String loadBefore = loadAverage();
        for (int round = 1; round <= report.rounds; round++) {
            System.out.printf("round %d of %d (load %s)%n", round, report.rounds, loadAverage());
            report.record(new Runner(report.options.build()).run());
        }
        System.out.printf("startup, one shot per fresh JVM (load %s)%n", loadAverage());
        report.record(new Runner(report.startupOptions.build()).run());
        report.print(loadBefore, loadAverage());
    }

    private void record(Collection<RunResult> results) {
        for (RunResult run : results) {
            String method = run.getParams().getBenchmark();
            String name = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
            for (String param : run.getParams().getParamsKeys()) {
                name += " " + run.getParams().getParam(param);
            }
            Result<?> primary = run.getPrimaryResult();
            scores.computeIfAbsent(name, k -> new ArrayList<>()).add(primary.getScore());
            units.put(name, primary.getScoreUnit());
            for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocations.computeIfAbsent(name, k -> new ArrayList<>()).add(secondary.getValue().getScore());
                } else if (secondary.getKey().endsWith("cpu.time.norm")) {
                    cpuTimes.computeIfAbsent(name, k -> new ArrayList<>()).add(secondary.getValue().getScore());
                }
            }
        }
    }

    private void print(String loadBefore, String loadAfter) throws IOException {
        System.out.println();
        System.out.println("| benchmark | wall time | unit | CPU time (µs/op) | allocated (B/op) |");
        System.out.println("|---|---:|---|---:|---:|");
        for (String name : scores.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, format(median(scores.get(name))),
                    units.get(name), cpuTimes.containsKey(name) ? format(median(cpuTimes.get(name)) / 1000) : "",
                    allocations.containsKey(name) ? format(median(allocations.get(name))) : "");
        }
        System.out.println();
        System.out.printf("machine cpu=\"%s\" cores=%d jdk=\"%s %s\" load-before=%s load-after=%s rounds=%d%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadBefore.replace(' ', '/'), loadAfter.replace(' ', '/'),
                rounds);
        figure("acs", "AcsBenchmark.acs");
        figure("floor", "AcsBenchmark.floor");
        figure("java-saml", "AcsBenchmark.javaSaml");
        figure("java-saml-noxsd", "AcsBenchmark.javaSamlNoXsd");
        for (String bits : List.of("2048", "3072")) {
            figure("login-post-" + bits, "LoginBenchmark.post " + bits);
            figure("login-redirect-" + bits, "LoginBenchmark.redirect " + bits);
            figure("rsa-sign-" + bits, "LoginBenchmark.rsaSign " + bits);
        }
        figure("metadata-first", "MetadataBenchmark.first");
        figure("metadata-cached", "MetadataBenchmark.cached");
        figure("filter", "FilterBenchmark.authenticated");
        figure("startup-opensaml-init", "StartupBenchmark.openSamlInit");
        figure("startup-pkcs12-load", "StartupBenchmark.pkcs12Load");
        ratio("acs/floor", "AcsBenchmark.acs", "AcsBenchmark.floor");
        ratio("java-saml/acs", "AcsBenchmark.javaSaml", "AcsBenchmark.acs");
        ratio("java-saml-noxsd/acs", "AcsBenchmark.javaSamlNoXsd", "AcsBenchmark.acs");
        for (String bits : List.of("2048", "3072")) {
            ratio("login/rsa-sign-" + bits, "LoginBenchmark.post " + bits, "LoginBenchmark.rsaSign " + bits);
            ratio("login-redirect/rsa-sign-" + bits, "LoginBenchmark.redirect " + bits, "LoginBenchmark.rsaSign " + bits);
        }
    }

    private void figure(String label, String name) {
        if (!scores.containsKey(name)) {
            return;
        }
        String cpu = cpuTimes.containsKey(name) ? " cpu=" + format(median(cpuTimes.get(name))) + " ns/op" : "";
        String alloc = allocations.containsKey(name) ? " alloc=" + Math.round(median(allocations.get(name))) + " B/op" : "";
        System.out.printf(Locale.ROOT, "figure %s=%s %s%s%s%n", label, format(median(scores.get(name))), units.get(name),
                cpu, alloc);
    }

    /** Prints the median of the per-round ratios of CPU time per operation (of wall time if there is none). */
    private void ratio(String label, String numerator, String denominator) {
        Map<String, List<Double>> figures = cpuTimes.containsKey(numerator) && cpuTimes.containsKey(denominator)
                ? cpuTimes : scores;
        List<Double> top = figures.get(numerator);
        List<Double> bottom = figures.get(denominator);
        if (top == null || bottom == null) {
            return;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
            ratios.add(top.get(i) / bottom.get(i));
        }
        System.out.printf(Locale.ROOT, "ratio %s=%.2f%n", label, median(ratios));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadavg).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }
}
