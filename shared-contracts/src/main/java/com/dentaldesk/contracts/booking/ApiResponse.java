package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope of every booking-api answer: {@code {"success":true,"data":...}} or {@code {"success":false,"error":...}}.
 * A paged list also carries {@code next}, the cursor for the rest (absent on the last page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error, String next) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, null);
    }

    public static <T> ApiResponse<T> page(T data, String next) {
        return new ApiResponse<>(true, data, null, next);
    }

    public static <T> ApiResponse<T> failure(ApiError error) {
        return new ApiResponse<>(false, null, error, null);
    }
}
