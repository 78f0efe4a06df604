package io.github.cieservlet.config;

/** Whether the service provider is a public or a private subject; decides the {@code cie:} extensions. */
public enum SubjectType {
    /** Public administrations and public-service operators listed in IPA: {@code <cie:Public/>}. */
    PUBLIC,
    /** Private entities: {@code <cie:Private/>}. */
    PRIVATE
}
