/*
 * Title suggestions under the search box (progressive enhancement: without
 * this script the box is a plain search field).
 *
 * The ARIA 1.2 combobox pattern: the input owns a listbox; Up/Down move
 * through the suggestions (aria-activedescendant), Enter takes the one
 * chosen, Escape closes the list. Choosing a suggestion searches for that
 * title. Requests wait for a pause in typing and a newer one cancels an older
 * one, so a slow connection never shows suggestions for old text.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_CHARS = 2;

  function setUp(input) {
    var url = input.getAttribute("data-suggest-url");
    var form = input.form;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var request = null;
    var options = [];
    var active = -1;

    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    input.parentNode.insertBefore(list, input.nextSibling);
    input.parentNode.insertBefore(status, list.nextSibling);

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, n) {
        option.setAttribute("aria-selected", n === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(title) {
      input.value = title;
      close();
      form.submit();
    }

    function show(suggestions) {
      close();
      if (!suggestions.length) {
        return;
      }
      suggestions.forEach(function (suggestion, n) {
        var item = document.createElement("li");
        item.id = list.id + "-" + n;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = suggestion.title; // text, never HTML
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
          choose(suggestion.title);
        });
        list.appendChild(item);
        options.push(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = (input.getAttribute("data-suggest-count") || "%s").replace(
        "%s", String(suggestions.length)
      );
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (request) {
        request.abort();
        request = null;
      }
      if (text.length < MIN_CHARS) {
        close();
        return;
      }
      request = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), {
        signal: request.signal,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (answer) {
          if (input.value.trim() === text && document.activeElement === input) {
            show(answer.suggestions || []);
          }
        })
        .catch(function () {}); // aborted or offline: the plain search still works
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        // -1 is the text as typed; past either end wraps around to it.
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= options.length) {
          next = -1;
        } else if (next < -1) {
          next = options.length - 1;
        }
        highlight(next);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options[active].textContent);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
