package app.catchball.api;

import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.ImprovementDirection;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcEngine;
import app.catchball.metrics.spc.SpcOptions;
import app.catchball.metrics.spc.SpcPoint;
import app.catchball.metrics.spc.SpcResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/spc}: reads the request from a JSON tree (so every mistake is reported by
 * its field), runs the SPC engine and shapes the answer.
 */
final class SpcAnalysis {

    static final int MAX_POINTS = 10_000;
    /** Numbers are smaller than this in size (as metric values), so no sum or limit overflows. */
    static final double MAX_MAGNITUDE = 1e12;
    private static final String RANGE = "Numbers must be smaller than 1,000,000,000,000 in size";
    private static final Set<String> FIELDS = Set.of("values", "dates", "improvementDirection", "target",
            "screenOutliers", "fixAfterNPoints", "rebaseDates");

    /**
     * The answer: one entry per point, the variation of the last point, the assurance against the target and
     * whether some limits are provisional.
     */
    record Response(List<Point> points, String variation, String assurance,
                    @Schema(description = "True when some segment's limits come from fewer than 12 points")
                    boolean limitsProvisional,
                    @Schema(description = "\"" + SpcResult.PROVISIONAL_LIMITS + "\" when limitsProvisional, otherwise null",
                            nullable = true)
                    String limitsWarning) {
    }

    record Point(int index, LocalDate date, double value, double mean, double lowerLimit, double upperLimit,
                 String specialCause, String pointType,
                 @Schema(description = "True when this point's segment has fewer than 12 points") boolean provisionalLimits) {
    }

    /** What the client sent, checked. */
    record Request(double[] values, List<LocalDate> dates, ImprovementDirection direction, Double target,
                   boolean screenOutliers, Integer fixAfterNPoints, List<Integer> rebaseIndexes) {
    }

    private SpcAnalysis() {
    }

    static Response analyse(JsonNode body) {
        Request request = parse(body);
        SpcResult result = SpcEngine.analyse(request.values(), new SpcOptions(request.direction(), request.target(),
                request.screenOutliers(), request.fixAfterNPoints(), request.rebaseIndexes()));
        return shape(result, request.dates());
    }

    static Response shape(SpcResult result, List<LocalDate> dates) {
        List<Point> points = new ArrayList<>(result.points().size());
        for (SpcPoint p : result.points()) {
            points.add(new Point(p.index(), dates == null ? null : dates.get(p.index()), p.value(), p.mean(),
                    p.lowerLimit(), p.upperLimit(), p.specialCause().name(), p.pointType().json(), p.provisionalLimits()));
        }
        PointType variation = result.variation();
        Assurance assurance = result.assurance();
        return new Response(points, variation == null ? null : variation.json(), assurance == null ? null : assurance.json(),
                result.provisionalLimits(), result.limitsWarning());
    }

