package io.github.cieservlet.config;

/**
 * Whether an IP address literal is a loopback address, read from the text alone: never through DNS or the hosts
 * file, so no name (not even one that looks like hex digits, such as {@code cafe}) can be made to count as this
 * machine. Loopback is {@code 127.0.0.0/8} in dotted-quad form, {@code ::1} in any IPv6 spelling, and
 * {@code ::ffff:127.x.x.x} (IPv4-mapped). Anything that is not such a literal is not loopback. Used for the
 * {@code cie.environment=local} check of {@code cie.publicBaseUrl} and by the test IdP for every request's remote
 * and local address.
 */
public final class LoopbackAddress {

    private static final int IPV6_GROUPS = 8;

    private LoopbackAddress() {
    }

    /**
     * @param literal an address as a servlet container reports it ({@code getRemoteAddr()},
     *        {@code getLocalAddr()}) or a URL host; IPv6 may be in brackets and carry a zone ({@code %eth0})
     * @return whether it is a loopback address literal
     */
    public static boolean isLoopback(String literal) {
        if (literal == null) {
            return false;
        }
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        if (bare.indexOf(':') < 0) {
            int[] quad = ipv4(bare);
            return quad != null && quad[0] == 127;
        }
        int zone = bare.indexOf('%');
        int[] groups = ipv6(zone >= 0 ? bare.substring(0, zone) : bare);
        if (groups == null) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        if (groups[5] == 0 && groups[6] == 0) {
            return groups[7] == 1;
        }
        return groups[5] == 0xffff && groups[6] >> 8 == 127;
    }

    /** @return the four octets of a dotted-quad IPv4 literal (decimal, no leading zeros), or null */
    static int[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            octets[i] = Integer.parseInt(part);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    /** @return the eight 16-bit groups of an IPv6 literal (with {@code ::} and a trailing dotted quad), or null */
    static int[] ipv6(String text) {
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return null;
        }
        String head = compression >= 0 ? text.substring(0, compression) : text;
        String tail = compression >= 0 ? text.substring(compression + 2) : "";
        int[] first = groups(head, compression < 0);
        int[] last = groups(tail, true);
        if (first == null || last == null) {
            return null;
        }
        int count = first.length + last.length;
        if (compression < 0 ? count != IPV6_GROUPS : count > IPV6_GROUPS - 1) {
            return null;
        }
        int[] all = new int[IPV6_GROUPS];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(last, 0, all, IPV6_GROUPS - last.length, last.length);
        return all;
    }

    /** @return the groups of a colon-separated run (possibly ending in a dotted quad), or null */
    private static int[] groups(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int[] quad = null;
        int hexParts = parts.length;
        if (mayEndInIpv4 && parts[parts.length - 1].contains(".")) {
            quad = ipv4(parts[parts.length - 1]);
            if (quad == null) {
                return null;
            }
            hexParts--;
        }
        int[] groups = new int[hexParts + (quad == null ? 0 : 2)];
        for (int i = 0; i < hexParts; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
            groups[i] = Integer.parseInt(part, 16);
        }
        if (quad != null) {
            groups[hexParts] = quad[0] << 8 | quad[1];
            groups[hexParts + 1] = quad[2] << 8 | quad[3];
        }
        return groups;
    }
}
