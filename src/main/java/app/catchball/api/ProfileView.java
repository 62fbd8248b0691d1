package app.catchball.api;

import app.catchball.base.Formats;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.security.PermissionService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The signed-in user's profile: personal access tokens for the REST API. */
@Route("profile")
@PageTitle("Profile · Catchball")
@PermitAll
public class ProfileView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = Formats.DAY_AND_TIME;

    private final ApiTokenService tokens;
    private final TextField name = new TextField("Token name");
    private final Button create = new Button("Create token");
    private final TextField newToken = new TextField("Your new token");
    private final Paragraph newTokenHint = new Paragraph("Copy it now: it will not be shown again.");
    private final Grid<TokenSummary> grid = new Grid<>();

    ProfileView(ApiTokenService tokens, PermissionService permissions) {
        this.tokens = tokens;
        name.setPlaceholder("e.g. Monthly data upload");
        name.setMaxLength(100);
        name.setWidth("24em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        name.addKeyPressListener(Key.ENTER, e -> create());

        newToken.setReadOnly(true);
        newToken.setWidth("32em");
        newToken.setVisible(false);
        newTokenHint.setVisible(false);

        grid.addColumn(TokenSummary::name).setHeader("Name").setKey("name");
        Phones.hideOnPhone(grid.addColumn(TokenSummary::prefix).setHeader("Prefix").setKey("prefix"),
                grid.addColumn(t -> when(t.createdAt())).setHeader("Created").setKey("created"),
                grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : when(t.lastUsedAt())).setHeader("Last used").setKey("lastUsed"));
        grid.addColumn(TokenSummary::status).setHeader("Status").setKey("status");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(t.active());
            return revoke;
        }).setHeader("Action").setKey("revoke");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("You have no API tokens yet. Name one above and choose \u201cCreate token\u201d.");

        Anchor docs = new Anchor("/api/v1/docs", "Interactive API documentation");
        docs.setRouterIgnore(true);
        docs.setTarget("_blank");

        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Profile"), new Paragraph("Signed in as " + permissions.requireUsername() + "."),
                new H3("API tokens"),
                new Paragraph("A personal access token lets a program use the Catchball API as you: send it as "
                        + "Authorization: Bearer <token>. It can do what you may do."),
                docs, form, newToken, newTokenHint, grid);
        refresh();
    }

    private void create() {
        Notices.attempt(() -> {
            CreatedToken token = tokens.create(name.getValue());
            newToken.setValue(token.token());
            newToken.setVisible(true);
            newTokenHint.setVisible(true);
            name.clear();
            refresh();
        });
    }

    private void revoke(TokenSummary token) {
        Notices.attempt(() -> {
            tokens.revoke(token.id());
            Notices.ok("Token \"" + token.name() + "\" revoked.");
            refresh();
        });
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

}
