/**
 * Who is hidden from whom, and what readers asked not to see: the blocked-users contract
 * that content modules depend on and the social module implements, story ratings and
 * content warnings, and readers' preferences. A signed-in caller's {@code HiddenPeople}
 * are read with their sign-in, by columns whose SQL the social module writes
 * ({@code HiddenPeopleColumns}) into the users module's statement.
 */
@NullMarked
package com.muejam.core.visibility;

import org.jspecify.annotations.NullMarked;
