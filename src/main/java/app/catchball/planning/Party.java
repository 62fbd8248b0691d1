package app.catchball.planning;

/** The two sides of a cascade link: the parent unit and the child unit. */
public enum Party {
    PARENT, CHILD;

    public Party other() {
        return this == PARENT ? CHILD : PARENT;
    }
}
