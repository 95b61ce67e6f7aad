package org.banso.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.banso.web.PublicEndpoints;
import org.banso.web.NavigationItem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Japanese by default; {@code ?lang=en} or {@code ?lang=ja} switches and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

    /** Bean Validation's validator, looked up when first needed (asking for it here would be a cycle with MVC's). */
    private final ObjectProvider<LocalValidatorFactoryBean> validator;

    WebConfiguration(ObjectProvider<LocalValidatorFactoryBean> validator) {
        this.validator = validator;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("banso-lang");
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new FormErrorsInterceptor(validator::getIfUnique));
    }

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", 0, NavigationItem.PUBLIC);
    }

    @Bean
    PublicEndpoints webPublicEndpoints() {
        return () -> List.of("/error");
    }
}
