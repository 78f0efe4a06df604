package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar count, size and versions the install guides state are measured, not written by hand: the jars a portal
 * gets with the two dependencies of docs/install-tomcat.md (cie-servlet and cie-jsp-taglib) are this module's
 * runtime dependencies, which the build copies to {@code target/portal-lib}, plus this module's jar.
 */
class PortalJarsIT {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COUNT_AND_SIZE = Pattern.compile("\\((\\d+) jars, about (\\d+) MB");
    private static final Pattern VERSIONS = Pattern.compile("OpenSAML (\\S+), Apache Santuario xmlsec (\\S+) and");

    private static List<Path> jars;

    @BeforeAll
    static void measure() throws IOException {
        try (Stream<Path> lib = Files.list(Path.of("target/portal-lib"));
                Stream<Path> own = Files.list(Path.of("target"))) {
            jars = Stream.concat(lib, own.filter(PortalJarsIT::isThisModulesMainJar))
                    .filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    private static boolean isThisModulesMainJar(Path path) {
        return path.getFileName().toString().matches("cie-jsp-taglib-[^-]+(-SNAPSHOT)?\\.jar");
    }

    @Test
    void theInstallGuidesStateTheMeasuredCountAndSize() throws IOException {
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        long megabytes = Math.round(bytes / 1_000_000.0);
        String measured = "(" + jars.size() + " jars, about " + megabytes + " MB";
        for (String guide : new String[] {"docs/install-tomcat.md", "docs/install-tomcat9-javax.md"}) {
            Matcher stated = COUNT_AND_SIZE.matcher(Files.readString(ROOT.resolve(guide)));
            assertThat(stated.find()).as("%s states \"%s\"", guide, measured).isTrue();
            assertThat(stated.group()).as("%s: measured %s in target/portal-lib plus the taglib jar: %s", guide,
                    measured, names()).isEqualTo(measured);
        }
    }

    @Test
    void theInstallGuideNamesTheVersionsThatAreShipped_andNoBouncyCastle() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/install-tomcat.md"));
        Matcher versions = VERSIONS.matcher(guide);
        assertThat(versions.find()).as("docs/install-tomcat.md names the OpenSAML and xmlsec versions").isTrue();
        assertThat(names()).contains("opensaml-core-" + versions.group(1) + ".jar", "xmlsec-" + versions.group(2) + ".jar");
        assertThat(names()).as("Bouncy Castle comes only with the test IdP").noneMatch(name -> name.startsWith("bc"));
        assertThat(guide).doesNotContain("Bouncy Castle 1.");
    }

    private static List<String> names() {
        return jars.stream().map(path -> path.getFileName().toString()).collect(Collectors.toList());
    }
}
