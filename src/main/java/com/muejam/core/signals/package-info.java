/**
 * Readers' signals: the inbox ({@code signal_inbox}) the modules whose actions are
 * signals append to, and discovery counts.
 */
@NullMarked
package com.muejam.core.signals;

import org.jspecify.annotations.NullMarked;
