package com.dealerpool.rothco.primary;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the {@link TestPool}s that a test method, or a test class outside its methods, created,
 * once its {@code @AfterEach} or {@code @AfterAll} methods have closed the runtimes. JUnit
 * registers it for every test through {@code META-INF/services} and the autodetection switch in
 * {@code junit-platform.properties}. Assumes tests run one at a time, as Surefire runs them here.
 */
public final class TestPoolCleanup implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestPoolCleanup.class);
    private static final String POOLS_BEFORE = "pools-before";

    @Override
    public void beforeAll(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        dropCreatedSince(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dropCreatedSince(context);
    }

    private static void remember(ExtensionContext context) {
        context.getStore(NAMESPACE).put(POOLS_BEFORE, TestPool.folders());
    }

    @SuppressWarnings("unchecked")
    private static void dropCreatedSince(ExtensionContext context) {
        List<Path> before = context.getStore(NAMESPACE).get(POOLS_BEFORE, List.class);
        TestPool.dropAllExcept(before == null ? List.of() : before);
    }
}
