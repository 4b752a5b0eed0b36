/**
 * Fills the print-only footer line (Base.astro) with the address of the page as it is shown (the explorer's view is
 * in the query) and today's date, on load and again just before printing, so paper says where and when it came from.
 */
function fill(): void {
  const lang = document.documentElement.lang.startsWith('en') ? 'en-GB' : 'id-ID';
  const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-url]')) el.textContent = location.href;
  for (const el of document.querySelectorAll<HTMLElement>('[data-print-date]')) {
    const out = el.querySelector('time');
    if (out) {
      out.textContent = date;
      out.dateTime = new Date().toISOString().slice(0, 10);
    }
    el.hidden = false;
  }
}
fill();
addEventListener('beforeprint', fill);
