/* Applies the reader's saved theme before first paint, so a dark-theme reader never sees a
   light flash. A static file (not inline) so a strict CSP allows it with 'self'. */
try {
  var t = localStorage.getItem('theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch {}
