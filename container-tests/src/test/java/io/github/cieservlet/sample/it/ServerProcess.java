package io.github.cieservlet.sample.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real server distribution (unpacked by the build under {@code target/servers}) run as a child process on a
 * free loopback port, with {@code -Dcie.publicBaseUrl=http://127.0.0.1:<port>}. {@link #close()} kills the
 * process and all its descendants; a JVM shutdown hook does the same if the test run dies first, so no
 * server outlives the build.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path consoleLog;
    private final String baseUrl;
    private final Thread shutdownHook;
    private final List<String> startedMarkers;
    private final Path logDir;
    private final String logPrefix;
    private long startMillis;

    private ServerProcess(String name, Process process, Path consoleLog, int port, List<String> startedMarkers,
            Path logDir, String logPrefix) {
        this.name = name;
        this.logDir = logDir;
        this.logPrefix = logPrefix;
        this.startedMarkers = startedMarkers;
        this.process = process;
        this.consoleLog = consoleLog;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.shutdownHook = new Thread(this::kill, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Apache Tomcat {@code version} with its own CATALINA_BASE under {@code target/container-work}: the
     * distribution's conf with the HTTP connector moved to a free loopback port, the shutdown port off and
     * {@code war} deployed as {@code webapps/ROOT.war}; returns once {@code /cie/metadata} answers 200.
     */
    static ServerProcess tomcat(String version, Path war) throws IOException, InterruptedException {
        return tomcat(version, war, Map.of(), Map.of());
    }

    /**
     * Starts Tomcat as {@link #tomcat(String, Path)} does, with more WARs deployed next to ROOT ({@code name.war}
     * at {@code /name}) and the host checking its webapps every second, so a changed WAR is redeployed at once;
     * {@code confFiles} replaces files of its conf directory (name to text), e.g. tomcat-users.xml.
     */
    static ServerProcess tomcat(String version, Path war, Map<String, Path> moreWars, Map<String, String> confFiles)
            throws IOException, InterruptedException {
        Path home = serversDir().resolve("apache-tomcat-" + version);
        require(home.resolve("bin/catalina.sh"));
        require(war);
        Path base = workDir().resolve("tomcat-" + version + (moreWars.isEmpty() && confFiles.isEmpty() ? "" : "-dropin"));
        killLeftover(base);
        deleteRecursively(base);
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : (Iterable<Path>) conf::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
                }
            }
        }
        for (Map.Entry<String, String> file : confFiles.entrySet()) {
            Files.writeString(base.resolve("conf").resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        int port = freePort();
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        String edited = xml.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("<Connector port=\"8080\"", "<Connector address=\"127.0.0.1\" port=\"" + port + "\"");
        if (!moreWars.isEmpty()) {
            edited = edited.replace("<Host name=\"localhost\"", "<Host backgroundProcessorDelay=\"1\" name=\"localhost\"");
        }
        if (edited.equals(xml) || !edited.contains("port=\"" + port + "\"")) {
            throw new IllegalStateException("unexpected " + serverXml + ": no <Connector port=\"8080\"");
        }
        Files.writeString(serverXml, edited, StandardCharsets.UTF_8);
        Files.copy(war, base.resolve("webapps/ROOT.war"));
        for (Map.Entry<String, Path> more : moreWars.entrySet()) {
            Files.copy(more.getValue(), base.resolve("webapps/" + more.getKey() + ".war"));
        }

        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/catalina.sh").toString(), "run");
        Map<String, String> env = builder.environment();
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", base.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JRE_HOME");
        env.remove("CATALINA_OPTS");
        env.remove("CIE_PUBLIC_BASE_URL");
        env.put("JAVA_OPTS", "-Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -Djava.security.egd=file:/dev/./urandom"
                + " -Dcie.publicBaseUrl=http://127.0.0.1:" + port);
        Path console = base.resolve("logs/console.log");
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        return start("Tomcat " + version, builder, base, console, port, List.of("Server startup in"),
                base.resolve("logs"), "catalina.");
    }

    /**
     * Starts WildFly {@code version} (standalone, default profile) with its own copy of {@code standalone/}
     * under {@code target/container-work}: every port shifted by a free offset, bound to 127.0.0.1, the welcome
     * content at {@code /} removed and {@code war} deployed as {@code ROOT.war}; returns once
     * {@code /cie/metadata} answers 200.
     */
    static ServerProcess wildfly(String version, Path war) throws IOException, InterruptedException {
        return wildfly(version, war, UnaryOperator.identity(), Map.of());
    }

    /**
     * Starts WildFly as {@link #wildfly(String, Path)} does, with {@code standalone.xml} edited and files of its
     * configuration directory replaced (name to text), in its own directory.
     */
    static ServerProcess wildfly(String version, Path war, UnaryOperator<String> standaloneEdit,
            Map<String, String> configurationFiles) throws IOException, InterruptedException {
        boolean variant = !configurationFiles.isEmpty();
        Path home = serversDir().resolve("wildfly-" + version);
        require(home.resolve("bin/standalone.sh"));
        require(war);
        Path base = workDir().resolve("wildfly-" + version + (variant ? "-dropin" : ""));
        killLeftover(base);
        deleteRecursively(base);
        Files.createDirectories(base);
        copyRecursively(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Path standaloneXml = base.resolve("configuration/standalone.xml");
        String xml = Files.readString(standaloneXml, StandardCharsets.UTF_8);
        String welcome = "<location name=\"/\" handler=\"welcome-content\"/>";
        if (!xml.contains(welcome)) {
            throw new IllegalStateException("unexpected " + standaloneXml + ": no " + welcome);
        }
        Files.writeString(standaloneXml, standaloneEdit.apply(xml.replace(welcome, "")), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : configurationFiles.entrySet()) {
            Files.writeString(base.resolve("configuration").resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Files.copy(war, base.resolve("deployments/ROOT.war"));
        int offset = freeOffset();
        int port = 8080 + offset;

        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1");
        Map<String, String> env = builder.environment();
        env.put("JBOSS_HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA", System.getProperty("java.home") + "/bin/java");
        env.remove("CIE_PUBLIC_BASE_URL");
        env.put("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true"
                + " -Dcie.publicBaseUrl=http://127.0.0.1:" + port);
        Path console = base.resolve("console.log");
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        return start("WildFly " + version, builder, base, console, port, List.of("WFLYSRV0025", "WFLYSRV0026"),
                base.resolve("log"), "server.log");
    }

    private static ServerProcess start(String name, ProcessBuilder builder, Path base, Path console, int port,
            List<String> startedMarkers, Path logDir, String logPrefix) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ServerProcess server = new ServerProcess(name, builder.start(), console, port, startedMarkers, logDir,
                logPrefix);
        Files.writeString(pidFile(base), Long.toString(server.process.pid()), StandardCharsets.US_ASCII);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        server.startMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s ready at %s in %d ms%n", name, server.baseUrl, server.startMillis);
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI metadata = URI.create(baseUrl + "/cie/metadata");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + consoleTail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) metadata.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
                if (status == 404 && startedMarkers.stream().anyMatch(consoleTail()::contains)) {
                    throw new AssertionError(name + " started but the WAR did not deploy:\n" + consoleTail());
                }
                if (status != 404 && status != 503) {
                    throw new AssertionError(name + ": /cie/metadata answered " + status + "\n" + consoleTail());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready within " + START_TIMEOUT + ":\n" + consoleTail());
    }

    String baseUrl() {
        return baseUrl;
    }

    long startMillis() {
        return startMillis;
    }

    /**
     * The server's own log file as an operator finds it, not the console: Tomcat's
     * {@code logs/catalina.<date>.log} (what {@code catalina.out} also gets), WildFly's {@code log/server.log}.
     *
     * @return the text of every such file
     */
    String serverLog() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.getFileName().toString().startsWith(logPrefix)) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        if (text.length() == 0) {
            throw new AssertionError("no " + logPrefix + "* in " + logDir);
        }
        return text.toString();
    }

    /** @return the directory of the server's log files */
    Path logDir() {
        return logDir;
    }

    String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no console log: " + e + ")";
        }
    }

    private void kill() {
        List<ProcessHandle> all = new ArrayList<>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    static Path serversDir() {
        return Paths.get(System.getProperty("servers.dir", "target/servers"));
    }

    static Path warsDir() {
        return Paths.get(System.getProperty("wars.dir", "target/wars"));
    }

    static Path workDir() {
        return Paths.get(System.getProperty("work.dir", "target/container-work"));
    }

    static String version(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is missing: run through Maven (verify)");
        }
        return value;
    }

    private static void require(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run the integration tests through Maven (verify)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path pidFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".pid");
    }

    /**
     * If a previous run was killed before it could stop its server (SIGKILL of the test JVM: no shutdown
     * hook), ends that server: the process whose id this harness recorded, only if its command line still
     * names this server's directory.
     */
    private static void killLeftover(Path base) throws IOException {
        Path pidFile = pidFile(base);
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                List<ProcessHandle> tree = new ArrayList<>();
                handle.descendants().forEach(tree::add);
                tree.add(handle);
                for (ProcessHandle h : tree) {
                    boolean ours = h.info().commandLine().map(line -> line.contains(base.toString())).orElse(false);
                    if (ours) {
                        h.destroyForcibly();
                    }
                }
            });
        } catch (NumberFormatException e) {
            // not a pid: ignore
        }
        Files.delete(pidFile);
    }

    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 10000 + (int) (Math.random() * 40000);
            if (isFree(8080 + offset) && isFree(8443 + offset) && isFree(9990 + offset) && isFree(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
