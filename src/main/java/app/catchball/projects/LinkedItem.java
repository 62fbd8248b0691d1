package app.catchball.projects;

/** A priority or annual objective a project serves (or could serve), and whether it traces to True North. */
public record LinkedItem(long itemId, String code, String title, String kindLabel, long unitId, String unitName,
                         boolean aligned) {

    public String label() {
        return code + " " + title + " — " + unitName;
    }
}
