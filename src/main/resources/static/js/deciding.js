// The proposal form's designation editor, progressively enhanced (the form works without it):
// - each date input shows its date in the Japanese era and the Western calendar next to it as it is typed;
// - only the parts of the editor the chosen target needs are shown;
// - the editor is shown for the matters that may carry a designation (3) and (4), the review window for (4).
(function () {
    var lang = document.documentElement.lang === 'en' ? 'en' : 'ja';
    var era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {era: 'long', year: 'numeric', timeZone: 'UTC'});
    var eraEn = new Intl.DateTimeFormat('en-u-ca-japanese', {era: 'long', year: 'numeric', timeZone: 'UTC'});
    var english = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});

    function eraDate(value) {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        if (!parts) {
            return '';
        }
        var date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
        if (lang === 'ja') {
            var eraYear = era.format(date).replace(/^(\D+)1年$/, '$1元年');
            return eraYear + '（' + parts[1] + '年）' + (+parts[2]) + '月' + (+parts[3]) + '日';
        }
        return english.format(date) + ' (' + eraEn.format(date) + ')';
    }

    function showEra(input) {
        var output = document.getElementById(input.getAttribute('data-era-output'));
        if (output) {
            output.textContent = eraDate(input.value);
        }
    }

    function showParts(form) {
        var chosen = form.querySelector('input[name="target"]:checked');
        var target = chosen ? chosen.value : 'NONE';
        form.querySelectorAll('[data-shown-for]').forEach(function (part) {
            var shown = part.getAttribute('data-shown-for').split(' ').indexOf(target) >= 0;
            part.hidden = !shown && !part.querySelector('[aria-invalid="true"]');
        });
        var matter = form.querySelector('select[name="matter"]');
        if (matter) {
            var editor = form.querySelector('#designation-editor');
            var review = form.querySelector('#review-window-group');
            var value = matter.value;
            if (editor) {
                editor.hidden = value !== '' && value !== 'CONTENT_AND_RESULTS' && value !== 'INFORMATION_MANAGEMENT';
            }
            if (review) {
                review.hidden = value !== 'INFORMATION_MANAGEMENT' && !review.querySelector('[aria-invalid="true"]');
            }
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        var form = document.getElementById('proposal-form');
        if (!form) {
            return;
        }
        form.querySelectorAll('input[data-era-output]').forEach(function (input) {
            input.addEventListener('input', function () { showEra(input); });
            input.addEventListener('change', function () { showEra(input); });
        });
        form.addEventListener('change', function () { showParts(form); });
        showParts(form);
    });
})();
