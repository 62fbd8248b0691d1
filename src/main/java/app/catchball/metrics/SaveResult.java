package app.catchball.metrics;

/** What saving values did. */
public record SaveResult(int created, int changed, int unchanged) {

    public String summary() {
        return created + " new, " + changed + " corrected, " + unchanged + " unchanged";
    }
}
