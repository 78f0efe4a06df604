package io.github.cieservlet.taglib;

import java.util.Locale;

/** The sizes of the login button, with the widths, font sizes and icon sizes of the SPID button. */
enum ButtonSize {
    S(150, 10, 19),
    M(220, 15, 29),
    L(280, 20, 38),
    XL(340, 25, 47);

    private final int width;
    private final int fontSize;
    private final int iconSize;

    ButtonSize(int width, int fontSize, int iconSize) {
        this.width = width;
        this.fontSize = fontSize;
        this.iconSize = iconSize;
    }

    /** @return the CSS class of this size, e.g. {@code cie-button-size-m} */
    String cssClass() {
        return "cie-button-size-" + name().toLowerCase(Locale.ROOT);
    }

    /** @return the width and height in pixels of the mark */
    int iconSize() {
        return iconSize;
    }

    /**
     * @return the style rules of this size: the button keeps the 5:1 ratio of the official kit. The mark's
     *     separator leaves a gap of about 0.4 em above and below, but never so much that the mark (icon, gaps
     *     and the link's 1 px borders) grows taller than the button: at xl, 0.4 em would make it 69 px high
     */
    String css() {
        int height = width / 5;
        int gap = Math.min(Math.round(fontSize * 0.4f), (height - 2 - iconSize) / 2);
        String size = "." + cssClass();
        return size + "{width:" + width + "px;min-height:" + height + "px;font-size:" + fontSize + "px}"
                + size + " .cie-button-mark{width:" + (height - 2) + "px;margin:" + gap + "px 0}"
                + size + " .cie-button-mark svg{width:" + iconSize + "px;height:" + iconSize + "px}"
                + size + " .cie-button-mark img{height:" + iconSize + "px}";
    }
}
