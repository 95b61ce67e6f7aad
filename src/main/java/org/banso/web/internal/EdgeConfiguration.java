package org.banso.web.internal;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.banso.web.ProblemLanguage;
import org.banso.web.PublicBaseUrl;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/** The edge of every request: its text checked before Spring Security or anything else reads it. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** Right after Boot's character-encoding filter (which makes Tomcat decode parameters as UTF-8). */
    static final int EDGE_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<EdgeInputFilter> edgeInputFilter(WebProperties properties,
                                                             ProblemLanguage problemLanguage,
                                                             MessageSource messages, LocaleResolver localeResolver) {
        var registration = new FilterRegistrationBean<>(new EdgeInputFilter(properties.maxJsonBodySize().toBytes(),
                problemLanguage, new RefusalPages(messages, localeResolver)));
        registration.setOrder(EDGE_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    PublicBaseUrl publicBaseUrl(WebProperties properties) {
        return new PublicBaseUrl(properties.publicBaseUrl());
    }

    /** Tomcat's own error answers (before the application runs) as problem documents. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
