package com.muejam.core.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import com.muejam.support.IntegrationTest;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring MVC does for every request before the controller's own work: finding the
 * handler asks about the request's method and headers only for the mappings whose path
 * matches, not for every one of the API's endpoints whose path has a variable; and no
 * controller is wrapped in a proxy (Spring MVC validates their parameters itself).
 */
@IntegrationTest
class DispatchCostTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void aStoryReadIsMatchedByItsPathBeforeAnythingElse() throws Exception {
		Counting request = request("GET", "/v1/stories/the-lighthouse-keeper");
		assertThat(handler(request).getMethod().getName()).isEqualTo("getStoryBySlug");
		// the few mappings under /v1/stories/{id}, not the API's many
		assertThat(request.questions.get()).isLessThan(20);
	}

	@Test
	void theMethodStillDecidesAmongMappingsOfOnePath() throws Exception {
		assertThat(handler(request("PUT", "/v1/chapters/7f1f6a4e-1111-4c3e-9a53-0c7c4b8c2f10")).getMethod().getName())
			.isEqualTo("updateChapter");
		assertThat(handler(request("GET", "/v1/chapters/7f1f6a4e-1111-4c3e-9a53-0c7c4b8c2f10")).getMethod().getName())
			.isEqualTo("getChapter");
	}

	@Test
	void noControllerIsAProxy() {
		Map<String, Object> controllers = this.context.getBeansWithAnnotation(RestController.class);
		assertThat(controllers).isNotEmpty();
		controllers.forEach((name, controller) -> assertThat(AopUtils.isAopProxy(controller)).as(name).isFalse());
	}

	private HandlerMethod handler(Counting request) throws Exception {
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		assertThat(chain).isNotNull();
		return (HandlerMethod) chain.getHandler();
	}

	private static Counting request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "application/json");
		ServletRequestPathUtils.parseAndCache(request);
		return new Counting(request);
	}

	/** Counts what a lookup asks of the request besides its path. */
	private static final class Counting extends HttpServletRequestWrapper {

		final AtomicInteger questions = new AtomicInteger();

		Counting(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			this.questions.incrementAndGet();
			return super.getMethod();
		}

		@Override
		public String getHeader(String name) {
			this.questions.incrementAndGet();
			return super.getHeader(name);
		}

	}

}
