package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.RuleViolation;
import app.catchball.catchball.CatchballService;
import app.catchball.metrics.Aggregation;
import app.catchball.metrics.BowlingRule;
import app.catchball.metrics.BowlingRuleService;
import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.Frequency;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.TrajectoryEntry;
import app.catchball.metrics.TrajectoryService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.A3Service;
import app.catchball.planning.Corner;
import app.catchball.planning.PriorityA3;
import app.catchball.planning.CycleService;
import app.catchball.planning.Direction;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.planning.Proposal;
import app.catchball.projects.PdsaDraft;
import app.catchball.review.DecisionDraft;
import app.catchball.review.DecisionService;
import app.catchball.review.DecisionStatus;
import app.catchball.review.ReviewService;
import app.catchball.projects.ProjectDraft;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.security.AccessService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorisation, proven through the services: every service method that writes, for each role
 * (Admin, Lead, Contributor, Coach, Viewer) × position (own unit, ancestor, descendant, sibling),
 * is allowed or refused exactly as DESIGN.md's permission table says. Refused means an
 * AccessDeniedException; allowed means anything else (a rule may still refuse the content). Each
 * case, what it sets up included, runs in one transaction that is rolled back afterwards, so the
 * demo trust stays as it was for every other test.
 */
@SpringTest
@Transactional
class WriteAuthorisationMatrixTest {

    enum Needs { LEAD, CONTRIBUTOR, COACH_OR_CONTRIBUTOR, ADMIN, ADMIN_OR_TRUST_LEAD }

    record Op(String name, Needs needs) {
    }

    static final List<Op> OPS = List.of(
            new Op("PlanningService.createItem", Needs.LEAD),
            new Op("PlanningService.updateItem", Needs.LEAD),
            new Op("PlanningService.moveItem", Needs.LEAD),
            new Op("PlanningService.archiveItem", Needs.LEAD),
            new Op("PlanningService.cycleCorrelation", Needs.LEAD),
            new Op("PlanningService.deploy", Needs.LEAD),
            new Op("CatchballService.proposeDown", Needs.LEAD),
            new Op("CatchballService.proposeUp", Needs.LEAD),
            new Op("MetricsService.saveValues", Needs.CONTRIBUTOR),
            new Op("MetricsService.changeFrequency", Needs.LEAD),
            new Op("TrajectoryService.replace", Needs.LEAD),
            new Op("BowlingRuleService.changeRule", Needs.LEAD),
            new Op("CountermeasureService.saveCountermeasure", Needs.COACH_OR_CONTRIBUTOR),
            new Op("ProjectService.create", Needs.CONTRIBUTOR),
            new Op("ProjectService.update", Needs.CONTRIBUTOR),
            new Op("ProjectService.approve", Needs.LEAD),
            new Op("ProjectService.addPdsa", Needs.CONTRIBUTOR),
            new Op("OrganisationService.create", Needs.ADMIN),
            new Op("OrganisationService.rename", Needs.ADMIN),
            new Op("AccessService.grant", Needs.ADMIN),
            new Op("AccessService.resetPassword", Needs.ADMIN),
            new Op("CycleService.create", Needs.ADMIN_OR_TRUST_LEAD),
            new Op("ReviewService.publish", Needs.LEAD),
            new Op("DecisionService.add", Needs.LEAD),
            new Op("A3Service.save", Needs.LEAD));

