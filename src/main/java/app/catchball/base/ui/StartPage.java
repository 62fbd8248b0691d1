package app.catchball.base.ui;

/**
 * Marks the view users start from (Home). Features that send the user back to the start after an
 * action (changing a password) go there through {@link Routes#goToStart()}, by this type rather than
 * by a URL or by depending on the feature that owns the page.
 */
public interface StartPage {
}
