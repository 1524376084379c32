package com.dentaldesk.voice.agent;

import java.util.function.Consumer;

/**
 * Collects streamed tokens into sentences (or long clauses) so each piece can be checked before it is spoken;
 * Retell starts speaking at the first sentence anyway, so this costs no perceived latency.
 */
final class SentenceChunker {

    private static final int LONG_CLAUSE = 120;

    private final StringBuilder buffer = new StringBuilder();
    private final Consumer<String> sink;

    SentenceChunker(Consumer<String> sink) {
        this.sink = sink;
    }

    synchronized void accept(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        buffer.append(token);
        int cut = lastBoundary();
        if (cut > 0) {
            String sentence = buffer.substring(0, cut);
            buffer.delete(0, cut);
            sink.accept(sentence);
        }
    }

    synchronized void flush() {
        if (buffer.length() > 0) {
            String rest = buffer.toString();
            buffer.setLength(0);
            if (!rest.isBlank()) {
                sink.accept(rest);
            }
        }
    }

    /** End of the last complete sentence (punctuation followed by whitespace), or a break in a long clause. */
    private int lastBoundary() {
        for (int i = buffer.length() - 1; i > 0; i--) {
            char c = buffer.charAt(i);
            char prev = buffer.charAt(i - 1);
            if (Character.isWhitespace(c) && (prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == '\n')) {
                return i + 1;
            }
        }
        if (buffer.length() > LONG_CLAUSE) {
            int comma = buffer.lastIndexOf(", ");
            if (comma > 0) {
                return comma + 2;
            }
        }
        return -1;
    }
}
