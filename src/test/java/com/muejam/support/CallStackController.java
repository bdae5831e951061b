package com.muejam.support;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Present only in tests: the classes on the call stack while a request is handled, to
 * check what wraps every request (the filters and their decorators).
 */
@Hidden
@RestController
class CallStackController {

	@GetMapping("/v1/test/call-stack")
	List<String> callStack() {
		return StackWalker.getInstance()
			.walk((frames) -> frames.map(StackWalker.StackFrame::getClassName).distinct().toList());
	}

}
