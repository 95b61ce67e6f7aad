package org.banso.web.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.web.FieldOrder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * For every page about to be rendered: its forms' binding results under {@code formErrors} (form name → result),
 * which the error summary and field messages read, with each form's fields in the order of the page under
 * {@code formFieldOrder} (so that the summary lists the errors top to bottom); and when any of them holds an error, the status
 * {@code 422 Unprocessable Content}, so that a form sent back for correction is never mistaken for a success.
 * <p>
 * Page forms are records built through their constructor. When a field does not convert ("12万" for an amount) the
 * record is never built and Spring leaves the other fields unchecked, so the page would name one mistake while the
 * person made three: here every field that did convert is checked too (Bean Validation on its recorded value), and
 * the summary lists them all.
 */
class FormErrorsInterceptor implements HandlerInterceptor {

    static final String MODEL_KEY = "formErrors";
    /** Form name → its fields in the order of the page, for the error summary. */
    static final String ORDER_KEY = "formFieldOrder";

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
        Map<String, List<String>> order = new LinkedHashMap<>();
        boolean anyError = false;
        for (Map.Entry<String, Object> entry : view.getModel().entrySet()) {
            if (entry.getKey().startsWith(BindingResult.MODEL_KEY_PREFIX)
                    && entry.getValue() instanceof BindingResult result) {
                checkTheRest(handler, result);
                results.put(result.getObjectName(), result);
                Class<?> type = formType(handler, result);
                if (type != null) {
                    order.put(result.getObjectName(), fieldOrder(type));
                }
                anyError |= result.hasErrors();
            }
        }
        view.addObject(MODEL_KEY, results);
        view.addObject(ORDER_KEY, order);
        if (anyError) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }

    /** The form's record: the bound object's, or for one never built the handler's parameter of that name. */
    private static Class<?> formType(Object handler, BindingResult result) {
        if (result.getTarget() != null) {
            return result.getTarget().getClass();
        }
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                ModelAttribute attribute = parameter.getParameterAnnotation(ModelAttribute.class);
                if (attribute != null && result.getObjectName().equals(attribute.value())) {
                    return parameter.getParameterType();
                }
            }
        }
        return null;
    }

    /** A form's fields top to bottom: its {@link FieldOrder}, then its record components in their order. */
    static List<String> fieldOrder(Class<?> type) {
        List<String> fields = new ArrayList<>();
        FieldOrder declared = type.getAnnotation(FieldOrder.class);
        if (declared != null) {
            fields.addAll(List.of(declared.value()));
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!fields.contains(component.getName())) {
                    fields.add(component.getName());
                }
            }
        }
        return fields;
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
