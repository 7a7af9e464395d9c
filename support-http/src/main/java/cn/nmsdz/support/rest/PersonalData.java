package cn.nmsdz.support.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation (or every operation of a resource) whose responses carry names of people: they are sent with
 * {@code Cache-Control: no-store} (see {@link ApiResponseHeaders}), so no browser or proxy keeps a copy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PersonalData {
}
