package app.catchball.api;

/** Bad input to the API: answered with 400 and the name of the field that is wrong. */
class BadInput extends RuntimeException {

    private final String field;

    BadInput(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
