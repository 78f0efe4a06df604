/**
 * JMH benchmarks of cie-servlet's building blocks (Response validation, login start, SP metadata, the filter,
 * startup pieces), each next to its floor (what the same work costs with Santuario or the JDK alone) and, for
 * the Response, next to OneLogin java-saml. {@link io.github.cieservlet.benchmarks.Report} runs them and
 * prints the table and the ratios; {@code benchmarks/run.sh} is the entry point.
 */
package io.github.cieservlet.benchmarks;
