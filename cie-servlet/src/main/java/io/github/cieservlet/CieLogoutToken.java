package io.github.cieservlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session token that makes logout a deliberate act of this site's pages: {@code POST /cie/logout} ends
 * the session only with the token of that session in the form field {@value #PARAM}, so a cross-site link, image
 * or form cannot log a citizen out (logout CSRF). {@code <cie:logoutForm/>} and the logout confirmation page
 * write it.
 *
 * <p>The token is random (256 bits), kept in the HTTP session and bound to the CIE login it was made for (the
 * NameID of the assertion): a token read before a login, in a session that the login then keeps under a new ID,
 * does not log out the citizen of the new login.
 */
public final class CieLogoutToken {

    /** The form field that carries the token. */
    public static final String PARAM = "cieLogoutToken";

    private static final String SESSION_ATTRIBUTE = CieLogoutToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char SEPARATOR = ' ';

    private CieLogoutToken() {
    }

    /**
     * The token of the current CIE login, made on first use. Never creates a session.
     *
     * @param request the current request
     * @return the token, or null when nobody is logged in with CIE (there is nothing to log out)
     */
    public static String of(HttpServletRequest request) {
        CieIdentity identity = CieIdentity.from(request);
        HttpSession session = request.getSession(false);
        if (identity == null || session == null) {
            return null;
        }
        String stored = stored(session, identity);
        if (stored != null) {
            return stored;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(SESSION_ATTRIBUTE, identity.getNameId() + SEPARATOR + token);
        return token;
    }

    /**
     * @param request a logout request
     * @return whether it carries the token of the current CIE login (compared in constant time)
     */
    public static boolean isPresentIn(HttpServletRequest request) {
        CieIdentity identity = CieIdentity.from(request);
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAM);
        if (identity == null || session == null || sent == null) {
            return false;
        }
        String stored = stored(session, identity);
        return stored != null
                && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the session's token if it was made for this identity's login, else null */
    private static String stored(HttpSession session, CieIdentity identity) {
        Object value = session.getAttribute(SESSION_ATTRIBUTE);
        if (!(value instanceof String)) {
            return null;
        }
        String text = (String) value;
        int at = text.lastIndexOf(SEPARATOR);
        return at > 0 && text.substring(0, at).equals(identity.getNameId()) ? text.substring(at + 1) : null;
    }
}
