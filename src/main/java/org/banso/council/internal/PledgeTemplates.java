package org.banso.council.internal;

import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/** The default pledge text (R12), kept as data so that an administrator can correct it without a release. */
interface PledgeTemplates extends Repository<PledgeTemplates.Template, String> {

    @Table("council_pledge_template")
    record Template(@Id String key, String textJa, String textEn) {
    }

    Optional<Template> findById(String key);

    default Template standard() {
        return findById("default").orElseThrow(() -> new IllegalStateException("The default pledge text is missing"));
    }
}