    /** user, role, own, ancestor, descendant, sibling (null: no such unit for that user). */
    static final Object[][] USERS = {
            {"admin", "Admin", "EAM", "MED", "W7", "SPM"},
            {"acute.lead", "Lead", "EAM", "MED", "W7", "SPM"},
            {"ward7.manager", "Lead", "W7", "EAM", null, "W8"},
            {"ward7.nurse", "Contributor", "W7", "EAM", null, "W8"},
            {"coach", "Coach", "NTH", null, "MED", null},
            {"viewer", "Viewer", "NTH", null, "MED", null}};

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        String[] positions = {"own", "ancestor", "descendant", "sibling"};
        for (Object[] u : USERS) {
            for (int p = 0; p < 4; p++) {
                if (u[2 + p] == null) {
                    continue;
                }
                for (Op op : OPS) {
                    all.add(Arguments.of(u[0], u[1], positions[p], u[2 + p], op.name(), expected((String) u[1], positions[p], op.needs(), (String) u[0])));
                }
            }
        }
        return all.stream();
    }

    static boolean expected(String role, String position, Needs needs, String user) {
        boolean here = position.equals("own") || position.equals("descendant");
        return switch (needs) {
            case ADMIN -> role.equals("Admin");
            case ADMIN_OR_TRUST_LEAD -> role.equals("Admin") || user.equals("chief.exec");
            case LEAD -> role.equals("Admin") || role.equals("Lead") && here;
            case CONTRIBUTOR -> role.equals("Admin") || (role.equals("Lead") || role.equals("Contributor")) && here;
            case COACH_OR_CONTRIBUTOR -> role.equals("Admin") || (role.equals("Lead") || role.equals("Contributor") || role.equals("Coach")) && here;
        };
    }

    @Autowired PlanningService planning;
    @Autowired CatchballService catchball;
    @Autowired MetricsService metrics;
    @Autowired TrajectoryService trajectories;
    @Autowired BowlingRuleService bowlingRules;
    @Autowired CountermeasureService countermeasures;
    @Autowired OrganisationService organisation;
    @Autowired AccessService access;
    @Autowired CycleService cycles;
    @Autowired PlanFixture fixture;
    @Autowired ProjectService projects;
    @Autowired ReviewService reviews;
    @Autowired DecisionService decisions;
    @Autowired A3Service a3s;

    private static final AtomicInteger N = new AtomicInteger();

    private ProjectSummary probeProject(long unit, int n) {
        return SystemUser.runAs("admin", () -> projects.create(unit, ProjectDraft.titled("Probe project " + n)));
    }

    private ItemView probe(String unitCode, ItemKind kind, String title) {
        return fixture.create(unitCode, kind, title);
    }

    @ParameterizedTest(name = "{1} {0} on {2} unit {3}: {4} allowed={5}")
    @MethodSource("cases")
    void each_write_is_allowed_or_refused_as_designed(String user, String role, String position, String unit, String op,
                                                       boolean allowed) {
        Runnable action = prepare(op, unit);
        boolean denied = false;
        try {
            SystemUser.runAs(user, action);
        } catch (AccessDeniedException e) {
            denied = true;
        } catch (RuleViolation e) {
            // allowed through the permission check; the content was refused
        }
        assertThat(!denied).as("%s (%s) %s on %s unit %s", user, role, op, position, unit).isEqualTo(allowed);
    }

    /** Sets up what the operation needs (as the Admin) and returns the operation itself. */
    private Runnable prepare(String op, String unitCode) {
        long unit = fixture.unit(unitCode);
        long cycle = fixture.cycle();
        int n = N.incrementAndGet();
        return switch (op) {
            case "PlanningService.createItem" -> () -> planning.createItem(unit, cycle, ItemKind.PRIORITY,
                    ItemDraft.titled("Probe " + n));
            case "PlanningService.updateItem" -> {
                ItemView item = probe(unitCode, ItemKind.PRIORITY, "Probe " + n);
                yield () -> planning.updateItem(item.id(), item.toDraft().withDescription("changed"), item.version());
            }
            case "PlanningService.moveItem" -> {
                probe(unitCode, ItemKind.ANNUAL, "Probe first " + n);
                ItemView item = probe(unitCode, ItemKind.ANNUAL, "Probe " + n);
                yield () -> planning.moveItem(item.id(), -1);
            }
            case "PlanningService.archiveItem" -> {
                ItemView item = probe(unitCode, ItemKind.PRIORITY, "Probe " + n);
                yield () -> planning.archiveItem(item.id(), item.version());
            }
            case "PlanningService.cycleCorrelation" -> {
                ItemView a = probe(unitCode, ItemKind.ANNUAL, "Probe A " + n);
                ItemView p = probe(unitCode, ItemKind.PRIORITY, "Probe P " + n);
                yield () -> planning.cycleCorrelation(Corner.NW, a.id(), p.id());
            }
            case "PlanningService.deploy" -> {
                ItemView p = probe(unitCode, ItemKind.PRIORITY, "Probe " + n);
                long child = firstChildOr(unit);
                yield () -> planning.deploy(p.id(), List.of(child));
            }
            case "CatchballService.proposeDown" -> {
                ItemView p = probe(unitCode, ItemKind.PRIORITY, "Probe " + n);
                long child = firstChildOr(unit);
                yield () -> catchball.proposeDown(p.id(), List.of(child), Proposal.titled("Probe " + n), null);
            }
            case "CatchballService.proposeUp" -> () -> catchball.proposeUp(unit, cycle, Proposal.titled("Probe " + n), null);
            case "MetricsService.saveValues" -> {
                long metric = metric(unitCode, n);
                yield () -> metrics.saveValues(metric, List.of(new ValueEntry(LocalDate.of(2030, 1, 1), BigDecimal.ONE)), ValueSource.MANUAL);
            }
            case "MetricsService.changeFrequency" -> {
                long metric = metric(unitCode, n);
                yield () -> metrics.changeFrequency(metric, Frequency.WEEKLY);
            }
            // Both refuse their content after the permission check (a month outside the cycle, a negative band).
            case "TrajectoryService.replace" -> {
                long metric = metric(unitCode, n);
                yield () -> trajectories.replace(metric, List.of(new TrajectoryEntry(LocalDate.of(2030, 1, 1), BigDecimal.ONE)));
            }
            case "BowlingRuleService.changeRule" -> {
                long metric = metric(unitCode, n);
                yield () -> bowlingRules.changeRule(metric, new BowlingRule(Aggregation.SUM, BigDecimal.ONE.negate(), false, null, null));
            }
            case "CountermeasureService.saveCountermeasure" -> {
                long metric = metric(unitCode, n);
                yield () -> countermeasures.saveCountermeasure(null, metric, null, "p", "c", "Probe action", null,
                        LocalDate.of(2030, 1, 1), CountermeasureStatus.OPEN, 0);
            }
            case "ProjectService.create" -> () -> projects.create(unit, ProjectDraft.titled("Probe project " + n));
            case "ProjectService.update" -> {
                var project = probeProject(unit, n);
                yield () -> projects.update(project.id(), ProjectDraft.titled("Probe project " + n)
                        .withAim("Halve it by March"), project.version());
            }
            case "ProjectService.approve" -> {
                var project = probeProject(unit, n);
                yield () -> projects.approve(project.id(), project.version());
            }
            case "ProjectService.addPdsa" -> {
                var project = probeProject(unit, n);
                yield () -> projects.addPdsa(project.id(), new PdsaDraft(LocalDate.of(2026, 11, 1),
                        "Plan", "Do", "Study", "Act"));
            }
            case "OrganisationService.create" -> () -> organisation.create("Probe unit " + n, "PRB" + n, "WARD", unit);
            case "OrganisationService.rename" -> {
                UnitNode node = SystemUser.runAs("admin", () -> organisation.create("Probe unit " + n, "PRB" + n, "WARD", unit));
                yield () -> organisation.rename(node.id(), "Probe renamed " + n, "PRB" + n, node.version());
            }
            case "AccessService.grant" -> {
                long probe = SystemUser.runAs("admin", () -> access.createUser("probe" + n, "Probe " + n, null, "probe long passphrase " + n, false)).id();
                yield () -> access.grant(probe, unit, Role.VIEWER);
            }
            case "AccessService.resetPassword" -> {
                long probe = SystemUser.runAs("admin", () -> access.createUser("probe" + n, "Probe " + n, null, "probe long passphrase " + n, false)).id();
                yield () -> access.resetPassword(probe, "another long passphrase");
            }
            case "CycleService.create" -> () -> cycles.create("Probe " + n, LocalDate.of(2035, 4, 1), LocalDate.of(2036, 3, 1));
            // Each refuses its content after the permission check (a month to come, no text, no status), so the
            // demo trust's reviews, decisions and A3s stay as they were.
            case "ReviewService.publish" -> () -> reviews.publish(unit, YearMonth.now().plusMonths(2), 0);
            case "DecisionService.add" -> () -> decisions.add(unit, cycle, YearMonth.of(2026, 5),
                    new DecisionDraft(" ", null, null, DecisionStatus.OPEN, null));
            case "A3Service.save" -> {
                ItemView priority = probe(unitCode, ItemKind.PRIORITY, "Probe " + n);
                yield () -> a3s.save(priority.id(), new PriorityA3(priority.id(), unit, null, null, null, null, null, null,
                        null, 0, List.of(), null, null, 0), 0);
            }
            default -> throw new IllegalArgumentException(op);
        };
    }

    private long firstChildOr(long unit) {
        return SystemUser.runAs("admin", () -> organisation.subtree(unit)).stream().filter(u -> u.depth() == 1)
                .map(UnitNode::id).findFirst().orElse(unit);
    }

    private long metric(String unitCode, int n) {
        return SystemUser.runAs("admin", () -> planning.createItem(fixture.unit(unitCode), fixture.cycle(), ItemKind.METRIC,
                ItemDraft.titled("Probe metric " + n).withMetric("%", Direction.UP, null, null, null))).id();
    }
}
