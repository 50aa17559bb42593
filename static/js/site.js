/*
 * Progressive enhancement for the main navigation. The site works without it:
 * the navigation is simply visible and dropdowns open on hover and focus.
 * (1) On narrow screens, a "Menu" button shows and hides #main-nav.
 * (2) On wide screens, items with children get a disclosure button for
 *     their dropdown; Escape and a click outside close it.
 */
(function () {
    "use strict";

    var nav = document.getElementById("main-nav");
    if (!nav || !window.matchMedia || !document.documentElement.classList) {
        return;
    }

    var root = document.documentElement;
    var wide = window.matchMedia("(min-width: 48em)");
    var labelOpen = nav.getAttribute("data-toggle-label-open") || "Menu";
    var labelClose = nav.getAttribute("data-toggle-label-close") || labelOpen;
    var labelSubmenu = nav.getAttribute("data-submenu-label") || "Submenu";
    var dropdowns = [];

    root.classList.add("js");

    /* (1) Menu button for narrow screens */

    var toggle = document.createElement("button");
    var toggleText = document.createElement("span");
    var toggleIcon = document.createElement("span");
    toggle.type = "button";
    toggle.className = "nav-toggle";
    toggle.setAttribute("aria-controls", "main-nav");
    toggleIcon.className = "nav-toggle__icon";
    toggleIcon.setAttribute("aria-hidden", "true");
    toggleText.className = "nav-toggle__label";
    toggle.appendChild(toggleIcon);
    toggle.appendChild(toggleText);
    nav.parentNode.insertBefore(toggle, nav);

    function setMenu(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        toggleText.textContent = open ? labelClose : labelOpen;
        nav.classList.toggle("is-collapsed", !open);
    }

    function menuIsOpen() {
        return toggle.getAttribute("aria-expanded") === "true";
    }

    toggle.addEventListener("click", function () {
        setMenu(!menuIsOpen());
    });

    setMenu(false);

    /* (2) Dropdowns for items with children */

    function setDropdown(dropdown, open) {
        dropdown.button.setAttribute("aria-expanded", open ? "true" : "false");
        dropdown.item.classList.toggle("is-open", open);
    }

    function closeDropdowns(except) {
        dropdowns.forEach(function (dropdown) {
            if (dropdown !== except) {
                setDropdown(dropdown, false);
            }
        });
    }

    Array.prototype.forEach.call(
        nav.querySelectorAll(".main-nav__list > .has-children"),
        function (item, index) {
            var link = item.querySelector("a");
            var sub = item.querySelector(".main-nav__sub");
            if (!link || !sub) {
                return;
            }
            if (!sub.id) {
                sub.id = "main-nav-sub-" + (index + 1);
            }

            var button = document.createElement("button");
            button.type = "button";
            button.className = "main-nav__sub-toggle";
            button.setAttribute("aria-controls", sub.id);
            button.setAttribute("aria-expanded", "false");
            button.setAttribute("aria-label", labelSubmenu + " " + link.textContent.trim());
            link.parentNode.insertBefore(button, link.nextSibling);

            var dropdown = {item: item, button: button};
            dropdowns.push(dropdown);

            button.addEventListener("click", function () {
                var open = button.getAttribute("aria-expanded") !== "true";
                closeDropdowns(dropdown);
                item.classList.remove("is-suppressed");
                setDropdown(dropdown, open);
            });

            item.addEventListener("mouseleave", function () {
                item.classList.remove("is-suppressed");
            });

            item.addEventListener("focusout", function (event) {
                var next = event.relatedTarget;
                if (next && !item.contains(next)) {
                    setDropdown(dropdown, false);
                }
            });
        }
    );

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") {
            return;
        }
        var focus = document.activeElement;
        dropdowns.forEach(function (dropdown) {
            var item = dropdown.item;
            var wasOpen = item.classList.contains("is-open");
            if (item.matches && item.matches(":hover")) {
                item.classList.add("is-suppressed");
            }
            if (wasOpen) {
                setDropdown(dropdown, false);
                if (focus && item.contains(focus)) {
                    dropdown.button.focus();
                }
            }
        });
        if (!wide.matches && menuIsOpen() && focus && (nav.contains(focus) || focus === toggle)) {
            setMenu(false);
            toggle.focus();
        }
    });

    document.addEventListener("click", function (event) {
        dropdowns.forEach(function (dropdown) {
            if (!dropdown.item.contains(event.target)) {
                setDropdown(dropdown, false);
            }
        });
    });

    function onBreakpointChange() {
        closeDropdowns(null);
        setMenu(false);
    }

    if (wide.addEventListener) {
        wide.addEventListener("change", onBreakpointChange);
    } else if (wide.addListener) {
        wide.addListener(onBreakpointChange);
    }
}());
