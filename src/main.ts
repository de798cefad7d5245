// Entry point. index.html holds the landing page (#/) prerendered at build time
// (src/build/prerenderPlugin.ts): hydrate it when it is the page asked for; otherwise (a deep link,
// or the dev server's empty page) draw the app afresh in its place. src/boot.js hid it meanwhile.
import { hydrate, mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';
import { isLanding } from './ui/router.svelte';

const target = document.getElementById('app');
if (target) {
  if (target.dataset.prerendered === 'landing' && isLanding(location.hash))
    hydrate(App, { target });
  else {
    target.replaceChildren();
    mount(App, { target });
  }
  delete target.dataset.prerendered;
  document.documentElement.classList.remove('pf-deep');
}
