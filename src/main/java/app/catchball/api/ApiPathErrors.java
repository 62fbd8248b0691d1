package app.catchball.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api} that reach no API method: an unknown path answers 404 and a verb a
 * path does not support answers 405 with {@code Allow}, a path asked for an answer it does not give
 * (e.g. CSV of a single item) 406, all as JSON. (These fail before any
 * controller is chosen, so {@link ApiExceptionHandler} cannot see them.) Anything outside
 * {@code /api} is left to the rest of the application.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathErrors {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, String>> unknownPath(Exception e, NativeWebRequest request) throws Exception {
        requireApiPath(request, e);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
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
        return answer.contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMethod() + " is not supported here."));
    }

    /** A path that answers JSON only, asked for something else (e.g. {@code Accept: text/csv}): 406, as JSON all the same. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, String>> notAcceptable(HttpMediaTypeNotAcceptableException e, NativeWebRequest request)
            throws Exception {
        requireApiPath(request, e);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "This path answers " + e.getSupportedMediaTypes().stream().map(MediaType::toString)
                        .reduce((a, b) -> a + " or " + b).orElse("application/json") + "; ask for that in Accept."));
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
