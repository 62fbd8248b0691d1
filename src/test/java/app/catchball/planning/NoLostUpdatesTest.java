package app.catchball.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many people editing the same things at once, through the services: every update is either applied
 * or refused as a conflict, and every applied one is in the data and the audit trail — none lost.
 */
@SpringTest
class NoLostUpdatesTest {

    private static final int THREADS = 8;
    private static final int ATTEMPTS = 15;

    @Autowired
    PlanningService planning;

    @Autowired
    OrganisationService organisation;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrent_edits_of_one_plan_item_are_applied_or_refused_never_lost() throws Exception {
        Fixtures.Ward ward = fixtures.ward("Contended plan ward");
        ItemView item = fixtures.item(ward, ItemKind.PRIORITY, "Contended priority");
        long auditBefore = auditUpdates("plan_item", item.id());
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> appliedTexts = Collections.synchronizedList(new ArrayList<>());

        run(thread -> () -> {
            for (int i = 0; i < ATTEMPTS; i++) {
                String text = "edit " + thread + "-" + i;
                ItemView current = SystemUser.runAs("admin", () -> planning.item(item.id()));
                try {
                    SystemUser.runAs(thread % 2 == 0 ? ward.lead() : "admin", () ->
                            planning.updateItem(item.id(), current.toDraft().withDescription(text), current.version()));
                    applied.incrementAndGet();
                    appliedTexts.add(text);
                } catch (ConflictException e) {
                    refused.incrementAndGet();
                }
            }
            return null;
        });

        ItemView last = SystemUser.runAs("admin", () -> planning.item(item.id()));
        assertThat(applied.get() + refused.get()).isEqualTo(THREADS * ATTEMPTS);
        assertThat(applied.get()).isPositive();
        assertThat(last.version() - item.version()).as("each applied edit is one version").isEqualTo(applied.get());
        assertThat(auditUpdates("plan_item", item.id()) - auditBefore).as("each applied edit is in the audit trail")
                .isEqualTo(applied.get());
        List<String> audited = jdbc.sql("select after ->> 'description' from audit.audit_event where table_name = 'plan_item' "
                + "and row_id = :id and operation = 'UPDATE' order by id").param("id", item.id()).query(String.class).list();
        assertThat(audited).containsExactlyInAnyOrderElementsOf(appliedTexts);
        assertThat(last.description()).isEqualTo(audited.getLast());
    }

    @Test
    void concurrent_renames_of_one_unit_are_applied_or_refused_never_lost() throws Exception {
        Fixtures.Ward contended = fixtures.ward("Contended ward");
        UnitNode unit = SystemUser.runAs("admin", () -> organisation.get(contended.id()));
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        run(thread -> () -> {
            for (int i = 0; i < ATTEMPTS; i++) {
                UnitNode current = SystemUser.runAs("admin", () -> organisation.get(unit.id()));
                try {
                    int n = i;
                    SystemUser.runAs("admin", () -> organisation.rename(unit.id(), "Contended Ward " + thread + "-" + n, contended.code(),
                            current.version()));
                    applied.incrementAndGet();
                } catch (RuleViolation | OptimisticLockingFailureException e) {
                    refused.incrementAndGet();
                }
            }
            return null;
        });

        UnitNode last = SystemUser.runAs("admin", () -> organisation.get(unit.id()));
        assertThat(applied.get() + refused.get()).isEqualTo(THREADS * ATTEMPTS);
        assertThat(last.version() - unit.version()).isEqualTo(applied.get());
        assertThat(auditUpdates("org_unit", unit.id())).isEqualTo(applied.get());
    }

    private long auditUpdates(String table, long id) {
        return jdbc.sql("select count(*) from audit.audit_event where table_name = :t and row_id = :id and operation = 'UPDATE'")
                .param("t", table).param("id", id).query(Long.class).single();
    }

    private static void run(IntFunction<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(work.apply(t)));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
