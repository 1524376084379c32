package com.dentaldesk.contracts.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The envelope of every booking-api answer: {@code {"success":true,"data":...}} or {@code {"success":false,"error":...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static <T> ApiResponse<T> failure(ApiError error) {
        return new ApiResponse<>(false, null, error);
    }
}
