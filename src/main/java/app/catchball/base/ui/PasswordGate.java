package app.catchball.base.ui;

/** Answers whether the signed-in user must change their password before going on (implemented by security). */
public interface PasswordGate {

    boolean mustChangePassword();
}
