package io.github.cieservlet.taglib;

import static io.github.cieservlet.taglib.HeadlessChromium.assertColour;
import static io.github.cieservlet.taglib.HeadlessChromium.number;
import static io.github.cieservlet.taglib.HeadlessChromium.whitePixels;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the real output of {@code <cie:button/>} (every size in every language) in headless Chromium and
 * checks what the browser drew: the geometry and colours it computed, read back from the page, and the pixels
 * of its screenshot. Not a pixel-perfect comparison, so font differences between machines do not matter.
 * The screenshot is saved as {@code docs/images/cie-button-sizes.png} for the documentation.
 *
 * <p>Needs the {@code chromium} command (Debian package {@code chromium}; {@code .ci/run} installs it), or
 * its path in the system property or environment variable {@code CHROMIUM}. Without it the test fails.
 */
class ButtonRenderingIT {

    private static final String[] SIZES = {"s", "m", "l", "xl"};
    private static final int[] WIDTHS = {150, 220, 280, 340};
    private static final String[][] LANGUAGES = {{"it", "Entra con CIE"}, {"en", "Sign in with CIE"},
        {"de", "Mit CIE anmelden"}};
    private static final int PAGE_WIDTH = 1240;
    private static final int PAGE_HEIGHT = 300;
    private static final int[] BLUE = {0, 83, 162};

    private static List<Map<String, String>> metrics;
    private static BufferedImage screenshot;

