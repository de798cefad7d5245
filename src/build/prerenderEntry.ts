// What the prerender plugin builds for the server: the app shell rendered with Svelte's server
// renderer, as it stands at `#/` (the landing page). Only ever run at build time, in Node.
import { render } from 'svelte/server';
import App from '../ui/App.svelte';

export function renderLanding(): { head: string; body: string } {
  return render(App);
}
