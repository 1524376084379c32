package com.dentaldesk.voice.speech;

/** Small numbers as callers say them ("three", "twelve") or as digits: for hours and for "in three days". */
public final class NumberWords {

    private NumberWords() {
    }

    /** one..twelve as words, else the digits; a word outside that set is a {@link NumberFormatException}. */
    public static int value(String word) {
        return switch (word) {
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            default -> Integer.parseInt(word);
        };
    }
}
