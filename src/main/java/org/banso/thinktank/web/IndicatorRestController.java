package org.banso.thinktank.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.ProblemCode;
import org.banso.thinktank.Indicators;
import org.banso.thinktank.Indicators.Field;
import org.banso.thinktank.Indicators.Indicator;
import org.banso.thinktank.Indicators.Specialization;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/thinktank")
@Tag(name = "Think tank: indicators", description = "R19: specialization, world share, growth and rank from the "
        + "NCSES Science and Engineering Indicators 2020 tables (publications: fractional counts; patents: INPADOC "
        + "families, fractional by inventor, unclassified families left out of the totals)")
class IndicatorRestController {

    private final Indicators indicators;

    IndicatorRestController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/datasets")
    List<String> datasets() {
        return indicators.datasets();
    }

    @PostMapping(value = "/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import further count tables of the NCSES layout as a dataset (ANALYST, PROGRAM_OFFICER)",
            description = """
                    Multipart: name (3–60 of a–z, 0–9, -) and files: each table as tNNNN.csv with its tNNNN.README.md                     (first heading = the table title, from which the field key is taken). One title must name no                     field: that table holds the totals of all fields. All tables count the same thing (fractional                     article counts or patent families). Answers the fields of the new dataset.""")
    ResponseEntity<List<Field>> importDataset(@RequestParam(required = false) String name,
                                              @RequestParam(required = false) List<MultipartFile> files,
                                              @AuthenticationPrincipal BansoUser user) throws IOException {
        List<Indicators.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            uploads.add(new Indicators.Upload(f.getOriginalFilename(), f.getBytes()));
        }
        List<Field> fields = indicators.importDataset(name, uploads, user);
        return ResponseEntity.created(URI.create("/api/v1/thinktank/datasets/" + name + "/fields")).body(fields);
    }

    @GetMapping("/datasets/{dataset}/fields")
    List<Field> fields(@PathVariable String dataset) {
        return indicators.fields(dataset);
    }

    @GetMapping("/datasets/{dataset}/rows")
    List<String> rows(@PathVariable String dataset) {
        return indicators.rows(dataset);
    }

    @GetMapping("/indicators/specialization")
    @Operation(summary = "Specialization index SI = (F_c/T_c)/(F_w/T_w) (any signed-in person)", description = """
            country: the last segment of region_country_or_economy_full_path (e.g. Japan, EU, World); field: the \
            field of the count table's title in lower case, spaces and commas as single hyphens (engineering, \
            geosciences-atmospheric-and-ocean-sciences, semiconductors). Unknown names → 404 not-found; a missing \
            parameter → 400 validation-failed. value is null where NCSES gives no count (na, ne, D).""")
    Specialization specialization(@RequestParam(required = false) String dataset,
                                  @RequestParam(required = false) String country,
                                  @RequestParam(required = false) String field,
                                  @RequestParam(required = false) Integer year) {
        require(dataset, country, field, year);
        return indicators.specialization(dataset, country, field, year);
    }

    @GetMapping("/indicators")
    @Operation(summary = "Every indicator of one row, field and year: count, total, SI, world share, rank",
            description = "includeUnclassified=true keeps unclassified patent families in the totals (NCSES does not)."
                    + " growthFrom/growthTo add the CAGR of the count over that window.")
    IndicatorResponse indicator(@RequestParam(required = false) String dataset,
                                @RequestParam(required = false) String country,
                                @RequestParam(required = false) String field,
                                @RequestParam(required = false) Integer year,
                                @RequestParam(defaultValue = "false") boolean includeUnclassified,
                                @RequestParam(required = false) Integer growthFrom,
                                @RequestParam(required = false) Integer growthTo) {
        require(dataset, country, field, year);
        Indicator i = indicators.indicator(dataset, country, field, year, includeUnclassified)
                .orElseThrow(() -> BansoException.notFound("The dataset, country, field or year"));
        Double growth = null;
        if (growthFrom != null || growthTo != null) {
            int from = growthFrom == null ? year - 5 : growthFrom;
            int to = growthTo == null ? year : growthTo;
            if (from >= to) {
                throw BansoException.invalid("growthFrom", "must be before growthTo");
            }
            growth = indicators.growth(dataset, country, field, from, to).orElse(null);
        }
        return new IndicatorResponse(i, growth);
    }

    record IndicatorResponse(Indicator indicator, Double growth) {
    }

    @GetMapping(value = "/indicators/matrix.csv", produces = "text/csv")
    @Operation(summary = "The whole indicator matrix as CSV (UTF-8 with BOM): every row × field × year")
    ResponseEntity<byte[]> matrix(@RequestParam(defaultValue = Indicators.BUILT_IN) String dataset) {
        return IndicatorExport.csv(dataset, indicators.matrix(dataset));
    }

    @GetMapping(value = "/indicators/matrix.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The whole indicator matrix as XLSX (one sheet, the CSV's columns)")
    ResponseEntity<byte[]> matrixXlsx(@RequestParam(defaultValue = Indicators.BUILT_IN) String dataset) {
        return IndicatorExport.xlsx(dataset, indicators.matrix(dataset));
    }

    private static void require(String dataset, String country, String field, Integer year) {
        List<FieldError> errors = new ArrayList<>();
        if (dataset == null || dataset.isBlank()) {
            errors.add(new FieldError("dataset", "is required"));
        }
        if (country == null || country.isBlank()) {
            errors.add(new FieldError("country", "is required"));
        }
        if (field == null || field.isBlank()) {
            errors.add(new FieldError("field", "is required"));
        }
        if (year == null) {
            errors.add(new FieldError("year", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", errors);
        }
    }
}
