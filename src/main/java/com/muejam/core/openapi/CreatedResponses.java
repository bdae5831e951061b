package com.muejam.core.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents {@link Created} operations as they answer: {@code 201} with the resource and
 * a {@code Location} header, {@code 200} for a repeat where that applies, and the
 * {@code Idempotency-Key} header that makes a retry safe.
 */
class CreatedResponses implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Created created = handler.getMethodAnnotation(Created.class);
		if (created != null) {
			IdempotencyKeyDocs.document(operation);
		}
		ApiResponses responses = operation.getResponses();
		if (created == null || responses == null || !responses.containsKey("200")) {
			return operation;
		}
		ApiResponse ok = responses.remove("200");
		ApiResponse response = new ApiResponse().description("Created").content(ok.getContent());
		response.addHeaderObject(IdempotencyKeyDocs.REPLAYED, IdempotencyKeyDocs.replayedHeader());
		if (created.location()) {
			response.addHeaderObject("Location",
					new Header().description("URL of the new resource")
						.required(true)
						.schema(new Schema<String>().type("string")));
		}
		ApiResponses reordered = new ApiResponses();
		reordered.addApiResponse("201", response);
		if (created.repeatAnswersOk()) {
			reordered.addApiResponse("200", new ApiResponse().description("It already existed: the existing resource")
				.content(ok.getContent()));
		}
		responses.forEach(reordered::addApiResponse);
		operation.setResponses(reordered);
		return operation;
	}

}
