/**
 * MueJam Library: the application entry point; each sub-package is a feature module (or
 * the shared kernel in core).
 */
@NullMarked
package com.muejam;

import org.jspecify.annotations.NullMarked;
