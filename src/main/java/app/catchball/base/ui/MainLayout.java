package app.catchball.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The shell around every signed-in page. The side navigation comes from the {@code @Menu}
 * annotations of the views and lists only what the signed-in user may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final List<PasswordGate> gates;

    MainLayout(AuthenticationContext authentication, List<PasswordGate> gates, List<AccountPage> accountPages) {
        this.gates = gates;
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Catchball");
        brand.addClassName("brand");
        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        addToDrawer(brand, new Scroller(nav));

        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("signed-in-user");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span(), user);
        accountPages.stream().sorted(Comparator.comparingInt(AccountPage::order))
                .forEach(page -> header.add(new RouterLink(page.title(), page.view())));
        header.add(signOut);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.addClassName("app-header");
        addToNavbar(header);
    }

    /** After an Admin reset, every page leads to the change-password page until the user has chosen a new one. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        gates.stream().filter(gate -> event.getNavigationTarget() != gate.passwordPage() && gate.mustChangePassword())
                .findFirst().ifPresent(gate -> event.forwardTo(gate.passwordPage()));
    }

    /**
     * The page's own {@code @PageTitle}, read here so that Vaadin does not look the route up among
     * client-side views on every navigation (a classpath search that cost about 5 % of an X-matrix
     * navigation's server time); null leaves the title to Vaadin.
     */
    @Override
    public String getPageTitle() {
        Component content = getContent();
        PageTitle title = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
        return title == null ? null : title.value();
    }

    private static SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }
}
