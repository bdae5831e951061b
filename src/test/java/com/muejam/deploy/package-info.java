/**
 * Tests of the deployment files, observability and running several instances side by
 * side.
 */
@NullMarked
package com.muejam.deploy;

import org.jspecify.annotations.NullMarked;
