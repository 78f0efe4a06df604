package io.github.cieservlet.sample.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A copy of a built WAR whose WEB-INF/web.xml is edited, as an integrator would edit theirs. */
final class WarVariant {

    private WarVariant() {
    }

    /**
     * @param war the WAR built by the sample module
     * @param copy where to write the variant
     * @param edit what to do to web.xml; must change it
     * @return {@code copy}
     */
    static Path of(Path war, Path copy, UnaryOperator<String> edit) throws IOException {
        return of(war, copy, edit, Map.of());
    }

    /**
     * @param war the WAR built by the sample module
     * @param copy where to write the variant
     * @param edit what to do to web.xml; must change it
     * @param files more files (path in the WAR to text), e.g. JSP pages
     * @return {@code copy}
     */
    static Path of(Path war, Path copy, UnaryOperator<String> edit, Map<String, String> files) throws IOException {
        Files.createDirectories(copy.getParent());
        Files.copy(war, copy, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of())) {
            Path webXml = zip.getPath("/WEB-INF/web.xml");
            String original = Files.readString(webXml, StandardCharsets.UTF_8);
            String edited = edit.apply(original);
            if (edited.equals(original)) {
                throw new IllegalStateException("the edit did not change " + war + "'s web.xml");
            }
            Files.writeString(webXml, edited, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = zip.getPath(file.getKey());
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return copy;
    }

    /**
     * @param xml a web.xml
     * @param from the first text to cut
     * @param to the last text to cut (included)
     * @return the web.xml without that span; fails when it is not there
     */
    static String cut(String xml, String from, String to) {
        int start = xml.indexOf(from);
        int end = xml.indexOf(to, start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("web.xml has no " + from + " ... " + to);
        }
        return xml.substring(0, start) + xml.substring(end + to.length());
    }
}
