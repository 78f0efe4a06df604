package io.github.cieservlet.testidp.oidc;

/** An HTTP answer of the test federation: status, media type and body. */
public final class Answer {

    private final int status;
    private final String contentType;
    private final String body;

    Answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Answer json(int status, String body) {
        return new Answer(status, "application/json", body);
    }

    static Answer error(int status, String code) {
        return json(status, "{\"error\":\"" + code + "\"}");
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the media type */
    public String contentType() {
        return contentType;
    }

    /** @return the body */
    public String body() {
        return body;
    }
}
