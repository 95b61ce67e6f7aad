package org.banso.web;

/**
 * The form of an action that is only a button (retire, activate, publish…): no field, so a refusal is a form-wide
 * error in the error summary. Bound like every other form ({@code @ModelAttribute("actionForm") ActionForm form,
 * BindingResult errors}) so that such refusals take the same path.
 */
public record ActionForm() {
}
