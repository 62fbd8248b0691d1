package app.catchball.demo;

import app.catchball.api.ApiTokenService;
import app.catchball.base.BeforeServing;
import app.catchball.capability.CapabilityService;
import app.catchball.capability.SkillLevelService;
import app.catchball.catchball.CatchballService;
import app.catchball.metrics.AnnotationService;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.MetricRollupService;
import app.catchball.metrics.MetricsService;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.A3Service;
import app.catchball.planning.CycleService;
import app.catchball.planning.PlanningService;
import app.catchball.projects.ProjectService;
import app.catchball.review.DecisionService;
import app.catchball.review.ReviewService;
import app.catchball.security.AccessService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.security.UserSummary;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fictional Northshore Teaching Hospitals NHS Foundation Trust, seeded when the database starts
 * empty in demo mode ({@link DemoMode}: the embedded default database, or an external one with
 * {@code catchball.demo.enabled=true}). This is the one place for demo data: later features add their
 * section here. Everything goes through the services, as the Admin, so it obeys the same rules as
 * a user would.
 * <p>
 * The demo trust is there before the first request is answered ({@link BeforeServing}), and it is
 * seeded in one transaction: a first start stopped at any moment (SIGTERM or kill -9) leaves an
 * empty database, seeded again on the next start, or the complete demo trust.
 */
@Component
@DemoMode
@Order(10)
class DemoData implements BeforeServing {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String PASSWORD = "catchball";
    static final String ANALYST_TOKEN = "cb_demo_analyst_0000000000000000";
    static final String WARD7_TOKEN = "cb_demo_ward7_00000000000000000";
    private static final String SETUP_PASSWORD = UUID.randomUUID().toString();
    static final String TRUST = "Northshore Teaching Hospitals NHS Foundation Trust";
    static final String WARD_7 = "Ward 7 — Respiratory";

    record DemoUser(String username, String displayName, String description, String unitCode, Role role) {
    }

    /** The demo users; all have the password {@value #PASSWORD}. {@code admin} is the Admin. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Administrator", "Admin", null, null),
            new DemoUser("chief.exec", "Sarah Okafor", "Lead, trust", "NTH", Role.LEAD),
            new DemoUser("medicine.director", "Dr James Whitfield", "Lead, Division of Medicine", "MED", Role.LEAD),
            new DemoUser("acute.lead", "Priya Nair", "Lead, Emergency & Acute Medicine", "EAM", Role.LEAD),
            new DemoUser("ward7.manager", "Tom Ellis", "Lead, " + WARD_7, "W7", Role.LEAD),
            new DemoUser("ward7.nurse", "Grace Mensah", "Contributor, " + WARD_7, "W7", Role.CONTRIBUTOR),
            new DemoUser("coach", "Alex Morgan", "Coach, trust (improvement office)", "NTH", Role.COACH),
            new DemoUser("viewer", "Sam Patel", "Viewer, trust", "NTH", Role.VIEWER),
            new DemoUser("analyst", "Jo Whitaker", "Viewer, trust (data warehouse; API token)", "NTH", Role.VIEWER));

    /** Divisions → directorates → wards and departments, as code, name and children. */
    private static final List<Division> DIVISIONS = List.of(
            new Division("MED", "Division of Medicine", List.of(
                    new Directorate("EAM", "Emergency & Acute Medicine", List.of(
                            "W7:" + WARD_7, "ED:Emergency Department", "AMU:Acute Medical Unit", "W8:Ward 8 — Cardiology")),
                    new Directorate("SPM", "Specialist Medicine", List.of(
                            "W9:Ward 9 — Gastroenterology", "W10:Ward 10 — Endocrinology", "RENAL:Renal Unit",
                            "STROKE:Stroke Unit", "ONC:Acute Oncology")),
                    new Directorate("ELD", "Elderly Care", List.of(
                            "W11:Ward 11 — Frailty", "W12:Ward 12 — Care of the Elderly", "DAYH:Day Hospital")))),
            new Division("SUR", "Division of Surgery", List.of(
                    new Directorate("GS", "General Surgery", List.of(
                            "W20:Ward 20 — Surgical Assessment", "W21:Ward 21 — Colorectal", "W24:Ward 24 — Vascular")),
                    new Directorate("TO", "Trauma & Orthopaedics", List.of(
                            "W22:Ward 22 — Trauma", "W23:Ward 23 — Elective Orthopaedics", "FRAC:Fracture Clinic")),
                    new Directorate("TCC", "Theatres & Critical Care", List.of(
                            "THEA:Main Theatres", "ICU:Intensive Care Unit", "DSU:Day Surgery Unit")))),
            new Division("WAC", "Division of Women's & Children's", List.of(
                    new Directorate("MAT", "Maternity", List.of(
                            "LAB:Labour Ward", "BIRTH:Birth Centre", "ANC:Antenatal Clinic")),
                    new Directorate("PAE", "Paediatrics", List.of(
                            "CHW:Children's Ward", "NNU:Neonatal Unit")))),
            new Division("CSS", "Division of Clinical Support", List.of(
                    new Directorate("DI", "Diagnostics & Imaging", List.of(
                            "RAD:Radiology", "PATH:Pathology")),
                    new Directorate("PT", "Pharmacy & Therapies", List.of(
                            "PHARM:Pharmacy", "PHYSIO:Physiotherapy", "OT:Occupational Therapy")))));

    private record Division(String code, String name, List<Directorate> directorates) {
    }

    private record Directorate(String code, String name, List<String> wards) {
    }

