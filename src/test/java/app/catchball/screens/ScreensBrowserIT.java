package app.catchball.screens;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.Browser;
import app.catchball.support.SpringTest;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every main screen, as a Lead, a Viewer and (for the pages only they may open) an Admin, at a desk
 * (1440×900) and on a ward phone (390×844): a PNG of each under {@code target/screens/} for review,
 * axe-core (WCAG 2.2 A/AA rules) with no serious or critical violation, no key grid cell or unit
 * picker whose text is clipped without a tooltip (at both sizes), every grid column with a header, and
 * on the phone "Sign out" in view and no main route that scrolls sideways (a grid only inside
 * itself, and only with frozen first columns). One browser per user, reused across its routes.
 */
@SpringTest
class ScreensBrowserIT {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final Dimension DESK = new Dimension(1440, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    /**
     * On a phone nothing scrolls sideways: neither the page (its scrolling element) nor the app
     * layout's content area, which scrolls the view. A grid may scroll sideways inside itself only
     * when it keeps its first columns frozen (as the bowling chart does). Names the widest culprit.
     */
    private static final String SIDEWAYS = """
            const out = [];
            const page = document.scrollingElement;
            const layout = document.querySelector('vaadin-app-layout');
            const content = layout && layout.shadowRoot.querySelector('[part~="content"]');
            const culprit = () => {
              const wide = [...document.querySelectorAll('vaadin-app-layout *')].filter(e => e.offsetParent
                  && !e.closest('vaadin-grid') && e.getBoundingClientRect().right > window.innerWidth + 1);
              const outer = wide.find(e => !wide.includes(e.parentElement));
              return outer ? ', widest: <' + outer.localName + (outer.className ? ' class="' + outer.className + '"' : '') + '> "'
                  + outer.textContent.trim().replace(/\\s+/g, ' ').slice(0, 50) + '"' : '';
            };
            if (page.scrollWidth > page.clientWidth) {
              out.push('the page scrolls sideways (' + page.scrollWidth + ' > ' + page.clientWidth + culprit() + ')');
            } else if (content && content.scrollWidth > content.clientWidth + 1) {
              out.push('the page scrolls sideways (content ' + content.scrollWidth + ' > ' + content.clientWidth + culprit() + ')');
            }
            for (const grid of document.querySelectorAll('vaadin-grid')) {
              const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
              if (!grid.offsetParent || !table || table.scrollWidth <= table.clientWidth + 1) continue;
              if (![...grid.querySelectorAll(':scope > *')].some(c => c.frozen && !c.hidden)) {
                out.push('the grid "' + (grid.getAttribute('aria-label') || grid.className || grid.id)
                    + '" scrolls sideways without frozen columns (' + table.scrollWidth + ' > ' + table.clientWidth + ')');
              }
            }
            return out;""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_main_screen_is_readable_accessible_and_fits_at_a_desk_and_on_a_phone() throws Exception {
        long metric = jdbc.sql("""
                select i.id from plan_item i join org_unit u on u.id = i.unit_id
                where u.short_code = 'W7' and i.kind = 'METRIC' and not i.archived order by i.number limit 1""")
                .query(Long.class).single();
        List<String> common = List.of("", "x-matrix", "cascade", "metrics", "metrics/metric/" + metric, "projects",
                "continuity", "capability", "catchball", "cycles", "profile");
        List<String> problems = new ArrayList<>();
        check("ward7.manager", common, problems);
        check("viewer", common, problems);
        check("admin", List.of("audit", "organisation", "users"), problems);
        problems.forEach(System.out::println);
        assertThat(problems).as("accessibility, clipping and fit problems (each printed above)").isEmpty();
    }

    private void check(String user, List<String> routes, List<String> problems) throws Exception {
        try (Browser browser = new Browser(port)) {
            resize(browser, DESK);
            browser.signIn(user, "catchball");
            browser.waitFor(By.tagName("vaadin-app-layout"));
            for (String route : routes) {
                open(browser, route);
                save(browser, user, route, 1440);
                axe(browser, user, route, problems);
                clipped(browser, user, route, 1440, problems);
                if (route.equals("metrics")) {
                    problems.addAll(check(user, route, 1440, js(browser, """
                            return (async () => {
                            const grid = document.querySelector('vaadin-grid.bowling-chart');
                            const table = grid.shadowRoot.querySelector('#table');
                            table.scrollLeft = table.scrollWidth;
                            table.dispatchEvent(new Event('scroll'));
                            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                            const box = grid.getBoundingClientRect();
                            const header = text => [...grid.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.trim() === text);
                            const out = [];
                            for (const name of ['Metric', 'Target', 'YTD', 'Countermeasure']) {
                              const h = header(name), r = h && h.assignedSlot.parentElement.getBoundingClientRect();
                              if (!r || r.left < box.left - 1 || r.right > box.right + 1) out.push('the bowling chart hides "' + name + '" when its months are scrolled');
                            }
                            if (![...grid.querySelectorAll('.bowling-cell.rag-green, .bowling-cell.rag-red')].every(c => /[GR]$/.test(c.textContent.trim())))
                              out.push('a red or green bowling cell without its letter');
                            table.scrollLeft = 0;
                            return out;
                            })();""")));
                }
            }
            resize(browser, PHONE);
            for (String route : routes) {
                open(browser, route);
                save(browser, user, route, 390);
                Object signOut = js(browser, """
                        const b = [...document.querySelectorAll('vaadin-button')].find(b => b.textContent.trim() === 'Sign out');
                        const r = b && b.getBoundingClientRect();
                        return !!r && r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;""");
                if (!Boolean.TRUE.equals(signOut)) {
                    problems.add(user + " /" + route + " at 390: \"Sign out\" is not fully in view");
                }
                problems.addAll(check(user, route, 390, js(browser, SIDEWAYS)));
                clipped(browser, user, route, 390, problems);
                if (route.equals("metrics")) {
                    problems.addAll(check(user, route, 390, js(browser, """
                            const cards = [...document.querySelectorAll('.bowling-card')].filter(c => c.offsetParent);
                            return cards.length && cards.every(c => c.querySelector('.bowling-card-target'))
                                ? [] : ['no metric cards with latest value and target on a phone'];""")));
                }
                if (route.equals("x-matrix")) {
                    problems.addAll(check(user, route, 390, js(browser, """
                            const list = document.querySelector('x-matrix').shadowRoot.querySelector('.list');
                            return list && list.offsetParent !== null && list.querySelectorAll('button.item').length > 0
                                && list.textContent.includes('Linked to:') ? [] : ['no list form of the X-matrix on a phone'];""")));
                }
            }
        }
    }

    /** The viewport (not the window) at the given size, as on a real screen of that size. */
    private static void resize(Browser browser, Dimension viewport) {
        browser.driver().manage().window().setSize(viewport);
        long width = (Long) js(browser, "return window.innerWidth");
        long height = (Long) js(browser, "return window.innerHeight");
        browser.driver().manage().window().setSize(new Dimension(
                viewport.width + (viewport.width - (int) width), viewport.height + (viewport.height - (int) height)));
    }

    private static void open(Browser browser, String route) {
        browser.open(route);
        browser.waitFor(By.tagName("vaadin-app-layout"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(browser, """
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients).every(c => !c.isActive());""")));
        // Let grids and custom elements finish rendering their first rows.
        js(browser, "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))))");
    }

    private static void save(Browser browser, String user, String route, int width) throws Exception {
        String name = user + "-" + (route.isEmpty() ? "home" : route.replaceAll("[^a-z0-9]+", "-")) + "-" + width + ".png";
        Path target = Path.of("target", "screens", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    private static void axe(Browser browser, String user, String route, List<String> problems) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser.driver());
        for (Rule rule : results.getViolations()) {
            StringBuilder line = new StringBuilder("axe " + rule.getImpact() + " " + user + " /" + route + ": "
                    + rule.getId() + " — " + rule.getHelp());
            for (CheckedNode node : rule.getNodes()) {
                line.append("\n    ").append(node.getTarget()).append(" ").append(abbreviate(node.getHtml()))
                        .append("\n      ").append(abbreviate(String.valueOf(node.getFailureSummary())).replace("\n", " "));
            }
            System.out.println(line);
            if (SERIOUS.contains(rule.getImpact())) {
                problems.add(line.toString());
            }
        }
    }

    /**
     * Grid cells and unit pickers whose text overflows without a
     * tooltip, and grid columns without a header.
     */
    private static void clipped(Browser browser, String user, String route, int width, List<String> problems) {
        Object found = js(browser, """
                const out = [];
                const all = (root, sel, acc = []) => {
                  root.querySelectorAll(sel).forEach(e => acc.push(e));
                  root.querySelectorAll('*').forEach(e => e.shadowRoot && all(e.shadowRoot, sel, acc));
                  return acc;
                };
                for (const grid of all(document, 'vaadin-grid')) {
                  const tooltip = !!grid.querySelector(':scope > vaadin-tooltip[slot="tooltip"]');
                  for (const content of grid.querySelectorAll(':scope > vaadin-grid-cell-content')) {
                    const cell = content.assignedSlot && content.assignedSlot.parentElement;
                    if (!cell || cell.hidden || !cell.offsetParent) continue;
                    const part = cell.getAttribute('part') || '';
                    if (part.includes('header-cell') && !content.textContent.trim() && !content.querySelector('[aria-label]')
                        && cell.parentElement && cell.parentElement.children.length > 1) {
                      const column = cell._column;
                      if (column && !column.hidden && column.getAttribute('data-no-header') === null) {
                        out.push('a column without a header in a grid "' + (grid.getAttribute('aria-label') || grid.id || '') + '"');
                      }
                    }
                    if (part.includes('body-cell')) {
                      const el = content.firstElementChild || content;
                      if ((content.scrollWidth > content.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1)
                          && !tooltip && !content.title && !el.title) {
                        out.push('clipped key cell "' + content.textContent.trim().slice(0, 60) + '"');
                      }
                    }
                  }
                }
                for (const picker of document.querySelectorAll('.unit-picker')) {
                  const input = picker.querySelector('input');
                  // Clipped is fine only where its short code comes first and a tooltip has the whole name.
                  const named = /^\\S+ · /.test(input && input.value || '') && !!picker.querySelector('vaadin-tooltip');
                  if (input && input.value && input.scrollWidth > input.clientWidth + 1 && !named) {
                    out.push('clipped unit picker "' + input.value + '" (' + input.scrollWidth + ' > ' + input.clientWidth + ')');
                  }
                }
                // Other pickers (cycles, types, levels): their value shows whole, or has a tooltip.
                for (const field of document.querySelectorAll('vaadin-combo-box:not(.unit-picker), vaadin-select')) {
                  const shown = field.localName === 'vaadin-select' ? field.querySelector('vaadin-select-value-button') : field.querySelector('input');
                  if (!shown || !shown.offsetParent || field.querySelector('vaadin-tooltip')) continue;
                  if ([shown, shown.firstElementChild].some(e => e && e.scrollWidth > e.clientWidth + 1)) {
                    out.push('clipped field "' + (field.label || '') + '": "' + (shown.value || shown.textContent.trim()) + '"');
                  }
                }
                return [...new Set(out)];""");
        for (Object each : (List<?>) found) {
            problems.add(user + " /" + route + " at " + width + ": " + each);
        }
    }

    private static List<String> check(String user, String route, int width, Object found) {
        return ((List<?>) found).stream().map(p -> user + " /" + route + " at " + width + ": " + p).toList();
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
