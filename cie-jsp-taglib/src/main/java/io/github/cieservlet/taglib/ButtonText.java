// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import java.util.Locale;

/** One language of a login button, an enum constant named after the language: its text and the language's tag. */
interface ButtonText {

    /** @return the text of the button, which is also its accessible name; safe as HTML */
    String label();

    /** @return the enum constant's name, the language's code in capitals, e.g. {@code IT} */
    String name();

    /** @return the BCP 47 tag of the language, e.g. {@code it} */
    default String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
