package app.catchball.metrics;

/**
 * How punctual a unit is: the share of its values entered by their due date and of its countermeasures
 * done by theirs, this month and over the last 6 months.
 */
public record UnitCompliance(long unitId, String unitName, String shortCode, Share valuesThisMonth, Share valuesSixMonths,
                             Share countermeasuresThisMonth, Share countermeasuresSixMonths) {

    /** {@code onTime} of {@code due}; nothing was due when {@code due} is 0. */
    public record Share(int onTime, int due) {

        /** "80 % (4 of 5)", or "—" when nothing was due. */
        public String label() {
            return due == 0 ? "—" : Math.round(100.0 * onTime / due) + " % (" + onTime + " of " + due + ")";
        }
    }
}
