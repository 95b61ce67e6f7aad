package org.banso.information.internal;

import org.springframework.boot.test.context.TestComponent;

/** Lets tests in other packages run the release job now (R16): releases, and publications by default. */
@TestComponent
public class ReleaseJobAccess {

    private final ReleaseJob job;

    ReleaseJobAccess(ReleaseJob job) {
        this.job = job;
    }

    public int run() {
        return job.recordReleases();
    }

    /** Records the publications by default that are due (R16). */
    public int runPublications() {
        return job.recordPublications();
    }
}
