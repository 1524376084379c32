package com.dentaldesk.booking.errors;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.ConsoleErrorPage;
import com.dentaldesk.booking.observability.BookingMetrics;
import com.dentaldesk.contracts.booking.ApiError;
import com.dentaldesk.contracts.booking.ApiResponse;
import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.contracts.booking.NextAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure leaves the service as the envelope (on the clinic console's pages: as a console page); a bug is a 500
 * with no stack trace or SQL.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<?> booking(BookingException e, UriInfo uri) {
        return answer(e.error(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<?> unreadableJson(JsonProcessingException e, UriInfo uri) {
        return answer(new ApiError(ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON",
                NextAction.ASK_USER, List.of(), List.of()), uri);
    }

    /**
     * JSON of the wrong shape (an array or a string where an object belongs, a number where text belongs): Quarkus'
     * own mapper for these answers a bare 400, so this more specific one is needed to keep the envelope.
     */
    @ServerExceptionMapper
    public RestResponse<?> wrongShape(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return answer(new ApiError(ErrorCode.VALIDATION_FAILED, field == null
                ? "The request body does not have the expected shape (a JSON object)"
                : "The field " + field + " has the wrong type", NextAction.ASK_USER, List.of(), List.of()), uri);
    }

    @ServerExceptionMapper
    public RestResponse<?> unknownPath(NotFoundException e, UriInfo uri) {
        return answer(new ApiError(ErrorCode.NOT_FOUND, "No such resource", NextAction.INFORM_USER, List.of(),
                List.of()), uri);
    }

    @ServerExceptionMapper
    public RestResponse<?> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ErrorCode code = status == 401 ? ErrorCode.UNAUTHORIZED
                : status == 404 ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_FAILED;
        ApiError error = new ApiError(code, "The request could not be processed (HTTP " + status + ")",
                NextAction.ASK_USER, List.of(), List.of());
        BookingMetrics.error(code.name());
        // 405, 406, 415 keep their status (a client needs to know it used the wrong method or type).
        return Console.covers(uri) ? ConsoleErrorPage.of(error) : RestResponse.ResponseBuilder
                .<ApiResponse<Object>>create(status == 400 ? code.httpStatus() : status)
                .entity(ApiResponse.failure(error)).build();
    }

    @ServerExceptionMapper
    public RestResponse<?> unexpected(Throwable e, UriInfo uri) {
        // Exception messages can carry SQL values (patient data), so the log gets the cause chain's types and
        // the top frame; the full exception only at DEBUG. The client gets no internals at all.
        LOG.errorf("Unhandled %s at %s", causeChain(e), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        LOG.debug("Unhandled exception", e);
        return answer(new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side; please try again",
                NextAction.TAKE_MESSAGE, List.of(), List.of()), uri);
    }

    private static RestResponse<?> answer(ApiError error, UriInfo uri) {
        BookingMetrics.error(error.code().name());
        return Console.covers(uri) ? ConsoleErrorPage.of(error) : envelope(error);
    }

    private static String causeChain(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }

    private static RestResponse<ApiResponse<Object>> envelope(ApiError error) {
        // ResponseBuilder.create takes any code; the Status enum has no 422.
        return RestResponse.ResponseBuilder.<ApiResponse<Object>>create(error.code().httpStatus())
                .entity(ApiResponse.failure(error)).build();
    }
}
