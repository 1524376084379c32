package com.dentaldesk.booking.console;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.dentaldesk.contracts.booking.ApiError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A failure on a console page, shown as a console page (not the API's JSON envelope) with the same status. */
public final class ConsoleErrorPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(String title, String message);
    }

    private ConsoleErrorPage() {
    }

    public static RestResponse<String> of(ApiError error) {
        String title;
        String message;
        switch (error.code()) {
            // Another clinic's call, lead or room is "not found" too: the page never tells which.
            case NOT_FOUND -> {
                title = "Not found";
                message = "There is nothing here in your clinic. It may never have existed, or the link is wrong.";
            }
            case INTERNAL -> {
                title = "Something went wrong";
                message = error.message();
            }
            default -> {
                title = "That did not work";
                message = error.message();
            }
        }
        return RestResponse.ResponseBuilder.<String>create(error.code().httpStatus())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(title, message)).build();
    }

    /** The error page's HTML, for a refusal that is not an {@link ApiError} (an owner's page asked by the front desk). */
    static String page(String title, String message) {
        return Templates.error(title, message).render();
    }
}
