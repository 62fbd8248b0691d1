package app.catchball.catchball;

/** A step one side takes in a catchball thread. */
public enum Move {
    PROPOSE("Propose", "proposed"),
    ACCEPT("Accept", "accepted"),
    QUERY("Ask a question", "asked a question"),
    ANSWER("Answer", "answered"),
    COUNTER("Counter-propose", "countered"),
    REVISE("Revise", "revised the proposal"),
    AGREE("Agree", "agreed to the counter-proposal"),
    DECLINE("Decline", "declined"),
    WITHDRAW("Withdraw", "withdrew the proposal"),
    REOPEN("Reopen", "reopened the thread");

    private final String label;
    private final String pastTense;

    Move(String label, String pastTense) {
        this.label = label;
        this.pastTense = pastTense;
    }

    /** The button text, e.g. "Counter-propose". */
    public String label() {
        return label;
    }

    /** Whether the move comes with a (possibly changed) proposal: wording, target, due date, resources. */
    public boolean carriesProposal() {
        return this == PROPOSE || this == ANSWER || this == COUNTER || this == REVISE || this == REOPEN;
    }

    /** What the thread says, e.g. "countered". */
    public String pastTense() {
        return pastTense;
    }
}
