package dev.temper.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository that speaks SQL itself (batched inserts of arrays, say) instead of through a Panache
 * entity. With the Panache repositories, these are the only classes allowed to touch the EntityManager, the
 * Hibernate session or JDBC (ArchitectureTest checks it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SqlRepository {
}
