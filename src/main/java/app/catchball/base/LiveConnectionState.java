package app.catchball.base;

/**
 * The state of this node's LISTEN connection to PostgreSQL (cross-node live updates), shown as the
 * gauge {@code catchball.live.connection} on {@code /actuator/prometheus}: 1 listening, 0 down
 * (reconnecting), -1 unknown. The listener implements this as a bean; without one the state is
 * unknown.
 */
public interface LiveConnectionState {

    enum State {
        UNKNOWN(-1), DOWN(0), LISTENING(1);

        private final int value;

        State(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }
    }

    State liveConnectionState();
}
