package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.organisation.OrganisationService;
import app.catchball.planning.CycleService;
import app.catchball.planning.XMatrix;
import app.catchball.planning.XMatrixExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files for people and other tools: the X-matrix as an Excel workbook. Runs as the signed-in
 * user (token or session) through the same services and checks as the screens and the JSON API.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catchball")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "403", description = "Not allowed (e.g. the account must choose a new password first)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
class ExchangeApi {

    private final OrganisationService organisation;
    private final CycleService cycles;
    private final XMatrixExport export;

    ExchangeApi(OrganisationService organisation, CycleService cycles, XMatrixExport export) {
        this.organisation = organisation;
        this.cycles = cycles;
        this.export = export;
    }

    @GetMapping("/units/{id}/x-matrix.xlsx")
    @Operation(summary = "A unit's X-matrix as Excel", description = "An .xlsx workbook with three sheets: \"X-matrix\" "
            + "(the classic layout, set up for one A3 landscape page), \"Items\" (one row per item: code, kind, title, "
            + "description, accountable person, target, from, and one column per correlated item holding ● ○ △) and "
            + "\"About\" (unit, cycle, exported by and when). Text cells that could start a formula are neutralised. "
            + "Without cycle: the current cycle.")
    @ApiResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = XMatrixExport.CONTENT_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such unit or cycle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
    ResponseEntity<byte[]> matrixWorkbook(@PathVariable long id,
            @Parameter(description = "Cycle id; the current cycle when left out") @RequestParam(required = false) Long cycle) {
        long unitId = unit(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMatrix matrix = export.write(unitId, cycle(cycle), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XMatrixExport.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(XMatrixExport.fileName(matrix)).build().toString())
                .body(out.toByteArray());
    }

    private long unit(long id) {
        try {
            return organisation.get(id).id();
        } catch (RuleViolation e) {
            throw new NotFound("There is no unit " + id + ".");
        }
    }

    private long cycle(Long id) {
        if (id == null) {
            return cycles.current().orElseThrow(() -> new NotFound("There is no current planning cycle.")).id();
        }
        try {
            return cycles.get(id).id();
        } catch (RuleViolation e) {
            throw new NotFound("There is no planning cycle " + id + ".");
        }
    }
}
