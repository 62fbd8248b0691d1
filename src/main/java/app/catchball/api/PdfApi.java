package app.catchball.api;

import app.catchball.base.RuleViolation;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.XMatrixPdf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Plans as PDF through the API: the same documents as "Download PDF" on the screens, with the same
 * permission checks as their JSON (whoever may read the unit's X-matrix may have its PDF). Failures
 * answer JSON like the rest of the API ({@link ApiExceptionHandler}); the mapping declares no
 * {@code produces}, so that a failure is not refused for want of a PDF.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catchball")
@ApiResponse(responseCode = "401", description = "Not signed in and no valid bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
@ApiResponse(responseCode = "403", description = "You may not read this unit's plan",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
class PdfApi {

    private final OrganisationService organisation;
    private final CycleService cycles;
    private final XMatrixPdf xMatrixPdf;

    PdfApi(OrganisationService organisation, CycleService cycles, XMatrixPdf xMatrixPdf) {
        this.organisation = organisation;
        this.cycles = cycles;
        this.xMatrixPdf = xMatrixPdf;
    }

    @GetMapping("/units/{id}/x-matrix.pdf")
    @Operation(summary = "A unit's X-matrix as PDF", description = "One A3 landscape page, vector, fonts embedded and "
            + "text selectable: the four sides, the corner grids (● strong, ○ important, △ weak), the owners, and the "
            + "warnings at the foot. Without cycle: the current cycle.")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such unit or cycle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiController.Error.class)))
    ResponseEntity<byte[]> xMatrix(@PathVariable long id,
                                   @Parameter(description = "Cycle id; the current cycle when left out") @RequestParam(required = false) Long cycle) {
        UnitNode unit = unit(id);
        CycleSummary summary = cycle(cycle);
        byte[] pdf = xMatrixPdf.pdf(unit.id(), summary.id());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(XMatrixPdf.fileName(unit.shortCode(), summary.name())).build().toString())
                .body(pdf);
    }

    private UnitNode unit(long id) {
        try {
            return organisation.get(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no unit " + id + ".");
        }
    }

    private CycleSummary cycle(Long id) {
        if (id == null) {
            return cycles.current().orElseThrow(() -> new NotFound("There is no current planning cycle."));
        }
        try {
            return cycles.get(id);
        } catch (RuleViolation e) {
            throw new NotFound("There is no planning cycle " + id + ".");
        }
    }
}
