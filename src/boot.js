// Runs before the first paint: a classic script in <head> (a file, not inline, for the strict
// CSP). index.html holds the landing page (#/), prerendered at build time. Any other address
// hides it until the app has drawn the page that address names (src/main.ts), so a deep link
// never flashes the wrong page; and a theme the user chose applies before anything shows.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('pat-fence.theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch {
    /* storage may be unavailable (sandboxed iframe): the system theme applies */
  }
  // The landing page's own addresses (#/, #/compare) with no params; see isLanding in router.
  if (!/^(#\/?(compare)?\/*)?$/.test(location.hash)) root.classList.add('pf-deep');
})();
