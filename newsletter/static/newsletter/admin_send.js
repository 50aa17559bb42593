// Sending an issue goes in steps; while the page says so, take the next one.
document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("#send-form[data-auto-continue]");
    if (form) {
        window.setTimeout(() => form.requestSubmit(), 300);
    }
});