    @BeforeAll
    static void renderInChromium(@TempDir Path profiles) throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(Paths.get("target", "button-rendering").toAbsolutePath(),
                profiles, PAGE_WIDTH, PAGE_HEIGHT);
        Path page = chromium.write("buttons.html", page());
        metrics = chromium.measure(page);
        screenshot = chromium.screenshot(page, "cie-button-sizes.png");
        chromium.publish("cie-button-sizes.png");
    }

    @Test
    void everySizeHasItsWidthAndTheFiveToOneRatioInEveryLanguage() {
        assertThat(metrics).hasSize(SIZES.length * LANGUAGES.length);
        for (int i = 0; i < SIZES.length; i++) {
            for (String[] language : LANGUAGES) {
                Map<String, String> button = button(SIZES[i], language[0]);
                String what = SIZES[i] + "/" + language[0] + " " + button;
                assertThat(number(button, "w")).as("width of %s", what).isEqualTo(WIDTHS[i]);
                assertThat(number(button, "h")).as("height of %s (the text must fit on one line)", what)
                        .isEqualTo(WIDTHS[i] / 5);
                assertThat(number(button, "lines")).as("lines of text of %s", what).isEqualTo(1);
                assertThat(number(button, "textScrollW")).as("text overflow of %s", what)
                        .isLessThanOrEqualTo(number(button, "textClientW"));
            }
        }
    }

    @Test
    void theMarkHasTheSizeOfItsSizeAndSitsLeftOfTheText() {
        int[] icons = {19, 29, 38, 47};
        for (int i = 0; i < SIZES.length; i++) {
            for (String[] language : LANGUAGES) {
                Map<String, String> button = button(SIZES[i], language[0]);
                String what = SIZES[i] + "/" + language[0] + " " + button;
                assertThat(number(button, "iconW")).as("icon width of %s", what).isEqualTo(icons[i]);
                assertThat(number(button, "iconH")).as("icon height of %s", what).isEqualTo(icons[i]);
                assertThat(number(button, "markX") + number(button, "markW")).as("mark of %s", what)
                        .isLessThanOrEqualTo(number(button, "textX"));
                assertThat(number(button, "textX") + number(button, "textW")).as("text of %s", what)
                        .isLessThanOrEqualTo(number(button, "x") + number(button, "w"));
            }
        }
    }

    @Test
    void coloursAreTheCieBlueWithWhiteTextAndAWhiteSeparator() {
        for (Map<String, String> button : metrics) {
            assertThat(button.get("bg")).as("background of %s", button).isEqualTo("rgb(0, 83, 162)");
            assertThat(button.get("color")).as("text colour of %s", button).isEqualTo("rgb(255, 255, 255)");
            assertThat(button.get("separator")).as("separator of %s", button).isEqualTo("1px solid rgb(255, 255, 255)");
            assertThat(button.get("decoration")).as("underline of %s", button).isEqualTo("none");
        }
    }

    @Test
    void fontSizesAndTextsOfEverySizeAndLanguage() {
        String[] fontSizes = {"10px", "15px", "20px", "25px"};
        for (int i = 0; i < SIZES.length; i++) {
            for (String[] language : LANGUAGES) {
                Map<String, String> button = button(SIZES[i], language[0]);
                assertThat(button.get("font")).as("font size of %s", button).isEqualTo(fontSizes[i]);
                assertThat(button.get("name")).as("text, the accessible name, of %s", button).isEqualTo(language[1]);
                assertThat(button.get("lang")).as("language of the text of %s", button).isEqualTo(language[0]);
            }
        }
    }

    @Test
    void theScreenshotShowsBlueButtonsWithWhiteMarksAndText() {
        assertThat(screenshot.getWidth()).isEqualTo(PAGE_WIDTH);
        assertThat(screenshot.getHeight()).isEqualTo(PAGE_HEIGHT);
        for (Map<String, String> button : metrics) {
            int x = (int) Math.round(number(button, "x"));
            int y = (int) Math.round(number(button, "y"));
            int w = (int) Math.round(number(button, "w"));
            int h = (int) Math.round(number(button, "h"));
            int middle = y + h / 2;
            assertColour(screenshot, x + 3, middle, BLUE, "centre-left of " + button);
            assertColour(screenshot, x + w - 4, middle, BLUE, "centre-right of " + button);
            assertColour(screenshot, x + w / 2, y + 2, BLUE, "top of " + button);
            assertColour(screenshot, x + w / 2, y + h - 3, BLUE, "bottom of " + button);
            assertThat(screenshot.getRGB(x + w / 2, y - 3) & 0xffffff).as("page above %s", button).isEqualTo(0xffffff);

            int textX = (int) Math.round(number(button, "textX"));
            int textW = (int) Math.round(number(button, "textW"));
            assertThat(whitePixels(screenshot, textX, y, textW, h)).as("white pixels of the text of %s", button)
                    .isGreaterThan(h);
            int markX = (int) Math.round(number(button, "markX"));
            int markW = (int) Math.round(number(button, "markW"));
            assertThat(whitePixels(screenshot, markX, y, markW - 1, h)).as("white pixels of the mark of %s", button)
                    .isGreaterThan(h);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A page with the tags' real output: one row per size, one column per language, and a measuring script. */
    private static String page() throws Exception {
        FakePage fake = new FakePage().at("", "/index.jsp", null);
        StringBuilder rows = new StringBuilder();
        String before = "";
        for (int i = 0; i < SIZES.length; i++) {
            rows.append("<div class=\"row\"><span class=\"label\">size=\"").append(SIZES[i]).append("\"<br>")
                    .append(WIDTHS[i]).append(" \u00d7 ").append(WIDTHS[i] / 5).append(" px</span>");
            for (String[] language : LANGUAGES) {
                ButtonTag tag = new ButtonTag();
                tag.setSize(SIZES[i]);
                tag.setLang(language[0]);
                tag.setTarget("/area-riservata/");
                String all = fake.render(tag);
                rows.append("<span class=\"cell\" data-size=\"").append(SIZES[i]).append("\" data-lang=\"")
                        .append(language[0]).append("\">").append(all.substring(before.length())).append("</span>");
                before = all;
            }
            rows.append("</div>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\"><title>cie:button</title>"
                + "<style>html,body{margin:0;background:#fff}body{width:" + PAGE_WIDTH + "px;height:" + PAGE_HEIGHT
                + "px;box-sizing:border-box;padding:16px 20px;font:12px/1.3 system-ui,sans-serif;color:#444}"
                + ".row{display:flex;align-items:center;gap:24px}.row+.row{margin-top:20px}"
                + ".label{flex:none;width:90px}.cell{flex:none;width:340px}"
                + "#metrics{display:none}</style></head>\n<body>\n" + rows
                + "<pre id=\"metrics\"></pre>\n<script>\n"
                + "var lines = [];\n"
                + "document.querySelectorAll('.cell').forEach(function (cell) {\n"
                + "  var a = cell.querySelector('a.cie-button'), mark = a.querySelector('.cie-button-mark'),\n"
                + "      text = a.querySelector('.cie-button-text'), icon = mark.querySelector('svg'),\n"
                + "      r = a.getBoundingClientRect(), m = mark.getBoundingClientRect(),\n"
                + "      t = text.getBoundingClientRect(), ic = icon.getBoundingClientRect(),\n"
                + "      s = getComputedStyle(a), ms = getComputedStyle(mark), words = document.createRange();\n"
                + "  words.selectNodeContents(text);\n"
                + "  lines.push(['size=' + cell.dataset.size, 'lang=' + text.lang, 'x=' + r.x, 'y=' + r.y,\n"
                + "    'w=' + r.width, 'h=' + r.height, 'markX=' + m.x, 'markW=' + m.width,\n"
                + "    'textX=' + t.x, 'textW=' + t.width, 'textScrollW=' + text.scrollWidth,\n"
                + "    'textClientW=' + text.clientWidth, 'iconW=' + ic.width, 'iconH=' + ic.height,\n"
                + "    'bg=' + s.backgroundColor, 'color=' + s.color, 'font=' + s.fontSize,\n"
                + "    'decoration=' + s.textDecorationLine,\n"
                + "    'separator=' + ms.borderRightWidth + ' ' + ms.borderRightStyle + ' ' + ms.borderRightColor,\n"
                + "    'lines=' + words.getClientRects().length, 'name=' + a.textContent.trim()].join('|'));\n"
                + "});\n"
                + "document.getElementById('metrics').textContent = lines.join('\\n');\n"
                + "</script>\n</body></html>\n";
    }

    private static Map<String, String> button(String size, String lang) {
        return metrics.stream().filter(b -> size.equals(b.get("size")) && lang.equals(b.get("lang"))).findFirst()
                .orElseThrow(() -> new AssertionError("no measurements of size " + size + ", lang " + lang));
    }
}
