// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Headless Chromium for the rendering tests: loads a page the test wrote, returns the measurements its script
 * wrote into {@code <pre id="metrics">} (one line per element, {@code key=value} pairs separated by {@code |}),
 * and takes its screenshot.
 *
 * <p>Needs the {@code chromium} command (Debian package {@code chromium}; {@code .ci/run} installs it), or
 * its path in the system property or environment variable {@code CHROMIUM}. Without it the tests fail.
 * Shared with sample-war's tests through this module's test-jar.
 */
public final class HeadlessChromium {

    private static final Pattern METRICS = Pattern.compile("<pre id=\"metrics\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

    private final String chromium;
    private final Path workDir;
    private final Path profiles;
    private final int width;
    private final int height;

    /**
     * @param workDir where pages, screenshots and Chromium's output go
     * @param profiles a temporary directory for Chromium's throw-away profiles
     * @param width the window's width in CSS pixels
     * @param height the window's height in CSS pixels
     */
    public HeadlessChromium(Path workDir, Path profiles, int width, int height) throws IOException {
        this.chromium = command();
        this.workDir = workDir;
        this.profiles = profiles;
        this.width = width;
        this.height = height;
        Files.createDirectories(workDir);
    }

    /** @return a page file in the work directory with this HTML */
    Path write(String name, String html) throws IOException {
        Path page = workDir.resolve(name);
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    /** Loads the page, lets its scripts run and returns the measurements they wrote. */
    List<Map<String, String>> measure(Path page) throws Exception {
        String dom = dom(page.toUri().toString(), page.getFileName().toString());
        Matcher matcher = METRICS.matcher(dom);
        assertThat(matcher.find()).as("the page's measurements in the DOM Chromium dumped:%n%s", dom).isTrue();
        return parse(matcher.group(1));
    }

    /**
     * @param url the page's address, e.g. a page of a server the test started
     * @param name a name for Chromium's output files
     * @return the page's DOM as Chromium serialises it after its scripts ran
     */
    public String dom(String url, String name) throws Exception {
        return run(name + "-dom", "--dump-dom", url);
    }

    /** Loads the page and returns its screenshot, saved as {@code png} in the work directory. */
    BufferedImage screenshot(Path page, String png) throws Exception {
        return screenshot(page.toUri().toString(), png);
    }

    /** Loads the page at this address and returns its screenshot, saved as {@code png} in the work directory. */
    public BufferedImage screenshot(String url, String png) throws Exception {
        Path file = workDir.resolve(png);
        Files.deleteIfExists(file);
        run(png, "--screenshot=" + file, url);
        assertThat(file).as("Chromium's screenshot").isRegularFile();
        return ImageIO.read(file.toFile());
    }

    /** Copies a screenshot of the work directory to {@code docs/images}, when the docs are next to the module. */
    public void publish(String png) throws IOException {
        Path docs = Paths.get("..", "docs").toAbsolutePath().normalize();
        if (Files.isDirectory(docs)) {
            Files.createDirectories(docs.resolve("images"));
            Files.copy(workDir.resolve(png), docs.resolve("images").resolve(png), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return the number of a measurement */
    static double number(Map<String, String> element, String key) {
        String value = element.get(key);
        assertThat(value).as("%s in %s", key, element).isNotNull();
        return Double.parseDouble(value);
    }

    /** @return how many pixels of the image have this colour, give or take 2 per channel */
    public static int pixelsOf(BufferedImage image, int[] colour) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - colour[0]) <= 2 && Math.abs(((rgb >> 8) & 0xff) - colour[1]) <= 2
                        && Math.abs((rgb & 0xff) - colour[2]) <= 2) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Asserts that a pixel has a colour, give or take 2 per channel. */
    static void assertColour(BufferedImage image, int x, int y, int[] expected, String what) {
        int rgb = image.getRGB(x, y);
        int[] actual = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(actual[c] - expected[c])).as("pixel (%d, %d) rgb(%d, %d, %d) at %s should be rgb(%d, %d, %d)",
                    x, y, actual[0], actual[1], actual[2], what, expected[0], expected[1], expected[2])
                    .isLessThanOrEqualTo(2);
        }
    }

    /** @return how many pixels of the rectangle are white or nearly */
    public static int whitePixels(BufferedImage image, int x, int y, int w, int h) {
        int count = 0;
        for (int i = x; i < x + w; i++) {
            for (int j = y; j < y + h; j++) {
                int rgb = image.getRGB(i, j);
                if (((rgb >> 16) & 0xff) > 220 && ((rgb >> 8) & 0xff) > 220 && (rgb & 0xff) > 220) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String command() {
        String configured = System.getProperty("CHROMIUM", System.getenv("CHROMIUM"));
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Paths.get(configured))) {
                fail("CHROMIUM is set to " + configured + ", which is not an executable file");
            }
            return configured;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Paths.get(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("Headless Chromium is needed to check how the cie tags' buttons look, and no 'chromium' command is"
                + " on the PATH. Install the Debian package: apt-get install chromium (.ci/run does this), or set"
                + " CHROMIUM to the browser's path.");
    }

    /** Runs Chromium headless with a fresh profile and no network chatter; returns its standard output. */
    private String run(String name, String... arguments) throws Exception {
        Path profile = profiles.resolve(name);
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                // lets the page's timers run (e.g. a measurement after a CSP violation report) before the dump
                "--virtual-time-budget=2000"));
        command.addAll(List.of(arguments));
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 90 s: " + command + "; see " + err);
        }
        if (process.exitValue() != 0) {
            fail("Chromium exited with " + process.exitValue() + ": " + command + "\n" + Files.readString(err));
        }
        deleteQuietly(profile);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            Map<String, String> element = new HashMap<>();
            for (String pair : line.split("\\|")) {
                int equals = pair.indexOf('=');
                element.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            elements.add(element);
        }
        return elements;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in a temporary directory is harmless
        }
    }
}
