/**
 * Benchmarks of the discovery feeds under load.
 */
@NullMarked
package com.muejam.bench;

import org.jspecify.annotations.NullMarked;
