package app.catchball.api;

/** An id in the path that names nothing: answered with 404. */
class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
