package org.banso.identity.internal;

import java.io.Serializable;

/**
 * What a page session remembers about the sign-in it came from, as the authentication's details: the account's
 * credentials version at that moment. A password change increments the version, so every session that signed in under
 * the old password ends at its next request ({@link AccountSessionFilter}). Serializable, so that sessions can move to
 * the database (Spring Session JDBC) unchanged.
 */
record SessionStamp(int credentialsVersion) implements Serializable {
}
