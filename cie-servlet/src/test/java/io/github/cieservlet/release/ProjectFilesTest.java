// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files a reuser, a procurement office or a release needs are there and agree with the build: the licence, the
 * changelog of the POM's version, the security policy, and every script the release documents names.
 */
class ProjectFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void licenceNoticeSecurityPolicyAndContributingGuideArePresent() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).startsWith("\n                                 Apache License");
        assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("cie-servlet", "Apache License, Version 2.0");
        assertThat(Files.readString(ROOT.resolve("SECURITY.md"))).contains("## Reporting a vulnerability",
                "## Supported versions");
        assertThat(Files.readString(ROOT.resolve("CONTRIBUTING.md"))).contains("./mvnw verify", "duplicates");
    }

    @Test
    void changelogFollowsKeepAChangelogAndHasTheCurrentVersion() throws IOException {
        String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"));
        String release = ProjectPom.read(ROOT.resolve("pom.xml")).version().replace("-SNAPSHOT", "");
        assertThat(changelog).contains("https://keepachangelog.com/en/1.1.0/", "https://semver.org/spec/v2.0.0.html",
                "## [Unreleased]", "## [" + release + "]");
    }

    @Test
    void everyScriptTheReleaseDocsNameExistsAndIsExecutable() throws IOException {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (String doc : new String[] {"docs/release.md", "CONTRIBUTING.md"}) {
            Matcher script = Pattern.compile("\\.ci/[a-z-]+(?:\\.sh)?\\b").matcher(Files.readString(ROOT.resolve(doc)));
            while (script.find()) {
                count++;
                Path file = ROOT.resolve(script.group());
                if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                    missing.add(doc + ": " + script.group());
                }
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(4);
        assertThat(missing).as("scripts named in the release docs but missing or not executable").isEmpty();
    }

    @Test
    void buildTimestampIsFixedForReproducibleArchives() throws IOException {
        Matcher timestamp = Pattern.compile("<project\\.build\\.outputTimestamp>([^<]+)</project\\.build\\.outputTimestamp>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(timestamp.find()).as("project.build.outputTimestamp in pom.xml").isTrue();
        assertThat(timestamp.group(1)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }
}
