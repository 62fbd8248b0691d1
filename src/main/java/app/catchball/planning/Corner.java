package app.catchball.planning;

/**
 * A corner of the X-matrix: the grid of links between two adjacent sides. Item a is on the first
 * side, item b on the second.
 */
public enum Corner {
    SW(Side.SOUTH, Side.WEST),
    NW(Side.WEST, Side.NORTH),
    NE(Side.NORTH, Side.EAST),
    SE(Side.EAST, Side.SOUTH),
    OWNERS(Side.NORTH, Side.OWNERS);

    private final Side sideA;
    private final Side sideB;

    Corner(Side sideA, Side sideB) {
        this.sideA = sideA;
        this.sideB = sideB;
    }

    public Side sideA() {
        return sideA;
    }

    public Side sideB() {
        return sideB;
    }
}
