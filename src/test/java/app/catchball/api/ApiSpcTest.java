package app.catchball.api;

import static app.catchball.api.ApiEndpointsTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringTest
class ApiSpcTest {

    /** 12 points around 10, then 8 points well above the mean but inside the limits. */
    static final String SHIFT = "[10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9, 12, 12, 12, 12, 12, 12, 12, 12]";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        token = SystemUser.runAs("ward7.manager", () -> tokens.create("SPC")).token();
    }

    private JsonNode spc(String body) {
        HttpResponse<String> response = api.post("/api/v1/spc", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void a_shift_of_eight_points_above_the_mean_is_special_cause_improvement_when_higher_is_better() {
        JsonNode result = spc("{\"values\": " + SHIFT + ", \"improvementDirection\": \"increase\"}");

        JsonNode points = result.get("points");
        assertThat(points.size()).isEqualTo(20);
        for (int i = 12; i < 20; i++) {
            JsonNode p = points.get(i);
            assertThat(p.get("index").intValue()).isEqualTo(i);
            assertThat(p.get("specialCause").asString()).as("point %d", i).isEqualTo("SHIFT_HIGH");
            assertThat(p.get("pointType").asString()).isEqualTo("special_cause_improvement");
        }
        JsonNode first = points.get(0);
        assertThat(first.get("date").isNull()).isTrue();
        assertThat(first.get("value").doubleValue()).isEqualTo(10.0);
        assertThat(first.get("mean").doubleValue()).isGreaterThan(first.get("lowerLimit").doubleValue())
                .isLessThan(first.get("upperLimit").doubleValue());
        assertThat(first.get("specialCause").asString()).isEqualTo("NONE");
        assertThat(first.get("pointType").asString()).isEqualTo("common_cause");
        assertThat(result.get("variation").asString()).isEqualTo("special_cause_improvement");
        assertThat(result.get("assurance").isNull()).isTrue();
        assertThat(result.get("limitsProvisional").booleanValue()).isFalse(); // 20 points
        assertThat(result.get("limitsWarning").isNull()).isTrue();
        assertThat(first.get("provisionalLimits").booleanValue()).isFalse();
    }

    @Test
    void dates_targets_and_rebasing() {
        String dates = IntStream.range(0, 20).mapToObj(i -> "\"" + java.time.LocalDate.of(2024, 1, 1).plusMonths(i) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        JsonNode result = spc("{\"values\": " + SHIFT + ", \"dates\": " + dates + ", \"improvementDirection\": \"decrease\","
                + " \"target\": 100, \"screenOutliers\": false, \"fixAfterNPoints\": null, \"rebaseDates\": [\"2024-12-15\"]}");

        JsonNode points = result.get("points");
        assertThat(points.get(0).get("date").asString()).isEqualTo("2024-01-01");
        // Rebased at the first point dated on or after 2024-12-15: 2025-01-01, index 12.
        assertThat(points.get(11).get("mean").doubleValue()).isNotEqualTo(points.get(12).get("mean").doubleValue());
        assertThat(points.get(12).get("mean").doubleValue()).isEqualTo(12.0);
        assertThat(result.get("assurance").asString()).isEqualTo("consistent_pass");
    }

    @Test
    void every_bad_input_is_a_400_naming_its_field() {
        assertField(post("{\"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [], \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [1, \"two\", 3], \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [1, null, 3], \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": 5, \"improvementDirection\": \"increase\"}"), "values");
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "1").collect(Collectors.joining(",", "[", "]"));
        assertField(post("{\"values\": " + tooMany + ", \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [1, 2, 3], \"dates\": [\"2024-01-01\"], \"improvementDirection\": \"increase\"}"),
                "dates");
        assertField(post("{\"values\": [1, 2], \"dates\": [\"2024-01-01\", \"01/02/2024\"],"
                + " \"improvementDirection\": \"increase\"}"), "dates");
        assertField(post("{\"values\": [1, 2], \"dates\": [\"2024-01-01\", \"2024-02-30\"],"
                + " \"improvementDirection\": \"increase\"}"), "dates");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"up\"}"), "improvementDirection");
        assertField(post("{\"values\": [1, 2, 3]}"), "improvementDirection");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"fixAfterNPoints\": 11}"),
                "fixAfterNPoints");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"fixAfterNPoints\": 12.5}"),
                "fixAfterNPoints");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"target\": \"high\"}"), "target");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"screenOutliers\": \"yes\"}"),
                "screenOutliers");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"rebaseDates\": [\"2024-01-01\"]}"),
                "rebaseDates");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"rebase\": []}"), "rebase");
        assertField(post("{\"values\": [1, 2, 3], "), "body");
        assertField(post("[1, 2, 3]"), "body");
        assertField(post(""), "body");
        assertField(post("{\"values\": [1, 1e400], \"improvementDirection\": \"increase\"}"), "values");
    }

    @Test
    void overflowing_numbers_are_a_400_naming_their_field_never_an_infinite_answer() {
        HttpResponse<String> huge = post("{\"values\": [1, 1e308, 3], \"improvementDirection\": \"increase\"}");
        assertField(huge, "values");
        assertThat(json.readTree(huge.body()).get("error").asString())
                .isEqualTo("values[1] is too large: 1.0E308. Numbers must be smaller than 1,000,000,000,000 in size.");
        assertField(post("{\"values\": [1e308, 1e308], \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [-1e12, 2], \"improvementDirection\": \"increase\"}"), "values");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"target\": 1e308}"), "target");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"target\": -1e999}"), "target");
        assertField(post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"fixAfterNPoints\": 1e308}"),
                "fixAfterNPoints");
        JsonNode large = spc("{\"values\": [999999999999, -999999999999, 999999999999], \"improvementDirection\": \"increase\","
                + " \"target\": 999999999999}");
        assertThat(large.toString()).doesNotContain("Infinity", "NaN");
    }

    @Test
    void a_single_point_is_common_cause_and_without_a_token_the_answer_is_401() {
        assertThat(api.post("/api/v1/spc", null, "{\"values\": [1], \"improvementDirection\": \"neutral\"}").statusCode())
                .isEqualTo(401);
        JsonNode single = spc("{\"values\": [4], \"improvementDirection\": \"neutral\"}");
        assertThat(single.get("variation").asString()).isEqualTo("common_cause");
        assertThat(single.get("limitsProvisional").booleanValue()).isTrue();
        assertThat(single.get("limitsWarning").asString()).isEqualTo("Limits are provisional: fewer than 12 points");
        assertThat(single.get("points").get(0).get("provisionalLimits").booleanValue()).isTrue();
    }

    private HttpResponse<String> post(String body) {
        return api.post("/api/v1/spc", token, body);
    }
}
