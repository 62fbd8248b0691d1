package app.catchball.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell: Lumo and our own style sheet, served as static resources (no npm build). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/catchball.css")
@StyleSheet("styles/x-matrix-print.css")
@Push
public class AppShell implements AppShellConfigurator {
}
