package org.banso.technology.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the shipped reference CSVs into empty tables on first start. Afterwards the database is the source of
 * truth, so corrections made in Banso are never overwritten by the files.
 */
@Component
@Order(5)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final JdbcClient jdbc;
    private final Clock clock;

    ReferenceDataLoader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (count("technology_area") == 0) {
            int areas = load("reference/technology-areas.csv", this::insertArea);
            log.info("Loaded {} technology areas from the shipped reference data", areas);
        }
        if (count("technology_vision_technology") == 0) {
            int technologies = load("reference/k-program-vision.csv", this::insertVisionTechnology);
            log.info("Loaded {} K Program vision technologies from the shipped reference data", technologies);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private int load(String path, java.util.function.ObjIntConsumer<CSVRecord> insert) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8)) {
            int n = 0;
            for (CSVRecord record : CSV.parse(reader)) {
                insert.accept(record, n++);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shipped reference data " + path, e);
        }
    }

    private void insertArea(CSVRecord record, int position) {
        // The file writes "same" for rows whose source is the row above's (the rows come in code order).
        String source = record.get("source");
        if (source.equals("same")) {
            source = jdbc.sql("select source from technology_area where code < ? order by code desc limit 1")
                    .param(record.get("code")).query(String.class).single();
        }
        jdbc.sql("""
                insert into technology_area (code, name_ja, name_en, source, confirmed_in_source, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(record.get("code"), record.get("name_ja"), record.get("name_en"), source,
                        record.get("confirmed_in_source").equals("yes"), Timestamp.from(clock.instant()))
                .update();
    }

    private void insertVisionTechnology(CSVRecord record, int position) {
        jdbc.sql("""
                insert into technology_vision_technology (id, vision, domain_ja, domain_en, name_ja, name_en,
                                                          confirmed_in_source, position)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Integer.parseInt(record.get("vision")), record.get("domain_ja"),
                        record.get("domain_en"), record.get("technology_ja"), record.get("technology_en"),
                        record.get("confirmed_in_source").equals("yes"), position)
                .update();
    }
}
