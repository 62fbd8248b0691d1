package app.catchball.catchball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.base.RuleViolation;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state × move × side (proposer or responder), for threads started top-down and bottom-up. */
class CatchballRulesTest {

    /** The allowed moves, written out from DESIGN.md independently of the implementation: state move side → next. */
    private static final Map<String, CascadeStatus> ALLOWED = Map.ofEntries(
            Map.entry("DRAFT PROPOSE proposer", CascadeStatus.PROPOSED),
            Map.entry("DRAFT WITHDRAW proposer", CascadeStatus.WITHDRAWN),
            Map.entry("PROPOSED ACCEPT responder", CascadeStatus.AGREED),
            Map.entry("PROPOSED QUERY responder", CascadeStatus.QUERIED),
            Map.entry("PROPOSED COUNTER responder", CascadeStatus.COUNTERED),
            Map.entry("PROPOSED DECLINE responder", CascadeStatus.DECLINED),
            Map.entry("PROPOSED WITHDRAW proposer", CascadeStatus.WITHDRAWN),
            Map.entry("QUERIED ANSWER proposer", CascadeStatus.PROPOSED),
            Map.entry("QUERIED WITHDRAW proposer", CascadeStatus.WITHDRAWN),
            Map.entry("COUNTERED AGREE proposer", CascadeStatus.AGREED),
            Map.entry("COUNTERED REVISE proposer", CascadeStatus.PROPOSED),
            Map.entry("COUNTERED WITHDRAW proposer", CascadeStatus.WITHDRAWN),
            Map.entry("DECLINED REVISE proposer", CascadeStatus.PROPOSED),
            Map.entry("DECLINED WITHDRAW proposer", CascadeStatus.WITHDRAWN),
            Map.entry("AGREED REOPEN proposer", CascadeStatus.PROPOSED),
            Map.entry("AGREED REOPEN responder", CascadeStatus.COUNTERED));

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (CascadeStatus state : CascadeStatus.values()) {
            for (Move move : Move.values()) {
                for (Party initiator : Party.values()) {
                    for (Party actor : Party.values()) {
                        all.add(Arguments.of(state, move, initiator, actor));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} started by {2}, by {3}")
    @MethodSource("everyCombination")
    void each_move_is_allowed_only_to_the_right_side_in_the_right_state(CascadeStatus state, Move move, Party initiator, Party actor) {
        String key = state + " " + move + " " + (actor == initiator ? "proposer" : "responder");
        CascadeStatus expected = ALLOWED.get(key);
        if (expected != null) {
            assertThat(CatchballRules.apply(state, move, actor, initiator, CatchballRulesTest::unit).next()).isEqualTo(expected);
            assertThat(CatchballRules.allowed(state, actor, initiator)).contains(move);
        } else {
            assertThatThrownBy(() -> CatchballRules.apply(state, move, actor, initiator, CatchballRulesTest::unit))
                    .isInstanceOf(RuleViolation.class).hasMessageNotContaining("null");
            assertThat(CatchballRules.allowed(state, actor, initiator)).doesNotContain(move);
        }
    }

    @Test
    void a_refusal_says_whose_turn_it_is() {
        assertThatThrownBy(() -> CatchballRules.apply(CascadeStatus.PROPOSED, Move.ACCEPT, Party.PARENT, Party.PARENT, CatchballRulesTest::unit))
                .hasMessage("It is the ward's turn: the proposal is waiting on the ward, not on the directorate.");
        assertThatThrownBy(() -> CatchballRules.apply(CascadeStatus.COUNTERED, Move.COUNTER, Party.CHILD, Party.PARENT, CatchballRulesTest::unit))
                .hasMessage("Counter-propose is not possible while the proposal is countered. It is the directorate's turn.");
        assertThatThrownBy(() -> CatchballRules.apply(CascadeStatus.WITHDRAWN, Move.REOPEN, Party.PARENT, Party.PARENT, CatchballRulesTest::unit))
                .hasMessageStartingWith("This proposal was withdrawn");
        assertThatThrownBy(() -> CatchballRules.apply(CascadeStatus.PROPOSED, Move.WITHDRAW, Party.CHILD, Party.PARENT, CatchballRulesTest::unit))
                .hasMessage("Only the directorate can withdraw here.");
    }

    @Test
    void the_turn_moves_between_the_sides() {
        assertThat(CatchballRules.turn(CascadeStatus.PROPOSED, Party.PARENT)).contains(Party.CHILD);
        assertThat(CatchballRules.turn(CascadeStatus.COUNTERED, Party.PARENT)).contains(Party.PARENT);
        assertThat(CatchballRules.turn(CascadeStatus.PROPOSED, Party.CHILD)).contains(Party.PARENT);
        assertThat(CatchballRules.turn(CascadeStatus.AGREED, Party.PARENT)).isEmpty();
    }

    private static String unit(Party party) {
        return party == Party.PARENT ? "the directorate" : "the ward";
    }
}
