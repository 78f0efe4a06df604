package io.github.cieservlet.saml;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The time values the SAML profile allows, checked on the attribute text exactly as received.
 *
 * <p>OpenSAML reads a bare date such as {@code 2018-09-04} as midnight UTC, and a date-time without a time
 * zone as UTC; the profile wants a full {@code xs:dateTime} in UTC. So a value is accepted only as
 * {@code YYYY-MM-DDThh:mm:ss}, optional fraction of a second, and a zone: {@code Z} or {@code ±hh:mm}.
 */
public final class XsDateTime {

    private static final Pattern FULL_DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private XsDateTime() {
    }

    /**
     * @param text an attribute value as received, not trimmed
     * @return whether it is a full {@code xs:dateTime} with a time zone, and a real instant (no 31 February)
     */
    public static boolean isFullDateTime(String text) {
        if (text == null || !FULL_DATE_TIME.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
