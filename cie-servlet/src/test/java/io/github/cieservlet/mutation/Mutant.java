package io.github.cieservlet.mutation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One mutant of PIT's {@code mutations.xml}: where it was planted and what became of it.
 *
 * @param mutatedClass the class, e.g. {@code io.github.cieservlet.store.InMemoryReplayCache}
 * @param method the method
 * @param line the source line
 * @param mutator the mutator's simple name, e.g. {@code NegateConditionalsMutator}
 * @param description PIT's description, e.g. {@code negated conditional}
 * @param status KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR or NON_VIABLE
 * @param detected whether a test failed (or the run errored or timed out) with the mutant in place
 */
record Mutant(String mutatedClass, String method, int line, String mutator, String description, String status,
        boolean detected) {

    /** @return the package of the mutated class */
    String packageName() {
        return mutatedClass.substring(0, mutatedClass.lastIndexOf('.'));
    }

    /** @return the simple name of the mutated class, without any nested-class suffix */
    String simpleClassName() {
        String simple = mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }

    /** @return whether a test ran with the mutant in place (PIT's "covered"; non-viable mutants never ran) */
    boolean covered() {
        return !"NO_COVERAGE".equals(status) && !"NON_VIABLE".equals(status);
    }

    /** @return whether a test ran with the mutant in place and none failed */
    boolean survived() {
        return covered() && !detected;
    }

    /** @return the key the equivalent-mutants list uses: {@code class#method:line mutator} */
    String key() {
        return mutatedClass + "#" + method + ":" + line + " " + mutator;
    }

    /**
     * @param report PIT's {@code mutations.xml} (outputFormats XML)
     * @return its mutants, in file order
     * @throws IOException when it cannot be read or parsed
     */
    static List<Mutant> readAll(Path report) throws IOException {
        try (InputStream in = Files.newInputStream(report)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element mutation = (Element) nodes.item(i);
                String mutator = text(mutation, "mutator");
                mutants.add(new Mutant(text(mutation, "mutatedClass"), text(mutation, "mutatedMethod"),
                        Integer.parseInt(text(mutation, "lineNumber")), mutator.substring(mutator.lastIndexOf('.') + 1),
                        text(mutation, "description"), mutation.getAttribute("status"),
                        Boolean.parseBoolean(mutation.getAttribute("detected"))));
            }
            return mutants;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read the PIT report " + report + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element mutation, String child) {
        NodeList found = mutation.getElementsByTagName(child);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
