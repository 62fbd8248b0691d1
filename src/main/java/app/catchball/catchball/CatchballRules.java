package app.catchball.catchball;

import app.catchball.base.RuleViolation;
import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The catchball state machine of DESIGN.md, as plain Java. The side that started a thread (the
 * parent top-down, the child bottom-up) is the proposer, the other side the responder.
 *
 * <pre>
 * DRAFT ─propose→ PROPOSED ─accept→ AGREED
 *                   │  ↑ revise              ↑ agree
 *                   │  └──────── COUNTERED ──┘
 *                   ├─query→ QUERIED ─answer→ PROPOSED
 *                   ├─decline→ DECLINED ─revise→ PROPOSED
 *                   └─withdraw→ WITHDRAWN   (proposer, from any open state)
 * AGREED ─reopen→ PROPOSED (proposer) or COUNTERED (responder)
 * </pre>
 */
public final class CatchballRules {

    /** What a move leads to: the next state, whether it carries a (new) proposal, whether it starts a new round. */
    public record Outcome(CascadeStatus next, boolean carriesProposal, boolean newRound) {
    }

    private CatchballRules() {
    }

    /** Whose turn it is, or empty when the thread is agreed (either side may reopen) or withdrawn. */
    public static Optional<Party> turn(CascadeStatus state, Party proposer) {
        return switch (state) {
            case DRAFT, QUERIED, COUNTERED, DECLINED -> Optional.of(proposer);
            case PROPOSED -> Optional.of(proposer.other());
            case AGREED, WITHDRAWN -> Optional.empty();
        };
    }

    /** The moves a side may make now. */
    public static Set<Move> allowed(CascadeStatus state, Party actor, Party proposer) {
        Set<Move> moves = EnumSet.noneOf(Move.class);
        for (Move move : Move.values()) {
            if (outcome(state, move, actor == proposer) != null) {
                moves.add(move);
            }
        }
        return moves;
    }

    /**
     * The outcome of a move, or a refusal that says why and whose turn it is.
     *
     * @param unitName names a side's unit for the message
     */
    public static Outcome apply(CascadeStatus state, Move move, Party actor, Party proposer, Function<Party, String> unitName) {
        Outcome outcome = outcome(state, move, actor == proposer);
        if (outcome != null) {
            return outcome;
        }
        if (state == CascadeStatus.WITHDRAWN) {
            throw new RuleViolation("This proposal was withdrawn: nothing more can happen in this thread. Start a new proposal instead.");
        }
        boolean otherSideCould = outcome(state, move, actor != proposer) != null;
        Optional<Party> turn = turn(state, proposer);
        if (otherSideCould) {
            Party other = actor.other();
            if (turn.isPresent() && turn.get() == other) {
                throw new RuleViolation("It is " + unitName.apply(other) + "'s turn: the proposal is waiting on "
                        + unitName.apply(other) + ", not on " + unitName.apply(actor) + ".");
            }
            throw new RuleViolation("Only " + unitName.apply(other) + " can " + move.label().toLowerCase() + " here.");
        }
        String waiting = turn.map(p -> " It is " + unitName.apply(p) + "'s turn.").orElse("");
        throw new RuleViolation(move.label() + " is not possible while the proposal is " + state.name().toLowerCase() + "." + waiting);
    }

    /** The transition table; null when the move is not allowed to that side in that state. */
    private static Outcome outcome(CascadeStatus state, Move move, boolean byProposer) {
        if (byProposer) {
            return switch (state) {
                case DRAFT -> switch (move) {
                    case PROPOSE -> new Outcome(CascadeStatus.PROPOSED, true, true);
                    case WITHDRAW -> new Outcome(CascadeStatus.WITHDRAWN, false, false);
                    default -> null;
                };
                case PROPOSED -> move == Move.WITHDRAW ? new Outcome(CascadeStatus.WITHDRAWN, false, false) : null;
                case QUERIED -> switch (move) {
                    case ANSWER -> new Outcome(CascadeStatus.PROPOSED, true, true);
                    case WITHDRAW -> new Outcome(CascadeStatus.WITHDRAWN, false, false);
                    default -> null;
                };
                case COUNTERED -> switch (move) {
                    case AGREE -> new Outcome(CascadeStatus.AGREED, false, false);
                    case REVISE -> new Outcome(CascadeStatus.PROPOSED, true, true);
                    case WITHDRAW -> new Outcome(CascadeStatus.WITHDRAWN, false, false);
                    default -> null;
                };
                case DECLINED -> switch (move) {
                    case REVISE -> new Outcome(CascadeStatus.PROPOSED, true, true);
                    case WITHDRAW -> new Outcome(CascadeStatus.WITHDRAWN, false, false);
                    default -> null;
                };
                case AGREED -> move == Move.REOPEN ? new Outcome(CascadeStatus.PROPOSED, true, true) : null;
                case WITHDRAWN -> null;
            };
        }
        return switch (state) {
            case PROPOSED -> switch (move) {
                case ACCEPT -> new Outcome(CascadeStatus.AGREED, false, false);
                case QUERY -> new Outcome(CascadeStatus.QUERIED, false, true);
                case COUNTER -> new Outcome(CascadeStatus.COUNTERED, true, true);
                case DECLINE -> new Outcome(CascadeStatus.DECLINED, false, true);
                default -> null;
            };
            case AGREED -> move == Move.REOPEN ? new Outcome(CascadeStatus.COUNTERED, true, true) : null;
            default -> null;
        };
    }
}
