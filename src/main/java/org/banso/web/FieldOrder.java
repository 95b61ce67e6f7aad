package org.banso.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The order in which a page shows a form record's fields, when it is not the order of the record's components: the
 * error summary lists the errors in this order, top to bottom as the person reads the page. Fields not named here
 * follow in the record's order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FieldOrder {

    /** Field names, top of the page first. */
    String[] value();
}
