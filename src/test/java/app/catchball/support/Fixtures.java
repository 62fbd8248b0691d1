package app.catchball.support;

import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.planning.XMatrix;
import app.catchball.security.AccessService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Data a test class owns. The demo trust is shared by every test class in the one context, so a
 * test that changes a plan, a matrix or a unit's people makes its own ward here, through the real
 * services, and leaves Ward 7, EAM and the trust to the read-only checks of the demo data. Every
 * call creates new rows with unique names (one database per run), so classes never see each
 * other's leftovers.
 */
@Component
public class Fixtures {

    /** A ward of its own, under the same directorate as Ward 7, with a Lead and a Contributor who hold roles only there. */
    public record Ward(long id, String code, String name, String lead, String contributor) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "fixture-password-" + System.nanoTime();

    private final OrganisationService organisation;
    private final AccessService access;
    private final PlanningService planning;
    private final CycleService cycles;
    private final JdbcClient jdbc;
    private final Map<Class<?>, Ward> classWards = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    Fixtures(OrganisationService organisation, AccessService access, PlanningService planning, CycleService cycles,
             JdbcClient jdbc) {
        this.organisation = organisation;
        this.access = access;
        this.planning = planning;
        this.cycles = cycles;
        this.jdbc = jdbc;
    }

    /** A new ward named "‹name› ‹n›" beside Ward 7, with its own Lead and Contributor. */
    public Ward ward(String name) {
        return SystemUser.runAs("admin", () -> unit(name, "WARD", organisation.get(demoUnit("W7")).parentId()));
    }

    /**
     * The ward a test class shares between its tests, made on the class's first call ("‹name› ‹n›", as
     * {@link #ward}). Kept by this bean, so a class gets one ward per application context and database.
     */
    public Ward wardOf(Class<?> testClass, String name) {
        return classWards.computeIfAbsent(testClass, c -> ward(name));
    }

    /**
     * Something a test class shares between its tests (a hierarchy of fixture units, say), made on the
     * class's first call and kept by this bean: once per application context and database.
     */
    @SuppressWarnings("unchecked")
    public <T> T sharedBy(Class<?> testClass, Supplier<T> make) {
        return (T) shared.computeIfAbsent(testClass, c -> make.get());
    }

    /** A new unit "‹name› ‹n›" below a fixture ward (a bay or team of it), with its own Lead and Contributor. */
    public Ward below(Ward ward, String name) {
        return below(ward, name, "WARD");
    }

    /**
     * A new unit "‹name› ‹n›" of the given level ({@code DIRECTORATE}, {@code WARD}, …) below a fixture
     * unit, with its own Lead and Contributor: for tests that need levels of their own.
     */
    public Ward below(Ward parent, String name, String levelCode) {
        return SystemUser.runAs("admin", () -> unit(name, levelCode, parent.id()));
    }

    /** A division and a directorate below it, each with its own Lead and Contributor (see {@link #levels}). */
    public record Levels(Ward division, Ward directorate) {
    }

    /**
     * A new division "‹name› division ‹n›" under the demo trust and a directorate "‹name› directorate ‹m›"
     * below it: two levels of its own, for proposals, roll-ups and commitments between them.
     */
    public Levels levels(String name) {
        Ward division = division(name + " division");
        return new Levels(division, below(division, name + " directorate", "DIRECTORATE"));
    }

    /** A new division "‹name› ‹n›" under the demo trust, with its own Lead and Contributor: the top of a hierarchy of its own. */
    public Ward division(String name) {
        return SystemUser.runAs("admin", () -> unit(name, "DIVISION", organisation.get(demoUnit("MED")).parentId()));
    }

    private Ward unit(String name, String levelCode, long parentId) {
        int n = SEQUENCE.incrementAndGet();
        String code = "FX" + n;
        String unitName = name + " " + n;
        UnitNode unit = organisation.create(unitName, code, levelCode, parentId);
        String lead = person(code, "lead", "Lead of " + unitName, unit.id(), Role.LEAD);
        String contributor = person(code, "contributor", "Contributor on " + unitName, unit.id(), Role.CONTRIBUTOR);
        return new Ward(unit.id(), code, unitName, lead, contributor);
    }

    /** A new person who holds only this role, on the ward (a Viewer who owns a metric, say); returns the username. */
    public String person(Ward ward, Role role) {
        int n = SEQUENCE.incrementAndGet();
        return SystemUser.runAs("admin", () -> person(ward.code() + "p" + n, role.name().toLowerCase(Locale.ROOT),
                role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT) + " " + n + " on " + ward.name(),
                ward.id(), role));
    }

    /** A new item of that kind on the ward's X-matrix in the current cycle. */
    public ItemView item(Ward ward, ItemKind kind, String title) {
        return SystemUser.runAs("admin", () -> planning.createItem(ward.id(), cycle(), kind, ItemDraft.titled(title)));
    }

    /** A new metric (a count, higher is better, no target) on the ward's X-matrix in the current cycle. */
    public ItemView metric(Ward ward, String title) {
        return SystemUser.runAs("admin", () -> planning.createItem(ward.id(), cycle(), ItemKind.METRIC,
                ItemDraft.titled(title).withMetric("count", Direction.UP, null, null, null)));
    }

    /** The ward's X-matrix in the current cycle, read as an Admin. */
    public XMatrix matrix(Ward ward) {
        return SystemUser.runAs("admin", () -> planning.matrix(ward.id(), cycle()));
    }

    /** An item on the ward's X-matrix by title. */
    public ItemView item(Ward ward, String title) {
        return matrix(ward).sides().values().stream().flatMap(List::stream).filter(i -> i.title().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("No item '" + title + "' on " + ward.name()));
    }

    /** The password of every person made here, for tests that sign in through the browser. */
    public String password() {
        return PASSWORD;
    }

    public long cycle() {
        return cycles.current().orElseThrow().id();
    }

    /** The id of a demo unit by short code, for read-only checks of the demo trust. */
    public long demoUnit(String code) {
        return jdbc.sql("select id from org_unit where short_code = :c").param("c", code).query(Long.class).single();
    }

    private String person(String code, String role, String displayName, long unitId, Role grant) {
        String username = code.toLowerCase() + "." + role;
        UserSummary user = access.createUser(username, displayName, username + "@fixtures.test", PASSWORD, false);
        access.grant(user.id(), unitId, grant);
        return username;
    }
}
