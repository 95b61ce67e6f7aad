// Sends the page's CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// A form sent back for correction: the error summary takes the focus, so that it is read out first and the page
// opens at it rather than 2,000 px above the form (Digital Agency design system, error summary).
document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
});
