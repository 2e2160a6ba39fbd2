// Monev report: download an export in the page, so the button can show that the file is being prepared
// (Wagtail's w-progress controller) until it has arrived, and say so when it fails. Without JavaScript the
// link still downloads the file.
(function () {
  const filename = (response, fallback) => {
    const header = response.headers.get('Content-Disposition') || '';
    const match = header.match(/filename="?([^";]+)"?/);
    return match ? match[1] : fallback;
  };

  document.querySelectorAll('[data-monev-download]').forEach((link) => {
    const status = document.getElementById(link.dataset.monevDownloadStatus);
    const say = (text) => { if (status) status.textContent = text || ''; };

    link.addEventListener('click', async (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') return;
      link.setAttribute('aria-busy', 'true');
      say(link.dataset.wProgressActiveValue);
      try {
        const response = await fetch(link.href, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const save = document.createElement('a');
        save.href = url;
        save.download = filename(response, 'laporan-monev.pdf');
        document.body.append(save);
        save.click();
        save.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 10000);
        say(link.dataset.monevDoneMessage);
      } catch (error) {
        say(link.dataset.monevErrorMessage);
      } finally {
        link.removeAttribute('aria-busy');
        // Ends w-progress's busy state (it would otherwise wait for its duration).
        link.setAttribute('data-w-progress-loading-value', 'false');
      }
    });
  });
})();
