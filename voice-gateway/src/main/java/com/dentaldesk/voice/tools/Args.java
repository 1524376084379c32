package com.dentaldesk.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the model's arguments leniently: missing, null and blank are all "not given". */
final class Args {

    private Args() {
    }

    static String text(JsonNode args, String name) {
        JsonNode v = args == null ? null : args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static Integer integer(JsonNode args, String name) {
        JsonNode v = args == null ? null : args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
