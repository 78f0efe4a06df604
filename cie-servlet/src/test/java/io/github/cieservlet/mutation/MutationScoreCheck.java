package io.github.cieservlet.mutation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mutation-testing gate of the build (run by exec-maven-plugin after PIT, in {@code verify}). Fails when
 * <ul>
 * <li>a package kills fewer than the threshold (90%) of its covered mutants, equivalent ones left out;</li>
 * <li>a trust-check class (signature, binding, replay, audience, destination, target...) keeps any survivor
 * that the equivalent-mutants list does not name;</li>
 * <li>the list names a mutant that no longer survives (killed, or its line moved): the list must stay true.</li>
 * </ul>
 * PIT's own {@code mutationThreshold} is one number for the whole run; this check is per package.
 */
public final class MutationScoreCheck {

    private final double threshold;
    private final Pattern trustChecks;

    /**
     * @param threshold the lowest share of covered mutants each package must kill, e.g. 0.9
     * @param trustChecks matched against a class's simple name: the classes allowed no survivor at all
     */
    MutationScoreCheck(double threshold, Pattern trustChecks) {
        this.threshold = threshold;
        this.trustChecks = trustChecks;
    }

    /**
     * @param args {@code mutations.xml}, the equivalent-mutants list, the threshold in percent, the trust-check
     *        class-name pattern
     * @throws IOException when a file cannot be read
     * @throws IllegalStateException when the gate fails; the message says why
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: MutationScoreCheck mutations.xml equivalent-mutants.txt percent pattern");
        }
        MutationScoreCheck check = new MutationScoreCheck(Integer.parseInt(args[2]) / 100.0, Pattern.compile(args[3]));
        Result result = check.evaluate(Mutant.readAll(Path.of(args[0])), EquivalentMutants.read(Path.of(args[1])));
        System.out.println(result.table());
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException("mutation testing gate failed:\n  " + String.join("\n  ", result.failures())
                    + "\nKill the survivor with a test, or list it with its reason in " + args[1]
                    + " (docs/security.md, \"Mutation testing\"). Report: target/pit-reports/index.html");
        }
    }

    /**
     * @param mutants every mutant of the run
     * @param equivalent the reviewed list
     * @return the per-package scores and every failure
     */
    Result evaluate(List<Mutant> mutants, EquivalentMutants equivalent) {
        List<String> failures = new ArrayList<>();
        if (mutants.isEmpty()) {
            failures.add("the PIT report holds no mutant: did PIT run on the security core?");
        }
        Map<String, List<Mutant>> byPackage = mutants.stream()
                .collect(Collectors.groupingBy(Mutant::packageName, TreeMap::new, Collectors.toList()));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %8s %8s %8s %8s %9s%n",
                "package", "mutants", "killed", "survived", "no cover", "equiv.", "score"));
        byPackage.forEach((name, inPackage) -> {
            List<Mutant> real = inPackage.stream().filter(m -> !(m.survived() && equivalent.contains(m))).collect(Collectors.toList());
            long covered = real.stream().filter(Mutant::covered).count();
            long killed = real.stream().filter(m -> m.covered() && m.detected()).count();
            double score = covered == 0 ? 1 : (double) killed / covered;
            table.append(String.format(Locale.ROOT, "%-40s %8d %8d %8d %8d %8d %8.1f%%%n", name, inPackage.size(), killed,
                    covered - killed, inPackage.stream().filter(m -> !m.covered()).count(), inPackage.size() - real.size(),
                    100 * score));
            if (score < threshold) {
                failures.add(String.format(Locale.ROOT, "package %s kills %d of %d covered mutants (%.1f%%), under %.0f%%",
                        name, killed, covered, 100 * score, 100 * threshold));
            }
            real.stream().filter(m -> m.survived() && trustChecks.matcher(m.simpleClassName()).matches())
                    .forEach(m -> failures.add("trust check survivor: " + m.key() + " (" + m.description() + ")"));
        });
        Set<String> survivors = mutants.stream().filter(Mutant::survived).map(Mutant::key).collect(Collectors.toSet());
        equivalent.keys().stream().filter(key -> !survivors.contains(key))
                .forEach(key -> failures.add("listed as equivalent but no such survivor (killed, or the line moved): " + key));
        return new Result(table.toString(), failures);
    }

    /**
     * @param table the per-package scores, for the build log
     * @param failures why the gate fails; empty when it passes
     */
    record Result(String table, List<String> failures) {
    }
}
