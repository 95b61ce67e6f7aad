package org.banso.web;

/**
 * An entry of the header navigation, contributed by a module as a bean.
 *
 * @param messageKey   the label's key in the message bundles
 * @param path         where it leads
 * @param order        position, small first
 * @param audience     who sees it: {@code PUBLIC} everyone, {@code SIGNED_IN} any signed-in person, otherwise the
 *                     role name (e.g. {@code ADMIN}) a person must hold
 */
public record NavigationItem(String messageKey, String path, int order, String audience) {

    public static final String PUBLIC = "PUBLIC";
    public static final String SIGNED_IN = "SIGNED_IN";
}
