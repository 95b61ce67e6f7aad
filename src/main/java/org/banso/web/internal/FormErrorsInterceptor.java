package org.banso.web.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * For every page about to be rendered: its forms' binding results under {@code formErrors} (form name → result),
 * which the error summary and field messages read; and when any of them holds an error, the status
 * {@code 422 Unprocessable Content}, so that a form sent back for correction is never mistaken for a success.
 * <p>
 * Page forms are records built through their constructor. When a field does not convert ("12万" for an amount) the
 * record is never built and Spring leaves the other fields unchecked, so the page would name one mistake while the
 * person made three: here every field that did convert is checked too (Bean Validation on its recorded value), and
 * the summary lists them all.
 */
class FormErrorsInterceptor implements HandlerInterceptor {

    static final String MODEL_KEY = "formErrors";

    private final Supplier<? extends SmartValidator> validator;

    FormErrorsInterceptor(Supplier<? extends SmartValidator> validator) {
        this.validator = validator;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        Map<String, BindingResult> results = new LinkedHashMap<>();
        boolean anyError = false;
        for (Map.Entry<String, Object> entry : view.getModel().entrySet()) {
            if (entry.getKey().startsWith(BindingResult.MODEL_KEY_PREFIX)
                    && entry.getValue() instanceof BindingResult found) {
                checkTheRest(handler, found);
                BindingResult result = inPageOrder(handler, found);
                entry.setValue(result);
                results.put(result.getObjectName(), result);
                anyError |= result.hasErrors();
            }
        }
        view.addObject(MODEL_KEY, results);
        if (anyError) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }

    /**
     * A record form's errors in the order of its fields, which is the order of the page's inputs: the summary then
     * reads from top to bottom as the form does (Bean Validation and the services report in no particular order).
     */
    private static BindingResult inPageOrder(Object handler, BindingResult result) {
        Class<?> form = formType(handler, result.getObjectName());
        if (form == null || result.getFieldErrorCount() < 2) {
            return result;
        }
        List<String> order = Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
        Comparator<FieldError> byField = Comparator.comparingInt(error -> {
            String root = error.getField().split("[.\\[]", 2)[0];
            int at = order.indexOf(root);
            return at < 0 ? order.size() : at;
        });
        return new OrderedErrors(result, byField);
    }

    private static Class<?> formType(Object handler, String name) {
        if (!(handler instanceof HandlerMethod method)) {
            return null;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
            if (attribute != null && parameter.getParameterType().isRecord() && name.equals(attribute.value())) {
                return parameter.getParameterType();
            }
        }
        return null;
    }

    /** A form's binding result whose field errors are listed in the form's field order; all else as recorded. */
    static final class OrderedErrors extends BindException {

        private final transient Comparator<FieldError> order;

        OrderedErrors(BindingResult result, Comparator<FieldError> order) {
            super(result);
            this.order = order;
        }

        @Override
        public List<FieldError> getFieldErrors() {
            List<FieldError> errors = new ArrayList<>(super.getFieldErrors());
            errors.sort(order);
            return errors;
        }

        @Override
        public List<ObjectError> getAllErrors() {
            List<ObjectError> all = new ArrayList<>(getGlobalErrors());
            all.addAll(getFieldErrors());
            return all;
        }
    }

    /** A record form that was never built: Bean Validation on each field that converted and has no error yet. */
    private void checkTheRest(Object handler, BindingResult result) {
        SmartValidator beanValidation = validator.get();
        if (beanValidation == null || result.getTarget() != null || !result.hasErrors()
                || !(handler instanceof HandlerMethod method)) {
            return;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
            Class<?> type = parameter.getParameterType();
            if (attribute == null || !type.isRecord() || !result.getObjectName().equals(attribute.value())) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String field = component.getName();
                if (!result.hasFieldErrors(field)) {
                    beanValidation.validateValue(type, field, result.getFieldValue(field), result);
                }
            }
        }
    }
}
