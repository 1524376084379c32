package com.dentaldesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads a scenario from YAML or JSON (JSON is valid YAML, so one parser serves both). */
public final class ScenarioLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new SimulatorException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    static Scenario load(InputStream in, String name) {
        try {
            Scenario scenario = YAML.readValue(in, Scenario.class);
            if (scenario.steps().isEmpty() && scenario.greeting() == null) {
                throw new SimulatorException("scenario " + name + " has neither a greeting expectation nor steps");
            }
            return scenario;
        } catch (IOException e) {
            throw new SimulatorException("invalid scenario " + name + ": " + e.getMessage(), e);
        }
    }
}
