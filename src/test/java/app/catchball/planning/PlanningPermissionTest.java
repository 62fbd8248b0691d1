package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.RuleViolation;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission matrix of DESIGN.md, through the services: each demo user × their own unit, its
 * parent, a child and a sibling × edit an item, correlate, deploy. A Lead may act on their unit
 * and below, never above or beside; Contributors, Coaches and Viewers may not change a plan;
 * Admins may do everything.
 */
/** Every case, its probe items included, runs in a transaction that is rolled back: the demo units keep no probes. */
@SpringTest
@Transactional
class PlanningPermissionTest {

    enum Operation { EDIT_ITEM, CORRELATE, DEPLOY }

    @Autowired
    PlanningService planning;

    @Autowired
    CycleService cycles;

    @Autowired
    PlanFixture fixture;

    /** Each user's own unit, its parent, a child with a child of its own where possible, and a sibling. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] users = {
                // user, own, parent, child, sibling, role is Lead
                {"chief.exec", "NTH", null, "MED", null, true},
                {"medicine.director", "MED", "NTH", "EAM", "SUR", true},
                {"acute.lead", "EAM", "MED", "W7", "SPM", true},
                {"ward7.manager", "W7", "EAM", null, "W8", true},
                {"ward7.nurse", "W7", "EAM", null, "W8", false},
                {"coach", "NTH", null, "MED", null, false},
                {"viewer", "NTH", null, "MED", null, false},
                {"admin", "EAM", "MED", "W7", "SPM", null}};
        for (Object[] u : users) {
            String[] positions = {"own", "parent", "child", "sibling"};
            for (int p = 0; p < 4; p++) {
                String unit = (String) u[1 + p];
                if (unit == null) {
                    continue;
                }
                Boolean lead = (Boolean) u[5];
                boolean allowed = lead == null || (lead && (p == 0 || p == 2));
                for (Operation op : Operation.values()) {
                    cases.add(Arguments.of(u[0], positions[p], unit, op, allowed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {3} on {1} unit {2}: allowed={4}")
    @MethodSource("cases")
    void plan_changes_are_allowed_exactly_as_designed(String user, String position, String unit, Operation op, boolean allowed) {
        ItemView priority = fixture.create(unit, ItemKind.PRIORITY, "Permission probe " + op + " " + user);
        ItemView annual = fixture.create(unit, ItemKind.ANNUAL,
                "Permission probe annual " + op + " " + user);
        Runnable action = switch (op) {
            case EDIT_ITEM -> () -> planning.updateItem(priority.id(), priority.toDraft().withTitle("Edited by " + user),
                    priority.version());
            case CORRELATE -> () -> planning.cycleCorrelation(Corner.NW, annual.id(), priority.id());
            case DEPLOY -> {
                long target = SystemUser.runAs("admin", () -> planning.deployTargets(priority.id())).keySet().stream()
                        .findFirst().map(u -> u.id()).orElse(fixture.unit(unit));
                yield () -> planning.deploy(priority.id(), List.of(target));
            }
        };

        boolean refused = false;
        try {
            SystemUser.runAs(user, action);
        } catch (AccessDeniedException e) {
            refused = true;
            assertThat(e.getMessage()).contains("needs the Lead role");
        } catch (RuleViolation e) {
            // allowed, but the unit has no child to deploy to
            assertThat(e.getMessage()).contains("directly below");
        }

        assertThat(!refused).as("%s %s on %s (%s)", user, op, unit, position).isEqualTo(allowed);
        ItemView after = fixture.item(unit, allowed && op == Operation.EDIT_ITEM ? "Edited by " + user : priority.title());
        assertThat(after.version() > priority.version()).isEqualTo(allowed && op == Operation.EDIT_ITEM);
    }

    @Test
    void only_an_admin_or_a_trust_lead_may_change_the_cycle_stage() {
        for (String user : List.of("admin", "chief.exec", "medicine.director", "acute.lead", "ward7.manager", "ward7.nurse", "coach", "viewer")) {
            CycleSummary cycle = cycles.current().orElseThrow();
            boolean refused = false;
            try {
                SystemUser.runAs(user, () -> cycles.changeStage(cycle.id(), cycle.stage(), cycle.version()));
            } catch (AccessDeniedException e) {
                refused = true;
                assertThat(e.getMessage()).isEqualTo("Only an Admin or a Lead of the trust may change planning cycles.");
            }
            assertThat(refused).as(user).isEqualTo(!List.of("admin", "chief.exec").contains(user));
        }
    }
}
