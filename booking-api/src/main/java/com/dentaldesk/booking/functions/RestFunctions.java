package com.dentaldesk.booking.functions;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.BookingFunction;

/** What the plain REST resources share: turn path, query and body into a function call with the same rules. */
@ApplicationScoped
public class RestFunctions {

    private final FunctionExecutor executor;

    public RestFunctions(FunctionExecutor executor) {
        this.executor = executor;
    }

    public ApiResponse<Object> call(BookingFunction function, Map<String, Object> body, String idempotencyKey,
            Object... pathAndQuery) {
        Map<String, Object> parameters = new HashMap<>(body == null ? Map.of() : body);
        for (int i = 0; i + 1 < pathAndQuery.length; i += 2) {
            if (pathAndQuery[i + 1] != null) {
                parameters.put((String) pathAndQuery[i], pathAndQuery[i + 1]);
            }
        }
        return FunctionExecutor.envelope(executor.execute(function, parameters, null, idempotencyKey));
    }
}
