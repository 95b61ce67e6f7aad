package org.banso.guideline.web;

import java.util.Locale;

import org.banso.guideline.GuidelineModel.Version;
import org.banso.guideline.Guidelines;
import org.banso.guideline.internal.GuidelinePdf;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationView;
import org.banso.shared.BansoException;
import org.banso.web.DateFormats;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Serves the guideline in force as a PDF, for the page link and the API alike. */
@Component
class GuidelinePdfs {

    private final Guidelines guidelines;
    private final IdentityManagement identity;
    private final MessageSource messages;

    GuidelinePdfs(Guidelines guidelines, IdentityManagement identity, MessageSource messages) {
        this.guidelines = guidelines;
        this.identity = identity;
        this.messages = messages;
    }

    ResponseEntity<byte[]> currentPdf() {
        Version version = guidelines.current().orElseThrow(() -> BansoException.notFound("A guideline in force"));
        GuidelinePdf pdf = new GuidelinePdf(
                id -> identity.organization(id).map(OrganizationView::name).orElse("—"),
                value -> messages.getMessage("guideline." + value.getClass().getSimpleName() + "." + value.name(),
                        null, value.name(), Locale.JAPANESE),
                japaneseDate(version));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("guideline.pdf").build().toString())
                .body(pdf.render(version));
    }

    private static String japaneseDate(Version version) {
        return DateFormats.date(version.enforcedAt(), Locale.JAPANESE);
    }
}
