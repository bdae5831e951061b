/**
 * Who is hidden from whom: the blocked-users contract that content modules depend on and
 * the social module implements.
 */
@NullMarked
package com.muejam.core.visibility;

import org.jspecify.annotations.NullMarked;
