// Whether a link's params name a player state: the app shell asks on every page, so this lives
// apart from the link parser (urlStatePlayer.ts), which only the player's views load.
const PLAYER_KEYS = ['v', 's', 'p', 'x', 'o', 'a', 'f', 't'];

export function hasPlayerLink(params: URLSearchParams): boolean {
  return PLAYER_KEYS.some((k) => params.has(k));
}