    static Request parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInput("body", "The body must be a JSON object such as"
                    + " {\"values\": [1, 2, 3], \"improvementDirection\": \"increase\"}.");
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!FIELDS.contains(property.getKey())) {
                throw new BadInput(property.getKey(), "Unknown field \"" + property.getKey() + "\". Known fields: values,"
                        + " dates, improvementDirection, target, screenOutliers, fixAfterNPoints, rebaseDates.");
            }
        }
        double[] values = values(body.get("values"));
        List<LocalDate> dates = present(body.get("dates")) ? dates(body.get("dates"), "dates") : null;
        if (dates != null && dates.size() != values.length) {
            throw new BadInput("dates", "There are " + dates.size() + " dates for " + values.length
                    + " values: give one date per value, or none.");
        }
        ImprovementDirection direction = direction(body.get("improvementDirection"));
        Double target = null;
        JsonNode t = body.get("target");
        if (present(t)) {
            if (!t.isNumber()) {
                throw new BadInput("target", "target must be a number or null.");
            }
            if (!withinRange(t)) {
                throw new BadInput("target", "target is too large: " + t + ". " + RANGE + ".");
            }
            target = t.doubleValue();
        }
        boolean screenOutliers = true;
        JsonNode s = body.get("screenOutliers");
        if (present(s)) {
            if (!s.isBoolean()) {
                throw new BadInput("screenOutliers", "screenOutliers must be true or false.");
            }
            screenOutliers = s.booleanValue();
        }
        Integer fix = null;
        JsonNode f = body.get("fixAfterNPoints");
        if (present(f)) {
            if (!f.isIntegralNumber() || !f.canConvertToInt()) {
                throw new BadInput("fixAfterNPoints", "fixAfterNPoints must be a whole number (at least "
                        + SpcOptions.MIN_FIX_AFTER_N_POINTS + ") or null.");
            }
            if (f.intValue() < SpcOptions.MIN_FIX_AFTER_N_POINTS) {
                throw new BadInput("fixAfterNPoints", "fixAfterNPoints must be at least " + SpcOptions.MIN_FIX_AFTER_N_POINTS
                        + ": limits need enough points to mean something.");
            }
            fix = f.intValue();
        }
        List<Integer> rebaseIndexes = new ArrayList<>();
        JsonNode r = body.get("rebaseDates");
        if (present(r)) {
            List<LocalDate> rebaseDates = dates(r, "rebaseDates");
            if (!rebaseDates.isEmpty() && dates == null) {
                throw new BadInput("rebaseDates", "rebaseDates need dates: give one date per value in \"dates\".");
            }
            for (LocalDate rebase : rebaseDates) {
                for (int i = 0; i < dates.size(); i++) {
                    if (!dates.get(i).isBefore(rebase)) {
                        rebaseIndexes.add(i);
                        break;
                    }
                }
            }
        }
        return new Request(values, dates, direction, target, screenOutliers, fix, rebaseIndexes);
    }

    /** Whether a number is finite and small enough that means, ranges and limits stay finite. */
    private static boolean withinRange(JsonNode number) {
        double value = number.doubleValue();
        return Double.isFinite(value) && Math.abs(value) < MAX_MAGNITUDE;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static double[] values(JsonNode node) {
        if (!present(node)) {
            throw new BadInput("values", "values is required: a list of numbers, e.g. [12, 15.5, 9].");
        }
        if (!node.isArray()) {
            throw new BadInput("values", "values must be a list of numbers, e.g. [12, 15.5, 9].");
        }
        if (node.isEmpty()) {
            throw new BadInput("values", "values is empty: give at least one number.");
        }
        if (node.size() > MAX_POINTS) {
            throw new BadInput("values", "values has " + node.size() + " points; at most " + String.format(Locale.UK, "%,d",
                    MAX_POINTS) + " are allowed.");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw new BadInput("values", "values[" + i + "] is not a number: " + v + ".");
            }
            if (!withinRange(v)) {
                throw new BadInput("values", "values[" + i + "] is too large: " + v + ". " + RANGE + ".");
            }
            values[i] = v.doubleValue();
        }
        return values;
    }

    private static List<LocalDate> dates(JsonNode node, String field) {
        if (!node.isArray()) {
            throw new BadInput(field, field + " must be a list of dates written yyyy-mm-dd.");
        }
        if (node.size() > MAX_POINTS) {
            throw new BadInput(field, field + " has more than " + String.format(Locale.UK, "%,d", MAX_POINTS) + " entries.");
        }
        List<LocalDate> dates = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String text = d.isString() ? d.stringValue() : null;
            if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new BadInput(field, field + "[" + i + "] is not a date written yyyy-mm-dd: " + d + ".");
            }
            try {
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new BadInput(field, field + "[" + i + "] is not a real date: " + d + ".");
            }
        }
        return dates;
    }

    private static ImprovementDirection direction(JsonNode node) {
        if (!present(node)) {
            throw new BadInput("improvementDirection",
                    "improvementDirection is required: \"increase\", \"decrease\" or \"neutral\".");
        }
        String text = node.isString() ? node.stringValue().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "increase" -> ImprovementDirection.INCREASE;
            case "decrease" -> ImprovementDirection.DECREASE;
            case "neutral" -> ImprovementDirection.NEUTRAL;
            default -> throw new BadInput("improvementDirection", "improvementDirection must be \"increase\", \"decrease\""
                    + " or \"neutral\", not " + node + ".");
        };
    }
}
