package io.github.cieservlet.taglib;

import jakarta.servlet.jsp.JspWriter;

/** A JspWriter that keeps what it is given; the tags write through {@code Writer.write} only. */
final class TestJspWriter extends JspWriter {

    private final StringBuilder text = new StringBuilder();

    TestJspWriter() {
        super(NO_BUFFER, false);
    }

    String text() {
        return text.toString();
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public int getRemaining() {
        return 0;
    }

    @Override
    public void newLine() {
        throw unused();
    }

    @Override
    public void print(boolean b) {
        throw unused();
    }

    @Override
    public void print(char c) {
        throw unused();
    }

    @Override
    public void print(int i) {
        throw unused();
    }

    @Override
    public void print(long l) {
        throw unused();
    }

    @Override
    public void print(float f) {
        throw unused();
    }

    @Override
    public void print(double d) {
        throw unused();
    }

    @Override
    public void print(char[] s) {
        throw unused();
    }

    @Override
    public void print(String s) {
        throw unused();
    }

    @Override
    public void print(Object obj) {
        throw unused();
    }

    @Override
    public void println() {
        throw unused();
    }

    @Override
    public void println(boolean x) {
        throw unused();
    }

    @Override
    public void println(char x) {
        throw unused();
    }

    @Override
    public void println(int x) {
        throw unused();
    }

    @Override
    public void println(long x) {
        throw unused();
    }

    @Override
    public void println(float x) {
        throw unused();
    }

    @Override
    public void println(double x) {
        throw unused();
    }

    @Override
    public void println(char[] x) {
        throw unused();
    }

    @Override
    public void println(String x) {
        throw unused();
    }

    @Override
    public void println(Object x) {
        throw unused();
    }

    @Override
    public void clear() {
        throw unused();
    }

    @Override
    public void clearBuffer() {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the tags write through Writer.write only");
    }
}
