package io.github.cieservlet.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationScoreCheckTest {

    private static final MutationScoreCheck CHECK = new MutationScoreCheck(0.9, Pattern.compile(".*(Signature|Replay).*"));
    private static final String PKG = "io.github.cieservlet.web.";

    @TempDir
    Path dir;

    @Test
    void readsPitsReport() throws IOException {
        Path report = write("mutations.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"false\">"
                + "<mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><sourceFile>A.java</sourceFile>"
                + "<mutatedClass>io.github.cieservlet.store.InMemoryReplayCache$1</mutatedClass><mutatedMethod>firstUse</mutatedMethod>"
                + "<methodDescription>(Ljava/lang/String;)Z</methodDescription><lineNumber>33</lineNumber>"
                + "<mutator>org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator</mutator>"
                + "<indexes><index>5</index></indexes><blocks><block>1</block></blocks><killingTest/>"
                + "<description>negated conditional</description></mutation></mutations>");

        assertThat(Mutant.readAll(report)).containsExactly(new Mutant("io.github.cieservlet.store.InMemoryReplayCache$1",
                "firstUse", 33, "NegateConditionalsMutator", "negated conditional", "SURVIVED", false));
        assertThat(Mutant.readAll(report).get(0).simpleClassName()).isEqualTo("InMemoryReplayCache");
    }

    @Test
    void packageAtTheThreshold_passes_andUncoveredMutantsDoNotCount() {
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            mutants.add(killed("Page", i));
        }
        mutants.add(survived("Page", 20));
        mutants.add(new Mutant(PKG + "Page", "m", 30, "VoidMethodCallMutator", "removed call", "NO_COVERAGE", false));

        MutationScoreCheck.Result result = CHECK.evaluate(mutants, none());

        assertThat(result.failures()).isEmpty();
        assertThat(result.table()).contains("io.github.cieservlet.web").contains("90.0%");
    }

    @Test
    void packageUnderTheThreshold_fails() {
        List<Mutant> mutants = List.of(killed("Page", 1), killed("Page", 2), killed("Page", 3), survived("Page", 4));

        assertThat(CHECK.evaluate(mutants, none()).failures())
                .containsExactly("package io.github.cieservlet.web kills 3 of 4 covered mutants (75.0%), under 90%");
    }

    @Test
    void anySurvivorInATrustCheck_fails_evenAboveTheThreshold() {
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mutants.add(killed("Page", i));
        }
        mutants.add(survived("SignatureCheck", 40));

        assertThat(CHECK.evaluate(mutants, none()).failures()).containsExactly(
                "trust check survivor: io.github.cieservlet.web.SignatureCheck#m:40 NegateConditionalsMutator (negated conditional)");
    }

    @Test
    void listedEquivalentSurvivor_isLeftOut() throws IOException {
        List<Mutant> mutants = List.of(killed("ReplayCheck", 1), survived("ReplayCheck", 2));
        EquivalentMutants listed = list("# comment\n\n" + PKG + "ReplayCheck#m:2 NegateConditionalsMutator -- same outcome either way\n");

        MutationScoreCheck.Result result = CHECK.evaluate(mutants, listed);

        assertThat(result.failures()).isEmpty();
        assertThat(result.table()).contains("100.0%");
    }

    @Test
    void listedMutantThatNoLongerSurvives_fails() throws IOException {
        EquivalentMutants listed = list(PKG + "Page#m:1 NegateConditionalsMutator -- stale\n");

        assertThat(CHECK.evaluate(List.of(killed("Page", 1)), listed).failures()).containsExactly(
                "listed as equivalent but no such survivor (killed, or the line moved): " + PKG + "Page#m:1 NegateConditionalsMutator");
    }

    @Test
    void entryWithoutAReason_isRejected() throws IOException {
        Path file = write("equivalent-mutants.txt", PKG + "Page#m:1 NegateConditionalsMutator\n");

        assertThatThrownBy(() -> EquivalentMutants.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("equivalent-mutants.txt:1");
    }

    @Test
    void emptyReport_fails() {
        assertThat(CHECK.evaluate(List.of(), none()).failures()).hasSize(1);
    }

    @Test
    void theCheckedInList_isWellFormed() throws IOException {
        assertThat(EquivalentMutants.read(Path.of("src/test/pit/equivalent-mutants.txt")).keys())
                .allMatch(key -> key.startsWith("io.github.cieservlet."));
    }

    private static Mutant killed(String type, int line) {
        return new Mutant(PKG + type, "m", line, "NegateConditionalsMutator", "negated conditional", "KILLED", true);
    }

    private static Mutant survived(String type, int line) {
        return new Mutant(PKG + type, "m", line, "NegateConditionalsMutator", "negated conditional", "SURVIVED", false);
    }

    private EquivalentMutants none() {
        try {
            return EquivalentMutants.read(dir.resolve("absent.txt"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EquivalentMutants list(String text) throws IOException {
        return EquivalentMutants.read(write("equivalent-mutants.txt", text));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
