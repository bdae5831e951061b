/**
 * The OpenAPI document: shared response declarations and schemas for the error envelope
 * and records.
 */
@NullMarked
package com.muejam.core.openapi;

import org.jspecify.annotations.NullMarked;
