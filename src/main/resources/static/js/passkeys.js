// Passkeys (issue 18): sign-in, second factor and registration through Spring Security's WebAuthn endpoints, as
// Spring's own spring-security-webauthn.js does it, without inline script (the pages' CSP forbids it). Buttons carry
// data-passkey="sign-in" or "register"; messages for failures come from the page (data-error-text).
(function () {
    'use strict';

    function encode(buffer) {
        var bytes = new Uint8Array(buffer);
        var text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
    }

    function decode(base64url) {
        var text = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function csrfHeaders() {
        var header = document.querySelector('meta[name="csrf-header"]');
        var token = document.querySelector('meta[name="csrf-token"]');
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
        if (header && token) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function post(url, body) {
        return fetch(url, {method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
            body: body ? JSON.stringify(body) : undefined}).then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.json();
        });
    }

    function signIn() {
        return post('/webauthn/authenticate/options').then(function (options) {
            options.challenge = decode(options.challenge);
            options.allowCredentials = (options.allowCredentials || []).map(function (c) {
                return Object.assign({}, c, {id: decode(c.id)});
            });
            return navigator.credentials.get({publicKey: options});
        }).then(function (credential) {
            var r = credential.response;
            return post('/login/webauthn', {
                id: credential.id,
                rawId: encode(credential.rawId),
                response: {
                    authenticatorData: encode(r.authenticatorData),
                    clientDataJSON: encode(r.clientDataJSON),
                    signature: encode(r.signature),
                    userHandle: r.userHandle ? encode(r.userHandle) : undefined
                },
                type: credential.type,
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment
            });
        }).then(function (result) {
            if (!result || !result.authenticated || !result.redirectUrl) {
                throw new Error('not authenticated');
            }
            window.location.href = result.redirectUrl;
        });
    }

    function register(label) {
        return post('/webauthn/register/options').then(function (options) {
            options.challenge = decode(options.challenge);
            options.user = Object.assign({}, options.user, {id: decode(options.user.id)});
            options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
                return Object.assign({}, c, {id: decode(c.id)});
            });
            return navigator.credentials.create({publicKey: options});
        }).then(function (credential) {
            var r = credential.response;
            return post('/webauthn/register', {
                publicKey: {
                    label: label,
                    credential: {
                        id: credential.id,
                        rawId: encode(credential.rawId),
                        response: {
                            attestationObject: encode(r.attestationObject),
                            clientDataJSON: encode(r.clientDataJSON),
                            transports: r.getTransports ? r.getTransports() : []
                        },
                        type: credential.type,
                        clientExtensionResults: credential.getClientExtensionResults(),
                        authenticatorAttachment: credential.authenticatorAttachment
                    }
                }
            });
        }).then(function (result) {
            if (!result || !result.success) {
                throw new Error('not registered');
            }
        });
    }

    function showError(button) {
        var target = document.getElementById(button.getAttribute('data-error-target'));
        if (target) {
            target.hidden = false;
            target.focus();
        }
        button.disabled = false;
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-passkey]').forEach(function (button) {
            if (!window.PublicKeyCredential) {
                button.disabled = true;
                return;
            }
            button.addEventListener('click', function (event) {
                event.preventDefault();
                button.disabled = true;
                if (button.getAttribute('data-passkey') === 'sign-in') {
                    signIn().catch(function () {
                        showError(button);
                    });
                } else {
                    var input = document.getElementById(button.getAttribute('data-label-input'));
                    var label = input ? input.value.trim() : '';
                    if (!label) {
                        showError(button);
                        return;
                    }
                    register(label).then(function () {
                        window.location.href = button.getAttribute('data-done');
                    }).catch(function () {
                        showError(button);
                    });
                }
            });
        });
    });
})();
