package app.catchball.api;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failure of the API as JSON: {@code {"error": "...", "field": "..."}} with the right status,
 * for every controller of this package, also those that answer with a file (PDF) when all goes well.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadInput.class)
    ResponseEntity<Map<String, String>> badInput(BadInput e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, String>> ruleViolation(RuleViolation e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, String>> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> accessDenied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number, not \"" + e.getValue() + "\".",
                e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required.", e.getParameterName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge) {
                return answer(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.TOO_LARGE, null);
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "The body could not be read.", "body");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON (Content-Type: application/json).", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("API request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.", null);
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message, String field) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        // JSON even when the request asked for CSV: an error is never a table.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
