package org.banso.technology.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.shared.CsvCells;
import org.banso.shared.ProblemCode;
import org.banso.technology.Assessment;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;
import org.banso.technology.TechnologyRegistry.NewAssessment;
import org.banso.technology.TechnologyRegistry.NewTechnology;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/technologies")
@Tag(name = "Technologies", description = "The registry of critical technologies, assessments, designation (R3, R4)")
class TechnologyRestController {

    static final String[] CSV_COLUMNS = {"code", "name_ja", "name_en", "domain", "status", "description"};
    private static final int MAX_IMPORT_ROWS = 5_000;

    private final TechnologyRegistry registry;

    TechnologyRestController(TechnologyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Technologies: the designated ones for the public, all of them when signed in")
    List<Technology> all(@AuthenticationPrincipal BansoUser user) {
        return registry.technologies(user);
    }

    @PostMapping
    @Operation(summary = "Register a candidate technology (PROGRAM_OFFICER)",
            description = "domain is a technology-area code of the guideline (A01…A20); code is 2–32 of A–Z, 0–9, '-'.")
    ResponseEntity<Technology> register(@RequestBody NewTechnology request, @AuthenticationPrincipal BansoUser user) {
        Technology technology = registry.register(request, user);
        return ResponseEntity.created(URI.create("/api/v1/technologies/" + technology.id())).body(technology);
    }

    @GetMapping("/{id}")
    Technology one(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return registry.technology(new TechnologyId(id), user)
                .orElseThrow(() -> BansoException.notFound("The technology"));
    }

    @GetMapping("/{id}/assessments")
    @Operation(summary = "Assessments of a technology, newest first (government and think-tank roles)")
    List<Assessment> assessments(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return registry.assessments(new TechnologyId(id), user);
    }

    @PostMapping("/{id}/assessments")
    @Operation(summary = "Record an assessment (PROGRAM_OFFICER or ANALYST)", description = """
            R3/R4: japanStrength, foreignRdStatus, socialNeeds, leakageRisk and dependenceRisk are each \
            {score: 1..5, evidence}; inputs lists at least one {kind: EXPERT|THINK_TANK, reference}; superiority \
            (優位性・不可欠性), marketUnderinvestment and dualUse record the program's selection lenses.""")
    ResponseEntity<Assessment> assess(@PathVariable UUID id, @RequestBody NewAssessment request,
                                      @AuthenticationPrincipal BansoUser user) {
        Assessment assessment = registry.assess(new TechnologyId(id), request, user);
        return ResponseEntity.created(URI.create("/api/v1/technologies/" + id + "/assessments")).body(assessment);
    }

    @PostMapping("/{id}/designate")
    @Operation(summary = "Designate for support (PROGRAM_OFFICER); 409 assessment-required without an assessment")
    Technology designate(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return registry.designate(new TechnologyId(id), user);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a technology (PROGRAM_OFFICER)")
    Technology retire(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return registry.retire(new TechnologyId(id), user);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "The technologies the caller may see, as CSV (UTF-8)")
    ResponseEntity<String> export(@AuthenticationPrincipal BansoUser user) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            for (Technology t : registry.technologies(user)) {
                csv.printRecord(CsvCells.text(t.code()), CsvCells.text(t.nameJa()), CsvCells.text(t.nameEn()),
                        CsvCells.text(t.domain()), t.status(), CsvCells.text(t.description()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"technologies.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }

    private static final Pattern CSV_POSITION = Pattern.compile("line: (\\d+), position: (\\d+)");

    /**
     * A CSV the parser refused, as {@code 400 validation-failed} on {@code file} naming the line and column (counted
     * in characters from 1) where the fault is, from the parser's own position.
     */
    private static BansoException csvFault(String text, Exception e, long currentLine) {
        Matcher m = CSV_POSITION.matcher(String.valueOf(e.getMessage()));
        long line = currentLine;
        long column = 1;
        if (m.find()) {
            line = Long.parseLong(m.group(1));
            long position = Long.parseLong(m.group(2));
            long lineStart = 0;
            for (long l = 1, i = 0; i < text.length() && l < line; i++) {
                if (text.charAt((int) i) == '\n') {
                    l++;
                    lineStart = i + 1;
                }
            }
            column = Math.max(1, position - lineStart);
        }
        return csvFault(line, column, "is not well-formed CSV (a quote inside a quoted value must be doubled)");
    }

    private static BansoException csvFault(long line, long column, String message) {
        return new BansoException(ProblemCode.VALIDATION_FAILED, "The CSV has a fault at line " + line + ", column "
                + column + ".", List.of(BansoException.FieldError.coded("file", "csv-fault",
                "line " + line + ", column " + column + ": " + message, line, column)));
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Register candidates from a CSV file (PROGRAM_OFFICER): every row or none",
            description = "Columns code, name_ja, name_en, domain and optionally description (the export's layout; "
                    + "status is ignored: imported technologies start as candidates).")
    ResponseEntity<List<Technology>> importCsv(@RequestPart("file") MultipartFile file,
                                               @AuthenticationPrincipal BansoUser user) {
        List<NewTechnology> rows = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw BansoException.invalidCoded("file", "csv-encoding", "is not UTF-8 text");
        } catch (IOException e) {
            throw BansoException.invalidCoded("file", "csv-unreadable", "could not be read");
        }
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).get();
        CSVParser parser = null;
        try {
            parser = format.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            for (String column : List.of("code", "name_ja", "name_en", "domain")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw BansoException.invalid("file", "the CSV needs the column " + column);
                }
            }
            boolean hasDescription = parser.getHeaderMap().containsKey("description");
            List<String> columns = new ArrayList<>(List.of("code", "name_ja", "name_en", "domain"));
            if (hasDescription) {
                columns.add("description");
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_IMPORT_ROWS) {
                    throw BansoException.invalid("file", "at most " + MAX_IMPORT_ROWS + " rows per import");
                }
                for (String column : columns) {
                    if (!record.isSet(column)) {
                        int index = parser.getHeaderMap().get(column) + 1;
                        throw csvFault(parser.getCurrentLineNumber(), index, "the row has no value for the column "
                                + column + " (column " + index + ")");
                    }
                }
                rows.add(new NewTechnology(record.get("code"), record.get("name_ja"), record.get("name_en"),
                        record.get("domain"), hasDescription ? record.get("description") : ""));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            throw csvFault(text, e, parser == null ? 1 : parser.getCurrentLineNumber());
        }
        if (rows.isEmpty()) {
            throw BansoException.invalid("file", "has no rows");
        }
        return ResponseEntity.status(201).body(registry.registerAll(rows, user));
    }
}
