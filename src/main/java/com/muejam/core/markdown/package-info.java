/**
 * Markdown rendering with an allow-list sanitizer, shared by chapters and bios.
 */
@NullMarked
package com.muejam.core.markdown;

import org.jspecify.annotations.NullMarked;
