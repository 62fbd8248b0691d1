package app.catchball.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api} that reach no API method: an unknown path answers 404 and a verb a
 * path does not support answers 405 with {@code Allow}, both as JSON. (These fail before any
 * controller is chosen, so {@link ApiExceptionHandler} cannot see them.) Anything outside
 * {@code /api} is left to the rest of the application.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathErrors {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, String>> unknownPath(Exception e, NativeWebRequest request) throws Exception {
        requireApiPath(request, e);
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "There is no such path in the API; see /api/v1/openapi.json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> unsupportedVerb(HttpRequestMethodNotSupportedException e, NativeWebRequest request)
            throws Exception {
        requireApiPath(request, e);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) {
            answer.allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new));
        }
        return answer.body(Map.of("error", e.getMethod() + " is not supported here."));
    }

    /** Outside /api the exception goes on to whoever handles it there. */
    private static void requireApiPath(NativeWebRequest request, Exception e) throws Exception {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        String path = servlet == null ? "" : servlet.getRequestURI().substring(servlet.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
    }
}
