// While an issue is being sent in the background, show the latest progress.
document.addEventListener("DOMContentLoaded", () => {
    const status = document.querySelector("#send-status[data-refresh]");
    if (status) {
        const seconds = Number(status.dataset.refresh) || 5;
        window.setTimeout(() => window.location.reload(), seconds * 1000);
    }
});
