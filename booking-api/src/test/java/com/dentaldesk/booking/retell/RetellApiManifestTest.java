package com.dentaldesk.booking.retell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.RetellContractCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Lists every endpoint of {@link RetellApi} and every answer field booking-api reads from it (the components of
 * the {@link RetellShapes} records it returns) into {@code target/retell-contract/reads.json}. The contract check
 * after the tests requires a captured request for each endpoint and looks each field up in the official SDK's
 * response type for that endpoint.
 */
class RetellApiManifestTest {

    private static final Set<Class<?>> LEAVES = Set.of(String.class, Long.class, long.class, Integer.class, int.class,
            Double.class, double.class, Boolean.class, boolean.class, JsonNode.class);
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    @Test
    void shouldListEveryRetellEndpointWithTheAnswerFieldsWeRead() throws IOException {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Method method : sorted(RetellApi.class.getDeclaredMethods())) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("java", "RetellApi." + method.getName());
            endpoint.put("method", httpMethod(method));
            endpoint.put("path", method.getAnnotation(jakarta.ws.rs.Path.class).value());
            List<List<String>> fields = new ArrayList<>();
            Class<?> answer = method.getReturnType();
            // void and JsonNode answers are not read field by field (a JsonNode is passed on to our caller whole).
            if (answer != void.class && answer != JsonNode.class) {
                if (answer.isRecord()) {
                    collect(answer, List.of(), fields, problems);
                } else {
                    problems.add(method.getName() + " answers " + answer.getSimpleName()
                            + ", not a RetellShapes record, JsonNode or nothing");
                }
            }
            endpoint.put("reads", fields);
            endpoints.add(endpoint);
        }

        // Written before asserting, so the contract check never runs on a list left from an older build.
        Path file = RetellContractCapture.DIRECTORY.getParent().resolve("reads.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(endpoints));

        assertThat(problems).isEmpty();
        assertThat(endpoints).extracting(e -> e.get("path")).contains("/create-agent", "/create-phone-number");
    }

    private static void collect(Class<?> record, List<String> prefix, List<List<String>> fields,
            List<String> problems) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(SNAKE.translate(component.getName()));
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)) {
                path.add("[]");
                type = elementType(component.getGenericType());
            }
            fields.add(path);
            if (type.isRecord()) {
                collect(type, path, fields, problems);
            } else if (!LEAVES.contains(type)) {
                problems.add(record.getSimpleName() + "." + component.getName() + " is " + type.getSimpleName()
                        + ", not a plain value, JsonNode or record");
            }
        }
    }

    private static Class<?> elementType(Type listType) {
        Type element = ((ParameterizedType) listType).getActualTypeArguments()[0];
        return (Class<?>) element;
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        } else if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        } else if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        } else if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        } else if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        throw new AssertionError(method + " has no HTTP method");
    }

    private static List<Method> sorted(Method[] methods) {
        return Arrays.stream(methods).filter(m -> !m.isSynthetic())
                .sorted(Comparator.comparing(Method::getName)).toList();
    }
}
