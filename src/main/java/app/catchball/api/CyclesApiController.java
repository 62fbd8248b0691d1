package app.catchball.api;

import app.catchball.planning.CycleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The planning cycles, so that a warehouse can ask for a unit's metrics in each ({@code ?cycle=}) and join them by series. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catchball")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(schema = @Schema(implementation = ApiController.Error.class)))
class CyclesApiController {

    private final CycleService cycles;

    CyclesApiController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/cycles")
    @Operation(summary = "The planning cycles", description = "Every cycle, the latest first: id, name, first and last "
            + "month, stage (DRAFT, CATCHBALL, DEPLOYED, REVIEWED, CLOSED) and whether it is the current one.")
    @ApiResponse(responseCode = "200", description = "The cycles",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApiController.Cycle.class))))
    List<ApiController.Cycle> cycles() {
        return cycles.cycles().stream().map(ApiController.Cycle::of).toList();
    }
}
