// Suggests titles as the visitor types; without JavaScript the search form works as it is.
(function () {
  "use strict";
  document.querySelectorAll("form[data-suggest-url]").forEach(function (form) {
    var input = form.querySelector("input[list]");
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { return; }
      timer = setTimeout(function () {
        fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {titles: []}; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.titles.map(function (title) {
              var option = document.createElement("option");
              option.value = title;
              return option;
            }));
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  });
})();
