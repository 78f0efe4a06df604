// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import static io.github.cieservlet.taglib.HeadlessChromium.assertColour;
import static io.github.cieservlet.taglib.HeadlessChromium.number;
import static io.github.cieservlet.taglib.HeadlessChromium.whitePixels;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieUrls;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the CIE, SPID and eIDAS buttons side by side in headless Chromium under a strict
 * Content-Security-Policy ({@code default-src 'none'}, styles and scripts by nonce only), drives the SPID chooser
 * with the keyboard and the mouse through the tag's own script, checks it again with that script removed (the
 * no-script fallback), and saves the screenshot, chooser open, as {@code docs/images/scheme-buttons.png}.
 */
class SchemeButtonsRenderingIT {

    private static final int PAGE_WIDTH = 1000;
    private static final int PAGE_HEIGHT = 480;
    private static final String NONCE = "r4nd0m-n0nce";
    private static final String[] SIZES = {"m", "l"};
    private static final Map<String, int[]> COLOURS = Map.of("cie", new int[] {0, 83, 162},
            "spid", new int[] {0, 102, 204}, "eidas", new int[] {0, 68, 148});
    private static final Map<String, String> TEXTS = Map.of("cie", "Entra con CIE", "spid", "Entra con SPID",
            "eidas", "Login with eIDAS");

    private static List<Map<String, String>> withScript;
    private static List<Map<String, String>> withoutScript;
    private static BufferedImage screenshot;

