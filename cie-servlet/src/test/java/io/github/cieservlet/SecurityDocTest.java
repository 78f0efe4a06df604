package io.github.cieservlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md names, for each defence, the tests that prove it ({@code Class#method}, or {@code #method} for
 * another method of the class named just before): every one of them must exist in the test sources of the
 * project, so that the document cannot cite a test that was renamed or removed.
 */
class SecurityDocTest {

    @Test
    void everyTestNamedInTheSecurityDocExists() throws IOException {
        String doc = new String(Files.readAllBytes(Paths.get("..", "docs", "security.md")), StandardCharsets.UTF_8);
        Map<String, String> sources = testSources();
        Matcher reference = Pattern.compile("`(?:([A-Z][A-Za-z0-9]*))?#([A-Za-z0-9_]+)`").matcher(doc);
        List<String> missing = new ArrayList<>();
        String currentClass = null;
        int count = 0;
        while (reference.find()) {
            if (reference.group(1) != null) {
                currentClass = reference.group(1);
            }
            String source = sources.get(currentClass);
            String method = reference.group(2);
            count++;
            if (source == null || !Pattern.compile("void " + method + "\\(").matcher(source).find()) {
                missing.add(currentClass + "#" + method);
            }
        }
        assertThat(count).isGreaterThan(50);
        assertThat(missing).as("tests named in docs/security.md but not found").isEmpty();
    }

    /** @return the test sources of every module, by simple class name */
    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (String module : new String[] {"cie-servlet", "cie-servlet-jaspic", "cie-oidc", "cie-jsp-taglib", "cie-test-idp",
                "sample-war", "container-tests"}) {
            Path root = Paths.get("..", module, "src", "test", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                    String name = file.getFileName().toString().replace(".java", "");
                    sources.put(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        return sources;
    }
}
