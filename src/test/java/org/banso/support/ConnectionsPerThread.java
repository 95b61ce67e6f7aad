package org.banso.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts, per thread, the pooled connections a thread holds at once: the data source is wrapped so that every
 * connection taken and closed is counted. A thread that ever holds two reports itself in {@link #offenders()} — a
 * request that does so can deadlock a full pool, whatever its size.
 */
public final class ConnectionsPerThread {

    private static final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
    private static final AtomicInteger maximum = new AtomicInteger();
    private static final Map<String, Integer> offenders = new ConcurrentHashMap<>();

    private ConnectionsPerThread() {
    }

    /** The most connections any one thread held at once since the last {@link #reset()}. */
    public static int maximum() {
        return maximum.get();
    }

    /** Threads that held more than one connection at once, with the most they held. */
    public static Map<String, Integer> offenders() {
        return Map.copyOf(offenders);
    }

    public static void reset() {
        maximum.set(0);
        offenders.clear();
    }

    static DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return counted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws java.sql.SQLException {
                return counted(super.getConnection(username, password));
            }
        };
    }

    private static Connection counted(Connection connection) {
        int[] mine = held.get();
        int now = ++mine[0];
        maximum.accumulateAndGet(now, Math::max);
        if (now > 1) {
            offenders.merge(Thread.currentThread().getName(), now, Math::max);
        }
        boolean[] closed = new boolean[1];
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !closed[0]) {
                        closed[0] = true;
                        mine[0]--;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Import into a test context to wrap its data source. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && name.equals("dataSource") ? counting(source) : bean;
                }
            };
        }
    }
}
