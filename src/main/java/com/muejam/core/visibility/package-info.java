/**
 * Who is hidden from whom, and what readers asked not to see: the blocked-users contract
 * that content modules depend on and the social module implements, story ratings and
 * content warnings, and readers' preferences.
 */
@NullMarked
package com.muejam.core.visibility;

import org.jspecify.annotations.NullMarked;
