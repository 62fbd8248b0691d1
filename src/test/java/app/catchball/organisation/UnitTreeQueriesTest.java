package app.catchball.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.support.SpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Subtree and ancestor look-ups on a generated tree of 2,106 units, on real PostgreSQL (rolled back after each test). */
@SpringTest
@Transactional
class UnitTreeQueriesTest {

    @Autowired
    UnitTreeQueries tree;

    @Autowired
    JdbcClient jdbc;

    long root;

    @BeforeEach
    void generateTree() {
        root = jdbc.sql("insert into org_unit (name, short_code, level_code) values ('Generated Trust', 'GEN', 'TRUST') returning id")
                .query(Long.class).single();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Division ' || g, 'GEN-' || g, 'DIVISION', :root from generate_series(1, 5) g
                """).param("root", root).update();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Directorate ' || p.short_code || '-' || g, p.short_code || '-' || g, 'DIRECTORATE', p.id
                from org_unit p cross join generate_series(1, 20) g where p.parent_id = :root
                """).param("root", root).update();
        jdbc.sql("""
                insert into org_unit (name, short_code, level_code, parent_id)
                select 'Ward ' || p.short_code || '-' || g, p.short_code || '-' || g, 'WARD', p.id
                from org_unit p cross join generate_series(1, 20) g
                where p.parent_id in (select id from org_unit where parent_id = :root)
                """).param("root", root).update();
    }

    @Test
    void subtree_returns_every_unit_below_the_root_with_its_depth_parents_first() {
        List<UnitNode> subtree = tree.subtree(root);

        assertThat(subtree).hasSize(1 + 5 + 100 + 2000);
        assertThat(subtree.getFirst().id()).isEqualTo(root);
        assertThat(subtree).filteredOn(u -> u.depth() == 3).hasSize(2000).allMatch(u -> u.levelCode().equals("WARD"));
        assertThat(subtree).filteredOn(u -> u.depth() == 1).extracting(UnitNode::levelName).containsOnly("Division / care group");
        for (int i = 1; i < subtree.size(); i++) {
            UnitNode unit = subtree.get(i);
            assertThat(subtree.subList(0, i)).as("parent of %s comes first", unit.name())
                    .anyMatch(p -> p.id() == unit.parentId());
        }
    }

    @Test
    void subtree_of_a_directorate_holds_only_its_own_wards() {
        long directorate = jdbc.sql("select id from org_unit where short_code = 'GEN-3-7'").query(Long.class).single();

        assertThat(tree.subtree(directorate)).hasSize(21)
                .extracting(UnitNode::name).contains("Directorate GEN-3-7", "Ward GEN-3-7-1", "Ward GEN-3-7-20")
                .doesNotContain("Ward GEN-3-8-1");
    }

    @Test
    void ancestors_run_from_the_top_down_to_the_parent() {
        long ward = jdbc.sql("select id from org_unit where short_code = 'GEN-2-5-9'").query(Long.class).single();

        assertThat(tree.ancestors(ward)).extracting(UnitNode::name)
                .containsExactly("Generated Trust", "Division 2", "Directorate GEN-2-5");
        assertThat(tree.ancestors(root)).isEmpty();
    }

    @Test
    void paths_of_many_units_come_from_one_statement() {
        List<Long> wards = jdbc.sql("select id from org_unit where short_code in ('GEN-1-1-1', 'GEN-5-20-20')")
                .query(Long.class).list();

        Map<Long, String> paths = tree.paths(wards);

        assertThat(paths.values()).containsExactlyInAnyOrder(
                "Ward GEN-1-1-1 › Directorate GEN-1-1 › Division 1 › Generated Trust",
                "Ward GEN-5-20-20 › Directorate GEN-5-20 › Division 5 › Generated Trust");
    }

    @Test
    void a_unit_is_in_its_own_subtree_and_a_sibling_is_not() {
        long division = jdbc.sql("select id from org_unit where short_code = 'GEN-1'").query(Long.class).single();
        long ownWard = jdbc.sql("select id from org_unit where short_code = 'GEN-1-4-2'").query(Long.class).single();
        long otherWard = jdbc.sql("select id from org_unit where short_code = 'GEN-2-4-2'").query(Long.class).single();

        assertThat(tree.isInSubtree(ownWard, division)).isTrue();
        assertThat(tree.isInSubtree(division, division)).isTrue();
        assertThat(tree.isInSubtree(otherWard, division)).isFalse();
    }
}
