package app.catchball.api;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.SystemUser;
import app.catchball.support.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

public class ApiProfileViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void a_user_creates_a_token_sees_it_once_and_revokes_it() {
        login("ward7.nurse");
        UI.getCurrent().navigate(ProfileView.class);

        assertThat(_find(TextField.class, spec -> spec.withLabel("Your new token")).stream().noneMatch(TextField::isVisible))
                .isTrue();
        setValue(_get(TextField.class, spec -> spec.withLabel("Token name")), "Spreadsheet macro");
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        TextField shown = _get(TextField.class, spec -> spec.withLabel("Your new token"));
        assertThat(shown.isReadOnly()).isTrue();
        String raw = shown.getValue();
        assertThat(raw).matches("cb_[0-9A-Za-z]{32}");
        _get(Paragraph.class, spec -> spec.withText("Copy it now: it will not be shown again."));
        assertThat(tokens.authenticate(raw)).contains("ward7.nurse");

        @SuppressWarnings("unchecked")
        Grid<TokenSummary> grid = _get(Grid.class);
        List<TokenSummary> rows = GridKt._findAll(grid);
        TokenSummary row = rows.stream().filter(t -> t.name().equals("Spreadsheet macro")).findFirst().orElseThrow();
        assertThat(row.prefix()).isEqualTo(raw.substring(0, 12));
        assertThat(row.status()).isEqualTo("Active");
        int index = rows.indexOf(row);
        assertThat(GridKt._getFormatted(grid, index, "lastUsed")).isEqualTo("Never");

        Button revoke = (Button) GridKt._getCellComponent(grid, index, "revoke");
        _click(revoke);

        assertThat(tokens.authenticate(raw)).isEmpty();
        List<TokenSummary> after = SystemUser.runAs("ward7.nurse", () -> tokens.myTokens());
        assertThat(after).filteredOn(t -> t.name().equals("Spreadsheet macro")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("Revoked"));
    }

    @Test
    void a_token_needs_a_name() {
        login("ward7.nurse");
        UI.getCurrent().navigate(ProfileView.class);

        _click(_get(Button.class, spec -> spec.withText("Create token")));

        assertThat(_find(TextField.class, spec -> spec.withLabel("Your new token")).stream().noneMatch(TextField::isVisible))
                .isTrue();
    }
}