    private final AccessService access;
    private final OrganisationService organisation;
    private final CycleService cycles;
    private final PlanningService planning;
    private final CatchballService catchball;
    private final MetricsService metrics;
    private final CountermeasureService countermeasures;
    private final ProjectService projects;
    private final CapabilityService capability;
    private final SkillLevelService skillLevels;
    private final ApiTokenService tokens;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final A3Service a3s;
    private final DecisionService decisions;
    private final ReviewService reviews;
    private final Clock clock;
    private final DemoTrajectories trajectories;
    private final MetricRollupService rollups;
    private final CommentaryService commentary;
    private final AnnotationService annotations;

    DemoData(AccessService access, OrganisationService organisation, CycleService cycles, PlanningService planning,
             CatchballService catchball, MetricsService metrics, CountermeasureService countermeasures,
             ApiTokenService tokens, JdbcClient jdbc, PasswordEncoder passwordEncoder, ProjectService projects,
             CapabilityService capability, SkillLevelService skillLevels, PlatformTransactionManager transactionManager,
             A3Service a3s, DecisionService decisions, ReviewService reviews, Clock clock, DemoTrajectories trajectories,
             MetricRollupService rollups, CommentaryService commentary, AnnotationService annotations) {
        this.trajectories = trajectories;
        this.rollups = rollups;
        this.commentary = commentary;
        this.annotations = annotations;
        this.a3s = a3s;
        this.decisions = decisions;
        this.reviews = reviews;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.projects = projects;
        this.capability = capability;
        this.skillLevels = skillLevels;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.catchball = catchball;
        this.metrics = metrics;
        this.countermeasures = countermeasures;
        this.access = access;
        this.organisation = organisation;
        this.cycles = cycles;
        this.planning = planning;
    }

    @Override
    public void prepare() {
        if (access.anyAdminExists()) {
            return;
        }
        log.info("Empty database: seeding the demo trust '{}'", TRUST);
        long started = System.nanoTime();
        // One transaction around everything (the services join it), as the admin, who the audit trail names.
        Boolean seeded = SystemUser.runAs("admin", () -> transaction.execute(status -> {
            // Several nodes may start at once on one empty external database: one seeds, the others
            // wait here for its commit and then find the demo trust there.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('catchball.demo-seeding'))").query().singleRow();
            if (access.anyAdminExists()) {
                return false;
            }
            access.bootstrapAdmin("admin", "Administrator", SETUP_PASSWORD);
            seed();
            // Demo accounts deliberately share a short, known password, below the password policy that
            // real accounts must meet; it is set here, in demo mode only.
            jdbc.sql("update app_user set password_hash = :hash").param("hash", passwordEncoder.encode(PASSWORD)).update();
            return true;
        }));
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Demo data ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        } else {
            log.info("Demo trust already seeded by another node");
        }
    }

    private void seed() {
        Map<String, Long> units = organisation();
        Map<String, Long> users = people(units);
        log.info("Demo trust: {} units and {} people so far; now the plan, catchball, metrics and projects", units.size(),
                users.size());
        new DemoPlan(cycles, planning, units, users).seed();
        new DemoHistory(cycles, jdbc, cycles.current().orElseThrow().id()).seed();
        new DemoCatchball(catchball, planning, cycles, units).seed();
        new DemoMetrics(metrics, countermeasures, units, users, cycles.current().orElseThrow().id()).seed();
        trajectories.seed(units, cycles.current().orElseThrow().id());
        new DemoRollups(planning, metrics, rollups, catchball, units, users, cycles.current().orElseThrow().id()).seed();
        new DemoReminders(countermeasures, metrics, catchball, jdbc, clock, units, users, cycles.current().orElseThrow().id()).seed();
        new DemoNotes(commentary, annotations, metrics, units, cycles.current().orElseThrow().id()).seed();
        new DemoProjects(projects, capability, skillLevels, access, planning, cycles, units, users).seed();
        new DemoReviews(a3s, decisions, reviews, units, users, cycles.current().orElseThrow().id()).seed();
        // Demo-only API tokens (never in the prod profile): an analyst who reads, a ward manager who writes.
        tokens.createWithValue("analyst", "Data warehouse (demo)", ANALYST_TOKEN);
        tokens.createWithValue("ward7.manager", "Ward 7 spreadsheet (demo)", WARD7_TOKEN);
    }

    private Map<String, Long> organisation() {
        Map<String, Long> units = new HashMap<>();
        UnitNode trust = organisation.create(TRUST, "NTH", "TRUST", null);
        units.put("NTH", trust.id());
        for (Division division : DIVISIONS) {
            UnitNode d = organisation.create(division.name(), division.code(), "DIVISION", trust.id());
            units.put(division.code(), d.id());
            for (Directorate directorate : division.directorates()) {
                UnitNode dir = organisation.create(directorate.name(), directorate.code(), "DIRECTORATE", d.id());
                units.put(directorate.code(), dir.id());
                for (String ward : directorate.wards()) {
                    String[] codeAndName = ward.split(":", 2);
                    units.put(codeAndName[0], organisation.create(codeAndName[1], codeAndName[0], "WARD", dir.id()).id());
                }
            }
        }
        return units;
    }

    private Map<String, Long> people(Map<String, Long> units) {
        Map<String, Long> ids = new HashMap<>();
        for (DemoUser demo : USERS) {
            if (demo.role() == null) {
                continue;
            }
            UserSummary user = access.createUser(demo.username(), demo.displayName(),
                    demo.username() + "@northshore.example.nhs.uk", SETUP_PASSWORD, false);
            access.grant(user.id(), units.get(demo.unitCode()), demo.role());
            ids.put(demo.username(), user.id());
        }
        return ids;
    }
}