    @BeforeAll
    static void renderInChromium(@TempDir Path profiles) throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(Paths.get("target", "button-rendering").toAbsolutePath(),
                profiles, PAGE_WIDTH, PAGE_HEIGHT);
        String buttons = buttons();
        Path page = chromium.write("scheme-buttons.html", page(buttons, KEYBOARD_AND_MOUSE));
        withScript = chromium.measure(page);
        String scriptless = buttons.replaceAll("(?s)<script nonce=\"" + NONCE + "\">.*?</script>", "");
        assertThat(scriptless).as("the tag's script, removed").doesNotContain("<script").isNotEqualTo(buttons);
        withoutScript = chromium.measure(chromium.write("scheme-buttons-noscript.html", page(scriptless, FOCUS_ONLY)));
        screenshot = chromium.screenshot(page, "scheme-buttons.png");
        chromium.publish("scheme-buttons.png");
    }

    @Test
    void theStrictContentSecurityPolicyBlocksNothingTheTagsWrite() {
        assertThat(check(withScript, "violations")).as("CSP violations").isEqualTo("");
        assertThat(check(withScript, "scriptRan")).as("the tag's script ran under the CSP").isEqualTo("true");
    }

    @Test
    void everyButtonHasTheWidthOfItsSizeTheFiveToOneRatioItsColourAndItsText() {
        List<Map<String, String>> buttons = of(withScript, "button");
        assertThat(buttons).hasSize(6);
        for (Map<String, String> button : buttons) {
            int width = "m".equals(button.get("size")) ? 220 : 280;
            assertThat(number(button, "w")).as("width of %s", button).isEqualTo(width);
            assertThat(number(button, "h")).as("height of %s", button).isEqualTo(width / 5);
            assertThat(number(button, "lines")).as("lines of text of %s", button).isEqualTo(1);
            int[] rgb = COLOURS.get(button.get("scheme"));
            assertThat(button.get("bg")).as("background of %s", button)
                    .isEqualTo("rgb(" + rgb[0] + ", " + rgb[1] + ", " + rgb[2] + ")");
            assertThat(button.get("color")).as("text colour of %s", button).isEqualTo("rgb(255, 255, 255)");
            assertThat(button.get("name")).as("text of %s", button).isEqualTo(TEXTS.get(button.get("scheme")));
        }
        assertThat(buttons.stream().filter(b -> "spid".equals(b.get("scheme"))).map(b -> b.get("tag"))
                .collect(Collectors.toSet())).as("the SPID button is a real button").containsExactly("BUTTON");
    }

    @Test
    void theKeyboardOpensWalksAndClosesTheChooserAndEscapeGivesTheFocusBack() {
        assertThat(check(withScript, "closed")).isEqualTo("none false");
        assertThat(check(withScript, "arrowDownOnButton")).as("display, aria-expanded, index of the focused link")
                .isEqualTo("block true 0");
        assertThat(check(withScript, "arrowDownAgain")).isEqualTo("1");
        assertThat(check(withScript, "arrowUpTwice")).as("from the first link up to the last, Serve aiuto?")
                .isEqualTo("6");
        assertThat(check(withScript, "escape")).as("display, aria-expanded, focus on the button")
                .isEqualTo("none false true");
    }

    @Test
    void aClickOpensTheChooserAnotherClosesItAndAClickOutsideClosesIt() {
        assertThat(check(withScript, "click")).isEqualTo("block true");
        assertThat(check(withScript, "clickAgain")).isEqualTo("none false");
        assertThat(check(withScript, "clickOutside")).isEqualTo("none false");
        assertThat(check(withScript, "focusOutside")).as("focus moving out of an open chooser").isEqualTo("none false");
    }

    @Test
    void theOpenChooserListsEveryIdentityProviderUnderTheButtonWithLargeEnoughTargets() {
        Map<String, String> menu = of(withScript, "menu").get(0);
        assertThat(number(menu, "top")).as("top of the list under the button %s", menu)
                .isBetween(number(menu, "buttonBottom"), number(menu, "buttonBottom") + 8);
        assertThat(number(menu, "left")).isEqualTo(number(menu, "buttonLeft"));
        assertThat(number(menu, "w")).isGreaterThanOrEqualTo(number(menu, "buttonW"));
        List<Map<String, String>> links = of(withScript, "link");
        assertThat(links).extracting(l -> l.get("text")).containsExactlyInAnyOrder("IdP Alfa", "IdP Beta",
                "IdP Gamma", "SPID test IdP", "Maggiori informazioni", "Non hai SPID?", "Serve aiuto?");
        for (Map<String, String> link : links) {
            assertThat(number(link, "h")).as("height of %s", link)
                    .isGreaterThanOrEqualTo(link.get("text").endsWith("?") || link.get("text").startsWith("Maggiori")
                            ? 36 : 44);
            assertThat(number(link, "scrollW")).as("text overflow of %s", link).isLessThanOrEqualTo(number(link, "clientW"));
        }
    }

    @Test
    void withoutTheScriptTheChooserShowsWhileTheFocusIsInsideIt() {
        assertThat(check(withoutScript, "scriptRan")).isEqualTo("false");
        assertThat(check(withoutScript, "closed")).isEqualTo("none false");
        assertThat(check(withoutScript, "focusButton")).as("window focus: %s", check(withoutScript, "windowFocus"))
                .isEqualTo("block");
        assertThat(check(withoutScript, "focusLink")).isEqualTo("block");
        assertThat(check(withoutScript, "focusOutside")).isEqualTo("none");
    }

    @Test
    void theScreenshotShowsTheButtonsInTheirColoursAndTheOpenChooserOnWhite() {
        assertThat(screenshot.getWidth()).isEqualTo(PAGE_WIDTH);
        for (Map<String, String> button : of(withScript, "button")) {
            int x = (int) Math.round(number(button, "x"));
            int y = (int) Math.round(number(button, "y"));
            int w = (int) Math.round(number(button, "w"));
            int h = (int) Math.round(number(button, "h"));
            boolean open = "spid".equals(button.get("scheme")) && "l".equals(button.get("size"));
            int[] colour = open ? new int[] {0, 51, 102} : COLOURS.get(button.get("scheme"));
            assertColour(screenshot, x + 3, y + h / 2, colour, "left of " + button);
            assertColour(screenshot, x + w - 4, y + h / 2, colour, "right of " + button);
            assertThat(whitePixels(screenshot, x + h, y, w - h, h)).as("white text of %s", button).isGreaterThan(h);
        }
        Map<String, String> menu = of(withScript, "menu").get(0);
        int left = (int) Math.round(number(menu, "left"));
        int top = (int) Math.round(number(menu, "top"));
        int w = (int) Math.round(number(menu, "w"));
        int h = (int) Math.round(number(menu, "h"));
        assertThat(whitePixels(screenshot, left + 2, top + 2, w - 4, h - 4)).as("the list's white background")
                .isGreaterThan((w - 4) * (h - 4) / 2);
        assertThat(whitePixels(screenshot, left + 2, top + 2, w - 4, h - 4)).as("and its text")
                .isLessThan((w - 4) * (h - 4));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String check(List<Map<String, String>> metrics, String name) {
        return metrics.stream().filter(m -> "check".equals(m.get("kind")) && name.equals(m.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + metrics)).get("value");
    }

    private static List<Map<String, String>> of(List<Map<String, String>> metrics, String kind) {
        return metrics.stream().filter(m -> kind.equals(m.get("kind"))).collect(Collectors.toList());
    }

    /** The tags' real output: a row per size with the CIE, SPID and eIDAS buttons, all with the page's nonce. */
    private static String buttons() throws Exception {
        FakePage fake = new FakePage().at("", "/index.jsp", null).withUrls(new CieUrls("/cie",
                EnumSet.allOf(LoginScheme.class), List.of(
                        new SpidIdentityProvider("https://alfa.example", "IdP Alfa", null),
                        new SpidIdentityProvider("https://beta.example", "IdP Beta", null),
                        new SpidIdentityProvider("https://gamma.example", "IdP Gamma", null),
                        new SpidIdentityProvider("http://localhost:8080/cie-test-idp/spid", "SPID test IdP", null))));
        Random random = new Random(5);
        StringBuilder rows = new StringBuilder();
        String before = "";
        for (String size : SIZES) {
            rows.append("<div class=\"row\">");
            ButtonTag cie = new ButtonTag();
            cie.setSize(size);
            cie.setNonce(NONCE);
            SpidButtonTag spid = new SpidButtonTag(random);
            spid.setSize(size);
            spid.setNonce(NONCE);
            EidasButtonTag eidas = new EidasButtonTag();
            eidas.setSize(size);
            eidas.setNonce(NONCE);
            for (SimpleTagSupport tag : new SimpleTagSupport[] {cie, spid, eidas}) {
                tag.getClass().getMethod("setTarget", String.class).invoke(tag, "/area-riservata/");
                String all = fake.render(tag);
                rows.append("<span class=\"cell\" data-size=\"").append(size).append("\">")
                        .append(all.substring(before.length())).append("</span>");
                before = all;
            }
            rows.append("</div>\n");
        }
        return rows.toString();
    }

    private static String page(String buttons, String checks) {
        return "<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'nonce-" + NONCE
                + "'; script-src 'nonce-" + NONCE + "'\"><title>cie:button, cie:spidButton, cie:eidasButton</title>"
                + "<script nonce=\"" + NONCE + "\">window.violations=[];document.addEventListener("
                + "'securitypolicyviolation',function(e){violations.push(e.violatedDirective+' '+e.blockedURI);});"
                + "</script><style nonce=\"" + NONCE + "\">html,body{margin:0;background:#fff}body{box-sizing:border-box;"
                + "width:" + PAGE_WIDTH + "px;height:" + PAGE_HEIGHT + "px;padding:16px 20px;font:12px/1.3 system-ui,"
                + "sans-serif;color:#444}.row{display:flex;align-items:flex-start;gap:24px}.row+.row{margin-top:24px}"
                + ".cell{flex:none;width:290px}#metrics{display:none}</style></head>\n<body>\n" + buttons
                + "<pre id=\"metrics\"></pre>\n<script nonce=\"" + NONCE + "\">\n" + MEASURE + checks
                + "setTimeout(function () { check('violations', violations.join(',')); "
                + "document.getElementById('metrics').textContent = lines.join('\\n'); }, 0);\n"
                + "</script>\n</body></html>\n";
    }

    /** Measures every button and defines the helpers of the checks. */
    private static final String MEASURE = ""
            + "var lines = [];\n"
            + "function check(name, value) { lines.push('kind=check|name=' + name + '|value=' + value); }\n"
            + "function display(b) { return getComputedStyle(document.getElementById(b.getAttribute('aria-controls')))"
            + ".display; }\n"
            + "function state(b) { return display(b) + ' ' + b.getAttribute('aria-expanded'); }\n"
            + "function key(k) { document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: k, "
            + "bubbles: true, cancelable: true})); }\n"
            + "function name(e) { return e.textContent.trim(); }\n"
            // a headless window may not have the system focus: then focus() moves the focus without focus events
            + "function focusOn(e) { e.focus(); if (!document.hasFocus()) {\n"
            + "  e.dispatchEvent(new FocusEvent('focusin', {bubbles: true})); } }\n"
            + "function focused(b) { return Array.prototype.indexOf.call(document.getElementById("
            + "b.getAttribute('aria-controls')).querySelectorAll('a'), document.activeElement); }\n"
            + "document.querySelectorAll('.cell').forEach(function (cell) {\n"
            + "  var b = cell.querySelector('.cie-button'), r = b.getBoundingClientRect(), s = getComputedStyle(b),\n"
            + "      text = b.querySelector('.cie-button-text'), words = document.createRange();\n"
            + "  words.selectNodeContents(text);\n"
            + "  var scheme = b.classList.contains('cie-button-spid') ? 'spid'\n"
            + "      : b.classList.contains('cie-button-eidas') ? 'eidas' : 'cie';\n"
            + "  lines.push(['kind=button', 'scheme=' + scheme, 'size=' + cell.dataset.size, 'tag=' + b.tagName,\n"
            + "    'x=' + r.x, 'y=' + r.y, 'w=' + r.width, 'h=' + r.height, 'bg=' + s.backgroundColor,\n"
            + "    'color=' + s.color, 'lines=' + words.getClientRects().length, 'name=' + name(b)].join('|'));\n"
            + "});\n"
            + "var spid = document.querySelectorAll('.cie-spid-button')[1], cie = document.querySelector('a.cie-button');\n"
            + "check('scriptRan', document.documentElement.classList.contains('cie-spid-js'));\n"
            + "check('windowFocus', document.hasFocus());\n"
            + "check('closed', state(spid));\n";

    /** Drives the chooser through the tag's script, and leaves it open for the screenshot. */
    private static final String KEYBOARD_AND_MOUSE = ""
            + "spid.focus(); key('ArrowDown');\n"
            + "check('arrowDownOnButton', state(spid) + ' ' + focused(spid));\n"
            + "key('ArrowDown'); check('arrowDownAgain', focused(spid));\n"
            + "key('ArrowUp'); key('ArrowUp'); check('arrowUpTwice', focused(spid));\n"
            + "key('Escape'); check('escape', state(spid) + ' ' + (document.activeElement === spid));\n"
            + "spid.click(); check('click', state(spid));\n"
            + "spid.click(); check('clickAgain', state(spid));\n"
            + "spid.click(); document.body.click(); check('clickOutside', state(spid));\n"
            + "spid.click(); focusOn(cie); check('focusOutside', state(spid));\n"
            + "cie.blur(); if (spid.getAttribute('aria-expanded') !== 'true') { spid.click(); }\n"
            + "var menu = document.getElementById(spid.getAttribute('aria-controls')), m = menu.getBoundingClientRect(),\n"
            + "    br = spid.getBoundingClientRect();\n"
            + "lines.push(['kind=menu', 'top=' + m.top, 'left=' + m.left, 'w=' + m.width, 'h=' + m.height,\n"
            + "  'buttonBottom=' + br.bottom, 'buttonLeft=' + br.left, 'buttonW=' + br.width].join('|'));\n"
            + "menu.querySelectorAll('a').forEach(function (a) { var r = a.getBoundingClientRect();\n"
            + "  lines.push(['kind=link', 'text=' + name(a), 'h=' + r.height, 'scrollW=' + a.scrollWidth,\n"
            + "    'clientW=' + a.clientWidth].join('|')); });\n";

    /** Without the tag's script: the list follows the focus. */
    private static final String FOCUS_ONLY = ""
            + "function shown() { return display(spid); }\n"
            + "spid.focus(); check('focusButton', shown());\n"
            + "document.getElementById(spid.getAttribute('aria-controls')).querySelector('a').focus();\n"
            + "check('focusLink', shown());\n"
            + "cie.focus(); check('focusOutside', shown());\n";
}
