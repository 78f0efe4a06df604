// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

/** One language of a login button: its text and the language's tag. */
interface ButtonText {

    /** @return the text of the button, which is also its accessible name; safe as HTML */
    String label();

    /** @return the BCP 47 tag of the language, e.g. {@code it} */
    String tag();
}
